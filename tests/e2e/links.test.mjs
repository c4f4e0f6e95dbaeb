/**
 * Share links end to end (issue 4): an operator makes an account and a link in
 * the console and sees its QR code; a phone without any login opens /s/{token}
 * and publishes; the console shows that open and tap against the post, the
 * link and the account. Revoked, expired, deleted and unknown links say so.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { IMAGE_HOST, launch, newContext, PHONE, shot, UA, watchDialogs } from './lib/browser.mjs';
import { choose, eventually, filterColumn, hasCount, hasText, tid } from './lib/expect.mjs';
import { startFakeXhs } from './lib/fake-xhs.mjs';
import { ensureBuilt, startServer } from './lib/server.mjs';

const XHS = { appKey: 'red.e2eLinks', appSecret: 'e2e-secret-links' };
const POST = {
  type: 'normal',
  title: '三班的春游笔记',
  content: '今天去春游啦 #春游 #三班\n大家一起发小红书',
  image_urls: [`${IMAGE_HOST}/s1.jpg`, `${IMAGE_HOST}/s2.jpg`],
};
const ACCOUNT = { name: '三班 王同学', nickname: '小王爱分享', kind: 'student', notes: '班长' };
const NOTE_URL = 'https://www.xiaohongshu.com/explore/64a1b2c3d4e5f6a7b8c9d0e1';

describe('share links, accounts and statistics', () => {
  let fake, server, browser, token, post, console_, link, account;
  const contexts = [];

  /** A phone that has never logged in: no token anywhere. */
  async function phone() {
    const { context, stats } = await newContext(browser, server.baseUrl, { ...PHONE, userAgent: UA.iphone });
    contexts.push(context);
    const page = await context.newPage();
    return { page, stats, dialogs: watchDialogs(page) };
  }

  const statsOf = async (path) => (await server.api(path, { token })).body.totals;

  before(async () => {
    ensureBuilt();
    fake = await startFakeXhs(XHS);
    server = await startServer({ xhs: { ...XHS, apiBase: fake.url } });
    token = await server.login();
    const r = await server.api('/api/posts', { method: 'POST', token, body: POST });
    assert.equal(r.status, 201, JSON.stringify(r.body));
    post = r.body;
    browser = await launch();
    const { context } = await newContext(browser, server.baseUrl, { token, viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    contexts.push(context);
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.baseUrl });
    console_ = await context.newPage();
  });

  after(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close();
    await server?.stop();
    await fake?.close();
  });

  test('an operator creates an account; a blank name shows the server field error', async () => {
    const page = console_;
    await page.goto(`${server.baseUrl}/`);
    await page.click(tid('nav-accounts'));
    await page.locator(tid('accounts-view')).waitFor();
    await page.locator(tid('accounts-empty')).waitFor();
    await page.click(tid('account-save'));
    await hasText(page.locator(tid('field-error-name')), '名称不能为空');

    await page.fill(tid('account-name'), ACCOUNT.name);
    await page.fill(tid('account-nickname'), ACCOUNT.nickname);
    await choose(page, 'account-kind', '学生');
    await page.fill(tid('account-notes'), ACCOUNT.notes);
    await page.click(tid('account-save'));
    await hasCount(page.locator(tid('account-row')), 1);
    const row = page.locator(tid('account-row')).first();
    await hasText(row.locator(tid('account-row-kind')), '学生');
    await hasText(row.locator(tid('account-row-nickname')), ACCOUNT.nickname);
    assert.equal(await page.locator(tid('field-error-name')).count(), 0);
    account = { id: Number(await row.getAttribute('data-account-id')) };
  });

  test('an operator creates a link for the account from the post list and sees its QR code', async () => {
    const page = console_;
    await page.click(tid('nav-posts'));
    const row = page.locator(`${tid('post-row')}[data-post-id="${post.id}"]`);
    await row.locator(tid('post-links')).click();
    await page.waitForURL(/\/posts\/\d+\/links$/);
    await page.locator(tid('links-empty')).waitFor();

    await page.fill(tid('link-label'), '三班');
    await choose(page, 'link-account', `${ACCOUNT.name} (${ACCOUNT.nickname})`);
    await page.click(tid('link-create'));
    await hasCount(page.locator(tid('link-row')), 1);
    const linkRow = page.locator(tid('link-row')).first();
    assert.equal(await linkRow.getAttribute('data-status'), 'active');
    await hasText(linkRow.locator(tid('link-status')), '有效');
    await hasText(linkRow.locator(tid('link-account-name')), ACCOUNT.name);
    // A new link's counts show at once: 0 / 0, not blank until a reload.
    const fresh = linkRow.locator(tid('link-totals'));
    assert.equal(await fresh.getAttribute('data-opens'), '0');
    assert.equal(await fresh.getAttribute('data-taps'), '0');
    const url = await linkRow.locator(tid('link-url')).textContent();
    assert.match(url, new RegExp(`^${server.baseUrl}/s/[A-Za-z0-9_-]{43}$`));
    link = { id: Number(await linkRow.getAttribute('data-link-id')), url, token: url.split('/s/')[1] };
    // The test server listens on 127.0.0.1: a phone could not open this link, and the page says so.
    await hasText(page.locator(tid('private-link-warning')), 'XHSPUB__SERVER__PUBLIC_URL');
    await hasText(page.locator(tid('link-label-public')), '标签会显示在分享页上');

    await linkRow.locator(tid('link-copy')).click();
    await eventually(async () => (await page.evaluate(() => navigator.clipboard.readText())) === url, 'the link on the clipboard');
    await shot(page, 'console-links');

    await linkRow.locator(tid('link-qr')).click();
    const img = page.locator(tid('qr-image'));
    await img.waitFor();
    await hasText(page.locator(tid('qr-dialog')).locator(tid('private-link-warning')), '内网');
    const size = await eventually(
      () => img.evaluate((el) => (el.complete && el.naturalWidth > 0 ? { w: el.naturalWidth, box: el.getBoundingClientRect().width } : null)),
      'the QR image to load',
    );
    assert.ok(size.w > 0 && size.box > 100, JSON.stringify(size));
    assert.match(await img.getAttribute('src'), /^blob:/);
    await shot(page, 'console-qr');
  });

  test('the QR code downloads as SVG (with the title) and PNG, and prints alone', async () => {
    const page = console_;
    const [svg] = await Promise.all([page.waitForEvent('download'), page.click(tid('qr-download-svg'))]);
    assert.match(svg.suggestedFilename(), /^xhs-三班\.svg$/);
    const svgText = await (await svg.createReadStream()).toArray().then((c) => Buffer.concat(c).toString('utf8'));
    assert.ok(svgText.includes('<svg') && svgText.includes(POST.title), 'the SVG carries the post title');

    const [png] = await Promise.all([page.waitForEvent('download'), page.click(tid('qr-download-png'))]);
    assert.match(png.suggestedFilename(), /\.png$/);
    const pngBytes = await (await png.createReadStream()).toArray().then((c) => Buffer.concat(c));
    assert.deepEqual([...pngBytes.subarray(0, 4)], [0x89, 0x50, 0x4e, 0x47]);

    await page.emulateMedia({ media: 'print' });
    const visible = (sel) => page.locator(sel).first().evaluate((el) => getComputedStyle(el).visibility);
    // Element Plus buttons transition every property, visibility included: wait for the end.
    const becomes = (sel, v) => eventually(async () => (await visible(sel)) === v, `${sel} ${v} in print`);
    await becomes('.topbar', 'hidden');
    await becomes(tid('qr-print'), 'hidden');
    await becomes(tid('qr-image'), 'visible');
    await shot(page, 'console-qr-print', { fullPage: false });
    await page.emulateMedia({ media: 'screen' });
    await page.click(tid('qr-close'));
  });

  test('a phone without a login opens /s/{token}; the tap hands the stub exactly the server payload', async () => {
    const { page, stats, dialogs } = await phone();
    const authHeaders = [];
    page.on('request', (r) => {
      if (r.url().includes('/api/')) authHeaders.push(r.headers().authorization ?? null);
    });
    await page.goto(link.url);
    await hasText(page.locator(tid('share-title')), POST.title);
    await hasText(page.locator(tid('share-label')), '三班');
    await hasText(page.locator(tid('share-account')), ACCOUNT.nickname);
    assert.equal(await page.evaluate(() => localStorage.getItem('xhspub.token')), null);

    const [res] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith(`/api/share/${link.token}/publish`)),
      page.tap(tid('publish-button')),
    ]);
    assert.equal(res.status(), 200);
    const payload = await res.json();
    const calls = await eventually(async () => {
      const c = await page.evaluate(() => window.__xhsCalls);
      return c.length ? c : null;
    }, 'a call to xhs.share');
    assert.deepEqual(calls, [{ shareInfo: payload.shareInfo, verifyConfig: payload.data }]);
    assert.deepEqual(payload.shareInfo.images, POST.image_urls);
    assert.equal(stats.sdkRequests, 1);

    // The XHS app taking over hides the page: that is reported as app_opened.
    const [appOpened] = await Promise.all([
      page.waitForRequest((r) => r.url().endsWith('/events') && r.postDataJSON()?.kind === 'app_opened'),
      page.evaluate(() => {
        Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
        document.dispatchEvent(new Event('visibilitychange'));
      }),
    ]);
    assert.equal(appOpened.headers()['content-type'], 'application/json');

    // 已发布？粘贴笔记链接: a wrong link shows the server's message, a right one is thanked.
    await page.tap(tid('confirm-toggle'));
    await page.fill(tid('confirm-input'), 'https://example.com/not-a-note');
    await page.tap(tid('confirm-submit'));
    await hasText(page.locator(tid('confirm-status')), '不是小红书笔记链接：请粘贴已发布笔记的链接');
    await page.fill(tid('confirm-input'), NOTE_URL);
    await page.tap(tid('confirm-submit'));
    await hasText(page.locator(tid('confirm-done')), '已记录');
    await shot(page, 'share-public-link', { fullPage: false });
    assert.ok(authHeaders.length >= 4 && authHeaders.every((h) => h === null), 'no request carried a login');
    assert.deepEqual(dialogs, []);
  });

  test("the post's statistics page shows the open and the tap, and so do the link and the account", async () => {
    await eventually(async () => {
      const t = await statsOf(`/api/posts/${post.id}/stats`);
      return t.opens === 1 && t.taps === 1 && t.app_opens === 1 && t.confirmed === 1;
    }, 'the events counted on the server');
    const page = console_;
    await page.click(tid('tab-stats'));
    await page.waitForURL(/\/posts\/\d+\/stats$/);
    const value = (id) => page.locator(tid(id)).getAttribute('data-value');
    await eventually(async () => (await value('stat-opens')) === '1', 'the open on the stats page');
    assert.equal(await value('stat-taps'), '1');
    assert.equal(await value('stat-app_opens'), '1');
    assert.equal(await value('stat-confirmed'), '1');
    assert.equal(await value('stat-failures'), '0');
    await hasText(page.locator(tid('stat-tap-rate')), '100%');
    // Days are counted in the default statistics zone, Asia/Shanghai, not UTC.
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
    assert.equal(await page.locator(`${tid('daily-row')}[data-day="${today}"]`).getAttribute('data-value'), '1');
    await hasCount(page.locator(tid('daily-row')), 30);
    await page.locator(`${tid('chart-canvas')} canvas`).waitFor();
    await page.click(tid('stats-days-7'));
    await hasCount(page.locator(tid('daily-row')), 7);
    assert.equal(await page.locator(tid('chart-canvas')).getAttribute('data-days'), '7');
    await shot(page, 'console-stats');

    // The link's own row and statistics.
    await page.click(tid('tab-links'));
    const totals = page.locator(tid('link-totals')).first();
    await eventually(async () => (await totals.getAttribute('data-opens')) === '1', 'the link row totals');
    assert.equal(await totals.getAttribute('data-taps'), '1');
    await page.locator(tid('link-stats')).first().click();
    await page.waitForURL(/\/links\/\d+\/stats/);
    await hasText(page.locator(tid('stats-heading')), '三班');
    await eventually(async () => (await value('stat-opens')) === '1', 'the link stats');
    assert.equal(await value('stat-taps'), '1');

    // The post list shows the totals compactly.
    await page.click(tid('nav-posts'));
    const row = page.locator(`${tid('post-row')}[data-post-id="${post.id}"]`);
    await eventually(async () => (await row.locator(tid('post-total-opens')).getAttribute('data-value')) === '1', 'list totals');
    assert.equal(await row.locator(tid('post-total-taps')).getAttribute('data-value'), '1');
    assert.equal(await row.locator(tid('post-total-confirmed')).getAttribute('data-value'), '1');
  });

  test("the account's page shows its publish record (confirmed by the phone) and its statistics", async () => {
    const page = console_;
    await page.click(tid('nav-accounts'));
    await shot(page, 'console-accounts');
    await page.locator(`${tid('account-row')}[data-account-id="${account.id}"] ${tid('account-open')}`).click();
    await page.locator(tid('account-view')).waitFor();
    const rec = page.locator(tid('record-row')).first();
    await rec.waitFor();
    assert.equal(await rec.getAttribute('data-status'), 'published');
    assert.equal(await rec.locator(tid('record-note-url')).getAttribute('href'), NOTE_URL);
    await eventually(async () => (await page.locator(tid('stat-opens')).getAttribute('data-value')) === '1', 'account stats');
    assert.equal(await page.locator(tid('stat-taps')).getAttribute('data-value'), '1');
    await shot(page, 'console-account-detail');
  });

  test('an operator confirms a record by hand; a link that is not an XHS note is refused with its message', async () => {
    const other = await server.api('/api/accounts', { method: 'POST', token, body: { name: '品牌主号', kind: 'brand' } });
    assert.equal(other.status, 201);
    const l = await server.api(`/api/posts/${post.id}/links`, { method: 'POST', token, body: { account_id: other.body.id } });
    assert.equal(l.status, 201);
    const page = console_;
    await page.goto(`${server.baseUrl}/accounts/${other.body.id}`);
    const rec = page.locator(tid('record-row')).first();
    await rec.waitFor();
    assert.equal(await rec.getAttribute('data-status'), 'link_sent');
    await rec.locator(tid('record-confirm')).click();
    await rec.locator(tid('record-confirm-input')).fill('https://example.com/x');
    await rec.locator(tid('record-confirm-submit')).click();
    await hasText(rec.locator(tid('record-confirm-error')), '不是小红书笔记链接：请粘贴已发布笔记的链接');
    await rec.locator(tid('record-confirm-input')).fill('http://xhslink.com/a/AbCd123');
    await rec.locator(tid('record-confirm-submit')).click();
    await eventually(async () => (await rec.getAttribute('data-status')) === 'published', 'the confirmed record');
    await hasText(rec.locator(tid('record-note-url')), 'xhslink.com');
  });

  test('a revoked link shows the revoked page; an unknown token the not-found page', async () => {
    const page = console_;
    await page.goto(`${server.baseUrl}/posts/${post.id}/links`);
    const row = page.locator(`${tid('link-row')}[data-link-id="${link.id}"]`);
    await row.locator(tid('link-revoke')).click();
    await hasText(page.locator(tid('confirm-message')), '三班');
    await page.click(tid('confirm-ok'));
    await eventually(async () => (await row.getAttribute('data-status')) === 'revoked', 'the revoked status');
    await hasText(row.locator(tid('link-status')), '已撤销');
    assert.equal(await row.locator(tid('link-revoke')).count(), 0);

    const { page: p } = await phone();
    await p.goto(link.url);
    const notice = p.locator(tid('share-notice'));
    await notice.waitFor();
    assert.equal(await notice.getAttribute('data-kind'), 'link_revoked');
    await hasText(p.locator(tid('share-notice-title')), '此链接已被撤销');
    assert.equal(await p.locator(tid('publish-button')).count(), 0);
    await shot(p, 'share-revoked', { fullPage: false });

    await p.goto(`${server.baseUrl}/s/NoSuchToken_abcdefghijklmnopqrstuvwxyz0123456`);
    await p.locator(`${tid('share-notice')}[data-kind="link_not_found"]`).waitFor();
    await hasText(p.locator(tid('share-notice-title')), '链接不存在');
  });

  test('selected links are revoked in bulk; the others keep working', async () => {
    const page = console_;
    const make = async (label) => {
      const r = await server.api(`/api/posts/${post.id}/links`, { method: 'POST', token, body: { label } });
      assert.equal(r.status, 201, JSON.stringify(r.body));
      return r.body.id;
    };
    const [a, b, c] = [await make('批量 A'), await make('批量 B'), await make('批量 C')];
    await page.goto(`${server.baseUrl}/posts/${post.id}/links`);
    const row = (id) => page.locator(`${tid('link-row')}[data-link-id="${id}"]`);
    await row(c).waitFor();
    assert.equal(await page.locator(tid('links-bulk-revoke')).isDisabled(), true);
    await row(a).locator(tid('link-select')).check();
    await row(c).locator(tid('link-select')).check();
    await hasText(page.locator(tid('links-bulk-count')), '已选 2 个链接');
    await page.click(tid('links-bulk-revoke'));
    await hasText(page.locator(tid('confirm-message')), '2 个链接');
    await page.click(tid('confirm-ok'));
    await eventually(async () => (await row(c).getAttribute('data-status')) === 'revoked', 'C revoked');
    assert.equal(await row(a).getAttribute('data-status'), 'revoked');
    assert.equal(await row(b).getAttribute('data-status'), 'active');
    assert.equal(await row(a).locator(tid('link-select')).isDisabled(), true);
  });

  test('an expired link and the link of a deleted note each say so', async () => {
    const expiring = await server.api(`/api/posts/${post.id}/links`, {
      method: 'POST',
      token,
      body: { label: '限时', expires_at: new Date(Date.now() + 1500).toISOString() },
    });
    assert.equal(expiring.status, 201, JSON.stringify(expiring.body));
    const doomed = await server.api('/api/posts', { method: 'POST', token, body: { ...POST, title: '要删掉的笔记' } });
    const orphan = await server.api(`/api/posts/${doomed.body.id}/links`, { method: 'POST', token, body: {} });
    assert.equal((await server.api(`/api/posts/${doomed.body.id}`, { method: 'DELETE', token })).status, 204);

    const { page } = await phone();
    await page.goto(orphan.body.url);
    await page.locator(`${tid('share-notice')}[data-kind="post_deleted"]`).waitFor();
    await hasText(page.locator(tid('share-notice-title')), '笔记已被删除');

    await new Promise((r) => setTimeout(r, Math.max(0, Date.parse(expiring.body.expires_at) - Date.now() + 300)));
    await page.goto(expiring.body.url);
    await page.locator(`${tid('share-notice')}[data-kind="link_expired"]`).waitFor();
    await hasText(page.locator(tid('share-notice-title')), '此链接已过期');
  });
  test('the accounts table sorts by a column and filters by kind', async () => {
    const page = console_;
    await page.goto(`${server.baseUrl}/accounts`);
    const names = () => page.locator(`${tid('account-row')} ${tid('account-open')}`).allTextContents();
    await eventually(async () => (await names()).length >= 2, 'the accounts');
    await page.click(tid('accounts-sort-name'));
    const up = await names();
    assert.deepEqual(up, [...up].sort((a, b) => a.localeCompare(b, 'zh-Hans-CN-u-co-pinyin')));
    await page.click(tid('accounts-sort-name'));
    assert.deepEqual(await names(), [...up].reverse());
    await filterColumn(page, 'accounts-sort-kind', '品牌号');
    await eventually(async () => (await names()).every((n) => n === '品牌主号') && (await names()).length === 1, 'only the brand account');
  });
});
