/**
 * Ending kiosk mode on the kiosk (POST /api/devices/exit-kiosk): a manager's badge + PIN, checked
 * exactly as a sign-in checks one (decoy timing, client budget, the method's lockout) but making no
 * session, suspends or unenrolls the device. Unenrolling answers `Clear-Site-Data: "*"`.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { ExitKioskResponse } from '../../server/contracts/devices.js';
import {
  addGroup,
  createWorker,
  queryRows,
  readError,
  readJson,
  startHarness,
  type Harness,
  type Worker,
} from '../support/api-harness.js';
import { deviceBinding, enrolDevice, signInOnDevice, type EnrolledDevice } from '../support/device.js';

let h: Harness;
let store: string;
let otherStore: string;
let manager: Worker;
let worker: Worker;

const exit = async (
  device: EnrolledDevice,
  person: Worker,
  action: 'suspend' | 'unenroll',
  options: { pin?: string; shortCode?: boolean } = {},
) =>
  h.request('POST', '/api/devices/exit-kiosk', {
    body: {
      ...(options.shortCode ? { shortCode: person.shortCode } : { qr: person.qr }),
      pin: options.pin ?? person.pin,
      action,
      device: await deviceBinding(h, device, { url: '/api/devices/exit-kiosk' }),
    },
    token: null,
  });

const statusOf = async (id: string) =>
  (await queryRows(h, 'SELECT status FROM devices WHERE id = ?', [id]))[0]!.status;

beforeAll(async () => {
  h = await startHarness();
  store = (await addGroup(h)).id;
  otherStore = (await addGroup(h)).id;
  manager = await createWorker(h, { user: { role: 'manager', groupIds: [store] } });
  worker = await createWorker(h, { user: { groupIds: [store] } });
});
afterAll(() => h.close());

describe('a manager of the store', () => {
  test('suspends the kiosk: no session, the device refuses sign-ins until resumed, audited', async () => {
    const device = await enrolDevice(h, { groupId: store });
    const res = await exit(device, manager, 'suspend');
    expect(res.status).toBe(200);
    expect(res.headers.getSetCookie()).toEqual([]);
    expect(res.headers.get('clear-site-data')).toBeNull();
    expect((await readJson<ExitKioskResponse>(res)).device.status).toBe('suspended');
    expect(await statusOf(device.id)).toBe('suspended');
    const signIn = await signInOnDevice(h, device, { qr: worker.qr }, worker.pin);
    expect((await readError(signIn.res)).error.code).toBe('DEVICE_SUSPENDED');
    const audit = await queryRows(h, 'SELECT actor_id FROM audit_logs WHERE activity = ? AND target_id = ?', [
      'device.suspendedAtKiosk',
      device.id,
    ]);
    expect(audit).toEqual([{ actor_id: manager.user.id }]);
  });

  test('unenrolls the kiosk (also a suspended one, with the typed code): revoked, Clear-Site-Data "*"', async () => {
    const device = await enrolDevice(h, { groupId: store });
    expect((await exit(device, manager, 'suspend')).status).toBe(200);
    const res = await exit(device, manager, 'unenroll', { shortCode: true });
    expect(res.status).toBe(200);
    expect(res.headers.get('clear-site-data')).toBe('"*"');
    expect(await statusOf(device.id)).toBe('revoked');
    const signIn = await signInOnDevice(h, device, { qr: worker.qr }, worker.pin);
    expect((await readError(signIn.res)).error.code).toBe('DEVICE_REVOKED');
    // A revoked device cannot come back through the kiosk either.
    expect((await readError(await exit(device, manager, 'suspend'))).error.code).toBe('DEVICE_REVOKED');
  });

  test('an admin badge works on any store', async () => {
    const admin = await createWorker(h, { user: { role: 'admin' } });
    const device = await enrolDevice(h, { groupId: otherStore });
    expect((await exit(device, admin, 'suspend')).status).toBe(200);
  });
});

describe('refused', () => {
  test("a worker's badge with the right PIN → 403 FORBIDDEN, logged, device unchanged", async () => {
    const device = await enrolDevice(h, { groupId: store });
    const res = await exit(device, worker, 'unenroll');
    expect(res.status).toBe(403);
    expect((await readError(res)).error.code).toBe('FORBIDDEN');
    expect(res.headers.get('clear-site-data')).toBeNull();
    expect(await statusOf(device.id)).toBe('active');
    const [log] = await queryRows(
      h,
      'SELECT failure_code, device_id, user_id, details FROM sign_in_logs ORDER BY rowid DESC LIMIT 1',
    );
    expect(log).toMatchObject({ failure_code: 'FORBIDDEN', device_id: device.id, user_id: worker.user.id });
    expect(JSON.parse(String(log!.details))).toMatchObject({ purpose: 'exitKiosk' });
  });

  test('a manager of another store → 403 FORBIDDEN', async () => {
    const device = await enrolDevice(h, { groupId: otherStore });
    const res = await exit(device, manager, 'suspend');
    expect(res.status).toBe(403);
    expect(await statusOf(device.id)).toBe('active');
  });

  test('an unknown badge → QR_CODE_NOT_RECOGNIZED, as at sign-in', async () => {
    const device = await enrolDevice(h, { groupId: store });
    const forged = { ...manager, qr: manager.qr.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A')) };
    const res = await exit(device, forged, 'suspend');
    expect(res.status).toBe(401);
    expect((await readError(res)).error.code).toBe('QR_CODE_NOT_RECOGNIZED');
  });

  test("wrong PINs count towards the manager's lockout, shared with sign-in", async () => {
    const locked = await createWorker(h, { user: { role: 'manager', groupIds: [store] } });
    const device = await enrolDevice(h, { groupId: store });
    const wrong = locked.pin === '90817263' ? '90817264' : '90817263';
    const codes: string[] = [];
    for (let i = 0; i < 10; i += 1)
      codes.push((await readError(await exit(device, locked, 'suspend', { pin: wrong }))).error.code);
    expect(codes.slice(0, 9).every((code) => code === 'PIN_INCORRECT')).toBe(true);
    expect(codes[9]).toBe('METHOD_LOCKED');
    // Locked now: the right PIN neither exits kiosk mode nor signs in.
    expect((await readError(await exit(device, locked, 'suspend'))).error.code).toBe('METHOD_LOCKED');
    const signIn = await signInOnDevice(h, device, { qr: locked.qr }, locked.pin);
    expect((await readError(signIn.res)).error.code).toBe('METHOD_LOCKED');
    expect(await statusOf(device.id)).toBe('active');
  });

  test("the right PIN at the exit forgets the manager's earlier wrong PINs, as a sign-in does", async () => {
    const forgetful = await createWorker(h, { user: { role: 'manager', groupIds: [store] } });
    const device = await enrolDevice(h, { groupId: store });
    const wrong = forgetful.pin === '90817263' ? '90817264' : '90817263';
    for (let i = 0; i < 9; i += 1) {
      expect((await readError(await exit(device, forgetful, 'suspend', { pin: wrong }))).error.code).toBe(
        'PIN_INCORRECT',
      );
    }
    expect((await exit(device, forgetful, 'suspend')).status).toBe(200);
    // Nine wrong PINs and the right one: without the reset, the next wrong PIN would lock the badge.
    const next = await readError(await exit(device, forgetful, 'suspend', { pin: wrong }));
    expect(next.error.code).toBe('PIN_INCORRECT');
    expect(next.error.remainingAttempts).toBe(9);
  });

  test('without a valid device proof → the device code, nothing changes', async () => {
    const device = await enrolDevice(h, { groupId: store });
    const res = await h.request('POST', '/api/devices/exit-kiosk', {
      body: {
        qr: manager.qr,
        pin: manager.pin,
        action: 'unenroll',
        // A proof made for the sign-in URL, replayed here.
        device: await deviceBinding(h, device),
      },
      token: null,
    });
    expect((await readError(res)).error.code).toBe('DEVICE_PROOF_INVALID');
    expect(await statusOf(device.id)).toBe('active');
  });
});

test('a phone whose attestation expired long ago can still be decommissioned by a manager', async () => {
  const device = await enrolDevice(h, { groupId: store });
  h.clock.advanceSeconds(30 * 24 * 3600);
  const res = await exit(device, manager, 'unenroll');
  expect(res.status).toBe(200);
  expect(res.headers.get('clear-site-data')).toBe('"*"');
});
