/**
 * Signing in with the short code printed under a badge (`{shortCode, pin}`) instead of the scanned QR
 * text: how a person may type it, and that it gives an attacker nothing the QR path does not — the same
 * lockout, the same per-client budget, the same answer and the same cost for every code that does not
 * exist, and one 429 for everything once the budget is spent.
 */
import { afterAll, afterEach, beforeAll, describe, expect, test, vi } from 'vitest';
import type { IssuedQrCode } from '../../server/features/badges/qr-pin-method.js';
import {
  addGroup,
  createUser,
  createWorker,
  getSession,
  issueMethod,
  queryRows,
  readError,
  readJson,
  startHarness,
  type Harness,
  type Worker,
} from '../support/api-harness.js';

const WRONG_PIN = '40617395';
const HOUR_MS = 3600 * 1000;
const POLICY = '/api/admin/policies/qr-code-pin';
const DEFAULT_LOCKOUT = { threshold: 10, clientThreshold: 100, clientWindowSeconds: 900 };
/** A code in canonical form that no badge in this file has (issued codes are random). */
const NO_SUCH_CODE = 'ZZZZZ-ZZZZZ';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ ISSUER_ID: 'STOREA' });
});
afterAll(() => h.close());
afterEach(async () => {
  vi.restoreAllMocks();
  await patchPolicy({ lockout: DEFAULT_LOCKOUT });
});

let addressCounter = 0;
/** A network address no other attempt in this file uses, so the per-client budget stays out of the way. */
const freshAddress = () => {
  addressCounter += 1;
  return `10.3.${addressCounter >> 8}.${addressCounter & 255}`;
};

function attempt(body: Record<string, unknown>, clientAddress = freshAddress()): Promise<Response> {
  return h.request('POST', '/api/auth/qr-pin/sign-in', { body, token: null, clientAddress });
}

async function patchPolicy(body: Record<string, unknown>) {
  const res = await h.request('PATCH', POLICY, { body });
  expect(res.status, await res.clone().text()).toBe(200);
}

async function expectError(res: Response, status: number, error: Record<string, unknown>) {
  expect(res.status).toBe(status);
  expect(await readError(res)).toEqual({ error: { message: expect.any(String), ...error } });
  expect(res.headers.getSetCookie()).toEqual([]);
}

const expectNotRecognized = (res: Response) => expectError(res, 401, { code: 'QR_CODE_NOT_RECOGNIZED' });

async function expectSignedIn(res: Response): Promise<string> {
  expect(res.status, await res.clone().text()).toBe(200);
  const cookie = res.headers
    .getSetCookie()
    .find((c) => c.startsWith('__Host-shiftpass_session='))
    ?.split(';')[0];
  expect(cookie).toBeDefined();
  return cookie!;
}

/** A worker whose badge's short code is `canonical` (the generator is told what to draw, once). */
async function workerWithShortCode(canonical: string): Promise<Worker> {
  vi.spyOn(h.runtime.deps.shortCodes, 'generate').mockReturnValueOnce(canonical);
  const worker = await createWorker(h);
  expect(worker.shortCode).toBe(`${canonical.slice(0, 5)}-${canonical.slice(5)}`);
  return worker;
}

async function issueCode(userId: string, kind: 'standard' | 'temporary', body: unknown = {}) {
  const res = await h.request('PUT', `/api/admin/users/${userId}/qr-code-pin-method/${kind}-qr-code`, {
    body,
  });
  expect(res.status, await res.clone().text()).toBe(201);
  return readJson<IssuedQrCode>(res);
}

