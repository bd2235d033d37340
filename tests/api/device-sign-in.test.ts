/**
 * Worker sign-in on an enrolled kiosk: the attestation and a one-time proof travel with the badge and
 * PIN. Every refusal of the device binding has its own code, in the answer AND in the sign-in log
 * (failureCode, deviceId). Keys are real WebCrypto P-256 keys with a non-extractable private key.
 */
import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  ATTESTATION_LIFETIME_SECONDS,
  DEVICE_NONCE_LIFETIME_SECONDS,
} from '../../server/contracts/devices.js';
import {
  addGroup,
  createWorker,
  queryRows,
  readError,
  startHarness,
  type Harness,
  type Worker,
} from '../support/api-harness.js';
import {
  deviceBinding,
  enrolDevice,
  makeDeviceKey,
  makeProof,
  newNonce,
  sha256Base64url,
  signInOnDevice,
  type EnrolledDevice,
} from '../support/device.js';

let h: Harness;
let store: string;
let worker: Worker;
let device: EnrolledDevice;

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');
const partsOf = (jws: string) => jws.split('.') as [string, string, string];
const decode = (part: string) =>
  JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as Record<string, unknown>;

async function lastSignInLog() {
  const [row] = await queryRows(
    h,
    'SELECT result, failure_code, device_id, user_id, details FROM sign_in_logs ORDER BY rowid DESC LIMIT 1',
  );
  return { ...row, details: JSON.parse(String(row!.details)) as Record<string, unknown> };
}

/** Signs in with `binding`, expects the refusal `code` in the answer and the log row. */
async function expectRefused(
  binding: { attestation: string; proof: string },
  code: string,
  deviceId: string | null,
) {
  const { res } = await signInOnDevice(h, device, { qr: worker.qr }, worker.pin, { binding });
  const body = await readError(res);
  expect(body.error.code).toBe(code);
  expect(res.status).toBeGreaterThanOrEqual(401);
  expect(res.status).toBeLessThan(404);
  expect(res.headers.getSetCookie()).toEqual([]);
  const log = await lastSignInLog();
  expect(log).toMatchObject({ result: 'failure', failure_code: code, device_id: deviceId });
  return log;
}

beforeAll(async () => {
  h = await startHarness();
  store = (await addGroup(h)).id;
  worker = await createWorker(h, { user: { groupIds: [store] } });
});
afterAll(() => h.close());

describe('a genuine device', () => {
  test('signs a worker in; the session and the sign-in log name the device, last seen moves', async () => {
    device = await enrolDevice(h, { groupId: store });
    h.clock.advanceSeconds(60);
    const { res, cookie } = await signInOnDevice(h, device, { qr: worker.qr }, worker.pin);
    expect(res.status).toBe(200);
    expect(cookie).toBeDefined();
    const log = await lastSignInLog();
    expect(log).toMatchObject({ result: 'success', device_id: device.id, user_id: worker.user.id });
    const [session] = await queryRows(h, 'SELECT device_id FROM sessions WHERE user_id = ?', [
      worker.user.id,
    ]);
    expect(session!.device_id).toBe(device.id);
    const [row] = await queryRows(h, 'SELECT last_seen_at FROM devices WHERE id = ?', [device.id]);
    expect(row!.last_seen_at).toBe(h.clock.now().getTime());
  });

  test('also with the typed short code', async () => {
    const { res } = await signInOnDevice(h, device, { shortCode: worker.shortCode }, worker.pin);
    expect(res.status).toBe(200);
  });
});

