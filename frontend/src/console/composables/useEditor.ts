/**
 * Loading and saving one post with optimistic locking. On a 409 the draft is
 * left exactly as typed; the person then reloads the server version or
 * overwrites it by re-sending with the version the 409 reported.
 */
import { computed, ref } from 'vue';
import { call } from '../../api/client';
import { ApiError } from '../../api/errors';
import type { Post } from '../../api/types';
import { cloneDraft, type Draft, draftFromPost, draftToInput, emptyDraft, sameInput } from '../lib/draft';
import { api } from '../session';

export function useEditor() {
  const draft = ref<Draft>(emptyDraft());
  /** The last loaded or saved state; the draft differs from it when there are unsaved changes. */
  const base = ref<Draft>(emptyDraft());
  const postId = ref<number | null>(null);
  const version = ref<number | null>(null);
  const loading = ref(false);
  const saving = ref(false);
  const loadError = ref<ApiError | null>(null);
  const saveError = ref<ApiError | null>(null);
  /**
   * Set after a 409: the server's current version, when it said, and its text
   * (fetched at once so both versions can be shown side by side).
   */
  const conflict = ref<{ currentVersion: number | null; theirs: Draft | null } | null>(null);
  const dirty = computed(() => !sameInput(draft.value, base.value));

  function adopt(p: Post): void {
    postId.value = p.id;
    version.value = p.version;
    draft.value = draftFromPost(p);
    base.value = draftFromPost(p);
  }

  async function load(id: number): Promise<Post | null> {
    loading.value = true;
    loadError.value = null;
    try {
      const p = await call(api.GET('/api/posts/{id}', { params: { path: { id } } }));
      adopt(p);
      conflict.value = null;
      saveError.value = null;
      return p;
    } catch (e) {
      loadError.value = e instanceof ApiError ? e : new ApiError(0, 'unknown', String(e));
      return null;
    } finally {
      loading.value = false;
    }
  }

  /** Creates or updates; returns the saved post, or null with saveError/conflict set. */
  async function save(withVersion?: number): Promise<Post | null> {
    saving.value = true;
    saveError.value = null;
    try {
      const input = draftToInput(draft.value);
      const sent = cloneDraft(draft.value);
      const id = postId.value;
      const saved =
        id === null
          ? await call(api.POST('/api/posts', { body: input }))
          : await call(
              api.PUT('/api/posts/{id}', {
                params: { path: { id } },
                body: { ...input, version: withVersion ?? version.value ?? 0 },
              }),
            );
      postId.value = saved.id;
      version.value = saved.version;
      // The person may have typed on while the request was in flight: keep that.
      base.value = sent;
      conflict.value = null;
      return saved;
    } catch (e) {
      const err = e instanceof ApiError ? e : new ApiError(0, 'unknown', String(e));
      if (err.code === 'version_conflict') conflict.value = await theirsAfterConflict(err.currentVersion);
      else saveError.value = err;
      return null;
    } finally {
      saving.value = false;
    }
  }

  /** The server's side of a conflict; without it the banner still offers both choices. */
  async function theirsAfterConflict(currentVersion: number | null): Promise<{ currentVersion: number | null; theirs: Draft | null }> {
    const id = postId.value;
    if (id === null) return { currentVersion, theirs: null };
    try {
      const p = await call(api.GET('/api/posts/{id}', { params: { path: { id } } }));
      return { currentVersion: p.version, theirs: draftFromPost(p) };
    } catch {
      return { currentVersion, theirs: null };
    }
  }

  /** Overwrite after a 409 with the version the server reported (or fetch it if it did not). */
  async function overwrite(): Promise<Post | null> {
    let v = conflict.value?.currentVersion ?? null;
    if (v === null && postId.value !== null) {
      const id = postId.value;
      try {
        v = (await call(api.GET('/api/posts/{id}', { params: { path: { id } } }))).version;
      } catch (e) {
        saveError.value = e instanceof ApiError ? e : new ApiError(0, 'unknown', String(e));
        return null;
      }
    }
    return save(v ?? undefined);
  }

  /** Back to a blank note (the "new note" link while editing another). */
  function reset(): void {
    draft.value = emptyDraft();
    base.value = emptyDraft();
    postId.value = null;
    version.value = null;
    conflict.value = null;
    saveError.value = null;
    loadError.value = null;
  }

  return { reset, draft, base, postId, version, loading, saving, loadError, saveError, conflict, dirty, load, save, overwrite };
}
