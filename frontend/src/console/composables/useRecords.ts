/**
 * The publish records of one account, with the titles of their posts (the
 * records carry them; a post without a title keeps its #id) and the confirm action.
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

  function keepTitles(list: PublishRecord[]): void {
    const next: Record<number, string> = {};
    list.forEach((r) => {
      if (r.post_title) next[r.post_id] = r.post_title;
    });
    titles.value = next;
  }

  async function load(): Promise<void> {
    loading.value = true;
    error.value = null;
    try {
      records.value = await call(api.GET('/api/records', { params: { query: { account_id: accountId } } }));
      keepTitles(records.value);
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
