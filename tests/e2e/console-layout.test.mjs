/**
 * The console at a laptop (1366x900) and a phone (390x844): every page is
 * walked with screenshots, the page never scrolls sideways, and no input or
 * button of the editor is covered by another element (the phone preview used
 * to slide over the remove buttons when media URLs were long).
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { IMAGE_HOST, launch, newContext, PHONE, shot } from './lib/browser.mjs';
import { hasCount, tid } from './lib/expect.mjs';
import { ensureBuilt, startServer } from './lib/server.mjs';

const LONG = `${IMAGE_HOST}/${'very-long-path-segment/'.repeat(12)}photo.jpg`;
const POST = { type: 'normal', title: '布局检查', content: '正文 #布局', image_urls: [LONG, `${LONG}?v=2`, `${IMAGE_HOST}/short.jpg`] };
const SIZES = [
  ['1366x900', { viewport: { width: 1366, height: 900 } }],
  ['390x844', PHONE],
];

/** Interactive elements of the page whose centre is covered by something else, after scrolling each into view. */
const coveredControls = (page, scope) =>
  page.evaluate(async (sel) => {
    const bad = [];
    const root = document.querySelector(sel);
    for (const el of root.querySelectorAll('input, textarea, select, button, a.button')) {
      const style = getComputedStyle(el);
      if (el.closest('[hidden]') || style.display === 'none' || style.visibility === 'hidden') continue;
      if (el.type === 'file' || el.type === 'hidden') continue;
      el.scrollIntoView({ block: 'center', inline: 'center' });
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) continue;
      const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
      if (!hit || !(hit === el || el.contains(hit) || hit.contains(el) || hit.closest('label')?.contains(el))) {
        bad.push(`${el.dataset.testid ?? el.outerHTML.slice(0, 60)} under ${hit?.className || hit?.tagName}`);
      }
    }
    return bad;
  }, scope);

const sideways = (page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

for (const [size, opts] of SIZES) {
  describe(`the console at ${size}`, () => {
    let server, browser, token, post, account;

    before(async () => {
      ensureBuilt();
      server = await startServer({ xhs: null });
      token = await server.login();
      post = (await server.api('/api/posts', { method: 'POST', token, body: POST })).body;
      await server.api(`/api/posts/${post.id}/links`, { method: 'POST', token, body: { label: '布局' } });
      account = (await server.api('/api/accounts', { method: 'POST', token, body: { name: '布局账号', kind: 'brand' } })).body;
      browser = await launch();
    });

    after(async () => {
      await browser?.close();
      await server?.stop();
    });

    test('the login screen fits', async () => {
      const { context } = await newContext(browser, server.baseUrl, opts);
      const page = await context.newPage();
      await page.goto(`${server.baseUrl}/login`);
      await page.locator(tid('login-submit')).waitFor();
      assert.ok((await sideways(page)) <= 1, 'no sideways scrolling');
      await shot(page, `layout-${size}-login`);
      await context.close();
    });

    test(size === '390x844' ? 'the menu is a drawer opened by the hamburger button' : 'the sidebar collapses and stays collapsed', async () => {
      const { context } = await newContext(browser, server.baseUrl, { ...opts, token });
      const page = await context.newPage();
      await page.goto(`${server.baseUrl}/posts`);
      await page.locator(tid('post-list')).waitFor();
      // The phone's drawer is drawn when first opened: no menu link at all is out of view too.
      const inView = async () => (await page.locator(tid('nav-accounts')).count()) > 0 && page.locator(tid('nav-accounts')).evaluate((el) => {
        const r = el.getBoundingClientRect();
        return r.right > 0 && r.left < window.innerWidth && document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2)?.closest('a') === el;
      });
      if (size === '390x844') {
        await page.waitForTimeout(300);
        assert.equal(await inView(), false, 'the menu is out of the way');
        await page.click(tid('nav-toggle'));
        await page.waitForTimeout(300);
        assert.equal(await inView(), true, 'the drawer shows the menu');
        await shot(page, `layout-${size}-drawer`, { fullPage: false });
        await page.click(tid('nav-accounts'));
        await page.locator(tid('accounts-view')).waitFor();
        await page.waitForTimeout(300);
        assert.equal(await inView(), false, 'the drawer closes after navigating');
      } else {
        assert.equal(await page.locator(`${tid('nav-sidebar')} .nav-text`).first().isVisible(), true);
        await page.click(tid('nav-collapse'));
        await hasCount(page.locator(`${tid('nav-sidebar')}.collapsed`), 1);
        await page.reload();
        await hasCount(page.locator(`${tid('nav-sidebar')}.collapsed`), 1);
        assert.equal(await inView(), true, 'icons stay clickable when collapsed');
        await shot(page, `layout-${size}-collapsed`, { fullPage: false });
        await page.click(tid('nav-collapse'));
      }
      await context.close();
    });

    test('every page fits the width, and nothing covers the editor', async () => {
      const { context } = await newContext(browser, server.baseUrl, { ...opts, token });
      const page = await context.newPage();
      const pages = [
        ['dashboard', '/', 'dashboard'],
        ['posts', '/posts', 'post-list'],
        ['tasks', '/tasks', 'tasks-view'],
        ['editor', `/posts/${post.id}/edit`, 'editor'],
        ['new', '/posts/new', 'editor'],
        ['links', `/posts/${post.id}/links`, 'links-view'],
        ['stats', `/posts/${post.id}/stats`, 'stats-panel'],
        ['accounts', '/accounts', 'accounts-view'],
        ['account', `/accounts/${account?.id}`, null],
        ['media', '/media', 'media-view'],
        ['review', '/review', 'review-view'],
        ['users', '/users', 'user-row'],
        ['tokens', '/tokens', 'tokens-view'],
        ['audit', '/audit', 'audit-row'],
      ];
      for (const [name, path, ready] of pages) {
        await page.goto(`${server.baseUrl}${path}`);
        if (ready) await page.locator(tid(ready)).first().waitFor();
        await page.waitForLoadState('networkidle');
        if (name === 'editor') await page.locator(tid('image-item')).nth(2).waitFor();
        const over = await sideways(page);
        assert.ok(over <= 1, `${name}: the page scrolls sideways by ${over}px`);
        await shot(page, `layout-${size}-${name}`);
        if (name === 'editor' || name === 'new') {
          assert.deepEqual(await coveredControls(page, tid('editor')), [], `${name}: covered controls`);
        }
      }
      await context.close();
    });
  });
}
