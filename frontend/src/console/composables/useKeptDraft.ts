/**
 * The editor's draft kept on this device (lib/localDraft): written while the
 * text differs from the server's, offered for restore after a load, cleared
 * on save. Writing starts only once the offer was made for the note on
 * screen, so loading a note never overwrites or clears what was kept.
 */
import { ref, watch } from 'vue';
import { cloneDraft } from '../lib/draft';
import { clearLocalDraft, type LocalDraft, restorable, storeLocalDraft } from '../lib/localDraft';
import type { useEditor } from './useEditor';

export function useKeptDraft(ed: ReturnType<typeof useEditor>) {
  const { draft, dirty, postId, version, loading } = ed;
  /** The kept draft that differs from what was loaded, until restored or discarded. */
  const offer = ref<LocalDraft | null>(null);
  /** The note (null: the new note) whose draft is being kept; undefined while one loads. */
  const keptFor = ref<number | null | undefined>(undefined);

  watch(
    [draft, dirty],
    () => {
      if (keptFor.value === undefined || keptFor.value !== postId.value || offer.value || loading.value) return;
      if (dirty.value) storeLocalDraft(postId.value, draft.value, version.value);
      else clearLocalDraft(postId.value);
    },
    { deep: true },
  );

  return {
    offer,
    /** A note is about to load: keep nothing until it is there. */
    pause: (): void => void (keptFor.value = undefined),
    /** The note `id` is on screen as the server has it: offer what was kept, then keep its edits. */
    check(id: number | null): void {
      offer.value = restorable(id, draft.value);
      keptFor.value = id;
    },
    /** Saved (as `id`; `wasNew` when it was the new note): nothing to keep any more. */
    saved(id: number, wasNew = false): void {
      if (wasNew) clearLocalDraft(null);
      clearLocalDraft(id);
      offer.value = null;
      keptFor.value = id;
    },
    /** The server's version replaces the text on purpose (reload after a conflict, history restore). */
    drop(id: number): void {
      clearLocalDraft(id);
      keptFor.value = undefined;
    },
    restore(): boolean {
      if (!offer.value) return false;
      draft.value = cloneDraft(offer.value.draft);
      offer.value = null;
      return true;
    },
    discard(): void {
      clearLocalDraft(postId.value);
      offer.value = null;
    },
  };
}
