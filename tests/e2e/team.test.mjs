/**
 * Teams (issue 12) against the real server with approval on: an admin invites
 * an operator and a reviewer (each password shown once); the operator writes a
 * note and submits it, links waiting until it is approved; the reviewer
 * approves it; then the operator makes a link. An integrator's token does the
 * same through the API. A viewer sees no write button. The history shows the
 * versions, a diff and a restore; the audit page tells the story of the note.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { IMAGE_HOST, launch, newContext, shot } from './lib/browser.mjs';
import { choose, eventually, hasCount, hasText, saveInEditor, tid } from './lib/expect.mjs';
import { ensureBuilt, startServer } from './lib/server.mjs';

const TITLE = '秋季新品上架';
const BODY1 = '第一行：新品到店\n第二行：限时九折 #新品';
const BODY2 = '第一行：新品到店\n第二行：限时八折 #新品\n第三行：欢迎来店';
const VIEWER = { username: 'kankan', password: 'viewer-Pa55word!' };

describe('teams: roles, approval, links, history and the audit log', () => {
  let server, browser, adminToken, postId;
  /** Generated passwords, read from the once-shown dialog. */
  const passwords = {};

  before(async () => {
    ensureBuilt();
    server = await startServer({ env: { XHSPUB__WORKFLOW__APPROVAL: 'true' } });
    adminToken = await server.login();
    browser = await launch();
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  /** A page of the console signed in with `token`, opened at `path`. */
  async function open(token, path) {
    const { context } = await newContext(browser, server.baseUrl, { token, viewport: { width: 1366, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${server.baseUrl}${path}`);
    return { context, page };
  }

  async function tokenOf(username, password = passwords[username]) {
    const r = await server.api('/api/auth/login', { method: 'POST', body: { username, password } });
    assert.equal(r.status, 200, `${username} signs in: ${JSON.stringify(r.body)}`);
    return r.body.token;
  }

  const status = (page) => page.locator(tid('review-status')).getAttribute('data-status');

  test('an admin invites an operator and a reviewer, and sees each generated password once', async () => {
    const { context, page } = await open(adminToken, '/users');
    await page.locator(tid('users-view')).waitFor();
    for (const [name, role] of [
      ['yunying', '运营'],
      ['shenhe', '审核员'],
    ]) {
      await page.click(tid('user-invite'));
      await page.fill(tid('user-invite-username'), name);
      await choose(page, 'user-invite-role', role);
      await page.click(tid('user-invite-submit'));
      const secret = page.locator(tid('once-secret-value'));
      await secret.waitFor();
      passwords[name] = ((await secret.textContent()) ?? '').trim();
      assert.ok(passwords[name].length >= 12, `a generated password for ${name}`);
      await hasText(page.locator(tid('once-secret-warning')), '无法再次查看');
      await page.click(tid('once-secret-done'));
      await hasCount(page.locator(tid('once-secret')), 0);
      const row = page.locator(`${tid('user-row')}[data-username="${name}"]`);
      await hasCount(row, 1);
      assert.equal(await row.getAttribute('data-role'), name === 'yunying' ? 'operator' : 'reviewer');
    }
    assert.equal(await page.locator('body').textContent().then((s) => s?.includes(passwords.shenhe)), false, 'the password is gone');
    const viewer = await server.api('/api/users', { method: 'POST', token: adminToken, body: { ...VIEWER, role: 'viewer' } });
    assert.equal(viewer.status, 201, JSON.stringify(viewer.body));
    assert.equal(viewer.body.password, null, 'no password is generated when one was given');
    await shot(page, 'team-users');
    await context.close();
  });

  test('the operator writes a note and submits it; links wait for the approval', async () => {
    const { context, page } = await open(await tokenOf('yunying'), '/posts/new');
    await page.locator(tid('editor')).waitFor();
    await page.fill(tid('editor-title'), TITLE);
    await page.fill(tid('editor-body'), BODY1);
    await page.fill(tid('image-url-input'), `${IMAGE_HOST}/team.jpg`);
    await page.click(tid('image-add'));
    const res = await saveInEditor(page);
    assert.equal(res.status(), 201);
    postId = (await res.json()).id;
    await page.waitForURL(new RegExp(`/posts/${postId}/edit$`));
    await eventually(async () => (await status(page)) === 'draft', 'a new note is a draft');

    await page.click(tid('tab-links'));
    await page.locator(tid('links-not-approved')).waitFor();
    assert.equal(await page.locator(tid('link-create')).isDisabled(), true, 'no link before the approval');

    await page.click(tid('tab-edit'));
    await page.locator(tid('review-submit')).click();
    await eventually(async () => (await status(page)) === 'in_review', 'the note in review');
    // An operator may not approve: the button is disabled and names the role it needs.
    assert.equal(await page.locator(tid('review-approve')).isDisabled(), true);
    const tip = page.locator(`${tid('role-tip')}:has(${tid('review-approve')})`);
    assert.equal(await tip.getAttribute('data-required-role'), 'reviewer');
    await tip.hover();
    await hasText(page.locator('.el-popper:visible').last(), '需要「审核员」及以上角色');
    await shot(page, 'team-in-review');
    await context.close();
  });

  test('the reviewer finds the note in the review queue and approves it', async () => {
    const { context, page } = await open(await tokenOf('shenhe'), '/');
    await page.click(tid('nav-review'));
    const row = page.locator(`${tid('review-row')}[data-post-id="${postId}"]`);
    await row.waitFor();
    await row.locator(tid('review-approve')).click();
    await hasCount(row, 0);
    await page.locator(tid('review-empty')).waitFor();
    await page.goto(`${server.baseUrl}/posts/${postId}/edit`);
    await eventually(async () => (await status(page)) === 'approved', 'the note approved');
    await hasText(page.locator(tid('review-approved-by')), 'shenhe');
    await context.close();
  });

  test('once approved, the operator makes a link', async () => {
    const { context, page } = await open(await tokenOf('yunying'), `/posts/${postId}/links`);
    await page.locator(tid('link-form')).waitFor();
    await eventually(async () => !(await page.locator(tid('link-create')).isDisabled()), 'the link button enabled');
    assert.equal(await page.locator(tid('links-not-approved')).count(), 0);
    await page.click(tid('link-create'));
    await hasCount(page.locator(tid('link-row')), 1);
    await context.close();
  });

  test("an integrator's token does the same through the API, and is refused once revoked", async () => {
    const { context, page } = await open(adminToken, '/tokens');
    await page.click(tid('token-create'));
    await page.fill(tid('token-name'), 'ERP');
    await choose(page, 'token-role', '运营');
    await page.click(tid('token-create-submit'));
    const secretEl = page.locator(tid('once-secret-value'));
    await secretEl.waitFor();
    const secret = ((await secretEl.textContent()) ?? '').trim();
    assert.match(secret, /^xhp_/);
    await page.click(tid('once-secret-done'));
    const row = page.locator(tid('token-row')).filter({ hasText: 'ERP' });
    await hasCount(row, 1);
    assert.equal(await row.getAttribute('data-status'), 'active');

    const note = { type: 'normal', title: '接口笔记', content: '来自 ERP', image_urls: [`${IMAGE_HOST}/erp.jpg`] };
    const made = await server.api('/api/posts', { method: 'POST', token: secret, body: note });
    assert.equal(made.status, 201, JSON.stringify(made.body));
    const id = made.body.id;
    const early = await server.api(`/api/posts/${id}/links`, { method: 'POST', token: secret, body: {} });
    assert.equal(early.status, 409);
    assert.equal(early.body.code, 'post_not_approved');
    assert.equal((await server.api(`/api/posts/${id}/submit`, { method: 'POST', token: secret })).status, 200);
    const reviewer = await tokenOf('shenhe');
    assert.equal((await server.api(`/api/posts/${id}/approve`, { method: 'POST', token: reviewer, body: {} })).status, 200);
    assert.equal((await server.api(`/api/posts/${id}/links`, { method: 'POST', token: secret, body: {} })).status, 201);

    await row.locator(tid('token-revoke')).click();
    await page.click(tid('confirm-ok'));
    await eventually(async () => (await row.getAttribute('data-status')) === 'revoked', 'the token revoked');
    assert.equal((await server.api('/api/posts', { token: secret })).status, 401);
    await context.close();
  });

  test('a viewer sees no write button, and no admin page', async () => {
    const { context, page } = await open(await tokenOf(VIEWER.username, VIEWER.password), '/posts');
    await page.locator(tid('post-row')).first().waitFor();
    assert.equal(await page.locator(tid('list-new')).count(), 0);
    assert.equal(await page.locator(tid('nav-new')).count(), 0);
    for (const id of ['nav-users', 'nav-tokens', 'nav-audit', 'nav-review']) assert.equal(await page.locator(tid(id)).count(), 0, id);
    assert.equal(await page.locator(tid('post-delete')).first().isDisabled(), true);
    await page.locator(`${tid('role-tip')}:has(${tid('post-delete')})`).first().hover();
    await hasText(page.locator('.el-popper:visible').last(), '需要「运营」及以上角色');

    await page.goto(`${server.baseUrl}/posts/${postId}/edit`);
    await page.locator(tid('review-status')).waitFor();
    assert.equal(await page.locator(tid('editor-save')).isDisabled(), true);
    await page.goto(`${server.baseUrl}/posts/${postId}/links`);
    await page.locator(tid('link-row')).first().waitFor();
    assert.equal(await page.locator(tid('link-create')).isDisabled(), true);
    assert.equal(await page.locator(tid('link-revoke')).first().isDisabled(), true);
    await page.goto(`${server.baseUrl}/media`);
    await page.locator(tid('media-view')).waitFor();
    assert.equal(await page.locator(tid('upload-input')).count(), 0);
    assert.equal(await page.locator(tid('upload-disabled')).isDisabled(), true);
    await page.goto(`${server.baseUrl}/accounts`);
    await page.locator(tid('accounts-view')).waitFor();
    assert.equal(await page.locator(tid('account-form')).count(), 0);

    await page.goto(`${server.baseUrl}/users`);
    await page.waitForURL(`${server.baseUrl}/`);
    assert.equal(await page.locator(tid('users-view')).count(), 0);
    await shot(page, 'team-viewer');
    await context.close();
  });

  test('the history shows the versions, a diff of two, and restores one', async () => {
    const { context, page } = await open(await tokenOf('yunying'), `/posts/${postId}/edit`);
    await eventually(async () => (await status(page)) === 'approved', 'the approved note');
    await page.fill(tid('editor-body'), BODY2);
    assert.equal((await saveInEditor(page)).status(), 200);
    await eventually(async () => (await status(page)) === 'draft', 'an edited approved note is a draft again');

    await page.click(tid('history-open'));
    const rows = page.locator(tid('history-row'));
    await hasCount(rows, 2);
    const [newer, older] = await rows.evaluateAll((rs) => rs.map((r) => Number(r.getAttribute('data-version'))));
    assert.ok(newer > older, 'newest first');
    await page.locator(tid('history-pick')).nth(0).click();
    await page.locator(tid('history-pick')).nth(1).click();
    await page.click(tid('history-compare'));
    const content = page.locator(`${tid('diff-field')}[data-field="content"]`);
    await content.waitFor();
    assert.ok((await content.locator(`${tid('diff-line')}[data-op="insert"]`).count()) >= 1);
    assert.ok((await content.locator(`${tid('diff-line')}[data-op="delete"]`).count()) >= 1);
    await hasText(content.locator(`${tid('diff-line')}[data-op="delete"]`).first(), '九折');
    await shot(page, 'team-diff');

    await page.click(tid('history-back'));
    await page.locator(`${tid('history-row')}[data-version="${older}"] ${tid('history-restore')}`).click();
    await page.click(tid('confirm-ok'));
    await eventually(async () => (await page.locator(tid('editor-body')).inputValue()) === BODY1, 'the restored text in the editor');
    await eventually(async () => (await status(page)) === 'draft', 'a restored note is a draft');
    await page.click(tid('history-open'));
    await hasCount(page.locator(tid('history-row')), 3);
    await hasText(page.locator(tid('history-row')).first().locator(tid('history-note')), String(older));
    await context.close();
  });

  test('the audit page tells the story of the note, filtered by target', async () => {
    const { context, page } = await open(adminToken, `/audit?target_type=post&target_id=${postId}`);
    await page.locator(tid('audit-row')).first().waitFor();
    const story = await page
      .locator(tid('audit-row'))
      .evaluateAll((rs) => rs.map((r) => `${r.getAttribute('data-action')}:${r.getAttribute('data-actor')}`).reverse());
    assert.deepEqual(story, [
      'create:yunying',
      'submit:yunying',
      'approve:shenhe',
      'link:yunying',
      'update:yunying',
      'restore:yunying',
    ]);
    assert.equal(await page.locator(tid('audit-target-link')).first().getAttribute('href'), `/posts/${postId}/edit`);
    await hasText(page.locator(tid('audit-action-label')).first(), '恢复版本');
    await shot(page, 'team-audit');

    await page.fill(tid('audit-actor'), 'shenhe');
    await page.click(tid('audit-search'));
    await eventually(async () => (await page.locator(tid('audit-row')).count()) === 1, 'only the reviewer’s entry');
    assert.equal(await page.locator(tid('audit-row')).getAttribute('data-action'), 'approve');
    assert.match(page.url(), /actor=shenhe/);
    await context.close();
  });
});
