/**
 * Where the share page gets its post and signed payload. Today only operators
 * open `/p/{id}` with their console token; public `/s/{token}` links will get
 * their own source here without the rest of the page changing.
 */
import { call, createApi } from '../api/client';
import { getToken } from '../api/token';
import type { PostPreview, PublishPayload } from '../api/types';

export type ShareRoute = { kind: 'operator'; id: number } | { kind: 'public'; token: string };

/** Reads the route from the path the server mapped to share.html. */
export function parseShareRoute(pathname: string): ShareRoute | null {
  const op = /^\/p\/(\d{1,15})\/?$/.exec(pathname);
  if (op?.[1]) return { kind: 'operator', id: Number(op[1]) };
  const pub = /^\/s\/([A-Za-z0-9_-]{1,128})\/?$/.exec(pathname);
  if (pub?.[1]) return { kind: 'public', token: pub[1] };
  return null;
}

export interface ShareSource {
  /** The post to show. */
  preview(): Promise<PostPreview>;
  /** A freshly signed payload for `xhs.share` (never cached: the signature is per call). */
  publish(): Promise<PublishPayload>;
  /** Where to send someone whose session is missing or expired; null if no login applies. */
  loginUrl: string | null;
}

export function operatorSource(id: number): ShareSource {
  // No onUnauthorized redirect: the page shows a login link instead, so the
  // person keeps seeing which post they opened.
  const api = createApi({ getToken });
  return {
    preview: () => call(api.GET('/api/post/preview/{id}', { params: { path: { id } } })),
    publish: () => call(api.GET('/api/post/publish/{id}', { params: { path: { id } } })),
    loginUrl: `/login?next=${encodeURIComponent(`/p/${id}`)}`,
  };
}

/** The source for a route, or null for a route this build cannot serve yet. */
export function sourceFor(route: ShareRoute | null): ShareSource | null {
  if (route?.kind === 'operator') return operatorSource(route.id);
  // `/s/{token}` arrives with the public share links change.
  return null;
}
