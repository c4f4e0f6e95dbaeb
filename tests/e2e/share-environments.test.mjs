/**
 * The public share page (/s/{token}) under five browsers, with and without XHS
 * credentials on the server: each ends in something the person can do, with
 * exactly one primary button, WeChat's way out first, and nothing over the note.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { IMAGE_HOST, launch, newContext, PHONE, shot, UA } from './lib/browser.mjs';
import { hasText, tid } from './lib/expect.mjs';
import { startFakeXhs } from './lib/fake-xhs.mjs';
import { ensureBuilt, startServer } from './lib/server.mjs';

const XHS = { appKey: 'red.e2eEnv', appSecret: 'e2e-secret-env' };
const LONG = Array.from({ length: 40 }, (_, i) => `第 ${i + 1} 行`).join('\n');
const POST = { type: 'normal', title: '五种浏览器', content: `${LONG}\n最后一行 #结尾`, image_urls: [`${IMAGE_HOST}/e1.jpg`] };
const DESKTOP = { viewport: { width: 1280, height: 800 } };
const BROWSERS = [
  ['iPhone Safari', { ...PHONE, userAgent: UA.iphone }, 'sdk'],
  ['Android Chrome', { ...PHONE, userAgent: UA.androidChrome }, 'sdk'],
  ['WeChat Android', { ...PHONE, userAgent: UA.androidWeChat }, 'wechat'],
  ['WeChat iOS', { ...PHONE, userAgent: UA.iosWeChat }, 'wechat'],
  ['desktop Chrome', { ...DESKTOP, userAgent: UA.desktopChrome }, 'desktop'],
];

/** Primary buttons a person can see (not hidden, not under the WeChat overlay's own layer). */
const visiblePrimaries = (page) =>
  page.evaluate(
    () =>
      [...document.querySelectorAll('.btn-primary')].filter((el) => {
        const r = el.getBoundingClientRect();
        return !el.closest('[hidden]') && r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== 'hidden';
      }).length,
  );

for (const configured of [true, false]) {
  describe(`the share page ${configured ? 'with' : 'without'} XHS credentials`, () => {
    let fake, server, browser, url;

    before(async () => {
      ensureBuilt();
      if (configured) fake = await startFakeXhs(XHS);
      server = await startServer({ xhs: configured ? { ...XHS, apiBase: fake.url } : null });
      const token = await server.login();
      const post = await server.api('/api/posts', { method: 'POST', token, body: POST });
      assert.equal(post.status, 201, JSON.stringify(post.body));
      const link = await server.api(`/api/posts/${post.body.id}/links`, { method: 'POST', token, body: {} });
      assert.equal(link.status, 201, JSON.stringify(link.body));
      url = link.body.url;
      browser = await launch();
    });

    after(async () => {
      await browser?.close();
      await server?.stop();
      await fake?.close();
    });

    for (const [name, opts, mode] of BROWSERS) {
      test(`${name}: ${mode === 'wechat' ? 'guidance first' : mode === 'desktop' ? 'a QR of the link' : 'a way to publish'}, one primary button, the note uncovered`, async () => {
        const { context } = await newContext(browser, server.baseUrl, opts);
        try {
          const page = await context.newPage();
          await page.goto(url);
          await hasText(page.locator(tid('share-title')), POST.title);
          const slug = `share-env-${configured ? 'xhs' : 'noxhs'}-${name.replace(/\s+/g, '-').toLowerCase()}`;
          if (mode === 'wechat') {
            await hasText(page.locator(tid('wechat-guide')), '浏览器');
            await shot(page, `${slug}-guide`, { fullPage: false });
            assert.equal(await page.locator('a[href^="xhsdiscover"], a[download]').count(), 0, 'nothing WeChat blocks');
            // The copy kit is offered beside the way out, with or without credentials.
            await page.locator(tid('wechat-kit')).waitFor();
            await page.tap(tid('wechat-guide-close'));
            if (!configured) {
              await hasText(page.locator(tid('fallback-long-press')), '长按');
              const w = await page.locator(`${tid('fallback-long-press')} img`).first().evaluate((el) => el.getBoundingClientRect().width);
              assert.ok(w >= 300, `images large enough to long-press (${w}px)`);
            }
          } else if (mode === 'desktop') {
            await page.locator(tid('desktop-qr-image')).waitFor();
            await hasText(page.locator(tid('desktop-qr-url')), url);
          } else if (!configured) {
            // The XHS button stays first and walks through the copy kit in place.
            await page.locator(tid('publish-button')).waitFor();
            await hasText(page.locator(tid('guide-line')), '按步骤');
          } else {
            await page.locator(tid('publish-button')).waitFor();
          }
          assert.equal(await visiblePrimaries(page), 1, 'exactly one primary button');

          // Scrolled to the end, the last line of the note is not under the footer.
          const covered = await page.evaluate(async () => {
            window.scrollTo(0, document.documentElement.scrollHeight);
            await new Promise((r) => setTimeout(r, 100));
            const body = document.querySelector('[data-testid="share-body"]');
            const r = body.getBoundingClientRect();
            const hit = document.elementFromPoint(r.left + 8, r.bottom - 4);
            return body.contains(hit) || hit === body ? null : hit?.outerHTML.slice(0, 80) ?? 'off screen';
          });
          assert.equal(covered, null, 'the end of the note is visible');
          await shot(page, slug);
        } finally {
          await context.close();
        }
      });
    }
  });
}
