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
  it('gives a public link an anonymous source that reports events and takes a note link', () => {
    const src = sourceFor({ kind: 'public', token: 't' });
    expect(src?.kind).toBe('public');
    expect(src?.loginUrl).toBeNull();
    expect(typeof src?.report).toBe('function');
    expect(typeof src?.confirm).toBe('function');
  });
  it('does not report events from the operator preview', () => {
    expect(sourceFor({ kind: 'operator', id: 1 })?.report).toBeUndefined();
  });
  it('has no source for anything else', () => {
    expect(sourceFor(null)).toBeNull();
  });
});
