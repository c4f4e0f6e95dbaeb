import { describe, expect, it } from 'vitest';
import { safeHttpUrl } from './url';

describe('safeHttpUrl', () => {
  it('keeps http and https URLs', () => {
    expect(safeHttpUrl('https://img.example/a.jpg')).toBe('https://img.example/a.jpg');
    expect(safeHttpUrl(' http://img.example/a b.jpg ')).toBe('http://img.example/a%20b.jpg');
  });
  it('drops javascript:, data: and garbage', () => {
    expect(safeHttpUrl('javascript:alert(1)')).toBeNull();
    expect(safeHttpUrl('data:image/png;base64,AAAA')).toBeNull();
    expect(safeHttpUrl('not a url')).toBeNull();
    expect(safeHttpUrl(null)).toBeNull();
  });
});
