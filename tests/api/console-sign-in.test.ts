/**
 * Console sign-in as the /admin/login page and an attacker see it: password, TOTP enrolment with
 * recovery codes, later sign-ins with a code, single use of codes, lockout on passwords and codes,
 * uniform refusals, re-authentication before sensitive actions, the Origin check and the console's
 * shorter idle timeout.
 */
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import type {
  ConsoleEnrolmentResult,
  ConsoleSignInResult,
  ConsoleSignInStep,
  TotpEnrolment,
} from '../../server/contracts/console-auth.js';
import {
  getSession,
  queryRows,
  readError,
  readJson,
  sessionCookieFrom,
  signedInUser,
  startHarness,
  type Harness,
} from '../support/api-harness.js';
import {
  CONSOLE_PASSWORD,
  createConsoleUser,
  enrolConsoleUser,
  passwordStep,
  post,
  signInWithTotp,
} from '../support/console.js';
import { readQrDataUrl } from '../support/qr-read.js';
import { totpCode } from '../support/totp.js';

const SIGN_IN = '/api/auth/console/sign-in';
const TOTP = '/api/auth/console/totp';
const ENROL = '/api/auth/console/totp/enroll';
const CONFIRM = '/api/auth/console/totp/enroll/confirm';
const REAUTH = '/api/auth/console/reauthenticate';
const SESSION_POLICY = '/api/admin/policies/sessions';
const QR_POLICY = '/api/admin/policies/qr-code-pin';
const CONSOLE_POLICY = '/api/admin/policies/console-sign-in';

let h: Harness;
let addressCounter = 0;
/** A network address of its own, so one test's failures do not spend another's client budget. */
const freshAddress = () => `10.9.0.${++addressCounter}`;

beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

const signInLogs = (userId: string) =>
  queryRows(
    h,
    'SELECT result, failure_code, auth_method, details FROM sign_in_logs WHERE user_id = ? ORDER BY created_at, rowid',
    [userId],
  );

const auditRows = (userId: string, activity: string) =>
  queryRows(
    h,
    'SELECT actor_type, actor_id, target_id, details FROM audit_logs WHERE target_id = ? AND activity = ?',
    [userId, activity],
  );

