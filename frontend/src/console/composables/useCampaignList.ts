/** The campaign list: a status filter and cursor paging; only the newest answer is applied. */
import { ref, watch } from 'vue';
import { call } from '../../api/client';
import { ApiError } from '../../api/errors';
import type { Campaign, CampaignStatus } from '../../api/types';
import { api } from '../session';

const PAGE_SIZE = 20;

export function useCampaignList(initial: CampaignStatus | '') {
  const items = ref<Campaign[]>([]);
  const nextCursor = ref<string | null>(null);
  const loading = ref(false);
  const error = ref<ApiError | null>(null);
  const status = ref<CampaignStatus | ''>(initial);
  let seq = 0;

  async function fetchPage(cursor: string | null): Promise<void> {
    const mine = ++seq;
    loading.value = true;
    const query: { limit: number; cursor?: string; status?: CampaignStatus } = { limit: PAGE_SIZE };
    if (cursor) query.cursor = cursor;
    if (status.value) query.status = status.value;
    try {
      const page = await call(api.GET('/api/campaigns', { params: { query } }));
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
  watch(status, () => void reload());

  return { items, nextCursor, loading, error, status, reload, loadMore };
}
