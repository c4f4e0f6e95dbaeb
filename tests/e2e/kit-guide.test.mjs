/**
 * Without XHS credentials, on a phone: the XHS button stays first in the footer
 * and walks through the copy kit in place (issue 21, item 7): copy the text,
 * share the images together with the text, open 小红书, paste the note link
 * back, each step saying what comes next. In WeChat the same kit is offered
 * beside the way out, with credentials too. Headless Chromium has no Web
 * Share: a stub records what the page hands to `navigator.share`.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { launch, newContext, PHONE, shot, UA } from './lib/browser.mjs';
import { eventually, hasText, tid } from './lib/expect.mjs';
import { pngPhoto } from './lib/media-fixtures.mjs';
import { ensureBuilt, startServer } from './lib/server.mjs';

const SHARE_STUB = () => {
  window.__shared = [];
  window.__opened = [];
  navigator.canShare = (data) => Array.isArray(data?.files);
  navigator.share = async (data) => {
    window.__shared.push({ files: (data.files ?? []).map((f) => [f.name, f.type, f.size]), text: data.text, title: data.title });
  };
  // App schemes go through a clicked anchor (navigate.ts): record it instead of leaving the page.
  document.addEventListener(
    'click',
    (e) => {
      const a = e.target instanceof Element ? e.target.closest('a') : null;
      if (a && a.href.startsWith('xhsdiscover:')) {
        window.__opened.push(a.href);
        e.preventDefault();
      }
    },
    true,
  );
};

describe('the copy kit as guided steps', () => {
  let server, browser, token, url, title, content;

  async function upload(name, bytes) {
    const form = new FormData();
    form.append('file', new Blob([bytes], { type: 'image/png' }), name);
    const r = await fetch(`${server.baseUrl}/api/media`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
    const body = await r.json();
    assert.ok(r.status < 300, JSON.stringify(body));
    return body.url;
  }

  before(async () => {
    ensureBuilt();
    server = await startServer({ xhs: null });
    token = await server.login();
    // Images on the server itself: the page may fetch only its own origin (CSP connect-src 'self').
    const images = [await upload('k1.png', pngPhoto(300, 400, [200, 80, 80])), await upload('k2.png', pngPhoto(300, 400, [80, 80, 200]))];
    title = '按步骤发布';
    content = '先复制文字 #步骤 \n再分享图片';
    const post = await server.api('/api/posts', { method: 'POST', token, body: { type: 'normal', title, content, image_urls: images } });
    assert.equal(post.status, 201, JSON.stringify(post.body));
    const link = await server.api(`/api/posts/${post.body.id}/links`, { method: 'POST', token, body: { label: '步骤' } });
    assert.equal(link.status, 201, JSON.stringify(link.body));
    url = link.body.url;
    browser = await launch();
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  test('on a phone: copy, share the images with the text, open 小红书, then paste the link back', async () => {
    const { context } = await newContext(browser, server.baseUrl, { ...PHONE, userAgent: UA.androidChrome });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.baseUrl });
    await context.addInitScript(SHARE_STUB);
    const page = await context.newPage();
    await page.goto(url);
    const button = page.locator(tid('publish-button'));
    const line = page.locator(tid('guide-line'));
    await button.waitFor();
    // First in the footer, and the footer's one primary button.
    assert.equal(await page.evaluate(() => document.querySelector('footer .btn-primary')?.dataset.testid), 'publish-button');

    await button.tap();
    await hasText(line, '已复制标题和正文');
    await hasText(line, '下一步（2/4）');
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), `${title}\n\n${content}`);
    await hasText(button, '分享 / 保存图片');

    await button.tap();
    const shared = await eventually(async () => (await page.evaluate(() => window.__shared))[0], 'the share sheet called');
    assert.equal(shared.files.length, 2);
    assert.ok(shared.files.every(([, type, size]) => type === 'image/png' && size > 0), JSON.stringify(shared.files));
    assert.equal(shared.text, `${title}\n\n${content}`);
    assert.equal(shared.title, title);
    await hasText(line, '下一步（3/4）');
    await hasText(button, '打开小红书');

    await button.tap();
    await eventually(async () => (await page.evaluate(() => window.__opened)).includes('xhsdiscover://'), 'xhsdiscover:// opened');
    await hasText(line, '下一步（4/4）');
    await hasText(button, '贴回笔记链接');

    await button.tap();
    const input = page.locator(tid('confirm-input'));
    await input.waitFor();
    await eventually(() => input.evaluate((el) => el === document.activeElement), 'the cursor in the note-link box');
    // With the keyboard up the sticky footer steps aside, so it covers neither the box nor its button.
    assert.equal(await page.locator('footer.actions').isVisible(), false);
    const submit = await page.locator(tid('confirm-submit')).boundingBox();
    assert.ok(submit && submit.y + submit.height <= 844, 'the submit button on screen');
    await shot(page, 'share-kit-guide-typing', { fullPage: false });
    await input.evaluate((el) => el.blur());
    await page.locator('footer.actions').waitFor({ state: 'visible' });
    await hasText(line, '粘贴到上方的输入框');
    await context.close();
  });

  test('in WeChat the kit is offered beside the way out', async () => {
    const { context } = await newContext(browser, server.baseUrl, { ...PHONE, userAgent: UA.iosWeChat });
    const page = await context.newPage();
    await page.goto(url);
    await hasText(page.locator(tid('wechat-guide')), '浏览器');
    await page.tap(tid('wechat-kit'));
    await page.locator(tid('fallback-copy')).waitFor();
    assert.equal(await page.locator(tid('wechat-guide')).count(), 0);
    // Tapping XHS again shows the way out with the kit beside it.
    await page.tap(tid('publish-button'));
    await page.locator(tid('wechat-kit')).waitFor();
    await context.close();
  });
});
