/**
 * Lockout as a kiosk sees it: the 9th/10th/11th failure, the lock's end to the second, growth and cap,
 * the hard limit of consecutive failures, configuration that takes effect at once, PIN changes that
 * count too, the per-client failure budget, and the sign-in log.
 */
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import {
  createWorker,
  queryRows,
  readError,
  readJson,
  signedInUser,
  startHarness,
  type Harness,
  type Worker,
} from '../support/api-harness.js';

const WRONG_PIN = '40617395';
const POLICY = '/api/admin/policies/qr-code-pin';
const DEFAULT_LOCKOUT = {
  threshold: 10,
  baseDelaySeconds: 60,
  growthFactor: 2,
  maxDelaySeconds: 86_400,
  hardLimit: 100,
  clientThreshold: 100,
  clientWindowSeconds: 900,
};

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

let addressCounter = 0;
/** A network address no other attempt in this file uses. */
const freshAddress = () => {
  addressCounter += 1;
  return `10.2.${addressCounter >> 8}.${addressCounter & 255}`;
};

/**
 * One sign-in attempt. Unless an address is given it comes from an address of its own, so the
 * per-client budget (tested on its own below) never answers in place of the method's lockout.
 */
function attempt(qr: string, pin: string, clientAddress = freshAddress()): Promise<Response> {
  return h.request('POST', '/api/auth/qr-pin/sign-in', { body: { qr, pin }, token: null, clientAddress });
}

async function expectIncorrect(res: Response, remainingAttempts: number) {
  expect(res.status).toBe(401);
  expect(await readError(res)).toEqual({
    error: { code: 'PIN_INCORRECT', message: expect.any(String), remainingAttempts },
  });
}

async function expectLocked(res: Response, retryAfterSeconds: number | null) {
  expect(res.status).toBe(423);
  expect(await readError(res)).toEqual({
    error: { code: 'METHOD_LOCKED', message: expect.any(String), retryAfterSeconds },
  });
  expect(res.headers.getSetCookie()).toEqual([]);
}

async function expectSignedIn(res: Response) {
  expect(res.status).toBe(200);
  expect(res.headers.getSetCookie()).toHaveLength(1);
}

/** `count` wrong PINs; every one but the last must be PIN_INCORRECT. Returns the last response. */
async function failures(worker: Worker, count: number): Promise<Response> {
  for (let i = 1; i < count; i++) {
    const res = await attempt(worker.qr, WRONG_PIN);
    expect(res.status, `failure ${i} of ${count}`).toBe(401);
  }
  return attempt(worker.qr, WRONG_PIN);
}

async function lockoutState(worker: Worker) {
  const res = await h.request('GET', `/api/admin/users/${worker.user.id}/qr-code-pin-method`);
  return (await readJson<{ lockout: Record<string, unknown> }>(res)).lockout;
}

async function patchLockout(lockout: Record<string, number>) {
  const res = await h.request('PATCH', POLICY, { body: { lockout } });
  expect(res.status, await res.clone().text()).toBe(200);
}

afterEach(async () => {
  await patchLockout(DEFAULT_LOCKOUT);
});

