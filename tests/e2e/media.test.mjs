/**
 * The media library end to end (issue 5): an operator drags three photos and
 * a video into the editor, watches them upload, saves the note, and the share
 * page's signed payload points at `{server}/media/...` URLs the server serves.
 * The bytes are real PNG, JPEG and MP4, made in node.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { launch, newContext, PHONE, shot, UA } from './lib/browser.mjs';
import { eventually, hasCount, hasText, saveInEditor, tid } from './lib/expect.mjs';
import { startFakeXhs } from './lib/fake-xhs.mjs';
import { jpegPhoto, minimalMp4, pngPhoto } from './lib/media-fixtures.mjs';
import { ensureBuilt, startServer } from './lib/server.mjs';

const XHS = { appKey: 'red.e2eMedia', appSecret: 'e2e-secret-media' };
// Small enough that an incompressible 400×400 PNG is over it (413).
const MAX_IMAGE_BYTES = 300_000;

const PHOTOS = [
  { name: '春游-1.png', type: 'image/png', bytes: pngPhoto(600, 800, [255, 120, 140]) },
  { name: '春游-2.jpg', type: 'image/jpeg', bytes: jpegPhoto(600, 800, [110, 160, 255]) },
  { name: '春游-3.png', type: 'image/png', bytes: pngPhoto(600, 800, [120, 220, 150]) },
];
const VIDEO = { name: 'vlog.mp4', type: 'video/mp4', bytes: minimalMp4(720, 960) };

/** Drops files on an element with a DataTransfer built inside the page, as a real drag does. */
async function dropFiles(page, selector, files) {
  const dataTransfer = await page.evaluateHandle((list) => {
    const dt = new DataTransfer();
    for (const f of list) {
      const bytes = Uint8Array.from(atob(f.b64), (c) => c.charCodeAt(0));
      dt.items.add(new File([bytes], f.name, { type: f.type }));
    }
    return dt;
  }, files.map((f) => ({ name: f.name, type: f.type, b64: Buffer.from(f.bytes).toString('base64') })));
  for (const type of ['dragenter', 'dragover', 'drop']) await page.dispatchEvent(selector, type, { dataTransfer });
}

/** Records every (file, state, progress) the upload rows go through, sampled in the page. */
async function sampleUploads(page) {
  await page.evaluate(() => {
    window.__uploadSeen = new Set();
    clearInterval(window.__uploadTimer);
    window.__uploadTimer = setInterval(() => {
      for (const li of document.querySelectorAll('[data-testid="upload-item"]')) {
        window.__uploadSeen.add(`${li.dataset.name}|${li.dataset.state}|${li.querySelector('progress')?.value ?? ''}`);
      }
    }, 15);
  });
  return async () =>
    page.evaluate(() => {
      clearInterval(window.__uploadTimer);
      return [...window.__uploadSeen].map((s) => {
        const [name, state, value] = s.split('|');
        return { name, state, value: Number(value) };
      });
    });
}

