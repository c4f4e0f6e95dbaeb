/**
 * Which events a public share page reports, and when. Pure: the page tells it
 * what happened, it decides what the server hears, so the rules are tested
 * without a browser. Reporting is best-effort: `send` never throws into here.
 *
 * XHS's SDK has no success callback (shared XHS_FACTS §1), so "the app opened"
 * is inferred: the page became hidden shortly after it called `xhs.share`
 * and the SDK had not failed.
 */
import type { EventInput } from '../api/types';
import type { PlatformId } from './platforms';

/** What a page may report: the `kind` the events endpoint takes, as the document says. */
export type EventKind = EventInput['kind'];
/** Every event but `opened` names the platform it concerns (XHS for the SDK's own). */
export type ShareEvent = EventInput & { platform?: PlatformId };

/** How long after `xhs.share` a hidden page still counts as "the app opened". */
export const APP_OPEN_WINDOW_MS = 8000;
/** The server refuses longer reasons (422). */
export const MAX_REASON_CHARS = 500;

/** A reason the server accepts: trimmed, at most 500 characters (code points, as the server counts). */
export function clampReason(reason: string): string {
  const chars = [...reason.trim()];
  return chars.length > MAX_REASON_CHARS ? chars.slice(0, MAX_REASON_CHARS).join('') : chars.join('');
}

export interface Tracker {
  /** The note loaded. Once per page. */
  opened(): void;
  /** `window.xhs` appeared. Once per page. */
  sdkLoaded(): void;
  /** The person tapped a platform's button (发布到小红书 by default). Every tap counts. */
  tapped(platform?: PlatformId): void;
  /** `xhs.share` was called or the app's URL opened: the app-open window starts. */
  shareCalled(): void;
  /** The tapped platform failed: the SDK could not load, threw, called `fail`, or the publish call failed. Once per tap. */
  sdkFailed(reason: string): void;
  /**
   * The page stopped waiting for the app (it showed "did not open" and the
   * manual way): hiding the page from now on is the person leaving, not the app.
   */
  gaveUp(): void;
  /** The page went hidden (visibilitychange to hidden, or pagehide). */
  hidden(): void;
  /** The person copied text, shared or saved media by hand. Once per page and platform. */
  fallbackUsed(platform?: PlatformId): void;
}

export function createTracker(
  send: (e: ShareEvent) => void,
  now: () => number = Date.now,
  windowMs = APP_OPEN_WINDOW_MS,
): Tracker {
  const once = new Set<string>();
  // Per tap: which platform, when the hand-off happened, and whether this tap already failed or opened the app.
  let platform: PlatformId = 'xhs';
  let calledAt: number | null = null;
  let failed = false;
  let appOpened = false;

  const sendOnce = (e: ShareEvent): void => {
    const key = `${e.kind}:${e.platform ?? ''}`;
    if (once.has(key)) return;
    once.add(key);
    send(e);
  };

  return {
    opened: () => sendOnce({ kind: 'opened' }),
    sdkLoaded: () => sendOnce({ kind: 'sdk_loaded', platform: 'xhs' }),
    fallbackUsed: (p = 'xhs') => sendOnce({ kind: 'fallback_used', platform: p }),
    tapped(p = 'xhs') {
      platform = p;
      calledAt = null;
      failed = false;
      appOpened = false;
      send({ kind: 'publish_tapped', platform });
    },
    shareCalled() {
      calledAt = now();
    },
    sdkFailed(reason) {
      if (failed) return;
      failed = true;
      const r = clampReason(reason);
      send(r ? { kind: 'sdk_failed', platform, reason: r } : { kind: 'sdk_failed', platform });
    },
    gaveUp() {
      calledAt = null;
    },
    hidden() {
      if (calledAt === null || failed || appOpened) return;
      if (now() - calledAt > windowMs) return;
      appOpened = true;
      send({ kind: 'app_opened', platform });
    },
  };
}

/** For pages that report nothing (the operator's `/p/{id}` preview). */
export const silentTracker: Tracker = {
  opened: () => undefined,
  sdkLoaded: () => undefined,
  tapped: () => undefined,
  shareCalled: () => undefined,
  sdkFailed: () => undefined,
  gaveUp: () => undefined,
  hidden: () => undefined,
  fallbackUsed: () => undefined,
};
