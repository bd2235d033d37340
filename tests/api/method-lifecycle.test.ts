/**
 * The QR-code + PIN method's lifecycle through the admin API: one standard and one temporary code with
 * their own windows, the PIN reset, unlock, ending sessions, what GET reveals (no secrets), and which
 * users a manager may look after.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { checkPin } from '../../server/domain/pin-rules.js';
import type { IssuedQrCode } from '../../server/features/badges/qr-pin-method.js';
import {
  addGroup,
  createUser,
  createWorker,
  getSession,
  issueMethod,
  readError,
  readJson,
  signedInUser,
  signIn,
  startHarness,
  type Harness,
  type Worker,
} from '../support/api-harness.js';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

const methodPath = (userId: string, suffix = '') => `/api/admin/users/${userId}/qr-code-pin-method${suffix}`;
const iso = (ms: number) => new Date(ms).toISOString();
const now = () => h.clock.now().getTime();

let address = 0;
/** Wrong PINs from different network addresses, so the per-client budget stays out of the way. */
async function wrongPins(qr: string, count: number, pin = '40617395'): Promise<Response> {
  let last: Response | undefined;
  for (let i = 0; i < count; i++) {
    address += 1;
    last = await h.request('POST', '/api/auth/qr-pin/sign-in', {
      body: { qr, pin },
      token: null,
      clientAddress: `10.1.${address >> 8}.${address & 255}`,
    });
  }
  return last!;
}

async function expectError(res: Response, status: number, code: string): Promise<Record<string, unknown>> {
  expect(res.status).toBe(status);
  const body = await readError(res);
  expect(body.error.code).toBe(code);
  return body.error;
}

async function expectSignInCode(qr: string, pin: string, status: number, code: string) {
  const { res, cookie } = await signIn(h, qr, pin);
  await expectError(res, status, code);
  expect(cookie).toBeUndefined();
}

async function expectSignedIn(qr: string, pin: string): Promise<string> {
  const { res, cookie } = await signIn(h, qr, pin);
  expect(res.status).toBe(200);
  expect(cookie).toBeDefined();
  return cookie!;
}

async function issueCode(userId: string, kind: 'standard' | 'temporary', body: unknown = {}) {
  const res = await h.request('PUT', methodPath(userId, `/${kind}-qr-code`), { body });
  expect(res.status, await res.clone().text()).toBe(201);
  return readJson<IssuedQrCode>(res);
}

interface MethodState {
  id: string;
  standardQRCode: CodeState | null;
  temporaryQRCode: CodeState | null;
  pin: { code: null; forceChangePinNextSignIn: boolean; createdDateTime: string; updatedDateTime: string };
  lockout: {
    isLocked: boolean;
    lockedUntilDateTime: string | null;
    requiresUnlock: boolean;
    failedAttempts: number;
    consecutiveFailures: number;
  };
}
interface CodeState {
  id: string;
  status: 'active' | 'notYetActive' | 'expired';
  startDateTime: string;
  expireDateTime: string;
  createdDateTime: string;
  lastUsedDateTime: string | null;
}

async function getState(userId: string): Promise<MethodState> {
  const res = await h.request('GET', methodPath(userId));
  expect(res.status).toBe(200);
  return readJson<MethodState>(res);
}

function expectPngImage(code: IssuedQrCode) {
  const png = Buffer.from(code.image.binaryValue, 'base64');
  expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  expect(code.image.rawContent).toMatch(/^SP1:[A-Z0-9]+:[A-Z2-7]{16}:[A-Z2-7]{26}$/);
  expect(['medium', 'quartile', 'high']).toContain(code.image.errorCorrectionLevel);
}

