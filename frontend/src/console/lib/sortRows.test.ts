import { describe, expect, it } from 'vitest';
import { fromTableSort, sortRows } from './sortRows';

type Row = { name: string; nickname: string | null; n: number };
const rows: Row[] = [
  { name: '张三', nickname: null, n: 10 },
  { name: '阿明', nickname: 'b', n: 2 },
  { name: '李四', nickname: 'a', n: 33 },
];
const cell = (r: Row, k: 'name' | 'nickname' | 'n') => r[k];

describe('sortRows', () => {
  it('sorts 汉字 by pinyin, numbers as numbers, and flips on desc', () => {
    expect(sortRows(rows, { key: 'name', dir: 'asc' }, cell).map((r) => r.name)).toEqual(['阿明', '李四', '张三']);
    expect(sortRows(rows, { key: 'n', dir: 'desc' }, cell).map((r) => r.n)).toEqual([33, 10, 2]);
  });

  it('keeps empty cells last in both directions and leaves the input alone', () => {
    expect(sortRows(rows, { key: 'nickname', dir: 'asc' }, cell).map((r) => r.nickname)).toEqual(['a', 'b', null]);
    expect(sortRows(rows, { key: 'nickname', dir: 'desc' }, cell).map((r) => r.nickname)).toEqual(['b', 'a', null]);
    expect(rows[0]?.name).toBe('张三');
  });
});

describe('fromTableSort', () => {
  it("reads el-table's sort-change: up, down, off, and only for sortable columns", () => {
    const keys = ['name', 'n'] as const;
    expect(fromTableSort({ prop: 'name', order: 'ascending' }, keys)).toEqual({ key: 'name', dir: 'asc' });
    expect(fromTableSort({ prop: 'n', order: 'descending' }, keys)).toEqual({ key: 'n', dir: 'desc' });
    expect(fromTableSort({ prop: 'name', order: null }, keys)).toBeNull();
    expect(fromTableSort({ prop: 'notes', order: 'ascending' }, keys)).toBeNull();
  });
});
