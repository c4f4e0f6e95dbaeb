/**
 * The post list with search, type filter and cursor paging. Requests can
 * overlap while the person types; only the newest answer is applied.
 */
import { ref, watch } from 'vue';
import { call } from '../../api/client';
import { ApiError } from '../../api/errors';
import type { ListQuery, Post, PostKind } from '../../api/types';
import { errorText } from '../i18n';
import { api } from '../session';

const PAGE_SIZE = 20;
const SEARCH_DEBOUNCE_MS = 300;

export function usePostList(initial: { q: string; type: PostKind | '' }) {
  const items = ref<Post[]>([]);
  const nextCursor = ref<string | null>(null);
  const loading = ref(false);
  const error = ref<string | null>(null);
  const q = ref(initial.q);
  const type = ref<PostKind | ''>(initial.type);
  let seq = 0;

  async function fetchPage(cursor: string | null): Promise<void> {
    const mine = ++seq;
    loading.value = true;
    error.value = null;
    const query: ListQuery = { limit: PAGE_SIZE };
    if (cursor) query.cursor = cursor;
    if (q.value.trim()) query.q = q.value.trim();
    if (type.value) query.type = type.value;
    try {
      const page = await call(api.GET('/api/posts', { params: { query } }));
      if (mine !== seq) return;
      items.value = cursor ? [...items.value, ...page.items] : page.items;
      nextCursor.value = page.next_cursor ?? null;
    } catch (e) {
      if (mine !== seq) return;
      error.value = e instanceof ApiError ? errorText(e) : String(e);
    } finally {
      if (mine === seq) loading.value = false;
    }
  }

  const reload = (): Promise<void> => fetchPage(null);
  const loadMore = (): Promise<void> => (nextCursor.value ? fetchPage(nextCursor.value) : Promise.resolve());

  /** Deletes on the server, then drops the row without reloading (keeps the scroll position). */
  async function remove(id: number): Promise<void> {
    await call(api.DELETE('/api/posts/{id}', { params: { path: { id } } }));
    items.value = items.value.filter((p) => p.id !== id);
  }

  let timer: ReturnType<typeof setTimeout> | undefined;
  watch(q, () => {
    clearTimeout(timer);
    timer = setTimeout(() => void reload(), SEARCH_DEBOUNCE_MS);
  });
  watch(type, () => void reload());

  return { items, nextCursor, loading, error, q, type, reload, loadMore, remove };
}