describe('first sign-in: TOTP enrolment', () => {
  test('password → enrolment QR and secret → first code → ten recovery codes and a console session', async () => {
    const admin = await createConsoleUser(h);
    const signIn = await post(h, SIGN_IN, {
      userPrincipalName: admin.userPrincipalName.toUpperCase(),
      password: admin.password,
    });
    expect(signIn.status).toBe(200);
    expect(sessionCookieFrom(signIn)).toBeUndefined();
    const step = await readJson<ConsoleSignInStep>(signIn);
    expect(step).toEqual({
      next: 'enroll-totp',
      challenge: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
      expiresDateTime: new Date(h.clock.now().getTime() + 15 * 60_000).toISOString(),
    });

    // Neither the code step nor confirmation work before a secret was drawn.
    const early = await post(h, TOTP, { challenge: step.challenge, code: '123456' });
    expect(early.status).toBe(401);
    expect((await readError(early)).error.code).toBe('SIGN_IN_CHALLENGE_INVALID');
    const unstarted = await post(h, CONFIRM, { challenge: step.challenge, code: '123456' });
    expect((await readError(unstarted)).error.code).toBe('SIGN_IN_CHALLENGE_INVALID');

    const enrol = await post(h, ENROL, { challenge: step.challenge });
    expect(enrol.status).toBe(200);
    const enrolment = await readJson<TotpEnrolment>(enrol);
    expect(enrolment.secret).toMatch(/^[A-Z2-7]{32}$/); // 160 bits
    expect(enrolment.otpauthUri).toBe(
      `otpauth://totp/Shiftpass:${encodeURIComponent(admin.userPrincipalName)}?secret=${enrolment.secret}&issuer=Shiftpass&algorithm=SHA1&digits=6&period=30`,
    );
    expect(enrolment.qrImage).toMatch(/^data:image\/png;base64,/);
    expect(readQrDataUrl(enrolment.qrImage)).toBe(enrolment.otpauthUri);

    const wrongCode = totpCode(enrolment.secret, h.clock.now()) === '000000' ? '000001' : '000000';
    const wrong = await post(h, CONFIRM, { challenge: step.challenge, code: wrongCode });
    expect(wrong.status).toBe(401);
    expect(await readError(wrong)).toEqual({
      error: { code: 'AUTHENTICATION_CODE_INCORRECT', message: expect.any(String), field: 'code' },
    });

    const confirm = await post(h, CONFIRM, {
      challenge: step.challenge,
      code: totpCode(enrolment.secret, h.clock.now()),
    });
    expect(confirm.status).toBe(200);
    const result = await readJson<ConsoleEnrolmentResult>(confirm);
    expect(result.user).toEqual({ id: admin.id, displayName: expect.any(String), role: 'admin' });
    expect(result.recoveryCodes).toHaveLength(10);
    for (const code of result.recoveryCodes)
      expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}$/);
    expect(new Set(result.recoveryCodes).size).toBe(10);

    const cookie = sessionCookieFrom(confirm)!;
    expect(confirm.headers.getSetCookie().join()).toMatch(
      /HttpOnly.*Secure.*SameSite=Strict|SameSite=Strict/,
    );
    const session = await getSession(h, cookie);
    expect(session.status).toBe(200);
    expect(await session.json()).toMatchObject({
      user: { id: admin.id, role: 'admin' },
      kind: 'console',
      reauthenticatedDateTime: h.clock.now().toISOString(),
      idleTimeoutSeconds: 600,
    });
    // A console session has the admin's full reach.
    expect((await h.request('GET', QR_POLICY, { token: null, cookie })).status).toBe(200);

    // The challenge was used up, and the user is now enrolled: a new enrolment is refused.
    const again = await post(h, CONFIRM, {
      challenge: step.challenge,
      code: totpCode(enrolment.secret, h.clock.now()),
    });
    expect((await readError(again)).error.code).toBe('SIGN_IN_CHALLENGE_INVALID');
    const next = await passwordStep(h, admin.userPrincipalName, admin.password);
    expect(next.next).toBe('totp');
    expect((await readError(await post(h, ENROL, { challenge: next.challenge }))).error.code).toBe(
      'SIGN_IN_CHALLENGE_INVALID',
    );

    expect(await auditRows(admin.id, 'console.totp.enrolled')).toEqual([
      {
        actor_type: 'user',
        actor_id: admin.id,
        target_id: admin.id,
        details: JSON.stringify({ recoveryCodes: 10 }),
      },
    ]);
    const logs = await signInLogs(admin.id);
    expect(logs.at(-1)).toMatchObject({ result: 'success', failure_code: null, auth_method: 'password' });
    expect(JSON.parse(String(logs.at(-1)!.details))).toMatchObject({
      console: true,
      step: 'enrolment',
      conditionalAccess: { decision: 'allow', context: { method: 'password' } },
    });
  });

  test('asking for a secret again replaces the first: only the latest shown can be confirmed', async () => {
    const admin = await createConsoleUser(h);
    const step = await passwordStep(h, admin.userPrincipalName, admin.password);
    const first = await readJson<TotpEnrolment>(await post(h, ENROL, { challenge: step.challenge }));
    const second = await readJson<TotpEnrolment>(await post(h, ENROL, { challenge: step.challenge }));
    expect(second.secret).not.toBe(first.secret);
    const stale = await post(h, CONFIRM, {
      challenge: step.challenge,
      code: totpCode(first.secret, h.clock.now()),
    });
    expect(stale.status).toBe(401);
    const fresh = await post(h, CONFIRM, {
      challenge: step.challenge,
      code: totpCode(second.secret, h.clock.now()),
    });
    expect(fresh.status).toBe(200);
  });

  test('an enrolment challenge expires after 15 minutes', async () => {
    const admin = await createConsoleUser(h);
    const step = await passwordStep(h, admin.userPrincipalName, admin.password);
    const { secret } = await readJson<TotpEnrolment>(await post(h, ENROL, { challenge: step.challenge }));
    h.clock.advanceSeconds(15 * 60);
    const late = await post(h, CONFIRM, { challenge: step.challenge, code: totpCode(secret, h.clock.now()) });
    expect((await readError(late)).error.code).toBe('SIGN_IN_CHALLENGE_INVALID');
  });
});

