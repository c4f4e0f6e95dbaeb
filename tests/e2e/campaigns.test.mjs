/**
 * Campaigns in the console (issue 19 item 6): an operator makes a campaign of
 * two notes for a group of accounts over two days in the form, sees an
 * infeasible window refused account by account, plans it, previews it on the
 * calendar and the matrix, launches it, sees the assignment table, drags one
 * assignment to another allowed time (stored on the server) and copies the
 * reminders; each account's progress card and each row's text version
 * show; a link held by a paused campaign says so on the phone; the pages
 * work at 390 px and pass axe.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { IMAGE_HOST, launch, newContext, PHONE, shot } from './lib/browser.mjs';
import { assertAccessible } from './lib/axe.mjs';
import { eventually, hasCount, hasText, tid } from './lib/expect.mjs';
import { ensureBuilt, startServer } from './lib/server.mjs';

const ZONE = 'Asia/Shanghai';
// The page's own content (a toast of the shared shell may be fading out).
const MAIN = 'main';
const PEOPLE = ['三班 王同学', '三班 李同学', '三班 张同学', '三班 赵同学'];
const NOTES = ['秋季新品试用', '周末探店合集'];
const VARIANT = 'B版';

/** Next Monday (at least a day ahead) in Shanghai (UTC+8, no summer time), as YYYY-MM-DD, and the Tuesday after. */
function nextMonday() {
  const sh = new Date(Date.now() + 8 * 3600_000);
  const ahead = (8 - sh.getUTCDay()) % 7 || 7;
  const day = (n) => new Date(Date.UTC(sh.getUTCFullYear(), sh.getUTCMonth(), sh.getUTCDate() + ahead + n)).toISOString().slice(0, 10);
  return [day(0), day(1)];
}

/** Types into an el-input, whether the test id sits on the input or on its wrapper. */
const input = (page, id) => page.locator(`input${tid(id)}, ${tid(id)} input`).first();

/** Picks `label` in the (multiple) el-select `id` and closes its list. */
async function pick(page, id, label) {
  await page.click(tid(id));
  await page.locator('.el-select-dropdown__item:visible').filter({ hasText: label }).first().click();
  await page.keyboard.press('Escape');
}

