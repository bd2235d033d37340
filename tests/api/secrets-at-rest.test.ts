/**
 * Secrets at rest: after a full round of use, no table or column — nor the database files — holds a
 * PIN, a badge secret, a badge short code, a session token, a setup token, an API token, a password,
 * a console TOTP seed, a recovery code, a console sign-in challenge or a device nonce in the clear.
 */
import { createDecipheriv, createHash, createHmac } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { ConsoleSignInStep, TotpEnrolment } from '../../server/contracts/console-auth.js';
import {
  ADMIN_TOKEN,
  addGroup,
  createWorker,
  queryRows,
  readJson,
  signIn,
  signInWithShortCode,
  startHarness,
  tokenOfCookie,
  type Harness,
} from '../support/api-harness.js';
import { createConsoleUser, enrolConsoleUser, passwordStep, post } from '../support/console.js';
import { enrolDevice, newNonce } from '../support/device.js';
import { decodeBase32, totpCode } from '../support/totp.js';

const ARGON2ID_OWASP_PREFIX = '$argon2id$v=19$m=19456,t=2,p=1$';
const WORKER_NAME = 'Scan Target Worker';

let h: Harness;
let secrets: Record<string, string>;
/** The short codes issued in beforeAll, in canonical form (no dash). */
let shortCodes: string[];
let workerId: string;
/** The console admin's TOTP seed as shown (base32) and recovery codes as shown. */
let totpSecret: string;
let recoveryCodes: string[];
let consoleAdminId: string;

const canonical = (shortCode: string) => shortCode.replace('-', '');
const sha256Hex = (text: string) => createHash('sha256').update(text).digest('hex');

