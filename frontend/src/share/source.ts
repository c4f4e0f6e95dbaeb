/**
 * Where the share page gets its note and signed payload. Operators open
 * `/p/{id}` with their console token; anyone opens `/s/{token}` without a
 * login, and only that page reports events and takes a confirmed note link.
 */
import { call, createApi } from '../api/client';
import { getToken } from '../api/token';
import type { PublishPayload, ShareHandout, SharePage } from '../api/types';
import { parsePlatforms, type Platform, type PlatformId } from './platforms';
import { eventSender } from './report';
import type { ShareEvent } from './tracker';

export type ShareRoute = { kind: 'operator'; id: number } | { kind: 'public'; token: string };

/** Reads the route from the path the server mapped to share.html. */
export function parseShareRoute(pathname: string): ShareRoute | null {
  const op = /^\/p\/(\d{1,15})\/?$/.exec(pathname);
  if (op?.[1]) return { kind: 'operator', id: Number(op[1]) };
  const pub = /^\/s\/([A-Za-z0-9_-]{1,128})\/?$/.exec(pathname);
  if (pub?.[1]) return { kind: 'public', token: pub[1] };
  return null;
}

/**
 * What the page renders: the note, plus what a public link adds (its label,
 * account, expiry, and whether one-tap publishing is possible at all).
 * The operator preview (`PostPreview`) has the note fields only.
 */
export type SharedNote = Pick<SharePage, 'type' | 'title' | 'content' | 'imageUrls' | 'coverUrl' | 'videoUrl'> &
  Partial<Pick<SharePage, 'label' | 'accountName' | 'expiresAt' | 'xhsConfigured' | 'opensAt' | 'paused' | 'images'>> & {
    /** The platforms offered, in order; XHS only when absent (the preview, an older server). */
    platforms?: Platform[];
  };

export interface ShareSource {
  /** Public link or the operator's own preview. */
  kind: ShareRoute['kind'];
  /** The note to show. */
  preview(): Promise<SharedNote>;
  /** A freshly signed payload for `xhs.share` (never cached: the signature is per call). */
  publish(): Promise<PublishPayload>;
  /**
   * The hand-off for another platform (public links only), fresh per tap: a
   * Douyin schema is signed per call. The answer is checked by `parseHandover`.
   */
  publishTo?: (platform: PlatformId) => Promise<ShareHandout>;
  /** Where to send someone whose session is missing or expired; null if no login applies. */
  loginUrl: string | null;
  /** Reports a page event (public links only; best-effort, never throws). */
  report?: (e: ShareEvent) => void;
  /** Sends back the published note's URL (public links only). */
  confirm?: (noteUrl: string) => Promise<void>;
}

export function operatorSource(id: number): ShareSource {
  // No onUnauthorized redirect: the page shows a login link instead, so the
  // person keeps seeing which post they opened.
  const api = createApi({ getToken });
  return {
    kind: 'operator',
    preview: () => call(api.GET('/api/post/preview/{id}', { params: { path: { id } } })),
    publish: () => call(api.GET('/api/post/publish/{id}', { params: { path: { id } } })),
    loginUrl: `/login?next=${encodeURIComponent(`/p/${id}`)}`,
  };
}

export function publicSource(token: string): ShareSource {
  // Anonymous on purpose, even when an operator's token is in this browser.
  const api = createApi({ getToken: () => null });
  const path = { params: { path: { token } } };
  return {
    kind: 'public',
    preview: async () => {
      const page = await call(api.GET('/api/share/{token}', path));
      return { ...page, platforms: parsePlatforms(page.platforms) };
    },
    publish: async () => {
      const r = await call(api.GET('/api/share/{token}/publish', path));
      if (r.handoff !== 'sdk') throw new Error(`not an XHS payload (handoff ${r.handoff})`);
      return r;
    },
    publishTo: (platform) => call(api.GET('/api/share/{token}/publish', { params: { path: { token }, query: { platform } } })),
    loginUrl: null,
    report: eventSender(api, token),
    confirm: async (note_url) => {
      await call(api.POST('/api/share/{token}/confirm', { ...path, body: { note_url } }));
    },
  };
}

/** The source for a route, or null for a path that is not a share link. */
export function sourceFor(route: ShareRoute | null): ShareSource | null {
  if (route?.kind === 'operator') return operatorSource(route.id);
  if (route?.kind === 'public') return publicSource(route.token);
  return null;
}
