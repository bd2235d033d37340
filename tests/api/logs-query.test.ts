/**
 * GET /api/admin/sign-in-logs and /api/admin/audit-logs: newest first, filters, keyset pages on
 * (time, id), managers limited to their workers' sign-ins, and refused query values.
 */
import type { Page } from '../../server/contracts/pagination.js';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { AuditLogView, SignInLogView } from '../../server/contracts/logs.js';
import type { UserView } from '../../server/contracts/schemas.js';
import {
  addGroup,
  createUser,
  createWorker,
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

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  await h.request('PATCH', '/api/admin/policies/qr-code-pin', { body: { state: 'enabled' } });
});
afterAll(() => h.close());

type Query = Record<string, string | number | undefined>;

const get = (path: string, query: Query, options: RequestOptions = {}) => {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value !== undefined) params.set(key, String(value));
  return h.request('GET', `${path}?${params}`, options);
};

async function walk<T extends { id: string }>(path: string, query: Query, options: RequestOptions = {}) {
  const sizes: number[] = [];
  const items: T[] = [];
  let cursor: string | undefined;
  for (let guard = 0; guard < 1000; guard++) {
    const res = await get(path, { ...query, cursor }, options);
    expect(res.status, await res.clone().text()).toBe(200);
    const page = await readJson<Page<T>>(res);
    sizes.push(page.value.length);
    items.push(...page.value);
    if (page.nextCursor === null) return { sizes, items, ids: items.map((i) => i.id) };
    cursor = page.nextCursor;
  }
  throw new Error('walk: the listing never ended');
}

/** Newest first; equal times by id, descending. */
const newestFirst =
  <T extends { id: string }>(timeOf: (row: T) => number) =>
  (a: T, b: T) =>
    timeOf(b) - timeOf(a) || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);

const SIGN_INS = '/api/admin/sign-in-logs';
const AUDITS = '/api/admin/audit-logs';
/** Seeded entries live on one day long before the harness clock, apart from entries real requests write. */
const T0 = Date.parse('2025-03-01T00:00:00.000Z');
const DAY = { from: new Date(T0).toISOString(), to: new Date(T0 + 24 * 3600_000).toISOString() };

