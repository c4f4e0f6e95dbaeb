/**
 * Accessibility (issue 21, item 8): axe-core finds no serious or critical
 * violation on the login page, the dashboard, the editor, the links page with
 * the QR dialog open, the post list, the settings page, and the share page
 * with and without XHS credentials at 390 px and on a desktop.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { assertAccessible } from './lib/axe.mjs';
import { IMAGE_HOST, launch, newContext, PHONE, UA } from './lib/browser.mjs';
import { startFakeXhs } from './lib/fake-xhs.mjs';
import { hasText, tid } from './lib/expect.mjs';
import { platformsWithoutCredentials } from './lib/platforms-contract.mjs';
import { ensureBuilt, startServer } from './lib/server.mjs';

const POST = {
  type: 'normal',
  title: '无障碍检查',
  content: '正文 #话题 \n第二行',
  image_urls: [`${IMAGE_HOST}/a1.jpg`, `${IMAGE_HOST}/a2.jpg`],
};
const XHS = { appKey: 'a11y-key', appSecret: 'a11y-secret' };
const DESKTOP = { viewport: { width: 1280, height: 900 } };

describe('accessibility of the console', () => {
  let server, browser, token, post;

  before(async () => {
    ensureBuilt();
    server = await startServer({ xhs: null });
    token = await server.login();
    const p = await server.api('/api/posts', { method: 'POST', token, body: POST });
    assert.equal(p.status, 201, JSON.stringify(p.body));
    post = p.body;
    const l = await server.api(`/api/posts/${post.id}/links`, { method: 'POST', token, body: { label: '三班' } });
    assert.equal(l.status, 201, JSON.stringify(l.body));
    browser = await launch();
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  test('the login page', async () => {
    const { context } = await newContext(browser, server.baseUrl, DESKTOP);
    const page = await context.newPage();
    await page.goto(`${server.baseUrl}/login`);
    await page.locator('form').first().waitFor();
    await assertAccessible(page, 'the login page');
    await context.close();
  });

  for (const [name, opts] of [
    ['desktop', DESKTOP],
    ['390 px', PHONE],
  ]) {
    test(`the console pages (${name})`, async () => {
      const { context } = await newContext(browser, server.baseUrl, { token, ...opts });
      await platformsWithoutCredentials(context, server, token);
      const page = await context.newPage();
      await page.goto(`${server.baseUrl}/`);
      await page.locator(tid('dash-totals')).waitFor();
      await page.locator(tid('dash-platforms')).waitFor();
      await assertAccessible(page, `the dashboard (${name})`);

      await page.goto(`${server.baseUrl}/posts`);
      await page.locator(tid('post-row')).first().waitFor();
      await assertAccessible(page, `the post list (${name})`);

      await page.goto(`${server.baseUrl}/posts/${post.id}/edit`);
      await page.locator(`${tid('preflight-platform')}`).first().waitFor();
      await assertAccessible(page, `the editor (${name})`);

      await page.goto(`${server.baseUrl}/posts/${post.id}/links`);
      await page.locator(tid('link-qr')).first().click();
      await page.locator(tid('qr-image')).waitFor();
      await assertAccessible(page, `the links page with the QR dialog open (${name})`);
      await page.click(tid('qr-close'));

      await page.goto(`${server.baseUrl}/settings`);
      await page.locator(tid('settings-view')).waitFor();
      await assertAccessible(page, `the settings page (${name})`);
      await context.close();
    });
  }
});

for (const configured of [false, true]) {
  describe(`accessibility of the share page ${configured ? 'with' : 'without'} XHS credentials`, () => {
    let fake, server, browser, url;

    before(async () => {
      ensureBuilt();
      if (configured) fake = await startFakeXhs(XHS);
      server = await startServer({ xhs: configured ? { ...XHS, apiBase: fake.url } : null });
      const token = await server.login();
      const p = await server.api('/api/posts', { method: 'POST', token, body: POST });
      assert.equal(p.status, 201, JSON.stringify(p.body));
      const l = await server.api(`/api/posts/${p.body.id}/links`, { method: 'POST', token, body: {} });
      assert.equal(l.status, 201, JSON.stringify(l.body));
      url = l.body.url;
      browser = await launch();
    });

    after(async () => {
      await browser?.close();
      await server?.stop();
      await fake?.close();
    });

    for (const [name, opts] of [
      ['390 px', { ...PHONE, userAgent: UA.iphone }],
      ['desktop', { ...DESKTOP, userAgent: UA.desktopChrome }],
    ]) {
      test(name, async () => {
        const { context } = await newContext(browser, server.baseUrl, opts);
        const page = await context.newPage();
        await page.goto(url);
        await hasText(page.locator(tid('share-title')), POST.title);
        await assertAccessible(page, `the share page (${name})`);
        await context.close();
      });
    }
  });
}
