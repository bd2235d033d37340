/**
 * /api/admin/conditional-access: policies, named locations, templates and what-if as an admin uses
 * them — the answers, the refusals (with the field and words a person understands), who may use
 * them, re-authentication and the audit trail.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type {
  NamedLocationView,
  PolicyTemplateView,
  PolicyView,
  WhatIfResult,
} from '../../server/contracts/conditional-access.js';
import {
  addGroup,
  createUser,
  queryRows,
  readError,
  readJson,
  signedInAdmin,
  signedInUser,
  startHarness,
  type Harness,
} from '../support/api-harness.js';

let h: Harness;
let storeId: string;

beforeAll(async () => {
  h = await startHarness();
  storeId = (await addGroup(h, 'Lisbon store')).id;
});
afterAll(() => h.close());

const CA = '/api/admin/conditional-access';
let nameCounter = 0;
const uniqueName = (prefix: string) => `${prefix} ${++nameCounter}`;

async function createLocation(body: Record<string, unknown> = {}): Promise<NamedLocationView> {
  const res = await h.request('POST', `${CA}/named-locations`, {
    body: { displayName: uniqueName('Network'), cidrs: ['192.0.2.0/24'], groupId: storeId, ...body },
  });
  expect(res.status, await res.clone().text()).toBe(201);
  return readJson<NamedLocationView>(res);
}

async function createPolicy(body: Record<string, unknown> = {}): Promise<PolicyView> {
  const res = await h.request('POST', `${CA}/policies`, {
    body: {
      displayName: uniqueName('Policy'),
      state: 'reportOnly',
      grant: 'block',
      conditions: { roles: { include: ['worker'] } },
      ...body,
    },
  });
  expect(res.status, await res.clone().text()).toBe(201);
  return readJson<PolicyView>(res);
}

async function expectRefusal(res: Response, status: number, code: string, field?: string) {
  expect(res.status).toBe(status);
  const { error } = await readError(res);
  expect(error.code).toBe(code);
  if (field) expect(error.field).toBe(field);
  return error;
}

describe('policies', () => {
  test('create, read, list, change and delete, each change audited with before and after', async () => {
    const location = await createLocation();
    const created = await createPolicy({
      displayName: 'Workers at their store',
      state: 'reportOnly',
      grant: 'allow',
      conditions: {
        roles: { include: ['worker'] },
        groups: { include: [storeId] },
        deviceStates: ['enrolled', 'compliant'],
        locations: { include: [location.id] },
        timeWindows: [{ days: ['mon', 'tue'], start: '06:00', end: '22:00', timeZone: 'europe/lisbon' }],
        signInMethods: ['qrPin'],
      },
    });
    expect(created).toMatchObject({
      displayName: 'Workers at their store',
      state: 'reportOnly',
      grant: 'allow',
      conditions: {
        timeWindows: [{ days: ['mon', 'tue'], start: '06:00', end: '22:00', timeZone: 'Europe/Lisbon' }],
      },
    });

    const read = await h.request('GET', `${CA}/policies/${created.id}`);
    expect(await readJson(read)).toEqual(created);
    const list = await readJson<{ value: PolicyView[] }>(await h.request('GET', `${CA}/policies`));
    expect(list.value.map((p) => p.id)).toContain(created.id);

    const patched = await h.request('PATCH', `${CA}/policies/${created.id}`, { body: { state: 'enabled' } });
    expect(patched.status).toBe(200);
    expect(await readJson<PolicyView>(patched)).toMatchObject({ state: 'enabled', grant: 'allow' });

    const deleted = await h.request('DELETE', `${CA}/policies/${created.id}`);
    expect(deleted.status).toBe(204);
    expect((await h.request('GET', `${CA}/policies/${created.id}`)).status).toBe(404);

    const audits = await queryRows(
      h,
      'SELECT activity, details FROM audit_logs WHERE target_id = ? ORDER BY activity_at, rowid',
      [created.id],
    );
    expect(audits.map((a) => a.activity)).toEqual([
      'conditionalAccess.policy.created',
      'conditionalAccess.policy.updated',
      'conditionalAccess.policy.deleted',
    ]);
    const update = JSON.parse(String(audits[1]!.details)) as { before: PolicyView; after: PolicyView };
    expect([update.before.state, update.after.state]).toEqual(['reportOnly', 'enabled']);
  });

  test('a second policy with the same name → 409 NAME_ALREADY_EXISTS on displayName', async () => {
    const first = await createPolicy();
    const again = await h.request('POST', `${CA}/policies`, {
      body: { displayName: first.displayName, state: 'disabled', grant: 'allow', conditions: {} },
    });
    const error = await expectRefusal(again, 409, 'NAME_ALREADY_EXISTS', 'displayName');
    expect(error.message).toContain(`'${first.displayName}' already exists`);
    const other = await createPolicy();
    const rename = await h.request('PATCH', `${CA}/policies/${other.id}`, {
      body: { displayName: first.displayName },
    });
    await expectRefusal(rename, 409, 'NAME_ALREADY_EXISTS', 'displayName');
  });

  test.each([
    [
      'a start time that is not a time',
      { timeWindows: [{ days: ['mon'], start: '25:00', end: '06:00' }] },
      'conditions.timeWindows.0.start',
      'must be a time from 00:00 to 23:59',
    ],
    [
      'an end time past midnight',
      { timeWindows: [{ days: ['mon'], start: '22:00', end: '24:30' }] },
      'conditions.timeWindows.0.end',
      'must be a time from 00:00 to 24:00',
    ],
    [
      'a time window without days',
      { timeWindows: [{ days: [], start: '22:00', end: '06:00' }] },
      'conditions.timeWindows.0.days',
      'pick at least one day',
    ],
    [
      'an unknown time zone',
      { timeWindows: [{ days: ['mon'], start: '22:00', end: '06:00', timeZone: 'Mars/Olympus' }] },
      'conditions.timeWindows.0.timeZone',
      'must be an IANA time zone name such as Europe/Lisbon',
    ],
    [
      'a store that does not exist',
      { groups: { include: ['no-such-store'] } },
      'conditions.groups.include',
      'A store in “Stores included” no longer exists.',
    ],
    [
      'a person who does not exist',
      { users: { include: 'all', exclude: ['no-such-person'] } },
      'conditions.users.exclude',
      'A person in “People left out” no longer exists (no-such-person).',
    ],
    [
      'a named location that does not exist',
      { locations: { include: 'any', exclude: ['no-such-location'] } },
      'conditions.locations.exclude',
      'A named location in “Locations left out” no longer exists (no-such-location).',
    ],
    ['an unknown role', { roles: { include: ['owner'] } }, 'conditions.roles.include', undefined],
    ['an unknown condition', { weather: 'sunny' }, 'conditions.weather', 'does not take “weather”'],
  ])('%s → 400 naming the field', async (_name, conditions, field, words) => {
    const res = await h.request('POST', `${CA}/policies`, {
      body: { displayName: uniqueName('Bad'), state: 'enabled', grant: 'block', conditions },
    });
    const error = await expectRefusal(res, 400, 'VALIDATION_FAILED', field);
    if (words) expect(error.message).toContain(words);
  });

  test('a PATCH naming a missing location is refused and changes nothing', async () => {
    const policy = await createPolicy();
    const res = await h.request('PATCH', `${CA}/policies/${policy.id}`, {
      body: { conditions: { locations: { include: ['gone'] } } },
    });
    await expectRefusal(res, 400, 'VALIDATION_FAILED', 'conditions.locations.include');
    expect(await readJson(await h.request('GET', `${CA}/policies/${policy.id}`))).toEqual(policy);
  });

  test('templates come ready to POST, and start report-only', async () => {
    const res = await h.request('GET', `${CA}/templates`);
    expect(res.status).toBe(200);
    const { value } = await readJson<{ value: PolicyTemplateView[] }>(res);
    expect(value.map((t) => t.id)).toContain('workers-enrolled-devices-own-store');
    for (const template of value) {
      expect(template.description.length).toBeGreaterThan(20);
      expect(template.policy.state).toBe('reportOnly');
      const created = await h.request('POST', `${CA}/policies`, { body: template.policy });
      expect(created.status, template.id).toBe(201);
      const view = await readJson<PolicyView>(created);
      await h.request('DELETE', `${CA}/policies/${view.id}`);
    }
  });

  test('a store a policy names cannot be deleted', async () => {
    const store = await addGroup(h);
    const policy = await createPolicy({ conditions: { groups: { include: [store.id] } } });
    const res = await h.request('DELETE', `/api/admin/groups/${store.id}`);
    const error = await expectRefusal(res, 409, 'GROUP_IN_USE');
    expect(error.message).toContain(policy.displayName);
    await h.request('DELETE', `${CA}/policies/${policy.id}`);
    expect((await h.request('DELETE', `/api/admin/groups/${store.id}`)).status).toBe(204);
  });
});

describe('named locations', () => {
  test('create, read, change and delete; CIDRs kept as written (trimmed)', async () => {
    const created = await createLocation({ cidrs: [' 198.51.100.0/24 ', '2001:db8::/32'] });
    expect(created).toMatchObject({ cidrs: ['198.51.100.0/24', '2001:db8::/32'], groupId: storeId });
    const patched = await h.request('PATCH', `${CA}/named-locations/${created.id}`, {
      body: { groupId: null, cidrs: ['198.51.100.7'] },
    });
    expect(await readJson(patched)).toMatchObject({ groupId: null, cidrs: ['198.51.100.7'] });
    const list = await readJson<{ value: NamedLocationView[] }>(
      await h.request('GET', `${CA}/named-locations`),
    );
    expect(list.value.map((l) => l.id)).toContain(created.id);
    expect((await h.request('DELETE', `${CA}/named-locations/${created.id}`)).status).toBe(204);
    expect((await h.request('GET', `${CA}/named-locations/${created.id}`)).status).toBe(404);
  });

  test.each([
    [['10.0.0.0/8', '10.0.0.1/8'], 'cidrs.1', "'10.0.0.1/8' has host bits set"],
    [['2001:db8::1/32'], 'cidrs.0', "'2001:db8::1/32' has host bits set"],
    [['10.0.0.0/33'], 'cidrs.0', "the prefix after '/' must be a whole number from 0 to 32"],
    [['store wifi'], 'cidrs.0', "'store wifi' is not an IPv4 or IPv6 address"],
    [[], 'cidrs', 'list at least one address range'],
  ])('%j → 400 on %s', async (cidrs, field, words) => {
    const res = await h.request('POST', `${CA}/named-locations`, {
      body: { displayName: uniqueName('Bad network'), cidrs },
    });
    const error = await expectRefusal(res, 400, 'VALIDATION_FAILED', field);
    expect(error.message).toContain(words);
  });

  test('an unknown store → 400 on groupId; a duplicate name → 409', async () => {
    const bad = await h.request('POST', `${CA}/named-locations`, {
      body: { displayName: uniqueName('Net'), cidrs: ['192.0.2.0/24'], groupId: 'no-such-store' },
    });
    await expectRefusal(bad, 400, 'VALIDATION_FAILED', 'groupId');
    const first = await createLocation();
    const dup = await h.request('POST', `${CA}/named-locations`, {
      body: { displayName: first.displayName, cidrs: ['192.0.2.0/24'] },
    });
    await expectRefusal(dup, 409, 'NAME_ALREADY_EXISTS', 'displayName');
  });

  test('a location a policy names cannot be deleted (409 naming the policy)', async () => {
    const location = await createLocation();
    const policy = await createPolicy({
      conditions: { locations: { include: 'any', exclude: [location.id] } },
    });
    const res = await h.request('DELETE', `${CA}/named-locations/${location.id}`);
    const error = await expectRefusal(res, 409, 'NAMED_LOCATION_IN_USE');
    expect(error.message).toContain(`'${policy.displayName}'`);
    await h.request('DELETE', `${CA}/policies/${policy.id}`);
    expect((await h.request('DELETE', `${CA}/named-locations/${location.id}`)).status).toBe(204);
  });
});

describe('who may', () => {
  test.each(['manager', 'admin'] as const)('a %s on a kiosk session → 403 on every route', async (role) => {
    const { cookie } = await signedInUser(h, { role });
    for (const [method, path] of [
      ['GET', `${CA}/policies`],
      ['POST', `${CA}/policies`],
      ['GET', `${CA}/templates`],
      ['GET', `${CA}/named-locations`],
      ['POST', `${CA}/what-if`],
    ] as const) {
      const res = await h.request(method, path, {
        token: null,
        cookie,
        body: method === 'POST' ? {} : undefined,
      });
      expect(res.status, `${method} ${path}`).toBe(403);
    }
  });

  test('a console admin must have re-authenticated within 5 minutes to change policies or locations', async () => {
    const { cookie } = await signedInAdmin(h);
    const policy = await createPolicy();
    h.clock.advanceSeconds(301);
    const asConsole = { token: null, cookie };
    for (const [method, path, body] of [
      ['POST', `${CA}/policies`, { displayName: 'x', state: 'disabled', grant: 'allow', conditions: {} }],
      ['PATCH', `${CA}/policies/${policy.id}`, { state: 'enabled' }],
      ['DELETE', `${CA}/policies/${policy.id}`, undefined],
      ['POST', `${CA}/named-locations`, { displayName: 'y', cidrs: ['192.0.2.0/24'] }],
    ] as const) {
      const res = await h.request(method, path, { ...asConsole, body });
      expect(res.status, `${method} ${path}`).toBe(401);
      expect((await readError(res)).error.code).toBe('REAUTHENTICATION_REQUIRED');
    }
    // Reading and trying a what-if change nothing and need no re-authentication.
    expect((await h.request('GET', `${CA}/policies`, asConsole)).status).toBe(200);
    expect((await h.request('GET', `${CA}/policies/${policy.id}`, asConsole)).status).toBe(200);

    const fresh = await signedInAdmin(h);
    const res = await h.request('PATCH', `${CA}/policies/${policy.id}`, {
      token: null,
      cookie: fresh.cookie,
      body: { state: 'disabled' },
    });
    expect(res.status).toBe(200);
  });
});

describe('what-if input', () => {
  test.each([
    [{ userId: 'nobody', device: null, method: 'qrPin' }, 'userId'],
    [{ device: null, method: 'qrPin' }, 'userId'],
    [{ userId: 'x', device: null, method: 'qrPin', ipAddress: '10.0.0.256' }, 'ipAddress'],
    [{ userId: 'x', device: null, method: 'sms' }, 'method'],
    [{ userId: 'x', device: null, method: 'qrPin', dateTime: 'tomorrow' }, 'dateTime'],
  ])('%j → 400 on %s', async (body, field) => {
    const res = await h.request('POST', `${CA}/what-if`, { body });
    await expectRefusal(res, 400, 'VALIDATION_FAILED', field);
  });

  test('an unknown device → 400 on device.deviceId', async () => {
    const user = await createUser(h);
    const res = await h.request('POST', `${CA}/what-if`, {
      body: { userId: user.id, device: { deviceId: 'no-such-device' }, method: 'qrPin' },
    });
    await expectRefusal(res, 400, 'VALIDATION_FAILED', 'device.deviceId');
  });

  test('says what it assumed; report-only policies do not change the decision, the address in canonical form', async () => {
    const user = await createUser(h, { groupIds: [storeId] });
    const res = await h.request('POST', `${CA}/what-if`, {
      body: {
        userId: user.id,
        device: null,
        method: 'qrPin',
        ipAddress: '::ffff:192.0.2.9',
        dateTime: '2026-06-01T08:00:00Z',
      },
    });
    expect(res.status).toBe(200);
    const result = await readJson<WhatIfResult>(res);
    expect(result.decision).toBe('allow');
    expect(result.context).toMatchObject({
      clientAddress: '192.0.2.9',
      dateTime: '2026-06-01T08:00:00.000Z',
      timeZoneSource: 'none',
      device: null,
      method: 'qrPin',
    });
  });
});
