/**
 * The console sign-in (LoginFlow): password → authentication code, recovery code, or first-time
 * enrolment with recovery codes shown once; against a fake server.
 */
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { LoginFlow } from '../../../src/lib/admin/login-flow.svelte.js';
import { FakeServer, installBrowser, ok, refusal, settle } from './fakes.js';

const USERNAME = 'ada@example.com';
const PASSWORD = 'correct horse battery staple';
const CHALLENGE = 'challenge-1';
const ENROLMENT = {
  secret: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP',
  otpauthUrl: 'otpauth://totp/x',
  qrPngBase64: 'iVBOR',
};
const RECOVERY_CODES = ['AB12C-DE34F', 'GH56J-KM78N'];

let server: FakeServer;
let signedIn: number;
let flow: LoginFlow;

beforeEach(() => {
  vi.useFakeTimers();
  server = new FakeServer();
  installBrowser(server);
  signedIn = 0;
  flow = new LoginFlow(() => {
    signedIn += 1;
  });
});

afterEach(() => {
  expect(server.unexpected).toEqual([]);
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

/** The server's answers to a password, for an account that has (`totp`) or needs (`enrol`) an app. */
function passwordLeadsTo(next: 'totp' | 'enrol') {
  server.handle('POST /auth/console/sign-in', (request) =>
    (request.body as { password: string }).password === PASSWORD
      ? ok({ next, challenge: CHALLENGE })
      : refusal(401, 'CREDENTIALS_INCORRECT'),
  );
}

describe('signing in to the console', () => {
  test('a password then an authentication code signs in', async () => {
    passwordLeadsTo('totp');
    server.answer('POST /auth/console/totp', ok({ user: { id: 'u1' } }));
    await flow.submitPassword(USERNAME, PASSWORD);
    expect(flow.step).toBe('totp');
    expect(signedIn).toBe(0);

    await flow.submitCode('123456');
    expect(signedIn).toBe(1);
    expect(server.bodies('POST /auth/console/totp')).toEqual([{ challenge: CHALLENGE, code: '123456' }]);
  });

  test('a wrong password is refused in words and the password step stays', async () => {
    passwordLeadsTo('totp');
    await flow.submitPassword(USERNAME, 'not the password at all');
    expect(flow.step).toBe('password');
    expect(flow.error).toEqual({ field: null, message: 'The sign-in name or password is incorrect.' });
    expect(flow.busy).toBe(false);
  });

  test('a wrong code is refused next to the code field, and the next code then signs in', async () => {
    passwordLeadsTo('totp');
    server.answer(
      'POST /auth/console/totp',
      refusal(401, 'AUTHENTICATION_CODE_INCORRECT', { field: 'code' }),
      ok({ user: { id: 'u1' } }),
    );
    await flow.submitPassword(USERNAME, PASSWORD);
    await flow.submitCode('000000');
    expect(flow.step).toBe('totp');
    expect(flow.error).toEqual({
      field: 'code',
      message: 'The code is not correct, or it was already used. Wait for the next code and try again.',
    });
    expect(signedIn).toBe(0);

    await flow.submitCode('654321');
    expect(flow.error).toBeNull();
    expect(signedIn).toBe(1);
  });

  test('a recovery code signs in instead of an authentication code', async () => {
    passwordLeadsTo('totp');
    server.answer('POST /auth/console/totp', ok({ user: { id: 'u1' } }));
    await flow.submitPassword(USERNAME, PASSWORD);
    flow.useRecoveryCode();
    expect(flow.step).toBe('recovery');
    await flow.submitRecoveryCode('ab12c-de34f');
    expect(signedIn).toBe(1);
    expect(server.bodies('POST /auth/console/totp')).toEqual([
      { challenge: CHALLENGE, recoveryCode: 'ab12c-de34f' },
    ]);
  });

  test('a used recovery code is refused next to the recovery-code field', async () => {
    passwordLeadsTo('totp');
    server.answer(
      'POST /auth/console/totp',
      refusal(401, 'AUTHENTICATION_CODE_INCORRECT', { field: 'recoveryCode' }),
    );
    await flow.submitPassword(USERNAME, PASSWORD);
    flow.useRecoveryCode();
    await flow.submitRecoveryCode('AB12C-DE34F');
    expect(flow.step).toBe('recovery');
    expect(flow.error).toEqual({
      field: 'recoveryCode',
      message: 'This recovery code is not correct or was already used.',
    });
  });

  test('switching between a recovery code and an authentication code clears the last error', async () => {
    passwordLeadsTo('totp');
    server.answer(
      'POST /auth/console/totp',
      refusal(401, 'AUTHENTICATION_CODE_INCORRECT', { field: 'code' }),
    );
    await flow.submitPassword(USERNAME, PASSWORD);
    await flow.submitCode('000000');
    flow.useRecoveryCode();
    expect(flow.error).toBeNull();
    flow.useAuthenticationCode();
    expect(flow.step).toBe('totp');
    expect(flow.error).toBeNull();
  });

  test('a first sign-in sets up the authenticator app, shows the recovery codes once, then signs in', async () => {
    passwordLeadsTo('enrol');
    server
      .answer('POST /auth/console/totp/enroll', ok(ENROLMENT))
      .answer(
        'POST /auth/console/totp/enroll/confirm',
        refusal(401, 'AUTHENTICATION_CODE_INCORRECT', { field: 'code' }),
        ok({ recoveryCodes: RECOVERY_CODES }),
      );
    await flow.submitPassword(USERNAME, PASSWORD);
    expect(flow.step).toBe('enrol');
    expect(flow.enrolment).toEqual(ENROLMENT);
    expect(server.bodies('POST /auth/console/totp/enroll')).toEqual([{ challenge: CHALLENGE }]);

    await flow.confirmEnrolment('000000');
    expect(flow.step).toBe('enrol');
    expect(flow.error?.field).toBe('code');

    await flow.confirmEnrolment('123456');
    expect(flow.step).toBe('recovery-codes');
    expect(flow.recoveryCodes).toEqual(RECOVERY_CODES);
    expect(flow.enrolment).toBeNull();
    expect(signedIn).toBe(0);

    await flow.finishEnrolment();
    expect(flow.recoveryCodes).toEqual([]);
    expect(signedIn).toBe(1);
  });

  test('a locked account is told how long to wait', async () => {
    server.answer('POST /auth/console/sign-in', refusal(423, 'ACCOUNT_LOCKED', { retryAfterSeconds: 900 }));
    await flow.submitPassword(USERNAME, PASSWORD);
    expect(flow.step).toBe('password');
    expect(flow.error).toEqual({
      field: null,
      message: 'Too many failed sign-ins. Try again in 15 minutes.',
    });
  });

  test('an account locked until an admin unlocks it is told to ask another admin', async () => {
    server.answer('POST /auth/console/sign-in', refusal(423, 'ACCOUNT_LOCKED'));
    await flow.submitPassword(USERNAME, PASSWORD);
    expect(flow.error?.message).toBe('Too many failed sign-ins. Ask another admin to unlock your sign-in.');
  });

  test('too many failures from one network are told as such, with the wait', async () => {
    server.answer('POST /auth/console/sign-in', refusal(429, 'TOO_MANY_ATTEMPTS', { retryAfterSeconds: 60 }));
    await flow.submitPassword(USERNAME, PASSWORD);
    expect(flow.error?.message).toBe('Too many failed sign-ins from this network. Try again in 1 minute.');
  });

  test('a sign-in that took too long starts over at the password, saying why', async () => {
    passwordLeadsTo('totp');
    server.answer('POST /auth/console/totp', refusal(401, 'SIGN_IN_CHALLENGE_INVALID'));
    await flow.submitPassword(USERNAME, PASSWORD);
    await flow.submitCode('123456');
    expect(flow.step).toBe('password');
    expect(flow.notice).toBe('Your sign-in took too long and has expired. Sign in again.');
    expect(flow.error).toBeNull();
    expect(signedIn).toBe(0);

    // The expired challenge is forgotten; the next password clears the notice.
    await flow.submitPassword(USERNAME, PASSWORD);
    expect(flow.notice).toBeNull();
    expect(flow.step).toBe('totp');
  });

  test('an enrolment that took too long starts over too, the QR code gone', async () => {
    passwordLeadsTo('enrol');
    server
      .answer('POST /auth/console/totp/enroll', ok(ENROLMENT))
      .answer('POST /auth/console/totp/enroll/confirm', refusal(401, 'SIGN_IN_CHALLENGE_INVALID'));
    await flow.submitPassword(USERNAME, PASSWORD);
    await flow.confirmEnrolment('123456');
    expect(flow.step).toBe('password');
    expect(flow.enrolment).toBeNull();
    expect(flow.notice).toBe('Your sign-in took too long and has expired. Sign in again.');
  });

  test('a field the server names is marked next to that field', async () => {
    server.answer(
      'POST /auth/console/sign-in',
      refusal(400, 'VALIDATION_FAILED', { field: 'userPrincipalName', message: 'Enter a sign-in name.' }),
    );
    await flow.submitPassword(' ', PASSWORD);
    expect(flow.error).toEqual({ field: 'userPrincipalName', message: 'Enter a sign-in name.' });
  });

  test('without the network the page says so and nothing moves on', async () => {
    server.offline = true;
    await flow.submitPassword(USERNAME, PASSWORD);
    expect(flow.step).toBe('password');
    expect(flow.error?.message).toBe('The server could not be reached. Check the connection and try again.');
  });

  test('the form is busy while the server is asked', async () => {
    let answer!: () => void;
    server.handle(
      'POST /auth/console/sign-in',
      () => new Promise((resolve) => (answer = () => resolve(ok({ next: 'totp', challenge: CHALLENGE })))),
    );
    const sending = flow.submitPassword(USERNAME, PASSWORD);
    await settle();
    expect(flow.busy).toBe(true);
    answer();
    await sending;
    expect(flow.busy).toBe(false);
  });

  test('“Sign in as someone else” goes back to an empty password step', async () => {
    passwordLeadsTo('enrol');
    server.answer('POST /auth/console/totp/enroll', ok(ENROLMENT));
    await flow.submitPassword(USERNAME, PASSWORD);
    flow.startOver();
    expect(flow.step).toBe('password');
    expect(flow.enrolment).toBeNull();
    expect(flow.notice).toBeNull();
    expect(flow.error).toBeNull();
  });
});
