/** A campaign's assignment table: filters (status, note, account, group) and cursor paging. */
import { ref, watch } from 'vue';
import { call } from '../../api/client';
import { ApiError } from '../../api/errors';
import type { Assignment, AssignmentQuery, AssignmentStatus } from '../../api/types';
import { api } from '../session';

const PAGE_SIZE = 50;

export interface AssignmentFilters {
  status: AssignmentStatus | '';
  postId: number | '';
  accountId: number | '';
  groupId: number | '';
}

export function useAssignments(id: number) {
  const items = ref<Assignment[]>([]);
  const nextCursor = ref<string | null>(null);
  const loading = ref(false);
  const error = ref<ApiError | null>(null);
  const filters = ref<AssignmentFilters>({ status: '', postId: '', accountId: '', groupId: '' });
  let seq = 0;

  async function fetchPage(cursor: string | null): Promise<void> {
    const mine = ++seq;
    loading.value = true;
    const f = filters.value;
    const query: AssignmentQuery = { limit: PAGE_SIZE };
    if (cursor) query.cursor = cursor;
    if (f.status) query.status = f.status;
    if (f.postId !== '') query.post_id = f.postId;
    if (f.accountId !== '') query.account_id = f.accountId;
    if (f.groupId !== '') query.group_id = f.groupId;
    try {
      const page = await call(api.GET('/api/campaigns/{id}/assignments', { params: { path: { id }, query } }));
      if (mine !== seq) return;
      items.value = cursor ? [...items.value, ...page.items] : page.items;
      nextCursor.value = page.next_cursor ?? null;
      error.value = null;
    } catch (e) {
      if (mine === seq) error.value = e instanceof ApiError ? e : new ApiError(0, 'unknown', String(e));
    } finally {
      if (mine === seq) loading.value = false;
    }
  }

  const reload = (): Promise<void> => fetchPage(null);
  const loadMore = (): Promise<void> => (nextCursor.value ? fetchPage(nextCursor.value) : Promise.resolve());
  watch(filters, () => void reload(), { deep: true });

  return { items, nextCursor, loading, error, filters, reload, loadMore };
}