describe('the default lockout: 10 wrong PINs lock the method for 60 s', () => {
  test('failures 1–9 say how many remain; the 10th locks; the 11th is refused even with the right PIN', async () => {
    const worker = await createWorker(h);
    for (let failure = 1; failure <= 9; failure++) {
      await expectIncorrect(await attempt(worker.qr, WRONG_PIN), 10 - failure);
    }
    await expectLocked(await attempt(worker.qr, WRONG_PIN), 60);
    await expectLocked(await attempt(worker.qr, worker.pin), 60);
    await expectLocked(await attempt(worker.qr, WRONG_PIN), 60);
    // Attempts during the lock are not PIN checks: they are not counted.
    expect(await lockoutState(worker)).toMatchObject({ isLocked: true, consecutiveFailures: 10 });
  });

  test('still locked at +59 s; at +60 s the right PIN signs in and the count starts again', async () => {
    const worker = await createWorker(h);
    const lockedAt = h.clock.now().getTime();
    await expectLocked(await failures(worker, 10), 60);
    h.clock.setTime(lockedAt + 30_000);
    await expectLocked(await attempt(worker.qr, worker.pin), 30);
    h.clock.setTime(lockedAt + 59_000);
    await expectLocked(await attempt(worker.qr, worker.pin), 1);
    h.clock.setTime(lockedAt + 59_999);
    await expectLocked(await attempt(worker.qr, worker.pin), 1);
    h.clock.setTime(lockedAt + 60_000);
    await expectSignedIn(await attempt(worker.qr, worker.pin));
    await expectIncorrect(await attempt(worker.qr, WRONG_PIN), 9);
    expect(await lockoutState(worker)).toMatchObject({ isLocked: false, consecutiveFailures: 1 });
  });

  test('each further lock doubles: 60 s, 120 s, 240 s', async () => {
    const worker = await createWorker(h);
    await expectLocked(await failures(worker, 10), 60);
    h.clock.advanceSeconds(60);
    // After a lock the next lock is again 10 failures away.
    await expectIncorrect(await attempt(worker.qr, WRONG_PIN), 9);
    await expectLocked(await failures(worker, 9), 120);
    h.clock.advanceSeconds(119);
    await expectLocked(await attempt(worker.qr, worker.pin), 1);
    h.clock.advanceSeconds(1);
    await expectLocked(await failures(worker, 10), 240);
    h.clock.advanceSeconds(240);
    await expectSignedIn(await attempt(worker.qr, worker.pin));
    // A success forgets the history: the next lock is 60 s again.
    await expectLocked(await failures(worker, 10), 60);
  });

  test('maxDelaySeconds caps the growth', async () => {
    await patchLockout({ maxDelaySeconds: 100 });
    const worker = await createWorker(h);
    await expectLocked(await failures(worker, 10), 60);
    h.clock.advanceSeconds(60);
    await expectLocked(await failures(worker, 10), 100);
    h.clock.advanceSeconds(100);
    await expectLocked(await failures(worker, 10), 100);
    h.clock.advanceSeconds(99);
    await expectLocked(await attempt(worker.qr, worker.pin), 1);
    h.clock.advanceSeconds(1);
    await expectSignedIn(await attempt(worker.qr, worker.pin));
  });
});

describe('the hard limit', () => {
  test('after 100 consecutive failures the method stays locked, with no retry time, until unlocked', async () => {
    const worker = await createWorker(h);
    for (let lock = 0; lock < 10; lock++) {
      const res = await failures(worker, 10);
      if (lock < 9) {
        const delay = Math.min(86_400, 60 * 2 ** lock);
        await expectLocked(res, delay);
        h.clock.advanceSeconds(delay);
      } else {
        await expectLocked(res, null);
      }
    }
    expect(await lockoutState(worker)).toEqual({
      isLocked: true,
      lockedUntilDateTime: null,
      requiresUnlock: true,
      failedAttempts: expect.any(Number),
      consecutiveFailures: 100,
    });
    await expectLocked(await attempt(worker.qr, worker.pin), null);
    h.clock.advanceSeconds(30 * 86_400);
    await expectLocked(await attempt(worker.qr, worker.pin), null);

    const unlock = await h.request('POST', `/api/admin/users/${worker.user.id}/qr-code-pin-method/unlock`);
    expect(unlock.status).toBe(204);
    await expectIncorrect(await attempt(worker.qr, WRONG_PIN), 9);
    await expectSignedIn(await attempt(worker.qr, worker.pin));
  });

  test('a PIN reset also lifts it (configured hard limit of 10)', async () => {
    await patchLockout({ threshold: 5, hardLimit: 10 });
    const worker = await createWorker(h);
    await expectLocked(await failures(worker, 5), 60);
    h.clock.advanceSeconds(60);
    await expectLocked(await failures(worker, 5), null);
    h.clock.advanceSeconds(7 * 86_400);
    await expectLocked(await attempt(worker.qr, worker.pin), null);

    const reset = await h.request('POST', `/api/admin/users/${worker.user.id}/qr-code-pin-method/pin/reset`, {
      body: {},
    });
    expect(reset.status).toBe(200);
    const { code } = await readJson<{ code: string }>(reset);
    await expectSignedIn(await attempt(worker.qr, code));
  });

  test('a success before the hard limit resets the consecutive failures', async () => {
    await patchLockout({ threshold: 5, hardLimit: 10 });
    const worker = await createWorker(h);
    await expectLocked(await failures(worker, 5), 60);
    h.clock.advanceSeconds(60);
    await expectIncorrect(await failures(worker, 4), 1);
    await expectSignedIn(await attempt(worker.qr, worker.pin));
    expect(await lockoutState(worker)).toMatchObject({ consecutiveFailures: 0, failedAttempts: 0 });

    // 9 failures since the success: a 60 s lock (not a longer one), and not the hard limit.
    await expectLocked(await failures(worker, 5), 60);
    h.clock.advanceSeconds(60);
    await expectIncorrect(await failures(worker, 4), 1);
    await expectSignedIn(await attempt(worker.qr, worker.pin));
  });

  test('remainingAttempts never promises more tries than the hard limit leaves', async () => {
    await patchLockout({ threshold: 10, hardLimit: 15 });
    const worker = await createWorker(h);
    await expectLocked(await failures(worker, 10), 60);
    h.clock.advanceSeconds(60);
    // 11 failures so far, the 15th is final: 4 remain, not 9.
    await expectIncorrect(await attempt(worker.qr, WRONG_PIN), 4);
    await expectIncorrect(await attempt(worker.qr, WRONG_PIN), 3);
    await expectIncorrect(await attempt(worker.qr, WRONG_PIN), 2);
    await expectIncorrect(await attempt(worker.qr, WRONG_PIN), 1);
    await expectLocked(await attempt(worker.qr, WRONG_PIN), null);
  });
});

