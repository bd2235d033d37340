/**
 * The sign-in log's store filter and user names, the CSV exports (sign-in log, audit log, expiry
 * report) and the dashboard's sign-in activity summary: filters, manager scoping (403 for another
 * store), CSV header, escaping and formula injection, the row cap.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { EXPORT_ROW_CAP, type SignInLogView } from '../../server/contracts/logs.js';
import type { Page } from '../../server/contracts/pagination.js';
import type { QrCodeExpirationView, SignInActivityView } from '../../server/contracts/reports.js';
import type { UserView } from '../../server/contracts/schemas.js';
import {
  addGroup,
  createUser,
  createWorker,
  readError,
  readJson,
  signIn,
  signedInUser,
  startHarness,
  type Harness,
  type RequestOptions,
} from '../support/api-harness.js';
import { csvObjects, parseCsv } from '../support/csv.js';

const SIGN_INS = '/api/admin/sign-in-logs';
const T0 = Date.parse('2025-04-01T00:00:00.000Z');
const DAY = { from: new Date(T0).toISOString(), to: new Date(T0 + 24 * 3600_000).toISOString() };

type Query = Record<string, string | number | undefined>;

function get(h: Harness, path: string, query: Query = {}, options: RequestOptions = {}) {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value !== undefined) params.set(key, String(value));
  return h.request('GET', `${path}?${params}`, options);
}

async function walk(h: Harness, query: Query, options: RequestOptions = {}): Promise<SignInLogView[]> {
  const items: SignInLogView[] = [];
  let cursor: string | undefined;
  for (let guard = 0; guard < 1000; guard++) {
    const res = await get(h, SIGN_INS, { ...query, cursor }, options);
    expect(res.status, await res.clone().text()).toBe(200);
    const page = await readJson<Page<SignInLogView>>(res);
    items.push(...page.value);
    if (!page.nextCursor) return items;
    cursor = page.nextCursor;
  }
  throw new Error('the listing never ended');
}

async function seedSignIn(
  h: Harness,
  entry: Partial<Omit<SignInLogView, 'createdDateTime'>> & { at: number },
) {
  const { at, userDisplayName: _n, userPrincipalName: _u, ...rest } = entry;
  await h.runtime.deps.repos.logs.signIn({
    id: randomUUID(),
    createdDateTime: new Date(at),
    result: 'success',
    failureCode: null,
    authMethod: 'qr_pin',
    userId: null,
    codeId: null,
    deviceId: null,
    ipAddress: null,
    userAgent: null,
    details: null,
    ...rest,
  });
}

describe('sign-in log by store, with names, and its CSV export', () => {
  let h: Harness;
  let storeA: string;
  let storeB: string;
  let workerA: UserView;
  let workerAB: UserView;
  let workerB: UserView;
  let managerInA: UserView;
  let managerCookie: string;

  beforeAll(async () => {
    h = await startHarness();
    storeA = (await addGroup(h, 'Store A')).id;
    storeB = (await addGroup(h, 'Store B')).id;
    workerA = await createUser(h, { groupIds: [storeA], displayName: 'Ana, "the" Worker' });
    workerAB = await createUser(h, { groupIds: [storeA, storeB], displayName: 'Both Stores' });
    workerB = await createUser(h, { groupIds: [storeB], displayName: 'Bruno B' });
    managerInA = await createUser(h, { groupIds: [storeA], role: 'manager', displayName: 'Manager A' });
    const who = [workerA, workerAB, workerB, managerInA, null];
    for (let i = 0; i < 60; i++) {
      const user = who[i % who.length];
      await seedSignIn(h, {
        at: T0 + i * 60_000,
        userId: user ? user.id : 'deleted-user',
        result: i % 3 === 0 ? 'failure' : 'success',
        failureCode: i % 3 === 0 ? 'PIN_INCORRECT' : null,
        deviceId: `device-${i % 4}`,
        // What a hostile client could send as its User-Agent: spreadsheet formulas, quotes, commas.
        userAgent: i % 2 === 0 ? '=HYPERLINK("http://evil.test","click")' : 'Kiosk, "v2"',
      });
    }
    managerCookie = (await signedInUser(h, { role: 'manager', groupIds: [storeA] })).cookie;
  });
  afterAll(() => h.close());

  const asManager = () => ({ token: null, cookie: managerCookie });

  test('groupId keeps the entries of the store’s members (any role, for an admin), newest first across pages', async () => {
    const items = await walk(h, { ...DAY, groupId: storeA, limit: 7 });
    const members = new Set([workerA.id, workerAB.id, managerInA.id]);
    expect(items.length).toBe(36);
    expect(items.every((e) => members.has(e.userId!))).toBe(true);
    const times = items.map((e) => Date.parse(e.createdDateTime));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    const inB = await walk(h, { ...DAY, groupId: storeB, result: 'failure' });
    expect(new Set(inB.map((e) => e.userId))).toEqual(new Set([workerAB.id, workerB.id]));
    expect(inB.every((e) => e.result === 'failure')).toBe(true);
  });

  test('each entry names its user as they are called now; unknown users have no name', async () => {
    const items = await walk(h, DAY);
    const ofA = items.find((e) => e.userId === workerA.id)!;
    expect(ofA).toMatchObject({
      userDisplayName: 'Ana, "the" Worker',
      userPrincipalName: workerA.userPrincipalName,
    });
    const orphan = items.find((e) => e.userId === 'deleted-user')!;
    expect(orphan).toMatchObject({ userDisplayName: null, userPrincipalName: null });
    await h.request('PATCH', `/api/admin/users/${workerB.id}`, { body: { displayName: 'Bruno Renamed' } });
    const [latest] = await walk(h, { ...DAY, userId: workerB.id, limit: 1 }).then((all) => all.slice(0, 1));
    expect(latest!.userDisplayName).toBe('Bruno Renamed');
  });

  test('a manager sees their workers only; groupId narrows to one of their stores', async () => {
    const all = await walk(h, DAY, asManager());
    // Workers of store A (not the other manager, not store B's worker).
    expect(new Set(all.map((e) => e.userId))).toEqual(new Set([workerA.id, workerAB.id]));
    const inA = await walk(h, { ...DAY, groupId: storeA }, asManager());
    expect(inA).toEqual(all);
  });

  test.each([
    ['another store', () => storeB],
    ['a store that does not exist', () => 'no-such-store'],
  ])('a manager naming %s gets 403, in the list and in the export', async (_name, groupId) => {
    for (const path of [SIGN_INS, `${SIGN_INS}/export`]) {
      const res = await get(h, path, { groupId: groupId() }, asManager());
      expect(res.status).toBe(403);
      expect((await readError(res)).error.code).toBe('FORBIDDEN');
    }
  });

  test('the export is a CSV attachment with a header and the same rows as the list, newest first', async () => {
    const query = { ...DAY, groupId: storeA, result: 'success' };
    const res = await get(h, `${SIGN_INS}/export`, query);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toMatch(
      /^attachment; filename="sign-in-logs-\d{8}T\d{4}Z\.csv"$/,
    );
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('x-export-row-cap')).toBe(String(EXPORT_ROW_CAP));
    const bytes = new Uint8Array(await res.clone().arrayBuffer());
    // A UTF-8 byte-order mark, so spreadsheets read accented names right (text() drops it).
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = await res.text();
    const [header] = parseCsv(text);
    expect(header).toEqual([
      'createdDateTime',
      'result',
      'failureCode',
      'failureReason',
      'userId',
      'userDisplayName',
      'userPrincipalName',
      'authMethod',
      'codeId',
      'deviceId',
      'deviceDisplayName',
      'ipAddress',
      'userAgent',
      'id',
    ]);
    const rows = csvObjects(text);
    const listed = await walk(h, query);
    expect(rows.map((r) => r.id)).toEqual(listed.map((e) => e.id));
    expect(rows.find((r) => r.userId === workerA.id)!.userDisplayName).toBe('Ana, "the" Worker');
  });

  test('cells a spreadsheet would run as formulas start with a quote; quotes and commas survive', async () => {
    const res = await get(h, `${SIGN_INS}/export`, { ...DAY, result: 'failure' });
    const text = await res.text();
    expect(text).not.toMatch(/(^|,)=HYPERLINK/m);
    const rows = csvObjects(text);
    expect(rows).toHaveLength(20);
    const agents = new Set(rows.map((r) => r.userAgent));
    expect(agents).toEqual(new Set([`'=HYPERLINK("http://evil.test","click")`, 'Kiosk, "v2"']));
    expect(rows[0]).toMatchObject({
      result: 'failure',
      failureCode: 'PIN_INCORRECT',
      failureReason: 'The PIN is incorrect.',
    });
  });

  test('a manager’s export holds only their workers', async () => {
    const res = await get(h, `${SIGN_INS}/export`, DAY, asManager());
    expect(res.status).toBe(200);
    const rows = csvObjects(await res.text());
    expect(rows.length).toBe(24);
    expect(new Set(rows.map((r) => r.userId))).toEqual(new Set([workerA.id, workerAB.id]));
  });

  test('the audit log export is for admins; it has a header and the entries', async () => {
    h.clock.advanceSeconds(1);
    await h.request('PATCH', `/api/admin/users/${workerA.id}`, { body: { employeeId: '=1+2' } });
    const res = await get(h, '/api/admin/audit-logs/export', { userId: workerA.id });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toMatch(/filename="audit-logs-.*\.csv"/);
    const text = await res.text();
    expect(parseCsv(text)[0]).toEqual([
      'activityDateTime',
      'activity',
      'actorType',
      'actorId',
      'actorDisplayName',
      'targetType',
      'targetId',
      'targetDisplayName',
      'details',
      'id',
    ]);
    const rows = csvObjects(text);
    expect(rows.map((r) => r.activity)).toEqual(['user.updated', 'user.created']);
    // Names beside the ids, as the console shows them.
    expect(rows[0]!.targetDisplayName).toBe(workerA.displayName);
    expect(rows[0]!.actorDisplayName).toBeTruthy();
    expect(JSON.parse(rows[0]!.details!)).toMatchObject({ after: { employeeId: '=1+2' } });

    const refused = await get(h, '/api/admin/audit-logs/export', {}, asManager());
    expect(refused.status).toBe(403);
  });

  test.each([
    [`${SIGN_INS}/export?limit=10`, 'limit'],
    [`${SIGN_INS}/export?cursor=abc`, 'cursor'],
    [`${SIGN_INS}/export?result=maybe`, 'result'],
    [`${SIGN_INS}/export?from=2026-06-02T00:00:00Z&to=2026-06-01T00:00:00Z`, 'to'],
    [`${SIGN_INS}?groupId=${'g'.repeat(65)}`, 'groupId'],
    ['/api/admin/audit-logs/export?groupId=x', 'groupId'],
    ['/api/admin/reports/qr-code-expirations/export?withinDays=0', 'withinDays'],
    ['/api/admin/reports/sign-in-activity?hours=0', 'hours'],
    ['/api/admin/reports/sign-in-activity?hours=169', 'hours'],
    ['/api/admin/reports/sign-in-activity?days=1', 'days'],
  ])('%s → 400 VALIDATION_FAILED naming %s (JSON, not a CSV)', async (path, field) => {
    const res = await h.request('GET', path);
    expect(res.status).toBe(400);
    expect((await readError(res)).error).toMatchObject({ code: 'VALIDATION_FAILED', field });
  });

  test('workers may not export: 403', async () => {
    const worker = await signedInUser(h, { groupIds: [storeA] });
    for (const path of [
      `${SIGN_INS}/export`,
      '/api/admin/reports/qr-code-expirations/export',
      '/api/admin/reports/sign-in-activity',
    ]) {
      const res = await h.request('GET', path, { token: null, cookie: worker.cookie });
      expect(res.status).toBe(403);
    }
  });

  test(`the export stops at ${EXPORT_ROW_CAP} rows, the newest ones`, async () => {
    const T1 = Date.parse('2024-01-01T00:00:00.000Z');
    const total = EXPORT_ROW_CAP + 5;
    await h.runtime.database.client.execute({
      sql: `WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < ?)
            INSERT INTO sign_in_logs (id, created_at, result, auth_method, user_id)
            SELECT printf('cap-%06d', i), ? + i * 1000, 'success', 'qr_pin', 'bulk' FROM n`,
      args: [total - 1, T1],
    });
    const res = await get(h, `${SIGN_INS}/export`, {
      from: new Date(T1).toISOString(),
      to: new Date(T1 + 365 * 24 * 3600_000).toISOString(),
    });
    const records = parseCsv(await res.text());
    expect(records).toHaveLength(1 + EXPORT_ROW_CAP);
    expect(records[1]!.at(-1)).toBe(`cap-${String(total - 1).padStart(6, '0')}`);
    expect(records.at(-1)!.at(-1)).toBe('cap-000005');
  }, 60_000);
});

describe('expiry report export', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.close());

  test('the same rows as the report, soonest first, managers scoped', async () => {
    const storeA = (await addGroup(h)).id;
    const storeB = (await addGroup(h)).id;
    const now = h.clock.now().getTime();
    const expiring = async (groupId: string, days: number, displayName: string) =>
      createWorker(h, {
        user: { groupIds: [groupId], displayName },
        method: { standardQRCode: { expireDateTime: new Date(now + days * 86_400_000).toISOString() } },
      });
    const a2 = await expiring(storeA, 2, '@Ana');
    const a5 = await expiring(storeA, 5, 'Carla');
    await expiring(storeB, 3, 'Bruno');
    await expiring(storeA, 40, 'Later');

    const res = await h.request('GET', `/api/admin/reports/qr-code-expirations/export?withinDays=30`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toMatch(/filename="qr-code-expirations-.*\.csv"/);
    const text = await res.text();
    expect(parseCsv(text)[0]).toEqual([
      'expireDateTime',
      'displayName',
      'userPrincipalName',
      'userId',
      'groupIds',
      'kind',
      'codeId',
      'startDateTime',
      'lastUsedDateTime',
    ]);
    const rows = csvObjects(text);
    expect(rows.map((r) => r.displayName)).toEqual(["'@Ana", 'Bruno', 'Carla']);
    const page = await readJson<Page<QrCodeExpirationView>>(
      await h.request('GET', '/api/admin/reports/qr-code-expirations?withinDays=30'),
    );
    expect(rows.map((r) => r.codeId)).toEqual(page.value.map((i) => i.codeId));

    const manager = await signedInUser(h, { role: 'manager', groupIds: [storeA] });
    const mine = await h.request('GET', `/api/admin/reports/qr-code-expirations/export?withinDays=30`, {
      token: null,
      cookie: manager.cookie,
    });
    expect(csvObjects(await mine.text()).map((r) => r.userId)).toEqual([a2.user.id, a5.user.id]);
  });
});

describe('sign-in activity summary', () => {
  let h: Harness;
  let storeA: string;
  const HOUR = 3600_000;
  beforeAll(async () => {
    h = await startHarness();
    h.clock.set('2026-06-01T08:30:00.000Z');
    storeA = (await addGroup(h)).id;
  });
  afterAll(() => h.close());

  const activity = async (query: Query = {}, options: RequestOptions = {}) => {
    const res = await get(h, '/api/admin/reports/sign-in-activity', query, options);
    expect(res.status, await res.clone().text()).toBe(200);
    return readJson<SignInActivityView>(res);
  };

  test('counts per hour, oldest first, zeros included; totals and failure reasons; locked methods now', async () => {
    const inA = await createWorker(h, { user: { groupIds: [storeA] } });
    const elsewhere = await createWorker(h);
    const now = h.clock.now().getTime();
    const at = (hoursAgo: number, minute = 0) => now - hoursAgo * HOUR + minute * 60_000;
    // 08:xx (current hour): 2 successes, 1 PIN_INCORRECT; 06:xx: 1 QR_CODE_EXPIRED, 1 PIN_INCORRECT;
    // 23 hours ago (09:xx yesterday, the oldest hour): 1 success; 24 hours ago: outside.
    await seedSignIn(h, { at: at(0, -10), userId: inA.user.id });
    await seedSignIn(h, { at: at(0, -20), userId: elsewhere.user.id });
    await seedSignIn(h, {
      at: at(0, -5),
      userId: inA.user.id,
      result: 'failure',
      failureCode: 'PIN_INCORRECT',
    });
    await seedSignIn(h, { at: at(2), userId: null, result: 'failure', failureCode: 'QR_CODE_EXPIRED' });
    await seedSignIn(h, {
      at: at(2, 10),
      userId: elsewhere.user.id,
      result: 'failure',
      failureCode: 'PIN_INCORRECT',
    });
    await seedSignIn(h, { at: at(23, -30) + 1, userId: inA.user.id });
    await seedSignIn(h, { at: at(24, -30) - 1, userId: inA.user.id });
    // One real failed sign-in, through the API, also counts.
    await signIn(h, inA.qr, '10293847');

    const summary = await activity({ hours: 24 });
    expect(summary.fromDateTime).toBe('2026-05-31T09:00:00.000Z');
    expect(summary.toDateTime).toBe('2026-06-01T08:30:00.000Z');
    expect(summary.hours).toHaveLength(24);
    expect(summary.hours[0]).toEqual({ startDateTime: '2026-05-31T09:00:00.000Z', success: 1, failure: 0 });
    expect(summary.hours[21]).toEqual({ startDateTime: '2026-06-01T06:00:00.000Z', success: 0, failure: 2 });
    expect(summary.hours[23]).toEqual({ startDateTime: '2026-06-01T08:00:00.000Z', success: 2, failure: 2 });
    expect(summary.totals).toEqual({ success: 3, failure: 4 });
    expect(summary.failureReasons).toEqual([
      { failureCode: 'PIN_INCORRECT', count: 3 },
      { failureCode: 'QR_CODE_EXPIRED', count: 1 },
    ]);
    expect(summary.lockedMethods).toBe(0);

    const short = await activity({ hours: 1 });
    expect(short.hours).toEqual([{ startDateTime: '2026-06-01T08:00:00.000Z', success: 2, failure: 2 }]);
    expect((await activity()).hours).toHaveLength(24);
  });

  test('locked methods: timed locks still running and methods at the hard limit; a manager counts their workers', async () => {
    const inA = await createWorker(h, { user: { groupIds: [storeA] } });
    const hardLimited = await createWorker(h, { user: { groupIds: [storeA] } });
    const outside = await createWorker(h);
    const expired = await createWorker(h, { user: { groupIds: [storeA] } });
    const { client } = h.runtime.database;
    const now = h.clock.now().getTime();
    const lock = (userId: string, lockedUntil: number | null, consecutive: number) =>
      client.execute({
        sql: 'UPDATE qr_pin_methods SET locked_until = ?, consecutive_failures = ? WHERE user_id = ?',
        args: [lockedUntil, consecutive, userId],
      });
    await lock(inA.user.id, now + 60_000, 5);
    await lock(hardLimited.user.id, null, 1000);
    await lock(outside.user.id, now + 60_000, 5);
    await lock(expired.user.id, now - 1, 5);

    expect((await activity()).lockedMethods).toBe(3);
    const manager = await signedInUser(h, { role: 'manager', groupIds: [storeA] });
    const mine = await activity({}, { token: null, cookie: manager.cookie });
    expect(mine.lockedMethods).toBe(2);
    h.clock.advanceSeconds(61);
    expect((await activity()).lockedMethods).toBe(1);
  });

  test('a manager’s hours and reasons count only their workers’ sign-ins', async () => {
    const manager = await signedInUser(h, { role: 'manager', groupIds: [storeA] });
    const fresh = await activity({ hours: 2 }, { token: null, cookie: manager.cookie });
    const admin = await activity({ hours: 2 });
    expect(fresh.totals.success + fresh.totals.failure).toBeLessThan(
      admin.totals.success + admin.totals.failure,
    );
    // Store A's worker: 1 seeded success + 1 seeded failure + 1 real failure this hour, plus the
    // manager fixtures' own kiosk sign-ins (managers, not workers: not counted).
    const current = fresh.hours.at(-1)!;
    expect(current).toMatchObject({ success: 1, failure: 2 });
    expect(fresh.failureReasons).toEqual([{ failureCode: 'PIN_INCORRECT', count: 2 }]);
  });
});
