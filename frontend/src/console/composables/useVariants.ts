/**
 * The variants of the note in the editor: the list, which tab is open
 * (`note`, a variant's id, or `new`), the open variant's working copy and
 * whether it has unsaved changes, and save/delete. Every change of a variant
 * moves the note's version on: `onVersion` hands the new one to the editor.
 */
import { computed, ref } from 'vue';
import { call } from '../../api/client';
import { ApiError } from '../../api/errors';
import type { Variant } from '../../api/types';
import { emptyVariant, nextLabel, sameVariant, variantDraftOf, variantToInput, type VariantDraft } from '../lib/variants';
import { api } from '../session';

export type VariantTab = 'note' | 'new' | number;

export function useVariants(postId: () => number | null, onVersion: (v: number) => void) {
  const variants = ref<Variant[]>([]);
  const tab = ref<VariantTab>('note');
  const draft = ref<VariantDraft>(emptyVariant());
  const base = ref<VariantDraft>(emptyVariant());
  const saving = ref(false);
  const error = ref<ApiError | null>(null);
  /** Unsaved changes in the open variant (a new one counts once it has a field). */
  const dirty = computed(() => tab.value !== 'note' && !sameVariant(draft.value, base.value));

  const fail = (e: unknown): ApiError => (e instanceof ApiError ? e : new ApiError(0, 'unknown', String(e)));

  async function load(): Promise<void> {
    const id = postId();
    variants.value = [];
    tab.value = 'note';
    if (id === null) return;
    try {
      const list = await call(api.GET('/api/posts/{id}/variants', { params: { path: { id } } }));
      variants.value = list.items;
    } catch (e) {
      error.value = fail(e);
    }
  }

  /** Opens a tab, starting its working copy from what is stored. */
  function open(next: VariantTab): void {
    tab.value = next;
    error.value = null;
    const v = typeof next === 'number' ? variants.value.find((x) => x.id === next) : undefined;
    const start = v ? variantDraftOf(v) : emptyVariant(nextLabel(variants.value.map((x) => x.label)));
    draft.value = start;
    // A new variant is unsaved from the start only once something is typed.
    base.value = { ...start, image_urls: [...start.image_urls] };
  }

  async function save(): Promise<Variant | null> {
    const id = postId();
    if (id === null || tab.value === 'note') return null;
    saving.value = true;
    error.value = null;
    const body = variantToInput(draft.value);
    try {
      const current = tab.value;
      const saved =
        current === 'new'
          ? await call(api.POST('/api/posts/{id}/variants', { params: { path: { id } }, body }))
          : await call(api.PUT('/api/posts/{id}/variants/{variant_id}', { params: { path: { id, variant_id: current } }, body }));
      const i = variants.value.findIndex((v) => v.id === saved.id);
      variants.value = i < 0 ? [...variants.value, saved] : variants.value.map((v) => (v.id === saved.id ? saved : v));
      onVersion(saved.post_version);
      open(saved.id);
      return saved;
    } catch (e) {
      error.value = fail(e);
      return null;
    } finally {
      saving.value = false;
    }
  }

  async function remove(): Promise<boolean> {
    const id = postId();
    const current = tab.value;
    if (id === null || typeof current !== 'number') return false;
    saving.value = true;
    error.value = null;
    try {
      await call(api.DELETE('/api/posts/{id}/variants/{variant_id}', { params: { path: { id, variant_id: current } } }));
      variants.value = variants.value.filter((v) => v.id !== current);
      // The note's version moved on: read it back rather than guess.
      const list = await call(api.GET('/api/posts/{id}/variants', { params: { path: { id } } }));
      onVersion(list.post_version);
      tab.value = 'note';
      return true;
    } catch (e) {
      error.value = fail(e);
      return false;
    } finally {
      saving.value = false;
    }
  }

  return { variants, tab, draft, saving, error, dirty, load, open, save, remove };
}
