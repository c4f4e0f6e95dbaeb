/**
 * Records where the share page sends the person instead of letting the
 * browser go there: app schemes (snssdk1128:, kwai:, …) and Weibo's share
 * page. The page leaves by clicking an anchor (frontend/src/share/navigate.ts),
 * so a capture-phase click listener sees every hand-off first.
 */

/** @param {import('playwright-core').BrowserContext} context */
export async function captureNavigations(context) {
  await context.addInitScript(() => {
    window.__navigations = [];
    const app = /^(?!(https?|javascript|data|blob|about|mailto|tel):)[a-z][a-z0-9+.-]*:/i;
    const weibo = /^https:\/\/service\.weibo\.com\//;
    window.addEventListener(
      'click',
      (e) => {
        const a = e.target instanceof Element ? e.target.closest('a[href]') : null;
        const href = a?.getAttribute('href') ?? '';
        if (!app.test(href) && !weibo.test(href)) return;
        window.__navigations.push({ href, target: a.target });
        e.preventDefault();
      },
      true,
    );
  });
}

/** Waits for the n-th navigation (1-based) and returns it. */
export async function nthNavigation(page, n, timeout = 10_000) {
  await page.waitForFunction((k) => window.__navigations.length >= k, n, { timeout });
  return page.evaluate((k) => window.__navigations[k - 1], n);
}
