import { describe, expect, it } from 'vitest';
import type { DayCounts, Totals } from '../../api/types';
import { chartLayout, failureRows, formatPercent, niceMax, percent, rates, totalsCards } from './stats';

const zero: Totals = { opens: 0, taps: 0, sdk_loads: 0, app_opens: 0, failures: 0, fallbacks: 0, confirmed: 0 };
const day = (d: string, t: Partial<Totals> = {}): DayCounts => ({ day: d, ...zero, ...t });

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

describe('failureRows', () => {
  it('keeps the order and adds each share; a missing reason stays null', () => {
    expect(failureRows([{ reason: '未安装', count: 3 }, { count: 1 }])).toEqual([
      { reason: '未安装', count: 3, share: 75 },
      { reason: null, count: 1, share: 25 },
    ]);
  });
});

describe('niceMax', () => {
  it('rounds up to 1, 2 or 5 times a power of ten', () => {
    expect([0, 1, 3, 7, 10, 11, 23, 51, 480].map(niceMax)).toEqual([1, 1, 5, 10, 10, 20, 50, 100, 500]);
  });
});

describe('chartLayout', () => {
  const box = { width: 150, height: 130, left: 40, right: 10, bottom: 20, top: 10, maxBar: 20 };

  it('scales bars to the nice maximum and places them left to right', () => {
    const l = chartLayout([day('2024-10-01', { opens: 5 }), day('2024-10-02', { opens: 10 }), day('2024-10-03')], 'opens', box);
    expect(l.max).toBe(10);
    expect(l.bars.map((b) => [b.day.slice(8), b.value, b.h])).toEqual([
      ['01', 5, 50],
      ['02', 10, 100],
      ['03', 0, 0],
    ]);
    // Slots of 33.3 px, bars capped at 20 px and centred in them.
    expect(l.bars.map((b) => [Math.round(b.x), b.w])).toEqual([
      [47, 20],
      [80, 20],
      [113, 20],
    ]);
    expect(l.bars[1]?.y).toBe(10);
    expect(l.ticks).toEqual([
      { value: 0, y: 110 },
      { value: 5, y: 60 },
      { value: 10, y: 10 },
    ]);
  });

  it('labels every day of a week and about eight days of a longer window, always the last', () => {
    const week = Array.from({ length: 7 }, (_, i) => day(`2024-10-0${i + 1}`));
    expect(chartLayout(week, 'taps').labels.map((x) => x.text)).toEqual(['10-01', '10-02', '10-03', '10-04', '10-05', '10-06', '10-07']);
    const month = Array.from({ length: 30 }, (_, i) => day(`2024-09-${String(i + 1).padStart(2, '0')}`));
    const labels = chartLayout(month, 'taps').labels.map((x) => x.text);
    expect(labels.length).toBeLessThanOrEqual(8);
    expect(labels.at(-1)).toBe('09-30');
  });

  it('draws an empty window on a 0..1 axis without dividing by zero', () => {
    const l = chartLayout([day('2024-10-01')], 'failures', box);
    expect(l.max).toBe(1);
    expect(l.bars[0]?.h).toBe(0);
    expect(l.ticks.map((t) => t.value)).toEqual([0, 1]);
  });
});
