/**
 * `npx tsx bench/logs.ts`: the sign-in log, the dashboard summary and user search at 100 000 users
 * and 1 000 000 sign-in log rows (USERS=…, SIGN_INS=… to change), through the real app on a
 * temporary libSQL file. Prints medians and p95, never asserts. With EXPLAIN=1 it also prints,
 * before each timing, SQLite's plan for every statement the request ran (docs/database-indexes.md).
 *
 * Rows are inserted with batched SQL (bench/scale-seed.ts): 30 days of sign-ins, ≈ 90 % successes,
 * six failure codes, spread over every user and 2 000 devices; every user has a QR-code + PIN method
 * and a code, 0.5 % of them locked now.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { InStatement } from '@libsql/client';
import { sha256 } from '../server/platform/crypto.js';
import { startRuntime } from '../server/runtime.js';
import { seedManagerOfTwoStores, seedPeople, seedSignInLogs } from './scale-seed.js';

const USERS = Number(process.env.USERS ?? 100_000);
const SIGN_INS = Number(process.env.SIGN_INS ?? 1_000_000);
const EXPLAIN = process.env.EXPLAIN === '1';
const GROUPS = 200;
const DEVICES = 2000;
const DAYS = 30;
const RUNS = 25;
const ADMIN_TOKEN = 'bench-admin-token-0123456789abcdef';
const MANAGER_TOKEN = 'bench-manager-token-0123456789abcdef';
const HOUR = 3600_000;

const dir = mkdtempSync(join(tmpdir(), 'shiftpass-bench-logs-'));
const runtime = await startRuntime({ DATA_DIR: dir, BOOTSTRAP_API_TOKEN: ADMIN_TOKEN });
const { client } = runtime.database;
const now = Date.now();

const sorted = (values: number[]) => [...values].sort((a, b) => a - b);
const percentile = (values: number[], p: number) =>
  sorted(values)[Math.min(values.length - 1, Math.floor(values.length * p))] ?? NaN;
const seconds = (since: number) => ((performance.now() - since) / 1000).toFixed(1);

async function seedUsers(): Promise<void> {
  const started = performance.now();
  await seedPeople(client, { users: USERS, stores: GROUPS, now });
  // A manager of stores 0 and 1, acting through an API token.
  await seedManagerOfTwoStores(client, sha256(MANAGER_TOKEN));
  console.log(
    `seeded ${USERS} users in ${GROUPS} stores, each with a badge method, in ${seconds(started)} s`,
  );
}

async function seedSignIns(): Promise<void> {
  const started = performance.now();
  await seedSignInLogs(client, { rows: SIGN_INS, users: USERS, devices: DEVICES, days: DAYS, now });
  await client.execute('ANALYZE');
  console.log(
    `seeded ${SIGN_INS} sign-in log rows over ${DAYS} days in ${seconds(started)} s (then ANALYZE)`,
  );
}

/** Statements the app ran during one request, for EXPLAIN QUERY PLAN. */
function recordStatements(): { stop(): InStatement[] } {
  const seen: InStatement[] = [];
  const original = client.execute.bind(client);
  (client as { execute: unknown }).execute = (statement: InStatement) => {
    seen.push(statement);
    return original(statement);
  };
  return {
    stop() {
      (client as { execute: unknown }).execute = original;
      return seen;
    },
  };
}

async function explain(label: string, path: string, token: string): Promise<void> {
  const recorder = recordStatements();
  await request(path, token);
  const statements = recorder.stop().filter((s) => {
    const sql = typeof s === 'string' ? s : s.sql;
    return /^\s*select/i.test(sql) && !/sessions|api_tokens|settings|throttles/.test(sql);
  });
  console.log(`\n### ${label}\n`);
  for (const statement of statements) {
    const { sql, args } = typeof statement === 'string' ? { sql: statement, args: [] } : statement;
    console.log('```sql');
    console.log(sql);
    console.log('```');
    const plan = await client.execute({ sql: `EXPLAIN QUERY PLAN ${sql}`, args });
    console.log('```');
    for (const row of plan.rows) console.log(String(row.detail));
    console.log('```');
  }
}

interface Page {
  value?: unknown[];
  hours?: unknown[];
  nextCursor?: string | null;
}

async function request(path: string, token: string): Promise<{ ms: number; body: Page }> {
  const started = performance.now();
  const res = await runtime.app.request(path, { headers: { authorization: `Bearer ${token}` } });
  const body = (await res.json()) as Page;
  const ms = performance.now() - started;
  if (res.status !== 200) throw new Error(`GET ${path}: ${res.status} ${JSON.stringify(body)}`);
  return { ms, body };
}

