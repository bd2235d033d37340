/**
 * POST /api/admin/groups/{id}/badges: badges for a store's members who have none, new ones for all
 * with replaceExisting (old badges stop working), for admins and that store's managers only.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { GroupBadgesResult } from '../../server/contracts/bulk.js';
import { issueStandardBadges } from '../../server/features/badges/badge-issuing.js';
import {
  addGroup,
  createUser,
  createWorker,
  queryRows,
  readError,
  readJson,
  signIn,
  signedInUser,
  startHarness,
  type Harness,
  type RequestOptions,
} from '../support/api-harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

const issueFor = (groupId: string, body: unknown = {}, options: RequestOptions = {}) =>
  h.request('POST', `/api/admin/groups/${groupId}/badges`, { body, ...options });

async function issueOk(groupId: string, body: unknown = {}, options: RequestOptions = {}) {
  const res = await issueFor(groupId, body, options);
  if (res.status !== 200) throw new Error(`badges: ${res.status} ${await res.text()}`);
  return readJson<GroupBadgesResult>(res);
}

describe('an admin', () => {
  test('gets badges for the members without one, which sign in with their PIN; the rest are left alone', async () => {
    const store = await addGroup(h);
    const other = await addGroup(h);
    const newcomer = await createUser(h, { displayName: 'Ana Newcomer', groupIds: [store.id] });
    const badged = await createWorker(h, { user: { displayName: 'Bo Badged', groupIds: [store.id] } });
    const elsewhere = await createUser(h, { groupIds: [other.id] });

    const result = await issueOk(store.id);
    expect(result.summary).toEqual({ issued: 1, alreadyHadBadge: 1, skipped: 0, remaining: 0 });
    expect(result.badges.map((b) => b.userId)).toEqual([newcomer.id]);
    expect(result.badges.map((b) => b.userId)).not.toContain(elsewhere.id);
    const [badge] = result.badges;
    const { res } = await signIn(h, badge!.image.rawContent, badge!.pin!);
    expect(res.status).toBe(200);
    // Bo's badge still works.
    expect((await signIn(h, badged.qr, badged.pin)).res.status).toBe(200);

    expect((await issueOk(store.id)).badges).toEqual([]);
  });

  test('replaceExisting: everyone gets a new code; old badges stop working, known PINs stay', async () => {
    const store = await addGroup(h);
    const worker = await createWorker(h, { user: { groupIds: [store.id] } });
    const result = await issueOk(store.id, { replaceExisting: true });
    expect(result.summary.issued).toBe(1);
    const [badge] = result.badges;
    expect(badge!.pin).toBeNull();
    expect((await signIn(h, worker.qr, worker.pin)).res.status).toBe(401);
    expect((await signIn(h, badge!.image.rawContent, worker.pin)).res.status).toBe(200);
  });

  test('an unknown group is 404, a bad body 400', async () => {
    expect((await issueFor('no-such-group')).status).toBe(404);
    const store = await addGroup(h);
    const res = await issueFor(store.id, { replaceExisting: 'yes' });
    expect(res.status).toBe(400);
    expect((await readError(res)).error.field).toBe('replaceExisting');
  });
});

describe('a manager', () => {
  test('issues for the workers of their own store only (other members skipped)', async () => {
    const store = await addGroup(h);
    const manager = await signedInUser(h, { role: 'manager', groupIds: [store.id] });
    const worker = await createUser(h, { groupIds: [store.id] });
    await createUser(h, { role: 'manager', groupIds: [store.id] });
    const result = await issueOk(store.id, {}, { token: null, cookie: manager.cookie });
    expect(result.badges.map((b) => b.userId)).toEqual([worker.id]);
    // The manager themselves (has a badge) and the other manager are outside a manager's reach.
    expect(result.summary).toEqual({ issued: 1, alreadyHadBadge: 0, skipped: 2, remaining: 0 });
  });

  test("is refused another store's badges (403), existing or not", async () => {
    const mine = await addGroup(h);
    const theirs = await addGroup(h);
    await createUser(h, { groupIds: [theirs.id] });
    const manager = await signedInUser(h, { role: 'manager', groupIds: [mine.id] });
    for (const id of [theirs.id, 'no-such-group']) {
      const res = await issueFor(id, {}, { token: null, cookie: manager.cookie });
      expect(res.status).toBe(403);
      expect((await readError(res)).error.code).toBe('FORBIDDEN');
    }
  });

  test('a worker is refused (403)', async () => {
    const store = await addGroup(h);
    const worker = await signedInUser(h, { groupIds: [store.id] });
    expect((await issueFor(store.id, {}, { token: null, cookie: worker.cookie })).status).toBe(403);
  });
});

test('one audit entry per run with counts, and no secret in any log', async () => {
  const store = await addGroup(h);
  await createUser(h, { groupIds: [store.id] });
  const result = await issueOk(store.id);
  const badge = result.badges[0]!;
  await signIn(h, badge.image.rawContent, badge.pin!);
  const [entry] = await queryRows(
    h,
    "select details from audit_logs where activity = 'group.badgesIssued' and target_id = ?",
    [store.id],
  );
  expect(JSON.parse(String(entry!.details))).toEqual({
    issued: 1,
    alreadyHadBadge: 0,
    skipped: 0,
    remaining: 0,
    replaceExisting: false,
  });
  const logs = JSON.stringify([
    ...(await queryRows(h, 'select * from audit_logs')),
    ...(await queryRows(h, 'select * from sign_in_logs')),
  ]);
  const secret = badge.image.rawContent.split(':').at(-1)!;
  for (const value of [badge.pin!, secret, badge.shortCode, badge.shortCode.replace('-', '')]) {
    expect(logs).not.toContain(value);
  }
});

test('one run issues at most its share; the rest are counted and the next run issues them', async () => {
  const store = await addGroup(h);
  const people = [];
  for (let i = 0; i < 5; i++)
    people.push(await createUser(h, { displayName: `Capped ${i}`, groupIds: [store.id] }));
  const actor = {
    type: 'api_token',
    userId: 'nobody',
    role: 'admin',
    tokenId: 't',
    scopes: ['admin.full'],
  } as const;
  const persons = people.map((p) => ({
    id: p.id,
    userPrincipalName: p.userPrincipalName,
    displayName: p.displayName,
  }));
  const first = await issueStandardBadges(h.runtime.deps, actor, persons, { replace: false, max: 2 });
  expect([first.badges.length, first.remaining, first.alreadyHadBadge]).toEqual([2, 3, 0]);
  const second = await issueStandardBadges(h.runtime.deps, actor, persons, { replace: false, max: 2 });
  expect([second.badges.length, second.remaining, second.alreadyHadBadge]).toEqual([2, 1, 2]);
  const third = await issueStandardBadges(h.runtime.deps, actor, persons, { replace: false, max: 2 });
  expect([third.badges.length, third.remaining, third.alreadyHadBadge]).toEqual([1, 0, 4]);
  const everyone = new Set([...first.badges, ...second.badges, ...third.badges].map((b) => b.userId));
  expect(everyone.size).toBe(5);
});
