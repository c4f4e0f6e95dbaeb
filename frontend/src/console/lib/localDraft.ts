/**
 * The editor's copy of unsaved text in localStorage, one per note (and one for
 * the new note), so a reload, a crash or a closed tab loses nothing. It is
 * written while the draft differs from what the server has and removed on save.
 */
import { cloneDraft, type Draft, emptyDraft, sameInput } from './draft';

/** What is kept: the text, the server version it was based on, and when. */
export interface LocalDraft {
  draft: Draft;
  /** The note's version the edit started from (null for a new note). */
  baseVersion: number | null;
  /** Epoch milliseconds of the last write. */
  savedAt: number;
}

const PREFIX = 'xhspub.draft.';

/** The storage key of a note's draft; `null` is the new note. */
export function draftKey(postId: number | null): string {
  return PREFIX + (postId === null ? 'new' : String(postId));
}

/** localStorage when the browser gives it (private modes may throw on access). */
function defaultStore(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

function isDraft(v: unknown): v is Draft {
  if (typeof v !== 'object' || v === null) return false;
  const d = v as Record<string, unknown>;
  return (
    (d.type === 'normal' || d.type === 'video') &&
    typeof d.title === 'string' &&
    typeof d.content === 'string' &&
    Array.isArray(d.image_urls) &&
    d.image_urls.every((u) => typeof u === 'string') &&
    (d.cover_url === null || typeof d.cover_url === 'string') &&
    (d.video_url === null || typeof d.video_url === 'string')
  );
}

/** Keeps `draft` for the note; a full or refused storage is not an error worth showing. */
export function storeLocalDraft(postId: number | null, draft: Draft, baseVersion: number | null, store = defaultStore()): void {
  const entry: LocalDraft = { draft: cloneDraft(draft), baseVersion, savedAt: Date.now() };
  try {
    store?.setItem(draftKey(postId), JSON.stringify(entry));
  } catch {
    // quota exceeded or storage disabled: the beforeunload prompt still guards
  }
}

/** The kept draft of a note, or null when there is none or it is unreadable. */
export function readLocalDraft(postId: number | null, store = defaultStore()): LocalDraft | null {
  let raw: string | null = null;
  try {
    raw = store?.getItem(draftKey(postId)) ?? null;
  } catch {
    return null;
  }
  if (!raw) return null;
  try {
    const v = JSON.parse(raw) as Partial<LocalDraft>;
    if (!isDraft(v.draft)) return null;
    return {
      draft: cloneDraft(v.draft),
      baseVersion: typeof v.baseVersion === 'number' ? v.baseVersion : null,
      savedAt: typeof v.savedAt === 'number' ? v.savedAt : 0,
    };
  } catch {
    return null;
  }
}

export function clearLocalDraft(postId: number | null, store = defaultStore()): void {
  try {
    store?.removeItem(draftKey(postId));
  } catch {
    // nothing to clear
  }
}

/**
 * The kept draft worth offering for restore over `loaded` (what the server
 * has, or a blank new note): null when nothing is kept or it says the same.
 */
export function restorable(postId: number | null, loaded: Draft = emptyDraft(), store = defaultStore()): LocalDraft | null {
  const kept = readLocalDraft(postId, store);
  if (!kept || sameInput(kept.draft, loaded)) return null;
  return kept;
}
