/** A server without XHS credentials: publish answers 503 and the page offers copy-and-open instead. */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { IMAGE_HOST, launch, newContext, PHONE, shot, UA } from './lib/browser.mjs';
import { eventually, hasText, tid } from './lib/expect.mjs';
import { ensureBuilt, startServer } from './lib/server.mjs';

const POST = {
  type: 'normal',
  title: '没有凭据也能发',
  content: '复制这段文字 #手动发布\n第二行',
  image_urls: [`${IMAGE_HOST}/m1.jpg`, `${IMAGE_HOST}/m2.jpg`],
};

describe('publishing without XHS credentials', () => {
  let server, browser, context, page, post, token;

  before(async () => {
    ensureBuilt();
    server = await startServer({ xhs: null });
    token = await server.login();
    const r = await server.api('/api/posts', { method: 'POST', token, body: POST });
    assert.equal(r.status, 201, JSON.stringify(r.body));
    post = r.body;
    browser = await launch();
    ({ context } = await newContext(browser, server.baseUrl, { ...PHONE, userAgent: UA.iphone, token }));
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.baseUrl });
    page = await context.newPage();
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  test('the publish endpoint answers 503 xhs_not_configured and the page shows the copy-text fallback', async () => {
    await page.goto(`${server.baseUrl}/p/${post.id}`);
    await hasText(page.locator(tid('share-title')), POST.title);
    const [res] = await Promise.all([
      page.waitForResponse((r) => r.url().includes(`/api/post/publish/${post.id}`)),
      page.tap(tid('publish-button')),
    ]);
    assert.equal(res.status(), 503);
    assert.equal((await res.json()).code, 'xhs_not_configured');
    await page.locator(tid('fallback')).waitFor();
    await hasText(page.locator(tid('share-status')), '未配置小红书开放平台凭据');
    assert.deepEqual(await page.evaluate(() => window.__xhsCalls), []);
    await page.waitForTimeout(400); // the smooth scroll to the panel
    await shot(page, 'share-page-fallback', { fullPage: false });
  });

  test('the copy button puts the title and body on the clipboard', async () => {
    await page.tap(tid('fallback-copy'));
    await hasText(page.locator(tid('fallback-copy-status')), '已复制');
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), `${POST.title}\n\n${POST.content}`);
  });

  test('the images can be shared or saved, and a button opens the XHS app', async () => {
    await page.tap(tid('fallback-share-images'));
    const canShareFiles = await page.evaluate(() => typeof navigator.canShare === 'function');
    if (!canShareFiles) {
      // Headless Linux Chromium has no Web Share: the page falls back to save links.
      const links = page.locator(`${tid('fallback-save-links')} a`);
      await links.first().waitFor();
      assert.deepEqual(
        await links.evaluateAll((as) => as.map((a) => a.getAttribute('href'))),
        POST.image_urls,
      );
    }
    assert.equal(await page.locator(tid('fallback-open-app')).getAttribute('href'), 'xhsdiscover://');
  });

  test('a public link keeps the XHS button first and walks through the kit in place, counting its use', async () => {
    const link = await server.api(`/api/posts/${post.id}/links`, { method: 'POST', token, body: { label: '手动' } });
    assert.equal(link.status, 201);
    const { context: phone } = await newContext(browser, server.baseUrl, { ...PHONE, userAgent: UA.iphone });
    await phone.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.baseUrl });
    const p = await phone.newPage();
    let publishCalls = 0;
    p.on('request', (r) => {
      if (r.url().includes('/publish')) publishCalls++;
    });
    await p.goto(link.body.url);
    const button = p.locator(tid('publish-button'));
    await button.waitFor();
    await hasText(p.locator(tid('guide-line')), '暂不支持一键发布');
    await p.tap(tid('publish-button'));
    await hasText(p.locator(tid('guide-line')), '已复制');
    assert.equal(await p.evaluate(() => navigator.clipboard.readText()), `${POST.title}\n\n${POST.content}`);
    // Using the kit is reported, and then the note link can be pasted back.
    await p.locator(tid('confirm-toggle')).waitFor();
    const totals = async () => (await server.api(`/api/posts/${post.id}/stats`, { token })).body.totals;
    await eventually(async () => {
      const t = await totals();
      return t.opens === 1 && t.fallbacks === 1 && t.taps === 1 ? t : null;
    }, 'the open, the tap that started the kit and its use counted');
    assert.equal(publishCalls, 0);
    await phone.close();
  });
});
