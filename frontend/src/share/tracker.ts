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

export type EventKind = 'opened' | 'sdk_loaded' | 'publish_tapped' | 'sdk_failed' | 'app_opened' | 'fallback_used';
export type ShareEvent = EventInput & { kind: EventKind };

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
  /** The person tapped 发布到小红书. Every tap counts. */
  tapped(): void;
  /** `xhs.share` was just called: the app-open window starts. */
  shareCalled(): void;
  /** The SDK could not load, threw, or called `fail`. Once per tap. */
  sdkFailed(reason: string): void;
  /** The page went hidden (visibilitychange to hidden, or pagehide). */
  hidden(): void;
  /** The person copied text, shared or saved media by hand. Once per page. */
  fallbackUsed(): void;
}

export function createTracker(
  send: (e: ShareEvent) => void,
  now: () => number = Date.now,
  windowMs = APP_OPEN_WINDOW_MS,
): Tracker {
  const once = new Set<EventKind>();
  // Per tap: when xhs.share was called, and whether this tap already failed or opened the app.
  let calledAt: number | null = null;
  let failed = false;
  let appOpened = false;

  const sendOnce = (kind: EventKind): void => {
    if (once.has(kind)) return;
    once.add(kind);
    send({ kind });
  };

  return {
    opened: () => sendOnce('opened'),
    sdkLoaded: () => sendOnce('sdk_loaded'),
    fallbackUsed: () => sendOnce('fallback_used'),
    tapped() {
      calledAt = null;
      failed = false;
      appOpened = false;
      send({ kind: 'publish_tapped' });
    },
    shareCalled() {
      calledAt = now();
    },
    sdkFailed(reason) {
      if (failed) return;
      failed = true;
      const r = clampReason(reason);
      send(r ? { kind: 'sdk_failed', reason: r } : { kind: 'sdk_failed' });
    },
    hidden() {
      if (calledAt === null || failed || appOpened) return;
      if (now() - calledAt > windowMs) return;
      appOpened = true;
      send({ kind: 'app_opened' });
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
  hidden: () => undefined,
  fallbackUsed: () => undefined,
};
