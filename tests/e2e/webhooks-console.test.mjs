/**
 * The webhooks page (issue 22) against the real server: an admin adds an
 * endpoint, sees its secret once, sends a test event that the receiver
 * verifies with the Standard Webhooks library, and sees the delivery succeed.
 */
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { after, before, describe, test } from 'node:test';
import { Webhook } from 'standardwebhooks';
import { launch, newContext } from './lib/browser.mjs';
import { eventually, hasCount, tid } from './lib/expect.mjs';
import { ensureBuilt, startServer } from './lib/server.mjs';

describe('webhooks console', () => {
  let server, browser, token, rx;
  const received = [];

  before(async () => {
    ensureBuilt();
    rx = createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        received.push({ headers: req.headers, body });
        res.end('ok');
      });
    });
    await new Promise((r) => rx.listen(0, '127.0.0.1', r));
    server = await startServer({ env: { XHSPUB__WEBHOOKS__ALLOW_PRIVATE: 'true', XHSPUB__WEBHOOKS__TICK_MS: '100' } });
    token = await server.login();
    browser = await launch();
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
    await new Promise((r) => rx?.close(r));
  });

  test('an admin adds an endpoint, copies its secret once, and a test delivery verifies and succeeds', async () => {
    const { context } = await newContext(browser, server.baseUrl, { token, viewport: { width: 1366, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${server.baseUrl}/webhooks`);
    await page.locator(tid('webhooks-empty')).waitFor();

    await page.click(tid('webhook-create'));
    const url = `http://127.0.0.1:${rx.address().port}/hook`;
    await page.fill(tid('webhook-url'), url);
    await page.fill(tid('webhook-description'), 'CRM');
    await page.click(tid('webhook-save'));
    const secretEl = page.locator(tid('once-secret-value'));
    await secretEl.waitFor();
    const secret = ((await secretEl.textContent()) ?? '').trim();
    assert.match(secret, /^whsec_/);
    await page.click(tid('once-secret-done'));
    await hasCount(page.locator(tid('once-secret-value')), 0);

    const card = page.locator(tid('webhook-row'));
    await hasCount(card, 1);
    assert.equal(await card.locator(tid('webhook-row-url')).textContent(), url);
    assert.equal((await page.content()).includes(secret), false, 'the secret is gone from the page');

    await card.locator(tid('webhook-test')).click();
    await eventually(async () => received.length === 1, 'the test delivery');
    const r = received[0];
    const payload = new Webhook(secret).verify(r.body, {
      'webhook-id': r.headers['webhook-id'],
      'webhook-timestamp': r.headers['webhook-timestamp'],
      'webhook-signature': r.headers['webhook-signature'],
    });
    assert.equal(payload.type, 'webhook.test');

    await eventually(async () => {
      await card.locator(tid('webhook-deliveries')).click();
      return (await page.locator(tid('delivery-row')).first().getAttribute('data-status')) === 'succeeded';
    }, 'the delivery shown succeeded');
    await context.close();
  });
});
