/**
 * The editor's working copy of a post and its conversion to the API's input.
 * The draft keeps images and video side by side so switching the type back
 * and forth loses nothing; only the fields of the chosen type are sent.
 */
import { type Post, type PostInput, type PostKind } from '../../api/types';

export interface Draft {
  type: PostKind;
  title: string;
  content: string;
  image_urls: string[];
  /** For an image note: the image marked as cover. For a video note: the cover image URL. */
  cover_url: string | null;
  video_url: string | null;
}

export function emptyDraft(): Draft {
  return { type: 'normal', title: '', content: '', image_urls: [], cover_url: null, video_url: null };
}

export function draftFromPost(p: Post): Draft {
  return {
    type: p.type,
    title: p.title,
    content: p.content,
    image_urls: [...p.image_urls],
    cover_url: p.cover_url ?? null,
    video_url: p.video_url ?? null,
  };
}

/** A plain copy (drafts live in reactive proxies, which structuredClone refuses). */
export function cloneDraft(d: Draft): Draft {
  return { ...d, image_urls: [...d.image_urls] };
}

const blankToNull = (s: string | null): string | null => (s && s.trim() ? s.trim() : null);

export function draftToInput(d: Draft): PostInput {
  if (d.type === 'video') {
    return {
      type: 'video',
      title: d.title,
      content: d.content,
      image_urls: [],
      cover_url: blankToNull(d.cover_url),
      video_url: blankToNull(d.video_url),
    };
  }
  // A cover that is no longer among the images would make the server keep a stale thumbnail.
  const cover = d.cover_url && d.image_urls.includes(d.cover_url) ? d.cover_url : null;
  return { type: 'normal', title: d.title, content: d.content, image_urls: [...d.image_urls], cover_url: cover, video_url: null };
}

/** Whether two drafts would send the same input (the "unsaved changes" flag). */
export function sameInput(a: Draft, b: Draft): boolean {
  return JSON.stringify(draftToInput(a)) === JSON.stringify(draftToInput(b));
}

/** A copy of `list` with the item at `from` moved to `to` (clamped). */
export function moveItem<T>(list: readonly T[], from: number, to: number): T[] {
  const out = [...list];
  if (from < 0 || from >= out.length) return out;
  const dest = Math.max(0, Math.min(out.length - 1, to));
  const [item] = out.splice(from, 1);
  out.splice(dest, 0, item as T);
  return out;
}

/** URLs from a pasted block: one per line, or separated by spaces/commas. */
export function splitUrls(text: string): string[] {
  return text
    .split(/[\s,，]+/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/** The image shown for a post in lists and previews. */
export function coverOf(p: Pick<Post, 'cover_url' | 'image_urls'>): string | null {
  return p.cover_url ?? p.image_urls[0] ?? null;
}

/** What an upload or a pick brings into the draft: media URLs by kind, in order. */
export interface MediaRef {
  kind: string;
  url: string;
}

/**
 * Adds uploaded media to the draft: images are appended to `image_urls` in
 * the order given (one already there is not added twice); the last video
 * becomes `video_url`. The note type is left as the operator chose it: the
 * draft keeps images and video side by side, and only the chosen type's
 * fields are sent.
 */
export function withMedia(d: Draft, media: MediaRef[]): Draft {
  const images = media.filter((m) => m.kind === 'image').map((m) => m.url);
  const video = media.filter((m) => m.kind === 'video').at(-1)?.url ?? d.video_url;
  const fresh = images.filter((u, i) => !d.image_urls.includes(u) && images.indexOf(u) === i);
  return { ...d, image_urls: [...d.image_urls, ...fresh], video_url: video };
}

/** Toggles `item` in an ordered selection: removed if there, appended if not. */
export function toggleOrdered<T>(list: readonly T[], item: T): T[] {
  return list.includes(item) ? list.filter((x) => x !== item) : [...list, item];
}

/** What the media picker is choosing: images to add, a video note's cover, or its video. */
export type PickMode = 'images' | 'cover' | 'video';
