/**
 * One ECharts instance on the component's element `ref="chart"`: created when mounted, redrawn from
 * `option()` whenever what it reads changes, resized with its box and
 * disposed with the component.
 */
import { onBeforeUnmount, onMounted, useTemplateRef, watch } from 'vue';
import { type DailyOption, init } from '../lib/echarts';

export function useChart(option: () => DailyOption): void {
  const el = useTemplateRef<HTMLDivElement>('chart');
  let chart: ReturnType<typeof init> | null = null;
  let resize: ResizeObserver | null = null;

  const draw = (): void => void chart?.setOption(option(), true);

  onMounted(() => {
    if (!el.value) return;
    chart = init(el.value);
    draw();
    resize = new ResizeObserver(() => chart?.resize());
    resize.observe(el.value);
  });
  watch(option, draw);
  onBeforeUnmount(() => {
    resize?.disconnect();
    chart?.dispose();
  });
}