describe('sign-in log', () => {
  let storeA: string;
  let storeB: string;
  let workerA: UserView;
  let workerB: UserView;
  let seeded: SignInLogView[];

  beforeAll(async () => {
    storeA = (await addGroup(h, 'Log store A')).id;
    storeB = (await addGroup(h, 'Log store B')).id;
    workerA = await createUser(h, { groupIds: [storeA] });
    workerB = await createUser(h, { groupIds: [storeB] });
    seeded = [];
    for (let i = 0; i < 130; i++) {
      const failure = i % 4 === 0;
      const user = [workerA, workerB, null][i % 3];
      const entry: SignInLogView = {
        id: randomUUID(),
        // Three entries per millisecond instant: pages must break ties by id.
        createdDateTime: new Date(T0 + Math.floor(i / 3) * 1000).toISOString(),
        result: failure ? 'failure' : 'success',
        failureCode: failure ? (i % 8 === 0 ? 'PIN_INCORRECT' : 'QR_CODE_EXPIRED') : null,
        authMethod: 'qr_pin',
        userId: user?.id ?? null,
        userDisplayName: user?.displayName ?? null,
        userPrincipalName: user?.userPrincipalName ?? null,
        codeId: `CODE${i}`,
        deviceId: i % 5 === 0 ? 'device-1' : 'device-2',
        // No device has these ids: the entry keeps the id and names no device.
        deviceDisplayName: null,
        ipAddress: `10.0.0.${i}`,
        userAgent: 'kiosk',
        details: i % 10 === 0 ? { reason: 'seeded' } : null,
      };
      const { userDisplayName: _name, userPrincipalName: _upn, deviceDisplayName: _device, ...row } = entry;
      await h.runtime.deps.repos.logs.signIn({ ...row, createdDateTime: new Date(entry.createdDateTime) });
      seeded.push(entry);
    }
    seeded.sort(newestFirst((e) => Date.parse(e.createdDateTime)));
  });

  test('a real sign-in attempt is listed with every field, times as ISO strings', async () => {
    const worker = await createWorker(h);
    h.clock.advanceSeconds(1);
    await signIn(h, worker.qr, '56473829');
    h.clock.advanceSeconds(1);
    await signIn(h, worker.qr, worker.pin);
    const page = await readJson<Page<SignInLogView>>(await get(SIGN_INS, { userId: worker.user.id }));
    expect(page.nextCursor).toBeNull();
    expect(page.value.map((e) => [e.result, e.failureCode])).toEqual([
      ['success', null],
      ['failure', 'PIN_INCORRECT'],
    ]);
    expect(page.value[0]).toEqual({
      id: expect.any(String),
      createdDateTime: h.clock.now().toISOString(),
      result: 'success',
      failureCode: null,
      authMethod: 'qr_pin',
      userId: worker.user.id,
      userDisplayName: worker.user.displayName,
      userPrincipalName: worker.user.userPrincipalName,
      codeId: worker.issued.standardQRCode.id,
      deviceId: null,
      deviceDisplayName: null,
      ipAddress: '127.0.0.1',
      userAgent: null,
      details: {
        via: 'qr',
        conditionalAccess: expect.objectContaining({ decision: 'allow', verdicts: [] }),
      },
    });
  });

  test('with no filter, the newest entry comes first', async () => {
    const page = await readJson<Page<SignInLogView>>(await get(SIGN_INS, { limit: 1 }));
    const [newest] = await queryRows(
      h,
      'SELECT id FROM sign_in_logs ORDER BY created_at DESC, id DESC LIMIT 1',
    );
    expect(page.value.map((e) => e.id)).toEqual([newest!.id]);
    expect(page.nextCursor).not.toBeNull();
  });

  test('130 entries, limit 50: 50, 50 and 30, each once, newest first with ties broken by id', async () => {
    const { sizes, items } = await walk<SignInLogView>(SIGN_INS, { ...DAY, limit: 50 });
    expect(sizes).toEqual([50, 50, 30]);
    expect(items).toEqual(seeded);
  });

  test.each<[string, Query, (e: SignInLogView) => boolean]>([
    ['userId', { userId: 'A' }, (e) => e.userId === 'A'],
    ['deviceId', { deviceId: 'device-1' }, (e) => e.deviceId === 'device-1'],
    ['result=failure', { result: 'failure' }, (e) => e.result === 'failure'],
    ['result=success', { result: 'success' }, (e) => e.result === 'success'],
    ['failureCode', { failureCode: 'QR_CODE_EXPIRED' }, (e) => e.failureCode === 'QR_CODE_EXPIRED'],
    [
      'several filters at once',
      { userId: 'B', result: 'failure', deviceId: 'device-2' },
      (e) => e.userId === 'B' && e.result === 'failure' && e.deviceId === 'device-2',
    ],
  ])('filter by %s, across pages', async (_name, query, keep) => {
    const ids = { A: workerA.id, B: workerB.id } as Record<string, string>;
    const resolved = { ...query, userId: query.userId && ids[String(query.userId)] };
    const keepResolved = (e: SignInLogView) =>
      keep({ ...e, userId: e.userId === workerA.id ? 'A' : e.userId === workerB.id ? 'B' : e.userId });
    const expected = seeded.filter(keepResolved);
    expect(expected.length).toBeGreaterThan(5);
    const { items } = await walk<SignInLogView>(SIGN_INS, { ...DAY, ...resolved, limit: 5 });
    expect(items).toEqual(expected);
  });

  test('from is inclusive and to is exclusive, to the millisecond', async () => {
    const from = T0 + 10_000;
    const to = T0 + 20_000;
    const { items } = await walk<SignInLogView>(SIGN_INS, {
      from: new Date(from).toISOString(),
      to: new Date(to).toISOString(),
    });
    expect(items).toEqual(
      seeded.filter((e) => Date.parse(e.createdDateTime) >= from && Date.parse(e.createdDateTime) < to),
    );
    expect(items.at(-1)!.createdDateTime).toBe(new Date(from).toISOString());
    expect(items[0]!.createdDateTime).toBe(new Date(to - 1000).toISOString());
    // Offsets are instants too.
    const shifted = await walk<SignInLogView>(SIGN_INS, {
      from: '2025-03-01T01:00:10+01:00',
      to: '2025-03-01T00:00:20Z',
    });
    expect(shifted.items).toEqual(items);
  });

  test('a manager sees only the sign-ins of workers in their groups', async () => {
    const manager = await signedInUser(h, { role: 'manager', groupIds: [storeA] });
    const as = { token: null, cookie: manager.cookie };
    const { items } = await walk<SignInLogView>(SIGN_INS, { ...DAY, limit: 20 }, as);
    expect(items).toEqual(seeded.filter((e) => e.userId === workerA.id));
    const other = await readJson<Page<SignInLogView>>(
      await get(SIGN_INS, { ...DAY, userId: workerB.id }, as),
    );
    expect(other.value).toEqual([]);
    // Not even their own sign-ins: managers see their workers.
    const own = await readJson<Page<SignInLogView>>(await get(SIGN_INS, { userId: manager.user.id }, as));
    expect(own.value).toEqual([]);
  });

  test('workers may not read the sign-in log: 403', async () => {
    const worker = await signedInUser(h, { groupIds: [storeA] });
    const res = await get(SIGN_INS, {}, { token: null, cookie: worker.cookie });
    expect(res.status).toBe(403);
  });
});