describe('later sign-ins: a TOTP code, each usable once', () => {
  test('the current code signs in; the same code again, or an older one, is refused', async () => {
    const admin = await enrolConsoleUser(h, await createConsoleUser(h));
    const { res, cookie } = await signInWithTotp(h, admin);
    expect(res.status).toBe(200);
    expect(await readJson<ConsoleSignInResult>(res)).toEqual({
      user: { id: admin.id, displayName: expect.any(String), role: 'admin' },
    });
    expect((await getSession(h, cookie!)).status).toBe(200);

    const used = totpCode(admin.secret, h.clock.now());
    const step = await passwordStep(h, admin.userPrincipalName, admin.password);
    expect(step.next).toBe('totp');
    expect(step.expiresDateTime).toBe(new Date(h.clock.now().getTime() + 5 * 60_000).toISOString());
    const replay = await post(h, TOTP, { challenge: step.challenge, code: used });
    expect(replay.status).toBe(401);
    expect((await readError(replay)).error.code).toBe('AUTHENTICATION_CODE_INCORRECT');
    const previous = totpCode(admin.secret, new Date(h.clock.now().getTime() - 30_000));
    expect((await post(h, TOTP, { challenge: step.challenge, code: previous })).status).toBe(401);

    // The challenge survives wrong codes; the next step's code works (one step of drift is allowed).
    const next = totpCode(admin.secret, new Date(h.clock.now().getTime() + 30_000));
    const ok = await post(h, TOTP, { challenge: step.challenge, code: next.replace(/(\d{3})/, '$1 ') });
    expect(ok.status).toBe(200);
    expect(
      JSON.parse(
        String(
          (await signInLogs(admin.id)).filter((r) => r.failure_code === 'AUTHENTICATION_CODE_INCORRECT')[0]!
            .details,
        ),
      ),
    ).toEqual({
      console: true,
      step: 'code',
      reason: 'code_already_used',
    });
  });

  test('codes two steps away are refused', async () => {
    const admin = await enrolConsoleUser(h, await createConsoleUser(h));
    h.clock.advanceSeconds(120);
    const step = await passwordStep(h, admin.userPrincipalName, admin.password);
    for (const offset of [-60_000, 60_000]) {
      const code = totpCode(admin.secret, new Date(h.clock.now().getTime() + offset));
      expect((await post(h, TOTP, { challenge: step.challenge, code })).status).toBe(401);
    }
  });

  test('the challenge is single-use and expires after 5 minutes', async () => {
    const admin = await enrolConsoleUser(h, await createConsoleUser(h));
    h.clock.advanceSeconds(30);
    const step = await passwordStep(h, admin.userPrincipalName, admin.password);
    expect(
      (await post(h, TOTP, { challenge: step.challenge, code: totpCode(admin.secret, h.clock.now()) }))
        .status,
    ).toBe(200);
    h.clock.advanceSeconds(30);
    const reused = await post(h, TOTP, {
      challenge: step.challenge,
      code: totpCode(admin.secret, h.clock.now()),
    });
    expect((await readError(reused)).error.code).toBe('SIGN_IN_CHALLENGE_INVALID');

    const late = await passwordStep(h, admin.userPrincipalName, admin.password);
    h.clock.advanceSeconds(5 * 60);
    const expired = await post(h, TOTP, {
      challenge: late.challenge,
      code: totpCode(admin.secret, h.clock.now()),
    });
    expect((await readError(expired)).error.code).toBe('SIGN_IN_CHALLENGE_INVALID');
    expect(
      (await readError(await post(h, TOTP, { challenge: 'x'.repeat(43), code: '123456' }))).error.code,
    ).toBe('SIGN_IN_CHALLENGE_INVALID');
  });

  test('a user disabled between the password and the code gets no session', async () => {
    const admin = await enrolConsoleUser(h, await createConsoleUser(h));
    h.clock.advanceSeconds(30);
    const step = await passwordStep(h, admin.userPrincipalName, admin.password);
    await h.runtime.deps.repos.users.update(admin.id, { accountEnabled: false, updatedAt: h.clock.now() });
    const res = await post(h, TOTP, {
      challenge: step.challenge,
      code: totpCode(admin.secret, h.clock.now()),
    });
    expect((await readError(res)).error.code).toBe('SIGN_IN_CHALLENGE_INVALID');
  });
});

