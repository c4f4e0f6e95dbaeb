/**
 * The title of a post, for the headers of its links and statistics pages, and
 * its review state (links and dispatch wait for an approval when it is on).
 */
import { ref, watch, type Ref } from 'vue';
import { call } from '../../api/client';
import { ApiError } from '../../api/errors';
import { reviewOf, type PostReview } from '../lib/review';
import { api } from '../session';

export function usePostTitle(id: Ref<number | null>) {
  const title = ref<string | null>(null);
  const error = ref<ApiError | null>(null);
  const review = ref<PostReview | null>(null);
  watch(
    id,
    async (pid) => {
      title.value = null;
      review.value = null;
      error.value = null;
      if (pid === null) return;
      try {
        const p = await call(api.GET('/api/posts/{id}', { params: { path: { id: pid } } }));
        title.value = p.title;
        review.value = reviewOf(p);
      } catch (e) {
        error.value = e instanceof ApiError ? e : new ApiError(0, 'unknown', String(e));
      }
    },
    { immediate: true },
  );
  return { title, error, review };
}
