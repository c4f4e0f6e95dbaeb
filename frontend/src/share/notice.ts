/**
 * Full-page answers for a link that cannot be shown: unknown (404), revoked,
 * expired or its note deleted (410, told apart by the problem `code`), its
 * note being revised and not approved again yet (409 `post_not_approved`), or
 * too many requests (429, with the Retry-After wait).
 */
import { ApiError } from '../api/errors';
import { h } from './dom';
import type { ShareStrings } from './strings';

export type NoticeKind =
  | 'link_not_found'
  | 'link_revoked'
  | 'link_expired'
  | 'post_deleted'
  | 'post_not_approved'
  | 'rate_limited';

/** Which notice an error from loading a public link calls for; null when it is not one of these. */
export function noticeKind(e: unknown): NoticeKind | null {
  if (!(e instanceof ApiError)) return null;
  if (e.status === 404 || e.code === 'not_found') return 'link_not_found';
  const gone = (['link_revoked', 'link_expired', 'post_deleted'] as const).find((k) => k === e.code);
  if (gone) return gone;
  if (e.code === 'post_not_approved') return 'post_not_approved';
  // A 410 with a code this page does not know yet: the link is gone all the same.
  if (e.status === 410) return 'link_revoked';
  if (e.status === 429 || e.code === 'rate_limited') return 'rate_limited';
  return null;
}

/** The retry message with the wait in seconds when the server said. */
export function retryText(s: ShareStrings, seconds: number | null): string {
  return seconds !== null && seconds > 0 ? s.rateLimited.replace('{n}', String(seconds)) : s.rateLimitedSoon;
}

export function noticeText(s: ShareStrings, kind: NoticeKind, retryAfter: number | null = null): [string, string] {
  switch (kind) {
    case 'link_not_found':
      return [s.linkNotFound, s.linkNotFoundHint];
    case 'link_revoked':
      return [s.linkRevoked, s.linkRevokedHint];
    case 'link_expired':
      return [s.linkExpired, s.linkExpiredHint];
    case 'post_deleted':
      return [s.postDeleted, s.postDeletedHint];
    case 'post_not_approved':
      return [s.postRevising, s.postRevisingHint];
    case 'rate_limited':
      return [retryText(s, retryAfter), ''];
  }
}

const ICON: Record<NoticeKind, string> = {
  link_not_found: '?',
  link_revoked: '×',
  link_expired: '!',
  post_deleted: '×',
  post_not_approved: '…',
  rate_limited: '…',
};

export function noticeView(s: ShareStrings, kind: NoticeKind, retryAfter: number | null = null): HTMLElement {
  const [title, hint] = noticeText(s, kind, retryAfter);
  return h(
    'section',
    { class: 'notice', testid: 'share-notice', attrs: { 'data-kind': kind, role: 'alert' } },
    // Plain glyphs in a drawn circle: emoji fonts are missing on some WebViews.
    h('div', { class: 'notice-icon', attrs: { 'aria-hidden': 'true' } }, ICON[kind]),
    h('h1', { class: 'notice-title', testid: 'share-notice-title' }, title),
    hint ? h('p', { class: 'muted' }, hint) : null,
    kind === 'rate_limited'
      ? h('button', { class: 'btn', testid: 'share-notice-retry', onClick: () => location.reload() }, s.retry)
      : null,
  );
}
