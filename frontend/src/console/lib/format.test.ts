import { describe, expect, it } from 'vitest';
import { formatBytes, localInputToIso, snippet } from './format';

describe('localInputToIso', () => {
  it('reads a datetime-local value as local time and returns the UTC instant', () => {
    const iso = localInputToIso('2030-05-06T07:08');
    expect(iso).toBe(new Date(2030, 4, 6, 7, 8).toISOString());
  });
  it('is null for an empty or broken value', () => {
    expect(localInputToIso('')).toBeNull();
    expect(localInputToIso('not a date')).toBeNull();
  });
});

describe('formatBytes', () => {
  it('uses B, KB and MB', () => {
    expect([512, 2048, 5 * 1024 * 1024 + 1].map(formatBytes)).toEqual(['512 B', '2.0 KB', '5.0 MB']);
  });
});

describe('snippet', () => {
  it('flattens whitespace and cuts long text', () => {
    expect(snippet('a\n\nb', 10)).toBe('a b');
    expect(snippet('一二三四五', 3)).toBe('一二三…');
  });
});

import { fileSlug } from './download';

describe('fileSlug', () => {
  it('keeps words and replaces the rest with dashes', () => {
    expect(fileSlug(' 三班 / brand: A ', 'x')).toBe('三班-brand-A');
    expect(fileSlug('///', 'link-3')).toBe('link-3');
  });
});