describe('configuration takes effect at once', () => {
  test('PATCH lockout {threshold 3, baseDelaySeconds 30}: 3 failures lock for 30 s', async () => {
    await patchLockout({ threshold: 3, baseDelaySeconds: 30 });
    const worker = await createWorker(h);
    await expectIncorrect(await attempt(worker.qr, WRONG_PIN), 2);
    await expectIncorrect(await attempt(worker.qr, WRONG_PIN), 1);
    await expectLocked(await attempt(worker.qr, WRONG_PIN), 30);
    h.clock.advanceSeconds(29);
    await expectLocked(await attempt(worker.qr, worker.pin), 1);
    h.clock.advanceSeconds(1);
    await expectSignedIn(await attempt(worker.qr, worker.pin));
  });

  test('a method that already has failures counts them under the new threshold', async () => {
    const worker = await createWorker(h);
    await expectIncorrect(await attempt(worker.qr, WRONG_PIN), 9);
    await patchLockout({ threshold: 3, baseDelaySeconds: 30 });
    await expectIncorrect(await attempt(worker.qr, WRONG_PIN), 1);
    await expectLocked(await attempt(worker.qr, WRONG_PIN), 30);
  });

  test('lowering the threshold below a method’s failure count does not lock it for good', async () => {
    const worker = await createWorker(h);
    await expectIncorrect(await failures(worker, 5), 5);
    await patchLockout({ threshold: 3, baseDelaySeconds: 30 });
    // Locked now or not, the worker must be able to sign in once any announced wait is over.
    const first = await attempt(worker.qr, worker.pin);
    if (first.status === 423) {
      const { error } = await readError(first);
      expect(error.retryAfterSeconds).toEqual(expect.any(Number));
      h.clock.advanceSeconds(Number(error.retryAfterSeconds));
      await expectSignedIn(await attempt(worker.qr, worker.pin));
    } else {
      await expectSignedIn(first);
    }
  });
});

