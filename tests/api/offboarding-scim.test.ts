/**
 * Issue 17's offboarding acceptance, through SCIM as the HR system sends it: a deactivate makes the
 * person's badge fail at the kiosk at once and their open kiosk session end; DELETE does the same;
 * re-activation does not bring the old badge back. Entra's own request forms (capitalised ops, booleans
 * as strings, PATCH without a path).
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  getSession,
  queryRows,
  readError,
  signIn,
  signedInUser,
  startHarness,
  type Harness,
} from '../support/api-harness.js';
import { scimClient, scimToken, type ScimClient } from '../support/scim.js';

let h: Harness;
let scim: ScimClient;

beforeAll(async () => {
  h = await startHarness();
  scim = scimClient(h, await scimToken(h));
});
afterAll(() => h.close());

const offboardings = (userId: string) =>
  queryRows(
    h,
    "SELECT actor_type, details FROM audit_logs WHERE target_id = ? AND activity = 'user.offboarded'",
    [userId],
  );

/** What the kiosk gets for this badge and PIN: the answer's code. */
const badgeAnswer = async (qr: string, pin: string) => {
  const { res } = await signIn(h, qr, pin);
  return res.status === 200 ? 'signed in' : (await readError(res)).error.code;
};

describe('a SCIM deactivate', () => {
  test('makes the badge fail at the kiosk at once, and the open kiosk session ends', async () => {
    const worker = await signedInUser(h);
    expect((await getSession(h, worker.cookie)).status).toBe(200);

    const res = await scim.patch(`/Users/${worker.user.id}`, [
      { op: 'Replace', path: 'active', value: 'False' },
    ]);
    expect(res.status).toBe(200);
    expect((await res.json()) as { active: boolean }).toMatchObject({ active: false });

    expect(await badgeAnswer(worker.qr, worker.pin)).toBe('QR_CODE_NOT_RECOGNIZED');
    expect((await getSession(h, worker.cookie)).status).toBe(401);
    // Revoked, not merely refused: the badge is gone from the person.
    expect((await h.request('GET', `/api/admin/users/${worker.user.id}/qr-code-pin-method`)).status).toBe(
      404,
    );
    const entries = await offboardings(worker.user.id);
    expect(entries).toHaveLength(1);
    expect(entries[0]!.actor_type).toBe('api_token');
    expect(JSON.parse(String(entries[0]!.details))).toMatchObject({
      source: 'scim',
      badgesRevoked: 1,
      sessionsEnded: 1,
    });
    const person = await h.request('GET', `/api/admin/users/${worker.user.id}`);
    expect(((await person.json()) as { offboarded: unknown }).offboarded).toEqual({
      dateTime: h.clock.now().toISOString(),
      source: 'scim',
    });
  });

  test('in PATCH without a path (Entra’s form), and sent twice, offboards once', async () => {
    const worker = await signedInUser(h);
    const body = [{ op: 'replace', value: { active: false } }];
    expect((await scim.patch(`/Users/${worker.user.id}`, body)).status).toBe(200);
    expect((await scim.patch(`/Users/${worker.user.id}`, body)).status).toBe(200);
    expect(await badgeAnswer(worker.qr, worker.pin)).toBe('QR_CODE_NOT_RECOGNIZED');
    expect(await offboardings(worker.user.id)).toHaveLength(1);
  });

  test('then a re-activation turns the person on without bringing the old badge back', async () => {
    const worker = await signedInUser(h);
    await scim.patch(`/Users/${worker.user.id}`, [{ op: 'Replace', path: 'active', value: 'False' }]);
    const back = await scim.patch(`/Users/${worker.user.id}`, [
      { op: 'Replace', path: 'active', value: 'True' },
    ]);
    expect(back.status).toBe(200);
    expect((await back.json()) as { active: boolean }).toMatchObject({ active: true });

    expect(await badgeAnswer(worker.qr, worker.pin)).toBe('QR_CODE_NOT_RECOGNIZED');
    const reactivated = await queryRows(
      h,
      "SELECT details FROM audit_logs WHERE target_id = ? AND activity = 'user.reactivated'",
      [worker.user.id],
    );
    expect(reactivated.map((row) => JSON.parse(String(row.details)))).toEqual([
      { source: 'scim', wasOffboarded: true },
    ]);
  });
});

describe('a SCIM DELETE', () => {
  test('offboards the person the same way, then they are gone for SCIM', async () => {
    const worker = await signedInUser(h);
    expect((await scim.delete(`/Users/${worker.user.id}`)).status).toBe(204);
    expect(await badgeAnswer(worker.qr, worker.pin)).toBe('QR_CODE_NOT_RECOGNIZED');
    expect((await getSession(h, worker.cookie)).status).toBe(401);
    expect(await offboardings(worker.user.id)).toHaveLength(1);
    expect((await scim.get(`/Users/${worker.user.id}`)).status).toBe(404);
  });
});
