/** Never lose an edit: leaving asks first, a reload offers the draft kept on this device, a save clears it. */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { IMAGE_HOST, launch, newContext } from './lib/browser.mjs';
import { eventually, hasCount, saveInEditor, tid } from './lib/expect.mjs';
import { ensureBuilt, startServer } from './lib/server.mjs';

describe('unsaved edits', () => {
  let server, browser, context, page, token;

  const draftIn = (key) => page.evaluate((k) => localStorage.getItem(`xhspub.draft.${k}`), key);

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

  test('leaving through the sidebar or a tab asks, and staying keeps the typed text', async () => {
    const r = await server.api('/api/posts', {
      method: 'POST',
      token,
      body: { type: 'normal', title: '已保存的标题', content: '正文', image_urls: [`${IMAGE_HOST}/a.jpg`] },
    });
    assert.equal(r.status, 201);
    await page.goto(`${server.baseUrl}/posts/${r.body.id}/edit`);
    await eventually(async () => (await page.inputValue(tid('editor-title'))) === '已保存的标题', 'the loaded title');
    await page.fill(tid('editor-title'), '还没保存的标题');

    await page.click(tid('nav-posts'));
    await page.locator(tid('confirm-dialog')).waitFor();
    await page.click(tid('confirm-cancel'));
    await hasCount(page.locator(tid('confirm-dialog')), 0);
    assert.match(new URL(page.url()).pathname, /\/edit$/);
    assert.equal(await page.inputValue(tid('editor-title')), '还没保存的标题');

    await page.click(tid('tab-links'));
    await page.locator(tid('confirm-dialog')).waitFor();
    await page.click(tid('confirm-ok'));
    await eventually(() => new URL(page.url()).pathname.endsWith('/links'), 'the links page');
    // The text left unsaved is still on this device.
    assert.equal(JSON.parse(await draftIn(r.body.id)).draft.title, '还没保存的标题');

    // Coming back offers it; restoring and saving clears it.
    await page.click(tid('tab-edit'));
    await page.locator(tid('draft-restore')).waitFor();
    assert.equal(await page.inputValue(tid('editor-title')), '已保存的标题');
    await page.click(tid('draft-restore-ok'));
    assert.equal(await page.inputValue(tid('editor-title')), '还没保存的标题');
    assert.equal((await saveInEditor(page)).status(), 200);
    await eventually(async () => (await draftIn(r.body.id)) === null, 'the kept draft cleared by the save');
    assert.equal((await server.api(`/api/posts/${r.body.id}`, { token })).body.title, '还没保存的标题');

    // Saved: leaving no longer asks.
    await page.click(tid('nav-posts'));
    await eventually(() => new URL(page.url()).pathname === '/posts', 'the post list');
    await hasCount(page.locator(tid('confirm-dialog')), 0);
  });

  test('a new note survives a reload and is offered back', async () => {
    await page.goto(`${server.baseUrl}/posts/new`);
    await page.fill(tid('editor-title'), '写了一半的新笔记');
    await page.fill(tid('editor-body'), '还没保存的正文 #草稿 ');
    await eventually(async () => (await draftIn('new')) !== null, 'the draft kept on this device');

    page.once('dialog', (d) => void d.accept()); // the browser's own beforeunload question
    await page.reload();
    await page.locator(tid('draft-restore')).waitFor();
    assert.equal(await page.inputValue(tid('editor-title')), '');
    await page.click(tid('draft-restore-ok'));
    assert.equal(await page.inputValue(tid('editor-title')), '写了一半的新笔记');
    assert.equal(await page.inputValue(tid('editor-body')), '还没保存的正文 #草稿 ');

    // Discarding instead forgets it.
    await page.fill(tid('editor-title'), '另一个标题');
    await eventually(async () => JSON.parse((await draftIn('new')) ?? '{}').draft?.title === '另一个标题', 'the newer draft kept');
    page.once('dialog', (d) => void d.accept());
    await page.reload();
    await page.locator(tid('draft-restore')).waitFor();
    await page.click(tid('draft-restore-discard'));
    await hasCount(page.locator(tid('draft-restore')), 0);
    assert.equal(await draftIn('new'), null);
  });
});
