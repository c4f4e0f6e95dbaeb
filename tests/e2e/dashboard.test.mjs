/**
 * The dashboard against the real server: a scripted sequence of share events
 * (two links of one note, a second note) shows as exact counts on the cards,
 * the notes and links that moved most, and the failures by cause; a task
 * status links to the tasks page filtered by it.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { IMAGE_HOST, launch, newContext, PHONE, shot } from './lib/browser.mjs';
import { eventually, hasCount, hasText, tid } from './lib/expect.mjs';
import { ensureBuilt, startServer } from './lib/server.mjs';

const NOTE_URL = 'https://www.xiaohongshu.com/explore/64a1b2c3d4e5f6a7b8c9d0e1';
const note = (title) => ({ type: 'normal', title, content: `${title} #测试`, image_urls: [`${IMAGE_HOST}/d.jpg`] });

describe('the dashboard', () => {
  let server, browser, token, busy, quiet, linkA;

  async function events(link, kinds) {
    for (const [kind, n, extra] of kinds) {
      for (let i = 0; i < n; i++) {
        const r = await server.api(`/api/share/${link.token}/events`, { method: 'POST', body: { kind, ...extra } });
        assert.equal(r.status, 204, JSON.stringify(r.body));
      }
    }
  }

  before(async () => {
    ensureBuilt();
    server = await startServer({ xhs: null });
    token = await server.login();
    busy = (await server.api('/api/posts', { method: 'POST', token, body: note('热门笔记') })).body;
    quiet = (await server.api('/api/posts', { method: 'POST', token, body: note('安静笔记') })).body;
    linkA = (await server.api(`/api/posts/${busy.id}/links`, { method: 'POST', token, body: { label: '三班' } })).body;
    const linkB = (await server.api(`/api/posts/${busy.id}/links`, { method: 'POST', token, body: { label: '四班' } })).body;
    const linkC = (await server.api(`/api/posts/${quiet.id}/links`, { method: 'POST', token, body: {} })).body;
    await events(linkA, [['opened', 3], ['publish_tapped', 2], ['app_opened', 1], ['sdk_failed', 2, { reason: 'SDK load timeout' }]]);
    await events(linkB, [['opened', 2], ['publish_tapped', 1]]);
    await events(linkC, [['opened', 1], ['sdk_failed', 1, { reason: 'user cancelled' }]]);
    const confirmed = await server.api(`/api/share/${linkA.token}/confirm`, { method: 'POST', body: { note_url: NOTE_URL } });
    assert.ok(confirmed.status < 300, JSON.stringify(confirmed.body));
    browser = await launch();
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  test('the cards, the top notes and links and the failures count exactly what was sent', async () => {
    const { context } = await newContext(browser, server.baseUrl, { token, viewport: { width: 1366, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${server.baseUrl}/`);
    await page.locator(tid('dash-totals')).waitFor();
    const value = (id) => page.locator(tid(id)).getAttribute('data-value');
    const expected = { opens: '6', taps: '3', app_opens: '1', confirmed: '1' };
    for (const [k, v] of Object.entries(expected)) {
      assert.equal(await value(`dash-today-${k}`), v, `today ${k}`);
      assert.equal(await value(`dash-week-${k}`), v, `week ${k}`);
    }
    const postRows = page.locator(tid('dash-post-row'));
    await eventually(async () => (await postRows.count()) === 2, 'two notes that moved');
    assert.equal(await postRows.first().getAttribute('data-post-id'), String(busy.id), 'the busiest note first');
    assert.equal(await postRows.first().locator(tid('dash-post-link')).getAttribute('href'), `/posts/${busy.id}/stats`);
    const linkRows = page.locator(tid('dash-link-row'));
    await eventually(async () => (await linkRows.count()) === 3, 'three links that moved');
    assert.equal(await linkRows.first().getAttribute('data-link-id'), String(linkA.id));
    await hasText(linkRows.first().locator(tid('dash-link-link')), '三班');
    const groups = await page.locator(`${tid('dash-failures')} ${tid('stats-failure-row')}`).evaluateAll((rows) =>
      rows.map((r) => [r.getAttribute('data-group'), r.querySelector('[data-testid="stats-failure-count"]').textContent.trim()]),
    );
    assert.deepEqual(groups, [['timeout', '2'], ['cancelled', '1']]);
    // Robots are not configured on this server and no task exists: no robot-task card.
    await eventually(async () => (await page.locator(tid('dash-failures')).count()) === 1, 'the failures card');
    await hasCount(page.locator(tid('dash-tasks')), 0);
    await shot(page, 'dashboard-1366');
    await context.close();
  });

  test('on a phone the cards stack and the page fits the width', async () => {
    const { context } = await newContext(browser, server.baseUrl, { token, ...PHONE });
    const page = await context.newPage();
    await page.goto(`${server.baseUrl}/`);
    await page.locator(tid('dash-totals')).waitFor();
    assert.equal(await page.locator(tid('dash-today-opens')).getAttribute('data-value'), '6');
    const over = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(over <= 1, `the dashboard scrolls sideways by ${over}px`);
    await shot(page, 'dashboard-390');
    await context.close();
  });
});
