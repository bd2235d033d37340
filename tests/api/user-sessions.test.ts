/** GET /api/admin/users/{id}/sessions: where a person is signed in, scoped like every user route. */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { UserSessionView } from '../../server/contracts/directory.js';
import {
  addGroup,
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

const sessionsOf = (userId: string, as: { token?: null; cookie?: string } = {}) =>
  h.request('GET', `/api/admin/users/${userId}/sessions`, as);

describe('listing a user’s sessions', () => {
  test('shows each kiosk sign-in, newest first, without any token', async () => {
    const worker = await createWorker(h);
    expect(await readJson<{ value: unknown[] }>(await sessionsOf(worker.user.id))).toEqual({ value: [] });

    expect((await signIn(h, worker.qr, worker.pin)).res.status).toBe(200);
    h.clock.advanceSeconds(5);
    expect((await signIn(h, worker.qr, worker.pin)).res.status).toBe(200);

    const res = await sessionsOf(worker.user.id);
    expect(res.status).toBe(200);
    const { value } = await readJson<{ value: UserSessionView[] }>(res);
    expect(value).toHaveLength(2);
    expect(value[0]).toEqual({
      id: expect.any(String),
      kind: 'kiosk',
      authMethod: 'qr_pin',
      deviceId: null,
      userAgent: null,
      createdDateTime: h.clock.now().toISOString(),
      lastSeenDateTime: h.clock.now().toISOString(),
      expiresDateTime: expect.any(String),
    });
    expect(Date.parse(value[0]!.createdDateTime)).toBeGreaterThan(Date.parse(value[1]!.createdDateTime));
    expect(JSON.stringify(value)).not.toMatch(/token/i);
  });

  test('ended sessions are gone from the list: "End all sessions" empties it', async () => {
    const worker = await createWorker(h);
    await signIn(h, worker.qr, worker.pin);
    expect((await readJson<{ value: unknown[] }>(await sessionsOf(worker.user.id))).value).toHaveLength(1);

    const end = await h.request('POST', `/api/admin/users/${worker.user.id}/revoke-sign-in-sessions`);
    expect(end.status).toBe(204);
    expect((await readJson<{ value: unknown[] }>(await sessionsOf(worker.user.id))).value).toEqual([]);
  });

  test('a session past its idle timeout is not listed', async () => {
    const worker = await createWorker(h);
    await signIn(h, worker.qr, worker.pin);
    h.clock.advanceSeconds(15 * 60);
    expect((await readJson<{ value: unknown[] }>(await sessionsOf(worker.user.id))).value).toEqual([]);
  });

  test('an unknown user is 404 NOT_FOUND', async () => {
    const res = await sessionsOf('no-such-user');
    expect(res.status).toBe(404);
    expect((await readError(res)).error.code).toBe('NOT_FOUND');
  });
});

describe('a manager', () => {
  test('sees the sessions of a worker in their store; another store’s worker is answered as an unknown id (404)', async () => {
    const [mine, other] = [await addGroup(h), await addGroup(h)];
    const manager = await signedInUser(h, { role: 'manager', groupIds: [mine.id] });
    const ownWorker = await createWorker(h, { user: { groupIds: [mine.id] } });
    const otherWorker = await createWorker(h, { user: { groupIds: [other.id] } });
    await signIn(h, ownWorker.qr, ownWorker.pin);
    await signIn(h, otherWorker.qr, otherWorker.pin);
    const as = { token: null, cookie: manager.cookie };

    const own = await sessionsOf(ownWorker.user.id, as);
    expect(own.status).toBe(200);
    expect((await readJson<{ value: unknown[] }>(own)).value).toHaveLength(1);

    const refused = await sessionsOf(otherWorker.user.id, as);
    expect(refused.status).toBe(404);
    expect(await readError(refused)).toEqual(await readError(await sessionsOf('no-such-user', as)));
  });

  test('a worker’s own session cannot list anyone’s sessions (403)', async () => {
    const worker = await signedInUser(h);
    const res = await sessionsOf(worker.user.id, { token: null, cookie: worker.cookie });
    expect(res.status).toBe(403);
  });
});
