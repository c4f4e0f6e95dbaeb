/**
 * More platforms from one note (issue 11), in the console against the real
 * server with Douyin configured: the editor's pre-flight marks Douyin as
 * refusing a webp image and says why; a link offers what the operator picks,
 * in the order picked (the untouched default is the server's own); taps per
 * platform posted through the share API show as exact rows of the statistics,
 * and the account's record names the platform of its last tap.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { IMAGE_HOST, launch, newContext, shot } from './lib/browser.mjs';
import { choose, eventually, hasCount, hasText, tid } from './lib/expect.mjs';
import { ensureBuilt, startServer } from './lib/server.mjs';

// Configured is enough: neither pre-flight nor link creation calls Douyin.
const DOUYIN = {
  XHSPUB__DOUYIN__CLIENT_KEY: 'ck',
  XHSPUB__DOUYIN__CLIENT_SECRET: 'cs',
  XHSPUB__DOUYIN__API_BASE: 'http://127.0.0.1:9',
};
const POST = {
  type: 'normal',
  title: '多平台的周末笔记',
  content: '周末去看展 #看展',
  image_urls: [`${IMAGE_HOST}/p1.webp`, `${IMAGE_HOST}/p2.jpg`],
};
const ACCOUNT = { name: '多平台账号', kind: 'brand' };
const ALL_BUT_DOUYIN = ['xhs', 'weibo', 'kuaishou', 'bilibili', 'channels'];

describe('platforms in the console', () => {
  let server, browser, page, token, post, account, link;

  /** The platforms of the el-checkboxes that are checked, in the page's order. */
  const checked = () =>
    page.locator(`${tid('link-platform')}.is-checked`).evaluateAll((els) => els.map((e) => e.getAttribute('data-platform')));
  const checkbox = (p) => page.locator(`${tid('link-platform')}[data-platform="${p}"]`);

  before(async () => {
    ensureBuilt();
    server = await startServer({ xhs: null, env: DOUYIN });
    token = await server.login();
    const p = await server.api('/api/posts', { method: 'POST', token, body: POST });
    assert.equal(p.status, 201, JSON.stringify(p.body));
    post = p.body;
    const a = await server.api('/api/accounts', { method: 'POST', token, body: ACCOUNT });
    assert.equal(a.status, 201, JSON.stringify(a.body));
    account = a.body;
    browser = await launch();
    const { context } = await newContext(browser, server.baseUrl, { token, viewport: { width: 1280, height: 900 } });
    page = await context.newPage();
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  test("the editor's pre-flight marks Douyin as refusing the webp image and says why", async () => {
    await page.goto(`${server.baseUrl}/posts/${post.id}/edit`);
    const tags = page.locator(tid('preflight-platform'));
    await hasCount(tags, 6);
    await eventually(async () => (await page.locator(tid('preflight-panel')).getAttribute('data-source')) === 'saved', 'the saved post checked');
    const states = await tags.evaluateAll((els) => els.map((e) => [e.getAttribute('data-platform'), e.getAttribute('data-state')]));
    // This server has no XHS credentials: once it says so (GET /api/platforms), XHS is the copy kit, never a green tick.
    const knowsKit = (await server.api('/api/platforms', { token })).status === 200;
    assert.deepEqual(states, [
      ['xhs', knowsKit ? 'kit' : 'ok'],
      ['douyin', 'refused'],
      ['weibo', 'ok'],
      ['kuaishou', 'ok'],
      ['bilibili', 'ok'],
      ['channels', 'ok'],
    ]);
    await hasText(tags.nth(1), '抖音');
    const reasons = page.locator(`${tid('preflight-platform-reasons')}[data-platform="douyin"]`);
    await hasCount(reasons, 1);
    assert.equal(
      (await reasons.textContent()).trim(),
      '抖音：第 1 张图是 webp 格式，抖音不支持（只收 png/jpg 图片、mp4/mov 视频）',
    );
    assert.equal(await reasons.locator(tid('preflight-platform-reason')).getAttribute('data-rule'), 'media_format');
    await shot(page, 'console-preflight-platforms');
  });

  test("a link's platforms default to the server's and follow the order the operator checks them", async () => {
    await page.goto(`${server.baseUrl}/posts/${post.id}/links`);
    await hasCount(page.locator(tid('link-platform')), 6);
    await eventually(async () => JSON.stringify(await checked()) === JSON.stringify(ALL_BUT_DOUYIN), 'every platform but Douyin checked');
    assert.match(await checkbox('douyin').getAttribute('class'), /is-disabled/);
    await hasText(checkbox('douyin').locator(tid('link-platform-why')), '第 1 张图是 webp 格式');
    await hasText(page.locator(tid('link-platform-order')), '小红书 → 微博 → 快手 → 哔哩哔哩 → 视频号');

    // Untouched, the form sends no list: the link gets what the server offers by default.
    await page.fill(tid('link-label'), '默认平台');
    await page.click(tid('link-create'));
    await hasCount(page.locator(tid('link-row')), 1);
    const byDefault = (await server.api(`/api/posts/${post.id}/links`, { token })).body[0];
    assert.deepEqual(byDefault.platforms, ALL_BUT_DOUYIN);

    // Weibo only, then XHS: XHS becomes the second button.
    for (const p of ['xhs', 'kuaishou', 'bilibili', 'channels', 'xhs']) await checkbox(p).click();
    await eventually(async () => JSON.stringify(await checked()) === JSON.stringify(['xhs', 'weibo']), 'XHS and Weibo checked');
    await hasText(page.locator(tid('link-platform-order')), '微博 → 小红书');
    await page.fill(tid('link-label'), '两个平台');
    await choose(page, 'link-account', ACCOUNT.name);
    await page.click(tid('link-create'));
    await hasCount(page.locator(tid('link-row')), 2);
    const row = page.locator(tid('link-row')).filter({ hasText: '两个平台' });
    const shown = await row.locator(tid('link-platform-tag')).evaluateAll((els) => els.map((e) => [e.getAttribute('data-platform'), e.textContent.trim()]));
    assert.deepEqual(shown, [
      ['weibo', '微博'],
      ['xhs', '小红书'],
    ]);
    link = (await server.api(`/api/posts/${post.id}/links`, { token })).body.find((l) => l.label === '两个平台');
    assert.deepEqual(link.platforms, ['weibo', 'xhs']);
    // The form is back at the default for the next link.
    await eventually(async () => JSON.stringify(await checked()) === JSON.stringify(ALL_BUT_DOUYIN), 'the default again');
    await shot(page, 'console-link-platforms');
  });

  test('taps per platform show as exact rows of the statistics, and the record names its platform', async () => {
    const token_ = link.url.split('/s/')[1];
    const send = async (kind, platform, extra = {}) => {
      const r = await server.api(`/api/share/${token_}/events`, { method: 'POST', body: { kind, ...(platform ? { platform } : {}), ...extra } });
      assert.equal(r.status, 204, JSON.stringify(r.body));
    };
    for (let i = 0; i < 3; i++) await send('opened');
    await send('publish_tapped', 'xhs');
    await send('sdk_failed', 'xhs', { reason: 'user cancelled' });
    await send('publish_tapped', 'weibo');
    await send('publish_tapped', 'weibo');
    await send('app_opened', 'weibo');

    const expected = [
      // platform, taps, app opens, failures, fallbacks, confirmed, share of taps
      ['weibo', '微博', '2', '1', '0', '0', '0', '67%'],
      ['xhs', '小红书', '1', '0', '1', '0', '0', '33%'],
    ];
    for (const path of [`/links/${link.id}/stats`, `/posts/${post.id}/stats`]) {
      await page.goto(`${server.baseUrl}${path}`);
      const rows = page.locator(tid('platform-row'));
      await hasCount(rows, 2);
      const got = await rows.evaluateAll((trs) => trs.map((tr) => [tr.getAttribute('data-platform'), ...[...tr.querySelectorAll('td')].map((td) => td.textContent.trim())]));
      assert.deepEqual(got, expected, path);
      assert.equal(await page.locator(tid('platform-chart')).getAttribute('data-platforms'), '2');
      assert.equal(await page.locator(tid('stat-taps')).getAttribute('data-value'), '3');
    }
    await shot(page, 'console-stats-platforms');

    const records = (await server.api(`/api/records?account_id=${account.id}`, { token })).body;
    assert.equal(records.length, 1);
    assert.equal(records[0].platform, 'weibo', JSON.stringify(records[0]));
    await page.goto(`${server.baseUrl}/accounts/${account.id}`);
    const cell = page.locator(tid('record-platform'));
    await hasText(cell, '微博');
    assert.equal(await cell.getAttribute('data-platform'), 'weibo');
  });
});
