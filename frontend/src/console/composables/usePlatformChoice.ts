/**
 * The platforms a new link of a saved post offers: the post's pre-flight
 * (GET /api/posts/{id}/preflight) says which can take it, and those are
 * chosen until the operator changes the choice. `platforms` is sent only
 * then, so a link made before the verdicts arrive gets the server's default.
 */
import { computed, ref } from 'vue';
import { call } from '../../api/client';
import { ApiError } from '../../api/errors';
import type { Preflight } from '../../api/types';
import { defaultPlatforms, samePlatforms, type SharePlatform } from '../lib/platforms';
import { api } from '../session';

export function usePlatformChoice(postId: number) {
  const preflight = ref<Preflight | null>(null);
  const error = ref<ApiError | null>(null);
  const defaults = computed(() => defaultPlatforms(preflight.value));
  const chosen = ref<SharePlatform[]>([]);

  async function load(): Promise<void> {
    error.value = null;
    try {
      preflight.value = await call(api.GET('/api/posts/{id}/preflight', { params: { path: { id: postId } } }));
      chosen.value = [...defaults.value];
    } catch (e) {
      error.value = e instanceof ApiError ? e : new ApiError(0, 'unknown', String(e));
    }
  }

  /** What a new link's `platforms` should be: absent while the choice is the default. */
  const toSend = (): SharePlatform[] | undefined => (samePlatforms(chosen.value, defaults.value) ? undefined : [...chosen.value]);

  /** Back to the default, for the next link. */
  const reset = (): void => void (chosen.value = [...defaults.value]);

  return { preflight, error, chosen, load, toSend, reset };
}
