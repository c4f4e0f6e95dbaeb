// The benchmark behind `just bench` (scripts/bench.sh builds first): starts the
// release server on a fresh database with the fake XHS and Douyin token
// endpoints, makes 100 000 notes through the API and 100 000 events on one
// link, then drives each path with wrk (64 connections) and prints requests
// per second, p50, p99 and the ratio to `GET /healthz` of the same run, the
// server's peak memory and how many tokens it fetched.
//
// Usage: node scripts/bench.mjs [--postgres] [--notes N] [--events N] [--seconds S] [--only REGEX] [--profile]
// Writes the figures as JSON to target/bench/result.json as well.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startFakeDouyin } from '../tests/e2e/lib/fake-douyin.mjs';
import { startFakeXhs } from '../tests/e2e/lib/fake-xhs.mjs';

const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : dflt;
};
const POSTGRES = args.includes('--postgres');
// `--profile`: record each path's load with `perf` (call graphs) and keep the
// top of the report in target/bench/profile-<path>.txt (figures then include
// perf's overhead: use a run without it for the table).
const PROFILE = args.includes('--profile');
// `--only REGEX`: drive only the paths whose name matches (healthz always runs).
const ONLY = args.includes('--only') ? new RegExp(args[args.indexOf('--only') + 1], 'i') : null;
const NOTES = opt('notes', 100_000);
const EVENTS = opt('events', 100_000);
const SECONDS = opt('seconds', 8);
const CONNECTIONS = 64;
const root = new URL('..', import.meta.url).pathname;
const work = mkdtempSync(join(tmpdir(), 'xhs-bench-'));

const secret = (p) => `${p}-${Math.random().toString(36).slice(2)}${Date.now()}`;
const creds = { appKey: 'red.benchAppKey', appSecret: secret('bench-secret') };
const douyinCreds = { clientKey: 'awbenchclientkey', clientSecret: secret('bench-douyin') };
const xhs = await startFakeXhs(creds);
const douyin = await startFakeDouyin(douyinCreds);
const password = secret('bench-admin');
const port = 20000 + Math.floor(Math.random() * 20000);
const base = `http://127.0.0.1:${port}`;

let dbUrl = `sqlite://${work}/bench.db?mode=rwc`;
let pgDb = null;
if (POSTGRES) {
  const pg = process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432';
  pgDb = `xhs_bench_${process.pid}`;
  spawnSync('psql', [`${pg}/postgres`, '-q', '-c', `CREATE DATABASE ${pgDb}`], { stdio: 'inherit' });
  dbUrl = `${pg}/${pgDb}`;
}

// Limits off: this measures the server, not its rate limiter.
const env = {
  ...Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('XHSPUB__') && k !== 'RUST_LOG')),
  XHSPUB__DATABASE__URL: dbUrl,
  XHSPUB__SERVER__PORT: String(port),
  XHSPUB__SERVER__STATIC_DIR: join(root, 'frontend/dist'),
  XHSPUB__MEDIA__DIR: join(work, 'media'),
  XHSPUB__SERVER__DEMO_POST: 'false',
  XHSPUB__AUTH__ADMIN_PASSWORD: password,
  XHSPUB__AUTH__LOGIN_PER_MINUTE: '100000',
  XHSPUB__SHARE__PER_CLIENT_PER_MINUTE: '100000000',
  XHSPUB__SHARE__PER_TOKEN_PER_MINUTE: '100000000',
  XHSPUB__LOG__FILTER: 'warn',
  XHSPUB__XHS__APP_KEY: creds.appKey,
  XHSPUB__XHS__APP_SECRET: creds.appSecret,
  XHSPUB__XHS__API_BASE: xhs.url,
  XHSPUB__DOUYIN__CLIENT_KEY: douyinCreds.clientKey,
  XHSPUB__DOUYIN__CLIENT_SECRET: douyinCreds.clientSecret,
  XHSPUB__DOUYIN__API_BASE: douyin.url,
  // As the Dockerfile runs it: glibc's per-thread arenas otherwise keep each
  // worker thread's password-hash memory (19 MiB, argon2) resident.
  MALLOC_ARENA_MAX: process.env.MALLOC_ARENA_MAX ?? '2',
};
const serverLog = openSync(join(work, 'server.log'), 'w');
const server = spawn(join(root, process.env.XHSPUB_BENCH_BIN ?? 'target/release/xhs-publisher'), [], {
  env,
  stdio: ['ignore', 'ignore', serverLog],
});
let finished = false;
const stop = async () => {
  if (finished) return;
  finished = true;
  server.kill('SIGTERM');
  await Promise.all([xhs.close(), douyin.close()]);
  if (pgDb) {
    const pg = process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432';
    await new Promise((r) => server.once('exit', r).once('error', r));
    spawnSync('psql', [`${pg}/postgres`, '-q', '-c', `DROP DATABASE IF EXISTS ${pgDb}`], { stdio: 'inherit' });
  }
  rmSync(work, { recursive: true, force: true });
};
process.on('SIGINT', () => stop().then(() => process.exit(130)));

