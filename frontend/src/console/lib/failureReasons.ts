/**
 * SDK failure reasons as people read them. The server keeps what the share
 * page reported (often a raw English error); the console groups them into a
 * few causes an operator can act on, and keeps the raw text for a click.
 */
import type { ReasonCount } from '../../api/types';
import { percent } from './stats';

export const FAILURE_GROUPS = ['timeout', 'cancelled', 'not_installed', 'signature', 'network', 'other'] as const;
export type FailureGroup = (typeof FAILURE_GROUPS)[number];

// Checked in order: the first that matches wins ("network timeout" is a timeout).
const RULES: [FailureGroup, RegExp][] = [
  ['timeout', /timeout|timed out|超时/i],
  ['cancelled', /cancel|取消/i],
  ['not_installed', /not installed|scheme|未安装/i],
  ['signature', /signature|sign(ing)? |签名/i],
  ['network', /network|fetch|offline|网络/i],
];

export function failureGroup(reason: string | null | undefined): FailureGroup {
  const text = reason ?? '';
  return RULES.find(([, re]) => re.test(text))?.[0] ?? 'other';
}

export interface FailureGroupRow {
  group: FailureGroup;
  count: number;
  share: number | null;
  /** The reasons as reported, most frequent first. */
  raw: { reason: string | null; count: number }[];
}

/** Failures by cause, most frequent first; shares are of all failures. */
export function groupFailures(list: ReasonCount[]): FailureGroupRow[] {
  const total = list.reduce((n, r) => n + r.count, 0);
  const rows = new Map<FailureGroup, FailureGroupRow>();
  for (const r of list) {
    const group = failureGroup(r.reason);
    const row = rows.get(group) ?? { group, count: 0, share: null, raw: [] };
    row.count += r.count;
    row.raw.push({ reason: r.reason ?? null, count: r.count });
    rows.set(group, row);
  }
  return [...rows.values()]
    .map((row) => ({ ...row, share: percent(row.count, total), raw: row.raw.sort((a, b) => b.count - a.count) }))
    .sort((a, b) => b.count - a.count || FAILURE_GROUPS.indexOf(a.group) - FAILURE_GROUPS.indexOf(b.group));
}
