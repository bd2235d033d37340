/** The devices page's actions: suspend and revoke only after "Are you sure?", refusals in words. */
import { describe, expect, test } from 'vitest';
import type { ApiResult } from '../../src/lib/api/client';
import { DeviceActions } from '../../src/lib/admin/device-actions.svelte';
import type { DeviceChanges } from '../../src/lib/admin/device-list';
import { complianceStatus, deviceStatus } from '../../src/lib/admin/device-list';
import { devicesText } from '../../src/lib/admin/devices-text';
import { devicesText as spanish } from '../../src/lib/admin/i18n/es/devices-text';
import type { AdminDeviceView } from '../../server/contracts/devices';

const till = {
  id: 'd-1',
  displayName: 'Front till',
  status: 'active',
  group: { id: 'g-1', displayName: 'Harbour' },
  compliance: { state: 'compliant', reasons: [] },
} as unknown as AdminDeviceView;

function harness(answer: (changes: DeviceChanges | 'revoke') => ApiResult<AdminDeviceView>) {
  const writes: (DeviceChanges | 'revoke')[] = [];
  const notices: string[] = [];
  let refreshed = 0;
  const actions = new DeviceActions({
    writes: {
      update: async (_id, changes) => (writes.push(changes), answer(changes)),
      revoke: async () => (writes.push('revoke'), answer('revoke')),
    },
    reauth: (write) => write(),
    refresh: async () => void refreshed++,
    notify: (text) => void notices.push(text),
    words: () => devicesText,
  });
  return { actions, writes, notices, refreshed: () => refreshed };
}

const ok = (data: Partial<AdminDeviceView> = {}): ApiResult<AdminDeviceView> => ({
  ok: true,
  status: 200,
  data: { ...till, ...data },
});

describe('suspend and revoke', () => {
  test('nothing is written until the confirmation is accepted; then the list is read again', async () => {
    const h = harness(() => ok({ status: 'suspended' }));
    h.actions.ask('suspend', till);
    expect(h.writes).toEqual([]);
    expect(h.actions.confirming?.device.displayName).toBe('Front till');
    await h.actions.confirm();
    expect(h.writes).toEqual([{ status: 'suspended' }]);
    expect(h.actions.confirming).toBeNull();
    expect(h.notices).toEqual([devicesText.suspended('Front till')]);
    expect(h.refreshed()).toBe(1);
  });

  test('cancel writes nothing', () => {
    const h = harness(() => ok());
    h.actions.ask('revoke', till);
    h.actions.cancel();
    expect(h.actions.confirming).toBeNull();
    expect(h.writes).toEqual([]);
  });

  test('a refusal stays in the confirmation, in the server’s words', async () => {
    const h = harness(() => ({
      ok: false,
      status: 403,
      error: { code: 'FORBIDDEN', message: 'You can only change kiosks of your own stores.' },
    }));
    h.actions.ask('revoke', till);
    await h.actions.confirm();
    expect(h.writes).toEqual(['revoke']);
    expect(h.actions.confirming).not.toBeNull();
    expect(h.actions.confirmError).toBe('You can only change kiosks of your own stores.');
    expect(h.refreshed()).toBe(0);
  });

  test('resume needs no confirmation', async () => {
    const h = harness(() => ok());
    await h.actions.resume({ ...till, status: 'suspended' });
    expect(h.writes).toEqual([{ status: 'active' }]);
    expect(h.notices).toEqual([devicesText.resumed('Front till')]);
  });
});

describe('editing', () => {
  test('only what changed is sent; an empty name is refused before asking the server', async () => {
    const h = harness((changes) => ok(changes === 'revoke' ? {} : { displayName: changes.displayName }));
    h.actions.startEdit(till);
    h.actions.editName = '  ';
    await h.actions.saveEdit();
    expect(h.actions.editErrors.displayName).toBe(devicesText.nameRequired);
    expect(h.writes).toEqual([]);
    h.actions.editName = 'Back office till ';
    await h.actions.saveEdit();
    expect(h.writes).toEqual([{ displayName: 'Back office till' }]);
    expect(h.actions.editing).toBeNull();
    expect(h.notices).toEqual([devicesText.saved('Back office till')]);
  });

  test('unchanged closes without writing; a field refusal lands under its field', async () => {
    const h = harness(() => ({
      ok: false,
      status: 400,
      error: {
        code: 'VALIDATION_FAILED',
        field: 'displayName',
        message: 'displayName: Use at most 80 characters.',
      },
    }));
    h.actions.startEdit(till);
    await h.actions.saveEdit();
    expect(h.writes).toEqual([]);
    expect(h.actions.editing).toBeNull();
    h.actions.startEdit(till);
    h.actions.editName = 'x'.repeat(81);
    await h.actions.saveEdit();
    expect(h.actions.editErrors).toEqual({ displayName: 'Use at most 80 characters.' });
  });
});

test('states and compliance as badge words in either language', () => {
  expect(deviceStatus({ status: 'suspended' }, spanish)).toEqual({ tone: 'warning', label: 'Suspendido' });
  expect(
    complianceStatus(
      { compliance: { state: 'noncompliant', reasons: ['Screen lock off'] } } as never,
      devicesText,
    ),
  ).toEqual({ tone: 'danger', label: 'Not compliant', title: 'Screen lock off' });
});
