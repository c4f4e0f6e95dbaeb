/** The home page's numbers: one request, loaded when the page opens and on demand. */
import { ref } from 'vue';
import { call } from '../../api/client';
import { ApiError } from '../../api/errors';
import type { Dashboard } from '../../api/types';
import { api } from '../session';

export function useDashboard() {
  const data = ref<Dashboard | null>(null);
  const loading = ref(false);
  const error = ref<ApiError | null>(null);

  async function load(): Promise<void> {
    loading.value = true;
    error.value = null;
    try {
      data.value = await call(api.GET('/api/dashboard'));
    } catch (e) {
      error.value = e instanceof ApiError ? e : new ApiError(0, 'unknown', String(e));
    } finally {
      loading.value = false;
    }
  }

  /** Robots are not configured on this server (GET /api/robots answers 503 robots_not_configured). */
  const robotsOff = ref<boolean | null>(null);
  async function checkRobots(): Promise<void> {
    try {
      await call(api.GET('/api/robots', { params: { query: { limit: 1 } } }));
      robotsOff.value = false;
    } catch (e) {
      robotsOff.value = e instanceof ApiError && e.code === 'robots_not_configured';
    }
  }

  return { data, loading, error, load, robotsOff, checkRobots };
}
