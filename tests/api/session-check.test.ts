/**
 * The session check (every API request with a cookie; GET /api/auth/session answers with it) reads the
 * session, its user, the session policy and what the view shows in one statement, with nothing kept
 * in process memory. Two API nodes share one database here (two runtimes on one data directory, one
 * clock), so what one node stores must hold on the other from its very next check.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { SessionView } from '../../server/contracts/schemas.js';
import {
  addGroup,
  createWorker,
  getSession,
  queryRows,
  readJson,
  signIn,
  startHarness,
  type Harness,
} from '../support/api-harness.js';

let a: Harness;
let b: Harness;

beforeAll(async () => {
  a = await startHarness();
  b = await startHarness({}, { dataDir: a.dir, clock: a.clock });
});
afterAll(async () => {
  await a.request('PATCH', '/api/admin/policies/sessions', { body: { idleTimeoutInMinutes: 15 } });
  b.stop();
  a.close();
});

async function signedInOnB(groupIds: string[] = []) {
  const worker = await createWorker(a, { user: { groupIds } });
  const { cookie } = await signIn(b, worker.qr, worker.pin);
  return { worker, cookie: cookie! };
}

test('an idle timeout shortened on one node ends an idle session on the other at its next check', async () => {
  const { cookie } = await signedInOnB();
  expect((await getSession(b, cookie)).status).toBe(200);
  a.clock.advanceMs(6 * 60_000);
  // Still inside the 15-minute default: one more check on B keeps it (and counts as activity).
  const stillOpen = await getSession(b, cookie);
  expect(stillOpen.status).toBe(200);
  expect((await readJson<SessionView>(stillOpen)).idleTimeoutSeconds).toBe(15 * 60);

  a.clock.advanceMs(6 * 60_000);
  const shortened = await a.request('PATCH', '/api/admin/policies/sessions', {
    body: { idleTimeoutInMinutes: 5 },
  });
  expect(shortened.status).toBe(200);
  const ended = await getSession(b, cookie);
  expect(ended.status).toBe(401);
  // The browser is told to forget the ended session's cookie.
  expect(ended.headers.get('set-cookie')).toMatch(/__Host-shiftpass_session=;/);

  // A fresh session on B gets the shortened timeout at once.
  const fresh = await signedInOnB();
  expect((await readJson<SessionView>(await getSession(b, fresh.cookie))).idleTimeoutSeconds).toBe(5 * 60);
  await a.request('PATCH', '/api/admin/policies/sessions', { body: { idleTimeoutInMinutes: 15 } });
});

test('a user disabled on one node is signed out on the other at the next check', async () => {
  const { worker, cookie } = await signedInOnB();
  expect((await getSession(b, cookie)).status).toBe(200);
  const disabled = await a.request('PATCH', `/api/admin/users/${worker.user.id}`, {
    body: { accountEnabled: false },
  });
  expect(disabled.status).toBe(200);
  expect((await getSession(b, cookie)).status).toBe(401);
});

test("the kiosk apps, store apps and the worker's stores changed on one node show in the other's next view", async () => {
  const store = await addGroup(a, 'Lisbon store');
  const { worker, cookie } = await signedInOnB();
  const before = await readJson<SessionView>(await getSession(b, cookie));
  expect(before.user.groups).toEqual([]);
  expect(before.signInApps).toEqual([]);

  expect(
    (
      await a.request('PUT', '/api/admin/kiosk/apps', {
        body: { apps: [{ name: 'Rota', url: 'https://rota.example.com/' }] },
      })
    ).status,
  ).toBe(200);
  const app = await a.request('POST', '/api/admin/apps', {
    body: {
      displayName: 'Lisbon swaps',
      clientType: 'public',
      redirectUris: ['https://swap.example.com/callback'],
      homeUrl: 'https://swap.example.com/start',
      groupIds: [store.id],
    },
  });
  expect(app.status).toBe(201);
  const appId = (await readJson<{ id: string }>(app)).id;
  expect(
    (await a.request('PATCH', `/api/admin/users/${worker.user.id}`, { body: { groupIds: [store.id] } }))
      .status,
  ).toBe(200);

  const after = await readJson<SessionView>(await getSession(b, cookie));
  expect(after.user.groups).toEqual([{ id: store.id, displayName: 'Lisbon store' }]);
  expect(after.kioskApps).toEqual([{ name: 'Rota', url: 'https://rota.example.com/' }]);
  expect(after.signInApps).toEqual([
    { id: appId, name: 'Lisbon swaps', url: 'https://swap.example.com/start' },
  ]);

  // Switched off on A: gone from B's next view.
  expect((await a.request('PATCH', `/api/admin/apps/${appId}`, { body: { enabled: false } })).status).toBe(
    200,
  );
  expect((await readJson<SessionView>(await getSession(b, cookie))).signInApps).toEqual([]);
  await a.request('PUT', '/api/admin/kiosk/apps', { body: { apps: [] } });
  await a.request('DELETE', `/api/admin/apps/${appId}`);
});

test("the worker's stores are listed by name whatever the letter case, then by id", async () => {
  const names = ['b store', 'A store', 'c Store', 'B store'];
  const stores = [];
  for (const name of names) stores.push(await addGroup(a, name));
  const { cookie } = await signedInOnB(stores.map((store) => store.id));
  const view = await readJson<SessionView>(await getSession(b, cookie));
  const bs = stores.filter((store) => store.displayName.toLowerCase() === 'b store').map((s) => s.id);
  bs.sort();
  const byId = new Map(stores.map((store) => [store.id, store.displayName]));
  expect(view.user.groups.map((group) => group.displayName)).toEqual([
    'A store',
    byId.get(bs[0]!),
    byId.get(bs[1]!),
    'c Store',
  ]);
});

test('a store app whose stored store list cannot be read is shown to no store, and the check still answers', async () => {
  const app = await a.request('POST', '/api/admin/apps', {
    body: {
      displayName: 'Damaged app',
      clientType: 'public',
      redirectUris: ['https://damaged.example.com/callback'],
      homeUrl: 'https://damaged.example.com/start',
    },
  });
  const appId = (await readJson<{ id: string }>(app)).id;
  const { cookie } = await signedInOnB();
  expect((await readJson<SessionView>(await getSession(b, cookie))).signInApps.map((x) => x.id)).toContain(
    appId,
  );
  await a.runtime.database.client.execute({
    sql: "UPDATE apps SET group_ids = 'not json' WHERE id = ?",
    args: [appId],
  });
  const res = await getSession(b, cookie);
  expect(res.status).toBe(200);
  expect((await readJson<SessionView>(res)).signInApps.map((x) => x.id)).not.toContain(appId);
  expect(await queryRows(a, 'SELECT group_ids FROM apps WHERE id = ?', [appId])).toEqual([
    { group_ids: 'not json' },
  ]);
  await a.runtime.database.client.execute({
    sql: "UPDATE apps SET group_ids = '[]' WHERE id = ?",
    args: [appId],
  });
  await a.request('DELETE', `/api/admin/apps/${appId}`);
});

test('checks leave no read open on the database: the write-ahead log can still be checkpointed to empty', async () => {
  const { cookie } = await signedInOnB();
  for (let i = 0; i < 3; i++) expect((await getSession(b, cookie)).status).toBe(200);
  await a.request('PATCH', '/api/admin/policies/sessions', { body: { idleTimeoutInMinutes: 15 } });
  const [result] = (await b.runtime.database.client.execute('PRAGMA wal_checkpoint(TRUNCATE)')).rows;
  // busy = 0: no connection (the check's kept statement included) holds an old snapshot.
  expect(result![0]).toBe(0);
  expect((await getSession(b, cookie)).status).toBe(200);
});
