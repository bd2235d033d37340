/**
 * /api/admin/users after creation: keyset pages, prefix search, group filter, manager scoping,
 * PATCH (incl. disabling), DELETE, and the rules that keep an enabled admin around.
 */
import { foldForSearch } from '../../server/domain/search-fold.js';
import type { Page as ContractPage } from '../../server/contracts/pagination.js';
import type { UserListItemView } from '../../server/contracts/people-list.js';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { UserView } from '../../server/contracts/schemas.js';
import type { UserListOptions } from '../../server/features/people/user-search-repository.js';
import {
  addGroup,
  createUser,
  createWorker,
  getSession,
  queryRows,
  readError,
  readJson,
  signIn,
  signedInAdmin,
  signedInUser,
  startHarness,
  type Harness,
  type RequestOptions,
} from '../support/api-harness.js';

type Page = ContractPage<UserView>;

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  const res = await h.request('PATCH', '/api/admin/policies/qr-code-pin', { body: { state: 'enabled' } });
  expect(res.status).toBe(200);
});
afterAll(() => h.close());

/** GET /api/admin/users?… with the query given as an object (undefined values are left out). */
async function list(
  query: Record<string, string | number | undefined>,
  options: RequestOptions = {},
): Promise<Response> {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value !== undefined) params.set(key, String(value));
  return h.request('GET', `/api/admin/users?${params}`, options);
}

/** Every page of a listing: the page sizes and every id in the order served. */
async function walk(query: Record<string, string | number | undefined>, options: RequestOptions = {}) {
  const sizes: number[] = [];
  const ids: string[] = [];
  let cursor: string | undefined;
  for (let guard = 0; guard < 1000; guard++) {
    const res = await list({ ...query, cursor }, options);
    expect(res.status).toBe(200);
    const page = await readJson<Page>(res);
    sizes.push(page.value.length);
    ids.push(...page.value.map((u) => u.id));
    if (page.nextCursor === null) return { sizes, ids };
    cursor = page.nextCursor;
  }
  throw new Error('walk: the listing never ended');
}

/** SQLite's lower(): ASCII letters only, which is the order the API promises. */
const asciiLower = (s: string) => s.replace(/[A-Z]/g, (c) => c.toLowerCase());
const byListOrder = (a: UserView, b: UserView) => {
  const [x, y] = [asciiLower(a.displayName), asciiLower(b.displayName)];
  return x < y ? -1 : x > y ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
};

describe('GET /api/admin/users: keyset pages', () => {
  let groupId: string;
  let members: UserView[];
  beforeAll(async () => {
    groupId = (await addGroup(h)).id;
    // Names that differ only in case and exact ties: the order must fall back to the id.
    const names = ['ana', 'Ana', 'ANA', 'Bo', 'bo x', 'Carla'];
    members = [];
    for (let i = 0; i < 120; i++) {
      const displayName = `${names[i % names.length]}${i % 4 === 0 ? '' : ` ${i % 10}`}`;
      members.push(await createUser(h, { displayName, groupIds: [groupId] }));
    }
    // Outside the group: names whose order is SQLite's (UTF-8 bytes), not JavaScript's (UTF-16).
    for (const displayName of ['Émile Ünal', '😀 Smile', '\uFF21 full-width', 'Chloë'])
      await createUser(h, { displayName });
  });

  test('120 users, limit 50: pages of 50, 50 and 20, each user exactly once, in lower(displayName), id order', async () => {
    const { sizes, ids } = await walk({ groupId, limit: 50 });
    expect(sizes).toEqual([50, 50, 20]);
    expect(new Set(ids).size).toBe(120);
    expect(ids).toEqual([...members].sort(byListOrder).map((u) => u.id));
  });

  test('without filters the walk covers every user in the database exactly once, in the same order', async () => {
    const { ids } = await walk({ limit: 37 });
    const rows = await queryRows(h, 'SELECT id FROM users ORDER BY lower(display_name), id');
    expect(ids).toEqual(rows.map((r) => r.id));
  });

  test('items are users as GET /users/{id} shows them, with their badge state', async () => {
    const page = await readJson<ContractPage<UserListItemView>>(await list({ groupId, limit: 1 }));
    const { badge, ...first } = page.value[0]!;
    expect(first).toEqual(await readJson(await h.request('GET', `/api/admin/users/${first.id}`)));
    expect(badge.state).toBe('none');
    expect(first.groupIds).toEqual([groupId]);
  });

  test('limit defaults to 50 and may be anything from 1 to 200', async () => {
    expect((await readJson<Page>(await list({ groupId }))).value).toHaveLength(50);
    expect((await readJson<Page>(await list({ groupId, limit: 1 }))).value).toHaveLength(1);
    const all = await readJson<Page>(await list({ groupId, limit: 200 }));
    expect(all.value).toHaveLength(120);
    expect(all.nextCursor).toBeNull();
  });

  test('a cursor is a position, not an offset: users added before it do not shift the next page', async () => {
    const first = await readJson<Page>(await list({ groupId, limit: 50 }));
    const expectedNext = await readJson<Page>(await list({ groupId, limit: 50, cursor: first.nextCursor! }));
    // Sorts before everything on the first page.
    await createUser(h, { displayName: 'aaa early bird', groupIds: [groupId] });
    const next = await readJson<Page>(await list({ groupId, limit: 50, cursor: first.nextCursor! }));
    expect(next.value.map((u) => u.id)).toEqual(expectedNext.value.map((u) => u.id));
  });
});

