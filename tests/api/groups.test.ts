/** /api/admin/groups: groups (stores) with an optional IANA time zone, admins only. */
import type { Page as ContractPage } from '../../server/contracts/pagination.js';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { GroupView } from '../../server/contracts/directory.js';
import type { UserView } from '../../server/contracts/schemas.js';
import {
  createUser,
  queryRows,
  readError,
  readJson,
  signedInUser,
  startHarness,
  type Harness,
  type RequestOptions,
} from '../support/api-harness.js';

type Page = ContractPage<GroupView>;

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  await h.request('PATCH', '/api/admin/policies/qr-code-pin', { body: { state: 'enabled' } });
});
afterAll(() => h.close());

async function create(body: Record<string, unknown>): Promise<GroupView> {
  const res = await h.request('POST', '/api/admin/groups', { body });
  expect(res.status, await res.clone().text()).toBe(201);
  return readJson<GroupView>(res);
}

const list = (query: Record<string, string | number>, options: RequestOptions = {}) =>
  h.request(
    'GET',
    `/api/admin/groups?${new URLSearchParams(Object.entries(query).map(([k, v]) => [k, String(v)]))}`,
    options,
  );

async function walk(query: Record<string, string | number>) {
  const sizes: number[] = [];
  const ids: string[] = [];
  let cursor: string | undefined;
  for (let guard = 0; guard < 1000; guard++) {
    const res = await list(cursor ? { ...query, cursor } : query);
    expect(res.status).toBe(200);
    const page = await readJson<Page>(res);
    sizes.push(page.value.length);
    ids.push(...page.value.map((g) => g.id));
    if (page.nextCursor === null) return { sizes, ids };
    cursor = page.nextCursor;
  }
  throw new Error('walk: the listing never ended');
}

const setPolicyTargets = (includeTargets: { id: string }[], excludeTargets: { id: string }[]) =>
  h.request('PATCH', '/api/admin/policies/qr-code-pin', { body: { includeTargets, excludeTargets } });

describe('POST and GET', () => {
  test('a new group has an id, its name, no time zone, no kiosk language and its creation time', async () => {
    const group = await create({ displayName: 'Lisbon Baixa' });
    expect(group).toEqual({
      id: expect.any(String),
      displayName: 'Lisbon Baixa',
      timeZone: null,
      kioskLanguage: null,
      createdDateTime: h.clock.now().toISOString(),
    });
    const res = await h.request('GET', `/api/admin/groups/${group.id}`);
    expect(res.status).toBe(200);
    expect(await readJson(res)).toEqual(group);
  });

  test.each([
    ['Europe/Lisbon', 'Europe/Lisbon'],
    ['america/new_york', 'America/New_York'],
    ['UTC', 'UTC'],
    ['Etc/GMT+5', 'Etc/GMT+5'],
  ])('time zone %j is stored as %j', async (timeZone, stored) => {
    expect((await create({ displayName: 'Zoned', timeZone })).timeZone).toBe(stored);
  });

  test.each([
    [{ timeZone: 'Mars/Olympus_Mons' }, 'timeZone'],
    [{ timeZone: '+01:00' }, 'timeZone'],
    [{ timeZone: 'Europe/../etc' }, 'timeZone'],
    [{ timeZone: '' }, 'timeZone'],
    [{ timeZone: 1 }, 'timeZone'],
    [{ displayName: '   ' }, 'displayName'],
    [{ displayName: 'x'.repeat(257) }, 'displayName'],
    [{ displayName: 'Ok', id: 'chosen-id' }, 'id'],
  ])('%j → 400 VALIDATION_FAILED naming %s', async (body, field) => {
    const res = await h.request('POST', '/api/admin/groups', { body: { displayName: 'Store', ...body } });
    expect(res.status).toBe(400);
    expect((await readError(res)).error).toMatchObject({ code: 'VALIDATION_FAILED', field });
  });

  test('an unknown id is 404 NOT_FOUND', async () => {
    const res = await h.request('GET', '/api/admin/groups/no-such-group');
    expect(res.status).toBe(404);
    expect((await readError(res)).error.code).toBe('NOT_FOUND');
  });

  test('creation is audited', async () => {
    const group = await create({ displayName: 'Audited', timeZone: 'Europe/Paris' });
    const rows = await queryRows(
      h,
      'SELECT activity, target_type, details FROM audit_logs WHERE target_id = ?',
      [group.id],
    );
    expect(rows).toEqual([
      { activity: 'group.created', target_type: 'group', details: JSON.stringify({ after: group }) },
    ]);
  });
});