describe('PUT …/qr-code-pin-method over an existing method', () => {
  test('409 ACTIVE_QR_CODE_EXISTS while the standard code is active or not yet active; 201 once it expired', async () => {
    const active = await createWorker(h);
    const again = await h.request('PUT', methodPath(active.user.id), { body: {} });
    await expectError(again, 409, 'ACTIVE_QR_CODE_EXISTS');

    const start = now() + DAY_MS;
    const pending = await createWorker(h, {
      method: { standardQRCode: { startDateTime: iso(start), expireDateTime: iso(start + DAY_MS) } },
    });
    expect((await getState(pending.user.id)).standardQRCode?.status).toBe('notYetActive');
    const overPending = await h.request('PUT', methodPath(pending.user.id), { body: {} });
    await expectError(overPending, 409, 'ACTIVE_QR_CODE_EXISTS');

    const expiring = await createWorker(h, {
      method: { standardQRCode: { expireDateTime: iso(now() + DAY_MS) } },
    });
    h.clock.advanceMs(DAY_MS - 1);
    await expectError(
      await h.request('PUT', methodPath(expiring.user.id), { body: {} }),
      409,
      'ACTIVE_QR_CODE_EXISTS',
    );
    h.clock.advanceMs(1);
    const replaced = await issueMethod(h, expiring.user.id, { pin: { code: '73920581' } });
    expect(replaced.standardQRCode.id).not.toBe(expiring.issued.standardQRCode.id);
    await expectSignedIn(replaced.standardQRCode.image.rawContent, '73920581');
    // The new method has a new PIN: the old one no longer works with the new badge.
    await expectSignInCode(replaced.standardQRCode.image.rawContent, expiring.pin, 401, 'PIN_INCORRECT');
  });

  test('201 after DELETE of the method, which ends the user’s sessions', async () => {
    const worker = await createWorker(h);
    const cookie = await expectSignedIn(worker.qr, worker.pin);
    const deleted = await h.request('DELETE', methodPath(worker.user.id));
    expect(deleted.status).toBe(204);
    expect((await getSession(h, cookie)).status).toBe(401);
    await expectError(await h.request('GET', methodPath(worker.user.id)), 404, 'NOT_FOUND');
    await expectSignInCode(worker.qr, worker.pin, 401, 'QR_CODE_NOT_RECOGNIZED');
    const issued = await issueMethod(h, worker.user.id);
    await expectSignedIn(issued.standardQRCode.image.rawContent, issued.pin.code);
  });
});

