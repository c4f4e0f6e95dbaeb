import { describe, expect, it } from 'vitest';
import type { CampaignProgress, StatusCounts } from '../../api/types';
import { accountCards } from './campaign';

const counts = (c: Partial<StatusCounts>): StatusCounts => ({
  planned: 0,
  scheduled: 0,
  open: 0,
  opened: 0,
  tapped: 0,
  published: 0,
  failed: 0,
  cancelled: 0,
  total: 0,
  ...c,
});

describe('per-account progress cards', () => {
  it('count each step with those that went further, leave cancelled ones out and put failures first', () => {
    const p = {
      by_account: [
        { account_id: 1, name: '王同学', counts: counts({ published: 2, tapped: 1, opened: 1, scheduled: 1, cancelled: 1, total: 6 }) },
        { account_id: 2, name: '李同学', counts: counts({ failed: 1, open: 1, total: 2 }) },
      ],
    } as unknown as CampaignProgress;
    const cards = accountCards(p);
    expect(cards.map((c) => c.id)).toEqual([2, 1]);
    expect(cards[1]).toEqual({ id: 1, name: '王同学', assigned: 5, opened: 4, tapped: 3, published: 2, failed: 0 });
    expect(cards[0]).toMatchObject({ assigned: 2, opened: 0, failed: 1 });
  });
});