describe('PIN changes count toward the same lockout', () => {
  const changePin = (cookie: string, currentPin: string, newPin = '61094837') =>
    h.request('POST', '/api/auth/qr-pin/change-pin', { body: { currentPin, newPin }, token: null, cookie });

  test('wrong current PINs on change-pin and wrong PINs at sign-in add up to one lock', async () => {
    const worker = await signedInUser(h);
    for (let failure = 1; failure <= 4; failure++) {
      await expectIncorrect(await changePin(worker.cookie, WRONG_PIN), 10 - failure);
    }
    for (let failure = 5; failure <= 9; failure++) {
      await expectIncorrect(await attempt(worker.qr, WRONG_PIN), 10 - failure);
    }
    await expectLocked(await changePin(worker.cookie, WRONG_PIN), 60);
    await expectLocked(await attempt(worker.qr, worker.pin), 60);
    await expectLocked(await changePin(worker.cookie, worker.pin), 60);

    h.clock.advanceSeconds(60);
    expect((await changePin(worker.cookie, worker.pin)).status).toBe(204);
    await expectSignedIn(await attempt(worker.qr, '61094837'));
  });
});

describe('the per-client failure budget', () => {
  const unknownBadge = (n: number) =>
    `SP1:NOSUCHSITE:${'A'.repeat(15)}${'BCDEFGHIJKLMNOPQRSTUVWXYZ'[n % 25]}:${'B'.repeat(26)}`;

  test('10 failures from one address, then 429 TOO_MANY_ATTEMPTS there, while other addresses carry on', async () => {
    await patchLockout({ clientThreshold: 10 });
    const worker = await createWorker(h);
    const address = freshAddress();
    const startedAt = h.clock.now().getTime();
    for (let i = 0; i < 10; i++) {
      const res = await attempt(unknownBadge(i), WRONG_PIN, address);
      expect(res.status, `failure ${i + 1}`).toBe(401);
      expect((await readError(res)).error.code).toBe('QR_CODE_NOT_RECOGNIZED');
    }
    for (const [qr, pin] of [
      [unknownBadge(10), WRONG_PIN],
      [worker.qr, worker.pin],
    ] as const) {
      const res = await attempt(qr, pin, address);
      expect(res.status).toBe(429);
      expect(await readError(res)).toEqual({
        error: { code: 'TOO_MANY_ATTEMPTS', message: expect.any(String), retryAfterSeconds: 900 },
      });
    }
    // Another address gets the usual answers.
    const other = freshAddress();
    expect((await readError(await attempt(unknownBadge(11), WRONG_PIN, other))).error.code).toBe(
      'QR_CODE_NOT_RECOGNIZED',
    );
    await expectSignedIn(await attempt(worker.qr, worker.pin, other));

    // The window ends clientWindowSeconds after it began.
    h.clock.setTime(startedAt + 899_000);
    const late = await attempt(worker.qr, worker.pin, address);
    expect(late.status).toBe(429);
    expect((await readError(late)).error.retryAfterSeconds).toBe(1);
    h.clock.setTime(startedAt + 900_000);
    await expectSignedIn(await attempt(worker.qr, worker.pin, address));
    // And a new window brings a whole new budget.
    for (let i = 0; i < 10; i++)
      expect((await attempt(unknownBadge(i), WRONG_PIN, address)).status).toBe(401);
    expect((await attempt(unknownBadge(0), WRONG_PIN, address)).status).toBe(429);
  });

  test('the window follows clientWindowSeconds', async () => {
    await patchLockout({ clientThreshold: 10, clientWindowSeconds: 120 });
    const address = freshAddress();
    for (let i = 0; i < 10; i++) await attempt(unknownBadge(i), WRONG_PIN, address);
    const res = await attempt(unknownBadge(0), WRONG_PIN, address);
    expect(res.status).toBe(429);
    expect((await readError(res)).error.retryAfterSeconds).toBe(120);
    h.clock.advanceSeconds(120);
    expect((await attempt(unknownBadge(0), WRONG_PIN, address)).status).toBe(401);
  });

  test('wrong PINs on real badges use the budget too', async () => {
    await patchLockout({ clientThreshold: 10 });
    const [a, b] = [await createWorker(h), await createWorker(h)];
    const address = freshAddress();
    for (const worker of [a, b]) {
      for (let i = 0; i < 5; i++) expect((await attempt(worker.qr, WRONG_PIN, address)).status).toBe(401);
    }
    const res = await attempt(a.qr, a.pin, address);
    expect(res.status).toBe(429);
    expect((await readError(res)).error.code).toBe('TOO_MANY_ATTEMPTS');
  });

  test('wrong PINs refused by the budget cost the badge nothing: from another address it still has all its attempts', async () => {
    await patchLockout({ clientThreshold: 10 });
    const worker = await createWorker(h);
    const address = freshAddress();
    for (let i = 0; i < 10; i++) await attempt(unknownBadge(i), WRONG_PIN, address);
    for (let i = 0; i < 15; i++) expect((await attempt(worker.qr, WRONG_PIN, address)).status).toBe(429);
    await expectIncorrect(await attempt(worker.qr, WRONG_PIN), 9);
    await expectSignedIn(await attempt(worker.qr, worker.pin));
  });

  test('successful sign-ins, and answers that check no PIN, do not use the budget', async () => {
    await patchLockout({ clientThreshold: 10 });
    const worker = await createWorker(h);
    const locked = await createWorker(h);
    await expectLocked(await failures(locked, 10), 60);
    const address = freshAddress();

    for (let i = 0; i < 15; i++) await expectSignedIn(await attempt(worker.qr, worker.pin, address));
    for (let i = 0; i < 15; i++) await expectLocked(await attempt(locked.qr, locked.pin, address), 60);
    for (let i = 0; i < 10; i++) {
      expect((await attempt(unknownBadge(i), WRONG_PIN, address)).status, `failure ${i + 1}`).toBe(401);
    }
    expect((await attempt(unknownBadge(0), WRONG_PIN, address)).status).toBe(429);
  });

  test('the default budget is 100 failures per 15 minutes', async () => {
    const address = freshAddress();
    for (let i = 0; i < 100; i++) {
      expect((await attempt(unknownBadge(i), WRONG_PIN, address)).status, `failure ${i + 1}`).toBe(401);
    }
    const res = await attempt(unknownBadge(0), WRONG_PIN, address);
    expect(res.status).toBe(429);
    expect((await readError(res)).error.retryAfterSeconds).toBe(900);
  });
});

