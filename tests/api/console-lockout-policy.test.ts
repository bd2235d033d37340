/**
 * The console sign-in policy (`/api/admin/policies/console-sign-in`): its defaults, its independence
 * from the PIN lockout, the one-time copy of the PIN lockout that start-up stores when there is no
 * document yet (also with two runtimes on one database), a change that the console lockout obeys while
 * worker PINs keep the method policy's, refused values named by field, who may read and change it, and
 * the audit trail.
 */
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import {
  createWorker,
  queryRows,
  readError,
  readJson,
  signedInUser,
  startHarness,
  type Harness,
} from '../support/api-harness.js';
import { createConsoleUser, enrolConsoleUser, post } from '../support/console.js';
import { storeConsoleSignInPolicyIfAbsent } from '../../server/features/policies/policies.js';

const CONSOLE_POLICY = '/api/admin/policies/console-sign-in';
const QR_POLICY = '/api/admin/policies/qr-code-pin';
const CONSOLE_POLICY_KEY = 'policy.consoleSignIn';

const DEFAULT_CONSOLE_POLICY = {
  lockout: { threshold: 10, baseDelaySeconds: 60, growthFactor: 2, maxDelaySeconds: 86_400, hardLimit: 100 },
};

type ConsolePolicy = typeof DEFAULT_CONSOLE_POLICY;

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(() => h.close());

let addressCounter = 0;
/** An address of its own, so the per-client budget never answers in place of the account lockout. */
const freshAddress = () => `10.7.${addressCounter >> 8}.${++addressCounter & 255}`;

const getConsolePolicy = async (on: Harness = h) => {
  const res = await on.request('GET', CONSOLE_POLICY);
  expect(res.status).toBe(200);
  return readJson<ConsolePolicy>(res);
};

async function patchConsolePolicy(body: unknown) {
  const res = await h.request('PATCH', CONSOLE_POLICY, { body });
  expect(res.status, JSON.stringify(body)).toBe(200);
  return readJson<ConsolePolicy>(res);
}

async function patchQrPolicy(body: unknown) {
  const res = await h.request('PATCH', QR_POLICY, { body });
  expect(res.status, JSON.stringify(body)).toBe(200);
}

const wrongPassword = (userPrincipalName: string, i: number) =>
  post(
    h,
    '/api/auth/console/sign-in',
    { userPrincipalName, password: `wrong ${i}` },
    { clientAddress: freshAddress() },
  );

const wrongPin = (qr: string, pin: string) =>
  h.request('POST', '/api/auth/qr-pin/sign-in', {
    body: { qr, pin: pin === '24681357' ? '13572468' : '24681357' },
    token: null,
    clientAddress: freshAddress(),
  });

/** The stored console documents, as start-up or an admin left them. */
const storedConsolePolicies = async () =>
  (await queryRows(h, 'SELECT value FROM settings WHERE key = ?', [CONSOLE_POLICY_KEY])).map((row) =>
    JSON.parse(String(row.value)),
  );

/** Removes the console document, as in a database from before the console had a policy of its own. */
const forgetConsolePolicy = () => queryRows(h, 'DELETE FROM settings WHERE key = ?', [CONSOLE_POLICY_KEY]);

/** A second runtime on the same database file (a restart, or another API process). */
const secondRuntime = () => startHarness({}, { dataDir: h.dir, clock: h.clock });

/** Wrong passwords for a new console user until the first 423; the statuses of every attempt. */
async function statusesUntilLocked(max: number) {
  const admin = await createConsoleUser(h);
  const statuses: number[] = [];
  for (let i = 1; i <= max && statuses.at(-1) !== 423; i++) {
    statuses.push((await wrongPassword(admin.userPrincipalName, i)).status);
  }
  return statuses;
}

const auditRows = () =>
  queryRows(
    h,
    "SELECT target_type, target_id, details FROM audit_logs WHERE activity = 'policy.consoleSignIn.updated' ORDER BY activity_at, rowid",
  );

describe('reading the policy', () => {
  test('a new installation reads the defaults: 10 wrong answers lock for 60 s, doubling to a day; 100 need an admin', async () => {
    expect(await getConsolePolicy()).toEqual(DEFAULT_CONSOLE_POLICY);
    // Start-up stored them: the console's settings are a document of their own from the start.
    expect(await storedConsolePolicies()).toEqual([DEFAULT_CONSOLE_POLICY]);
  });

  test('a change to the PIN lockout does not change the console’s, which locks at its own threshold', async () => {
    await patchQrPolicy({ lockout: { threshold: 4, hardLimit: 40, baseDelaySeconds: 30 } });
    expect(await getConsolePolicy()).toEqual(DEFAULT_CONSOLE_POLICY);
    expect(await statusesUntilLocked(10)).toEqual([...Array<number>(9).fill(401), 423]);
  });

  test('with no document at all (never after start-up), the defaults apply, not the PIN lockout', async () => {
    await patchQrPolicy({ lockout: { threshold: 4, hardLimit: 40 } });
    await forgetConsolePolicy();
    expect(await getConsolePolicy()).toEqual(DEFAULT_CONSOLE_POLICY);
  });
});

