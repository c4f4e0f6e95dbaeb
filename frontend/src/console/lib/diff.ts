/**
 * Renders the server's per-field diff of two versions: a line diff (content,
 * or any field spanning lines) gets line numbers on both sides and a sign per
 * line; a one-line field shows its value before and after.
 */
import type { DiffLine, FieldDiff } from '../../api/team-types';

export interface DiffRow {
  op: DiffLine['op'];
  /** The line without its line break. */
  text: string;
  sign: '+' | '-' | ' ';
  /** Line number in the older version (null for an inserted line). */
  before: number | null;
  /** Line number in the newer version (null for a deleted line). */
  after: number | null;
}

const SIGN = { equal: ' ', insert: '+', delete: '-' } as const;

export function diffRows(lines: readonly DiffLine[]): DiffRow[] {
  let b = 0;
  let a = 0;
  return lines.map((l) => {
    const before = l.op === 'insert' ? null : ++b;
    const after = l.op === 'delete' ? null : ++a;
    return { op: l.op, text: l.text.replace(/\r?\n$/, ''), sign: SIGN[l.op], before, after };
  });
}

/** How many lines were added and removed. */
export function diffCounts(lines: readonly DiffLine[]): { inserted: number; deleted: number } {
  return {
    inserted: lines.filter((l) => l.op === 'insert').length,
    deleted: lines.filter((l) => l.op === 'delete').length,
  };
}

/** Whether a field reads best as a line diff (the body, or any value over several lines). */
export function asLines(f: FieldDiff): boolean {
  return f.field === 'content' || (f.lines.length > 0 && [f.before, f.after].some((v) => (v ?? '').includes('\n')));
}
