import { describe, expect, it } from 'vitest';
import type { Totals } from '../../api/types';
import { formatPercent, percent, rates, totalsCards } from './stats';

const zero: Totals = { opens: 0, taps: 0, sdk_loads: 0, app_opens: 0, failures: 0, fallbacks: 0, confirmed: 0 };

describe('totals', () => {
  it('lists the six counters in a fixed order', () => {
    const cards = totalsCards({ ...zero, opens: 10, taps: 4, app_opens: 3, failures: 1, fallbacks: 2, confirmed: 1, sdk_loads: 9 });
    expect(cards).toEqual([
      { key: 'opens', value: 10 },
      { key: 'taps', value: 4 },
      { key: 'app_opens', value: 3 },
      { key: 'failures', value: 1 },
      { key: 'fallbacks', value: 2 },
      { key: 'confirmed', value: 1 },
    ]);
  });
  it('computes the tap rate per open and the app-open rate per tap', () => {
    expect(rates({ ...zero, opens: 8, taps: 2, app_opens: 1 })).toEqual({ tapRate: 25, appRate: 50 });
    expect(rates(zero)).toEqual({ tapRate: null, appRate: null });
    expect(formatPercent(null)).toBe('—');
    expect(percent(1, 3)).toBe(33);
  });
});