describe('audit log', () => {
  let tokenOwnerId: string;
  let tokenId: string;
  beforeAll(async () => {
    const [token] = await queryRows(
      h,
      "SELECT id, user_id FROM api_tokens WHERE display_name = 'Bootstrap API token'",
    );
    tokenId = String(token!.id);
    tokenOwnerId = String(token!.user_id);
  });

  test('admin changes are listed newest first, with actor and target', async () => {
    h.clock.advanceSeconds(60);
    const user = await createUser(h, { displayName: 'Audited hire' });
    h.clock.advanceSeconds(1);
    await h.request('PATCH', `/api/admin/users/${user.id}`, { body: { displayName: 'Audited hire 2' } });
    const page = await readJson<Page<AuditLogView>>(await get(AUDITS, { userId: user.id }));
    expect(page.value.map((e) => e.activity)).toEqual(['user.updated', 'user.created']);
    expect(page.value[0]).toEqual({
      id: expect.any(String),
      activityDateTime: h.clock.now().toISOString(),
      actorType: 'api_token',
      actorId: tokenId,
      actorDisplayName: 'Bootstrap API token',
      activity: 'user.updated',
      targetType: 'user',
      targetId: user.id,
      targetDisplayName: 'Audited hire 2',
      details: { before: user, after: { ...user, displayName: 'Audited hire 2' } },
    });
  });

  test('userId also finds what the user did through their API tokens', async () => {
    h.clock.advanceSeconds(1);
    const since = h.clock.now().toISOString();
    const user = await createUser(h);
    const page = await readJson<Page<AuditLogView>>(await get(AUDITS, { userId: tokenOwnerId, from: since }));
    expect(page.value).toEqual([
      expect.objectContaining({ activity: 'user.created', actorId: tokenId, targetId: user.id }),
    ]);
  });

  test('userId finds what a signed-in user did and what was done to them', async () => {
    const store = await addGroup(h);
    const admin = await signedInAdmin(h, { groupIds: [store.id] });
    h.clock.advanceSeconds(1);
    const since = h.clock.now().toISOString();
    const renamed = await h.request('PATCH', `/api/admin/groups/${store.id}`, {
      token: null,
      cookie: admin.cookie,
      body: { displayName: 'Renamed by admin' },
    });
    expect(renamed.status).toBe(200);
    h.clock.advanceSeconds(1);
    await h.request('PATCH', `/api/admin/users/${admin.user.id}`, { body: { employeeId: 'ADM-1' } });
    const page = await readJson<Page<AuditLogView>>(
      await get(AUDITS, { userId: admin.user.id, from: since }),
    );
    expect(page.value.map((e) => [e.activity, e.actorId, e.targetId])).toEqual([
      ['user.updated', tokenId, admin.user.id],
      ['group.updated', admin.user.id, store.id],
    ]);
  });

  test('75 entries, limit 20: 20, 20, 20 and 15 in (time, id) order, newest first; from/to bound them', async () => {
    const seeded: AuditLogView[] = [];
    for (let i = 0; i < 75; i++) {
      const entry: AuditLogView = {
        id: randomUUID(),
        activityDateTime: new Date(T0 + Math.floor(i / 4) * 60_000).toISOString(),
        actorType: 'system',
        actorId: null,
        actorDisplayName: null,
        activity: 'seeded.entry',
        targetType: 'thing',
        targetId: `thing-${i}`,
        targetDisplayName: null,
        details: { n: i },
      };
      const { actorDisplayName: _actor, targetDisplayName: _target, ...row } = entry;
      await h.runtime.deps.repos.logs.audit({ ...row, activityDateTime: new Date(entry.activityDateTime) });
      seeded.push(entry);
    }
    seeded.sort(newestFirst((e) => Date.parse(e.activityDateTime)));
    const { sizes, items } = await walk<AuditLogView>(AUDITS, { ...DAY, limit: 20 });
    expect(sizes).toEqual([20, 20, 20, 15]);
    expect(items).toEqual(seeded);

    const from = T0 + 5 * 60_000;
    const to = T0 + 9 * 60_000;
    const bounded = await walk<AuditLogView>(AUDITS, {
      from: new Date(from).toISOString(),
      to: new Date(to).toISOString(),
    });
    expect(bounded.items).toEqual(
      seeded.filter((e) => Date.parse(e.activityDateTime) >= from && Date.parse(e.activityDateTime) < to),
    );
    expect(bounded.items).toHaveLength(16);
  });

  test('managers may not read the audit log: 403', async () => {
    const manager = await signedInUser(h, { role: 'manager' });
    const res = await get(AUDITS, {}, { token: null, cookie: manager.cookie });
    expect(res.status).toBe(403);
    expect((await readError(res)).error.code).toBe('FORBIDDEN');
  });
});

