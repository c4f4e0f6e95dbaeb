/**
 * A variant's working copy in the editor: what it overrides of the note
 * (an empty field falls back to the note's), the note as the variant shows
 * it (for its pre-flight and preview), and the API's input.
 */
import type { Variant, VariantInput } from '../../api/types';
import type { Draft } from './draft';

export interface VariantDraft {
  label: string;
  title: string;
  content: string;
  /** Empty: the note's images. */
  image_urls: string[];
  cover_url: string | null;
}

export function emptyVariant(label = ''): VariantDraft {
  return { label, title: '', content: '', image_urls: [], cover_url: null };
}

export function variantDraftOf(v: Variant): VariantDraft {
  return {
    label: v.label,
    title: v.title ?? '',
    content: v.content ?? '',
    image_urls: [...(v.image_urls ?? [])],
    cover_url: v.cover_url ?? null,
  };
}

const blankToNull = (s: string | null): string | null => (s && s.trim() ? s : null);

/** What is sent: blank fields and no images are left to the note. */
export function variantToInput(d: VariantDraft): VariantInput {
  const images = d.image_urls.length ? [...d.image_urls] : null;
  // A cover that is not among the variant's own images is dropped, as the note does.
  const cover = images && d.cover_url && images.includes(d.cover_url) ? d.cover_url : null;
  return {
    label: d.label.trim(),
    title: blankToNull(d.title),
    content: blankToNull(d.content),
    image_urls: images,
    cover_url: cover,
  };
}

export function sameVariant(a: VariantDraft, b: VariantDraft): boolean {
  return JSON.stringify(variantToInput(a)) === JSON.stringify(variantToInput(b));
}

/** The note as this variant shows it. */
export function mergedDraft(note: Draft, v: VariantDraft): Draft {
  const own = variantToInput(v);
  return {
    ...note,
    title: own.title ?? note.title,
    content: own.content ?? note.content,
    image_urls: own.image_urls ? [...own.image_urls] : [...note.image_urls],
    cover_url: own.image_urls ? (own.cover_url ?? null) : note.cover_url,
  };
}

/** The next free label: 变体 A, 变体 B, … (ASCII case does not make a label new). */
export function nextLabel(taken: readonly string[]): string {
  const used = new Set(taken.map((l) => l.trim().toLowerCase()));
  for (let i = 0; i < 26; i++) {
    const label = `变体 ${String.fromCharCode(65 + i)}`;
    if (!used.has(label.toLowerCase())) return label;
  }
  return `变体 ${taken.length + 1}`;
}
