/**
 * `GET /api/platforms`, loaded once per session and shared by the dashboard,
 * the settings page, the editor's pre-flight and the links page, so they all
 * say the same thing about XHS without credentials.
 */
import { computed, ref } from 'vue';
import { call } from '../../api/client';
import { ApiError } from '../../api/errors';
import { type PlatformStatus, xhsUsesKit } from '../lib/platformStatus';
import { api } from '../session';

const list = ref<PlatformStatus[] | null>(null);
const error = ref<ApiError | null>(null);
const loading = ref(false);
let pending: Promise<void> | null = null;

async function fetchList(): Promise<void> {
  loading.value = true;
  error.value = null;
  try {
    const got = await call(api.GET('/api/platforms'));
    list.value = Array.isArray(got?.platforms) ? got.platforms : [];
  } catch (e) {
    error.value = e instanceof ApiError ? e : new ApiError(0, 'unknown', String(e));
  } finally {
    loading.value = false;
    pending = null;
  }
}

/** Loads the list (once, unless `force`); every caller shares the same refs. */
export function usePlatformStatus(force = false) {
  if ((list.value === null || force) && pending === null) pending = fetchList();
  return {
    list,
    error,
    loading,
    /** XHS hands phones the copy kit (no credentials); false until known. */
    xhsKit: computed(() => xhsUsesKit(list.value)),
    reload: (): Promise<void> => (pending ??= fetchList()),
  };
}

/** Forgets the loaded list (tests; a sign-out). */
export function resetPlatformStatus(): void {
  list.value = null;
  error.value = null;
  pending = null;
}
