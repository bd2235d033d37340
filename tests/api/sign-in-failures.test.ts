/** Every way a badge sign-in can fail, with the exact status and error code the kiosk shows. */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  createUser,
  createWorker,
  getSession,
  issueMethod,
  readError,
  signIn,
  startHarness,
  type Harness,
} from '../support/api-harness.js';

const HOUR_MS = 3600 * 1000;

/** Replaces one ':'-separated part of a badge payload. */
function withPart(qr: string, index: number, value: string): string {
  const parts = qr.split(':');
  parts[index] = value;
  return parts.join(':');
}

/** A different string of the same length in the same alphabet (rotates each base32 character). */
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const rotate = (text: string) => [...text].map((ch) => ALPHABET[(ALPHABET.indexOf(ch) + 1) % 32]).join('');

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ ISSUER_ID: 'STOREA' });
});
afterAll(() => h.close());

describe('a recognised badge', () => {
  test('with the wrong PIN is 401 PIN_INCORRECT and sets no cookie', async () => {
    const worker = await createWorker(h, { method: { pin: { code: '60539184' } } });
    const { res, cookie } = await signIn(h, worker.qr, '82614075');
    expect(res.status).toBe(401);
    expect(await readError(res)).toEqual({
      error: { code: 'PIN_INCORRECT', message: expect.any(String), remainingAttempts: 9 },
    });
    expect(cookie).toBeUndefined();
  });

  test('with the right PIN signs in, also with the line ending a scanner adds', async () => {
    const worker = await createWorker(h);
    const { res, cookie } = await signIn(h, `${worker.qr}\r\n`, worker.pin);
    expect(res.status).toBe(200);
    expect(cookie).toBeDefined();
  });
});

describe('unrecognised badges all get one answer', () => {
  test('forged secret, unknown code id, another site, garbage, disabled account: identical 401 bodies', async () => {
    const worker = await createWorker(h);
    const [, issuer, codeId, secret] = worker.qr.split(':') as [string, string, string, string];
    expect(issuer).toBe('STOREA');

    const otherSite = await startHarness({ ISSUER_ID: 'STOREB' });
    const foreign = await createWorker(otherSite);
    otherSite.close();

    const disabled = await createWorker(h, { user: { accountEnabled: false } });

    const attempts: [string, string, string][] = [
      ['forged secret', withPart(worker.qr, 3, rotate(secret)), worker.pin],
      ['unknown code id', withPart(worker.qr, 2, rotate(codeId)), worker.pin],
      ['our code id under another issuer', withPart(worker.qr, 1, 'STOREB'), worker.pin],
      ['another site’s real badge', foreign.qr, foreign.pin],
      ['garbage text', 'hello, I am not a badge', worker.pin],
      ['a URL', 'https://example.com/?id=1', worker.pin],
      ['an empty scan', '', worker.pin],
      ['a disabled account’s badge', disabled.qr, disabled.pin],
      ['forged secret and wrong PIN', withPart(worker.qr, 3, rotate(secret)), '00000000'],
    ];
    const bodies: unknown[] = [];
    for (const [name, qr, pin] of attempts) {
      const { res, cookie } = await signIn(h, qr, pin);
      expect(res.status, name).toBe(401);
      expect(cookie, name).toBeUndefined();
      bodies.push(await res.json());
    }
    expect(bodies[0]).toEqual({ error: { code: 'QR_CODE_NOT_RECOGNIZED', message: expect.any(String) } });
    for (const body of bodies) expect(body).toEqual(bodies[0]);

    // The real badge was not harmed by any of this.
    expect((await signIn(h, worker.qr, worker.pin)).res.status).toBe(200);
  });
});

