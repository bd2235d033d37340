/**
 * The logs name what they mention (people, devices, stores, tokens) beside the ids, and every badge +
 * PIN check is in the sign-in log: a manager's check at the kiosk exit too, right or wrong, with the device.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { AuditLogView, SignInLogView } from '../../server/contracts/logs.js';
import type { Page } from '../../server/contracts/pagination.js';
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
let store: { id: string; displayName: string };
let manager: Worker;
let worker: Worker;

const exit = async (device: EnrolledDevice, person: Worker, pin: string) =>
  h.request('POST', '/api/devices/exit-kiosk', {
    body: {
      qr: person.qr,
      pin,
      action: 'suspend',
      device: await deviceBinding(h, device, { url: '/api/devices/exit-kiosk' }),
    },
    token: null,
  });

const signInsOf = async (query: Record<string, string>) =>
  (
    await readJson<Page<SignInLogView>>(
      await h.request('GET', `/api/admin/sign-in-logs?${new URLSearchParams(query).toString()}`),
    )
  ).value;

const auditsOf = async (query: Record<string, string>) =>
  (
    await readJson<Page<AuditLogView>>(
      await h.request('GET', `/api/admin/audit-logs?${new URLSearchParams(query).toString()}`),
    )
  ).value;

const wrongPinOf = (person: Worker) => (person.pin === '90817263' ? '90817264' : '90817263');

beforeAll(async () => {
  h = await startHarness();
  store = await addGroup(h, 'Harbour Street');
  manager = await createWorker(h, {
    user: { role: 'manager', groupIds: [store.id], displayName: 'Maria Lopes' },
  });
  worker = await createWorker(h, { user: { groupIds: [store.id], displayName: 'Ana Silva' } });
});
afterAll(() => h.close());

describe("a manager's badge + PIN check at the kiosk exit", () => {
  test('a wrong PIN and then the right one each leave a row naming the manager and the device', async () => {
    const device = await enrolDevice(h, { groupId: store.id, displayName: 'Front till' });
    const wrong = await exit(device, manager, wrongPinOf(manager));
    expect((await readError(wrong)).error.code).toBe('PIN_INCORRECT');
    h.clock.advanceSeconds(1);
    expect((await exit(device, manager, manager.pin)).status).toBe(200);

    const rows = await signInsOf({ deviceId: device.id });
    expect(rows.map((r) => [r.result, r.failureCode])).toEqual([
      ['success', null],
      ['failure', 'PIN_INCORRECT'],
    ]);
    for (const row of rows) {
      expect(row).toMatchObject({
        userId: manager.user.id,
        userDisplayName: 'Maria Lopes',
        deviceId: device.id,
        deviceDisplayName: 'Front till',
        authMethod: 'qr_pin',
        details: { purpose: 'exitKiosk' },
      });
    }
  });

  test("a worker's right PIN is logged as FORBIDDEN, with the device", async () => {
    const device = await enrolDevice(h, { groupId: store.id, displayName: 'Back office' });
    expect((await readError(await exit(device, worker, worker.pin))).error.code).toBe('FORBIDDEN');
    const [row] = await signInsOf({ deviceId: device.id });
    expect(row).toMatchObject({
      result: 'failure',
      failureCode: 'FORBIDDEN',
      userDisplayName: 'Ana Silva',
      deviceDisplayName: 'Back office',
      details: { purpose: 'exitKiosk', reason: 'not_manager_of_device' },
    });
  });

  test("the right PIN at the exit is one row, not counted against the manager's badge", async () => {
    const device = await enrolDevice(h, { groupId: store.id, displayName: 'Till 3' });
    const before = await queryRows(h, 'SELECT count(*) AS n FROM sign_in_logs WHERE device_id = ?', [
      device.id,
    ]);
    expect((await exit(device, manager, manager.pin)).status).toBe(200);
    const after = await queryRows(h, 'SELECT count(*) AS n FROM sign_in_logs WHERE device_id = ?', [
      device.id,
    ]);
    expect(Number(after[0]!.n) - Number(before[0]!.n)).toBe(1);
    const [method] = await queryRows(h, 'SELECT consecutive_failures FROM qr_pin_methods WHERE user_id = ?', [
      manager.user.id,
    ]);
    expect(method!.consecutive_failures).toBe(0);
  });
});

describe('names beside ids', () => {
  test("a worker's sign-in on a kiosk names the device", async () => {
    const device = await enrolDevice(h, { groupId: store.id, displayName: 'Stock room' });
    const signIn = await signInOnDevice(h, device, { qr: worker.qr }, worker.pin);
    expect(signIn.res.status).toBe(200);
    const [row] = await signInsOf({ deviceId: device.id });
    expect(row).toMatchObject({
      result: 'success',
      deviceDisplayName: 'Stock room',
      userDisplayName: 'Ana Silva',
    });
  });

  test('the audit entry of a kiosk suspended at the kiosk names the manager and the device', async () => {
    const device = await enrolDevice(h, { groupId: store.id, displayName: 'Door phone' });
    expect((await exit(device, manager, manager.pin)).status).toBe(200);
    const entries = await auditsOf({ userId: manager.user.id });
    const entry = entries.find((e) => e.activity === 'device.suspendedAtKiosk' && e.targetId === device.id);
    expect(entry).toMatchObject({
      actorType: 'user',
      actorId: manager.user.id,
      actorDisplayName: 'Maria Lopes',
      targetType: 'device',
      targetDisplayName: 'Door phone',
    });
  });

  test('an API token acting is named by the token, a store by its name, a deleted person by nothing', async () => {
    const gone = await createWorker(h, { user: { displayName: 'Leaving Soon' } });
    const renamed = await h.request('PATCH', `/api/admin/groups/${store.id}`, {
      body: { displayName: 'Harbour Street East' },
    });
    expect(renamed.status).toBe(200);
    expect((await h.request('DELETE', `/api/admin/users/${gone.user.id}`)).status).toBe(204);
    const entries = await auditsOf({});
    const storeChange = entries.find((e) => e.activity === 'group.updated' && e.targetId === store.id);
    expect(storeChange).toMatchObject({ actorType: 'api_token', targetDisplayName: 'Harbour Street East' });
    expect(storeChange!.actorDisplayName).toEqual(expect.any(String));
    const deleted = entries.find((e) => e.activity === 'user.deleted' && e.targetId === gone.user.id);
    expect(deleted).toMatchObject({
      targetDisplayName: null,
      details: { before: { displayName: 'Leaving Soon' } },
    });
  });

  test('the system, as actor, has no name; its entries still list', async () => {
    const entries = await auditsOf({});
    for (const entry of entries.filter((e) => e.actorType === 'system')) {
      expect(entry.actorDisplayName).toBeNull();
    }
  });
});
