/**
 * A store's default kiosk language (`kioskLanguage` on /api/admin/groups): one of the kiosk's
 * languages or none, refused otherwise, and sent to the store's kiosks with their device view
 * (`storeLanguage`) at enrolment and at each attestation refresh.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { GroupView } from '../../server/contracts/directory.js';
import type { DeviceAttestationResponse } from '../../server/contracts/devices.js';
import { KIOSK_LANGUAGES } from '../../server/domain/kiosk-languages.js';
import { queryRows, readError, readJson, startHarness, type Harness } from '../support/api-harness.js';
import { enrolDevice, refreshRequest } from '../support/device.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

async function create(body: Record<string, unknown>): Promise<GroupView> {
  const res = await h.request('POST', '/api/admin/groups', { body });
  expect(res.status, await res.clone().text()).toBe(201);
  return readJson<GroupView>(res);
}

const patch = (id: string, body: Record<string, unknown>) =>
  h.request('PATCH', `/api/admin/groups/${id}`, { body });

describe('a store’s kiosk language', () => {
  test('is set at creation and shown by GET and in the list', async () => {
    const store = await create({ displayName: 'Sevilla Centro', kioskLanguage: 'es' });
    expect(store.kioskLanguage).toBe('es');
    const one = await h.request('GET', `/api/admin/groups/${store.id}`);
    expect((await readJson<GroupView>(one)).kioskLanguage).toBe('es');
    const list = await h.request('GET', '/api/admin/groups?search=Sevilla');
    expect((await readJson<{ value: GroupView[] }>(list)).value).toEqual([store]);
  });

  test('is changed and cleared by PATCH, each change audited, other fields kept', async () => {
    const store = await create({ displayName: 'Porto Norte', timeZone: 'Europe/Lisbon' });
    expect(store.kioskLanguage).toBeNull();
    const set = await patch(store.id, { kioskLanguage: 'es' });
    expect(set.status).toBe(200);
    expect(await readJson(set)).toEqual({ ...store, kioskLanguage: 'es' });
    const renamed = await patch(store.id, { displayName: 'Porto Norte 2' });
    expect((await readJson<GroupView>(renamed)).kioskLanguage).toBe('es');
    const cleared = await patch(store.id, { kioskLanguage: null });
    expect(await readJson(cleared)).toEqual({ ...store, displayName: 'Porto Norte 2', kioskLanguage: null });
    const audit = await queryRows(
      h,
      "SELECT details FROM audit_logs WHERE activity = 'group.updated' AND target_id = ? ORDER BY activity_at",
      [store.id],
    );
    expect(audit.map((row) => JSON.parse(String(row.details)).after.kioskLanguage)).toEqual([
      'es',
      'es',
      null,
    ]);
  });

  test('every language the kiosk speaks is accepted', async () => {
    for (const language of KIOSK_LANGUAGES) {
      expect(
        (await create({ displayName: `Store in ${language}`, kioskLanguage: language })).kioskLanguage,
      ).toBe(language);
    }
  });

  test.each([['fr'], ['ES'], ['es-MX'], [''], [1], [true]])(
    '%j is refused → 400 VALIDATION_FAILED naming kioskLanguage, on POST and PATCH, and nothing changes',
    async (kioskLanguage) => {
      const created = await h.request('POST', '/api/admin/groups', {
        body: { displayName: 'Refused', kioskLanguage },
      });
      expect(created.status).toBe(400);
      expect((await readError(created)).error).toMatchObject({
        code: 'VALIDATION_FAILED',
        field: 'kioskLanguage',
      });

      const store = await create({ displayName: 'Kept', kioskLanguage: 'es' });
      const patched = await patch(store.id, { kioskLanguage });
      expect(patched.status).toBe(400);
      expect((await readError(patched)).error).toMatchObject({
        code: 'VALIDATION_FAILED',
        field: 'kioskLanguage',
      });
      const after = await h.request('GET', `/api/admin/groups/${store.id}`);
      expect((await readJson<GroupView>(after)).kioskLanguage).toBe('es');
    },
  );
});

describe('what a kiosk of the store is told', () => {
  test('its device view carries the store’s language at enrolment, and a change with the next refresh', async () => {
    const store = await create({ displayName: 'Madrid Sol', kioskLanguage: 'es' });
    const device = await enrolDevice(h, { groupId: store.id });
    expect(device.enrolment.device.storeLanguage).toBe('es');

    await patch(store.id, { kioskLanguage: 'en' });
    const refreshed = await refreshRequest(h, device);
    expect(refreshed.status).toBe(200);
    expect((await readJson<DeviceAttestationResponse>(refreshed)).device.storeLanguage).toBe('en');

    await patch(store.id, { kioskLanguage: null });
    const again = await refreshRequest(h, device);
    expect((await readJson<DeviceAttestationResponse>(again)).device.storeLanguage).toBeNull();
  });
});