beforeAll(async () => {
  h = await startHarness();
  expect(h.runtime.bootstrap.kind).toBe('bootstrapped');
  const setupToken = h.runtime.bootstrap.kind === 'bootstrapped' ? h.runtime.bootstrap.setupToken : undefined;
  expect(setupToken).toBeDefined();

  const worker = await createWorker(h, { user: { displayName: WORKER_NAME } });
  const qrSecret = worker.qr.split(':').at(-1)!;

  const wrongPin = '73829104';
  expect((await signIn(h, worker.qr, wrongPin)).res.status).toBe(401);
  const { cookie } = await signIn(h, worker.qr, worker.pin);
  const sessionToken = tokenOfCookie(cookie!);

  const newPin = worker.pin === '82614075' ? '82614076' : '82614075';
  const changed = await h.request('POST', '/api/auth/qr-pin/change-pin', {
    body: { currentPin: worker.pin, newPin },
    token: null,
    cookie,
  });
  expect(changed.status).toBe(204);
  const secondSession = tokenOfCookie((await signIn(h, worker.qr, newPin)).cookie!);

  // The typed fallback: a wrong PIN and a sign-in typed in lower case, and a temporary badge's code.
  const temporary = await h.request(
    'PUT',
    `/api/admin/users/${worker.user.id}/qr-code-pin-method/temporary-qr-code`,
    {
      body: {},
    },
  );
  expect(temporary.status).toBe(201);
  const temporaryShortCode = (await readJson<{ shortCode: string }>(temporary)).shortCode;
  expect((await signInWithShortCode(h, worker.shortCode, wrongPin)).res.status).toBe(401);
  const typedSession = tokenOfCookie(
    (await signInWithShortCode(h, worker.shortCode.toLowerCase().replace('-', ' '), newPin)).cookie!,
  );
  expect((await signInWithShortCode(h, temporaryShortCode, newPin)).res.status).toBe(200);
  shortCodes = [worker.shortCode, temporaryShortCode].map(canonical);
  workerId = worker.user.id;

  const adminPassword = 'correct horse battery staple';
  const setup = await h.request('POST', '/api/setup', {
    body: { token: setupToken, userPrincipalName: 'root@example.test', password: adminPassword },
    token: null,
  });
  expect(setup.status).toBe(201);
  const { apiToken } = await readJson<{ apiToken: string }>(setup);
  const created = await h.request('POST', '/api/admin/api-tokens', {
    body: { displayName: 'Nightly sync', scopes: ['users.read'] },
  });
  expect(created.status).toBe(201);
  const consoleApiToken = (await readJson<{ token: string }>(created)).token;
  expect((await h.request('GET', '/api/admin/users', { token: consoleApiToken })).status).toBe(200);

  // The console: enrolment (seed shown once), a sign-in with a code, one with a recovery code, a
  // re-authentication, and a pending challenge left behind.
  const consoleAdmin = await enrolConsoleUser(
    h,
    await createConsoleUser(h, { password: 'console password 1234' }),
  );
  totpSecret = consoleAdmin.secret;
  recoveryCodes = consoleAdmin.recoveryCodes;
  consoleAdminId = consoleAdmin.id;
  h.clock.advanceSeconds(30);
  const codeStep = await passwordStep(h, consoleAdmin.userPrincipalName, consoleAdmin.password);
  const totpSession = await post(h, '/api/auth/console/totp', {
    challenge: codeStep.challenge,
    code: totpCode(totpSecret, h.clock.now()),
  });
  expect(totpSession.status).toBe(200);
  const recoveryStep = await passwordStep(h, consoleAdmin.userPrincipalName, consoleAdmin.password);
  const recoverySession = await post(h, '/api/auth/console/totp', {
    challenge: recoveryStep.challenge,
    recoveryCode: recoveryCodes[0],
  });
  expect(recoverySession.status).toBe(200);
  h.clock.advanceSeconds(30);
  const reauth = await post(
    h,
    '/api/auth/console/reauthenticate',
    { password: consoleAdmin.password, code: totpCode(totpSecret, h.clock.now()) },
    { cookie: consoleAdmin.cookie },
  );
  expect(reauth.status).toBe(200);
  const pending = await readJson<ConsoleSignInStep>(
    await post(h, '/api/auth/console/sign-in', {
      userPrincipalName: consoleAdmin.userPrincipalName,
      password: consoleAdmin.password,
    }),
  );
  // A second user mid-enrolment: the seed drawn but not confirmed yet waits on the challenge.
  const enrolling = await createConsoleUser(h, { role: 'manager' });
  const enrolStep = await passwordStep(h, enrolling.userPrincipalName, enrolling.password);
  const pendingSeed = await readJson<TotpEnrolment>(
    await post(h, '/api/auth/console/totp/enroll', { challenge: enrolStep.challenge }),
  );
  const canonicalRecovery = recoveryCodes.map((code) => code.replace('-', ''));

  // A manager invited to the console (link open) and one who used their link to choose a password.
  const inviteLink = async (userId: string) => {
    const res = await h.request('POST', `/api/admin/users/${userId}/console-invitation`);
    return new URL((await readJson<{ invitationUrl: string }>(res)).invitationUrl).hash.slice(1);
  };
  const openInvitation = await inviteLink(
    (await createConsoleUser(h, { role: 'manager', password: null })).id,
  );
  const invitedPassword = 'invited manager password 42';
  const redeemed = await post(h, '/api/auth/console/invitation', {
    token: await inviteLink((await createConsoleUser(h, { role: 'manager', password: null })).id),
    password: invitedPassword,
  });
  expect(redeemed.status).toBe(204);

  // A kiosk enrolled with a server nonce, and a nonce issued but not used yet: only hashes are kept.
  const enrolmentNonce = await newNonce(h);
  await enrolDevice(h, { groupId: (await addGroup(h)).id, nonce: enrolmentNonce });
  const unusedNonce = await newNonce(h);

  secrets = {
    'device nonce used at enrolment': enrolmentNonce,
    'device nonce not used yet': unusedNonce,
    'console password': consoleAdmin.password,
    'TOTP seed (base32, as shown)': totpSecret,
    'TOTP seed (hex)': decodeBase32(totpSecret).toString('hex'),
    'TOTP seed (base64)': decodeBase32(totpSecret).toString('base64'),
    'TOTP seed (latin1 bytes)': decodeBase32(totpSecret).toString('latin1'),
    'pending TOTP seed (base32)': pendingSeed.secret,
    'pending TOTP seed (hex)': decodeBase32(pendingSeed.secret).toString('hex'),
    'otpauth URI': pendingSeed.otpauthUri,
    'console session token': tokenOfCookie(consoleAdmin.cookie),
    'pending sign-in challenge': pending.challenge,
    'enrolment challenge': enrolStep.challenge,
    ...Object.fromEntries(recoveryCodes.map((code, i) => [`recovery code ${i + 1} as shown`, code])),
    ...Object.fromEntries(
      canonicalRecovery.map((code, i) => [`recovery code ${i + 1} without the dash`, code]),
    ),
    ...Object.fromEntries(
      canonicalRecovery.map((code, i) => [`unkeyed SHA-256 of recovery code ${i + 1}`, sha256Hex(code)]),
    ),
    'issued PIN': worker.issued.pin.code,
    'new PIN': newPin,
    'wrong PIN typed at a kiosk': wrongPin,
    'QR secret': qrSecret,
    'QR payload': worker.qr,
    'session token': sessionToken,
    'second session token': secondSession,
    'short-code session token': typedSession,
    'short code as printed': worker.shortCode,
    'short code without the dash': canonical(worker.shortCode),
    'short code in lower case': canonical(worker.shortCode).toLowerCase(),
    'temporary badge short code as printed': temporaryShortCode,
    'temporary badge short code without the dash': canonical(temporaryShortCode),
    // A plain hash of a 50-bit code could be reversed by trying every code: it must not be stored either.
    'unkeyed SHA-256 of the short code': sha256Hex(canonical(worker.shortCode)),
    'unkeyed SHA-256 of the printed short code': sha256Hex(worker.shortCode),
    'unkeyed SHA-256 of the temporary short code': sha256Hex(canonical(temporaryShortCode)),
    'setup token': setupToken!,
    'bootstrap admin API token': ADMIN_TOKEN,
    'setup admin API token': apiToken,
    'admin-created API token': consoleApiToken,
    'admin-created API token without its prefix': consoleApiToken.slice(3),
    'setup admin password': adminPassword,
    'open console invitation token': openInvitation,
    'password chosen from an invitation': invitedPassword,
  };
  for (const [name, value] of Object.entries(secrets)) expect(value.length, name).toBeGreaterThanOrEqual(8);
});
afterAll(() => h.close());