describe('GET /api/admin/users: search and groupId', () => {
  let group: string;
  let zed: UserView;
  let zara: UserView;
  let mixedCase: UserView;
  let upper: UserView;
  let outsider: UserView;
  beforeAll(async () => {
    group = (await addGroup(h)).id;
    zed = await createUser(h, {
      displayName: 'Zed Quintana',
      userPrincipalName: 'zq.store9@example.test',
      employeeId: 'XK-7701',
      groupIds: [group],
    });
    zara = await createUser(h, {
      displayName: 'Zara Quist',
      userPrincipalName: 'zara.q@example.test',
      employeeId: 'xk-7702',
      groupIds: [group],
    });
    mixedCase = await createUser(h, {
      displayName: 'Yolanda',
      userPrincipalName: 'yolanda@example.test',
      employeeId: 'Xk-7703',
    });
    upper = await createUser(h, { displayName: 'Quentin', userPrincipalName: 'QUENTIN@EXAMPLE.TEST' });
    outsider = await createUser(h, { displayName: 'Marta Zed', userPrincipalName: 'marta@example.test' });
  });

  const search = async (query: Record<string, string | number | undefined>) => {
    const res = await list({ limit: 200, ...query });
    expect(res.status).toBe(200);
    return (await readJson<Page>(res)).value.map((u) => u.id);
  };

  test('matches the start of the name or of any later word, whatever the case', async () => {
    expect(await search({ search: 'zed q' })).toEqual([zed.id]);
    expect(await search({ search: 'ZA' })).toEqual([zara.id]);
    // "Marta Zed" by her second word; names sort by the whole name.
    expect(await search({ search: 'z' })).toEqual([outsider.id, zara.id, zed.id]);
  });

  test('matches a userPrincipalName prefix, whatever the case', async () => {
    expect(await search({ search: 'ZQ.STORE' })).toEqual([zed.id]);
    expect(await search({ search: 'quentin@' })).toEqual([upper.id]);
  });

  test('matches an employeeId prefix, whatever the case of the stored id or the search', async () => {
    expect(await search({ search: 'xk-770' })).toEqual([mixedCase.id, zara.id, zed.id]);
    expect(await search({ search: 'XK-7702' })).toEqual([zara.id]);
    expect(await search({ search: 'xK-7703' })).toEqual([mixedCase.id]);
  });

  test('matches the start of a word, never the middle of one', async () => {
    expect(await search({ search: 'quintana' })).toEqual([zed.id]);
    expect(await search({ search: 'uintana' })).toEqual([]);
    expect(await search({ search: '7701' })).toEqual([]);
    expect(await search({ search: 'zed q' })).not.toContain(outsider.id);
  });

  test('surrounding spaces are ignored and an empty search lists everyone', async () => {
    expect(await search({ search: '  zed q  ' })).toEqual([zed.id]);
    const everyone = (await queryRows(h, 'SELECT count(*) AS n FROM users'))[0]!.n;
    expect((await walk({ search: '', limit: 200 })).ids).toHaveLength(Number(everyone));
  });

  test('groupId keeps only members; it combines with search', async () => {
    expect(await search({ groupId: group })).toEqual([zara.id, zed.id]);
    expect(await search({ groupId: group, search: 'zed' })).toEqual([zed.id]);
    expect(await search({ groupId: group, search: 'yolanda' })).toEqual([]);
  });

  test('an unknown groupId is an empty list', async () => {
    expect(await search({ groupId: 'no-such-group' })).toEqual([]);
  });

  test('search results page like the full list', async () => {
    const { sizes, ids } = await walk({ search: 'xk-77', limit: 2 });
    expect(sizes).toEqual([2, 1]);
    expect(ids).toEqual([mixedCase.id, zara.id, zed.id]);
  });
});

