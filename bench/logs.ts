/**
 * `npx tsx bench/logs.ts`: the sign-in log, the dashboard summary and user search at 100 000 users
 * and 1 000 000 sign-in log rows (USERS=…, SIGN_INS=… to change), through the real app on a
 * temporary libSQL file. Prints medians and p95, never asserts. With EXPLAIN=1 it also prints,
 * before each timing, SQLite's plan for every statement the request ran (docs/database-indexes.md).
 *
 * Rows are inserted with batched SQL: 30 days of sign-ins, ≈ 90 % successes, six failure codes,
 * spread over every user and 2 000 devices; every user has a QR-code + PIN method, 0.5 % of them
 * locked now.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { InStatement } from '@libsql/client';
import { sha256 } from '../server/platform/crypto.js';
import { startRuntime } from '../server/runtime.js';

const USERS = Number(process.env.USERS ?? 100_000);
const SIGN_INS = Number(process.env.SIGN_INS ?? 1_000_000);
const EXPLAIN = process.env.EXPLAIN === '1';
const GROUPS = 200;
const DEVICES = 2000;
const DAYS = 30;
const ROWS_PER_INSERT = 50_000;
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
  await client.batch(
    Array.from({ length: GROUPS }, (_, g) => ({
      sql: 'INSERT INTO groups (id, display_name, created_at) VALUES (?, ?, 0)',
      args: [`store-${g}`, `Store ${g}`],
    })),
    'write',
  );
  // The 40 × 40 names of bench/list-users.ts: a first name is shared by 2.5 % of users.
  const first = `Ana Bruno Carla Dmitri Elif Fatima Gustavo Hana Ivan Joana Kwame Lucia Mateo Nadia Omar Priya
    Quentin Rosa Sven Tariq Ursula Vera Wei Ximena Yusuf Zofia Amir Beatriz Chen Dalia Emeka Freya Goran Ines
    Jonas Kenji Leila Marta Nikos Olga`.split(/\s+/);
  const last =
    `Silva Santos Okafor Nguyen Kowalski Haddad Moreau Tanaka Costa Berg Fischer Rossi Novak Ibrahim Kim
    Lopez Mensah Petrov Sato Dubois Ahmed Jansen Horvat Yilmaz Andersen Cohen Ferreira Gupta Ivanova Keller
    Lindqvist Mahlaba Nowak Oliveira Park Quispe Reyes Schmidt Torres Varga`.split(/\s+/);
  const firstCase = first.map((n, i) => `WHEN ${i} THEN '${n}'`).join(' ');
  const lastCase = last.map((n, i) => `WHEN ${i} THEN '${n}'`).join(' ');
  await client.execute({
    sql: `WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < ?)
          INSERT INTO users (id, user_principal_name, display_name, employee_id, role, account_enabled, created_at, updated_at)
          SELECT printf('user-%07d', i),
                 lower(f || '.' || l || '.' || i || '@example.test'),
                 f || ' ' || l || ' ' || i,
                 printf('E%07d', i),
                 CASE WHEN i % 100 = 0 THEN 'manager' ELSE 'worker' END, 1, i, i
          FROM (SELECT i, CASE i % ${first.length} ${firstCase} END AS f,
                          CASE (i / ${first.length}) % ${last.length} ${lastCase} END AS l FROM n)`,
    args: [USERS - 1],
  });
  // Every user in one store, by runs of 40 consecutive users: 500 per store at 100 000 users.
  await client.execute(
    `INSERT INTO group_members (group_id, user_id)
     SELECT 'store-' || (CAST(substr(id, 6) AS INTEGER) / 40 % ${GROUPS}), id FROM users WHERE id LIKE 'user-%'`,
  );
  // Every user has a badge method; 0.5 % are locked now (a timed lock), 0.1 % at the hard limit.
  await client.execute({
    sql: `INSERT INTO qr_pin_methods (id, user_id, pin_hash, pin_length, force_change_pin, pin_updated_at,
            failed_attempts, consecutive_failures, lockout_count, locked_until, created_at)
          SELECT 'method-' || substr(id, 6), id, 'bench-not-a-verifier', 8, 0, 0, 0,
                 CASE WHEN CAST(substr(id, 6) AS INTEGER) % 1000 = 7 THEN 1000 ELSE 0 END, 0,
                 CASE WHEN CAST(substr(id, 6) AS INTEGER) % 200 = 3 THEN ? ELSE NULL END, 0
          FROM users WHERE id LIKE 'user-%'`,
    args: [now + HOUR],
  });
  // A manager of stores 0 and 1, acting through an API token.
  await runtime.deps.repos.credentials.insertApiToken({
    id: 'bench-manager-token',
    displayName: 'bench manager',
    tokenHash: sha256(MANAGER_TOKEN),
    userId: 'user-0000000',
    createdAt: new Date(),
  });
  await client.execute("INSERT INTO group_members (group_id, user_id) VALUES ('store-1', 'user-0000000')");
  console.log(
    `seeded ${USERS} users in ${GROUPS} stores, each with a badge method, in ${seconds(started)} s`,
  );
}

/**
 * Sign-ins over the last 30 days, in time order with jitter. Per 1000 rows: 900 successes; failures
 * 55 PIN_INCORRECT, 15 QR_CODE_EXPIRED, 10 METHOD_LOCKED, 10 QR_CODE_NOT_RECOGNIZED (no user),
 * 5 TOO_MANY_ATTEMPTS, 5 ACCESS_BLOCKED_BY_POLICY.
 */
