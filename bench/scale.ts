/**
 * `npx tsx bench/scale.ts` (issue 14, target 7): sign-in latency at 100 000 users and 1 000 000
 * sign-in log rows against a nearly empty database, and the console's first sign-in log page and user
 * search at that scale, all over HTTP through `npm start`'s stack.
 *
 * 1. `node scripts/start.js` (what `npm start` runs) on a temporary DATA_DIR and a free port, with
 *    BOOTSTRAP_API_TOKEN, from a copy of the working tree (with its build, timestamps kept, so start.js
 *    rebuilds only when the checkout's build is older than its sources; `--head`: from `git archive
 *    HEAD` instead, built there). A build or edit in the checkout meanwhile cannot touch this server.
 * 2. Through the admin API: the QR-code + PIN method enabled for everyone, 24 workers with a badge,
 *    each signed in once and their PIN changed, so every measured sign-in is a plain successful one.
 * 3. The server is stopped and its DATA_DIR copied. The copy is seeded with batched SQL
 *    (bench/scale-seed.ts): 200 stores, 100 000 users each with a badge method and code, 1 000 000
 *    sign-in log rows over 30 days. No ANALYZE: the server never runs one, and the console's queries
 *    take the same plans with or without statistics (docs/benchmarks.md); `ANALYZE=1` adds one.
 * 4. Both servers run side by side (same build, same workers, same keys): "empty" on the original
 *    folder, "at scale" on the seeded copy. After a warm-up round, 8 rounds interleave them finely:
 *    each worker in turn signs in on one and then the other (which goes first alternates), then 48
 *    sign-ins over 4 concurrent loops on one and then the other. The figure is the median (and p95)
 *    at scale divided by the empty one's, pooled over the rounds; some rounds' own ratios are
 *    printed too, so the noise shows, and each server's CPU time per sign-in (from /proc), which a
 *    busy machine disturbs far less than latency.
 * 5. At scale, with the admin token: the console's first sign-in log page (`GET
 *    /api/admin/sign-in-logs?limit=50`, what the Logs page asks) and its people search (`GET
 *    /api/admin/users?search=hana&limit=25`, 2 500 matches), median and p95 of 31 after 3 warm-ups;
 *    then what bench/logs.ts and bench/list-users.ts measure through `app.request()`, over HTTP
 *    (median and p95 of 11 each), and two CSV exports.
 *
 * Never asserts a time. Exits 1 when the journey fails (a sign-in not answered 200).
 * USERS=…, LOG_ROWS=…, ROUNDS=… change the sizes.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { createClient } from '@libsql/client';
import { sha256 } from '../server/platform/crypto.js';
import { type ProductServer, startProductServer } from './product-server.js';
import { copySources } from './source-copy.js';
import { seedManagerOfTwoStores, seedPeople, seedSignInLogs } from './scale-seed.js';

const USERS = Number(process.env.USERS ?? 100_000);
const LOG_ROWS = Number(process.env.LOG_ROWS ?? 1_000_000);
const ROUNDS = Number(process.env.ROUNDS ?? 8);
const STORES = 200;
const DEVICES = 2000;
const DAYS = 30;
const WORKERS = 24;
const CONCURRENT_LOOPS = 4;
const CONCURRENT_PER_ROUND = 48;
const RUNS = 31;
/** Runs of each request in the table after the figures (bench/logs.ts's and list-users.ts's measures). */
const MORE_RUNS = 11;
/** Pages of 50 walked by cursor before timing the next one (list-users.ts walks 1 000 through app.request()). */
const WALKED_PAGES = 200;
const RATIO_TARGET = 1.1;
const MS_TARGET = 100;
const TOKEN = 'bench-scale-admin-token-0123456789abcdef';
const MANAGER_TOKEN = 'bench-scale-manager-token-0123456789abcdef';
const NEW_PIN = '58203917';
const HOUR = 3600_000;
const FROM_HEAD = process.argv.includes('--head');
const root = resolve(fileURLToPath(import.meta.url), '../..');

const loadavg = () => readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
const log = (message: string) => console.error(`scale: ${message}`);
const sorted = (values: number[]) => [...values].sort((a, b) => a - b);
const percentile = (values: number[], p: number) =>
  sorted(values)[Math.min(values.length - 1, Math.ceil(p * values.length) - 1)] ?? NaN;
