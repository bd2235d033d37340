/**
 * Console invitations: how a second admin or a manager gets a console password, and how someone who
 * lost their authenticator gets back in — one-time links, hashed, expiring, refused for workers and
 * disabled people, and redeeming one ends the old password, authenticator, recovery codes and sessions.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { ConsoleInvitationView } from '../../server/contracts/console-auth.js';
import {
  createUser,
  getSession,
  queryRows,
  readError,
  readJson,
  startHarness,
  type Harness,
} from '../support/api-harness.js';
import { createConsoleUser, enrolConsoleUser, passwordStep, post } from '../support/console.js';

const NEW_PASSWORD = 'a long new console password';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

async function invite(userId: string): Promise<ConsoleInvitationView> {
  const res = await h.request('POST', `/api/admin/users/${userId}/console-invitation`);
  expect(res.status).toBe(201);
  return readJson<ConsoleInvitationView>(res);
}

const tokenOf = (invitation: ConsoleInvitationView) => new URL(invitation.invitationUrl).hash.slice(1);
const redeem = (token: string, password = NEW_PASSWORD) =>
  post(h, '/api/auth/console/invitation', { token, password });

describe('inviting someone to the console', () => {
  test('a new manager chooses a password from the link, then enrols an authenticator at sign-in', async () => {
    const manager = await createUser(h, { role: 'manager' });
    const invitation = await invite(manager.id);
    expect(invitation.invitationUrl).toMatch(
      /^http:\/\/localhost:3000\/admin\/invitation#[A-Za-z0-9_-]{43}$/,
    );
    expect(new Date(invitation.expireDateTime).getTime() - h.clock.now().getTime()).toBe(72 * 3600 * 1000);

    expect((await redeem(tokenOf(invitation))).status).toBe(204);
    const step = await passwordStep(h, manager.userPrincipalName, NEW_PASSWORD);
    expect(step.next).toBe('enroll-totp');
  });

  test('the link works once; its token is stored only as a hash', async () => {
    const admin = await createUser(h, { role: 'admin' });
    const token = tokenOf(await invite(admin.id));
    const stored = await queryRows(h, 'select token_hash from console_invitations where user_id = ?', [
      admin.id,
    ]);
    expect(stored).toHaveLength(1);
    expect(JSON.stringify(stored)).not.toContain(token);

    expect((await redeem(token)).status).toBe(204);
    const again = await redeem(token, 'another long password');
    expect(again.status).toBe(410);
    expect((await readError(again)).error.code).toBe('INVITATION_INVALID');
    expect(await queryRows(h, 'select id from console_invitations where user_id = ?', [admin.id])).toEqual(
      [],
    );
  });

  test('a newer link replaces the older one; links expire after 72 hours', async () => {
    const admin = await createUser(h, { role: 'admin' });
    const first = tokenOf(await invite(admin.id));
    const second = tokenOf(await invite(admin.id));
    expect((await readError(await redeem(first))).error.code).toBe('INVITATION_INVALID');

    h.clock.advanceSeconds(72 * 3600);
    expect((await readError(await redeem(second))).error.code).toBe('INVITATION_INVALID');
    const third = tokenOf(await invite(admin.id));
    h.clock.advanceSeconds(72 * 3600 - 1);
    expect((await redeem(third)).status).toBe(204);
  });

  test('workers and disabled people cannot be invited, nor use a link after a demotion', async () => {
    const worker = await createUser(h, { role: 'worker' });
    const refused = await h.request('POST', `/api/admin/users/${worker.id}/console-invitation`);
    expect(refused.status).toBe(409);
    expect((await readError(refused)).error.code).toBe('CONSOLE_ACCESS_NOT_ALLOWED');

    const disabled = await createUser(h, { role: 'manager', accountEnabled: false });
    const refusedDisabled = await h.request('POST', `/api/admin/users/${disabled.id}/console-invitation`);
    expect((await readError(refusedDisabled)).error.code).toBe('CONSOLE_ACCESS_NOT_ALLOWED');

    const manager = await createUser(h, { role: 'manager' });
    const token = tokenOf(await invite(manager.id));
    await h.request('PATCH', `/api/admin/users/${manager.id}`, { body: { role: 'worker' } });
    expect((await readError(await redeem(token))).error.code).toBe('INVITATION_INVALID');

    const unknown = await h.request('POST', '/api/admin/users/no-such-user/console-invitation');
    expect(unknown.status).toBe(404);
  });

  test('only admins invite; a console session must have re-authenticated in the last 5 minutes', async () => {
    const manager = await enrolConsoleUser(h, await createConsoleUser(h, { role: 'manager' }));
    const target = await createUser(h, { role: 'manager' });
    const byManager = await post(
      h,
      `/api/admin/users/${target.id}/console-invitation`,
      {},
      {
        cookie: manager.cookie,
      },
    );
    expect(byManager.status).toBe(403);

    const admin = await enrolConsoleUser(h, await createConsoleUser(h, { role: 'admin' }));
    const fresh = await post(
      h,
      `/api/admin/users/${target.id}/console-invitation`,
      {},
      { cookie: admin.cookie },
    );
    expect(fresh.status).toBe(201);
    h.clock.advanceSeconds(5 * 60 + 1);
    const stale = await post(
      h,
      `/api/admin/users/${target.id}/console-invitation`,
      {},
      { cookie: admin.cookie },
    );
    expect(stale.status).toBe(401);
    expect((await readError(stale)).error.code).toBe('REAUTHENTICATION_REQUIRED');
  });

  test('a reset link ends the old password, authenticator, recovery codes and sessions', async () => {
    const admin = await enrolConsoleUser(h, await createConsoleUser(h, { role: 'admin' }));
    expect((await getSession(h, admin.cookie)).status).toBe(200);

    const token = tokenOf(await invite(admin.id));
    // Until the link is used, nothing changes: the old password still works.
    expect((await passwordStep(h, admin.userPrincipalName, admin.password)).next).toBe('totp');

    expect((await redeem(token)).status).toBe(204);
    expect((await getSession(h, admin.cookie)).status).toBe(401);
    const oldPassword = await post(h, '/api/auth/console/sign-in', {
      userPrincipalName: admin.userPrincipalName,
      password: admin.password,
    });
    expect((await readError(oldPassword)).error.code).toBe('CREDENTIALS_INCORRECT');
    expect((await passwordStep(h, admin.userPrincipalName, NEW_PASSWORD)).next).toBe('enroll-totp');
    expect(await queryRows(h, 'select user_id from recovery_codes where user_id = ?', [admin.id])).toEqual(
      [],
    );
  });

  test('a short password is refused next to the field and does not use the link up', async () => {
    const admin = await createUser(h, { role: 'admin' });
    const token = tokenOf(await invite(admin.id));
    const short = await redeem(token, 'too short');
    expect(short.status).toBe(400);
    expect((await readError(short)).error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'password' });
    expect((await redeem(token)).status).toBe(204);
  });

  test('two redemptions racing: exactly one sets the password', async () => {
    const admin = await createUser(h, { role: 'admin' });
    const token = tokenOf(await invite(admin.id));
    const results = await Promise.all([
      redeem(token, 'first racing password'),
      redeem(token, 'second racing password'),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([204, 410]);
    const winner = results[0]!.status === 204 ? 'first racing password' : 'second racing password';
    expect((await passwordStep(h, admin.userPrincipalName, winner)).next).toBe('enroll-totp');
  });

  test('invitations and redemptions are audited without the token', async () => {
    const admin = await createUser(h, { role: 'admin' });
    const token = tokenOf(await invite(admin.id));
    await redeem(token);
    const rows = await queryRows(
      h,
      "select activity, details from audit_logs where target_id = ? and activity like 'consoleInvitation.%' order by activity",
      [admin.id],
    );
    expect(rows.map((r) => r.activity)).toEqual(['consoleInvitation.created', 'consoleInvitation.redeemed']);
    expect(JSON.stringify(rows)).not.toContain(token);
  });
});
