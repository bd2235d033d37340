/**
 * Devices in the console (/api/admin/devices): list (keyset pages, search, store and status filters,
 * sign-in counts), read, rename, move store, suspend/resume, revoke — scoped to a manager's stores —
 * and the MDM webhook's compliance reports, which take effect at the device's next sign-in.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { AdminDeviceView, DeviceAttestationResponse } from '../../server/contracts/devices.js';
import type { Page } from '../../server/contracts/pagination.js';
import {
  addGroup,
  createWorker,
  queryRows,
  readError,
  readJson,
  signedInUser,
  startHarness,
  type Harness,
  type Worker,
} from '../support/api-harness.js';
import { enrolDevice, refreshRequest, signInOnDevice, type EnrolledDevice } from '../support/device.js';

let h: Harness;
let storeA: string;
let storeA2: string;
let storeB: string;
let managerCookie: string;
let worker: Worker;
let tillA: EnrolledDevice;
let backA: EnrolledDevice;
let tillB: EnrolledDevice;

const asManager = (method: string, path: string, body?: unknown) =>
  h.request(method, path, { cookie: managerCookie, token: null, body });

const list = async (query = '', manager = false): Promise<Page<AdminDeviceView>> => {
  const path = `/api/admin/devices${query ? `?${query}` : ''}`;
  const res = manager ? await asManager('GET', path) : await h.request('GET', path);
  expect(res.status).toBe(200);
  return readJson<Page<AdminDeviceView>>(res);
};

beforeAll(async () => {
  h = await startHarness();
  storeA = (await addGroup(h, 'Alpha store')).id;
  storeA2 = (await addGroup(h, 'Alpha annex')).id;
  storeB = (await addGroup(h, 'Bravo store')).id;
  managerCookie = (await signedInUser(h, { role: 'manager', groupIds: [storeA, storeA2] })).cookie;
  worker = await createWorker(h, { user: { groupIds: [storeA] } });
  tillA = await enrolDevice(h, { groupId: storeA, displayName: 'Till A' });
  backA = await enrolDevice(h, { groupId: storeA, displayName: 'back office A' });
  tillB = await enrolDevice(h, { groupId: storeB, displayName: 'Till B' });
  expect((await signInOnDevice(h, tillA, { qr: worker.qr }, worker.pin)).res.status).toBe(200);
  expect((await signInOnDevice(h, tillA, { qr: worker.qr }, worker.pin)).res.status).toBe(200);
});
afterAll(() => h.close());

describe('listing', () => {
  test('an admin sees every device by name, with store, enrolment, attestation expiry and sign-ins', async () => {
    const page = await list();
    expect(page.value.map((d) => d.displayName)).toEqual(['back office A', 'Till A', 'Till B']);
    const till = page.value.find((d) => d.id === tillA.id)!;
    expect(till).toMatchObject({
      group: { id: storeA, displayName: 'Alpha store' },
      status: 'active',
      compliance: { state: 'compliant', reasons: [] },
      keyThumbprint: tillA.thumbprint,
      appVersion: '0.1.0',
      attestationExpiresDateTime: tillA.enrolment.attestationExpiresDateTime,
      externalCompliance: null,
      signInCount: 2,
    });
    expect(till.enrolledBy).not.toBeNull();
    expect(till.lastSeenDateTime).not.toBeNull();
  });

  test('keyset pages, search by name prefix (any case), store and status filters', async () => {
    const first = await list('limit=2');
    expect(first.value).toHaveLength(2);
    expect(first.nextCursor).not.toBeNull();
    const second = await list(`limit=2&cursor=${first.nextCursor}`);
    expect(second.value.map((d) => d.displayName)).toEqual(['Till B']);
    expect(second.nextCursor).toBeNull();
    expect((await list('search=till')).value.map((d) => d.displayName)).toEqual(['Till A', 'Till B']);
    expect((await list(`groupId=${storeB}`)).value.map((d) => d.id)).toEqual([tillB.id]);
    expect((await list('status=revoked')).value).toEqual([]);
  });

  test("a manager sees only their stores' devices; another store's is answered as a missing one (404)", async () => {
    expect((await list('', true)).value.map((d) => d.displayName)).toEqual(['back office A', 'Till A']);
    expect((await asManager('GET', `/api/admin/devices/${tillA.id}`)).status).toBe(200);
    const foreign = await asManager('GET', `/api/admin/devices/${tillB.id}`);
    const missing = await asManager('GET', '/api/admin/devices/no-such-device');
    expect(foreign.status).toBe(404);
    expect(await readError(foreign)).toEqual(await readError(missing));
    expect((await h.request('GET', '/api/admin/devices/no-such-device')).status).toBe(404);
    expect((await h.request('GET', `/api/admin/devices/${tillB.id}`)).status).toBe(200);
  });

  test('a worker gets 403', async () => {
    const { cookie } = await signedInUser(h, { groupIds: [storeA] });
    expect((await h.request('GET', '/api/admin/devices', { cookie, token: null })).status).toBe(403);
  });
});

describe('changes', () => {
  test('a manager renames and moves a device between their own stores; both audited', async () => {
    const res = await asManager('PATCH', `/api/admin/devices/${backA.id}`, {
      displayName: 'Annex till',
      groupId: storeA2,
    });
    expect(res.status).toBe(200);
    expect(await readJson<AdminDeviceView>(res)).toMatchObject({
      displayName: 'Annex till',
      group: { id: storeA2, displayName: 'Alpha annex' },
    });
    const audit = await queryRows(h, 'SELECT details FROM audit_logs WHERE activity = ? AND target_id = ?', [
      'device.updated',
      backA.id,
    ]);
    expect(JSON.parse(String(audit[0]!.details))).toMatchObject({
      before: { displayName: 'back office A', groupId: storeA },
      after: { displayName: 'Annex till', groupId: storeA2 },
    });
  });

  test("a manager cannot move a device into another store, nor touch another store's device; each answered as if it did not exist", async () => {
    const into = await asManager('PATCH', `/api/admin/devices/${backA.id}`, { groupId: storeB });
    const intoNowhere = await asManager('PATCH', `/api/admin/devices/${backA.id}`, {
      groupId: 'no-such-store',
    });
    expect(into.status).toBe(400);
    const nowhereError = await readError(intoNowhere);
    expect(nowhereError.error.code).toBe('GROUP_NOT_FOUND');
    expect(await readError(into)).toEqual(nowhereError);

    const missing = await readError(
      await asManager('PATCH', '/api/admin/devices/no-such-device', { displayName: 'Mine now' }),
    );
    const other = await asManager('PATCH', `/api/admin/devices/${tillB.id}`, { displayName: 'Mine now' });
    expect(other.status).toBe(404);
    expect(await readError(other)).toEqual(missing);
    const revoke = await asManager('POST', `/api/admin/devices/${tillB.id}/revoke`);
    expect(revoke.status).toBe(404);
    expect(await readError(revoke)).toEqual(missing);
    expect((await h.request('GET', `/api/admin/devices/${tillB.id}`)).status).toBe(200);
  });

  test('suspend and resume show in the view with who and when', async () => {
    const suspended = await asManager('PATCH', `/api/admin/devices/${backA.id}`, { status: 'suspended' });
    const view = await readJson<AdminDeviceView>(suspended);
    expect(view.status).toBe('suspended');
    expect(view.statusChangedDateTime).toBe(h.clock.now().toISOString());
    expect(view.compliance).toMatchObject({ state: 'noncompliant', reasons: ['device is suspended'] });
    expect(
      (
        await readJson<AdminDeviceView>(
          await asManager('PATCH', `/api/admin/devices/${backA.id}`, { status: 'active' }),
        )
      ).status,
    ).toBe('active');
  });

  test('revoking is final: later changes and a second revoke → 409 DEVICE_ALREADY_REVOKED', async () => {
    const revoked = await asManager('POST', `/api/admin/devices/${backA.id}/revoke`);
    expect(revoked.status).toBe(200);
    expect((await readJson<AdminDeviceView>(revoked)).status).toBe('revoked');
    for (const res of [
      await asManager('PATCH', `/api/admin/devices/${backA.id}`, { status: 'active' }),
      await asManager('PATCH', `/api/admin/devices/${backA.id}`, { displayName: 'Back again' }),
      await asManager('POST', `/api/admin/devices/${backA.id}/revoke`),
    ]) {
      expect(res.status).toBe(409);
      expect((await readError(res)).error.code).toBe('DEVICE_ALREADY_REVOKED');
    }
    expect((await list('status=revoked')).value.map((d) => d.id)).toEqual([backA.id]);
    const audit = await queryRows(h, 'SELECT 1 FROM audit_logs WHERE activity = ? AND target_id = ?', [
      'device.revoked',
      backA.id,
    ]);
    expect(audit).toHaveLength(1);
  });

  test('an empty or unknown-store PATCH is refused with 400', async () => {
    expect((await h.request('PATCH', `/api/admin/devices/${tillA.id}`, { body: {} })).status).toBe(400);
    const res = await h.request('PATCH', `/api/admin/devices/${tillA.id}`, {
      body: { groupId: 'no-such-store' },
    });
    expect((await readError(res)).error.code).toBe('GROUP_NOT_FOUND');
  });
});

describe('MDM compliance reports', () => {
  test('a report of non-compliance shows at the next sign-in, in the refreshed attestation and in the list', async () => {
    const report = await h.request('POST', `/api/admin/devices/${tillA.id}/compliance`, {
      body: { compliant: false, reasons: ['OS out of date'], source: 'Example MDM' },
    });
    expect(report.status).toBe(200);
    const view = await readJson<AdminDeviceView>(report);
    expect(view.compliance).toEqual({
      state: 'noncompliant',
      reasons: ['Example MDM reports non-compliant: OS out of date'],
    });
    expect(view.externalCompliance).toMatchObject({
      compliant: false,
      source: 'Example MDM',
      reasons: ['OS out of date'],
    });

    expect((await signInOnDevice(h, tillA, { qr: worker.qr }, worker.pin)).res.status).toBe(200);
    const [log] = await queryRows(h, 'SELECT details FROM sign_in_logs ORDER BY rowid DESC LIMIT 1');
    expect(JSON.parse(String(log!.details)).deviceCompliance).toMatchObject({ state: 'noncompliant' });

    const refreshed = await readJson<DeviceAttestationResponse>(await refreshRequest(h, tillA));
    const claims = JSON.parse(
      Buffer.from(refreshed.attestation.split('.')[1]!, 'base64url').toString('utf8'),
    );
    expect(claims.compliance).toMatchObject({ state: 'noncompliant' });
    expect(refreshed.device.compliance.state).toBe('noncompliant');

    const audit = await queryRows(h, 'SELECT 1 FROM audit_logs WHERE activity = ? AND target_id = ?', [
      'device.complianceReported',
      tillA.id,
    ]);
    expect(audit).toHaveLength(1);

    await h.request('POST', `/api/admin/devices/${tillA.id}/compliance`, {
      body: { compliant: true, source: 'Example MDM' },
    });
    expect((await list(`groupId=${storeA}`)).value.find((d) => d.id === tillA.id)!.compliance.state).toBe(
      'compliant',
    );
  });

  test('only admins may report (a manager → 403)', async () => {
    const res = await asManager('POST', `/api/admin/devices/${tillA.id}/compliance`, {
      compliant: false,
      source: 'Me',
    });
    expect(res.status).toBe(403);
  });
});