describe('GET …/qr-code-pin-method', () => {
  test('codes with times and status, PIN state and lockout state', async () => {
    const issuedAt = now();
    const worker = await createWorker(h);
    const standard = worker.issued.standardQRCode;
    expect(await getState(worker.user.id)).toEqual({
      id: worker.issued.id,
      createdDateTime: iso(issuedAt),
      standardQRCode: {
        id: standard.id,
        status: 'active',
        startDateTime: iso(issuedAt),
        expireDateTime: iso(issuedAt + 365 * DAY_MS),
        createdDateTime: iso(issuedAt),
        lastUsedDateTime: null,
      },
      temporaryQRCode: null,
      pin: {
        code: null,
        forceChangePinNextSignIn: true,
        createdDateTime: iso(issuedAt),
        updatedDateTime: iso(issuedAt),
      },
      lockout: {
        isLocked: false,
        lockedUntilDateTime: null,
        requiresUnlock: false,
        failedAttempts: 0,
        consecutiveFailures: 0,
      },
    });
  });

  test('contains no PIN, no badge content, no image, no short code and no secret', async () => {
    const worker = await createWorker(h);
    const temporary = await issueCode(worker.user.id, 'temporary');
    await expectSignedIn(worker.qr, worker.pin);
    const res = await h.request('GET', methodPath(worker.user.id));
    const text = await res.text();
    const secrets = [worker.qr, temporary.image.rawContent].map((qr) => qr.split(':')[3]!);
    const shortCodes = [worker.issued.standardQRCode.shortCode, temporary.shortCode].flatMap((code) => [
      code,
      code.replace('-', ''),
    ]);
    for (const forbidden of [
      worker.pin,
      worker.qr,
      temporary.image.rawContent,
      ...secrets,
      ...shortCodes,
      worker.issued.standardQRCode.image.binaryValue.slice(0, 40),
      'rawContent',
      'binaryValue',
      'image',
      'secret',
      'shortCode',
      'argon2',
      'pinHash',
    ]) {
      expect(text, forbidden).not.toContain(forbidden);
    }
    const state = JSON.parse(text) as MethodState;
    // As Graph's GET: `code` is there, and null.
    expect(Object.keys(state.pin).sort()).toEqual([
      'code',
      'createdDateTime',
      'forceChangePinNextSignIn',
      'updatedDateTime',
    ]);
    expect(state.pin.code).toBeNull();
  });

  test('status follows the clock: notYetActive before the start, active, expired at the expiry', async () => {
    const start = now() + HOUR_MS;
    const worker = await createWorker(h, {
      method: { standardQRCode: { startDateTime: iso(start), expireDateTime: iso(start + DAY_MS) } },
    });
    const statusAt = async (ms: number) => {
      h.clock.setTime(ms);
      return (await getState(worker.user.id)).standardQRCode?.status;
    };
    expect(await statusAt(start - 1)).toBe('notYetActive');
    expect(await statusAt(start)).toBe('active');
    expect(await statusAt(start + DAY_MS - 1)).toBe('active');
    expect(await statusAt(start + DAY_MS)).toBe('expired');
    const state = await getState(worker.user.id);
    expect(state.standardQRCode).toMatchObject({
      startDateTime: iso(start),
      expireDateTime: iso(start + DAY_MS),
    });
  });

  test('lastUsedDateTime is set by a successful sign-in only, per code', async () => {
    const worker = await createWorker(h);
    const temporary = await issueCode(worker.user.id, 'temporary');

    h.clock.advanceSeconds(5);
    await wrongPins(worker.qr, 1);
    await expectSignInCode(
      worker.qr.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A')),
      worker.pin,
      401,
      'QR_CODE_NOT_RECOGNIZED',
    );
    let state = await getState(worker.user.id);
    expect(state.standardQRCode?.lastUsedDateTime).toBeNull();
    expect(state.temporaryQRCode?.lastUsedDateTime).toBeNull();

    h.clock.advanceSeconds(5);
    const usedAt = now();
    await expectSignedIn(worker.qr, worker.pin);
    state = await getState(worker.user.id);
    expect(state.standardQRCode?.lastUsedDateTime).toBe(iso(usedAt));
    expect(state.temporaryQRCode?.lastUsedDateTime).toBeNull();

    // A later wrong PIN leaves it where the last success put it.
    h.clock.advanceSeconds(5);
    await wrongPins(worker.qr, 1);
    expect((await getState(worker.user.id)).standardQRCode?.lastUsedDateTime).toBe(iso(usedAt));

    h.clock.advanceSeconds(5);
    const tempUsedAt = now();
    await expectSignedIn(temporary.image.rawContent, worker.pin);
    state = await getState(worker.user.id);
    expect(state.temporaryQRCode?.lastUsedDateTime).toBe(iso(tempUsedAt));
    expect(state.standardQRCode?.lastUsedDateTime).toBe(iso(usedAt));
  });

  test('shows the lockout: failures so far, then the lock and its end', async () => {
    const worker = await createWorker(h);
    await wrongPins(worker.qr, 3);
    expect((await getState(worker.user.id)).lockout).toEqual({
      isLocked: false,
      lockedUntilDateTime: null,
      requiresUnlock: false,
      failedAttempts: 3,
      consecutiveFailures: 3,
    });
    await wrongPins(worker.qr, 7);
    expect((await getState(worker.user.id)).lockout).toMatchObject({
      isLocked: true,
      lockedUntilDateTime: iso(now() + 60_000),
      requiresUnlock: false,
      consecutiveFailures: 10,
    });
  });
});

