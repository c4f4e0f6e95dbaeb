/**
 * Robot fleets end to end (issue 10): an operator syncs the provider's robots
 * in the console, dispatches a note to the available ones from the post's
 * robot tab, and watches every task reach "published" with its note link,
 * while the offline robot is never offered and gets no call; a campaign's
 * tasks name the text (variant) each one posts.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { IMAGE_HOST, launch, newContext, shot } from './lib/browser.mjs';
import { choose, eventually, hasCount, hasText, tid } from './lib/expect.mjs';
import { robotRow, startFakeRobots } from './lib/fake-robots.mjs';
import { ensureBuilt, startServer } from './lib/server.mjs';

const TOKEN = 'e2e-merchant-token-4f1c';
const POST = {
  type: 'normal',
  title: '新品试用分享',
  content: '今天试了新品 #好物分享 ',
  image_urls: [`${IMAGE_HOST}/r1.jpg`],
};

describe('robot fleets in the console', () => {
  let fake, server, browser, page, token, post;

  before(async () => {
    ensureBuilt();
    fake = await startFakeRobots({
      token: TOKEN,
      robots: [robotRow(1), robotRow(2), robotRow(3, { onlineStatus: 0 })],
    });
    server = await startServer({
      env: {
        XHSPUB__ROBOTS__BASE_URL: fake.url,
        XHSPUB__ROBOTS__MERCHANT_TOKEN: TOKEN,
        XHSPUB__ROBOTS__DISPATCH_TICK_MS: '200',
        XHSPUB__ROBOTS__CALL_INTERVAL_SECS: '1',
      },
    });
    fake.setCallback(`${server.baseUrl}/api/robots/callback`);
    token = await server.login();
    const r = await server.api('/api/posts', { method: 'POST', token, body: POST });
    assert.equal(r.status, 201, JSON.stringify(r.body));
    post = r.body;
    browser = await launch();
    const { context } = await newContext(browser, server.baseUrl, { token, viewport: { width: 1366, height: 900 } });
    page = await context.newPage();
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
    await fake?.close();
  });

  test('the robots page syncs the provider and shows who is offline', async () => {
    await page.goto(`${server.baseUrl}/`);
    await page.click(tid('nav-robots'));
    await page.locator(tid('robots-empty')).waitFor();
    await page.click(tid('robots-sync'));
    await hasCount(page.locator(tid('robot-row')), 3);
    await hasText(page.locator(tid('toast')), '已同步 3 个');
    const states = await page.locator(tid('robot-state')).evaluateAll((els) => els.map((e) => e.getAttribute('data-state')));
    assert.deepEqual(states.sort(), ['available', 'available', 'offline']);
    await choose(page, 'robots-filter', '离线');
    await hasCount(page.locator(tid('robot-row')), 1);
    assert.doesNotMatch(await page.locator(tid('robots-last-sync')).textContent(), /尚未同步/);
    await shot(page, 'robots-1366');
  });

  test('a note dispatched to the available robots is published by each, with its note link', async () => {
    await page.goto(`${server.baseUrl}/posts/${post.id}/robots`);
    await hasCount(page.locator(tid('dispatch-robot')), 3);
    await page.click(tid('dispatch-pick-available'));
    await hasText(page.locator(tid('dispatch-count')), '已选 2 个');
    await page.fill(tid('dispatch-spread'), '0');
    await page.click(tid('dispatch-submit'));
    await hasText(page.locator(tid('toast')), '已创建 2 条任务');
    await hasCount(page.locator(tid('task-row')), 2);
    await eventually(
      async () => (await page.locator(`${tid('task-row')}[data-status="succeeded"]`).count()) === 2,
      'both tasks published',
      20_000,
    );
    await hasCount(page.locator(tid('task-note')), 2);
    assert.equal(fake.calls.length, 2, 'one call per task');
    assert.ok(!fake.calls.some((c) => c.robotId === robotRow(3).id), 'the offline robot got no call');
    await shot(page, 'post-robots-1366');
    await page.click(tid('nav-tasks'));
    await hasCount(page.locator(tid('task-row')), 2);
  });

  test("a campaign's robot tasks say which text each one posts: the variant's label or 原文", async () => {
    const v = await server.api(`/api/posts/${post.id}/variants`, { method: 'POST', token, body: { label: 'B', title: '机器人的变体' } });
    assert.equal(v.status, 201, JSON.stringify(v.body));
    const robots = (await server.api('/api/robots?limit=100', { token })).body.items;
    const available = robots.filter((r) => !r.blocked_reason).map((r) => r.id);
    assert.equal(available.length, 2);
    const day = (n) => new Date(Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), new Date().getUTCDate() + n)).toISOString();
    const c = await server.api('/api/campaigns', {
      method: 'POST',
      token,
      body: {
        name: '机器人双文本',
        post_ids: [post.id],
        audience: { account_ids: available },
        schedule: { start_at: day(1), end_at: day(3), daily_window: { from: '09:00', to: '22:00' } },
      },
    });
    assert.equal(c.status, 201, JSON.stringify(c.body));
    for (const step of ['plan', 'launch']) {
      const r = await server.api(`/api/campaigns/${c.body.id}/${step}`, { method: 'POST', token, body: {} });
      assert.equal(r.status, 200, `${step}: ${JSON.stringify(r.body)}`);
    }
    await page.goto(`${server.baseUrl}/posts/${post.id}/robots`);
    await hasCount(page.locator(tid('task-row')), 4);
    await hasCount(page.locator(tid('task-text')), 4);
    const texts = await page.locator(tid('task-text')).allTextContents();
    // The dispatch above posted the note's own text; of the campaign's two, one posts B.
    assert.deepEqual(texts.map((x) => x.trim()).sort(), ['B', '原文', '原文', '原文']);
  });
});
