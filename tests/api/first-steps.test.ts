/** GET /api/admin/first-steps: what the console dashboard's first-steps checklist is computed from. */
import { afterEach, describe, expect, test } from 'vitest';
import type { FirstStepsView } from '../../server/features/setup/first-steps.js';
import {
  addGroup,
  createUser,
  createWorker,
  readError,
  readJson,
  signedInUser,
  startHarness,
  type Harness,
} from '../support/api-harness.js';
import { enrolDevice } from '../support/device.js';

const open: Harness[] = [];
afterEach(() => {
  for (const h of open.splice(0)) h.close();
});
async function start(methodPolicy: 'enabled' | 'default' = 'default'): Promise<Harness> {
  const h = await startHarness({}, { methodPolicy });
  open.push(h);
  return h;
}

async function firstSteps(h: Harness): Promise<FirstStepsView> {
  const res = await h.request('GET', '/api/admin/first-steps');
  expect(res.status).toBe(200);
  return readJson<FirstStepsView>(res);
}

describe('GET /api/admin/first-steps', () => {
  test('a new installation: QR sign-in switched off (for everyone, once on), nothing else yet', async () => {
    const h = await start();
    expect(await firstSteps(h)).toEqual({
      qrCodePinPolicy: { state: 'disabled', includeTargetCount: 1 },
      storeCount: 0,
      peopleCount: 0,
      badgedPeopleCount: 0,
      kioskCount: 0,
    });
  });

  test('counts follow what is done: policy switched on, stores, people (admins not counted), badges, kiosks', async () => {
    const h = await start();
    const patched = await h.request('PATCH', '/api/admin/policies/qr-code-pin', {
      body: { state: 'enabled', includeTargets: [{ id: 'all_users' }] },
    });
    expect(patched.status).toBe(200);
    const store = await addGroup(h);
    await addGroup(h);
    await createUser(h, { role: 'admin' });
    await createUser(h);
    await createWorker(h, { user: { groupIds: [store.id] } });
    await enrolDevice(h, { groupId: store.id });
    expect(await firstSteps(h)).toEqual({
      qrCodePinPolicy: { state: 'enabled', includeTargetCount: 1 },
      storeCount: 2,
      peopleCount: 2,
      badgedPeopleCount: 1,
      kioskCount: 1,
    });
  });

  test('expired badges and removed kiosks do not count', async () => {
    const h = await start();
    const store = await addGroup(h);
    await createWorker(h, { user: { groupIds: [store.id] } });
    const device = await enrolDevice(h, { groupId: store.id });
    const revoked = await h.request('POST', `/api/admin/devices/${device.id}/revoke`);
    expect(revoked.status, await revoked.clone().text()).toBe(200);
    h.clock.advanceSeconds(366 * 24 * 3600);
    expect(await firstSteps(h)).toMatchObject({ badgedPeopleCount: 0, kioskCount: 0 });
  });

  test('admins only: a manager session is refused', async () => {
    const h = await start('enabled');
    const store = await addGroup(h);
    const manager = await signedInUser(h, { role: 'manager', groupIds: [store.id] });
    const res = await h.request('GET', '/api/admin/first-steps', { token: null, cookie: manager.cookie });
    expect(res.status).toBe(403);
    expect((await readError(res)).error.code).toBe('FORBIDDEN');
    const anonymous = await h.request('GET', '/api/admin/first-steps', { token: null });
    expect(anonymous.status).toBe(401);
  });
});