describe('PUT/DELETE …/standard-qr-code', () => {
  test('a new code for the same PIN: 409 while one is unexpired, old badge unrecognised after DELETE', async () => {
    const worker = await signedInUser(h);
    const res = await h.request('PUT', methodPath(worker.user.id, '/standard-qr-code'), { body: {} });
    await expectError(res, 409, 'ACTIVE_QR_CODE_EXISTS');

    const other = await expectSignedIn(worker.qr, worker.pin);
    const deleted = await h.request('DELETE', methodPath(worker.user.id, '/standard-qr-code'));
    expect(deleted.status).toBe(204);
    // Deleting the code ends the user's sessions at once.
    expect((await getSession(h, worker.cookie)).status).toBe(401);
    expect((await getSession(h, other)).status).toBe(401);
    await expectSignInCode(worker.qr, worker.pin, 401, 'QR_CODE_NOT_RECOGNIZED');
    expect((await getState(worker.user.id)).standardQRCode).toBeNull();
    await expectError(
      await h.request('DELETE', methodPath(worker.user.id, '/standard-qr-code')),
      404,
      'NOT_FOUND',
    );

    const issuedAt = now();
    const code = await issueCode(worker.user.id, 'standard');
    expectPngImage(code);
    expect(code.id).not.toBe(worker.issued.standardQRCode.id);
    expect(code).toMatchObject({
      startDateTime: iso(issuedAt),
      expireDateTime: iso(issuedAt + 365 * DAY_MS),
      createdDateTime: iso(issuedAt),
    });
    // The same PIN the worker chose, and no forced change: only the badge was replaced.
    const { res: signedIn } = await signIn(h, code.image.rawContent, worker.pin);
    expect(signedIn.status).toBe(200);
    expect(await signedIn.json()).toMatchObject({ mustChangePin: false });
    await expectSignInCode(worker.qr, worker.pin, 401, 'QR_CODE_NOT_RECOGNIZED');
  });

  test('409 over a not-yet-active code; allowed without DELETE once the code expired', async () => {
    const start = now() + HOUR_MS;
    const worker = await createWorker(h, {
      method: { standardQRCode: { startDateTime: iso(start), expireDateTime: iso(start + DAY_MS) } },
    });
    await expectError(
      await h.request('PUT', methodPath(worker.user.id, '/standard-qr-code'), { body: {} }),
      409,
      'ACTIVE_QR_CODE_EXISTS',
    );
    h.clock.setTime(start + DAY_MS);
    const code = await issueCode(worker.user.id, 'standard');
    await expectSignedIn(code.image.rawContent, worker.pin);
    // The expired badge is gone with its replacement; it is no longer recognised.
    await expectSignInCode(worker.qr, worker.pin, 401, 'QR_CODE_NOT_RECOGNIZED');
  });

  test('the standard lifetime is at most 395 days', async () => {
    const worker = await createWorker(h);
    await h.request('DELETE', methodPath(worker.user.id, '/standard-qr-code'));
    const tooLong = await h.request('PUT', methodPath(worker.user.id, '/standard-qr-code'), {
      body: { expireDateTime: iso(now() + 395 * DAY_MS + 1) },
    });
    expect(tooLong.status).toBe(400);
    expect(await readError(tooLong)).toMatchObject({
      error: { code: 'VALIDATION_FAILED', field: 'standardQRCode.expireDateTime' },
    });
    const code = await issueCode(worker.user.id, 'standard', { expireDateTime: iso(now() + 395 * DAY_MS) });
    expect(Date.parse(code.expireDateTime) - Date.parse(code.startDateTime)).toBe(395 * DAY_MS);

    const user = await createUser(h);
    const start = now() + DAY_MS;
    const method = await h.request('PUT', methodPath(user.id), {
      body: { standardQRCode: { startDateTime: iso(start), expireDateTime: iso(start + 396 * DAY_MS) } },
    });
    expect(method.status).toBe(400);
    expect(await readError(method)).toMatchObject({
      error: { code: 'VALIDATION_FAILED', field: 'standardQRCode.expireDateTime' },
    });
  });
});