const median = (values: number[]) => percentile(values, 0.5);
const seconds = (since: number) => ((performance.now() - since) / 1000).toFixed(1);
const verdict = (ok: boolean) => (ok ? 'PASS' : 'MISS');

/** The sources start.js builds and serves from (server/db/migrations are read at run time). */
function makeTree(dir: string): string {
  const tree = join(dir, 'tree');
  if (FROM_HEAD) {
    mkdirSync(tree);
    execFileSync('sh', ['-c', `git archive HEAD | tar -x -C "${tree}"`], { cwd: root });
    symlinkSync(join(root, 'node_modules'), join(tree, 'node_modules'), 'dir');
  } else {
    copySources(root, tree);
  }
  return tree;
}

type Server = ProductServer & { name: string };

const startServer = async (name: string, tree: string, dataDir: string): Promise<Server> => ({
  name,
  ...(await startProductServer({ tree, dataDir, token: TOKEN, host: '127.0.0.1', name })),
});

async function api<T>(base: string, method: string, path: string, body?: unknown, token = TOKEN): Promise<T> {
  const res = await fetch(`${base}/api${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text}`);
  return (text ? JSON.parse(text) : undefined) as T;
}

async function signIn(base: string, qr: string, pin: string): Promise<Response> {
  return fetch(`${base}/api/auth/qr-pin/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ qr, pin }),
  });
}

/** 24 workers with a badge, each signed in once and their temporary PIN changed. */
async function provisionWorkers(base: string): Promise<string[]> {
  await api(base, 'PATCH', '/admin/policies/qr-code-pin', {
    state: 'enabled',
    includeTargets: [{ id: 'all_users' }],
  });
  const qrs: string[] = [];
  for (let i = 0; i < WORKERS; i++) {
    const user = await api<{ id: string }>(base, 'POST', '/admin/users', {
      userPrincipalName: `bench.scale.${i}@store`,
      displayName: `Bench Scale ${i}`,
    });
    const method = await api<{ standardQRCode: { image: { rawContent: string } }; pin: { code: string } }>(
      base,
      'PUT',
      `/admin/users/${user.id}/qr-code-pin-method`,
      {},
    );
    const qr = method.standardQRCode.image.rawContent;
    const first = await signIn(base, qr, method.pin.code);
    if (!first.ok) throw new Error(`first sign-in: ${first.status} ${await first.text()}`);
    const cookie = first.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    const changed = await fetch(`${base}/api/auth/qr-pin/change-pin`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie, origin: base },
      body: JSON.stringify({ currentPin: method.pin.code, newPin: NEW_PIN }),
    });
    if (!changed.ok) throw new Error(`change-pin: ${changed.status} ${await changed.text()}`);
    qrs.push(qr);
  }
  return qrs;
}

async function seedAtScale(dataDir: string): Promise<void> {
  const client = createClient({ url: `file:${join(dataDir, 'shiftpass.db')}` });
  try {
    const now = Date.now();
    let started = performance.now();
    await seedPeople(client, { users: USERS, stores: STORES, now });
    await seedManagerOfTwoStores(client, sha256(MANAGER_TOKEN));
    log(
      `seeded ${USERS} users in ${STORES} stores, each with a badge method and code, in ${seconds(started)} s`,
    );
    started = performance.now();
    await seedSignInLogs(client, { rows: LOG_ROWS, users: USERS, devices: DEVICES, days: DAYS, now });
    log(`seeded ${LOG_ROWS} sign-in log rows over ${DAYS} days in ${seconds(started)} s`);
    if (process.env.ANALYZE === '1') {
      started = performance.now();
      await client.execute('ANALYZE');
      log(`ANALYZE in ${seconds(started)} s`);
    }
    await client.execute('PRAGMA wal_checkpoint(TRUNCATE)');
  } finally {
    client.close();
  }
}

/** One timed sign-in; anything but 200 fails the bench. */
async function timedSignIn(server: Server, qr: string): Promise<number> {
  const started = performance.now();
  const res = await signIn(server.base, qr, NEW_PIN);
  await res.arrayBuffer();
  const ms = performance.now() - started;
  if (res.status !== 200) throw new Error(`${server.name}: sign-in answered ${res.status}`);
  return ms;
}

const CLOCK_TICKS_PER_S = Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100;

/** CPU time (user + system, all threads: argon2's too) the server process has used so far, in ms. */
function serverCpuMs(server: Server): number {
  const stat = readFileSync(`/proc/${server.child.pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS_PER_S;
}

interface Samples {
  sequential: number[];
  concurrent: number[];
  /** The server's CPU time over the sign-ins above, and how many there were. */
  cpuMs: number;
  signIns: number;
}

/** Runs sign-ins on one server, adding the server's CPU time they took to its samples. */
async function counted(server: Server, into: Samples, count: number, run: () => Promise<void>) {
  const before = serverCpuMs(server);
  await run();
  into.cpuMs += serverCpuMs(server) - before;
  into.signIns += count;
}

/**
 * One round on both servers, interleaved finely so a neighbour's burst of load hits both alike: the
 * workers one after another, each signing in on one server and then the other (the first server
 * alternating), then a block of sign-ins over 4 concurrent loops on each (the order alternating).
 */
async function signInRound(round: number, a: Server, b: Server, into: Map<Server, Samples>): Promise<void> {
  for (const [i, qr] of badges.entries()) {
    for (const s of (round + i) % 2 === 0 ? [a, b] : [b, a]) {
      const samples = into.get(s)!;
      await counted(s, samples, 1, async () => void samples.sequential.push(await timedSignIn(s, qr)));
    }
  }
  for (const s of round % 2 === 0 ? [a, b] : [b, a]) {
    const samples = into.get(s)!;
    let next = 0;
    await counted(s, samples, CONCURRENT_PER_ROUND, async () => {
      await Promise.all(
        Array.from({ length: CONCURRENT_LOOPS }, async () => {
          while (next < CONCURRENT_PER_ROUND) {
            const qr = badges[next++ % badges.length]!;
            samples.concurrent.push(await timedSignIn(s, qr));
          }
        }),
      );
    });
  }
}

async function timedGet(base: string, path: string, token: string): Promise<{ ms: number; body: Page }> {
  const started = performance.now();
  const res = await fetch(`${base}/api${path}`, { headers: { authorization: `Bearer ${token}` } });
  const text = await res.text();
  const ms = performance.now() - started;
  if (res.status !== 200) throw new Error(`GET ${path}: ${res.status} ${text.slice(0, 300)}`);
  return { ms, body: (path.includes('/export') ? {} : JSON.parse(text)) as Page };
}

interface Page {
  value?: unknown[];
  hours?: unknown[];
  nextCursor?: string | null;
}

async function timeGet(base: string, path: string, token = TOKEN, runs = RUNS) {
  for (let i = 0; i < (runs === RUNS ? 3 : 1); i++) await timedGet(base, path, token);
  const times: number[] = [];
  let rows = 0;
  for (let i = 0; i < runs; i++) {
    const { ms, body } = await timedGet(base, path, token);
    times.push(ms);
    rows = (body.value ?? body.hours ?? []).length;
  }
  return { median: median(times), p95: percentile(times, 0.95), rows };
}

const iso = (ms: number) => encodeURIComponent(new Date(ms).toISOString());

/** The rest of bench/logs.ts and bench/list-users.ts, over HTTP: one table line each. */
async function moreAtScale(base: string): Promise<void> {
  const now = Date.now();
  const LOGS = '/admin/sign-in-logs';
  const first = await timedGet(base, `${LOGS}?limit=50`, TOKEN);
  const lines: [string, string, string?][] = [
    ['sign-in log, second page (cursor)', `${LOGS}?limit=50&cursor=${first.body.nextCursor}`],
    ['sign-in log by user (≈ 10 rows)', `${LOGS}?userId=user-0004242&limit=50`],
    ['sign-in log by store (500 members)', `${LOGS}?groupId=store-7&limit=50`],
    ['sign-in log by device (≈ 500 rows)', `${LOGS}?deviceId=device-42&limit=50`],
    ['sign-in log, result=failure', `${LOGS}?result=failure&limit=50`],
    ['sign-in log, failureCode=TOO_MANY_ATTEMPTS', `${LOGS}?failureCode=TOO_MANY_ATTEMPTS&limit=50`],
    [
      'sign-in log, one hour 10 days ago',
      `${LOGS}?from=${iso(now - 240 * HOUR)}&to=${iso(now - 239 * HOUR)}&limit=50`,
    ],
    [
      'sign-in log, store + failure + 7 days',
      `${LOGS}?groupId=store-7&result=failure&from=${iso(now - 7 * 24 * HOUR)}&limit=50`,
    ],
    ['sign-in log, manager of 2 stores', `${LOGS}?limit=50`, MANAGER_TOKEN],
    ['dashboard 24 h (admin)', '/admin/reports/sign-in-activity?hours=24'],
    ['dashboard 24 h (manager of 2 stores)', '/admin/reports/sign-in-activity', MANAGER_TOKEN],
    ['dashboard 168 h (admin)', '/admin/reports/sign-in-activity?hours=168'],
    ['users, first page', '/admin/users?limit=25'],
    ['user search "hana tanaka 4"', '/admin/users?search=hana%20tanaka%204&limit=25'],
    ['user search by employee id "e0054321"', '/admin/users?search=e0054321&limit=25'],
    ['user search "kwame.berg.1"', '/admin/users?search=kwame.berg.1&limit=25'],
    ['user search, no match "zzz"', '/admin/users?search=zzz&limit=25'],
    ['user search "e00" (matches everyone)', '/admin/users?search=e00&limit=25'],
    ['users of one store (500)', '/admin/users?groupId=store-7&limit=25'],
    ['users of one store + search "ana"', '/admin/users?groupId=store-7&search=ana&limit=25'],
    ['users, limit=200, first page', '/admin/users?limit=200'],
    ['users, manager of 2 stores', '/admin/users?limit=25', MANAGER_TOKEN],
    ['audit log, first page', '/admin/audit-logs?limit=50'],
  ];
  console.log(
    `\n| at ${USERS} users / ${LOG_ROWS} log rows, over HTTP (${MORE_RUNS} runs) | median ms | p95 ms | rows |`,
  );
  console.log('| --- | ---: | ---: | ---: |');
  for (const [label, path, token] of lines) {
    const t = await timeGet(base, path, token, MORE_RUNS);
    console.log(`| ${label} | ${t.median.toFixed(1)} | ${t.p95.toFixed(1)} | ${t.rows} |`);
  }
  // 10 000 users in by cursor, as a reader paging through everyone would get there.
  let cursor = '';
  const walk = performance.now();
  for (let i = 0; i < WALKED_PAGES; i++) {
    cursor = (await timedGet(base, `/admin/users?limit=50${cursor ? `&cursor=${cursor}` : ''}`, TOKEN)).body
      .nextCursor!;
  }
  console.log(
    `| users, pages 1-${WALKED_PAGES} walked by cursor, per page | ${((performance.now() - walk) / WALKED_PAGES).toFixed(1)} | | 50 |`,
  );
  const t = await timeGet(base, `/admin/users?limit=50&cursor=${cursor}`, TOKEN, MORE_RUNS);
  console.log(
    `| users, page ${WALKED_PAGES + 1} by cursor | ${t.median.toFixed(1)} | ${t.p95.toFixed(1)} | ${t.rows} |`,
  );
  for (const [label, query] of [
    ['one day of sign-ins', `from=${iso(now - 48 * HOUR)}&to=${iso(now - 24 * HOUR)}`],
    ['store-7, all 30 days', 'groupId=store-7'],
  ]) {
    const started = performance.now();
    const csv = await fetch(`${base}/api${LOGS}/export?${query}`, {
      headers: { authorization: `Bearer ${TOKEN}` },
    }).then((r) => r.text());
    const ms = performance.now() - started;
    const rows = csv.split('\r\n').length - 2;
    console.log(
      `CSV export of ${label}: ${rows} rows in ${ms.toFixed(0)} ms (${((rows / ms) * 1000).toFixed(0)} rows/s)`,
    );
  }
}

const dir = mkdtempSync(join(tmpdir(), 'shiftpass-bench-scale-'));
const servers: Server[] = [];
let badges: string[] = [];
let failed = false;
try {
  log(`load before ${loadavg()}`);
  const buildStarted = performance.now();
  const tree = makeTree(dir);
  const emptyDir = join(dir, 'empty');
  const scaleDir = join(dir, 'scale');
  const provisioning = await startServer('empty', tree, emptyDir);
  servers.push(provisioning);
  log(`built (when needed) and started in ${seconds(buildStarted)} s; provisioning ${WORKERS} workers`);
  badges = await provisionWorkers(provisioning.base);
  await provisioning.stop();
  servers.pop();

  const seedStarted = performance.now();
  cpSync(emptyDir, scaleDir, { recursive: true });
  await seedAtScale(scaleDir);
  const seedSeconds = seconds(seedStarted);
  log(`seeding took ${seedSeconds} s in all`);

  const empty = await startServer('empty', tree, emptyDir);
  servers.push(empty);
  const atScale = await startServer('at scale', tree, scaleDir);
  servers.push(atScale);

  // Warm-up: JIT, each database's pages, argon2's allocations.
  const fresh = () =>
    new Map<Server, Samples>([
      [empty, { sequential: [], concurrent: [], cpuMs: 0, signIns: 0 }],
      [atScale, { sequential: [], concurrent: [], cpuMs: 0, signIns: 0 }],
    ]);
  await signInRound(0, empty, atScale, fresh());
  const loadStart = loadavg();
  const results = fresh();
  console.log(`sign-in over HTTP, ${WORKERS} workers, ${ROUNDS} rounds interleaved (load ${loadStart}):`);
  for (let round = 0; round < ROUNDS; round++) {
    const samples = fresh();
    await signInRound(round, empty, atScale, samples);
    const ms = (s: Server, mode: 'sequential' | 'concurrent') => median(samples.get(s)![mode]);
    const show = (mode: 'sequential' | 'concurrent') =>
      `${ms(empty, mode).toFixed(1)} → ${ms(atScale, mode).toFixed(1)} ms (×${(ms(atScale, mode) / ms(empty, mode)).toFixed(2)})`;
    if (round % 3 === 2 || round === ROUNDS - 1 || ROUNDS <= 6) {
      console.log(
        `  round ${round + 1}: one after another ${show('sequential')}, concurrency 4 ${show('concurrent')}`,
      );
    }
    for (const s of [empty, atScale]) {
      const all = results.get(s)!;
      const these = samples.get(s)!;
      all.sequential.push(...these.sequential);
      all.concurrent.push(...these.concurrent);
      all.cpuMs += these.cpuMs;
      all.signIns += these.signIns;
    }
  }
  const loadEnd = loadavg();
  for (const [mode, label] of [
    ['sequential', 'one after another'],
    ['concurrent', 'concurrency 4'],
  ] as const) {
    const e = results.get(empty)![mode];
    const s = results.get(atScale)![mode];
    const ratio = median(s) / median(e);
    console.log(
      `sign-in ${label}, empty: median ${median(e).toFixed(1)} ms, p95 ${percentile(e, 0.95).toFixed(1)} ms; ` +
        `at scale: median ${median(s).toFixed(1)} ms, p95 ${percentile(s, 0.95).toFixed(1)} ms (${s.length} each)`,
    );
    console.log(
      `sign-in at ${USERS / 1000}k users / ${LOG_ROWS / 1e6}M log rows ÷ empty, ${label}, median: ${ratio.toFixed(2)} (target ≤ ${RATIO_TARGET.toFixed(2)}) ${verdict(ratio <= RATIO_TARGET)}`,
    );
    console.log(
      `sign-in at scale ÷ empty, ${label}, p95: ${(percentile(s, 0.95) / percentile(e, 0.95)).toFixed(2)} (load ${loadStart} → ${loadEnd})`,
    );
  }

  const cpuPerSignIn = (s: Server) => results.get(s)!.cpuMs / results.get(s)!.signIns;
  console.log(
    `server CPU per sign-in (user + system, argon2 included), empty: ${cpuPerSignIn(empty).toFixed(1)} ms, ` +
      `at scale: ${cpuPerSignIn(atScale).toFixed(1)} ms, ratio ${(cpuPerSignIn(atScale) / cpuPerSignIn(empty)).toFixed(2)}`,
  );

  const logs = await timeGet(atScale.base, '/admin/sign-in-logs?limit=50');
  console.log(
    `sign-in log first page at ${LOG_ROWS / 1e6}M rows, median: ${logs.median.toFixed(1)} ms, p95 ${logs.p95.toFixed(1)} ms (target < ${MS_TARGET} ms) ${verdict(logs.median < MS_TARGET)}`,
  );
  const search = await timeGet(atScale.base, '/admin/users?search=hana&limit=25');
  console.log(
    `user search "hana" (${USERS / 40} matches) at ${USERS / 1000}k users, median: ${search.median.toFixed(1)} ms, p95 ${search.p95.toFixed(1)} ms (target < ${MS_TARGET} ms) ${verdict(search.median < MS_TARGET)}`,
  );
  await moreAtScale(atScale.base);
  console.log(
    `seeding ${USERS} users and ${LOG_ROWS} log rows: ${seedSeconds} s; load at the end ${loadavg()}`,
  );
} catch (error) {
  failed = true;
  console.error(error);
} finally {
  for (const s of servers) await s.stop();
  rmSync(dir, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
