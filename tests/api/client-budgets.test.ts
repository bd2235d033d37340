/**
 * Fair per-client budgets (issue 13, findings 2 and 3, docs/security.md "Per client"):
 * - an IPv6 client is its /64 (IPV6_CLIENT_PREFIX), for the sign-in budget and the nonce budget, so one
 *   host cannot take a fresh budget per address; IPv4 clients are budgeted as before;
 * - an enrolled kiosk whose device proof VERIFIES is charged on its own budget, so a flood from its
 *   store's shared address cannot stop its sign-ins or starve it of nonces; a device claim that does
 *   not verify is charged to the address like any anonymous request; and the device's own budget
 *   still stops a flood from that device.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { DeviceNonceResponse } from '../../server/contracts/devices.js';
import { DEVICE_NONCE_BUDGET, NONCE_BUDGET } from '../../server/features/devices/kiosk-enrolment.js';
import {
  addGroup,
  createWorker,
  HARNESS_ORIGIN,
  readError,
  readJson,
  startHarness,
  type Harness,
  type Worker,
} from '../support/api-harness.js';
import { createConsoleUser } from '../support/console.js';
import {
  deviceBinding,
  enrolDevice,
  makeDeviceKey,
  newNonce,
  sha256Base64url,
  signInOnDevice,
  signJws,
  type EnrolledDevice,
} from '../support/device.js';

const QR_POLICY = '/api/admin/policies/qr-code-pin';
const SIGN_IN = '/api/auth/qr-pin/sign-in';
/** The budget in the report: the eleventh junk attempt from one place is refused. */
const BUDGET = 10;
const WRONG_PIN = '61094837';

let h: Harness;
let store: string;
let worker: Worker;

const unknownBadge = (n: number) =>
  `SP1:NOSUCHSITE:${'A'.repeat(15)}${'BCDEFGHIJKLMNOPQRSTUVWXYZ'[n % 25]}:${'B'.repeat(26)}`;

async function limitBudget(harness: Harness) {
  const res = await harness.request('PATCH', QR_POLICY, { body: { lockout: { clientThreshold: BUDGET } } });
  expect(res.status).toBe(200);
}

/** A sign-in with a badge nobody was issued, as a stranger on the network would try. */
const junkSignIn = (harness: Harness, clientAddress: string, n = 0) =>
  harness.request('POST', SIGN_IN, {
    body: { qr: unknownBadge(n), pin: WRONG_PIN },
    token: null,
    clientAddress,
  });

const workerSignIn = (harness: Harness, who: Worker, clientAddress: string) =>
  harness.request('POST', SIGN_IN, { body: { qr: who.qr, pin: who.pin }, token: null, clientAddress });

const anonymousNonce = (clientAddress: string) =>
  h.request('POST', '/api/devices/nonce', { token: null, clientAddress });

/**
 * POST /api/devices/nonce as the enrolled device: its attestation and a proof of its key over this
 * request (no nonce exists yet), as the PWA sends it (src/lib/device/device-proof.ts).
 */
async function nonceRequestAsDevice(
  device: EnrolledDevice,
  clientAddress: string,
  options: { signingKey?: CryptoKey; iatOffsetSeconds?: number } = {},
) {
  const proof = await signJws(
    { alg: 'ES256', typ: 'dpop+jwt', kid: device.id },
    {
      htm: 'POST',
      htu: `${HARNESS_ORIGIN}/api/devices/nonce`,
      iat: Math.floor(h.clock.now().getTime() / 1000) + (options.iatOffsetSeconds ?? 0),
      ath: sha256Base64url(device.attestation),
      appVersion: '0.1.0',
    },
    options.signingKey ?? device.keys.privateKey,
  );
  return h.request('POST', '/api/devices/nonce', {
    body: { device: { attestation: device.attestation, proof } },
    token: null,
    clientAddress,
  });
}

async function deviceNonce(device: EnrolledDevice, clientAddress: string): Promise<string> {
  const res = await nonceRequestAsDevice(device, clientAddress);
  expect(res.status).toBe(200);
  return (await readJson<DeviceNonceResponse>(res)).nonce;
}

