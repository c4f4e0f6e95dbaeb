// @vitest-environment happy-dom
// @vitest-environment-options {"url": "http://console.test/"}
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createApp } from 'vue';
import { createMemoryHistory, createRouter } from 'vue-router';
import type { Dashboard } from '../../api/types';
import { i18n } from '../i18n';
import { resetPlatformStatus } from '../composables/usePlatformStatus';
import DashboardView from './DashboardView.vue';

const totals = (opens: number, taps: number, appOpens: number, confirmed: number) => ({
  opens,
  taps,
  sdk_loads: 0,
  app_opens: appOpens,
  failures: 0,
  fallbacks: 0,
  confirmed,
});
const DASHBOARD: Dashboard = {
  timezone: 'Asia/Shanghai',
  today: totals(3, 2, 1, 1),
  week: totals(9, 5, 4, 2),
  top_posts: [{ id: 11, title: '周末咖啡', opens: 6, taps: 4, confirmed: 2 }],
  top_links: [{ id: 7, post_id: 11, post_title: '周末咖啡', label: '三班', opens: 5, taps: 3 }],
  failures_by_reason: [
    { reason: 'SDK load timeout', count: 2 },
    { reason: 'user cancelled', count: 1 },
  ],
  tasks: { failed: 2, unknown: 1, paused: 0, waiting: 3, overdue: 1 },
};

const PLATFORMS = {
  platforms: [
    { platform: 'xhs', handoff: 'copy_kit', configured: false, token: null },
    { platform: 'douyin', handoff: 'schema', configured: false, token: null },
    { platform: 'weibo', handoff: 'url', configured: true, token: null },
  ],
};

afterEach(() => {
  vi.unstubAllGlobals();
  resetPlatformStatus();
});

async function mount(robotsOff = false, dash: Dashboard = DASHBOARD) {
  const urls: string[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (req: Request) => {
      const path = new URL(req.url).pathname;
      urls.push(path);
      if (path === '/api/robots' && robotsOff)
        return new Response(JSON.stringify({ status: 503, code: 'robots_not_configured', title: 'x', detail: 'x' }), {
          status: 503,
          headers: { 'content-type': 'application/problem+json' },
        });
      if (path === '/api/robots') return new Response(JSON.stringify({ robots: [], next_cursor: null, last_sync: null }), { status: 200 });
      return new Response(JSON.stringify(path === '/api/platforms' ? PLATFORMS : dash), { status: 200, headers: { 'content-type': 'application/json' } });
    }),
  );
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/:any(.*)*', component: DashboardView }] });
  await router.push('/');
  const el = document.createElement('div');
  document.body.append(el);
  const app = createApp(DashboardView).use(i18n).use(router);
  app.mount(el);
  await vi.waitFor(() => expect(el.querySelector('[data-testid="dash-totals"]')).not.toBeNull());
  return { el, app, urls };
}

const value = (el: Element, id: string) => el.querySelector(`[data-testid="${id}"]`)?.getAttribute('data-value');

describe('DashboardView', () => {
  it("shows today's and this week's counts from GET /api/dashboard", async () => {
    const { el, app, urls } = await mount();
    expect(urls.filter((u) => u === '/api/dashboard')).toHaveLength(1);
    expect(['opens', 'taps', 'app_opens', 'confirmed'].map((k) => value(el, `dash-today-${k}`))).toEqual(['3', '2', '1', '1']);
    expect(['opens', 'taps', 'app_opens', 'confirmed'].map((k) => value(el, `dash-week-${k}`))).toEqual(['9', '5', '4', '2']);
    expect(el.querySelector('[data-testid="dash-zone"]')?.textContent).toContain('Asia/Shanghai');
    app.unmount();
  });

  it('says before any phone does that XHS has no credentials, and links to the settings', async () => {
    const { el, app } = await mount();
    await vi.waitFor(() => expect(el.querySelector('[data-testid="dash-platforms"]')).not.toBeNull());
    const raised = [...el.querySelectorAll('[data-testid="dash-platform"]')];
    // Douyin unconfigured is a choice, not news; XHS on the copy kit is.
    expect(raised.map((r) => r.getAttribute('data-platform'))).toEqual(['xhs']);
    expect(raised[0]?.textContent).toContain('手机端将复制文字并保存图片，再打开小红书');
    expect(el.querySelector('[data-testid="dash-platforms-settings"]')?.getAttribute('href')).toBe('/settings');
    app.unmount();
  });

  it('hides the robot-task card when robots are not configured and no task exists', async () => {
    const idle = { ...DASHBOARD, tasks: { failed: 0, unknown: 0, paused: 0, waiting: 0, overdue: 0 } };
    const off = await mount(true, idle);
    await vi.waitFor(() => expect(off.urls).toContain('/api/robots'));
    await vi.waitFor(() => expect(off.el.querySelector('[data-testid="dash-tasks"]')).toBeNull());
    off.app.unmount();
    const on = await mount(false, idle);
    await vi.waitFor(() => expect(on.el.querySelector('[data-testid="dash-tasks-none"]')).not.toBeNull());
    on.app.unmount();
    // Stuck tasks stay visible even with robots off.
    const stuck = await mount(true);
    await vi.waitFor(() => expect(stuck.urls).toContain('/api/robots'));
    expect(stuck.el.querySelector('[data-testid="dash-tasks"]')).not.toBeNull();
    stuck.app.unmount();
  });

  it('links the top notes and links to their statistics, one marked row each', async () => {
    const { el, app } = await mount();
    await vi.waitFor(() => expect(el.querySelector('[data-testid="dash-post-row"]')).not.toBeNull());
    expect(el.querySelector('[data-testid="dash-post-row"]')?.getAttribute('data-post-id')).toBe('11');
    expect(el.querySelector('[data-testid="dash-post-link"]')?.getAttribute('href')).toBe('/posts/11/stats');
    await vi.waitFor(() => expect(el.querySelector('[data-testid="dash-link-row"]')?.getAttribute('data-link-id')).toBe('7'));
    expect(el.querySelector('[data-testid="dash-link-link"]')?.getAttribute('href')).toBe('/links/7/stats?post=11&label=%E4%B8%89%E7%8F%AD');
    app.unmount();
  });

  it('groups failures by cause and links each task status to the filtered tasks page', async () => {
    const { el, app } = await mount();
    const groups = [...el.querySelectorAll('[data-testid="stats-failure-row"]')].map((r) => r.getAttribute('data-group'));
    expect(groups).toEqual(['timeout', 'cancelled']);
    expect(value(el, 'dash-task-failed')).toBe('2');
    expect(value(el, 'dash-task-waiting')).toBe('3');
    expect(value(el, 'dash-task-overdue')).toBe('1');
    expect(el.querySelector('[data-testid="dash-task-overdue"]')?.getAttribute('href')).toBe('/tasks?status=accepted');
    expect(el.querySelector('[data-testid="dash-task-failed"]')?.getAttribute('href')).toBe('/tasks?status=failed');
    expect(el.querySelector('[data-testid="dash-tasks-none"]')).toBeNull();
    app.unmount();
  });
});
