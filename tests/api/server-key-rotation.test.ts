/**
 * Rotating the server key with overlap (`npm run server-key:rotate`, docs/security.md "The server key"):
 * the documented command is run between two starts of the same installation, as an operator would
 * (server stopped), and everything made under the old key keeps working — PINs, typed short codes,
 * kiosk attestations, console TOTP and recovery codes, app client secrets, the provider's signing keys
 * and cookies — without reprinting a badge. Retiring the old key is refused while something still
 * needs it, and once it is gone the re-hashed and re-keyed items keep working.
 */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { decodeProtectedHeader } from 'jose';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ATTESTATION_LIFETIME_SECONDS } from '../../server/contracts/device-binding.js';
import type { AppWithSecret } from '../../server/contracts/apps.js';
import { loadSigningKeys } from '../../server/features/oidc/signing-keys.js';
import { createOidcSecrets } from '../../server/platform/oidc-secrets.js';
import {
  addGroup,
  createWorker,
  queryRows,
  readError,
  readJson,
  signIn,
  signInWithShortCode,
  startHarness,
  TestClock,
  type Harness,
  type Worker,
} from '../support/api-harness.js';
import {
  createConsoleUser,
  enrolConsoleUser,
  passwordStep,
  post,
  signInWithTotp,
  type EnrolledConsoleUser,
} from '../support/console.js';
import { enrolDevice, refreshRequest, signInOnDevice, type EnrolledDevice } from '../support/device.js';

const ROOT = resolve(import.meta.dirname, '../..');
const run = promisify(execFile);

