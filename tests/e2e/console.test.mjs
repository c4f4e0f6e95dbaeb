/** The operator console against the real server: login, editor, list, edit, delete. */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { IMAGE_HOST, launch, newContext, shot } from './lib/browser.mjs';
import { choose, eventually, hasCount, hasText, saveInEditor, tid } from './lib/expect.mjs';
import { startFakeXhs } from './lib/fake-xhs.mjs';
import { ADMIN, ensureBuilt, startServer } from './lib/server.mjs';

const XHS = { appKey: 'red.e2eKey', appSecret: 'e2e-secret-console' };
const TITLE = '周末咖啡探店 Café';
const BODY = '今天去了一家很棒的店 #咖啡 #探店\n第二行：拿铁很好喝 😀';

describe('the operator console', () => {
  let fake, server, browser, context, page;

  before(async () => {
    ensureBuilt();
    fake = await startFakeXhs(XHS);
    server = await startServer({ xhs: { ...XHS, apiBase: fake.url } });
    browser = await launch();
    ({ context } = await newContext(browser, server.baseUrl, { viewport: { width: 1280, height: 900 } }));
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.baseUrl });
    page = await context.newPage();
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
    await fake?.close();
  });

  test('the console is in Chinese by default and remembers a switch to English', async () => {
    await page.goto(`${server.baseUrl}/`);
    await page.waitForURL(/\/login/);
    await hasText(page.locator(tid('login-submit')), '登录');
    await page.click(tid('lang-toggle'));
    await hasText(page.locator(tid('login-submit')), 'Log in');
    await page.reload();
    await hasText(page.locator(tid('login-submit')), 'Log in');
    await page.click(tid('lang-toggle'));
    await hasText(page.locator(tid('login-submit')), '登录');
  });

  test('a wrong password shows an error and stores no token', async () => {
    await page.fill(tid('login-username'), ADMIN.username);
    await page.fill(tid('login-password'), 'not-the-password');
    await page.click(tid('login-submit'));
    await hasText(page.locator(tid('login-error')), '用户名或密码错误');
    assert.equal(await page.evaluate(() => localStorage.getItem('xhspub.token')), null);
  });

  test('an operator logs in through the form, lands on the dashboard and stays logged in after a reload', async () => {
    await page.fill(tid('login-username'), ADMIN.username);
    await page.fill(tid('login-password'), ADMIN.password);
    await page.click(tid('login-submit'));
    await page.locator(tid('dashboard')).waitFor();
    assert.ok(await page.evaluate(() => localStorage.getItem('xhspub.token')));
    await page.reload();
    await page.locator(tid('dashboard')).waitFor();
    assert.ok(!page.url().includes('/login'));
  });

  test('an operator creates an image post in the editor with live counters and pre-flight', async () => {
    await page.click(tid('nav-new'));
    await page.locator(tid('editor')).waitFor();

    // 21 汉字: one over XHS's limit, so the counter turns red.
    await page.fill(tid('editor-title'), '一二三四五六七八九十一二三四五六七八九十一');
    await hasText(page.locator(tid('title-counter')), '21/20');
    assert.equal(await page.locator(tid('title-counter')).getAttribute('data-over'), 'true');
    await page.fill(tid('editor-title'), TITLE);
    await hasText(page.locator(tid('title-counter')), `${[...TITLE].length}/20`);
    assert.equal(await page.locator(tid('title-counter')).getAttribute('data-over'), 'false');

    await page.fill(tid('editor-body'), BODY);
    await hasText(page.locator(tid('body-counter')), `${[...BODY].length}/1000`);
    await hasText(page.locator(tid('topic-counter')), '2/10');

    await page.fill(tid('image-url-input'), `${IMAGE_HOST}/a.jpg\n${IMAGE_HOST}/b.jpg\n${IMAGE_HOST}/c.jpg`);
    await page.click(tid('image-add'));
    await hasCount(page.locator(tid('image-item')), 3);
    // Move the first image down, then make the last one the cover (it moves first).
    await page.locator(tid('image-down')).first().click();
    await page.locator(tid('image-set-cover')).last().click();
    const order = await page.locator(tid('image-url')).allTextContents();
    assert.deepEqual(order, [`${IMAGE_HOST}/c.jpg`, `${IMAGE_HOST}/b.jpg`, `${IMAGE_HOST}/a.jpg`]);

    await hasText(page.locator(tid('preview-title')), TITLE);
    await hasCount(page.locator(tid('preview-topic')), 2);
    await hasCount(page.locator(tid('preview-image')), 3);
    await eventually(
      async () => (await page.locator(tid('preflight-panel')).getAttribute('data-ok')) === 'true',
      'a passing draft pre-flight',
    );

    assert.equal((await saveInEditor(page)).status(), 201);
    await page.waitForURL(/\/posts\/\d+\/edit$/);
    await eventually(
      async () => (await page.locator(tid('preflight-panel')).getAttribute('data-source')) === 'saved',
      'the saved post pre-flight',
    );
    const id = Number(/\/posts\/(\d+)\/edit/.exec(page.url())[1]);
    const saved = await server.api(`/api/posts/${id}`, { token: await page.evaluate(() => localStorage.getItem('xhspub.token')) });
    assert.equal(saved.status, 200);
    assert.equal(saved.body.title, TITLE);
    assert.equal(saved.body.content, BODY);
    assert.deepEqual(saved.body.image_urls, order);
    assert.equal(saved.body.cover_url, `${IMAGE_HOST}/c.jpg`);
    await shot(page, 'console-editor');
  });

  test('saving a title over 20 characters shows the server error next to the title and keeps the text', async () => {
    const long = '这是一个特别特别特别特别特别长的标题超过二十个字';
    const n = [...long].length;
    await page.fill(tid('editor-title'), long);
    assert.equal((await saveInEditor(page)).status(), 422);
    await page.locator(tid('field-error-title')).waitFor();
    assert.equal(await page.inputValue(tid('editor-title')), long);

    // The server's rule and counts, worded in the console's language (Chinese by default), here and in pre-flight.
    const fieldError = page.locator(`${tid('field-error-title')} li[data-rule="max_chars"]`);
    const check = page.locator(`${tid('preflight-check')}[data-rule="max_chars"][data-field="title"][data-level="error"]`);
    await hasText(fieldError, `标题 ${n} 字，最多 20 字`);
    await hasText(check, `标题 ${n} 字，最多 20 字`);
    assert.doesNotMatch(await page.locator(tid('editor-error')).textContent(), /characters|XHS allows/);
    await page.click(tid('lang-toggle'));
    await hasText(fieldError, `Title has ${n} characters; at most 20`);
    await hasText(check, `Title has ${n} characters; at most 20`);
    await page.click(tid('lang-toggle'));
    await hasText(fieldError, `标题 ${n} 字，最多 20 字`);
    await page.fill(tid('editor-title'), TITLE);
    assert.equal((await saveInEditor(page)).status(), 200);
    await hasCount(page.locator(tid('field-error-title')), 0);
  });

  test('the new post is found in the list by searching its title', async () => {
    await page.click(tid('nav-posts'));
    await page.locator(tid('post-row')).first().waitFor();
    await page.fill(tid('list-search'), '咖啡探店');
    await page.waitForURL(/q=/);
    await hasCount(page.locator(tid('post-row')), 1);
    const row = page.locator(tid('post-row')).first();
    await hasText(row.locator(tid('post-title')), TITLE);
    await hasText(row.locator(tid('post-image-count')), '3 张图');
    assert.equal(await row.locator(tid('post-thumb')).getAttribute('src'), `${IMAGE_HOST}/c.jpg`);
    await page.fill(tid('list-search'), '没有这样的笔记xyz');
    await page.locator(tid('list-empty')).waitFor();
    await page.fill(tid('list-search'), '咖啡探店');
    await hasCount(page.locator(tid('post-row')), 1);
    await shot(page, 'console-list');
  });

  test('copying the publish link puts a public /s/{token} link on the clipboard, reused on the next copy', async () => {
    const row = page.locator(tid('post-row')).first();
    const id = await row.getAttribute('data-post-id');
    const clip = () => page.evaluate(() => navigator.clipboard.readText());
    await page.evaluate(() => navigator.clipboard.writeText(''));
    await row.locator(tid('post-copy-link')).click();
    await eventually(async () => (await clip()).includes('/s/'), 'a /s/ link on the clipboard');
    const first = await clip();
    assert.match(first, new RegExp(`^${server.baseUrl}/s/[A-Za-z0-9_-]{43}$`));
    await page.evaluate(() => navigator.clipboard.writeText(''));
    await row.locator(tid('post-copy-link')).click();
    await eventually(async () => (await clip()) === first, 'the same link copied again');
    const token = await page.evaluate(() => localStorage.getItem('xhspub.token'));
    const links = await server.api(`/api/posts/${id}/links`, { token });
    assert.equal(links.body.length, 1, 'the second copy reuses the live link');
  });

  test('the preview shows the note in a phone frame', async () => {
    await page.locator(tid('post-row')).first().locator(tid('post-preview')).click();
    const modal = page.locator(tid('preview-modal'));
    await hasText(modal.locator(tid('preview-title')), TITLE);
    await hasCount(modal.locator(tid('preview-topic')), 2);
    await page.click(tid('preview-close'));
    await hasCount(modal, 0);
  });

  test('an operator edits the post from the list and saves it', async () => {
    await page.locator(tid('post-row')).first().locator(tid('post-edit')).click();
    await page.waitForURL(/\/posts\/\d+\/edit$/);
    await eventually(async () => (await page.inputValue(tid('editor-title'))) === TITLE, 'the loaded title');
    await page.fill(tid('editor-title'), '咖啡探店 第二版');
    assert.equal((await saveInEditor(page)).status(), 200);
    await hasText(page.locator(tid('toast')), '已保存');
    await page.click(tid('nav-posts'));
    await page.fill(tid('list-search'), '第二版');
    await hasText(page.locator(tid('post-row')).first().locator(tid('post-title')), '咖啡探店 第二版');
  });

  test('deleting asks for confirmation and removes the post', async () => {
    const token = await page.evaluate(() => localStorage.getItem('xhspub.token'));
    const created = await server.api('/api/posts', {
      method: 'POST',
      token,
      body: { type: 'normal', title: '要删除的笔记', content: '再见', image_urls: [`${IMAGE_HOST}/d.jpg`] },
    });
    assert.equal(created.status, 201);
    await page.fill(tid('list-search'), '要删除');
    const row = page.locator(`${tid('post-row')}[data-post-id="${created.body.id}"]`);
    await row.waitFor();
    await row.locator(tid('post-delete')).click();
    await hasText(page.locator(tid('confirm-message')), '要删除的笔记');
    await page.click(tid('confirm-cancel'));
    await hasCount(page.locator(tid('confirm-dialog')), 0);
    assert.equal((await server.api(`/api/posts/${created.body.id}`, { token })).status, 200);
    await row.locator(tid('post-delete')).click();
    await page.click(tid('confirm-ok'));
    await hasCount(row, 0);
    assert.equal((await server.api(`/api/posts/${created.body.id}`, { token })).status, 404);
  });

  test('selecting posts and deleting them in bulk removes exactly the selected ones', async () => {
    const token = await page.evaluate(() => localStorage.getItem('xhspub.token'));
    const ids = [];
    for (const n of [1, 2, 3]) {
      const r = await server.api('/api/posts', {
        method: 'POST',
        token,
        body: { type: 'normal', title: `批量删除 ${n}`, content: '批量', image_urls: [`${IMAGE_HOST}/b${n}.jpg`] },
      });
      assert.equal(r.status, 201);
      ids.push(r.body.id);
    }
    await page.fill(tid('list-search'), '批量删除');
    await hasCount(page.locator(tid('post-row')), 3);
    const row = (id) => page.locator(`${tid('post-row')}[data-post-id="${id}"]`);
    assert.equal(await page.locator(tid('bulk-delete')).isDisabled(), true);
    await row(ids[0]).locator(tid('post-select')).check();
    await row(ids[2]).locator(tid('post-select')).check();
    await hasText(page.locator(tid('bulk-count')), '已选 2 篇');
    await page.click(tid('bulk-delete'));
    await hasText(page.locator(tid('confirm-message')), '2 篇');
    await page.click(tid('confirm-ok'));
    await hasCount(page.locator(tid('post-row')), 1);
    assert.equal((await server.api(`/api/posts/${ids[0]}`, { token })).status, 404);
    assert.equal((await server.api(`/api/posts/${ids[1]}`, { token })).status, 200);
    assert.equal((await server.api(`/api/posts/${ids[2]}`, { token })).status, 404);
    await hasText(page.locator(tid('bulk-count')), '已选 0 篇');
  });

  test('the list pages through more than 20 posts with load more', async () => {
    const token = await page.evaluate(() => localStorage.getItem('xhspub.token'));
    for (let i = 1; i <= 23; i++) {
      const r = await server.api('/api/posts', {
        method: 'POST',
        token,
        body: { type: 'normal', title: `分页测试 ${i}`, content: '翻页', image_urls: [`${IMAGE_HOST}/p${i}.jpg`] },
      });
      assert.equal(r.status, 201);
    }
    await page.fill(tid('list-search'), '分页测试');
    await hasCount(page.locator(tid('post-row')), 20);
    // Newest first.
    await hasText(page.locator(tid('post-row')).first().locator(tid('post-title')), '分页测试 23');
    await page.click(tid('list-load-more'));
    await hasCount(page.locator(tid('post-row')), 23);
    await hasCount(page.locator(tid('list-load-more')), 0);
  });

  test('the type filter and a video note with its video and cover URLs', async () => {
    await page.click(tid('nav-new'));
    await page.locator(tid('editor')).waitFor();
    await page.check(tid('type-video'));
    await page.fill(tid('editor-title'), '一段视频笔记');
    await page.fill(tid('editor-body'), '看视频 #vlog');
    await page.fill(tid('editor-video-url'), `${IMAGE_HOST}/clip.mp4`);
    await page.fill(tid('editor-cover-url'), `${IMAGE_HOST}/cover.jpg`);
    assert.equal((await saveInEditor(page)).status(), 201);
    await page.waitForURL(/\/posts\/\d+\/edit$/);
    const id = Number(/\/posts\/(\d+)\/edit/.exec(page.url())[1]);
    const token = await page.evaluate(() => localStorage.getItem('xhspub.token'));
    const saved = (await server.api(`/api/posts/${id}`, { token })).body;
    assert.equal(saved.type, 'video');
    assert.equal(saved.video_url, `${IMAGE_HOST}/clip.mp4`);
    assert.equal(saved.cover_url, `${IMAGE_HOST}/cover.jpg`);
    assert.deepEqual(saved.image_urls, []);

    await page.click(tid('nav-posts'));
    await page.fill(tid('list-search'), '');
    await choose(page, 'list-type', '视频');
    await page.waitForURL(/type=video/);
    await hasCount(page.locator(tid('post-row')), 1);
    await hasText(page.locator(tid('post-row')).first().locator(tid('post-title')), '一段视频笔记');
    await choose(page, 'list-type', '全部类型');
  });

  test('a stale token sends the operator back to the login page', async () => {
    await page.evaluate(() => localStorage.setItem('xhspub.token', 'stale-token'));
    await page.goto(`${server.baseUrl}/`);
    await page.waitForURL(/\/login/);
    await page.locator(tid('login-expired')).waitFor();
    assert.equal(await page.evaluate(() => localStorage.getItem('xhspub.token')), null);
  });

  test('logging out forgets the token', async () => {
    await page.fill(tid('login-username'), ADMIN.username);
    await page.fill(tid('login-password'), ADMIN.password);
    await page.click(tid('login-submit'));
    await page.locator(tid('dashboard')).waitFor();
    await page.click(tid('logout'));
    await page.waitForURL(/\/login/);
    assert.equal(await page.evaluate(() => localStorage.getItem('xhspub.token')), null);
  });
});
