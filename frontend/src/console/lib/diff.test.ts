import { describe, expect, it } from 'vitest';
import { asLines, diffCounts, diffRows } from './diff';

describe('diff rendering', () => {
  const lines = [
    { op: 'equal', text: '周末去哪儿\n' },
    { op: 'delete', text: '咖啡店 A\n' },
    { op: 'insert', text: '咖啡店 B\n' },
    { op: 'insert', text: '#探店\n' },
    { op: 'equal', text: '完' },
  ] as const;

  it('numbers lines on each side and marks inserts and deletes', () => {
    expect(diffRows(lines)).toEqual([
      { op: 'equal', text: '周末去哪儿', sign: ' ', before: 1, after: 1 },
      { op: 'delete', text: '咖啡店 A', sign: '-', before: 2, after: null },
      { op: 'insert', text: '咖啡店 B', sign: '+', before: null, after: 2 },
      { op: 'insert', text: '#探店', sign: '+', before: null, after: 3 },
      { op: 'equal', text: '完', sign: ' ', before: 3, after: 4 },
    ]);
  });
  it('counts added and removed lines', () => {
    expect(diffCounts(lines)).toEqual({ inserted: 2, deleted: 1 });
    expect(diffCounts([])).toEqual({ inserted: 0, deleted: 0 });
  });
  it('keeps an empty line and strips only the line break', () => {
    expect(diffRows([{ op: 'insert', text: '\r\n' }])[0]?.text).toBe('');
    expect(diffRows([{ op: 'equal', text: '  indented ' }])[0]?.text).toBe('  indented ');
  });
  it('shows the body and multi-line values as lines, one-line fields as before and after', () => {
    const f = (field: string, before: string | null, after: string | null) => ({ field, before, after, lines: [{ op: 'equal' as const, text: 'x' }] });
    expect(asLines(f('content', 'a', 'b'))).toBe(true);
    expect(asLines(f('image_urls', 'https://a\nhttps://b', 'https://a'))).toBe(true);
    expect(asLines(f('title', '旧标题', '新标题'))).toBe(false);
    expect(asLines(f('cover_url', null, 'https://c'))).toBe(false);
  });
});
