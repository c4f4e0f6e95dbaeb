/** The title of a post, for the headers of its links and statistics pages. */
import { ref, watch, type Ref } from 'vue';
import { call } from '../../api/client';
import { ApiError } from '../../api/errors';
import { api } from '../session';

export function usePostTitle(id: Ref<number | null>) {
  const title = ref<string | null>(null);
  const error = ref<ApiError | null>(null);
  watch(
    id,
    async (pid) => {
      title.value = null;
      error.value = null;
      if (pid === null) return;
      try {
        title.value = (await call(api.GET('/api/posts/{id}', { params: { path: { id: pid } } }))).title;
      } catch (e) {
        error.value = e instanceof ApiError ? e : new ApiError(0, 'unknown', String(e));
      }
    },
    { immediate: true },
  );
  return { title, error };
}
