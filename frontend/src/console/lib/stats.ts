/**
 * Statistics as the console shows them: totals as cards with two rates.
 * Failures are grouped in failureReasons.ts; the daily chart is ECharts.
 * Pure, so the numbers on screen are tested without a browser.
 */
import type { Totals } from '../../api/types';

/** The counters shown as cards, in this order (sdk_loads is for debugging, not shown). */
export const TOTAL_KEYS = ['opens', 'taps', 'app_opens', 'failures', 'fallbacks', 'confirmed'] as const;
export type TotalKey = (typeof TOTAL_KEYS)[number];
/** The windows the daily chart offers; the server takes 1 to 365. */
export const DAY_CHOICES = [7, 30, 90] as const;

/** `part / whole` as a whole percent, or null when there is nothing to divide by. */
export function percent(part: number, whole: number): number | null {
  return whole > 0 ? Math.round((part / whole) * 100) : null;
}

export const formatPercent = (p: number | null): string => (p === null ? '—' : `${p}%`);

export function totalsCards(t: Totals): { key: TotalKey; value: number }[] {
  return TOTAL_KEYS.map((key) => ({ key, value: t[key] }));
}

/** Taps per open, and app opens per tap: where people drop off. */
export function rates(t: Totals): { tapRate: number | null; appRate: number | null } {
  return { tapRate: percent(t.taps, t.opens), appRate: percent(t.app_opens, t.taps) };
}
