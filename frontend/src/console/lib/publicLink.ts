/**
 * The link "复制发布链接" copies: a public `/s/{token}` link that a phone without
 * a login can open. The operator's `/p/{id}` preview needs a session, so it is
 * never the answer. Pure over two calls, so the choice is tested without a server.
 */
import type { Link } from '../../api/types';

export interface LinkCalls {
  list: () => Promise<Link[]>;
  create: () => Promise<Link>;
}

/** A link that still opens: active, not revoked, not past its expiry at `now`. */
export function isLive(link: Link, now: number): boolean {
  if (link.status !== 'active' || link.revoked_at) return false;
  return !link.expires_at || Date.parse(link.expires_at) > now;
}

/** The newest live link of the post, by creation time then id. */
export function newestLive(links: Link[], now: number): Link | null {
  const live = links.filter((l) => isLive(l, now));
  live.sort((a, b) => Date.parse(b.created_at) - Date.parse(a.created_at) || b.id - a.id);
  return live[0] ?? null;
}

/** The URL to copy: the newest live link, or a new one when there is none. */
export async function publicLinkUrl(calls: LinkCalls, now: number = Date.now()): Promise<string> {
  const found = newestLive(await calls.list(), now);
  return (found ?? (await calls.create())).url;
}