describe('the copy start-up stores when there is no console document', () => {
  test('an upgraded install keeps its tuned PIN lockout for the console (without the client budget), then the two are independent', async () => {
    const tuned = {
      threshold: 4,
      baseDelaySeconds: 30,
      growthFactor: 3,
      maxDelaySeconds: 3600,
      hardLimit: 40,
    };
    await patchQrPolicy({ lockout: { ...tuned, clientThreshold: 20 } });
    await forgetConsolePolicy();
    const restarted = await secondRuntime();
    try {
      expect(await getConsolePolicy(restarted)).toEqual({ lockout: tuned });
      expect(await storedConsolePolicies()).toEqual([{ lockout: tuned }]);
      // Nobody changed a policy: the copy is not in the audit log.
      expect(await auditRows()).toHaveLength(0);

      await patchQrPolicy({ lockout: { threshold: 6, hardLimit: 60 } });
      expect(await getConsolePolicy(restarted)).toEqual({ lockout: tuned });
      expect(await statusesUntilLocked(10)).toEqual([401, 401, 401, 423]);
    } finally {
      restarted.stop();
    }
  });

  test('a later start never overwrites the console policy an admin saved', async () => {
    await patchConsolePolicy({ lockout: { threshold: 3 } });
    await patchQrPolicy({ lockout: { threshold: 5, hardLimit: 50 } });
    const restarted = await secondRuntime();
    try {
      const saved = { lockout: { ...DEFAULT_CONSOLE_POLICY.lockout, threshold: 3 } };
      expect(await getConsolePolicy(restarted)).toEqual(saved);
      expect(await storedConsolePolicies()).toEqual([saved]);
      expect(await auditRows()).toHaveLength(1);
    } finally {
      restarted.stop();
    }
  });

  test('processes starting together store one document: exactly one insert wins', async () => {
    const other = await secondRuntime();
    try {
      await patchQrPolicy({ lockout: { threshold: 7, hardLimit: 70 } });
      await forgetConsolePolicy();
      const stored = await Promise.all(
        [h, other, h, other].map((on) => storeConsoleSignInPolicyIfAbsent(on.runtime.deps)),
      );
      expect(stored.filter(Boolean)).toHaveLength(1);
      const copy = { lockout: { ...DEFAULT_CONSOLE_POLICY.lockout, threshold: 7, hardLimit: 70 } };
      expect(await storedConsolePolicies()).toEqual([copy]);
      expect(await getConsolePolicy(other)).toEqual(copy);
      // Once stored, start-up leaves it alone.
      expect(await storeConsoleSignInPolicyIfAbsent(other.runtime.deps)).toBe(false);
    } finally {
      other.stop();
    }
  });
});

describe('changing the policy', () => {
  test('the console locks at the new threshold and delay; worker PINs keep the method policy’s', async () => {
    const saved = await patchConsolePolicy({ lockout: { threshold: 3, baseDelaySeconds: 30 } });
    expect(saved).toEqual({
      lockout: { ...DEFAULT_CONSOLE_POLICY.lockout, threshold: 3, baseDelaySeconds: 30 },
    });
    expect(await getConsolePolicy()).toEqual(saved);

    const admin = await createConsoleUser(h);
    expect((await wrongPassword(admin.userPrincipalName, 1)).status).toBe(401);
    expect((await wrongPassword(admin.userPrincipalName, 2)).status).toBe(401);
    const third = await wrongPassword(admin.userPrincipalName, 3);
    expect(third.status).toBe(423);
    expect(await readError(third)).toEqual({
      error: { code: 'ACCOUNT_LOCKED', message: expect.any(String), retryAfterSeconds: 30 },
    });

    const worker = await createWorker(h);
    for (let i = 1; i <= 9; i++) {
      const res = await wrongPin(worker.qr, worker.pin);
      expect(await readError(res), `wrong PIN ${i}`).toEqual({
        error: { code: 'PIN_INCORRECT', message: expect.any(String), remainingAttempts: 10 - i },
      });
    }
    const tenth = await wrongPin(worker.qr, worker.pin);
    expect(await readError(tenth)).toEqual({
      error: { code: 'METHOD_LOCKED', message: expect.any(String), retryAfterSeconds: 60 },
    });
  });

  test('after a save too, a change to the PIN lockout does not move the console’s', async () => {
    await patchConsolePolicy({ lockout: { hardLimit: 50 } });
    await patchQrPolicy({ lockout: { threshold: 5 } });
    expect(await getConsolePolicy()).toEqual({
      lockout: { ...DEFAULT_CONSOLE_POLICY.lockout, hardLimit: 50 },
    });
  });

  test('a change writes one audit row with the policy before and after; a refused one writes none', async () => {
    const refused = await h.request('PATCH', CONSOLE_POLICY, { body: { lockout: { threshold: 101 } } });
    expect(refused.status).toBe(400);
    expect(await auditRows()).toHaveLength(0);

    await patchConsolePolicy({ lockout: { growthFactor: 1.5 } });
    const rows = await auditRows();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ target_type: 'policy', target_id: 'console-sign-in' });
    expect(JSON.parse(String(rows[0]!.details))).toEqual({
      before: { lockout: DEFAULT_CONSOLE_POLICY.lockout },
      after: { lockout: { ...DEFAULT_CONSOLE_POLICY.lockout, growthFactor: 1.5 } },
    });
  });
});

