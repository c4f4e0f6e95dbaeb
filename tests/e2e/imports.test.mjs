/**
 * Importing a roster from the console (issue 20): a teacher opens 导入 on
 * the accounts list, picks a CSV of a class, sees the duplicate row marked
 * in its cell, imports only the valid rows, and finds the students in the
 * list.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { launch, newContext } from './lib/browser.mjs';
import { hasCount, hasText, tid } from './lib/expect.mjs';
import { ensureBuilt, startServer } from './lib/server.mjs';

const ROSTER = '\ufeff名称,类型,分组,小红书号\n张三,学生,三年级二班,\n李四,学生,三年级二班,9527001\n张三,学生,三年级二班,\n';
const IMG = 'https://cdn.example.com/a.jpg';
const NOTES = `\ufeff标题,正文,图片,变体,分组\n春游,正文,${IMG},,三年级二班\n,另一种正文,,B,\n`;

describe('importing a roster', () => {
  let server, browser, context, page;

  before(async () => {
    ensureBuilt();
    server = await startServer();
    const token = await server.login();
    browser = await launch();
    ({ context } = await newContext(browser, server.baseUrl, { token, viewport: { width: 1280, height: 900 } }));
    page = await context.newPage();
  });

  after(async () => {
    await context?.close().catch(() => undefined);
    await browser?.close();
    await server?.stop();
  });

  test('the dry run marks the repeated row, and a commit of the valid rows lists the students', async () => {
    await page.goto(`${server.baseUrl}/accounts`);
    await page.click(tid('accounts-import'));
    await page.locator(tid('import-dialog')).waitFor();
    await page.setInputFiles(tid('import-file'), { name: '三年级二班.csv', mimeType: 'text/csv', buffer: Buffer.from(ROSTER) });
    await hasCount(page.locator(tid('import-row')), 3);
    const marked = page.locator(`${tid('import-row')}[data-row="4"] ${tid('import-cell-problem')}`);
    await hasCount(marked, 1);
    assert.equal(await marked.getAttribute('data-column'), 'name');
    await page.click('[data-testid="import-mode"] label:has-text("只导入没有问题的行")');
    await hasText(page.locator(tid('import-commit')), '2');
    await page.click(tid('import-commit'));
    await hasCount(page.locator(tid('account-row')), 2);
    await hasText(page.locator(tid('account-items')), '李四');
    // The 小红书号 of the roster is shown in the list.
    await hasText(page.locator(tid('account-row-xhs-id')).filter({ hasText: '9527001' }), '9527001');
  });

  test('a notes file with a variant row and a 分组 column: the variant is marked, the column named once', async () => {
    await page.goto(`${server.baseUrl}/posts`);
    await page.click(tid('list-import'));
    await page.locator(tid('import-dialog')).waitFor();
    await page.setInputFiles(tid('import-file'), { name: '春游.csv', mimeType: 'text/csv', buffer: Buffer.from(NOTES) });
    await hasCount(page.locator(tid('import-row')), 2);
    await hasText(page.locator(`${tid('import-row')}[data-row="3"] ${tid('import-variant-of')}`), '第 2 行笔记的变体');
    await hasCount(page.locator(tid('import-warning')), 1);
    await hasText(page.locator(tid('import-warning')), '「分组」列不会保存到笔记');
    await hasText(page.locator(tid('import-commit')), '2');
    await page.click(tid('import-commit'));
    await hasText(page.locator(tid('toast')), '已导入 2 行');
  });
});
