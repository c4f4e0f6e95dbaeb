/**
 * Webhook deliveries from the real server binary, verified with the Standard
 * Webhooks reference library (npm `standardwebhooks`), not with our own code:
 * a confirmed publish through the receiver's outage (a 500, then a retry),
 * and both signatures during a secret rotation.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { Webhook } from 'standardwebhooks';
import { ensureBuilt, startServer } from './lib/server.mjs';

/** A receiver on 127.0.0.1 that answers `script` in turn (then 200) and keeps every request. */
async function receiver(script) {
  const received = [];
  const srv = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      received.push({ headers: req.headers, body });
      res.statusCode = script.shift() ?? 200;
      res.end('ok');
    });
  });
  await new Promise((r) => srv.listen(0, '127.0.0.1', r));
  const { port } = /** @type {import('node:net').AddressInfo} */ (srv.address());
  return { url: `http://127.0.0.1:${port}/hook`, received, close: () => new Promise((r) => srv.close(r)) };
}

async function until(probe, what, ms = 20_000) {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = await probe();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** The Standard Webhooks headers of a received request. */
const headersOf = (r) => ({
  'webhook-id': r.headers['webhook-id'],
  'webhook-timestamp': r.headers['webhook-timestamp'],
  'webhook-signature': r.headers['webhook-signature'],
});

let server;
let token;
before(async () => {
  ensureBuilt();
  server = await startServer({
    env: {
      XHSPUB__WEBHOOKS__ALLOW_PRIVATE: 'true',
      XHSPUB__WEBHOOKS__RETRY_SCHEDULE_SECS: '0.2,0.2',
      XHSPUB__WEBHOOKS__TICK_MS: '50',
    },
  });
  token = await server.login();
});
after(async () => server?.stop());

test('a confirmed publish is delivered through an outage and verifies with the reference library', async () => {
  const rx = await receiver([500]);
  const made = await server.api('/api/webhooks', {
    method: 'POST',
    token,
    body: { url: rx.url, events: ['publish.confirmed'], description: 'CRM' },
  });
  assert.equal(made.status, 201);
  const { secret } = made.body;

  const post = await server.api('/api/posts', {
    method: 'POST',
    token,
    body: { type: 'normal', title: '周末去哪儿', content: '三条路线', image_urls: ['https://img.example.com/1.jpg'] },
  });
  const account = await server.api('/api/accounts', { method: 'POST', token, body: { name: '学员', kind: 'student' } });
  const link = await server.api(`/api/posts/${post.body.id}/links`, { method: 'POST', token, body: { account_id: account.body.id } });
  assert.equal(link.status, 201);
  const records = await server.api(`/api/records?account_id=${account.body.id}`, { token });
  const noteUrl = 'https://www.xiaohongshu.com/explore/64a1b2c3d4e5f60718293a4b';
  const confirmed = await server.api(`/api/records/${records.body[0].id}/confirm`, { method: 'PUT', token, body: { note_url: noteUrl } });
  assert.equal(confirmed.status, 200);

  await until(() => rx.received.length >= 2, 'the retry after the 500');
  const wh = new Webhook(secret);
  for (const r of rx.received) {
    const payload = wh.verify(r.body, headersOf(r));
    assert.equal(payload.type, 'publish.confirmed');
    assert.equal(payload.data.note_url, noteUrl);
    assert.equal(payload.data.record_id, records.body[0].id);
  }
  assert.equal(rx.received[0].headers['webhook-id'], rx.received[1].headers['webhook-id']);
  // Another key refuses it: the library really checks.
  assert.throws(() => new Webhook(`whsec_${Buffer.alloc(32, 1).toString('base64')}`).verify(rx.received[1].body, headersOf(rx.received[1])));
  await rx.close();
});

test('during a rotation both the old and the new secret verify a delivery', async () => {
  const rx = await receiver([]);
  const made = await server.api('/api/webhooks', { method: 'POST', token, body: { url: rx.url, events: ['task.failed'] } });
  const old = made.body.secret;
  const rotated = await server.api(`/api/webhooks/${made.body.webhook.id}/rotate-secret`, { method: 'POST', token });
  assert.equal(rotated.status, 200);
  const fresh = rotated.body.secret;
  assert.notEqual(fresh, old);
  const sent = await server.api(`/api/webhooks/${made.body.webhook.id}/test`, { method: 'POST', token });
  assert.equal(sent.status, 202);
  await until(() => rx.received.length >= 1, 'the test event');
  const r = rx.received[0];
  assert.equal(r.headers['webhook-signature'].split(' ').length, 2);
  for (const secret of [old, fresh]) {
    const payload = new Webhook(secret).verify(r.body, headersOf(r));
    assert.equal(payload.type, 'webhook.test');
  }
  await rx.close();
});
