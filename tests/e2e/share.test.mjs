/**
 * The mobile share page (/p/{id}) against the real server and a fake XHS token
 * endpoint: what reaches xhs.share, the signature, WeChat, failures, XSS.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { IMAGE_HOST, launch, newContext, PHONE, shot, UA, watchDialogs } from './lib/browser.mjs';
import { eventually, hasText, tid } from './lib/expect.mjs';
import { sign, startFakeXhs } from './lib/fake-xhs.mjs';
import { ensureBuilt, startServer } from './lib/server.mjs';

const XHS = { appKey: 'red.e2eKey', appSecret: 'e2e-secret-share' };
const POST = {
  type: 'normal',
  title: '秋天的第一杯奶茶',
  content: '第一行 #奶茶 #秋天\n第二行也要保留\n\n#打卡',
  image_urls: [`${IMAGE_HOST}/1.jpg`, `${IMAGE_HOST}/2.jpg`],
};

describe('the share page', () => {
  let fake, server, browser, token, post;
  const contexts = [];

  async function phone(opts = {}) {
    const { context, stats } = await newContext(browser, server.baseUrl, {
      ...PHONE,
      userAgent: UA.iphone,
      token,
      ...opts,
    });
    contexts.push(context);
    const page = await context.newPage();
    const dialogs = watchDialogs(page);
    return { page, stats, dialogs };
  }

  async function create(body) {
    const r = await server.api('/api/posts', { method: 'POST', token, body });
    assert.equal(r.status, 201, JSON.stringify(r.body));
    return r.body;
  }

  before(async () => {
    ensureBuilt();
    fake = await startFakeXhs(XHS);
    server = await startServer({ xhs: { ...XHS, apiBase: fake.url } });
    token = await server.login();
    browser = await launch();
    post = await create(POST);
  });

  after(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close();
    await server?.stop();
    await fake?.close();
  });

  test('an iPhone tap on 发布到小红书 hands xhs.share exactly the server payload, correctly signed', async () => {
    const { page, stats } = await phone();
    await page.goto(`${server.baseUrl}/p/${post.id}`);
    await hasText(page.locator(tid('share-title')), POST.title);
    // Line breaks are kept and topics highlighted.
    assert.equal(await page.locator(tid('share-body')).textContent(), POST.content);
    assert.deepEqual(await page.locator(`${tid('share-body')} .topic`).allTextContents(), ['#奶茶', '#秋天', '#打卡']);
    assert.equal(await page.locator(tid('carousel-image')).count(), 2);
    await shot(page, 'share-page', { fullPage: false });

    const [res] = await Promise.all([
      page.waitForResponse((r) => r.url().includes(`/api/post/publish/${post.id}`)),
      page.tap(tid('publish-button')),
    ]);
    assert.equal(res.status(), 200);
    const payload = await res.json();
    const calls = await eventually(
      async () => {
        const c = await page.evaluate(() => window.__xhsCalls);
        return c.length ? c : null;
      },
      'a call to xhs.share',
    );
    assert.equal(calls.length, 1);
    assert.deepEqual(calls[0], { shareInfo: payload.shareInfo, verifyConfig: payload.data });
    assert.equal(stats.sdkRequests, 1);

    const { appKey, nonce, timestamp, signature } = payload.data;
    assert.equal(appKey, XHS.appKey);
    assert.equal(typeof timestamp, 'number');
    assert.ok(Math.abs(Date.now() - timestamp) < 60_000, 'timestamp is epoch milliseconds, now');
    assert.match(nonce, /^[A-Za-z0-9]{1,32}$/);
    assert.ok(fake.tokens.length >= 1, 'the server fetched an access token from the fake');
    const accessToken = fake.tokens.at(-1);
    assert.equal(signature, sign(appKey, nonce, String(timestamp), accessToken));

    assert.equal(payload.shareInfo.type, 'normal');
    assert.equal(payload.shareInfo.title, POST.title);
    assert.equal(payload.shareInfo.content, POST.content);
    assert.deepEqual(payload.shareInfo.images, POST.image_urls);
    await hasText(page.locator(tid('share-status')), '正在打开小红书');
    await shot(page, 'share-page-after-tap', { fullPage: false });
  });

  for (const [name, ua] of [
    ['Android', UA.androidWeChat],
    ['iOS', UA.iosWeChat],
  ]) {
    test(`in WeChat on ${name} the open-in-browser guidance comes first and again on a tap, and the SDK is never called`, async () => {
      const { page, stats } = await phone({ userAgent: ua });
      let publishCalls = 0;
      page.on('request', (r) => {
        if (r.url().includes('/api/post/publish/')) publishCalls++;
      });
      await page.goto(`${server.baseUrl}/p/${post.id}`);
      await hasText(page.locator(tid('share-title')), POST.title);
      await hasText(page.locator(tid('wechat-guide')), '点击右上角 ··· 选择在浏览器打开');
      await page.tap(tid('wechat-guide-close'));
      await page.locator(tid('wechat-guide')).waitFor({ state: 'detached' });
      await page.tap(tid('publish-button'));
      await hasText(page.locator(tid('wechat-guide')), '点击右上角 ··· 选择在浏览器打开');
      await page.waitForTimeout(300);
      assert.deepEqual(await page.evaluate(() => window.__xhsCalls), []);
      assert.equal(stats.sdkRequests, 0, 'the SDK script is not even loaded in WeChat');
      assert.equal(publishCalls, 0);
      if (name === 'Android') await shot(page, 'share-page-wechat', { fullPage: false });
    });
  }

  test('a link that opens later shows the note and when it opens, and no publish button', async () => {
    const opens = new Date(Date.now() + 2 * 3600_000 + 30 * 60_000).toISOString();
    const link = await server.api(`/api/posts/${post.id}/links`, { method: 'POST', token, body: { not_before: opens } });
    assert.equal(link.status, 201, JSON.stringify(link.body));
    const { page } = await phone();
    await page.goto(`${server.baseUrl}/s/${link.body.token}`);
    await hasText(page.locator(tid('share-title')), POST.title);
    await hasText(page.locator(tid('share-not-open')), '开放时间：');
    assert.match(await page.locator(tid('opens-countdown')).innerText(), /^2 小时 (29|30) 分钟$/);
    assert.equal(await page.locator(tid('publish-button')).count(), 0, 'nothing to tap before it opens');
    const publish = await server.api(`/api/share/${link.body.token}/publish`);
    assert.equal(publish.status, 409);
    assert.equal(publish.body.code, 'link_not_open_yet');
  });

  test("the fail callback's message is shown on the page", async () => {
    const { page } = await phone({ xhsFail: { code: -1, msg: '用户未安装小红书' } });
    await page.goto(`${server.baseUrl}/p/${post.id}`);
    await hasText(page.locator(tid('share-title')), POST.title);
    await page.tap(tid('publish-button'));
    await hasText(page.locator(tid('share-status')), '分享失败：用户未安装小红书 (-1)');
  });

  test('a fail callback without a message shows the error object as JSON', async () => {
    const { page } = await phone({ xhsFail: { code: 10001 } });
    await page.goto(`${server.baseUrl}/p/${post.id}`);
    await hasText(page.locator(tid('share-title')), POST.title);
    await page.tap(tid('publish-button'));
    await hasText(page.locator(tid('share-status')), '{"code":10001}');
  });

  test('when the SDK cannot be loaded the page says so and offers the manual fallback', async () => {
    const { page } = await phone({ sdkUnreachable: true });
    await page.goto(`${server.baseUrl}/p/${post.id}`);
    await hasText(page.locator(tid('share-title')), POST.title);
    await page.tap(tid('publish-button'));
    await hasText(page.locator(tid('share-status')), '无法加载小红书分享组件');
    await page.locator(tid('fallback')).waitFor();
  });

  test('markup in the title and body is shown as literal text, never run', async () => {
    const evil = await create({
      type: 'normal',
      title: '<b>标题</b>',
      content: '看这里 <img src=x onerror=alert(1)> 和 <script>alert(2)</script> #安全',
      image_urls: [`${IMAGE_HOST}/3.jpg`],
    });
    const { page, dialogs } = await phone();
    await page.goto(`${server.baseUrl}/p/${evil.id}`);
    await hasText(page.locator(tid('share-body')), '<img src=x onerror=alert(1)>');
    assert.equal(await page.locator(tid('share-title')).textContent(), '<b>标题</b>');
    assert.equal(await page.locator(`${tid('share-body')} img, ${tid('share-body')} script`).count(), 0);
    assert.equal(await page.evaluate(() => document.querySelectorAll('img[src="x"], b').length), 0);
    await page.waitForTimeout(500);
    assert.deepEqual(dialogs, []);
  });

  test('on a desktop browser the page shows a QR code of its own URL', async () => {
    const { context } = await newContext(browser, server.baseUrl, { token });
    contexts.push(context);
    const page = await context.newPage();
    await page.goto(`${server.baseUrl}/p/${post.id}`);
    await page.locator(tid('desktop-qr')).waitFor();
    await hasText(page.locator(tid('desktop-qr-url')), `${server.baseUrl}/p/${post.id}`);
    await eventually(
      async () => ((await page.locator(tid('desktop-qr-image')).getAttribute('src')) ?? '').startsWith('data:image/png'),
      'the QR image',
    );
    await page.click(tid('publish-button'));
    assert.deepEqual(await page.evaluate(() => window.__xhsCalls), []);
  });

  test('without a login the page links to the console login and back', async () => {
    const { page } = await phone({ token: undefined });
    await page.goto(`${server.baseUrl}/p/${post.id}`);
    const link = page.locator(tid('share-login-link'));
    await link.waitFor();
    assert.equal(await link.getAttribute('href'), `/login?next=%2Fp%2F${post.id}`);
  });
});
