/** The people of one note (a row per share link) and the reminders (催办) of the unfinished. */
import { ref } from 'vue';
import { call } from '../../api/client';
import { ApiError } from '../../api/errors';
import type { Person, Reminders } from '../../api/types';
import { api } from '../session';

export function usePeople(postId: () => number) {
  const people = ref<Person[]>([]);
  const reminders = ref<Reminders>({ items: [], text: '' });
  const unfinished = ref(false);
  const loading = ref(false);
  const error = ref<ApiError | null>(null);

  async function load(): Promise<void> {
    const id = postId();
    loading.value = true;
    error.value = null;
    try {
      const query = unfinished.value ? { unfinished: true } : {};
      const [rows, r] = await Promise.all([
        call(api.GET('/api/posts/{id}/people', { params: { path: { id }, query } })),
        call(api.GET('/api/posts/{id}/reminders', { params: { path: { id } } })),
      ]);
      people.value = rows;
      reminders.value = r;
    } catch (e) {
      error.value = e instanceof ApiError ? e : new ApiError(0, 'unknown', String(e));
    } finally {
      loading.value = false;
    }
  }

  return { people, reminders, unfinished, loading, error, load };
}