describe('every query plan gives the pages a plain full-table query gives', () => {
  beforeAll(async () => {
    // A search for "m" finds Mira… by name and Abe… only by userPrincipalName: the plan that merges
    // two queries must put the Abes (sorted under "a") before the Miras.
    for (let i = 0; i < 6; i++) {
      await createUser(h, { displayName: `Abe ${i}`, userPrincipalName: `m.abe${i}@example.test` });
      await createUser(h, { displayName: `Mira ${i}`, userPrincipalName: `mira${i}@example.test` });
    }
  });

  /** The meaning of the listing in the plainest SQL, to compare the planned queries against. */
  async function reference(options: Omit<UserListOptions, 'limit'>): Promise<string[]> {
    const where: string[] = [];
    const args: string[] = [];
    if (options.search) {
      const prefix = (column: string) => `substr(lower(${column}), 1, length(?)) = lower(?)`;
      // Names compare folded (case and accents, server/domain/search-fold.ts); the other columns as typed.
      const folded = foldForSearch(options.search);
      // A later word of the folded name starting with the search (after a space or a hyphen).
      const laterWord = `(instr(coalesce(folded_name, lower(display_name)), ' ' || ?) > 0 OR instr(coalesce(folded_name, lower(display_name)), '-' || ?) > 0)`;
      where.push(
        `(${[prefix('display_name'), 'substr(folded_name, 1, length(?)) = ?', laterWord, prefix('user_principal_name'), prefix('employee_id')].join(' OR ')})`,
      );
      args.push(folded, folded, folded, folded, folded, folded, ...Array<string>(4).fill(options.search));
    }
    const memberOf = (groupIds: string[]) => {
      args.push(...groupIds);
      return `id IN (SELECT user_id FROM group_members WHERE group_id IN (${groupIds.map(() => '?').join(',')}))`;
    };
    if (options.groupId) where.push(memberOf([options.groupId]));
    if (options.scope) {
      where.push(`role = '${options.scope.role}'`, memberOf(options.scope.groupIds));
    }
    const sql = `SELECT id FROM users ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY lower(display_name), id`;
    return (await queryRows(h, sql, args)).map((r) => String(r.id));
  }

  async function pages(options: Omit<UserListOptions, 'limit'>, probeLimit: number): Promise<string[]> {
    const ids: string[] = [];
    let after: UserListOptions['after'];
    for (;;) {
      const rows = await h.runtime.deps.repos.users.list({ ...options, after, probeLimit, limit: 7 });
      ids.push(...rows.map((r) => r.user.id));
      const last = rows.at(-1);
      if (rows.length < 7 || !last) return ids;
      after = { sortName: last.sortName, id: last.user.id };
    }
  }

  const biggestGroup = async () =>
    String(
      (
        await queryRows(
          h,
          'SELECT group_id FROM group_members GROUP BY group_id ORDER BY count(*) DESC LIMIT 1',
        )
      )[0]!.group_id,
    );

  test.each<[string, (group: string) => Omit<UserListOptions, 'limit'>]>([
    ['no filter', () => ({})],
    ['a search matching many names', () => ({ search: 'a' })],
    ['a search matching userPrincipalNames and names', () => ({ search: 'worker' })],
    ['a search matching some by name, others by userPrincipalName only', () => ({ search: 'm' })],
    ['a search matching only employee ids', () => ({ search: 'xk-77' })],
    ['a search matching nobody', () => ({ search: 'nobody-has-this' })],
    ['a group', (group) => ({ groupId: group })],
    ['a group and a search', (group) => ({ groupId: group, search: 'an' })],
    [
      'a manager’s scope and a search',
      (group) => ({ scope: { groupIds: [group], role: 'worker' }, search: 'a' }),
    ],
  ])('%s', async (name, optionsFor) => {
    const options = optionsFor(await biggestGroup());
    const expected = await reference(options);
    expect(expected.length > 0 || name.includes('nobody')).toBe(true);
    // probeLimit 0: every group counts as large (walk or search plan); 1e6: groups are sorted.
    expect(await pages(options, 0)).toEqual(expected);
    expect(await pages(options, 1_000_000)).toEqual(expected);
  });
});

