/** A note's saved versions: the list (newest first), one version, a diff of two, and restore. */
import { ref } from 'vue';
import { call } from '../../api/client';
import { ApiError } from '../../api/errors';
import type { PostDiff, PostVersion, PostVersionSummary } from '../../api/team-types';
import type { Post } from '../../api/types';
import { api } from '../session';

export function useVersions(postId: () => number | null) {
  const versions = ref<PostVersionSummary[]>([]);
  const loading = ref(false);
  const error = ref<ApiError | null>(null);

  async function guard<T>(run: (id: number) => Promise<T>): Promise<T | null> {
    const id = postId();
    if (id === null) return null;
    loading.value = true;
    error.value = null;
    try {
      return await run(id);
    } catch (e) {
      error.value = e instanceof ApiError ? e : new ApiError(0, 'unknown', String(e));
      return null;
    } finally {
      loading.value = false;
    }
  }

  async function load(): Promise<void> {
    const list = await guard((id) => call(api.GET('/api/posts/{id}/versions', { params: { path: { id } } })));
    if (list) versions.value = list.items;
  }

  const view = (version: number): Promise<PostVersion | null> =>
    guard((id) => call(api.GET('/api/posts/{id}/versions/{version}', { params: { path: { id, version } } })));

  /** The diff from the older to the newer of two versions. */
  const diff = (a: number, b: number): Promise<PostDiff | null> =>
    guard((id) => call(api.GET('/api/posts/{id}/diff', { params: { path: { id }, query: { from: Math.min(a, b), to: Math.max(a, b) } } })));

  async function restore(version: number): Promise<Post | null> {
    const p = await guard((id) => call(api.POST('/api/posts/{id}/versions/{version}/restore', { params: { path: { id, version } } })));
    if (p) await load();
    return p;
  }

  return { versions, loading, error, load, view, diff, restore };
}
