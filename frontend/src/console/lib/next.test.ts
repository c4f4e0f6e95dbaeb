import { describe, expect, it } from 'vitest';
import { nextTarget } from './next';

describe('nextTarget', () => {
  it('returns to a console page', () => {
    expect(nextTarget('/posts/3/edit')).toEqual({ kind: 'console', path: '/posts/3/edit' });
  });
  it('returns to the share page with a full page load', () => {
    expect(nextTarget('/p/3')).toEqual({ kind: 'page', path: '/p/3' });
  });
  it('refuses other sites and junk', () => {
    for (const bad of ['//evil.example', 'https://evil.example', '/\\evil.example', undefined, ['/x']]) {
      expect(nextTarget(bad)).toEqual({ kind: 'console', path: '/' });
    }
  });
});