describe('recovery codes', () => {
  test('each signs in once, typed any way; their use is audited', async () => {
    const admin = await enrolConsoleUser(h, await createConsoleUser(h));
    const [first, second] = admin.recoveryCodes;
    const step = await passwordStep(h, admin.userPrincipalName, admin.password);
    const typed = first!.toLowerCase().replace('-', ' ');
    const res = await post(h, TOTP, { challenge: step.challenge, recoveryCode: typed });
    expect(res.status).toBe(200);
    expect(sessionCookieFrom(res)).toBeDefined();
    const audits = await auditRows(admin.id, 'console.recoveryCode.used');
    expect(audits).toHaveLength(1);
    expect(JSON.parse(String(audits[0]!.details))).toEqual({ remaining: 9 });

    const again = await passwordStep(h, admin.userPrincipalName, admin.password);
    const reused = await post(h, TOTP, { challenge: again.challenge, recoveryCode: first });
    expect(reused.status).toBe(401);
    expect(await readError(reused)).toEqual({
      error: { code: 'AUTHENTICATION_CODE_INCORRECT', message: expect.any(String), field: 'recoveryCode' },
    });
    expect((await post(h, TOTP, { challenge: again.challenge, recoveryCode: 'not a code' })).status).toBe(
      401,
    );
    expect((await post(h, TOTP, { challenge: again.challenge, recoveryCode: second })).status).toBe(200);
  });

  test("one user's recovery code does not work for another", async () => {
    const a = await enrolConsoleUser(h, await createConsoleUser(h));
    const b = await enrolConsoleUser(h, await createConsoleUser(h));
    const step = await passwordStep(h, b.userPrincipalName, b.password);
    expect(
      (await post(h, TOTP, { challenge: step.challenge, recoveryCode: a.recoveryCodes[0] })).status,
    ).toBe(401);
  });

  test('give a code or a recovery code, exactly one', async () => {
    for (const body of [
      { challenge: 'c' },
      { challenge: 'c', code: '123456', recoveryCode: 'ABCDE-FGHJK' },
    ]) {
      const res = await post(h, TOTP, body);
      expect(res.status).toBe(400);
      expect(await readError(res)).toMatchObject({ error: { code: 'VALIDATION_FAILED', field: 'code' } });
    }
  });
});

describe('who may sign in, and uniform refusals', () => {
  const refusedBody = {
    error: { code: 'CREDENTIALS_INCORRECT', message: 'The username or password is incorrect.' },
  };

  test('unknown user, wrong password, worker without a password, worker or disabled admin with one: one answer, one argon2id verification each', async () => {
    const admin = await createConsoleUser(h);
    const worker = await signedInUser(h);
    const workerWithPassword = await createConsoleUser(h, { role: 'worker' });
    const disabled = await createConsoleUser(h, { accountEnabled: false });
    const verify = vi.spyOn(h.runtime.deps.hasher, 'verify');
    try {
      for (const [userPrincipalName, password] of [
        ['nobody@example.test', CONSOLE_PASSWORD],
        [admin.userPrincipalName, 'wrong password, long enough'],
        [worker.user.userPrincipalName, CONSOLE_PASSWORD],
        [workerWithPassword.userPrincipalName, workerWithPassword.password],
        [disabled.userPrincipalName, disabled.password],
      ]) {
        verify.mockClear();
        const res = await post(
          h,
          SIGN_IN,
          { userPrincipalName, password },
          { clientAddress: freshAddress() },
        );
        expect(res.status, userPrincipalName).toBe(401);
        expect(await res.json()).toEqual(refusedBody);
        expect(verify, userPrincipalName).toHaveBeenCalledTimes(1);
      }
    } finally {
      verify.mockRestore();
    }
    const [unknown] = await queryRows(
      h,
      "SELECT user_id, details FROM sign_in_logs WHERE details LIKE '%unknown_user%' ORDER BY created_at DESC LIMIT 1",
    );
    // The typed name is not logged: it may be a password typed into the wrong field.
    expect(unknown).toEqual({
      user_id: null,
      details: JSON.stringify({ console: true, step: 'password', reason: 'unknown_user' }),
    });
    expect(JSON.parse(String((await signInLogs(worker.user.id)).at(-1)!.details))).toMatchObject({
      reason: 'no_password',
    });
  });

  test('a manager with a password signs in to the console with a manager’s reach', async () => {
    const manager = await enrolConsoleUser(h, await createConsoleUser(h, { role: 'manager' }));
    const session = await getSession(h, manager.cookie);
    expect(await session.json()).toMatchObject({ user: { role: 'manager' }, kind: 'console' });
    expect((await h.request('GET', QR_POLICY, { token: null, cookie: manager.cookie })).status).toBe(403);
  });
});

