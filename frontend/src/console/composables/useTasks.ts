/** Robot tasks of a post (or all), refreshed while shown so statuses are live. */
import { onBeforeUnmount, ref } from 'vue';
import { call } from '../../api/client';
import { ApiError } from '../../api/errors';
import type { Task, TaskStatus } from '../../api/types';
import { api } from '../session';

const asApiError = (e: unknown): ApiError => (e instanceof ApiError ? e : new ApiError(0, 'unknown', String(e)));

/** Statuses that still change by themselves (worth polling for). */
export const LIVE: readonly TaskStatus[] = ['queued', 'waiting', 'sending', 'accepted', 'paused'];

export function useTasks(postId: number | null, pollMs = 3000) {
  const tasks = ref<Task[]>([]);
  const status = ref<TaskStatus | ''>('');
  const error = ref<ApiError | null>(null);
  const loading = ref(false);
  let timer: ReturnType<typeof setTimeout> | null = null;

  async function load(): Promise<void> {
    loading.value = true;
    try {
      const query: { limit: number; post_id?: number; status?: TaskStatus } = { limit: 100 };
      if (postId !== null) query.post_id = postId;
      if (status.value) query.status = status.value;
      tasks.value = (await call(api.GET('/api/tasks', { params: { query } }))).items;
      error.value = null;
    } catch (e) {
      error.value = asApiError(e);
    } finally {
      loading.value = false;
    }
  }

  /** Reloads now and again every `pollMs` while something can still change. */
  function watchLive(): void {
    if (timer) clearTimeout(timer);
    void load().then(() => {
      if (tasks.value.some((t) => LIVE.includes(t.status))) timer = setTimeout(watchLive, pollMs);
    });
  }

  async function act(id: number, action: 'retry' | 'cancel'): Promise<void> {
    const path = action === 'retry' ? '/api/tasks/{id}/retry' : '/api/tasks/{id}/cancel';
    const updated = await call(api.POST(path, { params: { path: { id } } }));
    tasks.value = tasks.value.map((t) => (t.id === id ? updated : t));
    watchLive();
  }

  onBeforeUnmount(() => {
    if (timer) clearTimeout(timer);
  });

  return { tasks, status, error, loading, load, watchLive, act };
}
