/**
 * Enrolling a kiosk (POST /api/manager/devices), server nonces (POST /api/devices/nonce) and
 * attestation refresh (POST /api/devices/attestation), with real WebCrypto P-256 keys.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  ATTESTATION_LIFETIME_SECONDS,
  DEVICE_NONCE_LIFETIME_SECONDS,
  type DeviceAttestationResponse,
} from '../../server/contracts/devices.js';
import { NONCE_BUDGET } from '../../server/features/devices/kiosk-enrolment.js';
import {
  addGroup,
  queryRows,
  readError,
  readJson,
  signedInUser,
  startHarness,
  type Harness,
} from '../support/api-harness.js';
import {
  enrolDevice,
  enrolRequest,
  makeDeviceKey,
  newNonce,
  refreshRequest,
  signWith,
} from '../support/device.js';

let h: Harness;
let storeA: string;
let storeB: string;
let managerCookie: string;

const payloadOf = (jws: string) =>
  JSON.parse(Buffer.from(jws.split('.')[1]!, 'base64url').toString('utf8')) as Record<string, unknown>;

beforeAll(async () => {
  h = await startHarness();
  storeA = (await addGroup(h)).id;
  storeB = (await addGroup(h)).id;
  managerCookie = (await signedInUser(h, { role: 'manager', groupIds: [storeA] })).cookie;
});
afterAll(() => h.close());

describe('nonces', () => {
  test('anyone gets a single-use nonce; only its hash is stored', async () => {
    const res = await h.request('POST', '/api/devices/nonce', { token: null });
    expect(res.status).toBe(200);
    const body = await readJson<{ nonce: string; expiresInSeconds: number }>(res);
    expect(body.expiresInSeconds).toBe(DEVICE_NONCE_LIFETIME_SECONDS);
    expect(body.nonce).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const rows = await queryRows(h, 'SELECT nonce_hash FROM nonces');
    expect(rows.some((r) => String(r.nonce_hash).includes(body.nonce))).toBe(false);
    expect(rows.length).toBeGreaterThan(0);
  });

  test('one network cannot flood the table: past the budget → 429 TOO_MANY_ATTEMPTS', async () => {
    const clientAddress = '198.51.100.77';
    for (let i = 0; i < NONCE_BUDGET.threshold; i += 1) await newNonce(h, clientAddress);
    const res = await h.request('POST', '/api/devices/nonce', { token: null, clientAddress });
    expect(res.status).toBe(429);
    expect((await readError(res)).error.code).toBe('TOO_MANY_ATTEMPTS');
    // Another network is not affected, and the window ends.
    expect(
      (await h.request('POST', '/api/devices/nonce', { token: null, clientAddress: '198.51.100.78' })).status,
    ).toBe(200);
    h.clock.advanceSeconds(NONCE_BUDGET.windowSeconds);
    expect((await h.request('POST', '/api/devices/nonce', { token: null, clientAddress })).status).toBe(200);
  });
});

describe('enrolment', () => {
  test('a manager enrols a phone into their store: 201 with a signed attestation, and an audit entry', async () => {
    const { res, key } = await enrolRequest(h, {
      groupId: storeA,
      cookie: managerCookie,
      displayName: 'Till 1',
    });
    expect(res.status).toBe(201);
    const body = await readJson<DeviceAttestationResponse>(res);
    expect(body.device).toMatchObject({
      displayName: 'Till 1',
      group: { id: storeA },
      status: 'active',
      compliance: { state: 'compliant', reasons: [] },
    });
    const [header, payload] = body.attestation
      .split('.')
      .slice(0, 2)
      .map((p) => JSON.parse(Buffer.from(p, 'base64url').toString()));
    expect(header).toMatchObject({ alg: 'EdDSA', typ: 'shiftpass-attestation+jwt' });
    expect(payload).toMatchObject({
      sub: body.device.id,
      cnf: { jkt: key.thumbprint },
      store: storeA,
      compliance: { state: 'compliant' },
      appVersion: '0.1.0',
    });
    expect((payload.exp as number) - (payload.iat as number)).toBe(ATTESTATION_LIFETIME_SECONDS);
    expect(new Date(body.attestationExpiresDateTime).getTime()).toBe((payload.exp as number) * 1000);
    const audit = await queryRows(
      h,
      "SELECT * FROM audit_logs WHERE activity = 'device.enrolled' AND target_id = ?",
      [body.device.id],
    );
    expect(audit).toHaveLength(1);
  });

  test('an admin (API token) enrols into any store', async () => {
    const device = await enrolDevice(h, { groupId: storeB });
    expect(device.enrolment.device.group?.id).toBe(storeB);
  });

  test('a signature that does not verify with the sent key → 401 DEVICE_PROOF_INVALID', async () => {
    const other = await makeDeviceKey();
    const nonce = await newNonce(h);
    const key = await makeDeviceKey();
    const signature = await signWith(
      other.keys.privateKey,
      `shiftpass-device-enrolment.${nonce}.${key.thumbprint}`,
    );
    const { res } = await enrolRequest(h, { groupId: storeA, cookie: managerCookie, key, nonce, signature });
    expect(res.status).toBe(401);
    expect((await readError(res)).error.code).toBe('DEVICE_PROOF_INVALID');
  });

  test('a nonce used once cannot enrol again → DEVICE_NONCE_REPLAYED; an unknown one → DEVICE_NONCE_UNKNOWN', async () => {
    const nonce = await newNonce(h);
    expect((await enrolRequest(h, { groupId: storeA, cookie: managerCookie, nonce })).res.status).toBe(201);
    const again = (await enrolRequest(h, { groupId: storeA, cookie: managerCookie, nonce })).res;
    expect(again.status).toBe(401);
    expect((await readError(again)).error.code).toBe('DEVICE_NONCE_REPLAYED');
    const unknown = (
      await enrolRequest(h, { groupId: storeA, cookie: managerCookie, nonce: 'made-up-nonce' })
    ).res;
    expect((await readError(unknown)).error.code).toBe('DEVICE_NONCE_UNKNOWN');
  });

  test('an expired nonce → DEVICE_NONCE_EXPIRED', async () => {
    const nonce = await newNonce(h);
    h.clock.advanceSeconds(DEVICE_NONCE_LIFETIME_SECONDS);
    const { res } = await enrolRequest(h, { groupId: storeA, cookie: managerCookie, nonce });
    expect(res.status).toBe(401);
    expect((await readError(res)).error.code).toBe('DEVICE_NONCE_EXPIRED');
  });

  test('a worker cannot enrol → 403; a manager enrolling into another store gets the answer for a store that does not exist', async () => {
    const worker = await signedInUser(h, { groupIds: [storeA] });
    const byWorker = (await enrolRequest(h, { groupId: storeA, cookie: worker.cookie })).res;
    expect(byWorker.status).toBe(403);
    expect((await readError(byWorker)).error.code).toBe('FORBIDDEN');
    const elsewhere = (await enrolRequest(h, { groupId: storeB, cookie: managerCookie })).res;
    const nowhere = (await enrolRequest(h, { groupId: 'no-such-store', cookie: managerCookie })).res;
    expect(elsewhere.status).toBe(400);
    expect((await readError(elsewhere.clone())).error.code).toBe('GROUP_NOT_FOUND');
    expect(await readError(elsewhere)).toEqual(await readError(nowhere));
    const anonymous = await h.request('POST', '/api/manager/devices', { body: {}, token: null });
    expect(anonymous.status).toBe(401);
  });

  test('the same key twice → 409 DEVICE_ALREADY_ENROLLED', async () => {
    const key = await makeDeviceKey();
    expect((await enrolRequest(h, { groupId: storeA, cookie: managerCookie, key })).res.status).toBe(201);
    const again = (await enrolRequest(h, { groupId: storeA, cookie: managerCookie, key })).res;
    expect(again.status).toBe(409);
    expect((await readError(again)).error.code).toBe('DEVICE_ALREADY_ENROLLED');
  });

  test('an unknown store → 400 GROUP_NOT_FOUND', async () => {
    const { res } = await enrolRequest(h, { groupId: 'no-such-store' });
    expect(res.status).toBe(400);
    expect((await readError(res)).error.code).toBe('GROUP_NOT_FOUND');
  });
});

describe('attestation refresh', () => {
  test('a device refreshes with a proof over a fresh nonce: new expiry, last seen and app version stored', async () => {
    const device = await enrolDevice(h, { groupId: storeA, appVersion: '0.1.0' });
    h.clock.advanceSeconds(3600);
    const res = await refreshRequest(h, device, { bodyAppVersion: '0.2.0' });
    expect(res.status).toBe(200);
    const body = await readJson<DeviceAttestationResponse>(res);
    expect(payloadOf(body.attestation).iat).toBe(Math.floor(h.clock.now().getTime() / 1000));
    expect(payloadOf(body.attestation).appVersion).toBe('0.2.0');
    const [row] = await queryRows(
      h,
      'SELECT app_version, last_seen_at, attestation_expires_at FROM devices WHERE id = ?',
      [device.id],
    );
    expect(row).toMatchObject({
      app_version: '0.2.0',
      last_seen_at: h.clock.now().getTime(),
      attestation_expires_at: h.clock.now().getTime() + ATTESTATION_LIFETIME_SECONDS * 1000,
    });
  });

  test('an expired attestation can still be refreshed by the enrolled key (the phone was off for days)', async () => {
    const device = await enrolDevice(h, { groupId: storeA });
    h.clock.advanceSeconds(3 * ATTESTATION_LIFETIME_SECONDS);
    const res = await refreshRequest(h, device);
    expect(res.status).toBe(200);
  });

  test('a proof aimed at another URL, or by another key, does not refresh', async () => {
    const device = await enrolDevice(h, { groupId: storeA });
    const wrongUrl = await refreshRequest(h, device, { url: '/api/auth/qr-pin/sign-in' });
    expect((await readError(wrongUrl)).error.code).toBe('DEVICE_PROOF_INVALID');
    const thief = await makeDeviceKey();
    const stolen = await refreshRequest(h, device, { signingKey: thief.keys.privateKey });
    expect((await readError(stolen)).error.code).toBe('DEVICE_KEY_MISMATCH');
  });
});

describe('nonce sweep', () => {
  test('used and expired nonces are swept an hour after expiry; then they read as unknown', async () => {
    const nonce = await newNonce(h);
    h.clock.advanceSeconds(DEVICE_NONCE_LIFETIME_SECONDS + 3600 + 1);
    await newNonce(h); // any nonce request sweeps
    const rows = await queryRows(h, 'SELECT COUNT(*) AS n FROM nonces WHERE expires_at < ?', [
      h.clock.now().getTime() - 3600 * 1000,
    ]);
    expect(rows[0]!.n).toBe(0);
    const { res } = await enrolRequest(h, { groupId: storeA, nonce });
    expect((await readError(res)).error.code).toBe('DEVICE_NONCE_UNKNOWN');
  });
});