async function seedSignIns(): Promise<void> {
  const started = performance.now();
  const span = DAYS * 24 * HOUR;
  const start = now - span;
  const statements: InStatement[] = [];
  for (let first = 0; first < SIGN_INS; first += ROWS_PER_INSERT) {
    const count = Math.min(ROWS_PER_INSERT, SIGN_INS - first);
    statements.push({
      // MATERIALIZED: each row draws its random numbers once, however often the SELECT names them.
      sql: `WITH RECURSIVE n(i) AS (SELECT ? UNION ALL SELECT i + 1 FROM n WHERE i < ?),
            r AS MATERIALIZED (SELECT i, abs(random()) % 1000 AS o, abs(random()) % ${USERS} AS u,
                                      abs(random()) % ${DEVICES} AS d, abs(random()) % 60000 AS jitter FROM n)
            INSERT INTO sign_in_logs (id, created_at, result, failure_code, auth_method, user_id, code_id,
                                      device_id, ip_address, user_agent, details)
            SELECT lower(hex(randomblob(16))),
                   ? + i * ? / ? + jitter,
                   CASE WHEN o < 900 THEN 'success' ELSE 'failure' END,
                   CASE WHEN o < 900 THEN NULL WHEN o < 955 THEN 'PIN_INCORRECT' WHEN o < 970 THEN 'QR_CODE_EXPIRED'
                        WHEN o < 980 THEN 'METHOD_LOCKED' WHEN o < 990 THEN 'QR_CODE_NOT_RECOGNIZED'
                        WHEN o < 995 THEN 'TOO_MANY_ATTEMPTS' ELSE 'ACCESS_BLOCKED_BY_POLICY' END,
                   'qr_pin',
                   CASE WHEN o >= 980 AND o < 990 THEN NULL ELSE printf('user-%07d', u) END,
                   CASE WHEN o >= 980 AND o < 990 THEN NULL ELSE printf('CODE%07d', u) END,
                   'device-' || d,
                   '10.' || (i % 250) || '.' || (i / 250 % 250) || '.1',
                   'Mozilla/5.0 (Linux; Android 14) Shiftpass kiosk',
                   CASE WHEN o < 900 THEN '{"via":"qr"}' ELSE NULL END
            FROM r`,
      args: [first, first + count - 1, start, span, SIGN_INS],
    });
  }
  await client.batch(statements, 'write');
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
