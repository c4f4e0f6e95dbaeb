#!/usr/bin/env node
/**
 * Prints the gzipped JS+CSS of each page after `vite build` and fails when the
 * share page (what a phone downloads; the XHS SDK is not ours and not counted)
 * is over budget. The budget counts the page's lazy chunks too (the desktop-only
 * QR code), so no import can slip past it by being dynamic.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const SHARE_BUDGET = 60 * 1024;
const dist = join(import.meta.dirname, '..', 'dist');

/** @typedef {{ file: string, css?: string[], imports?: string[], dynamicImports?: string[] }} Chunk */
/** @type {Record<string, Chunk>} */
const manifest = JSON.parse(readFileSync(join(dist, '.vite', 'manifest.json'), 'utf8'));

/**
 * The files an entry loads up front (static imports) and on demand (dynamic ones).
 * @param {string} key
 */
function filesOf(key) {
  /** @type {Set<string>} */ const initial = new Set();
  /** @type {Set<string>} */ const lazy = new Set();
  /** @param {string} k @param {Set<string>} into @param {Set<string>} seen */
  const walk = (k, into, seen) => {
    if (seen.has(k)) return;
    seen.add(k);
    const c = manifest[k];
    if (!c) throw new Error(`manifest has no ${k}`);
    into.add(c.file);
    for (const css of c.css ?? []) into.add(css);
    for (const i of c.imports ?? []) walk(i, into, seen);
    for (const d of c.dynamicImports ?? []) walk(d, lazy, seen);
  };
  walk(key, initial, new Set());
  for (const f of initial) lazy.delete(f);
  return { initial: [...initial], lazy: [...lazy] };
}

/** @param {string[]} files */
const gz = (files) => files.reduce((n, f) => n + gzipSync(readFileSync(join(dist, f)), { level: 9 }).length, 0);
const kb = (/** @type {number} */ n) => `${(n / 1024).toFixed(1)} KB`;

let failed = false;
for (const [label, key, budget] of /** @type {const} */ ([
  ['share page (share.html)', 'share.html', SHARE_BUDGET],
  ['console (index.html)', 'index.html', null],
])) {
  const { initial, lazy } = filesOf(key);
  const first = gz(initial);
  const later = gz(lazy);
  const total = first + later;
  const verdict = budget === null ? '' : total <= budget ? `  OK (budget ${kb(budget)})` : `  OVER BUDGET (${kb(budget)})`;
  console.log(`${label}: ${kb(total)} gzipped JS+CSS = ${kb(first)} initial + ${kb(later)} lazy${verdict}`);
  for (const f of [...initial, ...lazy]) console.log(`    ${initial.includes(f) ? ' ' : '*'} ${f}  ${kb(gz([f]))}`);
  if (budget !== null && total > budget) failed = true;
}
console.log('    (* = loaded on demand)');
if (failed) {
  console.error('size check failed: the share page is over its budget');
  process.exit(1);
}