async function until(ok, what) {
  for (let i = 0; i < 300; i++) {
    try {
      if (await ok()) return;
    } catch {
      /* not yet */
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

async function api(method, path, body, token = session) {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text.slice(0, 300)}`);
  return text ? JSON.parse(text) : null;
}

/** Runs `make(i)` for i in 0..n, `width` at a time; prints progress. */
async function many(n, width, what, make) {
  let next = 0;
  const t0 = Date.now();
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < n) {
        const i = next++;
        await make(i);
        if ((i + 1) % 20_000 === 0) process.stderr.write(`  ${what}: ${i + 1}/${n}\n`);
      }
    }),
  );
  const s = (Date.now() - t0) / 1000;
  console.log(`made ${n} ${what} in ${s.toFixed(1)} s (${Math.round(n / s)}/s)`);
}

const WORDS = ['周末', '城市漫步', '咖啡', '露营', '穿搭', '读书', '小红书', '旅行', '美食', '健身', '摄影', '手账'];
const note = (i) => ({
  type: 'normal',
  title: `${WORDS[i % WORDS.length]}笔记 ${i}`,
  content: `第 ${i} 篇：${WORDS[(i * 7) % WORDS.length]}和${WORDS[(i * 5 + 3) % WORDS.length]}的一天 #${WORDS[i % WORDS.length]}`,
  image_urls: ['https://img.example.com/1.jpg', 'https://img.example.com/2.jpg'],
});

/** wrk's figures for one path, from a Lua `done` hook that prints JSON. Asynchronous:
 * the fake token endpoints live in this process and must answer meanwhile. */
async function wrk(name, path, { method = 'GET', body = null, auth = false } = {}) {
  // One request first: it must succeed (a bench of errors measures nothing).
  const first = await fetch(`${base}${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...(auth ? { authorization: `Bearer ${session}` } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  if (!first.ok) throw new Error(`${name}: ${first.status} ${(await first.text()).slice(0, 300)}`);
  const lua = join(work, 'wrk.lua');
  writeFileSync(
    lua,
    `wrk.method = ${JSON.stringify(method)}
${body ? `wrk.body = ${JSON.stringify(JSON.stringify(body))}\nwrk.headers["Content-Type"] = "application/json"` : ''}
${auth ? `wrk.headers["Authorization"] = "Bearer ${session}"` : ''}
done = function(s, latency, requests)
  io.write(string.format('BENCH {"requests":%d,"duration_us":%d,"socket_errors":%d,"non_2xx":%d,"p50_us":%d,"p99_us":%d}\\n',
    s.requests, s.duration, s.errors.connect + s.errors.read + s.errors.write + s.errors.timeout, s.errors.status,
    latency:percentile(50), latency:percentile(99)))
end
`,
  );
  const slug = name.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '').toLowerCase();
  const perfData = join(work, `${slug}.perf`);
  const perf = PROFILE
    ? spawn('perf', ['record', '-q', '-F', '499', '-g', '-p', String(server.pid), '-o', perfData, '--', 'sleep', String(Math.max(1, SECONDS - 1))], {
        stdio: 'ignore',
      })
    : null;
  const r = await new Promise((resolve, reject) => {
    const child = spawn('wrk', ['-t2', `-c${CONNECTIONS}`, `-d${SECONDS}s`, '--latency', '-s', lua, `${base}${path}`]);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', () => resolve({ stdout, stderr }));
  });
  if (perf) {
    await new Promise((resolve) => (perf.exitCode === null ? perf.on('close', resolve) : resolve()));
    const report = spawnSync('perf', ['report', '-i', perfData, '--stdio', '--no-children', '--percent-limit', '1.5', '-g', 'none'], {
      encoding: 'utf8',
      maxBuffer: 64 << 20,
    });
    mkdirSync(join(root, 'target/bench'), { recursive: true });
    writeFileSync(join(root, `target/bench/profile-${slug}.txt`), report.stdout.split('\n').slice(0, 60).join('\n'));
  }
  const line = r.stdout.split('\n').find((l) => l.startsWith('BENCH '));
  if (!line) throw new Error(`wrk ${name}: ${r.stderr || r.stdout}`);
  const f = JSON.parse(line.slice(6));
  return {
    name,
    path: path.replace(/\/s\/[\w-]{20,}|\/share\/[\w-]{20,}/, (m) => m.replace(/[\w-]{20,}$/, '{token}')),
    rps: f.requests / (f.duration_us / 1e6),
    p50_ms: f.p50_us / 1000,
    p99_ms: f.p99_us / 1000,
    errors: f.socket_errors + f.non_2xx,
  };
}

/** The server's resident and peak memory now, in MB. */
function memory() {
  const status = readFileSync(`/proc/${server.pid}/status`, 'utf8');
  const mb = (field) => Number(status.match(new RegExp(`${field}:\\s+(\\d+)`))?.[1] ?? 0) / 1024;
  return { rss: mb('VmRSS'), peak: mb('VmHWM') };
}
const phases = [];
const phase = (name) => {
  const m = memory();
  phases.push({ name, ...m });
  console.log(`memory after ${name}: ${m.rss.toFixed(1)} MB resident, ${m.peak.toFixed(1)} MB peak`);
};

let session = null;
const results = [];
try {
  await until(async () => (await fetch(`${base}/healthz`)).ok, 'the server');
  session = (await api('POST', '/api/auth/login', { username: 'admin', password }, null)).token;
  phase('start');

  await many(NOTES, 16, 'notes', (i) => api('POST', '/api/posts', note(i)));
  const posts = await api('GET', '/api/posts?limit=1');
  const post = posts.items[0];
  const link = await api('POST', `/api/posts/${post.id}/links`, { label: 'bench' });
  const token = link.token;
  const kinds = ['opened', 'publish_tapped', 'sdk_loaded', 'app_opened'];
  await many(EVENTS, 16, 'events', (i) =>
    api('POST', `/api/share/${token}/events`, { kind: kinds[i % kinds.length], platform: i % 4 ? 'xhs' : undefined }, null),
  );

  phase('making notes and events');
  // The cursor of a page 90 000 notes deep: ids are dense from the first note.
  const deep = post.id - Math.min(90_000, NOTES - 20);
  const html = await (await fetch(`${base}/s/${token}`)).text();
  const asset = html.match(/\/assets\/[^"']+\.js/)?.[0];

  const runs = [
    ['healthz (ceiling)', '/healthz'],
    ['public page data', `/api/share/${token}`],
    ['signed payload, XHS', `/api/share/${token}/publish?platform=xhs`],
    ['signed payload, Douyin', `/api/share/${token}/publish?platform=douyin`],
    ['event beacon', `/api/share/${token}/events`, { method: 'POST', body: { kind: 'opened' } }],
    ['post list, first page', '/api/posts?limit=20', { auth: true }],
    ['post list, 90 000 deep', `/api/posts?limit=20&cursor=${deep}`, { auth: true }],
    ['search (小红书)', `/api/posts?limit=20&q=${encodeURIComponent('小红书')}`, { auth: true }],
    ['type filter (none match)', '/api/posts?limit=20&type=video', { auth: true }],
    ["a post's statistics", `/api/posts/${post.id}/stats`, { auth: true }],
    ['share page (HTML)', `/s/${token}`],
    ...(asset ? [['share page script', asset]] : []),
  ];
  for (const [name, path, o] of runs) {
    if (ONLY && name !== runs[0][0] && !ONLY.test(name)) continue;
    process.stderr.write(`  wrk: ${name}\n`);
    results.push(await wrk(name, path, o));
  }
  phase('the load');
  const peakKb = memory().peak * 1024;
  const ceiling = results[0].rps;

  const cpu = readFileSync('/proc/cpuinfo', 'utf8').match(/model name\s*:\s*(.*)/)?.[1] ?? '?';
  const cores = readFileSync('/proc/cpuinfo', 'utf8').match(/^processor/gm)?.length ?? '?';
  console.log(
    `\nxhs-publisher bench: ${POSTGRES ? 'PostgreSQL' : 'SQLite'}, ${NOTES} notes, ${EVENTS} events on one link, wrk -t2 -c${CONNECTIONS} -d${SECONDS}s, MALLOC_ARENA_MAX=${env.MALLOC_ARENA_MAX}; ${cores} × ${cpu}\n`,
  );
  console.log('| path | req/s | p50 ms | p99 ms | × healthz | errors |');
  console.log('|---|---:|---:|---:|---:|---:|');
  for (const r of results) {
    console.log(
      `| ${r.name} | ${Math.round(r.rps)} | ${r.p50_ms.toFixed(2)} | ${r.p99_ms.toFixed(2)} | ${(r.rps / ceiling).toFixed(2)} | ${r.errors} |`,
    );
  }
  console.log(`\npeak memory (VmHWM): ${(peakKb / 1024).toFixed(1)} MB`);
  console.log(`XHS token fetches: ${xhs.tokens.length}; Douyin token fetches: ${douyin.calls.filter((c) => c.path === '/oauth/client_token/').length}`);
  mkdirSync(join(root, 'target/bench'), { recursive: true });
  writeFileSync(
    join(root, 'target/bench/result.json'),
    JSON.stringify(
      { backend: POSTGRES ? 'postgres' : 'sqlite', notes: NOTES, events: EVENTS, results, memory: phases, xhs_token_fetches: xhs.tokens.length },
      null,
      2,
    ),
  );
} catch (e) {
  const log = readFileSync(join(work, 'server.log'), 'utf8').split('\n').slice(-20).join('\n');
  console.error(`bench failed: ${e.message}\nthe server's last lines:\n${log}`);
  process.exitCode = 1;
} finally {
  await stop();
}