describe('lockout', () => {
  test('the 10th wrong password locks for 60 s: then not even the right one is checked', async () => {
    const admin = await createConsoleUser(h);
    const clientAddress = freshAddress();
    for (let i = 1; i <= 9; i++) {
      const res = await post(
        h,
        SIGN_IN,
        { userPrincipalName: admin.userPrincipalName, password: `wrong ${i}` },
        { clientAddress },
      );
      expect(res.status, `attempt ${i}`).toBe(401);
    }
    const tenth = await post(
      h,
      SIGN_IN,
      { userPrincipalName: admin.userPrincipalName, password: 'wrong 10' },
      { clientAddress },
    );
    expect(tenth.status).toBe(423);
    expect(await readError(tenth)).toEqual({
      error: { code: 'ACCOUNT_LOCKED', message: expect.any(String), retryAfterSeconds: 60 },
    });
    const verify = vi.spyOn(h.runtime.deps.hasher, 'verify');
    const right = await post(
      h,
      SIGN_IN,
      { userPrincipalName: admin.userPrincipalName, password: admin.password },
      { clientAddress },
    );
    expect(right.status).toBe(423);
    expect(verify).not.toHaveBeenCalled();
    verify.mockRestore();

    h.clock.advanceSeconds(60);
    expect(
      (
        await post(
          h,
          SIGN_IN,
          { userPrincipalName: admin.userPrincipalName, password: admin.password },
          { clientAddress },
        )
      ).status,
    ).toBe(200);
  });

  test('an unknown username locks exactly like a real one', async () => {
    const clientAddress = freshAddress();
    const statuses: number[] = [];
    for (let i = 1; i <= 11; i++) {
      const res = await post(
        h,
        SIGN_IN,
        { userPrincipalName: 'ghost@example.test', password: `wrong ${i}` },
        { clientAddress },
      );
      statuses.push(res.status);
    }
    expect(statuses).toEqual([401, 401, 401, 401, 401, 401, 401, 401, 401, 423, 423]);
  });

  test('wrong codes count too, and a right password in between does not reset them', async () => {
    const admin = await enrolConsoleUser(h, await createConsoleUser(h));
    const clientAddress = freshAddress();
    for (let i = 1; i <= 5; i++) {
      await post(
        h,
        SIGN_IN,
        { userPrincipalName: admin.userPrincipalName, password: `wrong ${i}` },
        { clientAddress },
      );
    }
    h.clock.advanceSeconds(30);
    const step = await passwordStep(h, admin.userPrincipalName, admin.password, { clientAddress });
    const wrong = totpCode(admin.secret, h.clock.now()) === '000000' ? '000001' : '000000';
    const statuses: number[] = [];
    for (let i = 1; i <= 5; i++) {
      statuses.push(
        (await post(h, TOTP, { challenge: step.challenge, code: wrong }, { clientAddress })).status,
      );
    }
    expect(statuses).toEqual([401, 401, 401, 401, 423]);
    const right = await post(
      h,
      TOTP,
      { challenge: step.challenge, code: totpCode(admin.secret, h.clock.now()) },
      { clientAddress },
    );
    expect(right.status).toBe(423);
  });

  test('a full sign-in resets the count', async () => {
    const admin = await enrolConsoleUser(h, await createConsoleUser(h));
    const clientAddress = freshAddress();
    for (let i = 1; i <= 9; i++) {
      await post(
        h,
        SIGN_IN,
        { userPrincipalName: admin.userPrincipalName, password: `wrong ${i}` },
        { clientAddress },
      );
    }
    h.clock.advanceSeconds(30);
    const step = await passwordStep(h, admin.userPrincipalName, admin.password, { clientAddress });
    expect(
      (
        await post(
          h,
          TOTP,
          { challenge: step.challenge, code: totpCode(admin.secret, h.clock.now()) },
          { clientAddress },
        )
      ).status,
    ).toBe(200);
    for (let i = 1; i <= 9; i++) {
      const res = await post(
        h,
        SIGN_IN,
        { userPrincipalName: admin.userPrincipalName, password: `again ${i}` },
        { clientAddress },
      );
      expect(res.status).toBe(401);
    }
  });

  test('at the hard limit only an admin’s unlock lets the user in again; managers may not unlock', async () => {
    const policy = await h.request('PATCH', CONSOLE_POLICY, {
      body: { lockout: { threshold: 10, hardLimit: 10, baseDelaySeconds: 1, maxDelaySeconds: 1 } },
    });
    expect(policy.status).toBe(200);
    try {
      const admin = await createConsoleUser(h);
      const clientAddress = freshAddress();
      for (let i = 1; i <= 10; i++) {
        await post(
          h,
          SIGN_IN,
          { userPrincipalName: admin.userPrincipalName, password: `wrong ${i}` },
          { clientAddress },
        );
      }
      h.clock.advanceSeconds(3600);
      const locked = await post(
        h,
        SIGN_IN,
        { userPrincipalName: admin.userPrincipalName, password: admin.password },
        { clientAddress },
      );
      expect(locked.status).toBe(423);
      expect(await readError(locked)).toMatchObject({
        error: { code: 'ACCOUNT_LOCKED', retryAfterSeconds: null },
      });

      const manager = await enrolConsoleUser(h, await createConsoleUser(h, { role: 'manager' }));
      const byManager = await post(h, `/api/admin/users/${admin.id}/console-sign-in/unlock`, undefined, {
        cookie: manager.cookie,
      });
      expect(byManager.status).toBe(403);
      const unlock = await h.request('POST', `/api/admin/users/${admin.id}/console-sign-in/unlock`);
      expect(unlock.status).toBe(204);
      expect(await auditRows(admin.id, 'consoleSignIn.unlocked')).toHaveLength(1);
      const again = await post(
        h,
        SIGN_IN,
        { userPrincipalName: admin.userPrincipalName, password: admin.password },
        { clientAddress },
      );
      expect(again.status).toBe(200);
    } finally {
      await h.request('PATCH', CONSOLE_POLICY, {
        body: { lockout: { threshold: 10, hardLimit: 100, baseDelaySeconds: 60, maxDelaySeconds: 86_400 } },
      });
    }
  });

  test('the per-client budget the badge sign-in uses applies: over it, even a right password gets 429', async () => {
    const policy = await h.request('PATCH', QR_POLICY, { body: { lockout: { clientThreshold: 10 } } });
    expect(policy.status).toBe(200);
    try {
      const admin = await createConsoleUser(h);
      const clientAddress = freshAddress();
      for (let i = 1; i <= 10; i++) {
        await post(
          h,
          SIGN_IN,
          { userPrincipalName: `someone${i}@example.test`, password: 'wrong' },
          { clientAddress },
        );
      }
      const res = await post(
        h,
        SIGN_IN,
        { userPrincipalName: admin.userPrincipalName, password: admin.password },
        { clientAddress },
      );
      expect(res.status).toBe(429);
      expect(await readError(res)).toMatchObject({
        error: { code: 'TOO_MANY_ATTEMPTS', retryAfterSeconds: expect.any(Number) },
      });
      // Another address is not affected.
      expect(
        (
          await post(
            h,
            SIGN_IN,
            { userPrincipalName: admin.userPrincipalName, password: admin.password },
            { clientAddress: freshAddress() },
          )
        ).status,
      ).toBe(200);
    } finally {
      await h.request('PATCH', QR_POLICY, { body: { lockout: { clientThreshold: 100 } } });
    }
  });
});

