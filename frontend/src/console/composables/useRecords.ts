/**
 * The publish records of one account, with the titles of their posts (fetched
 * once per post; a deleted post keeps its #id) and the confirm action.
 */
import { ref } from 'vue';
import { call } from '../../api/client';
import { ApiError } from '../../api/errors';
import type { PublishRecord } from '../../api/types';
import { api } from '../session';

export function useRecords(accountId: number) {
  const records = ref<PublishRecord[]>([]);
  const titles = ref<Record<number, string>>({});
  const loading = ref(false);
  const error = ref<ApiError | null>(null);

  async function loadTitles(ids: number[]): Promise<void> {
    const missing = [...new Set(ids)].filter((id) => !(id in titles.value));
    const found = await Promise.allSettled(missing.map((id) => call(api.GET('/api/posts/{id}', { params: { path: { id } } }))));
    const next = { ...titles.value };
    found.forEach((r) => {
      if (r.status === 'fulfilled') next[r.value.id] = r.value.title;
    });
    titles.value = next;
  }

  async function load(): Promise<void> {
    loading.value = true;
    error.value = null;
    try {
      records.value = await call(api.GET('/api/records', { params: { query: { account_id: accountId } } }));
      void loadTitles(records.value.map((r) => r.post_id));
    } catch (e) {
      error.value = e instanceof ApiError ? e : new ApiError(0, 'unknown', String(e));
    } finally {
      loading.value = false;
    }
  }

  /** Throws ApiError (422 when it is not an XHS note link). */
  async function confirm(id: number, noteUrl: string): Promise<void> {
    const updated = await call(api.PUT('/api/records/{id}/confirm', { params: { path: { id } }, body: { note_url: noteUrl } }));
    records.value = records.value.map((r) => (r.id === id ? updated : r));
  }

  return { records, titles, loading, error, load, confirm };
}
