/**
 * Issue 13, finding 1: unauthenticated floods must grow the database by a bounded amount. Attempts
 * refused by the per-client budget are counted on one sign-in log row per client, budget window and
 * step; stored user agents are cut; every answer stays 429 TOO_MANY_ATTEMPTS with Retry-After.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createWorker, queryRows, readError, startHarness, type Harness } from '../support/api-harness.js';
import { CONSOLE_PASSWORD, createConsoleUser, enrolConsoleUser, post } from '../support/console.js';

const QR_POLICY = '/api/admin/policies/qr-code-pin';
const BUDGET = 10;
/** Longer than any browser's: what an attacker sends to fill the log. */
const HUGE_USER_AGENT = `Mozilla/5.0 ${'x'.repeat(4000)}`;

let h: Harness;
let addressCounter = 0;
const freshAddress = () => `10.13.0.${++addressCounter}`;
/** The floods send thousands of requests: a few seconds on an idle machine, more on a busy CI runner. */
const FLOOD_TIMEOUT_MS = 90_000;

beforeAll(async () => {
  h = await startHarness();
  const res = await h.request('PATCH', QR_POLICY, { body: { lockout: { clientThreshold: BUDGET } } });
  expect(res.status).toBe(200);
});

afterAll(() => h.close());

const countRows = async (table: string, where = '1 = 1', args: string[] = []) =>
  Number((await queryRows(h, `SELECT count(*) AS n FROM ${table} WHERE ${where}`, args))[0]!.n);

/** The database's size in pages, after a checkpoint so the write-ahead log is counted too. */
async function databasePages(): Promise<number> {
  await h.runtime.database.client.execute('PRAGMA wal_checkpoint(TRUNCATE)');
  return Number((await queryRows(h, 'PRAGMA page_count'))[0]!.page_count);
}

/** A junk badge, as a flood would send: it keeps the client's attempt spent and locks no one. */
const JUNK_BADGE = 'SP1.not-a-badge';

const badgeAttempt = (clientAddress: string) =>
  h.request('POST', '/api/auth/qr-pin/sign-in', {
    body: { qr: JUNK_BADGE, pin: '00000000' },
    token: null,
    clientAddress,
    headers: { 'user-agent': HUGE_USER_AGENT },
  });

/** The rows counting refused attempts from `address`, with their details parsed. */
async function refusedRows(address: string) {
  const rows = await queryRows(
    h,
    "SELECT user_id, user_agent, details FROM sign_in_logs WHERE failure_code = 'TOO_MANY_ATTEMPTS' AND ip_address = ?",
    [address],
  );
  return rows.map((row) => ({
    userId: row.user_id as string | null,
    userAgent: row.user_agent as string | null,
    details: JSON.parse(row.details as string) as Record<string, unknown>,
  }));
}

