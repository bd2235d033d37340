/** The people list tells each person's badge state and lock, so the console need not open every person. */
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Page } from '../../server/contracts/pagination.js';
import type { UserListItemView } from '../../server/contracts/people-list.js';
import {
  createUser,
  createWorker,
  readJson,
  signIn,
  startHarness,
  type Harness,
} from '../support/api-harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

async function listed(search: string): Promise<Map<string, UserListItemView['badge']>> {
  const res = await h.request('GET', `/api/admin/users?search=${encodeURIComponent(search)}`);
  expect(res.status).toBe(200);
  const page = await readJson<Page<UserListItemView>>(res);
  return new Map(page.value.map((person) => [person.displayName, person.badge]));
}

test('the list shows no badge, an active one, a temporary one only, a lock, and an expired badge', async () => {
  const enabled = await h.request('PATCH', '/api/admin/policies/qr-code-pin', {
    body: { state: 'enabled', includeTargets: [{ id: 'all_users' }] },
  });
  expect(enabled.status).toBe(200);
  await createUser(h, { displayName: 'List Nobadge' });
  await createWorker(h, { user: { displayName: 'List Active' } });
  const temporary = await createWorker(h, { user: { displayName: 'List Temporary' } });
  const base = `/api/admin/users/${temporary.user.id}/qr-code-pin-method`;
  expect((await h.request('DELETE', `${base}/standard-qr-code`)).status).toBe(204);
  expect((await h.request('PUT', `${base}/temporary-qr-code`, { body: {} })).status).toBe(201);
  const locked = await createWorker(h, { user: { displayName: 'List Locked' } });
  const wrongPin = locked.pin === '00000000' ? '11111111' : '00000000';
  for (let i = 0; i < 10; i++) await signIn(h, locked.qr, wrongPin);

  const now = await listed('List ');
  expect(now.get('List Nobadge')).toEqual({
    state: 'none',
    expireDateTime: null,
    isLocked: false,
    lockedUntilDateTime: null,
  });
  expect(now.get('List Active')).toMatchObject({ state: 'active', isLocked: false });
  expect(now.get('List Temporary')?.state).toBe('temporary');
  expect(now.get('List Locked')).toMatchObject({ state: 'active', isLocked: true });
  expect(Date.parse(now.get('List Locked')!.lockedUntilDateTime!)).toBeGreaterThan(h.clock.now().getTime());

  // A year and a bit later every code has run out, and the timed lock with them.
  h.clock.advanceSeconds(400 * 24 * 60 * 60);
  const later = await listed('List ');
  expect(later.get('List Active')).toMatchObject({ state: 'expired', isLocked: false });
  expect(later.get('List Temporary')?.state).toBe('expired');
  expect(later.get('List Nobadge')?.state).toBe('none');
});