describe('re-authentication before sensitive actions', () => {
  test('5 minutes after sign-in a policy change needs the password and a code again', async () => {
    const admin = await enrolConsoleUser(h, await createConsoleUser(h));
    const patch = () =>
      h.request('PATCH', SESSION_POLICY, {
        body: { kioskOfflineGraceInSeconds: 300 },
        token: null,
        cookie: admin.cookie,
      });
    expect((await patch()).status).toBe(200);

    h.clock.advanceSeconds(300);
    const stale = await patch();
    expect(stale.status).toBe(401);
    expect(await readError(stale)).toEqual({
      error: { code: 'REAUTHENTICATION_REQUIRED', message: expect.any(String), maxAgeSeconds: 300 },
    });
    const staleQr = await h.request('PATCH', QR_POLICY, {
      body: { pinLength: 8 },
      token: null,
      cookie: admin.cookie,
    });
    expect((await readError(staleQr)).error.code).toBe('REAUTHENTICATION_REQUIRED');
    // Reading is not sensitive.
    expect((await h.request('GET', SESSION_POLICY, { token: null, cookie: admin.cookie })).status).toBe(200);

    const code = totpCode(admin.secret, h.clock.now());
    const wrongPassword = await post(
      h,
      REAUTH,
      { password: 'not the password', code },
      { cookie: admin.cookie },
    );
    expect(wrongPassword.status).toBe(401);
    expect(await readError(wrongPassword)).toMatchObject({
      error: { code: 'CREDENTIALS_INCORRECT', field: 'password' },
    });
    const wrongCode = await post(
      h,
      REAUTH,
      { password: admin.password, code: code === '000000' ? '000001' : '000000' },
      { cookie: admin.cookie },
    );
    expect(await readError(wrongCode)).toMatchObject({
      error: { code: 'AUTHENTICATION_CODE_INCORRECT', field: 'code' },
    });
    expect((await patch()).status).toBe(401);

    const ok = await post(h, REAUTH, { password: admin.password, code }, { cookie: admin.cookie });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ reauthenticatedDateTime: h.clock.now().toISOString() });
    expect(await (await getSession(h, admin.cookie)).json()).toMatchObject({
      reauthenticatedDateTime: h.clock.now().toISOString(),
    });
    expect((await patch()).status).toBe(200);
    // The code just used cannot re-authenticate again.
    expect((await post(h, REAUTH, { password: admin.password, code }, { cookie: admin.cookie })).status).toBe(
      401,
    );
    // A recovery code can.
    const recovery = await post(
      h,
      REAUTH,
      { password: admin.password, recoveryCode: admin.recoveryCodes[0] },
      { cookie: admin.cookie },
    );
    expect(recovery.status).toBe(200);
  });

  test('API-token callers are exempt', async () => {
    h.clock.advanceSeconds(3600);
    const res = await h.request('PATCH', SESSION_POLICY, { body: { kioskOfflineGraceInSeconds: 300 } });
    expect(res.status).toBe(200);
  });

  test('without a session, or on a badge + PIN session, there is nothing to re-authenticate', async () => {
    const none = await post(h, REAUTH, { password: 'x', code: '123456' });
    expect((await readError(none)).error.code).toBe('UNAUTHENTICATED');
    const kioskAdmin = await signedInUser(h, { role: 'admin' });
    const kiosk = await post(h, REAUTH, { password: 'x', code: '123456' }, { cookie: kioskAdmin.cookie });
    expect(kiosk.status).toBe(403);
    expect((await readError(kiosk)).error.code).toBe('FORBIDDEN');
  });
});

