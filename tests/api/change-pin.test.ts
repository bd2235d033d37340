/** The first-sign-in PIN change: nothing else is allowed until it is done, and the PIN rules apply. */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  createWorker,
  getSession,
  readError,
  readJson,
  signIn,
  startHarness,
  type Harness,
  type Worker,
} from '../support/api-harness.js';

const ISSUED_PIN = '60539184';
const NEW_PIN = '82614075';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

const changePin = (cookie: string | undefined, body: unknown) =>
  h.request('POST', '/api/auth/qr-pin/change-pin', { body, token: null, cookie });

async function signedInWorker(): Promise<{ worker: Worker; cookie: string }> {
  const worker = await createWorker(h, { method: { pin: { code: ISSUED_PIN } } });
  const { res, cookie } = await signIn(h, worker.qr, worker.pin);
  expect(await res.json()).toMatchObject({ mustChangePin: true });
  return { worker, cookie: cookie! };
}

describe('while the PIN must change', () => {
  test('admin routes refuse the session with 403 PIN_CHANGE_REQUIRED', async () => {
    const { worker, cookie } = await signedInWorker();
    for (const [method, path, body] of [
      ['GET', `/api/admin/users/${worker.user.id}`, undefined],
      ['POST', '/api/admin/users', { userPrincipalName: 'sneaky', displayName: 'Sneaky' }],
      ['PUT', `/api/admin/users/${worker.user.id}/qr-code-pin-method`, {}],
    ] as const) {
      const res = await h.request(method, path, { body, token: null, cookie });
      expect(res.status, `${method} ${path}`).toBe(403);
      expect(await readError(res)).toEqual({
        error: { code: 'PIN_CHANGE_REQUIRED', message: expect.any(String) },
      });
    }
  });

  test('the session itself can still be read, and says the PIN must change', async () => {
    const { cookie } = await signedInWorker();
    const res = await getSession(h, cookie);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ mustChangePin: true });
  });
});

describe('POST /api/auth/qr-pin/change-pin', () => {
  test.each([
    ['11111111', 'repeated_pattern'],
    ['12121212', 'repeated_pattern'],
    ['12345678', 'sequential_digits'],
    ['87654321', 'sequential_digits'],
    ['١٢٣٤٥٦٧٨', 'digits_only'],
    ['5647 3829', 'digits_only'],
    ['5647382', 'length'],
    ['564738291928374650192', 'length'],
    [ISSUED_PIN, 'same_as_current'],
  ])(
    'refuses new PIN %j with 400 PIN_POLICY_VIOLATION rule %s, keeping the old PIN',
    async (newPin, rule) => {
      const { worker, cookie } = await signedInWorker();
      const res = await changePin(cookie, { currentPin: ISSUED_PIN, newPin });
      expect(res.status).toBe(400);
      expect(await readError(res)).toEqual({
        error: { code: 'PIN_POLICY_VIOLATION', message: expect.any(String), rule, field: 'newPin' },
      });
      expect(await (await getSession(h, cookie)).json()).toMatchObject({ mustChangePin: true });
      expect((await signIn(h, worker.qr, ISSUED_PIN)).res.status).toBe(200);
    },
  );

  test('a wrong current PIN is 401 PIN_INCORRECT and changes nothing', async () => {
    const { worker, cookie } = await signedInWorker();
    const res = await changePin(cookie, { currentPin: '74839201', newPin: NEW_PIN });
    expect(res.status).toBe(401);
    expect(await readError(res)).toEqual({
      error: { code: 'PIN_INCORRECT', message: expect.any(String), remainingAttempts: 9 },
    });
    expect((await readError((await signIn(h, worker.qr, NEW_PIN)).res)).error.code).toBe('PIN_INCORRECT');
  });

  test('without a session it is 401 UNAUTHENTICATED, even with an admin token', async () => {
    for (const token of [null, undefined]) {
      const res = await h.request('POST', '/api/auth/qr-pin/change-pin', {
        body: { currentPin: ISSUED_PIN, newPin: NEW_PIN },
        token,
      });
      expect(res.status).toBe(401);
      expect((await readError(res)).error.code).toBe('UNAUTHENTICATED');
    }
  });

  test('a good change is 204; this session carries on, the new PIN signs in without a forced change', async () => {
    const { worker, cookie } = await signedInWorker();
    const otherKiosk = await signIn(h, worker.qr, ISSUED_PIN);
    expect(otherKiosk.res.status).toBe(200);

    const res = await changePin(cookie, { currentPin: ISSUED_PIN, newPin: NEW_PIN });
    expect(res.status).toBe(204);
    expect(await res.text()).toBe('');

    // This session continues, no longer pending a change.
    const session = await getSession(h, cookie);
    expect(session.status).toBe(200);
    expect(await session.json()).toMatchObject({ user: { id: worker.user.id }, mustChangePin: false });
    // The worker's other session, signed in with the old PIN, has ended.
    expect((await getSession(h, otherKiosk.cookie!)).status).toBe(401);

    // A worker is no admin: the refusal is now about the role, not the PIN.
    const admin = await h.request('GET', `/api/admin/users/${worker.user.id}`, { token: null, cookie });
    expect(admin.status).toBe(403);
    expect((await readError(admin)).error.code).toBe('FORBIDDEN');

    const oldPin = await signIn(h, worker.qr, ISSUED_PIN);
    expect(oldPin.res.status).toBe(401);
    expect((await readError(oldPin.res)).error.code).toBe('PIN_INCORRECT');

    const newPin = await signIn(h, worker.qr, NEW_PIN);
    expect(newPin.res.status).toBe(200);
    expect(await readJson(newPin.res)).toEqual({
      user: { id: worker.user.id, displayName: worker.user.displayName, role: 'worker' },
      mustChangePin: false,
    });
  });

  test('a longer PIN (up to 20 digits) may be chosen', async () => {
    const { worker, cookie } = await signedInWorker();
    const longPin = '82614075103927461058';
    expect((await changePin(cookie, { currentPin: ISSUED_PIN, newPin: longPin })).status).toBe(204);
    expect(await (await signIn(h, worker.qr, longPin)).res.json()).toMatchObject({ mustChangePin: false });
  });

  test('body fields are checked: missing newPin is 400 VALIDATION_FAILED naming it', async () => {
    const { cookie } = await signedInWorker();
    const res = await changePin(cookie, { currentPin: ISSUED_PIN });
    expect(res.status).toBe(400);
    expect(await readError(res)).toMatchObject({ error: { code: 'VALIDATION_FAILED', field: 'newPin' } });
  });
});