/** Every value in every table, as text (blobs decoded as latin1 so any byte sequence survives). */
async function everyStoredValue(): Promise<{ where: string; text: string }[]> {
  const tables = await queryRows(h, "SELECT name FROM sqlite_master WHERE type = 'table'");
  const out: { where: string; text: string }[] = [];
  for (const { name } of tables) {
    const rows = await queryRows(h, `SELECT * FROM "${String(name)}"`);
    rows.forEach((row, i) => {
      for (const [column, value] of Object.entries(row)) {
        if (value === null || value === undefined) continue;
        const text = value instanceof ArrayBuffer ? Buffer.from(value).toString('latin1') : String(value);
        out.push({ where: `${String(name)}[${i}].${column}`, text });
      }
    });
  }
  return out;
}

test('no table or column contains a PIN, badge secret, short code, token or password', async () => {
  const values = await everyStoredValue();
  const tablesSeen = new Set(values.map((v) => v.where.split('[')[0]));
  for (const table of [
    'users',
    'qr_pin_methods',
    'qr_codes',
    'sessions',
    'api_tokens',
    'setup_tokens',
    'audit_logs',
    'sign_in_logs',
    'totp_credentials',
    'recovery_codes',
    'console_challenges',
    'console_lockouts',
    'console_invitations',
  ]) {
    expect(tablesSeen, table).toContain(table);
  }
  // The scan does find what is really there.
  expect(values.some((v) => v.text.includes(WORKER_NAME))).toBe(true);

  const leaks = values.flatMap(({ where, text }) =>
    Object.entries(secrets)
      .filter(([, secret]) => text.includes(secret))
      .map(([name]) => `${name} in ${where}`),
  );
  expect(leaks).toEqual([]);
});

test('the database files on disk contain none of them either', () => {
  const files = readdirSync(h.dir).filter((f) => f.startsWith('shiftpass.db'));
  expect(files).toContain('shiftpass.db');
  const bytes = files.map((f) => readFileSync(join(h.dir, f)).toString('latin1')).join('\n');
  expect(bytes).toContain(WORKER_NAME);
  const leaks = Object.entries(secrets)
    .filter(([, secret]) => bytes.includes(secret))
    .map(([name]) => name);
  expect(leaks).toEqual([]);
});

