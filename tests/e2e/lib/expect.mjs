/** Small polling assertions for playwright-core (which has no `expect`). */
import assert from 'node:assert/strict';

const TIMEOUT = 10_000;

/** Waits until `fn()` returns a truthy value and returns it; fails with `what` after the timeout. */
export async function eventually(fn, what, timeout = TIMEOUT) {
  const end = Date.now() + timeout;
  let last;
  for (;;) {
    try {
      last = await fn();
      if (last) return last;
    } catch (e) {
      last = e;
    }
    if (Date.now() > end) assert.fail(`timed out waiting for ${what} (last: ${last instanceof Error ? last.message : JSON.stringify(last)})`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Waits until the locator's text contains `text`. */
export async function hasText(locator, text, timeout = TIMEOUT) {
  return eventually(async () => ((await locator.textContent({ timeout: 1000 })) ?? '').includes(text), `text "${text}" in ${locator}`, timeout);
}

/** Waits until the locator matches exactly `n` elements. */
export async function hasCount(locator, n, timeout = TIMEOUT) {
  return eventually(async () => (await locator.count()) === n, `${n} × ${locator}`, timeout);
}

export const tid = (id) => `[data-testid="${id}"]`;

/** Picks the option labelled exactly `label` of the el-select `selectId` (its list opens in a popper). */
export async function choose(page, selectId, label) {
  await page.click(tid(selectId));
  const exact = new RegExp(`^\\s*${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`);
  await page.locator('.el-select-dropdown__item:visible').filter({ hasText: exact }).first().click();
}

/** Filters an el-table column to the value labelled `label`, from the filter button of the header holding `headerId`. */
export async function filterColumn(page, headerId, label) {
  await page.locator(`th:has(${tid(headerId)}) .el-table__column-filter-trigger`).click();
  await page.locator('.el-table-filter__list-item:visible').filter({ hasText: label }).first().click();
}

/**
 * Clicks Save in the editor and waits for the server's answer to that save
 * (a toast from an earlier save may still be on screen, so it proves nothing).
 */
export async function saveInEditor(page) {
  const [res] = await Promise.all([
    page.waitForResponse((r) => /\/api\/posts(\/\d+)?$/.test(new URL(r.url()).pathname) && ['POST', 'PUT'].includes(r.request().method())),
    page.click(tid('editor-save')),
  ]);
  return res;
}