describe('issuing', () => {
  test('every issuance returns a new short code: the method, a temporary code, a new standard code', async () => {
    const worker = await createWorker(h);
    const temporary = await issueCode(worker.user.id, 'temporary');
    const del = await h.request(
      'DELETE',
      `/api/admin/users/${worker.user.id}/qr-code-pin-method/standard-qr-code`,
    );
    expect(del.status).toBe(204);
    const standard = await issueCode(worker.user.id, 'standard');
    const codes = [worker.shortCode, temporary.shortCode, standard.shortCode];
    for (const code of codes) expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}$/);
    expect(new Set(codes).size).toBe(3);
  });

  test('a short code whose hash is already stored is drawn again, and both badges work', async () => {
    const first = await createWorker(h);
    const taken = first.shortCode.replace('-', '');
    const generate = vi.spyOn(h.runtime.deps.shortCodes, 'generate').mockReturnValueOnce(taken);
    const second = await createWorker(h);
    expect(generate).toHaveBeenCalledTimes(2);
    expect(second.shortCode).not.toBe(first.shortCode);

    generate.mockReturnValueOnce(taken).mockReturnValueOnce(second.shortCode.replace('-', ''));
    const temporary = await issueCode(second.user.id, 'temporary');
    expect(generate).toHaveBeenCalledTimes(5);
    expect([first.shortCode, second.shortCode]).not.toContain(temporary.shortCode);

    await expectSignedIn(await attempt({ shortCode: first.shortCode, pin: first.pin }));
    await expectSignedIn(await attempt({ shortCode: second.shortCode, pin: second.pin }));
    await expectSignedIn(await attempt({ shortCode: temporary.shortCode, pin: second.pin }));
  });
});

describe('signing in with the short code', () => {
  test('works however a person types it: case, spaces, no dash, O for 0, I or L for 1', async () => {
    const worker = await workerWithShortCode('0K1M2N3P41');
    const typings = [
      '0K1M2-N3P41',
      '0k1m2-n3p41',
      '0k1m2 n3p41',
      '0K1M2N3P41',
      ' 0 K 1 M 2   N 3 P 4 1 ',
      'OKIM2-N3P4L',
      'okim2 n3p4l',
      '0K1M2\u2013N3P41',
    ];
    for (const shortCode of typings) {
      const res = await attempt({ shortCode, pin: worker.pin });
      const cookie = await expectSignedIn(res);
      expect(await res.json(), shortCode).toEqual({
        user: { id: worker.user.id, displayName: worker.user.displayName, role: 'worker' },
        mustChangePin: true,
      });
      expect((await getSession(h, cookie)).status).toBe(200);
    }
  });

  test('the wrong PIN is 401 PIN_INCORRECT with the attempts left, like the QR path', async () => {
    const worker = await createWorker(h);
    await expectError(await attempt({ shortCode: worker.shortCode, pin: WRONG_PIN }), 401, {
      code: 'PIN_INCORRECT',
      remainingAttempts: 9,
    });
  });

  test('the lockout is the method’s: short-code and QR failures add up, and a lock holds for both', async () => {
    const worker = await createWorker(h);
    for (let i = 1; i <= 9; i++) {
      const body =
        i % 2 ? { shortCode: worker.shortCode, pin: WRONG_PIN } : { qr: worker.qr, pin: WRONG_PIN };
      await expectError(await attempt(body), 401, { code: 'PIN_INCORRECT', remainingAttempts: 10 - i });
    }
    await expectError(await attempt({ shortCode: worker.shortCode, pin: WRONG_PIN }), 423, {
      code: 'METHOD_LOCKED',
      retryAfterSeconds: 60,
    });
    for (const body of [
      { shortCode: worker.shortCode, pin: worker.pin },
      { qr: worker.qr, pin: worker.pin },
    ]) {
      await expectError(await attempt(body), 423, { code: 'METHOD_LOCKED', retryAfterSeconds: 60 });
    }
    h.clock.advanceSeconds(60);
    await expectSignedIn(await attempt({ shortCode: worker.shortCode.toLowerCase(), pin: worker.pin }));
  });

  test('a temporary code’s short code works in its window: not yet active, active, expired', async () => {
    const worker = await createWorker(h);
    const start = h.clock.now().getTime() + HOUR_MS;
    const temporary = await issueCode(worker.user.id, 'temporary', {
      startDateTime: new Date(start).toISOString(),
      expireDateTime: new Date(start + 2 * HOUR_MS).toISOString(),
    });
    expect(temporary.shortCode).not.toBe(worker.shortCode);
    const body = { shortCode: temporary.shortCode, pin: worker.pin };

    await expectError(await attempt(body), 401, { code: 'QR_CODE_NOT_YET_ACTIVE' });
    h.clock.setTime(start);
    await expectSignedIn(await attempt(body));
    h.clock.setTime(start + 2 * HOUR_MS);
    await expectError(await attempt(body), 401, { code: 'QR_CODE_EXPIRED' });
    // The standard badge is unaffected.
    await expectSignedIn(await attempt({ shortCode: worker.shortCode, pin: worker.pin }));
  });

  test('an expired standard code’s short code is QR_CODE_EXPIRED; once replaced, it is not recognised', async () => {
    const user = await createUser(h);
    // A standard code lives at least a day.
    const expireAt = h.clock.now().getTime() + 24 * HOUR_MS;
    const issued = await issueMethod(h, user.id, {
      standardQRCode: { expireDateTime: new Date(expireAt).toISOString() },
      pin: { code: '60539184' },
    });
    h.clock.setTime(expireAt);
    const old = { shortCode: issued.standardQRCode.shortCode, pin: '60539184' };
    await expectError(await attempt(old), 401, { code: 'QR_CODE_EXPIRED' });

    const replacement = await issueCode(user.id, 'standard');
    await expectNotRecognized(await attempt(old));
    await expectSignedIn(await attempt({ shortCode: replacement.shortCode, pin: '60539184' }));
  });

  test('after deleting and replacing the standard code, the old short code is refused', async () => {
    const worker = await createWorker(h);
    const path = `/api/admin/users/${worker.user.id}/qr-code-pin-method/standard-qr-code`;
    expect((await h.request('DELETE', path)).status).toBe(204);
    await expectNotRecognized(await attempt({ shortCode: worker.shortCode, pin: worker.pin }));
    const replacement = await issueCode(worker.user.id, 'standard');
    await expectNotRecognized(await attempt({ shortCode: worker.shortCode, pin: worker.pin }));
    await expectSignedIn(await attempt({ shortCode: replacement.shortCode, pin: worker.pin }));
  });

  test('after the whole method is deleted and issued again, the old short code is refused', async () => {
    const worker = await createWorker(h);
    const path = `/api/admin/users/${worker.user.id}/qr-code-pin-method`;
    expect((await h.request('DELETE', path)).status).toBe(204);
    const again = await issueMethod(h, worker.user.id);
    await expectNotRecognized(await attempt({ shortCode: worker.shortCode, pin: again.pin.code }));
    await expectSignedIn(await attempt({ shortCode: again.standardQRCode.shortCode, pin: again.pin.code }));
  });

  test('a worker outside the method policy gets 403 METHOD_DISABLED_BY_POLICY, as with the QR', async () => {
    const excluded = await addGroup(h);
    const worker = await createWorker(h, { user: { groupIds: [excluded.id] } });
    await patchPolicy({ excludeTargets: [{ id: excluded.id }] });
    try {
      await expectError(await attempt({ shortCode: worker.shortCode, pin: worker.pin }), 403, {
        code: 'METHOD_DISABLED_BY_POLICY',
      });
    } finally {
      await patchPolicy({ excludeTargets: [] });
    }
  });
});