describe('managers', () => {
  let storeA: string;
  let storeB: string;
  let manager: { cookie: string; user: UserView };
  let workerA: UserView;
  let workerB: UserView;
  let workerAB: UserView;
  let otherManagerA: UserView;
  let adminA: UserView;
  beforeAll(async () => {
    storeA = (await addGroup(h, 'Store A')).id;
    storeB = (await addGroup(h, 'Store B')).id;
    manager = await signedInUser(h, { role: 'manager', displayName: 'Mgr A', groupIds: [storeA] });
    workerA = await createUser(h, { displayName: 'Worker in A', groupIds: [storeA] });
    workerB = await createUser(h, { displayName: 'Worker in B', groupIds: [storeB] });
    workerAB = await createUser(h, { displayName: 'Worker in A and B', groupIds: [storeA, storeB] });
    otherManagerA = await createUser(h, {
      displayName: 'Other manager A',
      role: 'manager',
      groupIds: [storeA],
    });
    adminA = await createUser(h, { displayName: 'Admin in A', role: 'admin', groupIds: [storeA] });
  });
  const asManager = (): RequestOptions => ({ token: null, cookie: manager.cookie });

  test('list only the workers who share one of their groups', async () => {
    const { ids } = await walk({ limit: 1 }, asManager());
    expect(ids.sort()).toEqual([workerA.id, workerAB.id].sort());
    expect(ids).not.toContain(otherManagerA.id);
    expect(ids).not.toContain(adminA.id);
    expect(ids).not.toContain(manager.user.id);
  });

  test('groupId narrows within what they may see, never beyond it', async () => {
    const inB = await readJson<Page>(await list({ groupId: storeB }, asManager()));
    expect(inB.value.map((u) => u.id)).toEqual([workerAB.id]);
    const searched = await readJson<Page>(await list({ search: 'worker in b' }, asManager()));
    expect(searched.value).toEqual([]);
  });

  test('GET a worker of their group: 200; of another group, a manager or an admin: the same 404 as an unknown id', async () => {
    const get = (id: string) => h.request('GET', `/api/admin/users/${id}`, asManager());
    expect(await readJson(await get(workerA.id))).toEqual(workerA);
    const unknown = await get('no-such-user');
    expect(unknown.status).toBe(404);
    const unknownError = await readError(unknown);
    for (const id of [workerB.id, otherManagerA.id, adminA.id]) {
      const res = await get(id);
      expect(res.status).toBe(404);
      expect(await readError(res)).toEqual(unknownError);
    }
  });

  test('cannot PATCH or DELETE users, not even their own workers: 403', async () => {
    const patch = await h.request('PATCH', `/api/admin/users/${workerA.id}`, {
      ...asManager(),
      body: { displayName: 'Renamed' },
    });
    expect(patch.status).toBe(403);
    const del = await h.request('DELETE', `/api/admin/users/${workerA.id}`, asManager());
    expect(del.status).toBe(403);
    expect(await readJson(await h.request('GET', `/api/admin/users/${workerA.id}`))).toEqual(workerA);
  });

  test('workers may not list users at all: 403', async () => {
    const worker = await signedInUser(h, { groupIds: [storeA] });
    const res = await list({}, { token: null, cookie: worker.cookie });
    expect(res.status).toBe(403);
    expect((await readError(res)).error.code).toBe('FORBIDDEN');
  });

  test('a manager in no group sees nobody', async () => {
    const loner = await signedInUser(h, { role: 'manager' });
    const page = await readJson<Page>(await list({}, { token: null, cookie: loner.cookie }));
    expect(page).toEqual({ value: [], nextCursor: null });
  });
});