describe('sessions', () => {
  test('a console session ends after 10 idle minutes, while a kiosk session lasts 15', async () => {
    const admin = await enrolConsoleUser(h, await createConsoleUser(h));
    const worker = await signedInUser(h);
    h.clock.advanceMs(10 * 60_000 - 1);
    expect((await getSession(h, admin.cookie)).status).toBe(200);
    expect((await getSession(h, worker.cookie)).status).toBe(200);
    h.clock.advanceMs(10 * 60_000);
    expect((await getSession(h, admin.cookie)).status).toBe(401);
    expect((await getSession(h, worker.cookie)).status).toBe(200);
  });

  test('the console idle timeout is a session-policy field', async () => {
    const res = await h.request('PATCH', SESSION_POLICY, { body: { consoleIdleTimeoutInMinutes: 3 } });
    expect(res.status).toBe(200);
    try {
      const admin = await enrolConsoleUser(h, await createConsoleUser(h));
      expect(await (await getSession(h, admin.cookie)).json()).toMatchObject({ idleTimeoutSeconds: 180 });
      h.clock.advanceSeconds(180);
      expect((await getSession(h, admin.cookie)).status).toBe(401);
    } finally {
      await h.request('PATCH', SESSION_POLICY, { body: { consoleIdleTimeoutInMinutes: 10 } });
    }
  });

  test('sign-out ends a console session; signing in ends the browser’s previous session', async () => {
    const admin = await enrolConsoleUser(h, await createConsoleUser(h));
    const { cookie: second } = await signInWithTotpWithCookie(admin);
    expect((await getSession(h, admin.cookie)).status).toBe(401);
    const out = await post(h, '/api/auth/sign-out', undefined, { cookie: second });
    expect(out.status).toBe(204);
    expect((await getSession(h, second!)).status).toBe(401);
  });
});

