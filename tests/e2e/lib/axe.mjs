/**
 * axe-core in the browser tests (issue 21): injects node_modules' axe into the
 * page (evaluated, not page.addScriptTag: the server's CSP refuses inline
 * scripts, and a CSP violation fails the run) and fails on any violation of impact `serious` or `critical`, naming
 * the rule and the elements. Lesser ones are returned for the caller to log.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const FAILING = new Set(['serious', 'critical']);

/** Runs axe on the page (or `include`, a selector) and asserts no serious or critical violation. */
export async function assertAccessible(page, what, { include } = {}) {
  // axe reads colours as painted now: wait until transitions (a dialog and its
  // overlay fading in, slower on a busy machine) have ended; endless ones
  // (spinners) do not count.
  await page.waitForFunction(
    () =>
      document
        .getAnimations()
        .every((a) => a.playState !== 'running' || a.effect?.getComputedTiming().endTime === Infinity),
    null,
    { timeout: 15000 },
  );
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE);
  const result = await page.evaluate(
    async (sel) => {
      const r = await window.axe.run(sel ? { include: [sel] } : document, { resultTypes: ['violations'] });
      return r.violations.map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        nodes: v.nodes.slice(0, 5).map((n) => `${n.target.join(' ')} ${n.failureSummary?.split('\n')[1]?.trim() ?? ''}`),
        count: v.nodes.length,
      }));
    },
    include ?? null,
  );
  const bad = result.filter((v) => FAILING.has(v.impact));
  // AXE_SURVEY=1 lists every violation of every page instead of stopping at the first (for fixing them).
  if (process.env.AXE_SURVEY === '1') {
    for (const v of result) console.log(`[axe] ${what}: ${v.id} (${v.impact}, ${v.count}×) ${v.nodes.join(' | ')}`);
    return result;
  }
  assert.deepEqual(
    bad.map((v) => `${v.id} (${v.impact}, ${v.count}×): ${v.help}\n    ${v.nodes.join('\n    ')}`),
    [],
    `axe on ${what}`,
  );
  return result;
}
