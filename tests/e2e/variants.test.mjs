/**
 * Issue 19 items 1, 2 and 5, issue 21 item 9 in the browser: a note's
 * variants as tabs in the editor, the searchable multi-account picker
 * (cleared after use), the note's people table with its reminders (催办,
 * cards at 390 px), and 复制笔记.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { assertAccessible } from './lib/axe.mjs';
import { IMAGE_HOST, launch, newContext, PHONE } from './lib/browser.mjs';
import { eventually, hasCount, hasText, tid } from './lib/expect.mjs';
import { ensureBuilt, startServer } from './lib/server.mjs';

const POST = {
  type: 'normal',
  title: '三班的春游笔记',
  content: '今天去春游啦 #春游 #三班 ',
  image_urls: [`${IMAGE_HOST}/v1.jpg`, `${IMAGE_HOST}/v2.jpg`],
};

describe('variants, account pickers, the people of a note, copying a note', () => {
  let server, browser, context, page, token, post;

  before(async () => {
    ensureBuilt();
    server = await startServer();
    token = await server.login();
    const r = await server.api('/api/posts', { method: 'POST', token, body: POST });
    assert.equal(r.status, 201, JSON.stringify(r.body));
    post = r.body;
    browser = await launch();
    ({ context } = await newContext(browser, server.baseUrl, { token, viewport: { width: 1280, height: 900 } }));
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.baseUrl });
    page = await context.newPage();
  });

  after(async () => {
    await context?.close().catch(() => undefined);
    await browser?.close();
    await server?.stop();
  });

  test('a variant is a tab beside the note: checked like the note, saved, guarded', async () => {
    await page.goto(`${server.baseUrl}/posts/${post.id}/edit`);
    await eventually(async () => (await page.inputValue(tid('editor-title'))) === POST.title, 'the loaded note');
    await page.click(tid('variant-tab-new'));
    await page.locator(tid('variant-form')).waitFor();
    // Empty fields fall back: the note's title is the placeholder.
    assert.equal(await page.getAttribute(tid('variant-title'), 'placeholder'), POST.title);
    await page.fill(tid('variant-label'), '品牌号');
    await page.fill(tid('variant-title'), '这是一个远远超过二十个字符限制的小红书笔记标题');
    await page.click(tid('variant-save'));
    await page.locator(`${tid('field-error-title')} [data-rule="max_chars"]`).waitFor();

    await page.fill(tid('variant-title'), '品牌号的春游笔记');
    await page.click(tid('variant-save'));
    await hasCount(page.locator(tid('variant-tab')), 1);
    await hasText(page.locator(tid('variant-tab')), '品牌号');
    const stored = (await server.api(`/api/posts/${post.id}/variants`, { token })).body;
    assert.deepEqual(
      stored.items.map((v) => [v.label, v.title, v.content]),
      [['品牌号', '品牌号的春游笔记', null]],
    );
    await eventually(async () => Number(await page.getAttribute(tid('editor'), 'data-version')) === stored.post_version, 'the note version moved on');
    // Axe reads the page as it is (the saved toast may still be on it).
    await assertAccessible(page, 'editor with a variant open');

    // Unsaved changes in a variant ask before another tab opens.
    await page.fill(tid('variant-body'), '品牌号专用的正文 #春游 ');
    await page.click(tid('variant-tab-note'));
    await page.locator(tid('confirm-dialog')).waitFor();
    await page.click(tid('confirm-cancel'));
    assert.equal(await page.inputValue(tid('variant-body')), '品牌号专用的正文 #春游 ');
    await page.click(tid('variant-save'));
    await eventually(async () => (await page.locator(tid('editor-dirty')).count()) === 0, 'saved');
    await page.click(tid('variant-tab-note'));
    await page.locator(tid('editor-title')).waitFor();

    // The note still saves (its version followed the variant's saves).
    await page.fill(tid('editor-title'), '三班的春游笔记！');
    const [res] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith(`/api/posts/${post.id}`) && r.request().method() === 'PUT'),
      page.click(tid('editor-save')),
    ]);
    assert.equal(res.status(), 200);
  });

  test('复制笔记 opens a new draft with copies of the variants, deleted on their own', async () => {
    await page.click(tid('post-duplicate'));
    await eventually(() => !page.url().includes(`/posts/${post.id}/`), 'the copy opened');
    const copyId = Number(new URL(page.url()).pathname.split('/')[2]);
    assert.notEqual(copyId, post.id);
    await hasText(page.locator(tid('variant-tab')), '品牌号');
    await eventually(async () => (await page.inputValue(tid('editor-title'))) === '三班的春游笔记！', 'the copied title');

    // Deleting the copy's variant leaves the original's.
    await page.click(tid('variant-tab'));
    await page.click(tid('variant-delete'));
    await page.click(tid('confirm-ok'));
    await hasCount(page.locator(tid('variant-tab')), 0);
    assert.equal((await server.api(`/api/posts/${copyId}/variants`, { token })).body.items.length, 0);
    assert.equal((await server.api(`/api/posts/${post.id}/variants`, { token })).body.items.length, 1);
  });

  test('the images are picture cards: dragged into order, one marked as cover', async () => {
    await page.goto(`${server.baseUrl}/posts/${post.id}/edit`);
    const urls = page.locator(tid('image-url'));
    await hasCount(page.locator(tid('image-item')), 2);
    assert.deepEqual(await urls.allTextContents(), POST.image_urls);
    await page.locator(tid('image-item')).nth(1).dragTo(page.locator(tid('image-item')).nth(0));
    await eventually(async () => (await urls.allTextContents())[0] === POST.image_urls[1], 'the dragged order');
    assert.deepEqual(await urls.allTextContents(), [...POST.image_urls].reverse());
    // The keyboard way: the → button moves it back.
    await page.locator(tid('image-down')).first().click();
    await page.locator(tid('image-set-cover')).first().click();
    await hasText(page.locator(`${tid('image-item')}:first-child ${tid('image-cover-badge')}`), '封面');
    assert.deepEqual(await urls.allTextContents(), [POST.image_urls[1], POST.image_urls[0]]);
    const [res] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith(`/api/posts/${post.id}`) && r.request().method() === 'PUT'),
      page.click(tid('editor-save')),
    ]);
    assert.equal(res.status(), 200);
    const saved = (await server.api(`/api/posts/${post.id}`, { token })).body;
    assert.equal(saved.cover_url, POST.image_urls[1]);
    assert.deepEqual(saved.image_urls, [POST.image_urls[1], POST.image_urls[0]]);
  });

  test('the account picker searches 46 accounts, two picks make two links, and it is empty afterwards', async () => {
    for (let i = 1; i <= 46; i++) {
      const name = i === 7 ? '王小明' : i === 8 ? '王小红' : `同学${String(i).padStart(2, '0')}`;
      const r = await server.api('/api/accounts', { method: 'POST', token, body: { name, kind: 'student' } });
      assert.equal(r.status, 201);
    }
    await page.goto(`${server.baseUrl}/posts/${post.id}/links`);
    await page.locator(tid('links-view')).waitFor();
    await page.click(tid('link-account'));
    await hasCount(page.locator('.el-select-dropdown__item:visible'), 46);
    await page.locator(`${tid('link-account')} input`).fill('王小');
    await hasCount(page.locator('.el-select-dropdown__item:visible'), 2);
    await page.locator('.el-select-dropdown__item:visible').filter({ hasText: '王小明' }).click();
    await page.locator(`${tid('link-account')} input`).fill('王小红');
    // The search narrows to 王小红 (the account picked already stays listed, marked).
    await eventually(async () => {
      const names = await page.locator('.el-select-dropdown__item:visible').allTextContents();
      return names.length > 0 && names.length <= 2 && names.some((n) => n.includes('王小红')) && names.every((n) => n.includes('王小'));
    }, 'the search for 王小红');
    await page.locator('.el-select-dropdown__item:visible').filter({ hasText: '王小红' }).click();
    await page.keyboard.press('Escape');
    await page.click(tid('link-create'));
    await eventually(async () => (await server.api(`/api/posts/${post.id}/links`, { token })).body.length === 2, 'two links');
    const links = (await server.api(`/api/posts/${post.id}/links`, { token })).body;
    assert.deepEqual(links.map((l) => l.account_name).sort(), ['王小明', '王小红']);
    await hasCount(page.locator(`${tid('link-account')} .el-tag`), 0);
  });

  test('the people of the note, the unfinished filter and the reminders; cards at 390 px', async () => {
    const links = (await server.api(`/api/posts/${post.id}/links`, { token })).body;
    const ming = links.find((l) => l.account_name === '王小明');
    const r = await server.api(`/api/share/${ming.token}/confirm`, {
      method: 'POST',
      body: { note_url: 'https://www.xiaohongshu.com/explore/64a1b2c3d4e5f6a7b8c9d0e1' },
    });
    assert.ok(r.status < 300, JSON.stringify(r.body));

    await page.click(tid('tab-people'));
    await page.locator(tid('people-view')).waitFor();
    await hasCount(page.locator(tid('people-row')), 2);
    await hasCount(page.locator(`${tid('people-row')}[data-status="published"]`), 1);
    await hasCount(page.locator(tid('reminder')), 1);
    await hasText(page.locator(tid('reminder')), '王小红，你好！');
    await page.check(tid('people-unfinished'));
    await hasCount(page.locator(tid('people-row')), 1);
    await hasText(page.locator(tid('people-row')), '王小红');
    await page.click(tid('reminders-copy-all'));
    // Axe reads the page with the success toast on it and the clicked
    // primary button hovered and focused (the theme's colours for both).
    await hasCount(page.locator(tid('toast')), 1);
    await page.hover(tid('reminders-copy-all'));
    await assertAccessible(page, 'people of a note');
    await eventually(async () => (await page.evaluate(() => navigator.clipboard.readText())).includes('1. 王小红：'), 'the reminders on the clipboard');

    const phone = await newContext(browser, server.baseUrl, { token, ...PHONE });
    const small = await phone.context.newPage();
    await small.goto(`${server.baseUrl}/posts/${post.id}/people`);
    await hasCount(small.locator(tid('people-card')), 2);
    assert.equal(await small.locator(tid('people-table')).count(), 0);
    await assertAccessible(small, 'people of a note at 390 px');
    await phone.context.close();
  });
});