describe('campaigns in the console', () => {
  let server, browser, context, page, token, campaignId;
  const [monday, tuesday] = nextMonday();

  before(async () => {
    ensureBuilt();
    server = await startServer();
    token = await server.login();
    for (const title of NOTES) {
      const r = await server.api('/api/posts', {
        method: 'POST',
        token,
        body: { type: 'normal', title, content: `${title} #好物分享 `, image_urls: [`${IMAGE_HOST}/${title}.jpg`] },
      });
      assert.equal(r.status, 201, JSON.stringify(r.body));
      if (title === NOTES[0]) {
        const v = await server.api(`/api/posts/${r.body.id}/variants`, { method: 'POST', token, body: { label: VARIANT, title: `${title}（B）` } });
        assert.equal(v.status, 201, JSON.stringify(v.body));
      }
    }
    const ids = [];
    for (const name of PEOPLE) {
      const r = await server.api('/api/accounts', { method: 'POST', token, body: { name, kind: 'student' } });
      assert.equal(r.status, 201, JSON.stringify(r.body));
      ids.push(r.body.id);
    }
    const g = await server.api('/api/groups', { method: 'POST', token, body: { name: '三班' } });
    assert.equal(g.status, 201, JSON.stringify(g.body));
    const m = await server.api(`/api/groups/${g.body.id}/members`, { method: 'POST', token, body: { account_ids: ids } });
    assert.equal(m.status, 200, JSON.stringify(m.body));
    browser = await launch();
    ({ context } = await newContext(browser, server.baseUrl, { token, timezoneId: ZONE, viewport: { width: 1366, height: 900 } }));
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.baseUrl });
    page = await context.newPage();
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  test('the form refuses a window too short account by account, then plans two days', async () => {
    await page.goto(`${server.baseUrl}/`);
    await page.click(tid('nav-campaigns'));
    await page.locator(tid('campaigns-empty')).waitFor();
    await assertAccessible(page, 'the campaign list', { include: MAIN });
    await page.click(tid('campaign-new'));
    await input(page, 'campaign-name').fill('三班种草周');
    await pick(page, 'campaign-posts', NOTES[0]);
    await pick(page, 'campaign-posts', NOTES[1]);
    await pick(page, 'campaign-groups', '三班（4）');
    await hasText(page.locator(tid('campaign-headcount')), '共 4 个账号');
    await input(page, 'campaign-start').fill(`${monday}T09:00`);
    // One day for two notes per account at one a day: no room for the second.
    await input(page, 'campaign-end').fill(`${monday}T22:00`);
    await input(page, 'campaign-window-from').fill('09:00');
    await input(page, 'campaign-window-to').fill('22:00');
    await assertAccessible(page, 'the campaign form', { include: MAIN });
    await page.click(tid('campaign-plan'));
    await hasCount(page.locator(tid('shortfall')), 4);
    const lacking = await page.locator(tid('shortfall')).evaluateAll((els) => els.map((e) => e.getAttribute('data-lacking')));
    assert.deepEqual(lacking, ['1', '1', '1', '1']);
    await hasText(page.locator(tid('campaign-infeasible')), '三班 王同学');
    await input(page, 'campaign-end').fill(`${tuesday}T22:00`);
    await page.click(tid('campaign-plan'));
    await page.locator(`${tid('campaign-status')}[data-status="planned"]`).waitFor();
    campaignId = Number(new URL(page.url()).pathname.split('/').pop());
    assert.ok(campaignId > 0, page.url());
  });

  test('the plan shows on the week calendar and in the accounts × notes matrix', async () => {
    await hasCount(page.locator(tid('plan-event')), 8);
    const starts = await server.api(`/api/campaigns/${campaignId}/assignments?limit=100`, { token });
    assert.equal(starts.body.items.length, 8);
    for (const a of starts.body.items) {
      const hour = new Date(new Date(a.scheduled_at).getTime() + 8 * 3600_000).getUTCHours();
      assert.ok(hour >= 9 && hour < 22, `${a.scheduled_at} inside the window`);
    }
    await page.click('.fc-dayGridMonth-button');
    await page.locator('.fc-daygrid-body').waitFor();
    await page.click('.fc-timeGridWeek-button');
    await assertAccessible(page, 'the plan preview (calendar)', { include: MAIN });
    await page.getByRole('tab', { name: '账号 × 笔记' }).click();
    await hasCount(page.locator(tid('matrix-row')), 4);
    const heads = await page.locator(tid('matrix-post')).allTextContents();
    assert.deepEqual(heads, NOTES);
    const filled = await page.locator(`${tid('matrix-cell')} time`).count();
    assert.equal(filled, 8);
    await assertAccessible(page, 'the plan preview (matrix)', { include: MAIN });
    await shot(page, 'campaign-plan-1366');
  });

  test('launching names the links it makes, then the assignment table lists them', async () => {
    await page.click(tid('campaign-launch'));
    await hasText(page.locator(tid('confirm-message')), '8 个发布链接和 0 个机器人任务');
    await page.click(tid('confirm-ok'));
    await page.locator(`${tid('campaign-status')}[data-status="running"]`).waitFor();
    await hasCount(page.locator(tid('assignment-row')), 8);
    const statuses = await page.locator(tid('assignment-row')).evaluateAll((els) => els.map((e) => e.getAttribute('data-status')));
    assert.deepEqual([...new Set(statuses)], ['scheduled']);
    await hasCount(page.locator(tid('assignment-link')), 8);
    await hasText(page.locator(`${tid('progress-card')}[data-status="scheduled"]`), '8');
    // A card per account: two notes assigned each, nothing opened yet.
    await hasCount(page.locator(tid('account-card')), 4);
    const assigned = await page.locator(`${tid('account-card')} [data-step="assigned"] dd`).allTextContents();
    assert.deepEqual(assigned, ['2', '2', '2', '2']);
    await hasText(page.locator(tid('account-card')).first(), '已发布');
    // Each row names its text: the variant dealt, or 原文.
    const texts = await page.locator(tid('assignment-variant')).allTextContents();
    assert.equal(texts.length, 8);
    assert.ok(texts.some((x) => x.includes(VARIANT)), texts.join('|'));
    assert.ok(texts.every((x) => x.includes(VARIANT) || x.includes('原文')), texts.join('|'));
    await hasText(page.locator(tid('campaign-zone')), 'Asia/Shanghai (UTC+08:00)');
    await assertAccessible(page, 'the running campaign', { include: MAIN });
  });

  test('dragging an assignment on the calendar stores the new time; a time outside the window is put back', async () => {
    // The whole day's time grid on screen, so the mouse reaches 23:00.
    await page.setViewportSize({ width: 1366, height: 2400 });
    await page.getByRole('tab', { name: '日历' }).click();
    await hasCount(page.locator(tid('plan-event')), 8);
    await page.evaluate(() => window.scrollTo(0, 0));
    const before = (await server.api(`/api/campaigns/${campaignId}/assignments?limit=100`, { token })).body.items;
    // Monday's assignments: one per account, so moving one within Monday keeps the day limit and the gap.
    const onMonday = before.filter((a) => new Date(new Date(a.scheduled_at).getTime() + 8 * 3600_000).toISOString().startsWith(monday));
    const target = onMonday[0];
    const localHour = new Date(new Date(target.scheduled_at).getTime() + 8 * 3600_000).getUTCHours();
    const toHour = localHour >= 15 ? 10 : 18;

    async function drag(id, time) {
      const ev = page.locator(`${tid('plan-event')}[data-assignment-id="${id}"]`);
      const from = await ev.boundingBox();
      const lane = await page.locator(`.fc-timegrid-slot-lane[data-time="${time}"]`).boundingBox();
      const col = await page.locator(`.fc-timegrid-col[data-date="${monday}"]`).boundingBox();
      assert.ok(from && lane && col);
      const grab = { x: from.x + from.width / 2, y: from.y + 2 };
      await page.mouse.move(grab.x, grab.y);
      await page.mouse.down();
      for (let i = 1; i <= 10; i++) {
        await page.mouse.move(grab.x + ((col.x + col.width / 2 - grab.x) * i) / 10, grab.y + ((lane.y + 2 - grab.y) * i) / 10);
      }
      await page.mouse.up();
      if (process.env.E2E_DEBUG) await shot(page, `campaign-drag-${time}`);
    }

    await drag(target.id, `${String(toHour).padStart(2, '0')}:00:00`);
    await hasText(page.locator(tid('toast')), '已改到');
    const moved = await eventually(async () => {
      const r = await server.api(`/api/campaigns/${campaignId}/assignments?limit=100`, { token });
      const a = r.body.items.find((x) => x.id === target.id);
      return a.scheduled_at !== target.scheduled_at && a;
    }, 'the moved time stored');
    const newHour = new Date(new Date(moved.scheduled_at).getTime() + 8 * 3600_000).getUTCHours();
    assert.ok(Math.abs(newHour - toHour) <= 1, `moved to about ${toHour}:00, got ${moved.scheduled_at}`);

    await drag(target.id, '23:00:00');
    await hasText(page.locator(tid('toast')), '不在每日发布时段内');
    const again = (await server.api(`/api/campaigns/${campaignId}/assignments?limit=100`, { token })).body.items.find((x) => x.id === target.id);
    assert.equal(again.scheduled_at, moved.scheduled_at);
  });

  test('the reminders copy the Chinese 催办 text of every unfinished person', async () => {
    await page.getByRole('tab', { name: '分配明细' }).click();
    await page.click(tid('assignment-reminders'));
    await hasCount(page.locator(tid('reminder-person')), 8);
    await assertAccessible(page, 'the reminders', { include: '.el-dialog' });
    await page.click(tid('reminders-copy-all'));
    await hasText(page.locator(tid('toast')), '已复制催办文字');
    const want = (await server.api(`/api/campaigns/${campaignId}/reminders`, { token })).body.all_text;
    const got = await page.evaluate(() => navigator.clipboard.readText());
    assert.equal(got, want);
    assert.match(got, /\/s\//);
  });

  test('at 390 px the campaign shows cards and a list calendar, without sideways scrolling', async () => {
    const { context: phone } = await newContext(browser, server.baseUrl, { token, timezoneId: ZONE, ...PHONE });
    const p = await phone.newPage();
    await p.goto(`${server.baseUrl}/campaigns`);
    await hasCount(p.locator(`${tid('campaign-cards')} ${tid('campaign-row')}`), 1);
    await assertAccessible(p, 'the campaign list at 390 px', { include: MAIN });
    await p.goto(`${server.baseUrl}/campaigns/${campaignId}`);
    await hasCount(p.locator(`${tid('assignment-cards')} ${tid('assignment-row')}`), 8);
    const wide = await p.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(wide <= 390, `page is ${wide} px wide`);
    await assertAccessible(p, 'the campaign at 390 px', { include: MAIN });
    await p.getByRole('tab', { name: '日历' }).click();
    await p.locator('.fc-list').waitFor();
    await shot(p, 'campaign-390');
    await phone.close();
  });

  test('pause, resume and cancel each ask first; cancelling cancels what has not opened', async () => {
    await page.setViewportSize({ width: 1366, height: 900 });
    await page.goto(`${server.baseUrl}/campaigns/${campaignId}`);
    await page.click(tid('campaign-pause'));
    await hasText(page.locator(tid('confirm-message')), '暂停活动');
    await page.click(tid('confirm-ok'));
    await page.locator(tid('campaign-paused')).waitFor();
    // On the phone, a held link says its campaign is paused, not a date in the year 9000.
    // (The page counts as opened: that one person's link is not cancelled below.)
    const seen = (await server.api(`/api/campaigns/${campaignId}/assignments?limit=1`, { token })).body.items[0];
    const link = seen.link_url;
    const { context: phone } = await newContext(browser, server.baseUrl, { timezoneId: ZONE, ...PHONE });
    const share = await phone.newPage();
    await share.goto(`${server.baseUrl}${new URL(link).pathname}`);
    await hasText(share.locator(tid('share-paused')), '活动已暂停');
    await hasCount(share.locator(tid('share-not-open')), 0);
    assert.ok(!(await share.locator('body').innerText()).includes('9000'));
    await assertAccessible(share, 'a paused campaign’s share page');
    await shot(share, 'campaign-share-paused-390');
    await phone.close();
    await page.click(tid('campaign-resume'));
    await page.click(tid('confirm-ok'));
    await hasCount(page.locator(tid('campaign-paused')), 0);
    await page.click(tid('campaign-cancel'));
    await hasText(page.locator(tid('confirm-message')), '此操作不能撤销');
    await page.click(tid('confirm-ok'));
    await page.locator(`${tid('campaign-status')}[data-status="cancelled"]`).waitFor();
    await hasText(page.locator(`${tid('progress-card')}[data-status="cancelled"]`), '7');
    const items = (await server.api(`/api/campaigns/${campaignId}/assignments?limit=100`, { token })).body.items;
    assert.deepEqual([...new Set(items.filter((a) => a.id !== seen.id).map((a) => a.status))], ['cancelled']);
    assert.equal(items.find((a) => a.id === seen.id).status, 'opened');
  });
});