describe('PATCH /api/admin/users/{id}', () => {
  test('changes each field, answers the new user and audits before and after', async () => {
    const store = await addGroup(h);
    const user = await createUser(h, { displayName: 'Before', employeeId: 'E-1' });
    const res = await h.request('PATCH', `/api/admin/users/${user.id}`, {
      body: {
        userPrincipalName: 'after@example.test',
        displayName: 'After',
        employeeId: 'E-2',
        role: 'manager',
        groupIds: [store.id, store.id],
        accountEnabled: true,
      },
    });
    expect(res.status).toBe(200);
    const after = await readJson<UserView>(res);
    expect(after).toEqual({
      ...user,
      userPrincipalName: 'after@example.test',
      displayName: 'After',
      employeeId: 'E-2',
      role: 'manager',
      groupIds: [store.id],
    });
    expect(await readJson(await h.request('GET', `/api/admin/users/${user.id}`))).toEqual(after);
    const [audit] = await queryRows(
      h,
      "SELECT details FROM audit_logs WHERE target_id = ? AND activity = 'user.updated'",
      [user.id],
    );
    expect(JSON.parse(String(audit!.details))).toEqual({ before: user, after });
  });

  test('only the fields sent change; employeeId null clears it; groupIds [] leaves every group', async () => {
    const store = await addGroup(h);
    const user = await createUser(h, { employeeId: 'E-9', groupIds: [store.id] });
    const res = await h.request('PATCH', `/api/admin/users/${user.id}`, {
      body: { employeeId: null, groupIds: [] },
    });
    expect(await readJson(res)).toEqual({ ...user, employeeId: null, groupIds: [] });
  });

  test('an empty patch changes nothing and is not audited', async () => {
    const user = await createUser(h);
    const res = await h.request('PATCH', `/api/admin/users/${user.id}`, { body: {} });
    expect(await readJson(res)).toEqual(user);
    const rows = await queryRows(
      h,
      "SELECT 1 FROM audit_logs WHERE target_id = ? AND activity = 'user.updated'",
      [user.id],
    );
    expect(rows).toEqual([]);
  });

  test('a userPrincipalName another user holds (in any case) is 409 USER_ALREADY_EXISTS; recasing one’s own is fine', async () => {
    const holder = await createUser(h, { userPrincipalName: 'taken.name@example.test' });
    const user = await createUser(h);
    const res = await h.request('PATCH', `/api/admin/users/${user.id}`, {
      body: { userPrincipalName: 'TAKEN.name@example.test', displayName: 'Not applied' },
    });
    expect(res.status).toBe(409);
    expect((await readError(res)).error.code).toBe('USER_ALREADY_EXISTS');
    expect(await readJson(await h.request('GET', `/api/admin/users/${user.id}`))).toEqual(user);
    const recased = await h.request('PATCH', `/api/admin/users/${holder.id}`, {
      body: { userPrincipalName: 'Taken.Name@example.test' },
    });
    expect(recased.status).toBe(200);
    expect((await readJson<UserView>(recased)).userPrincipalName).toBe('Taken.Name@example.test');
  });

  test('an unknown group is 400 GROUP_NOT_FOUND and changes nothing', async () => {
    const user = await createUser(h);
    const res = await h.request('PATCH', `/api/admin/users/${user.id}`, {
      body: { displayName: 'Not applied', groupIds: ['no-such-group'] },
    });
    expect(res.status).toBe(400);
    expect((await readError(res)).error.code).toBe('GROUP_NOT_FOUND');
    expect(await readJson(await h.request('GET', `/api/admin/users/${user.id}`))).toEqual(user);
  });

  test('an unknown id is 404 NOT_FOUND', async () => {
    const res = await h.request('PATCH', '/api/admin/users/no-such-user', { body: { displayName: 'X' } });
    expect(res.status).toBe(404);
    expect((await readError(res)).error.code).toBe('NOT_FOUND');
  });

  test.each([
    [{ role: 'owner' }, 'role'],
    [{ displayName: '' }, 'displayName'],
    [{ userPrincipalName: 'has space' }, 'userPrincipalName'],
    [{ accountEnabled: 'no' }, 'accountEnabled'],
    [{ groupIds: 'g1' }, 'groupIds'],
    [{ password: 'x' }, 'password'],
    [{ id: 'other-id' }, 'id'],
  ])('%j → 400 VALIDATION_FAILED naming %s', async (body, field) => {
    const user = await createUser(h);
    const res = await h.request('PATCH', `/api/admin/users/${user.id}`, { body });
    expect(res.status).toBe(400);
    expect((await readError(res)).error).toMatchObject({ code: 'VALIDATION_FAILED', field });
  });

  test('accountEnabled=false ends the user’s sessions at once, for good', async () => {
    const worker = await signedInUser(h);
    expect((await getSession(h, worker.cookie)).status).toBe(200);

    const res = await h.request('PATCH', `/api/admin/users/${worker.user.id}`, {
      body: { accountEnabled: false },
    });
    expect(res.status).toBe(200);
    expect((await readJson<UserView>(res)).accountEnabled).toBe(false);
    expect((await getSession(h, worker.cookie)).status).toBe(401);
    const sessions = await queryRows(h, 'SELECT revoked_at FROM sessions WHERE user_id = ?', [
      worker.user.id,
    ]);
    expect(sessions.length).toBeGreaterThan(0);
    for (const s of sessions) expect(s.revoked_at).toBe(h.clock.now().getTime());

    // A disabled account cannot sign in; enabling it again does not bring the old session back.
    expect((await signIn(h, worker.qr, worker.pin)).res.status).toBe(401);
    await h.request('PATCH', `/api/admin/users/${worker.user.id}`, { body: { accountEnabled: true } });
    expect((await getSession(h, worker.cookie)).status).toBe(401);
    expect((await signIn(h, worker.qr, worker.pin)).res.status).toBe(200);
  });
});