describe('PATCH', () => {
  test('renames, sets and clears the time zone; only sent fields change; audited before and after', async () => {
    const group = await create({ displayName: 'Old name', timeZone: 'Europe/Berlin' });
    const renamed = await h.request('PATCH', `/api/admin/groups/${group.id}`, {
      body: { displayName: 'New name' },
    });
    expect(await readJson(renamed)).toEqual({ ...group, displayName: 'New name' });
    const cleared = await h.request('PATCH', `/api/admin/groups/${group.id}`, { body: { timeZone: null } });
    expect(await readJson(cleared)).toEqual({ ...group, displayName: 'New name', timeZone: null });
    const rows = await queryRows(
      h,
      "SELECT details FROM audit_logs WHERE target_id = ? AND activity = 'group.updated' ORDER BY rowid",
      [group.id],
    );
    expect(rows.map((r) => JSON.parse(String(r.details)))).toEqual([
      { before: group, after: { ...group, displayName: 'New name' } },
      {
        before: { ...group, displayName: 'New name' },
        after: { ...group, displayName: 'New name', timeZone: null },
      },
    ]);
  });

  test('an unknown id is 404; a bad time zone is 400 and changes nothing', async () => {
    expect(
      (await h.request('PATCH', '/api/admin/groups/no-such-group', { body: { displayName: 'X' } })).status,
    ).toBe(404);
    const group = await create({ displayName: 'Steady' });
    const res = await h.request('PATCH', `/api/admin/groups/${group.id}`, {
      body: { displayName: 'Not applied', timeZone: 'Nowhere/Land' },
    });
    expect(res.status).toBe(400);
    expect((await readError(res)).error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'timeZone' });
    expect(await readJson(await h.request('GET', `/api/admin/groups/${group.id}`))).toEqual(group);
  });
});

describe('GET list', () => {
  let paged: GroupView[];
  beforeAll(async () => {
    paged = [];
    const names = ['Paging store', 'paging Store', 'PAGING STORE b'];
    for (let i = 0; i < 60; i++) paged.push(await create({ displayName: `${names[i % 3]} ${i % 7}` }));
  });

  test('60 groups, limit 25: 25, 25 and 10, each once, in lower(displayName), id order', async () => {
    const { sizes, ids } = await walk({ search: 'paging', limit: 25 });
    expect(sizes).toEqual([25, 25, 10]);
    const lower = (s: string) => s.toLowerCase();
    const expected = [...paged].sort((a, b) =>
      lower(a.displayName) !== lower(b.displayName)
        ? lower(a.displayName) < lower(b.displayName)
          ? -1
          : 1
        : a.id < b.id
          ? -1
          : 1,
    );
    expect(ids).toEqual(expected.map((g) => g.id));
  });

  test('without a search the walk covers every group exactly once', async () => {
    const { ids } = await walk({ limit: 7 });
    const rows = await queryRows(h, 'SELECT id FROM groups ORDER BY lower(display_name), id');
    expect(ids).toEqual(rows.map((r) => r.id));
  });

  test('search is a case-insensitive prefix of displayName', async () => {
    const page = await readJson<Page>(await list({ search: 'PAGING STORE B', limit: 200 }));
    expect(page.value).toHaveLength(20);
    expect(page.value.every((g) => g.displayName.startsWith('PAGING STORE b'))).toBe(true);
    expect((await readJson<Page>(await list({ search: 'store' }))).value).toEqual([]);
  });

  test.each([
    ['limit=0', 'limit'],
    ['limit=201', 'limit'],
    ['limit=ten', 'limit'],
    ['cursor=***', 'cursor'],
    ['cursor=bm90LWpzb24', 'cursor'],
    ['sort=name', 'sort'],
  ])('?%s → 400 VALIDATION_FAILED naming %s', async (query, field) => {
    const res = await h.request('GET', `/api/admin/groups?${query}`);
    expect(res.status).toBe(400);
    expect((await readError(res)).error).toMatchObject({ code: 'VALIDATION_FAILED', field });
  });
});

