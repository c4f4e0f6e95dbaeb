/** The audit log, newest first, a page at a time; a newer search wins over an older one. */
import { ref } from 'vue';
import { call } from '../../api/client';
import { ApiError } from '../../api/errors';
import type { AuditEntry } from '../../api/team-types';
import { auditQuery, type AuditFilter } from '../lib/audit';
import { api } from '../session';

export function useAudit() {
  const entries = ref<AuditEntry[]>([]);
  const nextCursor = ref<string | null>(null);
  const loading = ref(false);
  const error = ref<ApiError | null>(null);
  let seq = 0;
  /** The filter of the shown entries: "load more" continues it even if the bar was edited since. */
  let shown: AuditFilter | null = null;

  async function fetchPage(filter: AuditFilter, cursor: string | null): Promise<void> {
    const mine = ++seq;
    loading.value = true;
    error.value = null;
    try {
      const page = await call(api.GET('/api/audit', { params: { query: auditQuery(filter, cursor) } }));
      if (mine !== seq) return;
      entries.value = cursor ? [...entries.value, ...page.items] : page.items;
      nextCursor.value = page.next_cursor ?? null;
    } catch (e) {
      if (mine === seq) error.value = e instanceof ApiError ? e : new ApiError(0, 'unknown', String(e));
    } finally {
      if (mine === seq) loading.value = false;
    }
  }

  function search(f: AuditFilter): Promise<void> {
    shown = { ...f };
    return fetchPage(shown, null);
  }
  const loadMore = (): Promise<void> => (shown && nextCursor.value ? fetchPage(shown, nextCursor.value) : Promise.resolve());

  return { entries, nextCursor, loading, error, search, loadMore };
}
