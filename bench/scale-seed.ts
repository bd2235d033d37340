/**
 * Seeding for the benches at scale (bench/logs.ts, bench/scale.ts): stores, users with their badge
 * method and code, and sign-in log rows, written with batched SQL straight into a libSQL database
 * (the admin API would spend minutes on 100 000 POSTs measuring something else). Rows match what the
 * app writes; nothing here can sign in (the PIN verifiers are placeholders).
 *
 * Ids: stores `store-0` …, users `user-0000000` …, methods `method-…`, codes `CODE…`, devices
 * `device-0` … (named in the log only). A user's store is `store-((i / 40) % stores)`, so every store
 * holds every first name.
 */
import type { Client, InStatement } from '@libsql/client';

const HOUR = 3600_000;

/**
 * SQLite's page cache for the seeding transaction (KiB), then back to its default. With the default
 * 2 MB, random inserts into the indexes spill dirty pages to the WAL again and again; a cache holding
 * the whole database writes each page once, at the commit.
 */
const SEEDING_CACHE: InStatement = 'PRAGMA cache_size = -1048576';
const DEFAULT_CACHE: InStatement = 'PRAGMA cache_size = -2000';

// 40 × 40 names: a first name is shared by 2.5 % of users, as common first names are in large workforces.
export const FIRST_NAMES =
  `Ana Bruno Carla Dmitri Elif Fatima Gustavo Hana Ivan Joana Kwame Lucia Mateo Nadia Omar Priya
  Quentin Rosa Sven Tariq Ursula Vera Wei Ximena Yusuf Zofia Amir Beatriz Chen Dalia Emeka Freya Goran Ines
  Jonas Kenji Leila Marta Nikos Olga`.split(/\s+/);
export const LAST_NAMES =
  `Silva Santos Okafor Nguyen Kowalski Haddad Moreau Tanaka Costa Berg Fischer Rossi Novak Ibrahim Kim
  Lopez Mensah Petrov Sato Dubois Ahmed Jansen Horvat Yilmaz Andersen Cohen Ferreira Gupta Ivanova Keller
  Lindqvist Mahlaba Nowak Oliveira Park Quispe Reyes Schmidt Torres Varga`.split(/\s+/);

export interface PeopleOptions {
  users: number;
  stores: number;
  /** Epoch ms the lock times are relative to. */
  now: number;
}

/**
 * `stores` stores and `users` users (1 % managers, user i named `<first> <last> <i>`, employee id
 * `E000000i`), each in one store, each with a QR-code + PIN method (0.5 % locked for the next hour,
 * 0.1 % at the hard limit) and one standard code valid for a year.
 */