describe('codes that do not exist tell an attacker nothing', () => {
  test('unknown, malformed, deleted and disabled-account short codes get the unknown badge’s answer', async () => {
    const worker = await createWorker(h);
    const disabled = await createWorker(h, { user: { accountEnabled: false } });
    const deleted = await createWorker(h);
    expect(
      (await h.request('DELETE', `/api/admin/users/${deleted.user.id}/qr-code-pin-method/standard-qr-code`))
        .status,
    ).toBe(204);
    const unknownBadgeBody = await (
      await attempt({ qr: `SP1:STOREA:${'A'.repeat(16)}:${'B'.repeat(26)}`, pin: worker.pin })
    ).json();

    const attempts: [string, string, string][] = [
      ['a code nobody has', NO_SUCH_CODE, worker.pin],
      ['a code nobody has, wrong PIN', NO_SUCH_CODE, WRONG_PIN],
      ['one character off', worker.shortCode.replace(/.$/, (c) => (c === 'Z' ? 'Y' : 'Z')), worker.pin],
      ['too short', worker.shortCode.slice(0, -1), worker.pin],
      ['too long', `${worker.shortCode}7`, worker.pin],
      ['a U', 'UUUUU-UUUUU', worker.pin],
      ['empty', '', worker.pin],
      ['the QR text in the short-code field', worker.qr, worker.pin],
      ['a deleted code', deleted.shortCode, deleted.pin],
      ['a disabled account’s code', disabled.shortCode, disabled.pin],
    ];
    for (const [name, shortCode, pin] of attempts) {
      const res = await attempt({ shortCode, pin });
      expect(res.status, name).toBe(401);
      expect(res.headers.getSetCookie(), name).toEqual([]);
      expect(await res.json(), name).toEqual(unknownBadgeBody);
    }
    expect(unknownBadgeBody).toEqual({
      error: { code: 'QR_CODE_NOT_RECOGNIZED', message: expect.any(String) },
    });

    // The short code in the QR field is no badge either.
    await expectNotRecognized(await attempt({ qr: worker.shortCode, pin: worker.pin }));
    // The real badge was not harmed by any of this.
    await expectSignedIn(await attempt({ shortCode: worker.shortCode, pin: worker.pin }));
  });

  test('an unknown short code costs what a wrong PIN costs: exactly one argon2id verification', async () => {
    const worker = await createWorker(h);
    const verify = vi.spyOn(h.runtime.deps.hasher, 'verify');
    const verificationsFor = async (body: Record<string, unknown>) => {
      verify.mockClear();
      await attempt(body);
      return verify.mock.calls.length;
    };
    expect(await verificationsFor({ shortCode: worker.shortCode, pin: WRONG_PIN })).toBe(1);
    expect(await verificationsFor({ shortCode: NO_SUCH_CODE, pin: WRONG_PIN })).toBe(1);
    expect(await verificationsFor({ shortCode: 'not a code', pin: WRONG_PIN })).toBe(1);
    expect(await verificationsFor({ qr: worker.qr, pin: WRONG_PIN })).toBe(1);
  });

  test('unknown short codes use the per-client budget; then everything from there is one 429', async () => {
    await patchPolicy({ lockout: { clientThreshold: 10 } });
    const worker = await createWorker(h);
    const address = freshAddress();
    // Failures by QR and by short code share the one budget.
    for (let i = 0; i < 10; i++) {
      const body =
        i < 5
          ? { shortCode: NO_SUCH_CODE, pin: WRONG_PIN }
          : { qr: `SP1:STOREA:${'C'.repeat(16)}:${'D'.repeat(26)}`, pin: WRONG_PIN };
      await expectNotRecognized(await attempt(body, address));
    }
    // Over budget, a real code with the right PIN and an unknown one get the same answer: no oracle.
    const answers = [];
    for (const body of [
      { shortCode: worker.shortCode, pin: worker.pin },
      { shortCode: worker.shortCode, pin: WRONG_PIN },
      { shortCode: NO_SUCH_CODE, pin: WRONG_PIN },
      { shortCode: 'not a code', pin: WRONG_PIN },
      { qr: worker.qr, pin: worker.pin },
    ]) {
      const res = await attempt(body, address);
      expect(res.status).toBe(429);
      expect(res.headers.getSetCookie()).toEqual([]);
      answers.push(await res.json());
    }
    expect(answers[0]).toEqual({
      error: { code: 'TOO_MANY_ATTEMPTS', message: expect.any(String), retryAfterSeconds: 900 },
    });
    for (const answer of answers) expect(answer).toEqual(answers[0]);
    // The throttled guesses did not reach the method: its lockout is untouched.
    const state = await h.request('GET', `/api/admin/users/${worker.user.id}/qr-code-pin-method`);
    expect((await readJson<{ lockout: { failedAttempts: number } }>(state)).lockout.failedAttempts).toBe(0);
    // Another address is unaffected.
    await expectSignedIn(await attempt({ shortCode: worker.shortCode, pin: worker.pin }));
  });

  test('wrong PINs with a real short code use the budget too; successes give theirs back', async () => {
    await patchPolicy({ lockout: { clientThreshold: 10 } });
    const [a, b] = [await createWorker(h), await createWorker(h)];
    const address = freshAddress();
    for (let i = 0; i < 12; i++) {
      await expectSignedIn(await attempt({ shortCode: a.shortCode, pin: a.pin }, address));
    }
    for (const worker of [a, b]) {
      for (let i = 0; i < 5; i++) {
        expect((await attempt({ shortCode: worker.shortCode, pin: WRONG_PIN }, address)).status).toBe(401);
      }
    }
    const res = await attempt({ shortCode: a.shortCode, pin: a.pin }, address);
    await expectError(res, 429, { code: 'TOO_MANY_ATTEMPTS', retryAfterSeconds: 900 });
  });
});

