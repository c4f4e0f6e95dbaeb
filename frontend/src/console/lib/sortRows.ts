/**
 * Sorting for the console's tables: by one column, up or down, text in the
 * operator's language order (拼音 for 汉字), numbers as numbers, empty last.
 */
export type SortDir = 'asc' | 'desc';
export interface SortState<K extends string> {
  key: K;
  dir: SortDir;
}

type Cell = string | number | null | undefined;

export function compareCells(a: Cell, b: Cell, lang: string): number {
  const empty = (v: Cell): boolean => v === null || v === undefined || v === '';
  if (empty(a) || empty(b)) return empty(a) === empty(b) ? 0 : empty(a) ? 1 : -1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a).localeCompare(String(b), lang === 'zh' ? 'zh-Hans-CN-u-co-pinyin' : 'en', { numeric: true });
}

/** A sorted copy; empty cells stay last in both directions; equal rows keep their order. */
export function sortRows<T, K extends string>(rows: T[], sort: SortState<K> | null, cell: (row: T, key: K) => Cell, lang = 'zh'): T[] {
  if (!sort) return [...rows];
  const sign = sort.dir === 'asc' ? 1 : -1;
  return rows
    .map((row, i) => ({ row, i }))
    .sort((x, y) => {
      const a = cell(x.row, sort.key);
      const b = cell(y.row, sort.key);
      const emptyA = a === null || a === undefined || a === '';
      const emptyB = b === null || b === undefined || b === '';
      if (emptyA || emptyB) return emptyA === emptyB ? x.i - y.i : emptyA ? 1 : -1;
      return sign * compareCells(a, b, lang) || x.i - y.i;
    })
    .map(({ row }) => row);
}

/** el-table's `sort-change` (`order` is 'ascending', 'descending' or null) as a sort of one of `keys`. */
export function fromTableSort<K extends string>(e: { prop: string | null; order: string | null }, keys: readonly K[]): SortState<K> | null {
  const key = keys.find((k) => k === e.prop);
  if (!key || !e.order) return null;
  return { key, dir: e.order === 'descending' ? 'desc' : 'asc' };
}
