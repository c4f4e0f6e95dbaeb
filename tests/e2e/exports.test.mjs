/**
 * Exports from the console (issue 20 items 4 and 6): an operator clicks 导出
 * on a note's links page and gets a CSV that Excel reads as UTF-8 (the BOM,
 * Chinese headers, the link's counts), Excel from the statistics page with
 * its date range, and the audit log as an admin; each file is saved under
 * the Chinese name the server gives.
 */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, describe, test } from 'node:test';
import { IMAGE_HOST, launch, newContext } from './lib/browser.mjs';
import { tid } from './lib/expect.mjs';
import { ensureBuilt, startServer } from './lib/server.mjs';

/** Clicks 导出 `id` and picks `item` (Excel or CSV); returns the saved file's name and bytes. */
async function exportFrom(page, id, item) {
  await page.click(tid(id));
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.locator('.el-dropdown-menu__item:visible', { hasText: item }).first().click(),
  ]);
  const path = await download.path();
  return { name: download.suggestedFilename(), bytes: await readFile(path) };
}

describe('exports in the console', () => {
  let server, browser, context, page, postId;

  before(async () => {
    ensureBuilt();
    server = await startServer();
    const token = await server.login();
    const post = await server.api('/api/posts', {
      method: 'POST',
      token,
      body: { type: 'normal', title: '冬日咖啡', content: '拿铁 #咖啡 ', image_urls: [`${IMAGE_HOST}/a.jpg`] },
    });
    assert.equal(post.status, 201, JSON.stringify(post.body));
    postId = post.body.id;
    const link = await server.api(`/api/posts/${postId}/links`, { method: 'POST', token, body: { label: '三班' } });
    assert.equal(link.status, 201, JSON.stringify(link.body));
    const opened = await server.api(`/api/share/${link.body.token}/events`, { method: 'POST', body: { kind: 'opened' } });
    assert.ok(opened.status < 300, JSON.stringify(opened.body));
    browser = await launch();
    ({ context } = await newContext(browser, server.baseUrl, { token, viewport: { width: 1280, height: 900 } }));
    page = await context.newPage();
  });

  after(async () => {
    await context?.close().catch(() => undefined);
    await browser?.close();
    await server?.stop();
  });

  test('导出 CSV on the links page saves a UTF-8 file with a BOM, Chinese headers and the counts', async () => {
    await page.goto(`${server.baseUrl}/posts/${postId}/links`);
    const { name, bytes } = await exportFrom(page, 'links-export', 'CSV');
    assert.match(name, /^冬日咖啡-链接-\d{8}\.csv$/);
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    const [head, row] = bytes.subarray(3).toString('utf8').split('\r\n');
    assert.ok(head.startsWith('编号,标签,账号,变体,状态,分享链接'), head);
    const cells = row.split(',');
    assert.equal(cells[1], '三班');
    assert.equal(cells[8], '1', `one open: ${row}`);
  });

  test('导出 Excel on the statistics page saves a workbook for the chosen days', async () => {
    await page.goto(`${server.baseUrl}/posts/${postId}/stats`);
    await page.locator(tid('stats-export-bar')).waitFor();
    const { name, bytes } = await exportFrom(page, 'stats-export', 'Excel');
    assert.match(name, /^冬日咖啡-统计-\d{4}-\d{2}-\d{2}至\d{4}-\d{2}-\d{2}\.xlsx$/);
    assert.equal(bytes.subarray(0, 2).toString('latin1'), 'PK', 'an .xlsx is a zip');
  });

  test('an admin exports the audit log with the filter bar', async () => {
    await page.goto(`${server.baseUrl}/audit`);
    const { name, bytes } = await exportFrom(page, 'audit-export', 'CSV');
    assert.match(name, /^审计日志-\d{8}\.csv$/);
    const text = bytes.subarray(3).toString('utf8');
    assert.ok(text.startsWith('编号,时间,操作者'), text.slice(0, 80));
    assert.ok(text.includes(',admin,user,login,'), text.slice(0, 400));
  });
});