describe('refusals, each with its own code in the answer and the sign-in log', () => {
  beforeAll(async () => {
    device = await enrolDevice(h, { groupId: store });
  });

  test('a replayed nonce (the same proof sent twice) → DEVICE_NONCE_REPLAYED', async () => {
    const binding = await deviceBinding(h, device);
    const first = await signInOnDevice(h, device, { qr: worker.qr }, worker.pin, { binding });
    expect(first.res.status).toBe(200);
    const log = await expectRefused(binding, 'DEVICE_NONCE_REPLAYED', device.id);
    expect(log.details.reason).toBe('nonce_replayed');
  });

  test('an expired nonce → DEVICE_NONCE_EXPIRED', async () => {
    const nonce = await newNonce(h);
    h.clock.advanceSeconds(DEVICE_NONCE_LIFETIME_SECONDS + 1);
    await expectRefused(await deviceBinding(h, device, { nonce }), 'DEVICE_NONCE_EXPIRED', device.id);
  });

  test('a nonce this server never issued → DEVICE_NONCE_UNKNOWN', async () => {
    await expectRefused(
      await deviceBinding(h, device, { nonce: 'bm90LWlzc3VlZC1ieS10aGlzLXNlcnZlcg' }),
      'DEVICE_NONCE_UNKNOWN',
      device.id,
    );
  });

  test('a proof signed by another key (a copied attestation) → DEVICE_KEY_MISMATCH', async () => {
    const thief = await makeDeviceKey();
    await expectRefused(
      await deviceBinding(h, device, { signingKey: thief.keys.privateKey }),
      'DEVICE_KEY_MISMATCH',
      device.id,
    );
  });

  test('a tampered attestation (payload edited, signature kept) → DEVICE_ATTESTATION_INVALID', async () => {
    const [header, payload, signature] = partsOf(device.attestation);
    const claims = decode(payload);
    const tampered = `${header}.${b64({ ...claims, exp: (claims.exp as number) + 365 * 86400, store: 'other' })}.${signature}`;
    await expectRefused(
      await deviceBinding(h, device, { attestation: tampered }),
      'DEVICE_ATTESTATION_INVALID',
      null,
    );
  });

  test('an attestation not signed by this server (another installation) → DEVICE_ATTESTATION_INVALID', async () => {
    const other = await startHarness();
    try {
      const foreign = await other.runtime.deps.deviceTokens.sign(
        'shiftpass-attestation+jwt',
        decode(partsOf(device.attestation)[1]),
      );
      await expectRefused(
        await deviceBinding(h, device, { attestation: foreign }),
        'DEVICE_ATTESTATION_INVALID',
        null,
      );
    } finally {
      other.close();
    }
  });

  test('alg "none" attestation → DEVICE_TOKEN_ALGORITHM_REFUSED', async () => {
    const [, payload] = partsOf(device.attestation);
    const none = `${b64({ alg: 'none', typ: 'shiftpass-attestation+jwt' })}.${payload}.`;
    await expectRefused(
      await deviceBinding(h, device, { attestation: none }),
      'DEVICE_TOKEN_ALGORITHM_REFUSED',
      null,
    );
  });

  test('HS256 attestation keyed with the public attestation key → DEVICE_TOKEN_ALGORITHM_REFUSED', async () => {
    const [header, payload] = partsOf(device.attestation);
    const forgedHeader = b64({ ...decode(header), alg: 'HS256' });
    const publicKey = JSON.stringify(h.runtime.deps.deviceTokens.publicJwk);
    const mac = createHmac('sha256', publicKey).update(`${forgedHeader}.${payload}`).digest('base64url');
    const hs256 = `${forgedHeader}.${payload}.${mac}`;
    await expectRefused(
      await deviceBinding(h, device, { attestation: hs256 }),
      'DEVICE_TOKEN_ALGORITHM_REFUSED',
      null,
    );
  });

  test('alg "none" proof → DEVICE_TOKEN_ALGORITHM_REFUSED', async () => {
    const proof = partsOf(await makeProof(h, device));
    const none = `${b64({ alg: 'none', typ: 'dpop+jwt', kid: device.id })}.${proof[1]}.`;
    await expectRefused(
      { attestation: device.attestation, proof: none },
      'DEVICE_TOKEN_ALGORITHM_REFUSED',
      null,
    );
  });

  test('HS256 proof keyed with the device public key → DEVICE_TOKEN_ALGORITHM_REFUSED', async () => {
    const proof = partsOf(await makeProof(h, device));
    const header = b64({ alg: 'HS256', typ: 'dpop+jwt', kid: device.id });
    const mac = createHmac('sha256', JSON.stringify(device.publicKeyJwk))
      .update(`${header}.${proof[1]}`)
      .digest('base64url');
    await expectRefused(
      { attestation: device.attestation, proof: `${header}.${proof[1]}.${mac}` },
      'DEVICE_TOKEN_ALGORITHM_REFUSED',
      null,
    );
  });

  test('a proof for another method → DEVICE_PROOF_INVALID (htm)', async () => {
    const log = await expectRefused(
      await deviceBinding(h, device, { method: 'GET' }),
      'DEVICE_PROOF_INVALID',
      device.id,
    );
    expect(log.details.reason).toBe('htm_mismatch');
  });

  test('a proof for another URL (path or host) → DEVICE_PROOF_INVALID (htu)', async () => {
    const otherPath = await expectRefused(
      await deviceBinding(h, device, { url: '/api/devices/attestation' }),
      'DEVICE_PROOF_INVALID',
      device.id,
    );
    expect(otherPath.details.reason).toBe('htu_mismatch');
    await expectRefused(
      await deviceBinding(h, device, { url: 'http://evil.example/api/auth/qr-pin/sign-in' }),
      'DEVICE_PROOF_INVALID',
      device.id,
    );
  });

  test('the scheme is not compared (TLS may end at a proxy) when PUBLIC_ORIGIN is not set', async () => {
    const { res } = await signInOnDevice(h, device, { qr: worker.qr }, worker.pin, {
      binding: await deviceBinding(h, device, { url: 'https://localhost/api/auth/qr-pin/sign-in' }),
    });
    expect(res.status).toBe(200);
  });

  test('a proof whose ath names another attestation → DEVICE_PROOF_INVALID (ath)', async () => {
    const log = await expectRefused(
      await deviceBinding(h, device, { claims: { ath: sha256Base64url('another attestation') } }),
      'DEVICE_PROOF_INVALID',
      device.id,
    );
    expect(log.details.reason).toBe('ath_mismatch');
  });

  test('a proof naming another device in its kid → DEVICE_PROOF_INVALID', async () => {
    await expectRefused(
      await deviceBinding(h, device, { header: { kid: 'another-device' } }),
      'DEVICE_PROOF_INVALID',
      device.id,
    );
  });

  test('garbage instead of tokens → DEVICE_ATTESTATION_INVALID / DEVICE_PROOF_INVALID, never a 500', async () => {
    await expectRefused({ attestation: 'not.a.jws', proof: 'x' }, 'DEVICE_ATTESTATION_INVALID', null);
    await expectRefused({ attestation: device.attestation, proof: 'a.b.c' }, 'DEVICE_PROOF_INVALID', null);
  });

  test('an attestation for a device this server does not know → DEVICE_NOT_ENROLLED', async () => {
    const claims = decode(partsOf(device.attestation)[1]);
    const ghost = await h.runtime.deps.deviceTokens.sign('shiftpass-attestation+jwt', {
      ...claims,
      sub: 'ghost-device',
    });
    const ghostDevice = { ...device, id: 'ghost-device', attestation: ghost };
    const { res } = await signInOnDevice(h, ghostDevice, { qr: worker.qr }, worker.pin);
    expect((await readError(res)).error.code).toBe('DEVICE_NOT_ENROLLED');
    expect(await lastSignInLog()).toMatchObject({
      failure_code: 'DEVICE_NOT_ENROLLED',
      device_id: 'ghost-device',
    });
  });

  test('a suspended device → DEVICE_SUSPENDED; resumed, it signs in again', async () => {
    const patch = (status: string) =>
      h.request('PATCH', `/api/admin/devices/${device.id}`, { body: { status } });
    expect((await patch('suspended')).status).toBe(200);
    await expectRefused(await deviceBinding(h, device), 'DEVICE_SUSPENDED', device.id);
    expect((await patch('active')).status).toBe(200);
    expect((await signInOnDevice(h, device, { qr: worker.qr }, worker.pin)).res.status).toBe(200);
  });

  test('a revoked device with a still-valid attestation → DEVICE_REVOKED at once', async () => {
    const revoked = await enrolDevice(h, { groupId: store });
    expect((await h.request('POST', `/api/admin/devices/${revoked.id}/revoke`)).status).toBe(200);
    const binding = await deviceBinding(h, revoked);
    const { res } = await signInOnDevice(h, revoked, { qr: worker.qr }, worker.pin, { binding });
    expect(res.status).toBe(403);
    expect((await readError(res)).error.code).toBe('DEVICE_REVOKED');
    expect(await lastSignInLog()).toMatchObject({ failure_code: 'DEVICE_REVOKED', device_id: revoked.id });
  });

  test('an expired attestation → DEVICE_ATTESTATION_EXPIRED', async () => {
    h.clock.advanceSeconds(ATTESTATION_LIFETIME_SECONDS);
    await expectRefused(await deviceBinding(h, device), 'DEVICE_ATTESTATION_EXPIRED', device.id);
  });
});

describe('with PUBLIC_ORIGIN', () => {
  test('the proof URL must be on that origin (scheme included)', async () => {
    const hp = await startHarness({ PUBLIC_ORIGIN: 'https://kiosk.example' });
    try {
      const group = (await addGroup(hp)).id;
      const w = await createWorker(hp, { user: { groupIds: [group] } });
      const d = await enrolDevice(hp, { groupId: group });
      const signInWith = async (url: string) =>
        hp.request('POST', '/api/auth/qr-pin/sign-in', {
          body: { qr: w.qr, pin: w.pin, device: await deviceBinding(hp, d, { url }) },
          token: null,
        });
      const plain = await signInWith('http://kiosk.example/api/auth/qr-pin/sign-in');
      expect((await readError(plain)).error.code).toBe('DEVICE_PROOF_INVALID');
      expect((await signInWith('https://kiosk.example/api/auth/qr-pin/sign-in')).status).toBe(200);
    } finally {
      hp.close();
    }
  });
});
