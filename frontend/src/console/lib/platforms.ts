/**
 * The platforms a note can be shared to (issue 11), as the console shows
 * them: each one's state from the pre-flight, the platforms a new link offers
 * by default (the server's rule, so the form and the server agree), and the
 * split of the statistics per platform. Pure, so it is tested without a page.
 */
import { sharePlatformValues, type components } from '../../api/schema';
import type { Preflight, Stats } from '../../api/types';
import { percent } from './stats';

export type SharePlatform = components['schemas']['SharePlatform'];
export type PlatformVerdict = Preflight['platforms'][number];
export type PlatformCounts = Stats['by_platform'][number];

/**
 * Green: it can go there; amber (`kit`): XHS without credentials, where a
 * phone gets the copy kit rather than one tap; red: the note is refused;
 * grey: the server has no credentials.
 */
export type PlatformState = 'ok' | 'kit' | 'refused' | 'unconfigured';

export type PreflightCheck = Preflight['checks'][number];

/**
 * Whether this verdict is XHS on the copy kit: the pre-flight says so
 * (`copy_kit` hand-off, or not configured: XHS is offered without credentials)
 * or `GET /api/platforms` did (`xhsKit`).
 */
export const onKit = (v: PlatformVerdict, xhsKit = false): boolean =>
  v.platform === 'xhs' && (xhsKit || v.handoff === 'copy_kit' || !v.configured);

export function platformState(v: PlatformVerdict, xhsKit = false): PlatformState {
  if (onKit(v, xhsKit)) return v.ok ? 'kit' : 'refused';
  if (!v.configured) return 'unconfigured';
  return v.ok ? 'ok' : 'refused';
}

/** Whether a link may offer the platform now (green, or XHS on the copy kit). */
export const usable = (s: PlatformState): boolean => s === 'ok' || s === 'kit';

/**
 * Why a platform is not green: no credentials, the copy kit, its own checks,
 * or the note failing XHS's rules (`rules`: those checks, so the reason can
 * name them; empty when the caller does not have them).
 */
export type PlatformReason =
  | { kind: 'unconfigured' }
  | { kind: 'kit' }
  | { kind: 'note'; rules: PreflightCheck[] }
  | { kind: 'check'; check: PlatformVerdict['checks'][number] };

/**
 * The reasons under a platform's tag, errors before warnings; none for a
 * green platform without warnings. `noteChecks` are the pre-flight's own
 * (XHS's) checks, whose errors name what a refusing platform refuses.
 */
export function platformReasons(v: PlatformVerdict, opts: { xhsKit?: boolean; noteChecks?: readonly PreflightCheck[] } = {}): PlatformReason[] {
  const kit = onKit(v, opts.xhsKit);
  const out: PlatformReason[] = kit ? [{ kind: 'kit' }] : v.configured ? [] : [{ kind: 'unconfigured' }];
  const problems = v.checks.filter((c) => c.level !== 'ok').sort((a, b) => Number(b.level === 'error') - Number(a.level === 'error'));
  // Refused without an error of its own: the note breaks XHS's rules, listed above the tags.
  if (!v.ok && !problems.some((c) => c.level === 'error')) {
    out.push({ kind: 'note', rules: (opts.noteChecks ?? []).filter((c) => c.level === 'error') });
  }
  return [...out, ...problems.map((check) => ({ kind: 'check' as const, check }))];
}

/**
 * What a link offers when the operator names nothing: every configured
 * platform the note passes, in the server's order (XHS first). Mirrors
 * `platforms::default_for` on the server.
 */
export function defaultPlatforms(pf: Preflight | null): SharePlatform[] {
  return (pf?.platforms ?? []).filter((v) => usable(platformState(v))).map((v) => v.platform);
}

/** Same platforms in the same order (the order is the order of the buttons). */
export const samePlatforms = (a: readonly string[], b: readonly string[]): boolean =>
  a.length === b.length && a.every((p, i) => p === b[i]);

/** A platform's place in the vocabulary, for a stable order of equal rows. */
const rank = (p: string): number => {
  const i = (sharePlatformValues as readonly string[]).indexOf(p);
  return i < 0 ? sharePlatformValues.length : i;
};

export interface PlatformRow {
  platform: SharePlatform;
  taps: number;
  app_opens: number;
  failures: number;
  fallbacks: number;
  confirmed: number;
  /** This platform's taps as a whole percent of all taps (null without taps). */
  share: number | null;
}

/** The statistics per platform as table rows: most taps first, ties in the vocabulary's order. */
export function platformRows(split: readonly PlatformCounts[]): PlatformRow[] {
  const taps = split.reduce((n, c) => n + c.taps, 0);
  return [...split]
    .sort((a, b) => b.taps - a.taps || rank(a.platform) - rank(b.platform))
    .map((c) => ({
      platform: c.platform,
      taps: c.taps,
      app_opens: c.app_opens,
      failures: c.failures,
      fallbacks: c.fallbacks,
      confirmed: c.confirmed,
      share: percent(c.taps, taps),
    }));
}
