/**
 * What `GET /api/share/{token}/publish?platform=…` answers for platforms other
 * than XHS (its `handoff` says which kind), checked before the page acts on
 * it, and the page's words for its errors. The problem's `detail` never reaches the person: it may carry what
 * the platform told our server.
 */
import { ApiError } from '../api/errors';
import type { ShareHandout } from '../api/types';
import { safeHttpUrl } from '../lib/url';
import { appSchemeUrl } from './navigate';
import { noticeKind, noticeText, retryText } from './notice';
import type { Platform } from './platforms';
import { named, type ShareStrings } from './strings';

/** Copy the text, save the media, open the app (Kuaishou, Bilibili, 视频号; and in WeChat, any platform). */
export interface CopyKit {
  /** The app's scheme; null when there is nothing to open (WeChat blocks schemes). */
  url: string | null;
  text: string;
  /** http(s) URLs of the images and video to save. */
  media: string[];
}

/** What the page acts on: the server's hand-off, its URLs checked. */
export type Handover =
  | { handoff: 'schema'; url: string }
  | { handoff: 'url'; url: string }
  | ({ handoff: 'copy_kit' } & CopyKit);

/** An answer the page cannot act on; worded like any unavailable platform. */
function badAnswer(p: Platform, why: string): ApiError {
  return new ApiError(200, 'unknown', `unexpected ${p.platform} answer: ${why}`);
}

/**
 * Checks the publish answer, tagged by its `handoff`, against the platform
 * the person tapped: the tag must be the platform's, a `schema` an app's URL,
 * a `url` a web page, a kit's media web URLs (others dropped). The types say
 * what the server sends; the checks hold whatever a proxy or a bug sends.
 */
export function parseHandover(p: Platform, body: ShareHandout): Handover {
  if (typeof body !== 'object' || body === null) throw badAnswer(p, 'not an object');
  if (body.handoff !== p.handoff) throw badAnswer(p, `handoff ${String(body.handoff)}, not ${p.handoff}`);
  switch (body.handoff) {
    case 'schema': {
      if (body.platform !== p.platform) throw badAnswer(p, 'another platform');
      const url = appSchemeUrl(body.url);
      if (!url) throw badAnswer(p, 'no app URL');
      return { handoff: 'schema', url };
    }
    case 'url': {
      if (body.platform !== p.platform) throw badAnswer(p, 'another platform');
      const url = safeHttpUrl(typeof body.url === 'string' ? body.url : null);
      if (!url) throw badAnswer(p, 'no web URL');
      return { handoff: 'url', url };
    }
    case 'copy_kit': {
      if (body.platform !== p.platform) throw badAnswer(p, 'another platform');
      if (typeof body.text !== 'string') throw badAnswer(p, 'no text');
      const media: unknown[] = Array.isArray(body.media) ? body.media : [];
      return {
        handoff: 'copy_kit',
        url: appSchemeUrl(body.url),
        text: body.text,
        media: media.map((m) => safeHttpUrl(typeof m === 'string' ? m : null)).filter((m): m is string => m !== null),
      };
    }
    case 'sdk':
      throw badAnswer(p, 'the SDK is XHS only');
  }
}

/** Why the tapped platform failed, for `sdk_failed`; null for errors that are not the platform's (network, link gone). */
export function failureReason(e: unknown): string | null {
  if (!(e instanceof ApiError)) return String(e);
  if (e.code === 'network' || e.code === 'rate_limited' || e.status === 404 || e.status === 410) return null;
  // The code, not the detail: it groups in the statistics and holds nothing internal.
  return e.code === 'unknown' ? `unknown (HTTP ${e.status})` : e.code;
}

/** The page's sentence for a failed publish call to platform `name`. */
export function platformErrorText(s: ShareStrings, e: unknown, name: string): string {
  const code = e instanceof ApiError ? e.code : 'unknown';
  switch (code) {
    case 'platform_not_configured':
      return named(s.platformOff, name);
    case 'platform_rejected':
      return named(s.platformRejected, name);
    case 'platform_timeout':
      return named(s.platformTimeout, name);
    case 'validation_failed':
      return named(s.platformNotOffered, name);
    case 'rate_limited':
      return retryText(s, e instanceof ApiError ? e.retryAfter : null);
    case 'network':
      return s.network;
  }
  const gone = noticeKind(e);
  return gone ? noticeText(s, gone)[0] : named(s.platformDown, name);
}
