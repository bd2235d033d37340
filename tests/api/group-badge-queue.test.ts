/**
 * GET /api/admin/groups/{id}/badges/new-people: a store's new people waiting for their first badge,
 * whichever way they arrived (console, CSV import), newest first; the people who need no first badge
 * left out; issuing theirs with POST …/badges takes them out at once; a manager's view is scoped.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { NewPeopleView } from '../../server/contracts/badge-queue.js';
import type { GroupBadgesResult } from '../../server/contracts/bulk.js';
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
} from '../support/api-harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

const newPeople = async (groupId: string, cookie?: string) => {
  const res = await h.request(
    'GET',
    `/api/admin/groups/${groupId}/badges/new-people`,
    cookie ? { token: null, cookie } : {},
  );
  expect(res.status).toBe(200);
  return readJson<NewPeopleView>(res);
};
const namesOf = (view: NewPeopleView) => view.value.map((p) => p.displayName);

test('people added by the console or a CSV import wait for their first badge, newest first', async () => {
  const store = await addGroup(h);
  const first = await createUser(h, {
    displayName: 'Ana First',
    employeeId: 'E-100',
    groupIds: [store.id],
  });
  h.clock.advanceSeconds(60);
  const csv = `userPrincipalName,displayName,stores\r\nbo.csv@example.test,Bo Csv,${store.displayName}\r\n`;
  const imported = await h.request('POST', '/api/admin/users/import', { body: { csv, dryRun: false } });
  expect(imported.status).toBe(200);
  h.clock.advanceSeconds(60);
  await createUser(h, { displayName: 'Cy Latest', groupIds: [store.id] });

  const view = await newPeople(store.id);
  expect(view.group).toEqual({ id: store.id, displayName: store.displayName });
  expect(namesOf(view)).toEqual(['Cy Latest', 'Bo Csv', 'Ana First']);
  expect(view.value[2]).toEqual({
    id: first.id,
    displayName: 'Ana First',
    userPrincipalName: first.userPrincipalName,
    employeeId: 'E-100',
    createdDateTime: first.createdDateTime,
  });
});

test('nobody who needs no first badge is listed: a badge holder, a PIN holder, a disabled person', async () => {
  const store = await addGroup(h);
  await createWorker(h, { user: { displayName: 'Dee Badged', groupIds: [store.id] } });
  const expired = await createWorker(h, { user: { displayName: 'Eve Kept Pin', groupIds: [store.id] } });
  const removed = await h.request(
    'DELETE',
    `/api/admin/users/${expired.user.id}/qr-code-pin-method/standard-qr-code`,
  );
  expect(removed.status).toBe(204);
  await createUser(h, { displayName: 'Fay Disabled', accountEnabled: false, groupIds: [store.id] });
  await createUser(h, { displayName: 'Gus Elsewhere' });
  await createUser(h, { displayName: 'Hal New', groupIds: [store.id] });

  expect(namesOf(await newPeople(store.id))).toEqual(['Hal New']);
});

test('someone whose badge and PIN were both taken away waits again, as a new person would', async () => {
  const store = await addGroup(h);
  const worker = await createWorker(h, { user: { displayName: 'Ida Back', groupIds: [store.id] } });
  expect(namesOf(await newPeople(store.id))).toEqual([]);
  const res = await h.request('DELETE', `/api/admin/users/${worker.user.id}/qr-code-pin-method`);
  expect(res.status).toBe(204);
  expect(namesOf(await newPeople(store.id))).toEqual(['Ida Back']);
});

test('someone offboarded and taken back waits for a new badge: the old one never comes back', async () => {
  const store = await addGroup(h);
  const worker = await createWorker(h, { user: { displayName: 'Ivo Rehired', groupIds: [store.id] } });
  expect(namesOf(await newPeople(store.id))).toEqual([]);
  expect((await h.request('POST', `/api/admin/users/${worker.user.id}/offboard`)).status).toBe(200);
  expect(namesOf(await newPeople(store.id))).toEqual([]);
  expect((await h.request('POST', `/api/admin/users/${worker.user.id}/reactivate`)).status).toBe(200);
  expect(namesOf(await newPeople(store.id))).toEqual(['Ivo Rehired']);
  expect((await signIn(h, worker.qr, worker.pin)).res.status).toBe(401);
});

test('issuing the listed people their badges takes them out at once, and the badges work', async () => {
  const store = await addGroup(h);
  await createWorker(h, { user: { displayName: 'Jo Has One', groupIds: [store.id] } });
  await createUser(h, { displayName: 'Kai New', groupIds: [store.id] });
  await createUser(h, { displayName: 'Lu New', groupIds: [store.id] });
  const before = await newPeople(store.id);
  expect(before.value).toHaveLength(2);

  const res = await h.request('POST', `/api/admin/groups/${store.id}/badges`, {
    body: { userIds: before.value.map((p) => p.id) },
  });
  expect(res.status).toBe(200);
  const result = await readJson<GroupBadgesResult>(res);
  expect(result.summary).toEqual({ issued: 2, alreadyHadBadge: 0, skipped: 0, remaining: 0 });
  expect(result.badges.map((b) => b.displayName).sort()).toEqual(['Kai New', 'Lu New']);
  expect(result.badges.every((b) => b.pin !== null)).toBe(true);
  expect((await newPeople(store.id)).value).toEqual([]);
  const kai = result.badges.find((b) => b.displayName === 'Kai New')!;
  expect((await signIn(h, kai.image.rawContent, kai.pin!)).res.status).toBe(200);
});

test("a manager sees their own store's new workers only; another store is 403, a missing one 404 for an admin", async () => {
  const store = await addGroup(h);
  const other = await addGroup(h);
  const manager = await signedInUser(h, { role: 'manager', displayName: 'Mo Manager', groupIds: [store.id] });
  await createUser(h, { displayName: 'Ned Worker', groupIds: [store.id] });
  await createUser(h, { displayName: 'Oz New Manager', role: 'manager', groupIds: [store.id] });
  await createUser(h, { displayName: 'Pia Other Store', groupIds: [other.id] });

  expect(namesOf(await newPeople(store.id, manager.cookie))).toEqual(['Ned Worker']);
  expect(namesOf(await newPeople(store.id))).toEqual(['Ned Worker', 'Oz New Manager']);

  const theirs = await h.request('GET', `/api/admin/groups/${other.id}/badges/new-people`, {
    token: null,
    cookie: manager.cookie,
  });
  expect(theirs.status).toBe(403);
  expect((await readError(theirs)).error.code).toBe('FORBIDDEN');
  const missing = await h.request('GET', '/api/admin/groups/no-such-store/badges/new-people');
  expect(missing.status).toBe(404);
  expect((await readError(missing)).error.code).toBe('NOT_FOUND');
});
