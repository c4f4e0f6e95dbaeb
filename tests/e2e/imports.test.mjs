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

const ROSTER = '\ufeff名称,类型,分组\n张三,学生,三年级二班\n李四,学生,三年级二班\n张三,学生,三年级二班\n';

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
  });
});
