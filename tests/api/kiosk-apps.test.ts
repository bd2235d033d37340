/**
 * The kiosk's home screen data: the store apps an admin lists (GET/PUT /api/admin/kiosk/apps), and
 * what a signed-in worker's session view carries (their stores, the time left, the apps, and the
 * registered apps that sign in through Shiftpass).
 */
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import type { KioskApp, KioskAppsView } from '../../server/contracts/kiosk.js';
import type { SessionView } from '../../server/contracts/schemas.js';
import {
  addGroup,
  getSession,
  queryRows,
  readError,
  readJson,
  signedInAdmin,
  signedInUser,
  signIn,
  createWorker,
  startHarness,
  type Harness,
} from '../support/api-harness.js';

const APPS = '/api/admin/kiosk/apps';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

const putApps = (apps: unknown, options: { token?: string | null; cookie?: string } = {}) =>
  h.request('PUT', APPS, { body: { apps }, ...options });

const getApps = async (): Promise<KioskApp[]> =>
  (await readJson<KioskAppsView>(await h.request('GET', APPS))).apps;

const SCHEDULE: KioskApp = { name: 'Schedule', url: 'https://schedule.example.com/my-shifts' };
const STOCK: KioskApp = { name: 'Stock check', url: 'https://stock.example.com/' };

describe('an admin lists the store apps', () => {
  beforeEach(async () => {
    expect((await putApps([])).status).toBe(200);
  });

  test('the list starts empty, and a PUT replaces it in the order given', async () => {
    expect(await getApps()).toEqual([]);
    const res = await putApps([SCHEDULE, STOCK]);
    expect(res.status).toBe(200);
    expect(await readJson<KioskAppsView>(res)).toEqual({ apps: [SCHEDULE, STOCK] });
    expect(await getApps()).toEqual([SCHEDULE, STOCK]);

    expect((await putApps([STOCK])).status).toBe(200);
    expect(await getApps()).toEqual([STOCK]);
  });

  test('names and addresses are trimmed', async () => {
    expect(
      (await putApps([{ name: '  Schedule ', url: ' https://schedule.example.com/my-shifts ' }])).status,
    ).toBe(200);
    expect(await getApps()).toEqual([SCHEDULE]);
  });

  test.each([
    ['javascript:', 'javascript:alert(1)'],
    ['data:', 'data:text/html,<script>alert(1)</script>'],
    ['ftp:', 'ftp://files.example.com/'],
    ['plain http', 'http://schedule.example.com/'],
    ['plain http to localhost', 'http://localhost:3000/'],
    ['a relative path', '/admin'],
    ['a protocol-relative address', '//evil.example.com/'],
    ['no scheme', 'schedule.example.com'],
    ['a user name and password', 'https://user:secret@schedule.example.com/'],
    ['an empty string', ''],
    ['an address over 2048 characters', `https://example.com/${'a'.repeat(2040)}`],
  ])('%s as an address → 400 VALIDATION_FAILED naming apps.1.url', async (_name, url) => {
    const res = await putApps([SCHEDULE, { name: 'Bad', url }]);
    expect(res.status).toBe(400);
    expect(await readError(res)).toMatchObject({ error: { code: 'VALIDATION_FAILED', field: 'apps.1.url' } });
    expect(await getApps()).toEqual([]);
  });

  test.each([
    ['an empty name', ''],
    ['a name of spaces', '   '],
    ['a 61-character name', 'x'.repeat(61)],
    ['a control character', 'Sched\u0007ule'],
  ])('%s → 400 naming apps.0.name', async (_name, name) => {
    const res = await putApps([{ name, url: SCHEDULE.url }]);
    expect(res.status).toBe(400);
    expect(await readError(res)).toMatchObject({
      error: { code: 'VALIDATION_FAILED', field: 'apps.0.name' },
    });
  });

  test('a 60-character name is allowed', async () => {
    expect((await putApps([{ name: 'x'.repeat(60), url: SCHEDULE.url }])).status).toBe(200);
  });

  test('the same name twice (any case) → 400 naming the second', async () => {
    const res = await putApps([SCHEDULE, STOCK, { name: 'SCHEDULE', url: 'https://other.example.com/' }]);
    expect(res.status).toBe(400);
    expect(await readError(res)).toMatchObject({
      error: { code: 'VALIDATION_FAILED', field: 'apps.2.name' },
    });
  });

  test('20 apps are allowed, 21 are not', async () => {
    const apps = (n: number) =>
      Array.from({ length: n }, (_, i) => ({ name: `App ${i}`, url: `https://a${i}.example.com/` }));
    expect((await putApps(apps(20))).status).toBe(200);
    const res = await putApps(apps(21));
    expect(res.status).toBe(400);
    expect(await readError(res)).toMatchObject({ error: { code: 'VALIDATION_FAILED', field: 'apps' } });
    expect(await getApps()).toHaveLength(20);
  });

  test('unknown fields and a missing list are refused', async () => {
    const extra = await putApps([{ ...SCHEDULE, icon: 'x.png' }]);
    expect(await readError(extra)).toMatchObject({
      error: { code: 'VALIDATION_FAILED', field: 'apps.0.icon' },
    });
    const missing = await h.request('PUT', APPS, { body: {} });
    expect(await readError(missing)).toMatchObject({ error: { code: 'VALIDATION_FAILED', field: 'apps' } });
  });

  test('a change is audited with the list before and after; a refused one is not', async () => {
    const rows = () =>
      queryRows(
        h,
        "SELECT actor_type, target_type, target_id, details FROM audit_logs WHERE activity = 'kiosk.apps.updated' ORDER BY activity_at, rowid",
      );
    const before = (await rows()).length;
    expect((await putApps([{ name: 'Bad', url: 'javascript:alert(1)' }])).status).toBe(400);
    expect(await rows()).toHaveLength(before);

    expect((await putApps([SCHEDULE])).status).toBe(200);
    const all = await rows();
    expect(all).toHaveLength(before + 1);
    expect(all.at(-1)).toMatchObject({
      actor_type: 'api_token',
      target_type: 'policy',
      target_id: 'kiosk-apps',
    });
    expect(JSON.parse(String(all.at(-1)!.details))).toEqual({ before: [], after: [SCHEDULE] });
  });
});

