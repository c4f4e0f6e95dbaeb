/**
 * 打印二维码 (issue 20 item 6): on a launched campaign's page and on a note's
 * links page, an operator picks the cards per page and clicks; the browser
 * downloads one PDF (fetched through the typed client as a blob).
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { IMAGE_HOST, launch, newContext, shot } from './lib/browser.mjs';
import { tid } from './lib/expect.mjs';
import { ensureBuilt, startServer } from './lib/server.mjs';

const POST = {
  type: 'normal',
  title: '三班的春游笔记',
  content: '今天去春游啦 #春游',
  image_urls: [`${IMAGE_HOST}/s1.jpg`, `${IMAGE_HOST}/s2.jpg`],
};
const PEOPLE = ['三班 王同学', '三班 李同学', '三班 张同学'];

/** The downloaded file's bytes. */
async function bytesOf(download) {
  const chunks = await (await download.createReadStream()).toArray();
  return Buffer.concat(chunks);
}

describe('QR sheets in the console', () => {
  let server, browser, context, page, token, post, campaign;

  const api = async (path, body) => {
    const r = await server.api(path, { method: 'POST', token, body });
    assert.ok(r.status < 300, `${path}: ${r.status} ${JSON.stringify(r.body)}`);
    return r.body;
  };

  before(async () => {
    ensureBuilt();
    server = await startServer();
    token = await server.login();
    post = await api('/api/posts', POST);
    const ids = [];
    for (const name of PEOPLE) ids.push((await api('/api/accounts', { name, kind: 'student' })).id);
    const group = await api('/api/groups', { name: '三班' });
    await api(`/api/groups/${group.id}/members`, { account_ids: ids });
    for (const account_id of ids) await api(`/api/posts/${post.id}/links`, { account_id });
    const day = 24 * 3600_000;
    const start = new Date(Math.ceil(Date.now() / day) * day + day);
    campaign = await api('/api/campaigns', {
      name: '春游打卡',
      post_ids: [post.id],
      audience: { account_ids: [], group_ids: [group.id] },
      schedule: {
        start_at: start.toISOString(),
        end_at: new Date(start.getTime() + 3 * day).toISOString(),
        daily_window: { from: '09:00', to: '22:00' },
      },
    });
    await api(`/api/campaigns/${campaign.id}/plan`, {});
    await api(`/api/campaigns/${campaign.id}/launch`, {});
    browser = await launch();
    ({ context } = await newContext(browser, server.baseUrl, { token, viewport: { width: 1280, height: 900 }, acceptDownloads: true }));
    page = await context.newPage();
  });

  after(async () => {
    await context?.close().catch(() => undefined);
    await browser?.close();
    await server?.stop();
  });

  test("a launched campaign's page prints every person's QR code as one PDF", async () => {
    await page.goto(`${server.baseUrl}/campaigns/${campaign.id}`);
    await page.locator(tid('qr-sheet-per-page')).click();
    await page.locator('.el-select-dropdown__item:visible').filter({ hasText: '每页 6 张' }).first().click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.click(tid('qr-sheet-print'))]);
    assert.match(download.suggestedFilename(), /\.pdf$/);
    const pdf = await bytesOf(download);
    assert.equal(pdf.subarray(0, 4).toString('latin1'), '%PDF');
    await shot(page, 'console-qr-sheet-campaign');
  });

  test("the links page prints the selected links' QR codes", async () => {
    await page.goto(`${server.baseUrl}/posts/${post.id}/links`);
    await page.locator(`${tid('links-bulk-bar')}`).waitFor();
    await page.locator(tid('link-select')).first().click();
    await page.locator(tid('qr-sheet-print')).filter({ hasText: '（1）' }).waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.click(tid('qr-sheet-print'))]);
    const pdf = await bytesOf(download);
    assert.equal(pdf.subarray(0, 4).toString('latin1'), '%PDF');
  });
});