/** A sign-in on the kiosk, its nonce asked for as the device, all from `clientAddress`. */
async function kioskSignIn(
  device: EnrolledDevice,
  clientAddress: string,
  badge: { qr: string } = { qr: worker.qr },
  pin = worker.pin,
) {
  const nonce = await deviceNonce(device, clientAddress);
  const binding = await deviceBinding(h, device, { nonce });
  return (await signInOnDevice(h, device, badge, pin, { binding, clientAddress })).res;
}

beforeAll(async () => {
  h = await startHarness();
  await limitBudget(h);
  store = (await addGroup(h)).id;
  worker = await createWorker(h, { user: { groupIds: [store] } });
});
afterAll(() => h.close());

describe('IPv6 clients are budgeted by their /64 (finding 2)', () => {
  test('ten junk sign-ins from ten addresses of one /64 use up its budget: an eleventh address of it is refused even with the right PIN, the next /64 is not', async () => {
    for (let i = 1; i <= BUDGET; i++) {
      const res = await junkSignIn(h, `2001:db8:a:1::${i.toString(16)}`, i);
      expect(res.status, `junk attempt ${i}`).toBe(401);
    }
    const refused = await workerSignIn(h, worker, '2001:db8:a:1:ffff:ffff:ffff:fffe');
    expect(refused.status).toBe(429);
    expect((await readError(refused)).error.code).toBe('TOO_MANY_ATTEMPTS');
    expect((await workerSignIn(h, worker, '2001:db8:a:2::1')).status).toBe(200);
  });

  test('the /64 is one budget for console sign-in too', async () => {
    const admin = await createConsoleUser(h);
    for (let i = 1; i <= BUDGET; i++) {
      expect((await junkSignIn(h, `2001:db8:a:3::${i}`, i)).status).toBe(401);
    }
    const res = await h.request('POST', '/api/auth/console/sign-in', {
      body: { userPrincipalName: admin.userPrincipalName, password: admin.password },
      token: null,
      origin: HARNESS_ORIGIN,
      clientAddress: '2001:db8:a:3::beef',
    });
    expect(res.status).toBe(429);
  });

  test('the nonce budget is per /64: after 300 nonces to 300 addresses of one /64, another address of it is refused', async () => {
    for (let i = 1; i <= NONCE_BUDGET.threshold; i++) {
      expect((await anonymousNonce(`2001:db8:a:4::${i.toString(16)}`)).status).toBe(200);
    }
    const res = await anonymousNonce('2001:db8:a:4:1:2:3:4');
    expect(res.status).toBe(429);
    expect((await readError(res)).error.code).toBe('TOO_MANY_ATTEMPTS');
    expect((await anonymousNonce('2001:db8:a:5::1')).status).toBe(200);
  });

  test('IPv4 clients are as before: neighbours keep budgets of their own, and an IPv4-mapped IPv6 address is its IPv4 client', async () => {
    for (let i = 0; i < BUDGET; i++) expect((await junkSignIn(h, '198.51.100.7', i)).status).toBe(401);
    expect((await workerSignIn(h, worker, '198.51.100.7')).status).toBe(429);
    expect((await workerSignIn(h, worker, '::ffff:198.51.100.7')).status).toBe(429);
    expect((await workerSignIn(h, worker, '198.51.100.8')).status).toBe(200);
  });
});

describe('IPV6_CLIENT_PREFIX (finding 2)', () => {
  test('/56 makes every /64 of one /56 one client; the next /56 is another', async () => {
    const wide = await startHarness({ IPV6_CLIENT_PREFIX: '56' });
    try {
      await limitBudget(wide);
      const ana = await createWorker(wide);
      // Ten different /64s, all inside 2001:db8:b:100::/56.
      for (let i = 0; i < BUDGET; i++) {
        expect((await junkSignIn(wide, `2001:db8:b:1${i.toString(16)}0::1`, i)).status).toBe(401);
      }
      expect((await workerSignIn(wide, ana, '2001:db8:b:1ff::1')).status).toBe(429);
      expect((await workerSignIn(wide, ana, '2001:db8:b:200::1')).status).toBe(200);
    } finally {
      wide.close();
    }
  });
});

