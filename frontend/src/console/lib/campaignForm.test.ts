import { describe, expect, it } from 'vitest';
import { draftToInput, emptyDraft, headCount } from './campaignForm';

describe('campaign form', () => {
  it('sends a window across midnight as typed and leaves empty choices to the server', () => {
    const d = { ...emptyDraft(new Date(2026, 11, 6)), name: '  双十二 ', postIds: [5, 2], windowFrom: '22:00', windowTo: '02:00' };
    const body = draftToInput(d);
    expect(body.name).toBe('双十二');
    expect(body.post_ids).toEqual([5, 2]);
    expect(body.schedule?.daily_window).toEqual({ from: '22:00', to: '02:00' });
    expect(body.platforms).toBeNull();
    expect(body.link_expires_at).toBeNull();
    expect(new Date(body.schedule?.start_at ?? '').getHours()).toBe(9);
  });

  it('reads and writes times on the statistics time zone’s clock, not the browser’s', () => {
    // 04:00 UTC on the 6th is still the 5th in New York: tomorrow is the 6th there.
    const d = emptyDraft(new Date('2026-12-06T04:00:00Z'), 'America/New_York');
    expect(d.start).toBe('2026-12-06T09:00');
    expect(draftToInput(d).schedule?.start_at).toBe('2026-12-06T14:00:00.000Z');
    const back = { ...d, zone: 'Asia/Shanghai' };
    expect(draftToInput(back).schedule?.start_at).toBe('2026-12-06T01:00:00.000Z');
  });

  it('counts an account chosen directly and through a group once', () => {
    expect(headCount([1, 2], [[2, 3], [3, 4]])).toBe(4);
    expect(headCount([], [])).toBe(0);
  });
});
