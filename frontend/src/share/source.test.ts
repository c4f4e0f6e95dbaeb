import { describe, expect, it } from 'vitest';
import { parseShareRoute, sourceFor } from './source';

describe('parseShareRoute', () => {
  it('reads an operator link', () => {
    expect(parseShareRoute('/p/42')).toEqual({ kind: 'operator', id: 42 });
    expect(parseShareRoute('/p/42/')).toEqual({ kind: 'operator', id: 42 });
  });
  it('reads a public token link', () => {
    expect(parseShareRoute('/s/abc_DEF-9')).toEqual({ kind: 'public', token: 'abc_DEF-9' });
  });
  it('rejects anything else', () => {
    expect(parseShareRoute('/p/abc')).toBeNull();
    expect(parseShareRoute('/share.html')).toBeNull();
    expect(parseShareRoute('/p/1/x')).toBeNull();
  });
});

describe('sourceFor', () => {
  it('sends an expired operator back to the console login, returning to the post', () => {
    expect(sourceFor({ kind: 'operator', id: 7 })?.loginUrl).toBe('/login?next=%2Fp%2F7');
  });
  it('has no source for public links yet', () => {
    expect(sourceFor({ kind: 'public', token: 't' })).toBeNull();
  });
});