describe('DELETE /api/admin/users/{id}', () => {
  test('204; the sessions stop working, the badge is unknown, the method and codes are gone', async () => {
    const worker = await signedInUser(h);
    const id = worker.user.id;
    const methodRows = await queryRows(h, 'SELECT id FROM qr_pin_methods WHERE user_id = ?', [id]);
    expect(methodRows).toHaveLength(1);

    const res = await h.request('DELETE', `/api/admin/users/${id}`);
    expect(res.status).toBe(204);
    expect(await res.text()).toBe('');

    expect((await getSession(h, worker.cookie)).status).toBe(401);
    const { res: again } = await signIn(h, worker.qr, worker.pin);
    expect(again.status).toBe(401);
    expect((await readError(again)).error.code).toBe('QR_CODE_NOT_RECOGNIZED');
    expect((await h.request('GET', `/api/admin/users/${id}`)).status).toBe(404);
    for (const [table, column, value] of [
      ['sessions', 'user_id', id],
      ['group_members', 'user_id', id],
      ['qr_pin_methods', 'user_id', id],
      ['qr_codes', 'method_id', String(methodRows[0]!.id)],
    ] as const) {
      expect(await queryRows(h, `SELECT 1 FROM ${table} WHERE ${column} = ?`, [value]), table).toEqual([]);
    }
  });

  test('is audited with the user as it was, and a second DELETE is 404', async () => {
    const user = await createUser(h, { displayName: 'Leaving' });
    expect((await h.request('DELETE', `/api/admin/users/${user.id}`)).status).toBe(204);
    const [audit] = await queryRows(
      h,
      "SELECT details FROM audit_logs WHERE target_id = ? AND activity = 'user.deleted'",
      [user.id],
    );
    expect(JSON.parse(String(audit!.details))).toEqual({ before: user });
    const again = await h.request('DELETE', `/api/admin/users/${user.id}`);
    expect(again.status).toBe(404);
    expect((await readError(again)).error.code).toBe('NOT_FOUND');
  });

  test('a worker’s sign-in history stays in the sign-in log', async () => {
    const worker = await createWorker(h);
    await signIn(h, worker.qr, worker.pin);
    await h.request('DELETE', `/api/admin/users/${worker.user.id}`);
    const rows = await queryRows(h, 'SELECT result FROM sign_in_logs WHERE user_id = ?', [worker.user.id]);
    expect(rows).toEqual([{ result: 'success' }]);
  });
});