describe('PUT/DELETE …/temporary-qr-code', () => {
  test('lasts 3 hours by default and works with the same PIN beside the standard code', async () => {
    const worker = await signedInUser(h);
    const issuedAt = now();
    const temporary = await issueCode(worker.user.id, 'temporary');
    expectPngImage(temporary);
    expect(temporary).toMatchObject({
      startDateTime: iso(issuedAt),
      expireDateTime: iso(issuedAt + 3 * HOUR_MS),
      createdDateTime: iso(issuedAt),
    });
    expect(temporary.id).not.toBe(worker.issued.standardQRCode.id);
    const { res } = await signIn(h, temporary.image.rawContent, worker.pin);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ user: { id: worker.user.id }, mustChangePin: false });
    await expectSignedIn(worker.qr, worker.pin);
    expect((await getState(worker.user.id)).temporaryQRCode).toMatchObject({
      id: temporary.id,
      status: 'active',
    });
  });

  test('409 while one is unexpired; a new one is allowed after expiry', async () => {
    const worker = await createWorker(h);
    const first = await issueCode(worker.user.id, 'temporary');
    h.clock.advanceMs(3 * HOUR_MS - 1);
    await expectError(
      await h.request('PUT', methodPath(worker.user.id, '/temporary-qr-code'), { body: {} }),
      409,
      'ACTIVE_QR_CODE_EXISTS',
    );
    h.clock.advanceMs(1);
    await expectSignInCode(first.image.rawContent, worker.pin, 401, 'QR_CODE_EXPIRED');
    const second = await issueCode(worker.user.id, 'temporary');
    expect(second.id).not.toBe(first.id);
    await expectSignedIn(second.image.rawContent, worker.pin);
    // The standard code was never affected.
    await expectSignedIn(worker.qr, worker.pin);
  });

  test('expireDateTime up to exactly 12 hours is accepted; 12 hours + 1 ms is 400 naming the field', async () => {
    const worker = await createWorker(h);
    const tooLong = await h.request('PUT', methodPath(worker.user.id, '/temporary-qr-code'), {
      body: { expireDateTime: iso(now() + 12 * HOUR_MS + 1) },
    });
    expect(tooLong.status).toBe(400);
    expect(await readError(tooLong)).toEqual({
      error: {
        code: 'VALIDATION_FAILED',
        message: expect.any(String),
        field: 'temporaryQRCode.expireDateTime',
      },
    });
    const inThePast = await h.request('PUT', methodPath(worker.user.id, '/temporary-qr-code'), {
      body: { expireDateTime: iso(now() - 1) },
    });
    expect(await readError(inThePast)).toMatchObject({
      error: { code: 'VALIDATION_FAILED', field: 'temporaryQRCode.expireDateTime' },
    });
    expect((await getState(worker.user.id)).temporaryQRCode).toBeNull();

    const code = await issueCode(worker.user.id, 'temporary', { expireDateTime: iso(now() + 12 * HOUR_MS) });
    expect(Date.parse(code.expireDateTime) - Date.parse(code.startDateTime)).toBe(12 * HOUR_MS);
  });

  test('a temporary code scheduled for year 9999 is 400 naming startDateTime, and nothing is issued', async () => {
    const worker = await createWorker(h);
    const far = await h.request('PUT', methodPath(worker.user.id, '/temporary-qr-code'), {
      body: { startDateTime: '9999-12-31T08:00:00.000Z', expireDateTime: '9999-12-31T09:00:00.000Z' },
    });
    expect(far.status).toBe(400);
    expect(await readError(far)).toMatchObject({
      error: { code: 'VALIDATION_FAILED', field: 'temporaryQRCode.startDateTime' },
    });
    expect((await getState(worker.user.id)).temporaryQRCode).toBeNull();
  });

  test('usable exactly from startDateTime until expireDateTime (exclusive)', async () => {
    const worker = await createWorker(h);
    const start = now() + HOUR_MS;
    const expire = start + 2 * HOUR_MS;
    const code = await issueCode(worker.user.id, 'temporary', {
      startDateTime: iso(start),
      expireDateTime: iso(expire),
    });
    expect(code).toMatchObject({ startDateTime: iso(start), expireDateTime: iso(expire) });
    const qr = code.image.rawContent;

    h.clock.setTime(start - 1);
    await expectSignInCode(qr, worker.pin, 401, 'QR_CODE_NOT_YET_ACTIVE');
    h.clock.setTime(start);
    await expectSignedIn(qr, worker.pin);
    h.clock.setTime(expire - 1);
    await expectSignedIn(qr, worker.pin);
    h.clock.setTime(expire);
    await expectSignInCode(qr, worker.pin, 401, 'QR_CODE_EXPIRED');
  });

  test('DELETE: the temporary badge stops, the user’s sessions end, the standard badge still works', async () => {
    const worker = await createWorker(h);
    const temporary = await issueCode(worker.user.id, 'temporary');
    const cookie = await expectSignedIn(temporary.image.rawContent, worker.pin);
    const deleted = await h.request('DELETE', methodPath(worker.user.id, '/temporary-qr-code'));
    expect(deleted.status).toBe(204);
    expect((await getSession(h, cookie)).status).toBe(401);
    await expectSignInCode(temporary.image.rawContent, worker.pin, 401, 'QR_CODE_NOT_RECOGNIZED');
    await expectSignedIn(worker.qr, worker.pin);
    expect((await getState(worker.user.id)).temporaryQRCode).toBeNull();
    await expectError(
      await h.request('DELETE', methodPath(worker.user.id, '/temporary-qr-code')),
      404,
      'NOT_FOUND',
    );
    // With none left, a new temporary code may be issued at once.
    await issueCode(worker.user.id, 'temporary');
  });
});

