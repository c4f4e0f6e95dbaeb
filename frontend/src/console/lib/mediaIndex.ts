/**
 * What the console knows about uploaded media, by URL: lets the post list and
 * the editor show an uploaded image's small thumbnail instead of the original.
 * Filled by uploads, by the library and picker, and (for the post list) by one
 * lazy walk over the newest images of the library.
 */
import { reactive } from 'vue';
import { call } from '../../api/client';
import type { Media } from '../../api/types';
import { api } from '../session';

const byUrl = reactive(new Map<string, Media>());

export function rememberMedia(items: Iterable<Media>): void {
  for (const m of items) byUrl.set(m.url, m);
}

export function forgetMedia(url: string): void {
  byUrl.delete(url);
}

/** The thumbnail of an uploaded image, or null for a URL that is not one (or not known yet). */
export function thumbFor(url: string | null | undefined): string | null {
  return (url && byUrl.get(url)?.thumbnail_url) || null;
}

/** Whether a URL points into this server's media store (`{origin}/media/...`). */
export function isMediaUrl(url: string | null | undefined, origin: string): boolean {
  if (!url) return false;
  try {
    const u = new URL(url);
    return u.origin === origin && u.pathname.startsWith('/media/');
  } catch {
    return false;
  }
}

const MAX_PAGES = 3;
let loading: Promise<void> | null = null;

/** Loads up to 300 of the newest images once per session, when any of `urls` needs a thumbnail. */
export function ensureMediaIndex(urls: (string | null | undefined)[], origin = location.origin): Promise<void> {
  if (!urls.some((u) => isMediaUrl(u, origin) && !byUrl.has(u as string))) return Promise.resolve();
  loading ??= (async () => {
    let cursor: string | undefined;
    for (let i = 0; i < MAX_PAGES; i++) {
      const page = await call(api.GET('/api/media', { params: { query: { kind: 'image', limit: 100, cursor } } }));
      rememberMedia(page.items);
      if (!page.next_cursor) break;
      cursor = page.next_cursor;
    }
  })().catch(() => {
    loading = null; // try again next time; thumbnails are a nicety
  });
  return loading;
}
