/**
 * Starts the real `xhs-publisher` binary on a free 127.0.0.1 port with a fresh
 * SQLite database, serving the built frontend, and waits for /readyz.
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const REPO = resolve(import.meta.dirname, '..', '..', '..');
/** The server under test; `XHSPUB_E2E_BINARY` points elsewhere (the release build, for Lighthouse). */
export const BINARY = process.env.XHSPUB_E2E_BINARY ?? join(REPO, 'target', 'debug', 'xhs-publisher');
export const DIST = join(REPO, 'frontend', 'dist');
export const ADMIN = { username: 'admin', password: 'e2e-Pa55word!' };

/** Newest modification time under a directory (to tell whether dist is stale). */
function newest(dir) {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

/**
 * Builds what the tests run: the server binary (cargo decides what is stale)
 * and the frontend when its sources are newer than dist. Set XHSPUB_E2E_NO_BUILD=1
 * to use what is there (CI that built in an earlier step).
 */
export function ensureBuilt() {
  if (process.env.XHSPUB_E2E_NO_BUILD === '1') return;
  execFileSync('cargo', ['build', '-p', 'xhs-server', '--locked'], { cwd: REPO, stdio: ['ignore', 'ignore', 'inherit'] });
  const fe = join(REPO, 'frontend');
  const index = join(DIST, 'index.html');
  const stale =
    !existsSync(index) ||
    Math.max(newest(join(fe, 'src')), statSync(join(fe, 'index.html')).mtimeMs, statSync(join(fe, 'share.html')).mtimeMs) >
      statSync(index).mtimeMs;
  if (stale) execFileSync('npx', ['vite', 'build'], { cwd: fe, stdio: ['ignore', 'ignore', 'inherit'] });
}

export async function freePort() {
  const srv = createServer();
  await new Promise((r) => srv.listen(0, '127.0.0.1', r));
  const { port } = /** @type {import('node:net').AddressInfo} */ (srv.address());
  await new Promise((r) => srv.close(r));
  return port;
}

/**
 * @param {{ xhs?: { appKey: string, appSecret: string, apiBase: string } | null, env?: Record<string, string> }} opts
 *   `xhs: null` starts a server without XHS credentials (the fallback case);
 *   `env` adds or overrides XHSPUB__* settings (say, a small upload limit).
 */
export async function startServer({ xhs = null, env: extra = {} } = {}) {
  if (!existsSync(BINARY)) throw new Error(`${BINARY} is missing: run \`cargo build -p xhs-server\``);
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'xhspub-e2e-'));
  const baseUrl = `http://127.0.0.1:${port}`;
  // The developer's own XHSPUB__* settings must not leak into the test server.
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('XHSPUB__')));
  const env = {
    ...inherited,
    RUST_LOG: process.env.RUST_LOG ?? 'info',
    XHSPUB__SERVER__HOST: '127.0.0.1',
    XHSPUB__SERVER__PORT: String(port),
    XHSPUB__SERVER__PUBLIC_URL: baseUrl,
    XHSPUB__SERVER__STATIC_DIR: DIST,
    XHSPUB__DATABASE__URL: `sqlite://${join(dir, 'e2e.db')}?mode=rwc`,
    XHSPUB__AUTH__ADMIN_PASSWORD: ADMIN.password,
    // Each test makes the posts and media it needs; the demo's images would
    // be items of the media library the tests count.
    XHSPUB__SERVER__DEMO_POST: 'false',
    // Uploads go to the test's own directory, removed with it.
    XHSPUB__MEDIA__DIR: join(dir, 'media'),
    ...(xhs
      ? {
          XHSPUB__XHS__APP_KEY: xhs.appKey,
          XHSPUB__XHS__APP_SECRET: xhs.appSecret,
          XHSPUB__XHS__API_BASE: xhs.apiBase,
        }
      : {}),
    ...extra,
  };
  const child = spawn(BINARY, [], { cwd: REPO, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  child.stdout.on('data', (d) => (log += d));
  child.stderr.on('data', (d) => (log += d));
  let exited = null;
  child.on('exit', (code, signal) => (exited = { code, signal }));

  const deadline = Date.now() + 60_000;
  for (;;) {
    if (exited) throw new Error(`server exited early (${JSON.stringify(exited)}):\n${log.slice(-4000)}`);
    try {
      const r = await fetch(`${baseUrl}/readyz`);
      if (r.status === 200) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`server not ready within 60 s:\n${log.slice(-4000)}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }

  /** A JSON call to the API as an operator (or anonymous without a token). */
  async function api(path, { method = 'GET', body, token } = {}) {
    const res = await fetch(baseUrl + path, {
      method,
      headers: {
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    let json = null;
    try {
      json = text ? JSON.parse(text) : null;
    } catch {
      json = text;
    }
    return { status: res.status, body: json, headers: res.headers };
  }

  async function login() {
    const r = await api('/api/auth/login', { method: 'POST', body: ADMIN });
    if (r.status !== 200) throw new Error(`login failed: ${r.status} ${JSON.stringify(r.body)}`);
    return r.body.token;
  }

  async function stop() {
    if (!exited) {
      child.kill('SIGTERM');
      await new Promise((r) => {
        const t = setTimeout(() => {
          child.kill('SIGKILL');
          r();
        }, 5000);
        child.once('exit', () => {
          clearTimeout(t);
          r();
        });
      });
    }
    rmSync(dir, { recursive: true, force: true });
  }

  return { baseUrl, port, api, login, stop, log: () => log };
}
