/**
 * Publishing without the SDK (shared XHS_FACTS §4): copy the text, hand the
 * images to the phone's share sheet or let the person save them, then open
 * the app by its URL scheme. Used when the server has no XHS credentials or
 * the SDK cannot be reached.
 */

import { safeHttpUrl } from '../lib/url';
import type { SharedNote } from './source';

export { copyText } from '../lib/clipboard';

/** The app's URL scheme; opening it just launches XHS. */
export const XHS_APP_URL = 'xhsdiscover://';

/** What goes on the clipboard: the title, a blank line, the body. */
export function clipboardText(title: string, content: string): string {
  return [title.trim(), content].filter((s) => s !== '').join('\n\n');
}

/** The note's media a person would save: its images, or its video and cover; http(s) only. */
export function noteMedia(post: SharedNote): string[] {
  const media = post.type === 'video' ? [post.videoUrl, post.coverUrl] : post.imageUrls;
  return media.map(safeHttpUrl).filter((u): u is string => u !== null);
}

/** Whether a media URL is a video (by its file name), to offer it as a link rather than an image. */
export function isVideoUrl(url: string): boolean {
  try {
    return /\.(mp4|mov|m4v|webm)$/i.test(new URL(url).pathname);
  } catch {
    return false;
  }
}

const EXT: Record<string, string> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
  'image/gif': 'gif',
  'image/heic': 'heic',
};

/** A file name for the n-th image: the URL's own name if it has one. */
export function fileNameFor(url: string, index: number, mime: string): string {
  let last = '';
  try {
    last = decodeURIComponent(new URL(url).pathname.split('/').pop() ?? '');
  } catch {
    // fall through to a generated name
  }
  if (/^[^/\\]+\.[a-z0-9]{2,5}$/i.test(last)) return last;
  return `xhs-${index + 1}.${EXT[mime] ?? 'jpg'}`;
}

/** Whether this browser can share image files at all (Web Share Level 2). */
export function canShareFiles(): boolean {
  if (typeof navigator.canShare !== 'function' || typeof File === 'undefined') return false;
  try {
    return navigator.canShare({ files: [new File([''], 'probe.jpg', { type: 'image/jpeg' })] });
  } catch {
    return false;
  }
}

export type ShareFilesResult = 'shared' | 'cancelled' | 'unsupported' | 'failed';

/**
 * Downloads the images and opens the share sheet with them (and the note's text). Image hosts that
 * send no CORS headers make fetch fail: the caller then shows save links.
 */
export async function shareImages(urls: string[], title: string, text?: string): Promise<ShareFilesResult> {
  if (!canShareFiles()) return 'unsupported';
  let files: File[];
  try {
    files = await Promise.all(
      urls.map(async (url, i) => {
        const res = await fetch(url, { mode: 'cors' });
        if (!res.ok) throw new Error(`HTTP ${res.status}`);
        const blob = await res.blob();
        return new File([blob], fileNameFor(url, i, blob.type), { type: blob.type || 'image/jpeg' });
      }),
    );
  } catch {
    return 'failed';
  }
  if (!navigator.canShare({ files })) return 'unsupported';
  try {
    // With the text, an app picked in the sheet (小红书 among them) receives both where it accepts them.
    await navigator.share(text ? { files, title, text } : { files, title });
    return 'shared';
  } catch (e) {
    return e instanceof DOMException && e.name === 'AbortError' ? 'cancelled' : 'failed';
  }
}