describe('who may read and change the list', () => {
  test('a worker’s or a manager’s session, and an admin’s badge session, get 403 FORBIDDEN', async () => {
    const worker = await signedInUser(h);
    const manager = await signedInUser(h, { role: 'manager' });
    // A badge + PIN session gives an admin only a manager's reach.
    const badgeAdmin = await signedInUser(h, { role: 'admin' });
    for (const { cookie } of [worker, manager, badgeAdmin]) {
      const read = await h.request('GET', APPS, { token: null, cookie });
      expect(read.status).toBe(403);
      expect((await readError(read)).error.code).toBe('FORBIDDEN');
      const write = await putApps([SCHEDULE], { token: null, cookie });
      expect(write.status).toBe(403);
      expect((await readError(write)).error.code).toBe('FORBIDDEN');
    }
  });

  test('nobody signed in gets 401', async () => {
    expect((await h.request('GET', APPS, { token: null })).status).toBe(401);
    expect((await putApps([SCHEDULE], { token: null })).status).toBe(401);
  });

  test('an admin’s console session may change it', async () => {
    const admin = await signedInAdmin(h);
    expect((await putApps([STOCK], { token: null, cookie: admin.cookie })).status).toBe(200);
    expect(await getApps()).toEqual([STOCK]);
  });
});