describe('POST …/pin/reset', () => {
  test('returns a generated 8-digit PIN to change at next sign-in; the old PIN stops, sessions end', async () => {
    const worker = await signedInUser(h);
    const res = await h.request('POST', methodPath(worker.user.id, '/pin/reset'), { body: {} });
    expect(res.status).toBe(200);
    const reset = await readJson<{ code: string; forceChangePinNextSignIn: boolean }>(res);
    expect(reset).toEqual({
      code: expect.stringMatching(/^[0-9]{8}$/),
      forceChangePinNextSignIn: true,
      createdDateTime: iso(now()),
      updatedDateTime: iso(now()),
    });
    expect(checkPin(reset.code, { minLength: 8 })).toEqual({ ok: true });

    expect((await getSession(h, worker.cookie)).status).toBe(401);
    await expectSignInCode(worker.qr, worker.pin, 401, 'PIN_INCORRECT');
    const { res: signedIn } = await signIn(h, worker.qr, reset.code);
    expect(signedIn.status).toBe(200);
    expect(await signedIn.json()).toMatchObject({ mustChangePin: true });
    expect((await getState(worker.user.id)).pin).toMatchObject({
      code: null,
      forceChangePinNextSignIn: true,
      updatedDateTime: iso(now()),
    });
  });

  test('an admin-given PIN is returned as given, and must pass the PIN rules', async () => {
    const worker = await createWorker(h);
    for (const [code, rule] of [
      ['11111111', 'repeated_pattern'],
      ['27051984', 'date'],
      ['14789632', 'keypad_shape'],
      ['12345908', 'sequential_digits'],
      ['7392058', 'length'],
      ['٧٣٩٢٠٥٨١', 'digits_only'],
    ]) {
      const res = await h.request('POST', methodPath(worker.user.id, '/pin/reset'), { body: { code } });
      expect(res.status, code).toBe(400);
      expect(await readError(res)).toEqual({
        error: { code: 'PIN_POLICY_VIOLATION', message: expect.any(String), rule, field: 'code' },
      });
    }
    // Nothing changed: the issued PIN still works.
    await expectSignedIn(worker.qr, worker.pin);

    const res = await h.request('POST', methodPath(worker.user.id, '/pin/reset'), {
      body: { code: '73920581' },
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      code: '73920581',
      forceChangePinNextSignIn: true,
      createdDateTime: iso(now()),
      updatedDateTime: iso(now()),
    });
    await expectSignInCode(worker.qr, worker.pin, 401, 'PIN_INCORRECT');
    await expectSignedIn(worker.qr, '73920581');
  });

  test('clears a lockout: the new PIN works at once', async () => {
    const worker = await createWorker(h);
    await expectError(await wrongPins(worker.qr, 10), 423, 'METHOD_LOCKED');
    await expectSignInCode(worker.qr, worker.pin, 423, 'METHOD_LOCKED');
    const res = await h.request('POST', methodPath(worker.user.id, '/pin/reset'), { body: {} });
    const { code } = await readJson<{ code: string }>(res);
    expect((await getState(worker.user.id)).lockout).toMatchObject({ isLocked: false, failedAttempts: 0 });
    await expectSignedIn(worker.qr, code);
  });
});