describe('the request body', () => {
  test('exactly one of qr and shortCode: both or neither is 400 VALIDATION_FAILED, and costs no budget', async () => {
    await patchPolicy({ lockout: { clientThreshold: 10 } });
    const worker = await createWorker(h);
    const address = freshAddress();
    const cases: [Record<string, unknown>, string][] = [
      [{ qr: worker.qr, shortCode: worker.shortCode, pin: worker.pin }, 'shortCode'],
      [{ qr: '', shortCode: '', pin: worker.pin }, 'shortCode'],
      [{ pin: worker.pin }, 'qr'],
      [{ shortCode: 1234567890, pin: worker.pin }, 'shortCode'],
      [{ shortCode: null, pin: worker.pin }, 'shortCode'],
      [{ shortCode: 'A'.repeat(65), pin: worker.pin }, 'shortCode'],
      [{ shortCode: worker.shortCode }, 'pin'],
    ];
    for (const [body, field] of cases) {
      for (let i = 0; i < 2; i++) {
        const res = await attempt(body, address);
        await expectError(res, 400, { code: 'VALIDATION_FAILED', field });
      }
    }
    // None of those 14 used the address's budget of 10 failures.
    for (let i = 0; i < 10; i++)
      await expectNotRecognized(await attempt({ shortCode: NO_SUCH_CODE, pin: WRONG_PIN }, address));
    expect((await attempt({ shortCode: worker.shortCode, pin: worker.pin }, address)).status).toBe(429);
  });
});

