/**
 * Statistics of one post, link or account for a window of days. The same
 * panel serves all three; only the endpoint differs.
 */
import { ref, watch, type Ref } from 'vue';
import { call } from '../../api/client';
import { ApiError } from '../../api/errors';
import type { Stats } from '../../api/types';
import { api } from '../session';

export type StatsSubject = { kind: 'post' | 'link' | 'account'; id: number };

function fetchStats(subject: StatsSubject, days: number): Promise<Stats> {
  const params = { path: { id: subject.id }, query: { days } };
  switch (subject.kind) {
    case 'post':
      return call(api.GET('/api/posts/{id}/stats', { params }));
    case 'link':
      return call(api.GET('/api/links/{id}/stats', { params }));
    case 'account':
      return call(api.GET('/api/accounts/{id}/stats', { params }));
  }
}

export function useStats(subject: Ref<StatsSubject>, initialDays = 30) {
  const days = ref(initialDays);
  const stats = ref<Stats | null>(null);
  const loading = ref(false);
  const error = ref<ApiError | null>(null);
  let seq = 0;

  async function load(): Promise<void> {
    const mine = ++seq;
    loading.value = true;
    error.value = null;
    try {
      const s = await fetchStats(subject.value, days.value);
      if (mine === seq) stats.value = s;
    } catch (e) {
      if (mine === seq) error.value = e instanceof ApiError ? e : new ApiError(0, 'unknown', String(e));
    } finally {
      if (mine === seq) loading.value = false;
    }
  }

  watch([days, () => subject.value.kind, () => subject.value.id], () => void load(), { immediate: true });
  return { days, stats, loading, error, reload: load };
}