describe('POST …/unlock', () => {
  test('204 clears a lockout; the PIN is unchanged and the count starts again', async () => {
    const worker = await createWorker(h);
    await expectError(await wrongPins(worker.qr, 10), 423, 'METHOD_LOCKED');
    await expectSignInCode(worker.qr, worker.pin, 423, 'METHOD_LOCKED');
    const res = await h.request('POST', methodPath(worker.user.id, '/unlock'));
    expect(res.status).toBe(204);
    expect((await getState(worker.user.id)).lockout).toEqual({
      isLocked: false,
      lockedUntilDateTime: null,
      requiresUnlock: false,
      failedAttempts: 0,
      consecutiveFailures: 0,
    });
    const error = await expectError(await wrongPins(worker.qr, 1), 401, 'PIN_INCORRECT');
    expect(error.remainingAttempts).toBe(9);
    await expectSignedIn(worker.qr, worker.pin);
  });
});

describe('POST /api/admin/users/{id}/revoke-sign-in-sessions', () => {
  test('204, and every session of the user is 401 at once; the badge still signs in', async () => {
    const worker = await createWorker(h);
    const first = await expectSignedIn(worker.qr, worker.pin);
    const second = await expectSignedIn(worker.qr, worker.pin);
    const bystander = await createWorker(h);
    const theirs = await expectSignedIn(bystander.qr, bystander.pin);

    const res = await h.request('POST', `/api/admin/users/${worker.user.id}/revoke-sign-in-sessions`);
    expect(res.status).toBe(204);
    for (const cookie of [first, second]) {
      const session = await getSession(h, cookie);
      await expectError(session, 401, 'UNAUTHENTICATED');
    }
    expect((await getSession(h, theirs)).status).toBe(200);
    const fresh = await expectSignedIn(worker.qr, worker.pin);
    expect((await getSession(h, fresh)).status).toBe(200);
  });
});

describe('404 NOT_FOUND', () => {
  const methodRoutes: [string, string, unknown][] = [
    ['GET', '', undefined],
    ['DELETE', '', undefined],
    ['PUT', '/standard-qr-code', {}],
    ['DELETE', '/standard-qr-code', undefined],
    ['PUT', '/temporary-qr-code', {}],
    ['DELETE', '/temporary-qr-code', undefined],
    ['POST', '/pin/reset', {}],
    ['POST', '/unlock', undefined],
  ];

  test('for an unknown user id on every route', async () => {
    const routes: [string, string, unknown][] = [
      ...methodRoutes.map(([method, suffix, body]): [string, string, unknown] => [
        method,
        methodPath('no-such-user', suffix),
        body,
      ]),
      ['PUT', methodPath('no-such-user'), {}],
      ['POST', '/api/admin/users/no-such-user/revoke-sign-in-sessions', undefined],
    ];
    for (const [method, path, body] of routes) {
      const res = await h.request(method, path, { body });
      expect(res.status, `${method} ${path}`).toBe(404);
      expect((await readError(res)).error.code).toBe('NOT_FOUND');
    }
  });

  test('for the method routes of a user without a method', async () => {
    const user = await createUser(h);
    for (const [method, suffix, body] of methodRoutes) {
      const res = await h.request(method, methodPath(user.id, suffix), { body });
      expect(res.status, `${method} ${suffix}`).toBe(404);
      expect((await readError(res)).error.code).toBe('NOT_FOUND');
    }
    // Ending sessions needs no method.
    expect((await h.request('POST', `/api/admin/users/${user.id}/revoke-sign-in-sessions`)).status).toBe(204);
  });
});