describe('bad query values', () => {
  const garbageCursor = Buffer.from('{"t":"soon","i":1}').toString('base64url');
  test.each([
    [SIGN_INS, 'limit=0', 'limit'],
    [SIGN_INS, 'limit=201', 'limit'],
    [SIGN_INS, 'limit=1e2', 'limit'],
    [SIGN_INS, 'limit=-5', 'limit'],
    [SIGN_INS, 'result=maybe', 'result'],
    [SIGN_INS, 'failureCode=pin_incorrect', 'failureCode'],
    [SIGN_INS, 'from=yesterday', 'from'],
    [SIGN_INS, 'to=2026-13-01T00:00:00Z', 'to'],
    [SIGN_INS, 'from=2026-06-01T00:00:00Z&to=2026-06-01T00:00:00Z', 'to'],
    [SIGN_INS, 'from=2026-06-02T00:00:00Z&to=2026-06-01T00:00:00Z', 'to'],
    [SIGN_INS, 'cursor=not a cursor', 'cursor'],
    [SIGN_INS, `cursor=${garbageCursor}`, 'cursor'],
    [SIGN_INS, 'cursor=AAAA', 'cursor'],
    [SIGN_INS, 'userId=a&userId=b', 'userId'],
    [SIGN_INS, 'user=someone', 'user'],
    [SIGN_INS, `userId=${'x'.repeat(65)}`, 'userId'],
    [AUDITS, 'deviceId=device-1', 'deviceId'],
    [AUDITS, 'limit=many', 'limit'],
    [AUDITS, 'cursor=%7B%7D', 'cursor'],
    [AUDITS, 'to=2026-06-01', 'to'],
  ])('%s?%s → 400 VALIDATION_FAILED naming %s', async (path, query, field) => {
    const res = await h.request('GET', `${path}?${query}`);
    expect(res.status).toBe(400);
    expect((await readError(res)).error).toMatchObject({ code: 'VALIDATION_FAILED', field });
  });

  test('empty values count as absent', async () => {
    const res = await h.request('GET', `${SIGN_INS}?userId=&deviceId=&result=&limit=&cursor=&from=&to=`);
    expect(res.status).toBe(200);
    expect((await readJson<Page<SignInLogView>>(res)).value).toHaveLength(50);
  });
});