describe('a flood of badge sign-ins from one client', () => {
  test(
    '2 000 throttled attempts add one sign-in log row that counts them, and the database barely grows',
    async () => {
      const address = freshAddress();
      for (let i = 0; i < BUDGET; i++) await badgeAttempt(address);
      const rowsBefore = await countRows('sign_in_logs');
      const pagesBefore = await databasePages();

      for (let i = 0; i < 2000; i++) {
        const res = await badgeAttempt(address);
        if (i === 0 || i === 1999) {
          // What the kiosk sees is unchanged.
          expect(res.status).toBe(429);
          expect((await readError(res)).error).toMatchObject({
            code: 'TOO_MANY_ATTEMPTS',
            retryAfterSeconds: expect.any(Number),
          });
        }
      }

      expect((await countRows('sign_in_logs')) - rowsBefore).toBe(1);
      const [row] = await refusedRows(address);
      expect(row!.details).toMatchObject({
        reason: 'client_throttled',
        refusedAttempts: 2000,
        lastAttemptAt: h.clock.now().toISOString(),
      });
      expect(row!.userId).toBeNull();
      expect(row!.userAgent!.length).toBeLessThanOrEqual(256);
      // One row per request (as before) would have been ~2 000 × 4 KB of user agent: hundreds of pages.
      expect((await databasePages()) - pagesBefore).toBeLessThanOrEqual(4);
    },
    FLOOD_TIMEOUT_MS,
  );

  test('the next budget window starts a new counting row; other clients are counted apart', async () => {
    const address = freshAddress();
    const other = freshAddress();
    for (let i = 0; i < BUDGET + 5; i++) await badgeAttempt(address);
    for (let i = 0; i < BUDGET + 3; i++) await badgeAttempt(other);
    h.clock.advanceSeconds(15 * 60);
    for (let i = 0; i < BUDGET + 7; i++) await badgeAttempt(address);

    const counts = (await refusedRows(address)).map((r) => r.details.refusedAttempts);
    expect(counts).toEqual([5, 7]);
    expect((await refusedRows(other)).map((r) => r.details.refusedAttempts)).toEqual([3]);
  });

  test('user agents are stored cut to 256 characters on every sign-in log row and session', async () => {
    const worker = await createWorker(h);
    const res = await h.request('POST', '/api/auth/qr-pin/sign-in', {
      body: { qr: worker.qr, pin: worker.pin },
      token: null,
      clientAddress: freshAddress(),
      headers: { 'user-agent': HUGE_USER_AGENT },
    });
    expect(res.status).toBe(200);
    const [log] = await queryRows(h, 'SELECT user_agent FROM sign_in_logs WHERE user_id = ?', [
      worker.user.id,
    ]);
    const [session] = await queryRows(h, 'SELECT user_agent FROM sessions WHERE user_id = ?', [
      worker.user.id,
    ]);
    expect(log!.user_agent).toBe(HUGE_USER_AGENT.slice(0, 256));
    expect(session!.user_agent).toBe(HUGE_USER_AGENT.slice(0, 256));
  });
});

describe('a flood of console sign-ins from one client', () => {
  test(
    '1 000 unknown usernames add at most a budget of log and lockout rows, plus one counting row',
    async () => {
      const address = freshAddress();
      const logsBefore = await countRows('sign_in_logs');
      const lockoutsBefore = await countRows('console_lockouts');

      for (let i = 0; i < 1000; i++) {
        const res = await post(
          h,
          '/api/auth/console/sign-in',
          { userPrincipalName: `nobody${i}@example.test`, password: 'wrong password' },
          { clientAddress: address },
        );
        if (i === 999) {
          expect(res.status).toBe(429);
          expect((await readError(res)).error).toMatchObject({
            code: 'TOO_MANY_ATTEMPTS',
            retryAfterSeconds: expect.any(Number),
          });
        }
      }

      expect((await countRows('console_lockouts')) - lockoutsBefore).toBeLessThanOrEqual(BUDGET);
      expect((await countRows('sign_in_logs')) - logsBefore).toBeLessThanOrEqual(BUDGET + 1);
      const [counted] = await refusedRows(address);
      expect(counted!.details).toMatchObject({ step: 'password', refusedAttempts: 1000 - BUDGET });
    },
    FLOOD_TIMEOUT_MS,
  );

  test(
    're-authentication refused by the budget is counted on one row naming the signed-in user',
    async () => {
      const admin = await enrolConsoleUser(h, await createConsoleUser(h));
      const address = freshAddress();
      for (let i = 0; i < BUDGET; i++) {
        await post(
          h,
          '/api/auth/console/sign-in',
          { userPrincipalName: `spent${i}@example.test`, password: 'wrong password' },
          { clientAddress: address },
        );
      }
      const logsBefore = await countRows('sign_in_logs');
      for (let i = 0; i < 300; i++) {
        const res = await post(
          h,
          '/api/auth/console/reauthenticate',
          { password: CONSOLE_PASSWORD, code: '000000' },
          { cookie: admin.cookie, clientAddress: address },
        );
        expect(res.status).toBe(429);
      }
      expect((await countRows('sign_in_logs')) - logsBefore).toBe(1);
      const rows = await refusedRows(address);
      expect(rows.find((r) => r.userId === admin.id)?.details).toMatchObject({
        step: 'reauthentication',
        refusedAttempts: 300,
      });
    },
    FLOOD_TIMEOUT_MS,
  );
});