describe('the media library', () => {
  let fake, server, browser, token, page, cdp, postId, link;
  /** Upload answers by file name, as the browser got them. */
  const uploaded = new Map();
  const contexts = [];
  const urlOf = (name) => uploaded.get(name)?.url;

  async function phonePayload() {
    const { context } = await newContext(browser, server.baseUrl, { ...PHONE, userAgent: UA.iphone });
    contexts.push(context);
    const p = await context.newPage();
    await p.goto(link.url);
    await p.locator(tid('share-title')).waitFor();
    const [res] = await Promise.all([
      p.waitForResponse((r) => r.url().endsWith(`/api/share/${link.token}/publish`)),
      p.tap(tid('publish-button')),
    ]);
    assert.equal(res.status(), 200);
    const payload = await res.json();
    const calls = await eventually(async () => {
      const c = await p.evaluate(() => window.__xhsCalls);
      return c.length ? c : null;
    }, 'a call to xhs.share');
    assert.deepEqual(calls, [{ shareInfo: payload.shareInfo, verifyConfig: payload.data }]);
    return payload.shareInfo;
  }

  /** GETs a URL as the phone (or XHS) would: no login. */
  async function served(url) {
    assert.ok(url.startsWith(`${server.baseUrl}/media/`), `${url} is under ${server.baseUrl}/media/`);
    const r = await fetch(url);
    const body = Buffer.from(await r.arrayBuffer());
    return { status: r.status, type: r.headers.get('content-type') ?? '', length: body.length };
  }

  before(async () => {
    ensureBuilt();
    fake = await startFakeXhs(XHS);
    server = await startServer({
      xhs: { ...XHS, apiBase: fake.url },
      env: { XHSPUB__MEDIA__MAX_IMAGE_BYTES: String(MAX_IMAGE_BYTES) },
    });
    token = await server.login();
    browser = await launch();
    const { context } = await newContext(browser, server.baseUrl, { token, viewport: { width: 1280, height: 900 } });
    contexts.push(context);
    page = await context.newPage();
    page.on('response', async (r) => {
      if (r.request().method() === 'POST' && new URL(r.url()).pathname === '/api/media' && r.ok()) {
        const m = await r.json();
        uploaded.set(m.original_name, m);
      }
    });
    cdp = await context.newCDPSession(page);
  });

  after(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close();
    await server?.stop();
    await fake?.close();
  });

  test('an operator drags three photos and a video into the editor and watches each upload', async () => {
    await page.goto(`${server.baseUrl}/posts/new`);
    await page.locator(tid('editor')).waitFor();
    await page.fill(tid('editor-title'), '春游 vlog 和照片');
    await page.fill(tid('editor-body'), '春游的照片和视频 #春游 ');

    // Slow uploads down (about 250 KB/s) so the progress bars can be seen moving.
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 20, downloadThroughput: -1, uploadThroughput: 250 * 1024 });
    const seen = await sampleUploads(page);
    await dropFiles(page, tid('upload-drop'), [...PHOTOS, VIDEO]);
    await hasCount(page.locator(tid('upload-item')), 4);
    await eventually(async () => (await page.locator(`${tid('upload-item')}[data-state="uploading"]`).count()) > 0, 'an upload in progress');
    await shot(page, 'console-upload', { fullPage: false });
    await eventually(async () => (await page.locator(`${tid('upload-item')}[data-state="done"]`).count()) === 4, 'all four uploads done', 30_000);
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });

    const states = await seen();
    // Two at a time: the last files waited; every file had its own bar, partway at some point.
    assert.ok(states.some((s) => s.state === 'queued'), 'some file waited its turn');
    assert.ok(
      states.some((s) => s.state === 'uploading' && s.value > 0 && s.value < 100),
      `a progress bar partway: ${JSON.stringify(states.filter((s) => s.state === 'uploading'))}`,
    );
    for (const f of [...PHOTOS, VIDEO]) assert.ok(states.some((s) => s.name === f.name && s.state === 'done' && s.value === 100), f.name);

    // The photos joined the note in the order they were dropped; the video is the video.
    await hasCount(page.locator(tid('image-item')), 3);
    const images = PHOTOS.map((p) => urlOf(p.name));
    assert.deepEqual(await page.locator(tid('image-url')).allTextContents(), images);
    assert.equal(uploaded.get(VIDEO.name)?.kind, 'video');
    // The editor shows the small thumbnails of uploaded images.
    assert.deepEqual(
      await page.locator(`${tid('image-item')} img`).evaluateAll((imgs) => imgs.map((i) => i.getAttribute('src'))),
      PHOTOS.map((p) => uploaded.get(p.name).thumbnail_url),
    );

    assert.equal((await saveInEditor(page)).status(), 201);
    await page.waitForURL(/\/posts\/\d+\/edit$/);
    postId = Number(/\/posts\/(\d+)\/edit/.exec(page.url())[1]);
    const saved = (await server.api(`/api/posts/${postId}`, { token })).body;
    assert.deepEqual(saved.image_urls, images);
  });

  test("the share page's signed payload points at /media/ URLs that the server serves", async () => {
    const l = await server.api(`/api/posts/${postId}/links`, { method: 'POST', token, body: { label: '媒体' } });
    assert.equal(l.status, 201);
    link = { url: l.body.url, token: l.body.token };
    const shareInfo = await phonePayload();
    assert.equal(shareInfo.type, 'normal');
    assert.deepEqual(shareInfo.images, PHOTOS.map((p) => urlOf(p.name)));
    for (const [i, url] of shareInfo.images.entries()) {
      const r = await served(url);
      assert.equal(r.status, 200, url);
      assert.equal(r.type, PHOTOS[i].type);
      assert.equal(r.length, PHOTOS[i].bytes.length);
    }
  });

  test('as a video note the dropped video is the video, and the cover is picked from the library', async () => {
    await page.check(tid('type-video'));
    assert.equal(await page.inputValue(tid('editor-video-url')), urlOf(VIDEO.name));
    await page.click(tid('pick-cover'));
    const picker = page.locator(tid('media-picker'));
    assert.equal(await picker.getAttribute('data-mode'), 'cover');
    await hasCount(picker.locator(tid('media-pick-item')), 3);
    await picker.locator(`${tid('media-pick-item')}[data-url="${urlOf(PHOTOS[1].name)}"]`).click();
    await page.click(tid('media-pick-confirm'));
    await hasCount(picker, 0);
    assert.equal(await page.inputValue(tid('editor-cover-url')), urlOf(PHOTOS[1].name));
    assert.equal((await saveInEditor(page)).status(), 200);

    const shareInfo = await phonePayload();
    assert.equal(shareInfo.type, 'video');
    assert.equal(shareInfo.video, urlOf(VIDEO.name));
    assert.equal(shareInfo.cover, urlOf(PHOTOS[1].name));
    const video = await served(shareInfo.video);
    assert.deepEqual([video.status, video.type, video.length], [200, 'video/mp4', VIDEO.bytes.length]);
    const cover = await served(shareInfo.cover);
    assert.deepEqual([cover.status, cover.type], [200, 'image/jpeg']);
    const ranged = await fetch(shareInfo.video, { headers: { range: 'bytes=4-7' } });
    assert.equal(ranged.status, 206);
    assert.equal(Buffer.from(await ranged.arrayBuffer()).toString('latin1'), 'ftyp');
  });

  test("the post list shows the uploaded cover's thumbnail", async () => {
    await page.click(tid('nav-posts'));
    const thumb = page.locator(`${tid('post-row')}[data-post-id="${postId}"] ${tid('post-thumb')}`);
    const expected = uploaded.get(PHOTOS[1].name).thumbnail_url;
    await eventually(async () => (await thumb.getAttribute('src')) === expected, 'the thumbnail URL in the list');
    await eventually(() => thumb.evaluate((img) => img.complete && img.naturalWidth > 0), 'the thumbnail to load');
  });

  test('each refused file says in Chinese what to do, without 重试, while the others upload', async () => {
    await page.click(tid('nav-media'));
    await page.locator(tid('media-view')).waitFor();
    await hasCount(page.locator(tid('media-card')), 4);
    const bad = [
      { name: 'not-a-photo.jpg', type: 'image/jpeg', bytes: Buffer.from('this is text, not a JPEG') },
      { name: 'cut-off.png', type: 'image/png', bytes: pngPhoto(600, 800, [9, 9, 9]).subarray(0, 3000) },
      { name: 'too-big.png', type: 'image/png', bytes: pngPhoto(400, 400, [0, 0, 0], { noise: true }) },
      { name: 'empty.jpg', type: 'image/jpeg', bytes: Buffer.alloc(0) },
      { name: '新照片.jpg', type: 'image/jpeg', bytes: jpegPhoto(600, 800, [250, 200, 90]) },
    ];
    assert.ok(bad[2].bytes.length > MAX_IMAGE_BYTES);
    await dropFiles(page, tid('upload-drop'), bad);
    const row = (name) => page.locator(`${tid('upload-item')}[data-name="${name}"]`);
    await eventually(async () => (await row('新照片.jpg').getAttribute('data-state')) === 'done', 'the good file');
    for (const [name, text] of [
      ['not-a-photo.jpg', '不支持这种文件：请上传 JPEG、PNG、WebP、HEIC 图片或 MP4、MOV 视频'],
      ['cut-off.png', '文件已损坏或不完整，无法读取'],
      ['too-big.png', '文件超过服务器允许的大小'],
      ['empty.jpg', '文件是空的（0 字节）：请重新选择文件'],
    ]) {
      await eventually(async () => (await row(name).getAttribute('data-state')) === 'failed', `${name} refused`);
      await hasText(row(name).locator(tid('upload-error')), text);
      const said = await row(name).locator(tid('upload-error')).innerText();
      // The server's English detail never reaches the person.
      assert.doesNotMatch(said, /[a-z]{4,} [a-z]{2,}/, `${name}: ${said}`);
      // Retrying the same file cannot help: no 重试.
      await hasCount(row(name).locator(tid('upload-retry')), 0);
    }
    await hasCount(page.locator(tid('media-card')), 5);
    await shot(page, 'console-media');
  });

  test('the picker adds library images to an image note in the order they are clicked', async () => {
    await page.click(tid('nav-new'));
    await page.locator(tid('editor')).waitFor();
    await page.click(tid('pick-images'));
    const picker = page.locator(tid('media-picker'));
    await hasCount(picker.locator(tid('media-pick-item')), 4);
    const order = [PHOTOS[2].name, '新照片.jpg', PHOTOS[0].name].map(urlOf);
    for (const url of order) await picker.locator(`${tid('media-pick-item')}[data-url="${url}"]`).click();
    await hasText(page.locator(tid('media-pick-confirm')), '3');
    await page.click(tid('media-pick-confirm'));
    assert.deepEqual(await page.locator(tid('image-url')).allTextContents(), order);
  });

  test('deleting media that a note uses is refused with the reason', async () => {
    await page.click(tid('nav-media'));
    // The images just picked are not saved: the editor asks before leaving.
    await page.locator(tid('confirm-dialog')).waitFor();
    await page.click(tid('confirm-ok'));
    await hasCount(page.locator(tid('confirm-dialog')), 0);
    // The video note's cover (its images are no longer sent once it is a video note).
    const card = page.locator(`${tid('media-card')}[data-media-id="${uploaded.get(PHOTOS[1].name).id}"]`);
    await card.locator(tid('media-delete')).click();
    await page.click(tid('confirm-ok'));
    await hasText(page.locator(tid('toast')), '素材正被笔记使用');
    await hasCount(page.locator(tid('media-card')), 5);
  });
});