describe('an enabled admin always remains', () => {
  // Its own installation: these tests demote the bootstrap token's owner.
  let g: Harness;
  let tokenOwnerId: string;
  beforeAll(async () => {
    g = await startHarness();
    await g.request('PATCH', '/api/admin/policies/qr-code-pin', { body: { state: 'enabled' } });
    const [owner] = await queryRows(g, "SELECT id FROM users WHERE user_principal_name = 'bootstrap-api'");
    tokenOwnerId = String(owner!.id);
  });
  afterAll(() => g.close());

  const expect409 = async (res: Response, code: string) => {
    expect(res.status).toBe(409);
    expect((await readError(res)).error.code).toBe(code);
  };

  test('an admin cannot disable or delete themselves: 409 CANNOT_REMOVE_SELF', async () => {
    await expect409(
      await g.request('PATCH', `/api/admin/users/${tokenOwnerId}`, { body: { accountEnabled: false } }),
      'CANNOT_REMOVE_SELF',
    );
    await expect409(await g.request('DELETE', `/api/admin/users/${tokenOwnerId}`), 'CANNOT_REMOVE_SELF');
  });

  test('the last enabled admin cannot be demoted: 409 LAST_ADMIN, and nothing else in the patch applies', async () => {
    const res = await g.request('PATCH', `/api/admin/users/${tokenOwnerId}`, {
      body: { role: 'manager', displayName: 'Not applied', groupIds: [] },
    });
    await expect409(res, 'LAST_ADMIN');
    const owner = await readJson<UserView>(await g.request('GET', `/api/admin/users/${tokenOwnerId}`));
    expect(owner).toMatchObject({ role: 'admin', displayName: 'Bootstrap API' });
  });

  test('a disabled admin does not count', async () => {
    await createUser(g, { role: 'admin', accountEnabled: false });
    await expect409(
      await g.request('PATCH', `/api/admin/users/${tokenOwnerId}`, { body: { role: 'worker' } }),
      'LAST_ADMIN',
    );
  });

  let a: { cookie: string; user: UserView };
  let b: { cookie: string; user: UserView };

  test('with another enabled admin, an admin may step down, and then acts with the new role', async () => {
    a = await signedInAdmin(g);
    b = await signedInAdmin(g);
    const stepDown = await g.request('PATCH', `/api/admin/users/${tokenOwnerId}`, {
      body: { role: 'manager' },
    });
    expect(stepDown.status).toBe(200);
    const refused = await g.request('PATCH', `/api/admin/users/${a.user.id}`, { body: { role: 'worker' } });
    expect(refused.status).toBe(403);
  });

  test('two admins demoting each other at the same time: one wins, one enabled admin remains', async () => {
    const enabledAdmins = () =>
      queryRows(g, "SELECT id FROM users WHERE role = 'admin' AND account_enabled = 1");
    expect((await enabledAdmins()).map((r) => r.id).sort()).toEqual([a.user.id, b.user.id].sort());
    const demote = (by: { cookie: string }, target: string) =>
      g.request('PATCH', `/api/admin/users/${target}`, {
        token: null,
        cookie: by.cookie,
        body: { role: 'worker' },
      });
    const results = await Promise.all([demote(a, b.user.id), demote(b, a.user.id)]);
    const statuses = results.map((r) => r.status).sort();
    expect(statuses[0]).toBe(200);
    // The loser either lost the race in the database (409) or was already demoted when it was checked (403).
    expect([403, 409]).toContain(statuses[1]);
    expect(await enabledAdmins()).toHaveLength(1);
  });
});
