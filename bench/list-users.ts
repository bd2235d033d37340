/**
 * `npx tsx bench/list-users.ts`: GET /api/admin/users at 100 000 users (USERS=… to change), through
 * the real app on a temporary libSQL file. Prints medians, never asserts. Users (each in one of 200
 * stores, each with a badge method) are inserted with batched SQL (bench/scale-seed.ts).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { sha256 } from '../server/platform/crypto.js';
import { startRuntime } from '../server/runtime.js';
import { seedManagerOfTwoStores, seedPeople } from './scale-seed.js';

const USERS = Number(process.env.USERS ?? 100_000);
const GROUPS = 200;
const RUNS = 25;
const ADMIN_TOKEN = 'bench-admin-token-0123456789abcdef';
const MANAGER_TOKEN = 'bench-manager-token-0123456789abcdef';

const dir = mkdtempSync(join(tmpdir(), 'shiftpass-bench-users-'));
const runtime = await startRuntime({ DATA_DIR: dir, BOOTSTRAP_API_TOKEN: ADMIN_TOKEN });
const { client } = runtime.database;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

async function seed(): Promise<void> {
  const started = performance.now();
  await seedPeople(client, { users: USERS, stores: GROUPS, now: Date.now() });
  // A manager of stores 0 and 1, acting through an API token.
  await seedManagerOfTwoStores(client, sha256(MANAGER_TOKEN));
  console.log(
    `seeded ${USERS} users in ${GROUPS} groups in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
}

interface Page {
  value: { id: string }[];
  nextCursor: string | null;
}

async function get(query: string, token = ADMIN_TOKEN): Promise<{ ms: number; page: Page }> {
  const started = performance.now();
  const res = await runtime.app.request(`/api/admin/users?${query}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  const page = (await res.json()) as Page;
  const ms = performance.now() - started;
  if (res.status !== 200)
    throw new Error(`GET /api/admin/users?${query}: ${res.status} ${JSON.stringify(page)}`);
  return { ms, page };
}

/** How many users a search matches, by the plainest full-table query (run once, not timed). */
async function matches(prefix: string): Promise<number> {
  const column = (name: string) => `substr(lower(${name}), 1, length(?)) = lower(?)`;
  const result = await client.execute({
    sql: `SELECT count(*) AS n FROM users WHERE ${['display_name', 'user_principal_name', 'employee_id'].map(column).join(' OR ')}`,
    args: Array<string>(6).fill(prefix),
  });
  return Number(result.rows[0]!.n);
}

async function timeSearch(label: string, prefix: string): Promise<void> {
  const n = await matches(prefix);
  await time(`${label} "${prefix}", ${n} matches`, `search=${encodeURIComponent(prefix)}`);
}

async function time(label: string, query: string, token?: string): Promise<void> {
  await get(query, token); // warm-up
  const times: number[] = [];
  let rows = 0;
  for (let i = 0; i < RUNS; i++) {
    const { ms, page } = await get(query, token);
    times.push(ms);
    rows = page.value.length;
  }
  console.log(`${label.padEnd(64)} ${median(times).toFixed(2).padStart(7)} ms  (${rows} rows)`);
}

try {
  await seed();
  console.log(`\nmedian of ${RUNS} requests through app.request(), limit 50 unless noted:`);
  await time('first page', 'limit=50');

  // Walk 1000 pages in (50 000 users deep) to get a real cursor there.
  let cursor = '';
  const walkStarted = performance.now();
  for (let i = 0; i < 1000; i++)
    cursor = (await get(`limit=50${cursor ? `&cursor=${cursor}` : ''}`)).page.nextCursor!;
  const walkMs = performance.now() - walkStarted;
  await time('page 1001 (after 50 000 users), by cursor', `limit=50&cursor=${cursor}`);
  console.log(
    `${'walking pages 1-1000 one after another, per page'.padEnd(64)} ${(walkMs / 1000).toFixed(2).padStart(7)} ms`,
  );
  await time('limit=200, first page', 'limit=200');

  await timeSearch('search by name and userPrincipalName', 'hana');
  await timeSearch('search by name', 'hana tanaka 4');
  await timeSearch('search by employeeId', 'e0054321');
  await timeSearch('search by userPrincipalName', 'kwame.berg.1');
  await timeSearch('search with no match', 'zzz');
  await timeSearch('worst case: search by employeeId matching everyone', 'e00');
  await time('groupId (500 members)', 'groupId=store-7');
  await time('groupId + search "ana"', 'groupId=store-7&search=ana');
  await time('manager of 2 stores (1 000 workers in scope)', 'limit=50', MANAGER_TOKEN);
} finally {
  runtime.close();
  rmSync(dir, { recursive: true, force: true });
}