describe('refused values, named by field', () => {
  test.each([
    [{ lockout: { threshold: 2 } }, 'lockout.threshold'],
    [{ lockout: { threshold: 'ten' } }, 'lockout.threshold'],
    [{ lockout: { threshold: 4.5 } }, 'lockout.threshold'],
    [{ lockout: { baseDelaySeconds: 0 } }, 'lockout.baseDelaySeconds'],
    [{ lockout: { growthFactor: 11 } }, 'lockout.growthFactor'],
    [{ lockout: { maxDelaySeconds: 7 * 86_400 + 1 } }, 'lockout.maxDelaySeconds'],
    [{ lockout: { hardLimit: 101 } }, 'lockout.hardLimit'],
    [{ lockout: { hardLimit: 9 } }, 'lockout.hardLimit'],
    // The client budget is one for every sign-in path: it is set in the QR-code + PIN policy only.
    [{ lockout: { clientThreshold: 50 } }, 'lockout.clientThreshold'],
    [{ pinLength: 10 }, 'pinLength'],
    // Rules between two fields.
    [{ lockout: { baseDelaySeconds: 600, maxDelaySeconds: 60 } }, 'lockout.maxDelaySeconds'],
    [{ lockout: { threshold: 20, hardLimit: 15 } }, 'lockout.hardLimit'],
  ])('%j → 400 VALIDATION_FAILED naming %s', async (body, field) => {
    const res = await h.request('PATCH', CONSOLE_POLICY, { body });
    expect(res.status).toBe(400);
    expect(await readError(res)).toMatchObject({ error: { code: 'VALIDATION_FAILED', field } });
    expect(await getConsolePolicy()).toEqual(DEFAULT_CONSOLE_POLICY);
  });
});

describe('who may read and change it', () => {
  test('managers (console or badge session) and workers get 403; an admin’s console session may', async () => {
    const consoleManager = await enrolConsoleUser(h, await createConsoleUser(h, { role: 'manager' }));
    const badgeManager = await signedInUser(h, { role: 'manager' });
    const worker = await signedInUser(h);
    for (const cookie of [consoleManager.cookie, badgeManager.cookie, worker.cookie]) {
      for (const [method, body] of [
        ['GET', undefined],
        ['PATCH', { lockout: { threshold: 3 } }],
      ] as const) {
        const res = await h.request(method, CONSOLE_POLICY, { body, token: null, cookie });
        expect(res.status, method).toBe(403);
        expect(await readError(res)).toEqual({ error: { code: 'FORBIDDEN', message: expect.any(String) } });
      }
    }
    expect(await getConsolePolicy()).toEqual(DEFAULT_CONSOLE_POLICY);

    const admin = await enrolConsoleUser(h, await createConsoleUser(h));
    const change = () =>
      h.request('PATCH', CONSOLE_POLICY, {
        body: { lockout: { threshold: 5 } },
        token: null,
        cookie: admin.cookie,
      });
    expect((await change()).status).toBe(200);
    // A console session must have given its password and a code in the last 5 minutes.
    h.clock.advanceSeconds(300);
    const stale = await change();
    expect(stale.status).toBe(401);
    expect((await readError(stale)).error.code).toBe('REAUTHENTICATION_REQUIRED');
    expect((await h.request('GET', CONSOLE_POLICY, { token: null, cookie: admin.cookie })).status).toBe(200);
  });
});
