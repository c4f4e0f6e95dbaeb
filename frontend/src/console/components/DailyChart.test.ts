// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { createApp, nextTick } from 'vue';
import DailyChart from './DailyChart.vue';

// happy-dom has no canvas: the chart itself is ECharts' business, the table is ours.
vi.mock('../lib/echarts', () => ({
  dailyOption: () => ({}),
  init: () => ({ setOption: () => undefined, resize: () => undefined, dispose: () => undefined }),
}));

const zero = { opens: 0, taps: 0, sdk_loads: 0, app_opens: 0, failures: 0, fallbacks: 0, confirmed: 0 };

describe('DailyChart table', () => {
  it('aligns every header like the numbers in its column', async () => {
    const el = document.createElement('div');
    const app = createApp(DailyChart, { daily: [{ day: '2026-11-20', ...zero, opens: 12345 }] });
    app.mount(el);
    await nextTick();
    const heads = [...el.querySelectorAll('[data-testid="daily-table"] thead th')];
    const cells = [...el.querySelectorAll('[data-testid="daily-table"] tbody tr:first-child td')];
    expect(heads.length).toBe(cells.length);
    expect(heads.length).toBeGreaterThan(1);
    heads.forEach((th, i) => expect(th.classList.contains('num'), `column ${i}`).toBe(cells[i]?.classList.contains('num')));
    app.unmount();
  });
});
