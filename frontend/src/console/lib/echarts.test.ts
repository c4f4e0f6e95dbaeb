import { describe, expect, it } from 'vitest';
import { dailyOption, platformOption } from './echarts';

describe('dailyOption', () => {
  it('puts one bar per day, labelled MM-DD, with the metric name', () => {
    const o = dailyOption(['2026-11-20', '2026-11-21'], [3, 0], '打开');
    expect(o.xAxis).toMatchObject({ type: 'category', data: ['11-20', '11-21'] });
    expect(o.series).toEqual([expect.objectContaining({ type: 'bar', name: '打开', data: [3, 0] })]);
  });
});

describe('platformOption', () => {
  it('draws one horizontal bar per platform, the first on top', () => {
    const o = platformOption(['微博', '小红书'], [2, 1], '点击发布');
    expect(o.yAxis).toMatchObject({ type: 'category', data: ['微博', '小红书'], inverse: true });
    expect(o.xAxis).toMatchObject({ type: 'value' });
    expect(o.series).toEqual([expect.objectContaining({ type: 'bar', name: '点击发布', data: [2, 1] })]);
  });
});
