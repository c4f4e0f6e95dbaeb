import { describe, expect, it } from 'vitest';
import { declaredLength, fileNameFrom, formatSize, percent, readWithProgress } from './exportFile';

describe('fileNameFrom', () => {
  it('prefers the UTF-8 name so Chinese survives', () => {
    const cd = `attachment; filename="export.xlsx"; filename*=UTF-8''${encodeURIComponent('双十二推广-分配-20261206.xlsx')}`;
    expect(fileNameFrom(cd, 'x.xlsx')).toBe('双十二推广-分配-20261206.xlsx');
  });
  it('falls back to the plain name, then to the given one', () => {
    expect(fileNameFrom('attachment; filename="export.csv"', 'x.csv')).toBe('export.csv');
    expect(fileNameFrom(null, 'x.csv')).toBe('x.csv');
    expect(fileNameFrom("attachment; filename*=UTF-8''%E4%ZZ", 'x.csv')).toBe('x.csv');
  });
});

describe('readWithProgress', () => {
  it('reads every chunk and reports the bytes so far', async () => {
    const chunks = [new Uint8Array([0xef, 0xbb, 0xbf]), new Uint8Array([0x61, 0x0d, 0x0a])];
    const body = new ReadableStream<Uint8Array<ArrayBuffer>>({
      start(c) {
        chunks.forEach((ch) => c.enqueue(ch));
        c.close();
      },
    });
    const seen: number[] = [];
    const blob = await readWithProgress(body, 6, 'text/csv', (p) => seen.push(p.loaded));
    expect(seen).toEqual([0, 3, 6]);
    expect(new Uint8Array(await blob.arrayBuffer())).toEqual(new Uint8Array([0xef, 0xbb, 0xbf, 0x61, 0x0d, 0x0a]));
  });
});

describe('sizes and shares', () => {
  it('knows a total only when the server declared one', () => {
    expect(declaredLength('2048')).toBe(2048);
    expect(declaredLength(null)).toBeNull();
    expect(percent({ loaded: 512, total: 2048 })).toBe(25);
    expect(percent({ loaded: 512, total: null })).toBeNull();
    expect(formatSize(300)).toBe('1 KB');
    expect(formatSize(3 * 1024 * 1024)).toBe('3.0 MB');
  });
});

describe('lastDays', () => {
  it('ends today and counts today as the last of the days', async () => {
    const { lastDays } = await import('./exportRange');
    expect(lastDays(30, new Date(2026, 11, 6))).toEqual(['2026-11-07', '2026-12-06']);
    expect(lastDays(1, new Date(2026, 0, 1))).toEqual(['2026-01-01', '2026-01-01']);
  });
});
