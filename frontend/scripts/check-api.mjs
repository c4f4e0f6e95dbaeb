#!/usr/bin/env node
/**
 * Fails when src/api/schema.ts is not what openapi-typescript makes of
 * ../openapi/openapi.json today, i.e. when the server's API changed and
 * `npm run gen:api` was not run (or the file was edited by hand).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const spec = join(root, '..', 'openapi', 'openapi.json');
const committed = join(root, 'src', 'api', 'schema.ts');

if (!existsSync(spec)) {
  console.error(`check:api: ${spec} does not exist; the server's OpenAPI document is needed to check schema.ts`);
  process.exit(1);
}

const dir = mkdtempSync(join(tmpdir(), 'xhspub-api-'));
try {
  const fresh = join(dir, 'schema.ts');
  execFileSync(join(root, 'node_modules', '.bin', 'openapi-typescript'), [spec, '--enum-values', '-o', fresh], { stdio: 'pipe' });
  const a = readFileSync(committed, 'utf8');
  const b = readFileSync(fresh, 'utf8');
  if (a !== b) {
    const al = a.split('\n');
    const bl = b.split('\n');
    const i = al.findIndex((line, n) => line !== bl[n]);
    console.error('check:api: src/api/schema.ts is out of date with openapi/openapi.json; run `npm run gen:api`.');
    console.error(`first difference at line ${i + 1}:\n  committed: ${al[i] ?? '<end>'}\n  generated: ${bl[i] ?? '<end>'}`);
    process.exit(1);
  }
  console.log('check:api: src/api/schema.ts matches openapi/openapi.json');
} finally {
  rmSync(dir, { recursive: true, force: true });
}