/** A sign-in from the browser that holds `user.cookie`. */
async function signInWithTotpWithCookie(user: Awaited<ReturnType<typeof enrolConsoleUser>>) {
  h.clock.advanceSeconds(30);
  const step = await passwordStep(h, user.userPrincipalName, user.password);
  const res = await post(
    h,
    TOTP,
    { challenge: step.challenge, code: totpCode(user.secret, h.clock.now()) },
    { cookie: user.cookie },
  );
  expect(res.status).toBe(200);
  return { res, cookie: sessionCookieFrom(res) };
}

describe('Origin check on cookie requests', () => {
  test('a state-changing request with the session cookie from another origin is refused', async () => {
    const admin = await enrolConsoleUser(h, await createConsoleUser(h));
    const patch = (origin: string | null, headers: Record<string, string> = {}) =>
      h.request('PATCH', SESSION_POLICY, {
        body: { kioskOfflineGraceInSeconds: 300 },
        token: null,
        cookie: admin.cookie,
        origin,
        headers,
      });

    const foreign = await patch('https://evil.example');
    expect(foreign.status).toBe(403);
    expect(await readError(foreign)).toEqual({
      error: { code: 'ORIGIN_NOT_ALLOWED', message: expect.any(String) },
    });
    expect((await patch('null')).status).toBe(403);
    expect((await patch('http://localhost.evil.example')).status).toBe(403);
    expect((await patch(null)).status).toBe(403);
    expect((await patch(null, { 'sec-fetch-site': 'same-site' })).status).toBe(403);
    expect((await patch(null, { 'sec-fetch-site': 'same-origin' })).status).toBe(200);
    expect((await patch('http://localhost')).status).toBe(200);

    const signOut = await h.request('POST', '/api/auth/sign-out', {
      token: null,
      cookie: admin.cookie,
      origin: 'https://evil.example',
    });
    expect(signOut.status).toBe(403);
    expect((await getSession(h, admin.cookie)).status).toBe(200);
    // Reading is not affected.
    expect(
      (
        await h.request('GET', '/api/auth/session', {
          token: null,
          cookie: admin.cookie,
          origin: 'https://evil.example',
        })
      ).status,
    ).toBe(200);
  });

  test('API-token clients send no cookie and no Origin and are not affected; a foreign Origin is refused anyway', async () => {
    expect((await h.request('PATCH', SESSION_POLICY, { body: {} })).status).toBe(200);
    const res = await h.request('PATCH', SESSION_POLICY, { body: {}, origin: 'https://evil.example' });
    expect(res.status).toBe(403);
    expect(
      (await post(h, SIGN_IN, { userPrincipalName: 'a', password: 'b' }, { origin: 'https://evil.example' }))
        .status,
    ).toBe(403);
  });

  test('with PUBLIC_ORIGIN set, requests from that origin are accepted too', async () => {
    const hp = await startHarness({ PUBLIC_ORIGIN: 'https://shiftpass.example.com' });
    try {
      const admin = await enrolConsoleUser(hp, await createConsoleUser(hp));
      const patch = (origin: string) =>
        hp.request('PATCH', SESSION_POLICY, { body: {}, token: null, cookie: admin.cookie, origin });
      expect((await patch('https://shiftpass.example.com')).status).toBe(200);
      expect((await patch('http://shiftpass.example.com')).status).toBe(403);
      expect((await patch('https://evil.example')).status).toBe(403);
    } finally {
      hp.close();
    }
  });
});