describe("a store's kiosk is budgeted apart from the store's shared address (finding 3)", () => {
  test("eleven junk attempts and 300 nonce requests from the store's NAT address stop neither the kiosk's nonces nor its valid sign-in", async () => {
    const nat = '203.0.113.50';
    const kiosk = await enrolDevice(h, { groupId: store });
    for (let i = 0; i < BUDGET; i++) expect((await junkSignIn(h, nat, i)).status).toBe(401);
    expect((await junkSignIn(h, nat, BUDGET)).status).toBe(429);
    for (let i = 0; i < NONCE_BUDGET.threshold; i++) expect((await anonymousNonce(nat)).status).toBe(200);
    expect((await anonymousNonce(nat)).status).toBe(429);

    const res = await kioskSignIn(kiosk, nat);
    expect(res.status).toBe(200);
    // The guest Wi-Fi itself stays throttled.
    expect((await workerSignIn(h, worker, nat)).status).toBe(429);
    expect((await anonymousNonce(nat)).status).toBe(429);
  });

  test('a device proof that does not verify is charged to the address, never to the device, and the real kiosk still signs in', async () => {
    const nat = '203.0.113.51';
    const kiosk = await enrolDevice(h, { groupId: store });
    const stranger = await makeDeviceKey();
    // The kiosk's attestation (copied), with proofs signed by a key that is not the kiosk's.
    for (let i = 0; i < BUDGET; i++) {
      const forged = await deviceBinding(h, kiosk, { signingKey: stranger.keys.privateKey });
      const { res } = await signInOnDevice(h, kiosk, { qr: worker.qr }, worker.pin, {
        binding: forged,
        clientAddress: nat,
      });
      expect((await readError(res)).error.code, `forged attempt ${i + 1}`).toBe('DEVICE_KEY_MISMATCH');
    }
    // They spent the address's budget...
    const forged = await deviceBinding(h, kiosk, { signingKey: stranger.keys.privateKey });
    const { res: throttled } = await signInOnDevice(h, kiosk, { qr: worker.qr }, worker.pin, {
      binding: forged,
      clientAddress: nat,
    });
    expect(throttled.status).toBe(429);
    expect((await junkSignIn(h, nat)).status).toBe(429);
    // ...not the device's.
    expect((await kioskSignIn(kiosk, nat)).status).toBe(200);

    // Nonces alike: once the address's are gone, a copied attestation with another key gets none,
    // nor does the real key with a clock far off; the kiosk itself still does.
    for (let i = 0; i < NONCE_BUDGET.threshold; i++) expect((await anonymousNonce(nat)).status).toBe(200);
    const copied = await nonceRequestAsDevice(kiosk, nat, { signingKey: stranger.keys.privateKey });
    expect(copied.status).toBe(429);
    expect((await nonceRequestAsDevice(kiosk, nat, { iatOffsetSeconds: -3600 })).status).toBe(429);
    expect((await nonceRequestAsDevice(kiosk, nat)).status).toBe(200);
  });

  test("a device's own budget still stops a flood from that device, from whichever address it comes", async () => {
    const kiosk = await enrolDevice(h, { groupId: store });
    for (let i = 0; i < BUDGET; i++) {
      const res = await kioskSignIn(kiosk, `192.0.2.${i + 1}`, { qr: unknownBadge(i) }, WRONG_PIN);
      expect((await readError(res)).error.code, `junk attempt ${i + 1}`).toBe('QR_CODE_NOT_RECOGNIZED');
    }
    const refused = await kioskSignIn(kiosk, '192.0.2.200');
    expect(refused.status).toBe(429);
    // The addresses it came from were not charged: anonymous sign-ins there go on.
    expect((await workerSignIn(h, worker, '192.0.2.1')).status).toBe(200);

    // Its nonces: DEVICE_NONCE_BUDGET a window, then none, while the address's budget is untouched.
    h.clock.advanceSeconds(DEVICE_NONCE_BUDGET.windowSeconds);
    for (let i = 0; i < DEVICE_NONCE_BUDGET.threshold; i++) {
      expect((await nonceRequestAsDevice(kiosk, '192.0.2.201')).status).toBe(200);
    }
    const flooded = await nonceRequestAsDevice(kiosk, '192.0.2.201');
    expect(flooded.status).toBe(429);
    expect((await readError(flooded)).error.code).toBe('TOO_MANY_ATTEMPTS');
    expect(await newNonce(h, '192.0.2.201')).toEqual(expect.any(String));
  });
});