test('PINs and passwords are kept as argon2id verifiers with the OWASP parameters', async () => {
  const methods = await queryRows(h, 'SELECT pin_hash FROM qr_pin_methods');
  expect(methods).toHaveLength(1);
  for (const { pin_hash } of methods) expect(String(pin_hash).startsWith(ARGON2ID_OWASP_PREFIX)).toBe(true);

  const admins = await queryRows(
    h,
    "SELECT password_hash FROM users WHERE user_principal_name = 'root@example.test'",
  );
  expect(String(admins[0]?.password_hash).startsWith(ARGON2ID_OWASP_PREFIX)).toBe(true);
});

test('two verifiers of the same PIN differ (each is salted)', async () => {
  const a = await createWorker(h, { method: { pin: { code: '60539184' } } });
  const b = await createWorker(h, { method: { pin: { code: '60539184' } } });
  const rows = await queryRows(h, 'SELECT user_id, pin_hash FROM qr_pin_methods WHERE user_id IN (?, ?)', [
    a.user.id,
    b.user.id,
  ]);
  expect(rows).toHaveLength(2);
  expect(rows[0]!.pin_hash).not.toBe(rows[1]!.pin_hash);
});

test('short codes are kept only as HMAC-SHA256 under a subkey of the server key', async () => {
  const serverKey = Buffer.from(readFileSync(join(h.dir, 'server.key'), 'utf8').trim(), 'base64');
  const subkey = createHmac('sha256', serverKey).update('shiftpass short code key').digest();
  const rows = await queryRows(
    h,
    'SELECT short_code_hash FROM qr_codes JOIN qr_pin_methods m ON m.id = method_id WHERE m.user_id = ? ORDER BY qr_codes.created_at',
    [workerId],
  );
  expect(rows.map((r) => r.short_code_hash)).toEqual(
    shortCodes.map((code) => createHmac('sha256', subkey).update(code).digest('hex')),
  );
});

test('TOTP seeds are sealed with AES-256-GCM under a subkey of the server key, bound to their user', async () => {
  const serverKey = Buffer.from(readFileSync(join(h.dir, 'server.key'), 'utf8').trim(), 'base64');
  const subkey = createHmac('sha256', serverKey).update('shiftpass totp secret key').digest();
  const [row] = await queryRows(h, 'SELECT secret_sealed FROM totp_credentials WHERE user_id = ?', [
    consoleAdminId,
  ]);
  const sealed = String(row!.secret_sealed);
  expect(sealed).toMatch(/^v1\./);
  const packed = Buffer.from(sealed.slice(3), 'base64url');
  const open = (aad: string) => {
    const decipher = createDecipheriv('aes-256-gcm', subkey, packed.subarray(0, 12));
    decipher.setAAD(Buffer.from(aad));
    decipher.setAuthTag(packed.subarray(12, 28));
    return Buffer.concat([decipher.update(packed.subarray(28)), decipher.final()]);
  };
  expect(open(`totp:${consoleAdminId}`)).toEqual(decodeBase32(totpSecret));
  expect(() => open('totp:someone-else')).toThrow();
});

test('recovery codes are kept only as HMAC-SHA256 of (user, code) under a subkey of the server key', async () => {
  const serverKey = Buffer.from(readFileSync(join(h.dir, 'server.key'), 'utf8').trim(), 'base64');
  const subkey = createHmac('sha256', serverKey).update('shiftpass recovery code key').digest();
  const rows = await queryRows(h, 'SELECT code_hash, used_at FROM recovery_codes WHERE user_id = ?', [
    consoleAdminId,
  ]);
  const expected = recoveryCodes.map((code) =>
    createHmac('sha256', subkey)
      .update(`${consoleAdminId}:${code.replace('-', '')}`)
      .digest('hex'),
  );
  expect(rows.map((r) => r.code_hash).sort()).toEqual([...expected].sort());
  expect(rows.filter((r) => r.used_at !== null)).toHaveLength(1);
});