describe('the sign-in log', () => {
  test('records PIN_INCORRECT, METHOD_LOCKED and TOO_MANY_ATTEMPTS attempts, and the success', async () => {
    const worker = await createWorker(h);
    const address = freshAddress();
    for (let i = 0; i < 9; i++) await attempt(worker.qr, WRONG_PIN, address);
    await expectLocked(await attempt(worker.qr, WRONG_PIN, address), 60);
    await expectLocked(await attempt(worker.qr, worker.pin, address), 60);
    h.clock.advanceSeconds(60);
    // With a budget of 10 this address has used it all: the right PIN from here is throttled …
    await patchLockout({ clientThreshold: 10 });
    expect((await attempt(worker.qr, worker.pin, address)).status).toBe(429);
    // … and from elsewhere it signs in.
    await expectSignedIn(await attempt(worker.qr, worker.pin));

    const rows = await queryRows(
      h,
      'SELECT result, failure_code, code_id, ip_address FROM sign_in_logs WHERE user_id = ? ORDER BY created_at, rowid',
      [worker.user.id],
    );
    expect(rows.map((r) => r.failure_code)).toEqual([
      ...Array<string>(9).fill('PIN_INCORRECT'),
      'METHOD_LOCKED',
      'METHOD_LOCKED',
      null,
    ]);
    expect(rows.at(-1)).toMatchObject({ result: 'success', code_id: worker.issued.standardQRCode.id });
    for (const row of rows.slice(0, -1)) {
      expect(row).toMatchObject({
        result: 'failure',
        code_id: worker.issued.standardQRCode.id,
        ip_address: address,
      });
    }
    // The throttled attempt is logged without naming the user: the badge was never looked at.
    const throttled = await queryRows(
      h,
      "SELECT result, user_id FROM sign_in_logs WHERE failure_code = 'TOO_MANY_ATTEMPTS' AND ip_address = ?",
      [address],
    );
    expect(throttled).toEqual([{ result: 'failure', user_id: null }]);
  });
});