describe('DELETE', () => {
  test('204; members leave the group; the group is gone; audited', async () => {
    const group = await create({ displayName: 'Closing store' });
    const keep = await create({ displayName: 'Other store' });
    const member = await createUser(h, { groupIds: [group.id, keep.id] });
    const res = await h.request('DELETE', `/api/admin/groups/${group.id}`);
    expect(res.status).toBe(204);
    expect((await h.request('GET', `/api/admin/groups/${group.id}`)).status).toBe(404);
    const user = await readJson<UserView>(await h.request('GET', `/api/admin/users/${member.id}`));
    expect(user.groupIds).toEqual([keep.id]);
    const [audit] = await queryRows(
      h,
      "SELECT details FROM audit_logs WHERE target_id = ? AND activity = 'group.deleted'",
      [group.id],
    );
    expect(JSON.parse(String(audit!.details))).toEqual({ before: group });
    expect((await h.request('DELETE', `/api/admin/groups/${group.id}`)).status).toBe(404);
  });

  test.each([
    ['includeTargets', (id: string) => setPolicyTargets([{ id }], [])],
    ['excludeTargets', (id: string) => setPolicyTargets([{ id: 'all_users' }], [{ id }])],
  ])('refused with 409 GROUP_IN_USE while the QR-code policy names it in %s', async (field, name) => {
    const group = await create({ displayName: 'Named by policy' });
    expect((await name(group.id)).status).toBe(200);
    const res = await h.request('DELETE', `/api/admin/groups/${group.id}`);
    expect(res.status).toBe(409);
    expect((await readError(res)).error).toMatchObject({ code: 'GROUP_IN_USE', fields: [field] });
    expect((await h.request('GET', `/api/admin/groups/${group.id}`)).status).toBe(200);

    expect((await setPolicyTargets([{ id: 'all_users' }], [])).status).toBe(200);
    expect((await h.request('DELETE', `/api/admin/groups/${group.id}`)).status).toBe(204);
  });
});

describe('access', () => {
  test('managers and workers get 403 on every group route', async () => {
    const group = await create({ displayName: 'Guarded' });
    const manager = await signedInUser(h, { role: 'manager', groupIds: [group.id] });
    const worker = await signedInUser(h, { groupIds: [group.id] });
    for (const cookie of [manager.cookie, worker.cookie]) {
      const as = { token: null, cookie };
      const calls = [
        h.request('GET', '/api/admin/groups', as),
        h.request('POST', '/api/admin/groups', { ...as, body: { displayName: 'Mine' } }),
        h.request('GET', `/api/admin/groups/${group.id}`, as),
        h.request('PATCH', `/api/admin/groups/${group.id}`, { ...as, body: { displayName: 'Mine' } }),
        h.request('DELETE', `/api/admin/groups/${group.id}`, as),
      ];
      for (const res of await Promise.all(calls)) {
        expect(res.status).toBe(403);
        expect((await readError(res)).error.code).toBe('FORBIDDEN');
      }
    }
    expect(await readJson(await h.request('GET', `/api/admin/groups/${group.id}`))).toEqual(group);
  });

  test('without credentials: 401', async () => {
    const res = await h.request('GET', '/api/admin/groups', { token: null });
    expect(res.status).toBe(401);
  });
});