describe('manager scoping', () => {
  let manager: Worker & { cookie: string };
  let own: Worker;
  let foreign: Worker;
  let admin: Worker;
  let peer: Worker;

  beforeAll(async () => {
    const store = await addGroup(h, 'Store North');
    const otherStore = await addGroup(h, 'Store South');
    manager = await signedInUser(h, { role: 'manager', groupIds: [store.id] });
    own = await createWorker(h, { user: { groupIds: [store.id] } });
    foreign = await createWorker(h, { user: { groupIds: [otherStore.id] } });
    admin = await createWorker(h, { user: { role: 'admin', groupIds: [store.id] } });
    peer = await createWorker(h, { user: { role: 'manager', groupIds: [store.id] } });
  });

  const asManager = (method: string, path: string, body?: unknown) =>
    h.request(method, path, { body, token: null, cookie: manager.cookie });

  test('may issue a temporary code, reset the PIN, unlock and end sessions for their own worker', async () => {
    const temporary = await asManager('PUT', methodPath(own.user.id, '/temporary-qr-code'), {});
    expect(temporary.status).toBe(201);
    const code = await readJson<IssuedQrCode>(temporary);

    const state = await asManager('GET', methodPath(own.user.id));
    expect(state.status).toBe(200);
    expect(await state.json()).toMatchObject({ temporaryQRCode: { id: code.id, status: 'active' } });

    await expectError(await wrongPins(own.qr, 10), 423, 'METHOD_LOCKED');
    const unlock = await asManager('POST', methodPath(own.user.id, '/unlock'));
    expect(unlock.status).toBe(204);
    const workerCookie = await expectSignedIn(code.image.rawContent, own.pin);

    const reset = await asManager('POST', methodPath(own.user.id, '/pin/reset'), {});
    expect(reset.status).toBe(200);
    const { code: newPin } = await readJson<{ code: string }>(reset);
    expect((await getSession(h, workerCookie)).status).toBe(401);
    await expectSignedIn(code.image.rawContent, newPin);

    const revoke = await asManager('POST', `/api/admin/users/${own.user.id}/revoke-sign-in-sessions`);
    expect(revoke.status).toBe(204);
    // The manager's own session is untouched by any of this.
    expect((await getSession(h, manager.cookie)).status).toBe(200);
  });

  test('gets the 404 of an unknown id for another group’s worker, an admin and another manager, changing nothing', async () => {
    const unknown = await readError(await asManager('GET', methodPath('no-such-user', '')));
    expect(unknown.error.code).toBe('NOT_FOUND');
    for (const target of [foreign, admin, peer]) {
      for (const [method, suffix, body] of [
        ['GET', '', undefined],
        ['PUT', '/temporary-qr-code', {}],
        ['POST', '/pin/reset', {}],
        ['POST', '/unlock', undefined],
        ['DELETE', '/standard-qr-code', undefined],
        ['DELETE', '', undefined],
      ] as const) {
        const res = await asManager(method, methodPath(target.user.id, suffix), body);
        expect(res.status, `${target.user.role} ${method} ${suffix}`).toBe(404);
        expect(await readError(res)).toEqual(unknown);
      }
      const revoke = await asManager('POST', `/api/admin/users/${target.user.id}/revoke-sign-in-sessions`);
      expect(revoke.status).toBe(404);
      expect(await readError(revoke)).toEqual(unknown);
      // Still the badge and PIN the admin issued, and no temporary code.
      expect((await getState(target.user.id)).temporaryQRCode).toBeNull();
      await expectSignedIn(target.qr, target.pin);
    }
  });

  test('gets 403 FORBIDDEN on admin-only routes', async () => {
    await expectError(
      await asManager('POST', '/api/admin/users', { userPrincipalName: 'new-hire', displayName: 'New Hire' }),
      403,
      'FORBIDDEN',
    );
  });

  test('a worker’s session gets 403 FORBIDDEN on admin routes, even for their own method', async () => {
    const worker = await signedInUser(h);
    for (const [method, path, body] of [
      ['GET', methodPath(worker.user.id), undefined],
      ['POST', methodPath(worker.user.id, '/pin/reset'), {}],
      ['POST', methodPath(worker.user.id, '/unlock'), undefined],
      ['PUT', methodPath(worker.user.id, '/temporary-qr-code'), {}],
      ['PUT', methodPath(own.user.id, '/temporary-qr-code'), {}],
      ['POST', `/api/admin/users/${own.user.id}/revoke-sign-in-sessions`, undefined],
      ['GET', `/api/admin/users/${worker.user.id}`, undefined],
    ] as const) {
      const res = await h.request(method, path, { body, token: null, cookie: worker.cookie });
      expect(res.status, `${method} ${path}`).toBe(403);
      expect((await readError(res)).error.code).toBe('FORBIDDEN');
    }
  });
});
