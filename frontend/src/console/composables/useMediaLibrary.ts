/** The media library a page at a time, newest first, optionally of one kind. */
import { ref, watch } from 'vue';
import { call } from '../../api/client';
import { ApiError } from '../../api/errors';
import type { Media, MediaKind } from '../../api/types';
import { forgetMedia, rememberMedia } from '../lib/mediaIndex';
import { api } from '../session';

export function useMediaLibrary(initialKind: MediaKind | '' = '', pageSize = 40) {
  const kind = ref<MediaKind | ''>(initialKind);
  const items = ref<Media[]>([]);
  const nextCursor = ref<string | null>(null);
  const loading = ref(false);
  const error = ref<ApiError | null>(null);
  let seq = 0;

  async function fetchPage(cursor: string | null): Promise<void> {
    const mine = ++seq;
    loading.value = true;
    error.value = null;
    try {
      const query = { limit: pageSize, ...(cursor ? { cursor } : {}), ...(kind.value ? { kind: kind.value } : {}) };
      const page = await call(api.GET('/api/media', { params: { query } }));
      if (mine !== seq) return;
      rememberMedia(page.items);
      items.value = cursor ? [...items.value, ...page.items] : page.items;
      nextCursor.value = page.next_cursor ?? null;
    } catch (e) {
      if (mine === seq) error.value = e instanceof ApiError ? e : new ApiError(0, 'unknown', String(e));
    } finally {
      if (mine === seq) loading.value = false;
    }
  }

  const reload = (): Promise<void> => fetchPage(null);
  const loadMore = (): Promise<void> => (nextCursor.value ? fetchPage(nextCursor.value) : Promise.resolve());

  /** Newly uploaded items go first (an item uploaded again is moved, not doubled). */
  function prepend(media: Media[]): void {
    const fresh = media.filter((m) => !kind.value || m.kind === kind.value);
    const ids = new Set(fresh.map((m) => m.id));
    items.value = [...fresh, ...items.value.filter((m) => !ids.has(m.id))];
  }

  /** Throws ApiError: 409 media_in_use while a post uses it. */
  async function remove(m: Media): Promise<void> {
    await call(api.DELETE('/api/media/{id}', { params: { path: { id: m.id } } }));
    items.value = items.value.filter((x) => x.id !== m.id);
    forgetMedia(m.url);
  }

  watch(kind, () => void reload());
  return { kind, items, nextCursor, loading, error, reload, loadMore, prepend, remove };
}