describe('the validity window, by the clock', () => {
  test('not yet active 1 ms before startDateTime, active at exactly startDateTime', async () => {
    const start = h.clock.now().getTime() + HOUR_MS;
    const worker = await createWorker(h, {
      method: {
        standardQRCode: {
          startDateTime: new Date(start).toISOString(),
          // A standard code lives at least a day.
          expireDateTime: new Date(start + 24 * HOUR_MS).toISOString(),
        },
      },
    });
    expect(Date.parse(worker.issued.standardQRCode.startDateTime)).toBe(start);

    const now = h.clock.now().getTime();
    try {
      h.clock.setTime(start - 1);
      const early = await signIn(h, worker.qr, worker.pin);
      expect(early.res.status).toBe(401);
      expect(await readError(early.res)).toEqual({
        error: { code: 'QR_CODE_NOT_YET_ACTIVE', message: expect.any(String) },
      });
      expect(early.cookie).toBeUndefined();

      h.clock.setTime(start);
      expect((await signIn(h, worker.qr, worker.pin)).res.status).toBe(200);
    } finally {
      h.clock.setTime(now);
    }
  });

  test('active 1 ms before expireDateTime, expired at exactly expireDateTime', async () => {
    const expire = h.clock.now().getTime() + 26 * HOUR_MS;
    const worker = await createWorker(h, {
      method: { standardQRCode: { expireDateTime: new Date(expire).toISOString() } },
    });
    expect(Date.parse(worker.issued.standardQRCode.expireDateTime)).toBe(expire);

    const now = h.clock.now().getTime();
    try {
      h.clock.setTime(expire - 1);
      expect((await signIn(h, worker.qr, worker.pin)).res.status).toBe(200);

      h.clock.setTime(expire);
      const late = await signIn(h, worker.qr, worker.pin);
      expect(late.res.status).toBe(401);
      expect(await readError(late.res)).toEqual({
        error: { code: 'QR_CODE_EXPIRED', message: expect.any(String) },
      });
      expect(late.cookie).toBeUndefined();

      h.clock.setTime(expire + 30 * 24 * HOUR_MS);
      expect((await readError((await signIn(h, worker.qr, worker.pin)).res)).error.code).toBe(
        'QR_CODE_EXPIRED',
      );
    } finally {
      h.clock.setTime(now);
    }
  });

  test('a badge whose window ends before it starts, or in the past, is refused at issue', async () => {
    const user = await createUser(h);
    const now = h.clock.now().getTime();
    for (const standardQRCode of [
      {
        startDateTime: new Date(now + 2 * HOUR_MS).toISOString(),
        expireDateTime: new Date(now + HOUR_MS).toISOString(),
      },
      {
        startDateTime: new Date(now - 2 * HOUR_MS).toISOString(),
        expireDateTime: new Date(now).toISOString(),
      },
    ]) {
      const res = await h.request('PUT', `/api/admin/users/${user.id}/qr-code-pin-method`, {
        body: { standardQRCode },
      });
      expect(res.status).toBe(400);
      expect(await readError(res)).toMatchObject({
        error: { code: 'VALIDATION_FAILED', field: 'standardQRCode.expireDateTime' },
      });
    }
  });
});

describe('re-issuing the method', () => {
  test('is refused while the standard code is unexpired; after DELETE it retires the old badge, PIN and sessions', async () => {
    const user = await createUser(h);
    const first = await issueMethod(h, user.id, { pin: { code: '60539184' } });
    const oldQr = first.standardQRCode.image.rawContent;
    const { res, cookie } = await signIn(h, oldQr, '60539184');
    expect(res.status).toBe(200);
    expect((await getSession(h, cookie!)).status).toBe(200);

    const again = await h.request('PUT', `/api/admin/users/${user.id}/qr-code-pin-method`, { body: {} });
    expect(again.status).toBe(409);
    expect((await readError(again)).error.code).toBe('ACTIVE_QR_CODE_EXISTS');
    expect((await getSession(h, cookie!)).status).toBe(200);

    const deleted = await h.request('DELETE', `/api/admin/users/${user.id}/qr-code-pin-method`);
    expect(deleted.status).toBe(204);
    const second = await issueMethod(h, user.id, { pin: { code: '82614075' } });
    const newQr = second.standardQRCode.image.rawContent;
    expect(newQr).not.toBe(oldQr);
    expect(second.standardQRCode.id).not.toBe(first.standardQRCode.id);

    const oldBadge = await signIn(h, oldQr, '60539184');
    expect(oldBadge.res.status).toBe(401);
    expect((await readError(oldBadge.res)).error.code).toBe('QR_CODE_NOT_RECOGNIZED');

    const session = await getSession(h, cookie!);
    expect(session.status).toBe(401);
    expect((await readError(session)).error.code).toBe('UNAUTHENTICATED');

    const oldPin = await signIn(h, newQr, '60539184');
    expect((await readError(oldPin.res)).error.code).toBe('PIN_INCORRECT');
    const fresh = await signIn(h, newQr, '82614075');
    expect(fresh.res.status).toBe(200);
    expect(await fresh.res.json()).toMatchObject({ user: { id: user.id }, mustChangePin: true });
  });
});
