/**
 * The share page's first load on a phone stays light although the note holds
 * a camera-sized photo (issue 21, item 5): the page shows the server's
 * renditions, not the 6 MB original, and its own files go out compressed.
 * Counted from what Chromium received (encoded bodies and headers), with and
 * without XHS credentials. Lighthouse's scores are measured beside this, by
 * `scripts/lighthouse/run.mjs` (figures in BENCHMARKS.md).
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { launch, newContext, PHONE, UA } from './lib/browser.mjs';
import { tid } from './lib/expect.mjs';
import { startFakeXhs } from './lib/fake-xhs.mjs';
import { cameraPhoto } from './lib/media-fixtures.mjs';
import { ensureBuilt, startServer } from './lib/server.mjs';

const BUDGET = 400 * 1024;
const XHS = { appKey: 'red.weightAppKey', appSecret: 'weight-secret-3b1e' };

/** A note with one 6 MB photo and a link to it on a fresh server; answers the link's URL. */
async function noteWithBigPhoto(server, photo) {
  const token = await server.login();
  const form = new FormData();
  form.append('file', new Blob([photo], { type: 'image/jpeg' }), '相机原图.jpg');
  const up = await fetch(`${server.baseUrl}/api/media`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
  const media = await up.json();
  assert.equal(up.status, 201, JSON.stringify(media));
  const post = await server.api('/api/posts', {
    method: 'POST',
    token,
    body: { type: 'normal', title: '相机拍的原图', content: '一张 6 MB 的照片 #春游', image_urls: [media.url] },
  });
  assert.equal(post.status, 201, JSON.stringify(post.body));
  const link = await server.api(`/api/posts/${post.body.id}/links`, { method: 'POST', token, body: { label: '手机' } });
  assert.equal(link.status, 201, JSON.stringify(link.body));
  return link.body.url;
}

/** Bytes received for the page's first load, by URL, once the network is idle. */
async function firstLoad(browser, server, url) {
  const { context } = await newContext(browser, server.baseUrl, { ...PHONE, userAgent: UA.androidChrome });
  const page = await context.newPage();
  const sizes = [];
  page.on('requestfinished', async (req) => {
    const s = await req.sizes().catch(() => null);
    if (s) sizes.push([req.url(), s.responseBodySize + s.responseHeadersSize]);
  });
  await page.goto(url, { waitUntil: 'networkidle' });
  await page.locator(tid('publish-button')).waitFor();
  await page.waitForLoadState('networkidle');
  await context.close();
  return sizes;
}

describe('the share page weighs little on a phone', () => {
  let browser, fake, photo;
  const servers = [];

  before(async () => {
    ensureBuilt();
    photo = cameraPhoto();
    assert.ok(photo.length > 5 * 1024 * 1024, `the photo is camera-sized (${photo.length} bytes)`);
    fake = await startFakeXhs(XHS);
    browser = await launch();
  });

  after(async () => {
    await browser?.close();
    for (const s of servers) await s.stop();
    await fake?.close();
  });

  for (const withCredentials of [false, true]) {
    test(`the first load with a 6 MB photo is at most 400 KB ${withCredentials ? 'with' : 'without'} credentials`, async () => {
      const server = await startServer({ xhs: withCredentials ? { ...XHS, apiBase: fake.url } : null });
      servers.push(server);
      const url = await noteWithBigPhoto(server, photo);
      const sizes = await firstLoad(browser, server, url);
      const total = sizes.reduce((a, [, n]) => a + n, 0);
      const table = sizes.map(([u, n]) => `${n}\t${u}`).join('\n');
      assert.ok(sizes.some(([u]) => u.includes('/media/')), `the photo is shown:\n${table}`);
      assert.ok(total <= BUDGET, `${total} bytes > ${BUDGET}:\n${table}`);
      console.log(`share page first load ${withCredentials ? 'with' : 'without'} credentials: ${(total / 1024).toFixed(1)} KiB in ${sizes.length} responses`);
    });
  }
});
