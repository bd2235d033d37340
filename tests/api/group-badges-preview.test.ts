/**
 * GET /api/admin/groups/{id}/badges (who would get what, nothing issued) and POST with `userIds`
 * (a reprint of chosen people's labels: new codes, the PIN they know stays); the import's `stores`
 * column.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { GroupBadgesPreview, GroupBadgesResult, ImportResult } from '../../server/contracts/bulk.js';
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

const preview = async (groupId: string, cookie?: string) => {
  const res = await h.request(
    'GET',
    `/api/admin/groups/${groupId}/badges`,
    cookie ? { token: null, cookie } : {},
  );
  expect(res.status).toBe(200);
  return readJson<GroupBadgesPreview>(res);
};

test('the preview says who gets a badge and a PIN, a badge only, or has one, and issues nothing', async () => {
  const store = await addGroup(h);
  const newcomer = await createUser(h, { displayName: 'Ana New', groupIds: [store.id] });
  await createWorker(h, { user: { displayName: 'Bo Badged', groupIds: [store.id] } });
  const codeless = await createWorker(h, { user: { displayName: 'Cy Codeless', groupIds: [store.id] } });
  expect(
    (await h.request('DELETE', `/api/admin/users/${codeless.user.id}/qr-code-pin-method/standard-qr-code`))
      .status,
  ).toBe(204);

  const first = await preview(store.id);
  expect(first.group).toEqual({ id: store.id, displayName: store.displayName });
  expect(first.people.map((p) => [p.displayName, p.status])).toEqual([
    ['Ana New', 'newBadgeAndPin'],
    ['Bo Badged', 'hasBadge'],
    ['Cy Codeless', 'newBadge'],
  ]);
  expect(first.people[1]!.expireDateTime).toMatch(/^\d{4}-\d\d-\d\dT/);
  expect(first.people.filter((p) => p.status !== 'hasBadge').every((p) => p.expireDateTime === null)).toBe(
    true,
  );
  // Nothing was issued: the same preview again.
  expect(await preview(store.id)).toEqual(first);
  expect(newcomer.id).toBe(first.people[0]!.userId);
});

test("a manager's preview marks members who are not workers as not theirs; another store is 403", async () => {
  const store = await addGroup(h);
  const other = await addGroup(h);
  const manager = await signedInUser(h, { role: 'manager', groupIds: [store.id] });
  await createUser(h, { displayName: 'Dee Worker', groupIds: [store.id] });
  const result = await preview(store.id, manager.cookie);
  const byName = new Map(result.people.map((p) => [p.displayName, p.status]));
  expect(byName.get('Dee Worker')).toBe('newBadgeAndPin');
  expect([...byName.values()].filter((s) => s === 'notAllowed')).toHaveLength(1);
  const res = await h.request('GET', `/api/admin/groups/${other.id}/badges`, {
    token: null,
    cookie: manager.cookie,
  });
  expect(res.status).toBe(403);
});

test('a reprint of chosen people replaces only their badges, without a PIN; the others keep theirs', async () => {
  const store = await addGroup(h);
  const chosen = await createWorker(h, { user: { displayName: 'Eve Chosen', groupIds: [store.id] } });
  const left = await createWorker(h, { user: { displayName: 'Fay Left', groupIds: [store.id] } });
  const res = await h.request('POST', `/api/admin/groups/${store.id}/badges`, {
    body: { replaceExisting: true, userIds: [chosen.user.id] },
  });
  expect(res.status).toBe(200);
  const result = await readJson<GroupBadgesResult>(res);
  expect(result.summary).toEqual({ issued: 1, alreadyHadBadge: 0, skipped: 0, remaining: 0 });
  expect(result.badges.map((b) => [b.displayName, b.pin])).toEqual([['Eve Chosen', null]]);
  expect((await signIn(h, chosen.qr, chosen.pin)).res.status).toBe(401);
  expect((await signIn(h, result.badges[0]!.image.rawContent, chosen.pin)).res.status).toBe(200);
  expect((await signIn(h, left.qr, left.pin)).res.status).toBe(200);
});

test('choosing someone who is not in the store is a 400 in words, and nothing is issued', async () => {
  const store = await addGroup(h);
  const member = await createUser(h, { groupIds: [store.id] });
  const stranger = await createUser(h, {});
  const res = await h.request('POST', `/api/admin/groups/${store.id}/badges`, {
    body: { userIds: [member.id, stranger.id] },
  });
  expect(res.status).toBe(400);
  const { error } = await readError(res);
  expect([error.code, error.field]).toEqual(['VALIDATION_FAILED', 'userIds']);
  expect(error.message).toContain('no longer in this store');
  expect((await preview(store.id)).people[0]!.status).toBe('newBadgeAndPin');
});

test('the import reads a stores column as groups, and refuses a file with both', async () => {
  const store = await addGroup(h);
  const csv = `userPrincipalName,displayName,Stores\r\nstores.one@example.test,Stores One,${store.displayName}\r\n`;
  const res = await h.request('POST', '/api/admin/users/import', { body: { csv, dryRun: false } });
  expect(res.status).toBe(200);
  const result = await readJson<ImportResult>(res);
  expect(result.summary.created).toBe(1);
  expect(result.ignoredColumns).toEqual([]);
  expect(result.columnHeaders.groups).toBe('Stores');
  expect((await preview(store.id)).people.map((p) => p.displayName)).toEqual(['Stores One']);

  const both = await h.request('POST', '/api/admin/users/import', {
    body: { csv: 'userPrincipalName,groups,stores\r\nx@example.test,A,B\r\n', dryRun: true },
  });
  expect(both.status).toBe(400);
  const { error } = await readError(both);
  expect(error.field).toBe('csv');
  expect(error.message).toContain('both a groups and a stores column');
});