async function time(label: string, path: string, token = ADMIN_TOKEN): Promise<void> {
  if (EXPLAIN) await explain(label, path, token);
  await request(path, token); // warm-up
  const times: number[] = [];
  let rows = 0;
  for (let i = 0; i < RUNS; i++) {
    const { ms, body } = await request(path, token);
    times.push(ms);
    rows = (body.value ?? body.hours ?? []).length;
  }
  console.log(
    `| ${label.padEnd(58)} | ${percentile(times, 0.5).toFixed(1).padStart(6)} | ${percentile(times, 0.95).toFixed(1).padStart(6)} | ${String(rows).padStart(4)} |`,
  );
}

async function timeExport(label: string, path: string): Promise<void> {
  const started = performance.now();
  const res = await runtime.app.request(path, { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } });
  const text = await res.text();
  const ms = performance.now() - started;
  const rows = text.split('\r\n').length - 2;
  console.log(
    `${label}: ${rows} rows, ${(text.length / 1e6).toFixed(1)} MB in ${ms.toFixed(0)} ms (${((rows / ms) * 1000).toFixed(0)} rows/s)`,
  );
}

const iso = (ms: number) => encodeURIComponent(new Date(ms).toISOString());
const LOGS = '/api/admin/sign-in-logs';

async function measure(): Promise<void> {
  console.log(`\nmedian and p95 of ${RUNS} requests through app.request() (ms), limit 50:\n`);
  console.log(`| ${'request'.padEnd(58)} | median |    p95 | rows |`);
  console.log(`| ${'-'.repeat(58)} | -----: | -----: | ---: |`);
  await time('sign-in log, first page', `${LOGS}?limit=50`);
  const { body } = await request(`${LOGS}?limit=50`, ADMIN_TOKEN);
  await time('sign-in log, second page (cursor)', `${LOGS}?limit=50&cursor=${body.nextCursor}`);
  await time('by user (≈ 10 rows in all)', `${LOGS}?userId=user-0004242`);
  await time('by store (500 members, ≈ 0.5 % of rows)', `${LOGS}?groupId=store-7`);
  await time('by device (≈ 500 rows)', `${LOGS}?deviceId=device-42`);
  await time('result=failure (10 %)', `${LOGS}?result=failure`);
  await time('failureCode=TOO_MANY_ATTEMPTS (0.5 %)', `${LOGS}?failureCode=TOO_MANY_ATTEMPTS`);
  await time(
    'time range: one hour 10 days ago',
    `${LOGS}?from=${iso(now - 240 * HOUR)}&to=${iso(now - 239 * HOUR)}`,
  );
  await time(
    'store + failure + last 7 days',
    `${LOGS}?groupId=store-7&result=failure&from=${iso(now - 7 * 24 * HOUR)}`,
  );
  await time('manager of 2 stores (≈ 1 000 workers), first page', `${LOGS}?limit=50`, MANAGER_TOKEN);
  await time('manager, groupId=store-1', `${LOGS}?groupId=store-1`, MANAGER_TOKEN);
  await time('dashboard summary, 24 h (admin)', '/api/admin/reports/sign-in-activity?hours=24');
  await time(
    'dashboard summary, 24 h (manager of 2 stores)',
    '/api/admin/reports/sign-in-activity',
    MANAGER_TOKEN,
  );
  await time('dashboard summary, 168 h (admin)', '/api/admin/reports/sign-in-activity?hours=168');
  await time('user search "hana" (2 500 matches)', '/api/admin/users?search=hana&limit=50');
  await time('user search "e0054321"', '/api/admin/users?search=e0054321');
  await time('audit log, first page', '/api/admin/audit-logs?limit=50');
  console.log('');
  await timeExport(
    'CSV export, one day of sign-ins',
    `${LOGS}/export?from=${iso(now - 48 * HOUR)}&to=${iso(now - 24 * HOUR)}`,
  );
  await timeExport('CSV export, store-7 (all 30 days)', `${LOGS}/export?groupId=store-7`);
}

try {
  await seedUsers();
  await seedSignIns();
  await measure();
  // TRY_INDEXES="CREATE INDEX …; CREATE INDEX …": the same measures again with candidate indexes.
  const candidates = (process.env.TRY_INDEXES ?? '')
    .split(';')
    .map((s) => s.trim())
    .filter(Boolean);
  if (candidates.length > 0) {
    for (const statement of candidates) await client.execute(statement);
    await client.execute('ANALYZE');
    console.log(`\nwith ${candidates.join('; ')}:`);
    await measure();
  }
} finally {
  runtime.close();
  rmSync(dir, { recursive: true, force: true });
}
