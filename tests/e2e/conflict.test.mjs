/** Optimistic locking in the editor: a 409 keeps the typed text and offers reload or overwrite. */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { IMAGE_HOST, launch, newContext } from './lib/browser.mjs';
import { eventually, hasCount, hasText, saveInEditor, tid } from './lib/expect.mjs';
import { ensureBuilt, startServer } from './lib/server.mjs';

describe('an edit conflict', () => {
  let server, browser, context, page, token;

  const input = (title) => ({ type: 'normal', title, content: '正文 #测试', image_urls: [`${IMAGE_HOST}/x.jpg`] });

  async function createPost(title) {
    const r = await server.api('/api/posts', { method: 'POST', token, body: input(title) });
    assert.equal(r.status, 201, JSON.stringify(r.body));
    return r.body;
  }

  async function openEditor(post) {
    await page.goto(`${server.baseUrl}/posts/${post.id}/edit`);
    await eventually(async () => (await page.inputValue(tid('editor-title'))) === post.title, 'the loaded title');
  }

  async function changeUnderneath(post, title) {
    const r = await server.api(`/api/posts/${post.id}`, {
      method: 'PUT',
      token,
      body: { ...input(title), version: post.version },
    });
    assert.equal(r.status, 200, JSON.stringify(r.body));
    return r.body;
  }

  before(async () => {
    ensureBuilt();
    server = await startServer();
    token = await server.login();
    browser = await launch();
    ({ context } = await newContext(browser, server.baseUrl, { token, viewport: { width: 1280, height: 900 } }));
    page = await context.newPage();
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  test('saving over a newer server version shows the conflict, keeps the typed text, and overwrite wins', async () => {
    const post = await createPost('原始标题');
    await openEditor(post);
    await page.fill(tid('editor-title'), '我的修改');
    await page.fill(tid('editor-body'), '我写的正文 #我的话题');
    const theirs = await changeUnderneath(post, '别人的修改');

    assert.equal((await saveInEditor(page)).status(), 409);
    const banner = page.locator(tid('conflict-banner'));
    await hasText(banner, String(theirs.version));
    // Both versions visible, beside the save button (below it, where the person looks), and said as a message.
    await hasText(page.locator(tid('conflict-theirs')), '别人的修改');
    await hasText(page.locator(tid('conflict-mine')), '我的修改');
    await hasText(page.locator(tid('toast')), '已被其他人修改');
    const [save, box] = await Promise.all([page.locator(tid('editor-save')).boundingBox(), banner.boundingBox()]);
    assert.ok(box.y >= save.y + save.height - 1 && box.y - (save.y + save.height) < 80, `banner at ${box.y}, save at ${save.y}`);
    assert.equal(await page.inputValue(tid('editor-title')), '我的修改');
    assert.equal(await page.inputValue(tid('editor-body')), '我写的正文 #我的话题');

    const [overwrite] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'PUT'),
      page.click(tid('conflict-overwrite')),
    ]);
    assert.equal(overwrite.status(), 200);
    await hasCount(banner, 0);
    const now = await server.api(`/api/posts/${post.id}`, { token });
    assert.equal(now.body.title, '我的修改');
    assert.equal(now.body.content, '我写的正文 #我的话题');
    assert.ok(now.body.version > theirs.version);

    // The editor now holds the new version: a plain save goes through.
    await page.fill(tid('editor-title'), '我的第二次修改');
    assert.equal((await saveInEditor(page)).status(), 200);
    assert.equal((await server.api(`/api/posts/${post.id}`, { token })).body.title, '我的第二次修改');
  });

  test('after a conflict, reloading the server version replaces the typed text', async () => {
    const post = await createPost('另一篇');
    await openEditor(post);
    await page.fill(tid('editor-title'), '会被丢弃的修改');
    await changeUnderneath(post, '服务器上的版本');
    assert.equal((await saveInEditor(page)).status(), 409);
    await page.locator(tid('conflict-banner')).waitFor();
    await page.click(tid('conflict-reload'));
    await eventually(async () => (await page.inputValue(tid('editor-title'))) === '服务器上的版本', 'the server title');
    await hasCount(page.locator(tid('conflict-banner')), 0);
    assert.equal((await server.api(`/api/posts/${post.id}`, { token })).body.title, '服务器上的版本');
  });
});
