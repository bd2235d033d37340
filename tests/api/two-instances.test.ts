/**
 * Two API processes on one database file behave as one: lockout counters, session revocation and
 * policy changes live in the database, not in either process's memory; device attestations verify on
 * both (one server key) and a device nonce is used once across both.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import {
  addGroup,
  createWorker,
  getSession,
  readError,
  signIn,
  startHarness,
  type Harness,
} from '../support/api-harness.js';
import { deviceBinding, enrolDevice, signInOnDevice } from '../support/device.js';

let a: Harness;
let b: Harness;

beforeAll(async () => {
  a = await startHarness();
  // Same data directory: the same database file and the same server key, as two nodes would share.
  b = await startHarness({}, { dataDir: a.dir, clock: a.clock });
});
afterAll(() => {
  b.stop();
  a.close();
});

test('a badge issued on one instance signs in on the other', async () => {
  const worker = await createWorker(a);
  const { res, cookie } = await signIn(b, worker.qr, worker.pin);
  expect(res.status).toBe(200);
  expect((await getSession(a, cookie!)).status).toBe(200);
});

test('wrong PINs on either instance add up to one lockout', async () => {
  const worker = await createWorker(a);
  const wrongPin = worker.pin === '47382916' ? '47382917' : '47382916';
  for (let i = 1; i <= 9; i++) {
    const res = (await signIn(i % 2 ? a : b, worker.qr, wrongPin)).res;
    expect(res.status).toBe(401);
    expect((await readError(res)).error).toMatchObject({ code: 'PIN_INCORRECT', remainingAttempts: 10 - i });
  }
  const tenth = (await signIn(b, worker.qr, wrongPin)).res;
  expect(tenth.status).toBe(423);
  // The right PIN is refused on the other instance too while the lock lasts.
  const onA = (await signIn(a, worker.qr, worker.pin)).res;
  expect(onA.status).toBe(423);
  expect((await readError(onA)).error).toMatchObject({ code: 'METHOD_LOCKED', retryAfterSeconds: 60 });
});

test('revoking sessions on one instance ends them on the other at once', async () => {
  const worker = await createWorker(a);
  const { cookie } = await signIn(a, worker.qr, worker.pin);
  expect((await getSession(b, cookie!)).status).toBe(200);

  const revoke = await a.request('POST', `/api/admin/users/${worker.user.id}/revoke-sign-in-sessions`);
  expect(revoke.status).toBe(204);
  expect((await getSession(b, cookie!)).status).toBe(401);
});

test('a policy change on one instance applies to the next sign-in on the other', async () => {
  const worker = await createWorker(a);
  const off = await a.request('PATCH', '/api/admin/policies/qr-code-pin', { body: { state: 'disabled' } });
  expect(off.status).toBe(200);
  const refused = (await signIn(b, worker.qr, worker.pin)).res;
  expect(refused.status).toBe(403);
  expect((await readError(refused)).error.code).toBe('METHOD_DISABLED_BY_POLICY');

  await b.request('PATCH', '/api/admin/policies/qr-code-pin', { body: { state: 'enabled' } });
  expect((await signIn(a, worker.qr, worker.pin)).res.status).toBe(200);
});

test('a device enrolled on one instance signs in on the other; its nonce works once across both', async () => {
  const groupId = (await addGroup(a, 'Two-node store')).id;
  const worker = await createWorker(a, { user: { groupIds: [groupId] } });
  const device = await enrolDevice(a, { groupId });
  // The attestation a signed verifies on b (same server key, same derived Ed25519 key).
  const binding = await deviceBinding(a, device);
  const [first, second] = await Promise.all([
    signInOnDevice(b, device, { qr: worker.qr }, worker.pin, { binding }),
    signInOnDevice(a, device, { qr: worker.qr }, worker.pin, { binding }),
  ]);
  const statuses = [first.res.status, second.res.status].sort();
  expect(statuses).toEqual([200, 401]);
  const loser = first.res.status === 401 ? first.res : second.res;
  expect((await readError(loser)).error.code).toBe('DEVICE_NONCE_REPLAYED');
});