/** `npm run server-key:rotate [-- args]` on the data directory, as an operator runs it. */
async function serverKeyCommand(dir: string, ...args: string[]) {
  try {
    const { stdout, stderr } = await run(
      join(ROOT, 'node_modules/.bin/tsx'),
      [join(ROOT, 'scripts/server-key-rotate.ts'), ...args],
      { cwd: ROOT, env: { PATH: process.env.PATH, HOME: process.env.HOME, DATA_DIR: dir } },
    );
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

const keyOf = (dir: string): Buffer =>
  Buffer.from(readFileSync(join(dir, 'server.key'), 'utf8').trim(), 'base64');

const pinHashOf = async (h: Harness, userId: string) =>
  String(
    (await queryRows(h, 'SELECT pin_hash FROM qr_pin_methods WHERE user_id = ?', [userId]))[0]!.pin_hash,
  );

const shortCodeHashOf = async (h: Harness, codeId: string) =>
  String(
    (await queryRows(h, 'SELECT short_code_hash FROM qr_codes WHERE id = ?', [codeId]))[0]!.short_code_hash,
  );

const issuerOf = async (h: Harness) =>
  (await readJson<{ issuerId: string }>(await h.request('GET', '/api/kiosk/config', { token: null })))
    .issuerId;

const stoppedDirs: string[] = [];
afterAll(() => {
  for (const dir of stoppedDirs) rmSync(dir, { recursive: true, force: true });
});

/**
 * Stops the server, runs the command on its data, and starts the server again on that data. The restart
 * is on a copy in a new folder: libSQL keeps a closed connection's file open until garbage collection,
 * and opening the same file again in this process beside it (while another process has used it) loses
 * SQLite's locks. A real restart is a new process and has no such leftovers.
 */
async function restartAfter(
  h: Harness,
  clock: TestClock,
  ...args: string[]
): Promise<{ h: Harness; result: Awaited<ReturnType<typeof serverKeyCommand>> }> {
  h.stop();
  stoppedDirs.push(h.dir);
  const result = await serverKeyCommand(h.dir, ...args);
  const dir = mkdtempSync(join(tmpdir(), 'shiftpass-test-'));
  cpSync(h.dir, dir, { recursive: true });
  return { h: await startHarness({}, { dataDir: dir, clock }), result };
}

/** Stops the server, runs the rotation, starts it again on the same data. */
async function rotate(h: Harness, clock: TestClock): Promise<{ h: Harness; stdout: string }> {
  const restarted = await restartAfter(h, clock);
  expect(restarted.result, restarted.result.stderr).toMatchObject({ code: 0 });
  return { h: restarted.h, stdout: restarted.result.stdout };
}

describe('after a rotation, while the previous key is kept', () => {
  const clock = new TestClock();
  let h: Harness;
  let store: string;
  let qrWorker: Worker;
  let shortCodeWorker: Worker;
  let admin: EnrolledConsoleUser;
  let device: EnrolledDevice;
  let app: AppWithSecret;
  const before = {} as {
    key: Buffer;
    issuer: string;
    sealedSecret: string;
    signingKids: string;
    cookieKey: string;
    attestationKid: string;
  };

  beforeAll(async () => {
    h = await startHarness({}, { clock });
    store = (await addGroup(h)).id;
    qrWorker = await createWorker(h, { user: { groupIds: [store] } });
    shortCodeWorker = await createWorker(h);
    admin = await enrolConsoleUser(h, await createConsoleUser(h));
    device = await enrolDevice(h, { groupId: store });
    const res = await h.request('POST', '/api/admin/apps', {
      body: {
        displayName: 'Rota',
        clientType: 'confidential',
        redirectUris: ['https://rota.example.com/cb'],
      },
    });
    app = await readJson<AppWithSecret>(res);
    before.key = keyOf(h.dir);
    before.issuer = await issuerOf(h);
    before.sealedSecret = String(
      (await queryRows(h, 'SELECT client_secret_sealed FROM apps WHERE id = ?', [app.id]))[0]!
        .client_secret_sealed,
    );
    before.signingKids = (await loadSigningKeys(h.runtime.deps)).version;
    before.cookieKey = h.runtime.deps.oidcSecrets.cookieKeys[0]!;
    before.attestationKid = String(decodeProtectedHeader(device.attestation).kid);
    ({ h } = await rotate(h, clock));
  });
  afterAll(() => h.close());

  test('the key file holds a new key and the old one is kept beside it, both readable by the owner only', () => {
    expect(keyOf(h.dir).equals(before.key)).toBe(false);
    const previousFile = join(h.dir, 'server.previous.key');
    const previous = JSON.parse(readFileSync(previousFile, 'utf8')) as { key: string; rotatedAt: string };
    expect(Buffer.from(previous.key, 'base64').equals(before.key)).toBe(true);
    for (const file of [join(h.dir, 'server.key'), previousFile]) {
      expect(statSync(file).mode & 0o077).toBe(0);
    }
  });

  test('a worker signs in with the same badge and PIN, and the PIN verifier is re-hashed under the new key', async () => {
    expect(await pinHashOf(h, qrWorker.user.id)).toMatch(/^[0-9a-f]{8}:\$argon2id\$/);
    const { res } = await signIn(h, qrWorker.qr, qrWorker.pin);
    expect(res.status).toBe(200);
    expect(await pinHashOf(h, qrWorker.user.id)).toMatch(/^\$argon2id\$/);
    expect((await signIn(h, qrWorker.qr, qrWorker.pin)).res.status).toBe(200);
    expect((await signIn(h, qrWorker.qr, '00000000')).res.status).toBe(401);
  });

  test('badges keep the installation’s issuer id, so none needs reprinting; new badges carry it too', async () => {
    expect(await issuerOf(h)).toBe(before.issuer);
    expect(qrWorker.qr.split(':')[1]).toBe(before.issuer);
    const newcomer = await createWorker(h);
    expect(newcomer.qr.split(':')[1]).toBe(before.issuer);
    expect((await signInWithShortCode(h, newcomer.shortCode, newcomer.pin)).res.status).toBe(200);
    expect(await pinHashOf(h, newcomer.user.id)).toMatch(/^\$argon2id\$/);
  });

  test('a short code typed from a badge printed before the rotation signs in, and is re-keyed on use', async () => {
    const codeId = shortCodeWorker.issued.standardQRCode.id;
    expect(await shortCodeHashOf(h, codeId)).toMatch(/^[0-9a-f]{8}:[0-9a-f]{64}$/);
    const { res } = await signInWithShortCode(h, shortCodeWorker.shortCode, shortCodeWorker.pin);
    expect(res.status).toBe(200);
    expect(await shortCodeHashOf(h, codeId)).toMatch(/^[0-9a-f]{64}$/);
    expect((await signInWithShortCode(h, shortCodeWorker.shortCode, shortCodeWorker.pin)).res.status).toBe(
      200,
    );
  });

  test('console sign-in with the authenticator app and with a recovery code from before the rotation', async () => {
    const { res } = await signInWithTotp(h, admin);
    expect(res.status).toBe(200);
    const step = await passwordStep(h, admin.userPrincipalName, admin.password);
    const recovery = await post(h, '/api/auth/console/totp', {
      challenge: step.challenge,
      recoveryCode: admin.recoveryCodes[0],
    });
    expect(recovery.status).toBe(200);
    const again = await passwordStep(h, admin.userPrincipalName, admin.password);
    const reused = await post(h, '/api/auth/console/totp', {
      challenge: again.challenge,
      recoveryCode: admin.recoveryCodes[0],
    });
    expect((await readError(reused)).error.code).toBe('AUTHENTICATION_CODE_INCORRECT');
  });

  test('app client secrets and OpenID signing keys were re-sealed under the new key alone; old cookies verify', async () => {
    const sealed = String(
      (await queryRows(h, 'SELECT client_secret_sealed FROM apps WHERE id = ?', [app.id]))[0]!
        .client_secret_sealed,
    );
    expect(sealed).not.toBe(before.sealedSecret);
    const newKeyOnly = createOidcSecrets(keyOf(h.dir));
    expect(newKeyOnly.openClientSecret(sealed, app.id)).toBe(app.clientSecret);
    expect(h.runtime.deps.oidcSecrets.openClientSecret(sealed, app.id)).toBe(app.clientSecret);
    const [signingKey] = await queryRows(h, 'SELECT kid, private_jwk_sealed FROM oidc_signing_keys LIMIT 1');
    expect(
      newKeyOnly.openSigningKey(String(signingKey!.private_jwk_sealed), String(signingKey!.kid)),
    ).not.toBeNull();
    expect((await loadSigningKeys(h.runtime.deps)).version).toBe(before.signingKids);
    // keygrip signs with the first key and verifies with any: cookies set before the rotation still verify.
    expect(h.runtime.deps.oidcSecrets.cookieKeys).toEqual([expect.any(String), before.cookieKey]);
    expect(h.runtime.deps.oidcSecrets.cookieKeys[0]).not.toBe(before.cookieKey);
  });

  test('a second rotation is refused while the previous key is still kept', async () => {
    let result;
    ({ h, result } = await restartAfter(h, clock));
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('retire it first');
    expect(keyOf(h.dir).equals(before.key)).toBe(false);
  });

  test('a kiosk attestation signed before the rotation verifies until it expires; its refresh is signed with the new key', async () => {
    const { res } = await signInOnDevice(h, device, { qr: qrWorker.qr }, qrWorker.pin);
    expect(res.status).toBe(200);
    clock.advanceSeconds(ATTESTATION_LIFETIME_SECONDS + 60);
    const expired = await signInOnDevice(h, device, { qr: qrWorker.qr }, qrWorker.pin);
    expect((await readError(expired.res)).error.code).toBe('DEVICE_ATTESTATION_EXPIRED');
    const refreshed = await refreshRequest(h, device);
    expect(refreshed.status).toBe(200);
    const { attestation } = await readJson<{ attestation: string }>(refreshed);
    expect(decodeProtectedHeader(attestation).kid).not.toBe(before.attestationKid);
    const renewed = { ...device, attestation };
    expect((await signInOnDevice(h, renewed, { qr: qrWorker.qr }, qrWorker.pin)).res.status).toBe(200);
  });
});

describe('retiring the previous key', () => {
  const clock = new TestClock();
  let h: Harness;
  let worker: Worker;

  beforeAll(async () => {
    h = await startHarness({}, { clock });
    worker = await createWorker(h);
    ({ h } = await rotate(h, clock));
  });
  afterAll(() => h.close());

  test('is refused while a PIN and a short code still need it, with a count of what does', async () => {
    let result;
    ({ h, result } = await restartAfter(h, clock, '--retire'));
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('1 PINs');
    expect(result.stderr).toContain('1 unexpired badge short codes');
    expect(existsSync(join(h.dir, 'server.previous.key'))).toBe(true);
  });

  test('succeeds once they were used, and the worker keeps signing in with the same badge, short code and PIN', async () => {
    expect((await signInWithShortCode(h, worker.shortCode, worker.pin)).res.status).toBe(200);
    let result;
    ({ h, result } = await restartAfter(h, clock, '--retire'));
    expect(result, result.stderr).toMatchObject({ code: 0 });
    expect(existsSync(join(h.dir, 'server.previous.key'))).toBe(false);
    expect((await signIn(h, worker.qr, worker.pin)).res.status).toBe(200);
    expect((await signInWithShortCode(h, worker.shortCode, worker.pin)).res.status).toBe(200);
  });

  test('a server will not start while a rotation is unfinished, and running the command again finishes it', async () => {
    h.stop();
    stoppedDirs.push(h.dir);
    writeFileSync(join(h.dir, 'server.next.key'), randomBytes(32).toString('base64') + '\n', { mode: 0o600 });
    // Refused before the database is opened.
    await expect(startHarness({}, { dataDir: h.dir, clock })).rejects.toThrow(/rotation was interrupted/);
    const result = await serverKeyCommand(h.dir);
    expect(result, result.stderr).toMatchObject({ code: 0 });
    const dir = mkdtempSync(join(tmpdir(), 'shiftpass-test-'));
    cpSync(h.dir, dir, { recursive: true });
    h = await startHarness({}, { dataDir: dir, clock });
    expect((await signIn(h, worker.qr, worker.pin)).res.status).toBe(200);
    expect((await signInWithShortCode(h, worker.shortCode, worker.pin)).res.status).toBe(200);
  });
});
