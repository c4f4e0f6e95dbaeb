// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { type Component, createApp, nextTick } from 'vue';
import { setLocale } from '../i18n';
import type { PlatformCounts, PlatformVerdict } from '../lib/platforms';
import PlatformSplit from './PlatformSplit.vue';
import PlatformVerdicts from './PlatformVerdicts.vue';

// happy-dom has no canvas: the bars are ECharts' business, the words and the table are ours.
vi.mock('../lib/echarts', () => ({
  platformOption: () => ({}),
  init: () => ({ setOption: () => undefined, resize: () => undefined, dispose: () => undefined }),
}));

const verdict = (platform: PlatformVerdict['platform'], over: Partial<PlatformVerdict> = {}): PlatformVerdict => ({
  platform,
  name: platform,
  handoff: 'url',
  ok: true,
  configured: true,
  checks: [],
  ...over,
});

function mount(component: Component, props: Record<string, unknown>): { el: HTMLElement; unmount: () => void } {
  const el = document.createElement('div');
  const app = createApp(component, props);
  app.mount(el);
  return { el, unmount: () => app.unmount() };
}
const texts = (el: HTMLElement, sel: string): string[] => [...el.querySelectorAll(sel)].map((n) => n.textContent?.replace(/\s+/g, ' ').trim() ?? '');

afterEach(() => setLocale('zh'));

describe('PlatformVerdicts', () => {
  it('tags each platform by state and words why Douyin refuses a webp image', async () => {
    setLocale('zh');
    const webp = { rule: 'media_format' as const, field: 'image_urls[0]', level: 'error' as const, format: 'webp', message: 'Douyin takes png or jpg, not webp' };
    const { el, unmount } = mount(PlatformVerdicts, {
      platforms: [verdict('xhs'), verdict('douyin', { ok: false, checks: [webp] }), verdict('weibo', { configured: false })],
    });
    await nextTick();
    const tags = [...el.querySelectorAll('[data-testid="preflight-platform"]')].map((t) => [t.getAttribute('data-platform'), t.getAttribute('data-state')]);
    expect(tags).toEqual([
      ['xhs', 'ok'],
      ['douyin', 'refused'],
      ['weibo', 'unconfigured'],
    ]);
    expect(texts(el, '[data-testid="preflight-platform-reasons"]')).toEqual([
      '抖音：第 1 张图是 webp 格式，抖音不支持（只收 png/jpg 图片、mp4/mov 视频）',
      '微博：未配置：服务器缺少该平台的凭据',
    ]);
    setLocale('en');
    await nextTick();
    expect(texts(el, '[data-testid="preflight-platform-reasons"]')[1]).toBe('Weibo: not configured: the server has no credentials for it');
    unmount();
  });
});

describe('PlatformVerdicts without XHS credentials', () => {
  it('never ticks XHS green: it says the phone copies the text and saves the images', async () => {
    setLocale('zh');
    const { el, unmount } = mount(PlatformVerdicts, { platforms: [verdict('xhs', { handoff: 'sdk' })], xhsKit: true });
    await nextTick();
    const tag = el.querySelector('[data-testid="preflight-platform"]');
    expect(tag?.getAttribute('data-state')).toBe('kit');
    expect(tag?.textContent).not.toContain('✓');
    expect(texts(el, '[data-testid="preflight-platform-reasons"]')).toEqual(['小红书：手机端将复制文字并保存图片，再打开小红书']);
    unmount();
  });
  it('takes the kit from the pre-flight itself once the server says copy_kit', async () => {
    const { el, unmount } = mount(PlatformVerdicts, { platforms: [verdict('xhs', { handoff: 'copy_kit', configured: false })] });
    await nextTick();
    expect(el.querySelector('[data-testid="preflight-platform"]')?.getAttribute('data-state')).toBe('kit');
    unmount();
  });
  it('names the rule a refusing platform refuses', async () => {
    setLocale('zh');
    const long = { rule: 'max_chars' as const, field: 'title', level: 'error' as const, message: 'title too long', actual: 25, limit: 20 };
    const { el, unmount } = mount(PlatformVerdicts, { platforms: [verdict('weibo', { ok: false })], noteChecks: [long] });
    await nextTick();
    const [reason] = texts(el, '[data-testid="preflight-platform-reasons"]');
    expect(reason).not.toContain('笔记未通过上面的检查');
    expect(reason).toContain('20');
    unmount();
  });
});

describe('PlatformSplit', () => {
  const counts = (platform: PlatformCounts['platform'], taps: number, failures = 0): PlatformCounts => ({
    platform,
    opens: 0,
    taps,
    sdk_loads: 0,
    app_opens: 0,
    failures,
    fallbacks: 0,
    confirmed: 0,
  });
  it('lists the platforms with their taps and share, busiest first', async () => {
    setLocale('zh');
    const { el, unmount } = mount(PlatformSplit, { split: [counts('xhs', 1), counts('weibo', 3, 1)] });
    await nextTick();
    const rows = [...el.querySelectorAll('[data-testid="platform-row"]')].map((r) => [...r.querySelectorAll('td')].map((td) => td.textContent?.trim()));
    expect(rows).toEqual([
      ['微博', '3', '0', '1', '0', '0', '75%'],
      ['小红书', '1', '0', '0', '0', '0', '25%'],
    ]);
    unmount();
  });
  it('says so when nothing was tapped', async () => {
    const { el, unmount } = mount(PlatformSplit, { split: [] });
    await nextTick();
    expect(el.querySelector('[data-testid="platform-table"]')).toBeNull();
    expect(texts(el, '[data-testid="stats-no-platforms"]')).toEqual(['还没有点击发布']);
    unmount();
  });
});
