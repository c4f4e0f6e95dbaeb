/**
 * A deployment without XHS credentials tells its operators before any phone
 * does (issue 21): the dashboard, the settings page, the editor's pre-flight
 * and the links page all say the phone will copy the text and save the images.
 * Until the server answers GET /api/platforms, the browser gets the agreed
 * contract's answer for this server (XHS copy_kit, Douyin unconfigured).
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { IMAGE_HOST, launch, newContext, PHONE } from './lib/browser.mjs';
import { eventually, hasCount, hasText, tid } from './lib/expect.mjs';
import { platformsWithoutCredentials } from './lib/platforms-contract.mjs';
import { ensureBuilt, startServer } from './lib/server.mjs';

const KIT = '手机端将复制文字并保存图片，再打开小红书';

describe('a server without XHS credentials, in the console', () => {
  let server, browser, page, token, post;

  before(async () => {
    ensureBuilt();
    server = await startServer({ xhs: null });
    token = await server.login();
    const p = await server.api('/api/posts', {
      method: 'POST',
      token,
      body: { type: 'normal', title: '没有凭据的笔记', content: '正文 #话题 ', image_urls: [`${IMAGE_HOST}/a.jpg`] },
    });
    assert.equal(p.status, 201, JSON.stringify(p.body));
    post = p.body;
    browser = await launch();
    const { context } = await newContext(browser, server.baseUrl, { token, viewport: { width: 1280, height: 900 } });
    await platformsWithoutCredentials(context, server, token);
    page = await context.newPage();
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  test('the dashboard says it and links to the settings, which give the setup steps', async () => {
    await page.goto(`${server.baseUrl}/`);
    const card = page.locator(tid('dash-platforms'));
    await hasText(card, KIT);
    await page.click(tid('dash-platforms-settings'));
    const xhs = page.locator(`${tid('settings-platform')}[data-platform="xhs"]`);
    await xhs.waitFor();
    assert.equal(await xhs.getAttribute('data-level'), 'kit');
    await hasText(xhs.locator(tid('settings-xhs-kit')), KIT);
    const vars = await xhs.locator(tid('settings-var')).allTextContents();
    assert.deepEqual(vars, ['XHSPUB__XHS__APP_KEY', 'XHSPUB__XHS__APP_SECRET']);
    assert.equal(await page.locator(`${tid('settings-platform')}[data-platform="douyin"]`).getAttribute('data-level'), 'unconfigured');
    await hasCount(page.locator(tid('settings-platform')), 6);
  });

  test("the editor's pre-flight gives XHS no green tick, and the links page no one-tap wording", async () => {
    await page.goto(`${server.baseUrl}/posts/${post.id}/edit`);
    const xhs = page.locator(`${tid('preflight-platform')}[data-platform="xhs"]`);
    await eventually(async () => (await xhs.getAttribute('data-state')) === 'kit', 'XHS on the copy kit');
    assert.ok(!(await xhs.textContent()).includes('✓'));
    await hasText(page.locator(`${tid('preflight-platform-reasons')}[data-platform="xhs"]`), KIT);

    await page.click(tid('tab-links'));
    const hint = page.locator(tid('links-hint'));
    await hasText(hint, KIT);
    assert.ok(!(await hint.textContent()).includes('发布到小红书」即可'));
    // XHS can still be offered: the kit is how it goes.
    const box = page.locator(`${tid('link-platform')}[data-platform="xhs"]`);
    await hasText(box, KIT);
    assert.doesNotMatch(await box.getAttribute('class'), /is-disabled/);
  });

  test('at 390 px the links are cards with 复制链接 and 二维码 in reach, no sideways scroll', async () => {
    const l = await server.api(`/api/posts/${post.id}/links`, { method: 'POST', token, body: { label: '手机上的链接' } });
    assert.equal(l.status, 201, JSON.stringify(l.body));
    const { context } = await newContext(browser, server.baseUrl, { token, ...PHONE });
    await platformsWithoutCredentials(context, server, token);
    const phone = await context.newPage();
    await phone.goto(`${server.baseUrl}/posts/${post.id}/links`);
    const card = phone.locator(`${tid('link-row')}[data-link-id="${l.body.id}"]`);
    await card.waitFor();
    for (const id of ['link-copy', 'link-qr']) {
      const box = await card.locator(tid(id)).boundingBox();
      assert.ok(box && box.x >= 0 && box.x + box.width <= 390, `${id} within the screen (${JSON.stringify(box)})`);
    }
    const over = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(over <= 1, `the links page scrolls sideways by ${over}px`);
    assert.equal(await card.locator(tid('link-totals')).getAttribute('data-opens'), '0');
    await card.locator(tid('link-qr')).click();
    await phone.locator(tid('qr-image')).waitFor();
    await context.close();
  });
});