describe('the signed-in worker’s session view', () => {
  test('carries their stores by name, the time left, and the apps', async () => {
    expect((await putApps([SCHEDULE, STOCK])).status).toBe(200);
    const north = await addGroup(h, 'North Street');
    const harbour = await addGroup(h, 'Harbour Mall');
    const worker = await signedInUser(h, { displayName: 'Rosa Store', groupIds: [north.id, harbour.id] });

    // Ten minutes on (well inside the 15-minute idle timeout).
    h.clock.advanceSeconds(600);
    const res = await getSession(h, worker.cookie);
    expect(res.status).toBe(200);
    const view = await readJson<SessionView>(res);
    expect(view.user).toEqual({
      id: worker.user.id,
      displayName: 'Rosa Store',
      role: 'worker',
      groups: [
        { id: harbour.id, displayName: 'Harbour Mall' },
        { id: north.id, displayName: 'North Street' },
      ],
    });
    expect(view.kioskApps).toEqual([SCHEDULE, STOCK]);
    // Default absolute timeout: 12 hours from sign-in.
    expect(view.expiresInSeconds).toBe(12 * 3600 - 600);
    expect(Date.parse(view.expiresDateTime) - h.clock.now().getTime()).toBe((12 * 3600 - 600) * 1000);
  });

  test('a shorter absolute timeout shortens the time left of an open session', async () => {
    const worker = await signedInUser(h);
    const res = await h.request('PATCH', '/api/admin/policies/sessions', {
      body: { absoluteTimeoutInHours: 2 },
    });
    expect(res.status).toBe(200);
    try {
      h.clock.advanceSeconds(90);
      const view = await readJson<SessionView>(await getSession(h, worker.cookie));
      expect(view.expiresInSeconds).toBe(2 * 3600 - 90);
    } finally {
      await h.request('PATCH', '/api/admin/policies/sessions', { body: { absoluteTimeoutInHours: 12 } });
    }
  });

  test('a worker in no group has no stores; a session still changing its PIN sees the same view', async () => {
    const fresh = await createWorker(h);
    const { cookie } = await signIn(h, fresh.qr, fresh.pin);
    const view = await readJson<SessionView>(await getSession(h, cookie!));
    expect(view.mustChangePin).toBe(true);
    expect(view.user.groups).toEqual([]);
  });

  test('lists the enabled store apps with a home address that sign in through Shiftpass, for the worker’s stores only', async () => {
    const north = await addGroup(h, 'North Sign-in Store');
    const south = await addGroup(h, 'South Sign-in Store');
    const register = async (displayName: string, body: Record<string, unknown>) => {
      const res = await h.request('POST', '/api/admin/apps', {
        body: {
          displayName,
          clientType: 'public',
          redirectUris: ['https://app.example.com/callback'],
          ...body,
        },
      });
      expect(res.status, await res.clone().text()).toBe(201);
      return readJson<{ id: string }>(res);
    };
    const everyStore = await register('Every store app', { homeUrl: 'https://every.example.com/' });
    const northOnly = await register('North app', {
      homeUrl: 'https://north.example.com/',
      groupIds: [north.id],
    });
    await register('South app', { homeUrl: 'https://south.example.com/', groupIds: [south.id] });
    await register('Turned off app', { homeUrl: 'https://off.example.com/', enabled: false });
    await register('App with no home', {});
    const worker = await signedInUser(h, { groupIds: [north.id] });
    const view = await readJson<SessionView>(await getSession(h, worker.cookie));
    expect(view.signInApps).toEqual([
      { id: everyStore.id, name: 'Every store app', url: 'https://every.example.com/' },
      { id: northOnly.id, name: 'North app', url: 'https://north.example.com/' },
    ]);
    const storeless = await signedInUser(h);
    const storelessView = await readJson<SessionView>(await getSession(h, storeless.cookie));
    expect(storelessView.signInApps.map((app) => app.name)).toEqual(['Every store app']);
  });

  test('without a session there is no view', async () => {
    expect((await h.request('GET', '/api/auth/session', { token: null })).status).toBe(401);
  });
});
