import { describe, expect, it } from 'vitest';
import { auditQuery, emptyFilter, filterFromRoute, filterToRoute, targetRoute } from './audit';

describe('audit filter', () => {
  it('asks for the first page only with the limit when nothing is set', () => {
    expect(auditQuery(emptyFilter())).toEqual({ limit: 50 });
  });
  it('maps every field to its query parameter, trimmed', () => {
    const q = auditQuery(
      { actor: ' alice ', action: 'approve', targetType: 'post', targetId: ' 12 ', from: '', to: '' },
      'c-2',
      20,
    );
    expect(q).toEqual({ actor: 'alice', action: 'approve', target_type: 'post', target_id: 12, cursor: 'c-2', limit: 20 });
  });
  it('sends the range as instants of the local wall times', () => {
    const f = { ...emptyFilter(), from: '2026-11-20T08:00', to: '2026-11-21T18:30' };
    const q = auditQuery(f);
    expect(q.from).toBe(new Date('2026-11-20T08:00').toISOString());
    expect(q.to).toBe(new Date('2026-11-21T18:30').toISOString());
  });
  it('leaves out an unreadable time or a target id that is not a number instead of sending it', () => {
    expect(auditQuery({ ...emptyFilter(), from: 'yesterday' })).toEqual({ limit: 50 });
    expect(auditQuery({ ...emptyFilter(), targetId: '12a' })).toEqual({ limit: 50 });
  });
  it('round-trips through the page URL, dropping an unknown action', () => {
    const f = { actor: 'bob', action: 'link' as const, targetType: 'post' as const, targetId: '7', from: '2026-11-20T08:00', to: '' };
    expect(filterToRoute(f)).toEqual({ actor: 'bob', action: 'link', target_type: 'post', target_id: '7', from: '2026-11-20T08:00' });
    expect(filterFromRoute(filterToRoute(f))).toEqual(f);
    expect(filterFromRoute({ action: 'explode', target_type: 'planet', actor: ['x'] })).toEqual(emptyFilter());
  });
});

describe('audit target', () => {
  it('links a note to its editor, a link to its statistics, an account to its page', () => {
    expect(targetRoute({ target_type: 'post', target_id: 3 })).toBe('/posts/3/edit');
    expect(targetRoute({ target_type: 'link', target_id: 9 })).toBe('/links/9/stats');
    expect(targetRoute({ target_type: 'account', target_id: 4 })).toBe('/accounts/4');
  });
  it('links nothing else, nor a target without a numeric id', () => {
    expect(targetRoute({ target_type: 'user', target_id: 2 })).toBeNull();
    expect(targetRoute({ target_type: 'post', target_id: null })).toBeNull();
    expect(targetRoute({ target_type: null, target_id: null })).toBeNull();
  });
});