describe('the sign-in log', () => {
  test('notes whether the badge was scanned or typed, and never holds the short code', async () => {
    const worker = await createWorker(h);
    const since = h.clock.now().getTime();
    const steps: Record<string, unknown>[] = [
      { shortCode: worker.shortCode, pin: WRONG_PIN },
      { shortCode: NO_SUCH_CODE, pin: WRONG_PIN },
      { shortCode: 'not a code', pin: WRONG_PIN },
      { qr: worker.qr, pin: WRONG_PIN },
      { shortCode: worker.shortCode.toLowerCase(), pin: worker.pin },
    ];
    for (const body of steps) {
      h.clock.advanceSeconds(1);
      await attempt(body);
    }
    const rows = await queryRows(
      h,
      'SELECT result, failure_code, auth_method, user_id, code_id, details FROM sign_in_logs WHERE created_at > ? ORDER BY created_at',
      [since],
    );
    const codeId = worker.issued.standardQRCode.id;
    expect(rows.map((r) => ({ ...r, details: JSON.parse(String(r.details)) as unknown }))).toEqual([
      {
        result: 'failure',
        failure_code: 'PIN_INCORRECT',
        auth_method: 'qr_pin',
        user_id: worker.user.id,
        code_id: codeId,
        details: { via: 'shortCode' },
      },
      {
        result: 'failure',
        failure_code: 'QR_CODE_NOT_RECOGNIZED',
        auth_method: 'qr_pin',
        user_id: null,
        code_id: null,
        details: { via: 'shortCode', reason: 'unknown_short_code' },
      },
      {
        result: 'failure',
        failure_code: 'QR_CODE_NOT_RECOGNIZED',
        auth_method: 'qr_pin',
        user_id: null,
        code_id: null,
        details: { via: 'shortCode', reason: 'malformed_short_code' },
      },
      {
        result: 'failure',
        failure_code: 'PIN_INCORRECT',
        auth_method: 'qr_pin',
        user_id: worker.user.id,
        code_id: codeId,
        details: { via: 'qr' },
      },
      {
        result: 'success',
        failure_code: null,
        auth_method: 'qr_pin',
        user_id: worker.user.id,
        code_id: codeId,
        // A successful sign-in also records the conditional-access decision (no policies: allowed).
        details: { via: 'shortCode', conditionalAccess: expect.objectContaining({ decision: 'allow' }) },
      },
    ]);

    const logs = await h.request('GET', `/api/admin/sign-in-logs?userId=${worker.user.id}`);
    expect(logs.status).toBe(200);
    const text = JSON.stringify(await queryRows(h, 'SELECT * FROM sign_in_logs')) + (await logs.text());
    for (const typed of [
      worker.shortCode,
      worker.shortCode.replace('-', ''),
      worker.shortCode.toLowerCase(),
    ]) {
      expect(text).not.toContain(typed);
    }
    expect(text).not.toContain(NO_SUCH_CODE);
  });
});
