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

/** Green: it can go there; red: the note is refused; grey: the server has no credentials. */
export type PlatformState = 'ok' | 'refused' | 'unconfigured';

export function platformState(v: PlatformVerdict): PlatformState {
  if (!v.configured) return 'unconfigured';
  return v.ok ? 'ok' : 'refused';
}

/** Why a platform is not green: no credentials, its own checks, or the note failing XHS's rules. */
export type PlatformReason =
  | { kind: 'unconfigured' }
  | { kind: 'note' }
  | { kind: 'check'; check: PlatformVerdict['checks'][number] };

/** The reasons under a platform's tag, errors before warnings; none for a green platform without warnings. */
export function platformReasons(v: PlatformVerdict): PlatformReason[] {
  const out: PlatformReason[] = v.configured ? [] : [{ kind: 'unconfigured' }];
  const problems = v.checks.filter((c) => c.level !== 'ok').sort((a, b) => Number(b.level === 'error') - Number(a.level === 'error'));
  // Refused without an error of its own: the note breaks XHS's rules, listed above the tags.
  if (!v.ok && !problems.some((c) => c.level === 'error')) out.push({ kind: 'note' });
  return [...out, ...problems.map((check) => ({ kind: 'check' as const, check }))];
}

/**
 * What a link offers when the operator names nothing: every configured
 * platform the note passes, in the server's order (XHS first). Mirrors
 * `platforms::default_for` on the server.
 */
export function defaultPlatforms(pf: Preflight | null): SharePlatform[] {
  return (pf?.platforms ?? []).filter((v) => platformState(v) === 'ok').map((v) => v.platform);
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
