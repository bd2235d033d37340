/**
 * `npx tsx bench/list-users.ts`: GET /api/admin/users at 100 000 users (USERS=… to change), through
 * the real app on a temporary libSQL file. Prints medians, never asserts. Users are inserted with
 * batched SQL (the API would spend minutes on 100 000 POSTs measuring something else).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { sha256 } from '../server/platform/crypto.js';
import { startRuntime } from '../server/runtime.js';

const USERS = Number(process.env.USERS ?? 100_000);
const GROUPS = 200;
const ROWS_PER_INSERT = 1000;
const RUNS = 25;
const ADMIN_TOKEN = 'bench-admin-token-0123456789abcdef';
const MANAGER_TOKEN = 'bench-manager-token-0123456789abcdef';

// 40 × 40 names: a first name is shared by 2.5 % of users, as common first names are in large workforces.
const FIRST =
  `Ana Bruno Carla Dmitri Elif Fatima Gustavo Hana Ivan Joana Kwame Lucia Mateo Nadia Omar Priya Quentin
  Rosa Sven Tariq Ursula Vera Wei Ximena Yusuf Zofia Amir Beatriz Chen Dalia Emeka Freya Goran Ines Jonas Kenji Leila
  Marta Nikos Olga`.split(/\s+/);
const LAST =
  `Silva Santos Okafor Nguyen Kowalski Haddad Moreau Tanaka Costa Berg Fischer Rossi Novak Ibrahim Kim
  Lopez Mensah Petrov Sato Dubois Ahmed Jansen Horvat Yilmaz Andersen Cohen Ferreira Gupta Ivanova Keller Lindqvist
  Mahlaba Nowak Oliveira Park Quispe Reyes Schmidt Torres Varga`.split(/\s+/);

const dir = mkdtempSync(join(tmpdir(), 'shiftpass-bench-users-'));
const runtime = await startRuntime({ DATA_DIR: dir, BOOTSTRAP_API_TOKEN: ADMIN_TOKEN });
const { client } = runtime.database;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

async function seed(): Promise<void> {
  const started = performance.now();
  const groupRows = Array.from({ length: GROUPS }, (_, g) => ({
    sql: 'INSERT INTO groups (id, display_name, created_at) VALUES (?, ?, 0)',
    args: [`store-${g}`, `Store ${g}`],
  }));
  await client.batch(groupRows, 'write');
  for (let start = 0; start < USERS; start += ROWS_PER_INSERT) {
    const values: string[] = [];
    const args: (string | number)[] = [];
    for (let i = start; i < Math.min(start + ROWS_PER_INSERT, USERS); i++) {
      const first = FIRST[i % FIRST.length]!;
      const last = LAST[Math.floor(i / FIRST.length) % LAST.length]!;
      values.push('(?, ?, ?, ?, ?, 1, ?, ?)');
      args.push(
        `user-${String(i).padStart(7, '0')}`,
        `${first}.${last}.${i}@example.test`.toLowerCase(),
        `${first} ${last} ${i}`,
        `E${String(i).padStart(7, '0')}`,
        i % 100 === 0 ? 'manager' : 'worker',
        i,
        i,
      );
    }
    await client.execute({
      sql: `INSERT INTO users (id, user_principal_name, display_name, employee_id, role, account_enabled, created_at, updated_at) VALUES ${values.join(',')}`,
      args,
    });
  }
  // Every user in one store, by runs of 40 consecutive users (all first names): 500 per store at 100 000 users.
  await client.execute(
    `INSERT INTO group_members (group_id, user_id)
     SELECT 'store-' || (CAST(substr(id, 6) AS INTEGER) / 40 % ${GROUPS}), id FROM users WHERE id LIKE 'user-%'`,
  );
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
