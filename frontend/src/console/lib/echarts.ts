/**
 * ECharts, tree-shaken: only the bar chart, grid and tooltip the daily and
 * per-platform charts use, drawn on canvas. Imported by the statistics route only, so the login
 * screen and the post list never load it.
 */
import { BarChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import { init, use, type ComposeOption } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import type { BarSeriesOption } from 'echarts/charts';
import type { GridComponentOption, TooltipComponentOption } from 'echarts/components';

use([BarChart, GridComponent, TooltipComponent, CanvasRenderer]);

export type DailyOption = ComposeOption<BarSeriesOption | GridComponentOption | TooltipComponentOption>;
export { init };

/** One metric per day as bars: the option ECharts draws. Pure, so it is tested without a canvas. */
export function dailyOption(days: string[], values: number[], name: string): DailyOption {
  return {
    animation: false,
    grid: { left: 36, right: 12, top: 16, bottom: 28 },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: days.map((d) => d.slice(5)), axisTick: { alignWithLabel: true } },
    yAxis: { type: 'value', minInterval: 1 },
    series: [{ type: 'bar', name, data: values, barMaxWidth: 36, itemStyle: { color: '#ff2442' } }],
  };
}

/** Taps per platform as horizontal bars, the busiest on top. Pure, like dailyOption. */
export function platformOption(names: string[], taps: number[], name: string): DailyOption {
  return {
    animation: false,
    grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis' },
    // ECharts draws the first category at the bottom; reversed, the list reads top-down.
    yAxis: { type: 'category', data: names, inverse: true, axisTick: { show: false } },
    xAxis: { type: 'value', minInterval: 1 },
    series: [{ type: 'bar', name, data: taps, barMaxWidth: 20, itemStyle: { color: '#ff2442' }, label: { show: true, position: 'right' } }],
  };
}
