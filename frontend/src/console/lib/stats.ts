/**
 * Statistics as the console shows them: totals as cards with two rates,
 * failures by reason with their share, and the daily series as SVG bars.
 * Pure, so the numbers on screen are tested without a browser.
 */
import type { DayCounts, ReasonCount, Totals } from '../../api/types';

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

export interface FailureRow {
  reason: string | null;
  count: number;
  share: number | null;
}

export function failureRows(list: ReasonCount[]): FailureRow[] {
  const total = list.reduce((n, r) => n + r.count, 0);
  return list.map((r) => ({ reason: r.reason ?? null, count: r.count, share: percent(r.count, total) }));
}

/** The smallest 1, 2 or 5 × 10^k at or above n (an axis top that reads well); 1 for 0. */
export function niceMax(n: number): number {
  if (n <= 1) return 1;
  const mag = 10 ** Math.floor(Math.log10(n));
  const step = [1, 2, 5, 10].find((m) => m * mag >= n) ?? 10;
  return step * mag;
}

export interface Bar {
  day: string;
  value: number;
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface ChartLayout {
  bars: Bar[];
  max: number;
  /** Y-axis values with their pixel position. */
  ticks: { value: number; y: number }[];
  /** Which days get a label under the axis (every day for a week, fewer for longer windows). */
  labels: { text: string; x: number }[];
}

export interface ChartBox {
  width: number;
  height: number;
  /** Room around the plot: y labels left, half a date label right, dates under, the top label above. */
  left: number;
  right: number;
  bottom: number;
  top: number;
  /** Bars never get wider than this, so a week does not look like a wall. */
  maxBar: number;
}

export const DEFAULT_BOX: ChartBox = { width: 720, height: 220, left: 32, right: 18, bottom: 22, top: 10, maxBar: 36 };

/** `MM-DD` from `YYYY-MM-DD`. */
export const shortDay = (day: string): string => day.slice(5);

export function chartLayout(daily: DayCounts[], metric: TotalKey, box: ChartBox = DEFAULT_BOX): ChartLayout {
  const plotW = box.width - box.left - box.right;
  const plotH = box.height - box.bottom - box.top;
  const base = box.top + plotH;
  const max = niceMax(Math.max(0, ...daily.map((d) => d[metric])));
  const slot = daily.length ? plotW / daily.length : plotW;
  const gap = slot > 6 ? Math.min(4, slot * 0.2) : 0;
  const w = Math.max(1, Math.min(box.maxBar, slot - gap));
  const bars = daily.map((d, i) => {
    const value = d[metric];
    const h = (value / max) * plotH;
    return { day: d.day, value, x: box.left + i * slot + (slot - w) / 2, y: base - h, w, h };
  });
  const ticks = [0, max / 2, max].filter((v) => Number.isInteger(v)).map((value) => ({ value, y: base - (value / max) * plotH }));
  const every = Math.max(1, Math.ceil(daily.length / 8));
  const labels = daily
    .map((d, i) => ({ i, d }))
    .filter(({ i }) => (daily.length - 1 - i) % every === 0)
    .map(({ i, d }) => ({ text: shortDay(d.day), x: box.left + i * slot + slot / 2 }));
  return { bars, max, ticks, labels };
}
