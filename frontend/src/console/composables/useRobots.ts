/** The synced robot accounts, a page at a time, filtered; and the sync itself. */
import { ref } from 'vue';
import { call } from '../../api/client';
import { ApiError } from '../../api/errors';
import type { Robot, RobotQuery } from '../../api/types';
import { api } from '../session';

/** The state filter of the robots page. */
export type RobotFilter = '' | 'available' | 'offline' | 'captcha' | 'disabled';

/** The query a filter means (`available`: online, enabled, no captcha). */
export function filterQuery(f: RobotFilter): Pick<RobotQuery, 'online' | 'enabled' | 'captcha'> {
  switch (f) {
    case 'available':
      return { online: true, enabled: true, captcha: false };
    case 'offline':
      return { online: false };
    case 'captcha':
      return { captcha: true };
    case 'disabled':
      return { enabled: false };
    default:
      return {};
  }
}

const asApiError = (e: unknown): ApiError => (e instanceof ApiError ? e : new ApiError(0, 'unknown', String(e)));

export function useRobots(pageSize = 100) {
  const robots = ref<Robot[]>([]);
  const next = ref<string | null>(null);
  const lastSync = ref<string | null>(null);
  const loading = ref(false);
  const error = ref<ApiError | null>(null);
  const q = ref('');
  const filter = ref<RobotFilter>('');

  async function load(more = false): Promise<void> {
    loading.value = true;
    error.value = null;
    try {
      const query: RobotQuery = { limit: pageSize, ...filterQuery(filter.value) };
      if (q.value.trim()) query.q = q.value.trim();
      if (more && next.value) query.cursor = next.value;
      const page = await call(api.GET('/api/robots', { params: { query } }));
      robots.value = more ? [...robots.value, ...page.items] : page.items;
      next.value = page.next_cursor ?? null;
      lastSync.value = page.last_sync_at ?? null;
    } catch (e) {
      error.value = asApiError(e);
    } finally {
      loading.value = false;
    }
  }

  /** Syncs now; throws ApiError (503 when no provider is configured). */
  async function sync() {
    const result = await call(api.POST('/api/robots/sync'));
    await load();
    return result;
  }

  return { robots, next, lastSync, loading, error, q, filter, load, sync };
}