export async function seedPeople(client: Client, { users, stores, now }: PeopleOptions): Promise<void> {
  await client.batch(
    Array.from({ length: stores }, (_, g) => ({
      sql: 'INSERT INTO groups (id, display_name, created_at) VALUES (?, ?, 0)',
      args: [`store-${g}`, `Store ${g}`],
    })),
    'write',
  );
  const firstCase = FIRST_NAMES.map((n, i) => `WHEN ${i} THEN '${n}'`).join(' ');
  const lastCase = LAST_NAMES.map((n, i) => `WHEN ${i} THEN '${n}'`).join(' ');
  const seeded = "FROM users WHERE id LIKE 'user-%'";
  const number = 'CAST(substr(id, 6) AS INTEGER)';
  await client.batch(
    [
      SEEDING_CACHE,
      {
        sql: `WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < ?)
              INSERT INTO users (id, user_principal_name, display_name, employee_id, role, account_enabled, created_at, updated_at)
              SELECT printf('user-%07d', i),
                     lower(f || '.' || l || '.' || i || '@example.test'),
                     f || ' ' || l || ' ' || i,
                     printf('E%07d', i),
                     CASE WHEN i % 100 = 0 THEN 'manager' ELSE 'worker' END, 1, i, i
              FROM (SELECT i, CASE i % ${FIRST_NAMES.length} ${firstCase} END AS f,
                              CASE (i / ${FIRST_NAMES.length}) % ${LAST_NAMES.length} ${lastCase} END AS l FROM n)`,
        args: [users - 1],
      },
      `INSERT INTO group_members (group_id, user_id)
       SELECT 'store-' || (${number} / 40 % ${stores}), id ${seeded}`,
      {
        sql: `INSERT INTO qr_pin_methods (id, user_id, pin_hash, pin_length, force_change_pin, pin_updated_at,
                failed_attempts, consecutive_failures, lockout_count, locked_until, created_at)
              SELECT 'method-' || substr(id, 6), id, 'bench-not-a-verifier', 8, 0, 0, 0,
                     CASE WHEN ${number} % 1000 = 7 THEN 1000 ELSE 0 END, 0,
                     CASE WHEN ${number} % 200 = 3 THEN ? ELSE NULL END, 0
              ${seeded}`,
        args: [now + HOUR],
      },
      {
        sql: `INSERT INTO qr_codes (id, method_id, kind, secret_hash, short_code_hash, start_at, expire_at, created_at)
              SELECT 'CODE' || substr(id, 6), 'method-' || substr(id, 6), 'standard',
                     lower(hex(randomblob(32))), lower(hex(randomblob(32))), 0, ?, 0
              ${seeded}`,
        args: [now + 365 * 24 * HOUR],
      },
      DEFAULT_CACHE,
    ],
    'write',
  );
}

export interface SignInLogOptions {
  rows: number;
  /** Users seeded by seedPeople: the log names `user-…` and `CODE…` among them. */
  users: number;
  devices: number;
  days: number;
  /** Epoch ms of the newest row. */
  now: number;
}

const ROWS_PER_INSERT = 50_000;

/**
 * Sign-ins over the last `days` days, in time order with jitter, spread over every user and
 * `devices` devices. Per 1000 rows: 900 successes; failures 55 PIN_INCORRECT, 15 QR_CODE_EXPIRED,
 * 10 METHOD_LOCKED, 10 QR_CODE_NOT_RECOGNIZED (no user), 5 TOO_MANY_ATTEMPTS,
 * 5 ACCESS_BLOCKED_BY_POLICY.
 */
export async function seedSignInLogs(
  client: Client,
  { rows, users, devices, days, now }: SignInLogOptions,
): Promise<void> {
  const span = days * 24 * HOUR;
  const start = now - span;
  const statements: InStatement[] = [SEEDING_CACHE];
  for (let first = 0; first < rows; first += ROWS_PER_INSERT) {
    const count = Math.min(ROWS_PER_INSERT, rows - first);
    statements.push({
      // MATERIALIZED: each row draws its random numbers once, however often the SELECT names them.
      sql: `WITH RECURSIVE n(i) AS (SELECT ? UNION ALL SELECT i + 1 FROM n WHERE i < ?),
            r AS MATERIALIZED (SELECT i, abs(random()) % 1000 AS o, abs(random()) % ${users} AS u,
                                      abs(random()) % ${devices} AS d, abs(random()) % 60000 AS jitter FROM n)
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
      args: [first, first + count - 1, start, span, rows],
    });
  }
  await client.batch([...statements, DEFAULT_CACHE], 'write');
}

/** The API token of `user-0000000`, a manager (seedPeople) of store-0, here also made a manager of store-1. */
export async function seedManagerOfTwoStores(client: Client, tokenHash: string): Promise<void> {
  await client.batch(
    [
      {
        sql: `INSERT INTO api_tokens (id, display_name, token_hash, user_id, created_at)
              VALUES ('bench-manager-token', 'bench manager', ?, 'user-0000000', ?)`,
        args: [tokenHash, Date.now()],
      },
      "INSERT INTO group_members (group_id, user_id) VALUES ('store-1', 'user-0000000')",
    ],
    'write',
  );
}
