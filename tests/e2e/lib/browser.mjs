/**
 * Headless Debian Chromium through playwright-core (no downloaded browser).
 * Every request that is not to the server under test is blocked, except the
 * XHS SDK URL (answered with a stub that records calls) and the fake image
 * host (answered locally), so nothing leaves 127.0.0.1.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

export const SCREENSHOTS = join(import.meta.dirname, '..', 'screenshots');
export const SDK_URL = 'https://fe-static.xhscdn.com/biz-static/goten/xhs-1.0.1.js';
/** Image URLs in test posts point here; the browser gets a local SVG instead. */
export const IMAGE_HOST = 'https://img.e2e-fixture.example';

export const UA = {
  iphone:
    'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1',
  androidWeChat:
    'Mozilla/5.0 (Linux; Android 13; V2203A Build/TP1A.220624.014; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/116.0.0.0 Mobile Safari/537.36 XWEB/1160065 MMWEBSDK/20231202 MMWEBID/2247 MicroMessenger/8.0.47.2560(0x28002F30) WeChat/arm64 Weixin NetType/WIFI Language/zh_CN ABI/arm64',
  androidChrome:
    'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Mobile Safari/537.36',
  desktopChrome:
    'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36',
  iosWeChat:
    'Mozilla/5.0 (iPhone; CPU iPhone OS 17_2 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 MicroMessenger/8.0.44(0x18002c2d) NetType/WIFI Language/zh_CN',
};

export const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };

// Stands in for the real SDK: records exactly what the page passed, and calls
// `fail` when a test set window.__xhsFail.
const SDK_STUB = `
window.__xhsCalls = window.__xhsCalls || [];
window.xhs = {
  share(args) {
    window.__xhsCalls.push(JSON.parse(JSON.stringify({ shareInfo: args.shareInfo, verifyConfig: args.verifyConfig })));
    if (window.__xhsFail !== undefined && typeof args.fail === 'function') args.fail(window.__xhsFail);
  }
};`;

const COLORS = ['#ff8a80', '#82b1ff', '#b9f6ca', '#ffe57f', '#ea80fc'];
function fixtureImage(url) {
  const n = [...url].reduce((a, c) => a + c.charCodeAt(0), 0);
  const label = new URL(url).pathname.split('/').pop();
  return `<svg xmlns="http://www.w3.org/2000/svg" width="600" height="800"><rect width="600" height="800" fill="${COLORS[n % COLORS.length]}"/><text x="300" y="420" font-size="64" text-anchor="middle" font-family="sans-serif">${label}</text></svg>`;
}

export async function launch() {
  mkdirSync(SCREENSHOTS, { recursive: true });
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-quic',
      '--no-first-run',
      '--disable-sync',
    ],
  });
}

/**
 * A context confined to `baseUrl`. `stats.sdkRequests` counts SDK loads,
 * `stats.blocked` lists refused URLs (useful when a test fails).
 * @param {import('playwright-core').Browser} browser
 * @param {string} baseUrl
 * @param {import('playwright-core').BrowserContextOptions & { token?: string, xhsFail?: unknown, sdkUnreachable?: boolean }} [opts]
 *   token: put in localStorage before any page script runs; xhsFail: what the stub passes to `fail`;
 *   sdkUnreachable: the SDK URL fails like a blocked CDN.
 */
export async function newContext(browser, baseUrl, opts = {}) {
  const { token, xhsFail, sdkUnreachable = false, ...contextOptions } = opts;
  const context = await browser.newContext({ locale: 'zh-CN', ...contextOptions });
  const stats = { sdkRequests: 0, blocked: [], csp: [] };
  // Every page runs under the server's Content-Security-Policy: anything it
  // blocks fails the run.
  context.on('console', (msg) => {
    if (!msg.text().startsWith('CSP violation')) return;
    stats.csp.push(msg.text());
    console.error(`${msg.text()} on ${msg.location().url}`);
    process.exitCode = 1;
  });
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(`${baseUrl}/`) || url === baseUrl) return route.continue();
    if (url.startsWith('data:') || url.startsWith('blob:')) return route.continue();
    if (url === SDK_URL) {
      stats.sdkRequests++;
      if (sdkUnreachable) return route.abort('connectionrefused');
      return route.fulfill({ status: 200, contentType: 'application/javascript', body: SDK_STUB });
    }
    if (url.startsWith(`${IMAGE_HOST}/`)) {
      return route.fulfill({
        status: 200,
        contentType: 'image/svg+xml',
        headers: { 'access-control-allow-origin': '*' },
        body: fixtureImage(url),
      });
    }
    stats.blocked.push(url);
    return route.abort('blockedbyclient');
  });
  await context.addInitScript(
    ({ token, xhsFail }) => {
      document.addEventListener('securitypolicyviolation', (e) =>
        console.error(`CSP violation: ${e.violatedDirective} blocked ${e.blockedURI || 'inline'}`),
      );
      window.__xhsCalls = [];
      if (xhsFail !== undefined) window.__xhsFail = xhsFail;
      if (token) localStorage.setItem('xhspub.token', token);
    },
    { token, xhsFail },
  );
  return { context, stats };
}

/** Collects dialogs (alert/confirm) so a test can assert none fired; dismisses them. */
export function watchDialogs(page) {
  const dialogs = [];
  page.on('dialog', (d) => {
    dialogs.push(`${d.type()}: ${d.message()}`);
    void d.dismiss();
  });
  return dialogs;
}

/** Saves a screenshot; phone pages use the viewport (a full-page shot misplaces the fixed footer). */
export const shot = (page, name, { fullPage = true } = {}) =>
  page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage });
