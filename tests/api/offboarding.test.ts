/**
 * Offboarding (issue 17, item 2): one audited step that turns a person off, revokes every badge of
 * theirs for good, ends every session (and so every store app signed in through them) and clears what
 * they had open. Over real HTTP (tests/support/oidc-harness.ts), since a store app signs in through
 * the kiosk session here with openid-client.
 */
import * as client from 'openid-client';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  addGroup,
  createUser,
  createWorker,
  getSession,
  queryRows,
  readError,
  readJson,
  signIn,
  signedInAdmin,
  signedInUser,
  signInWithShortCode,
  type Worker,
} from '../support/api-harness.js';
import {
  CookieJar,
  discoverAs,
  redeem,
  registerApp,
  signInThroughKiosk,
  startOidcServer,
} from '../support/oidc-harness.js';
import type { OffboardingView, ReactivationView } from '../../server/contracts/offboarding.js';
import type { UserView } from '../../server/contracts/schemas.js';
import type { Actor } from '../../server/core/deps.js';
import { offboardUser, reactivateUser } from '../../server/features/people/offboarding.js';
import { sweepEndedKioskSessions } from '../../server/features/oidc/global-sign-out.js';
import { auditEntryOf } from '../../server/core/audit.js';

type Server = Awaited<ReturnType<typeof startOidcServer>>;
let s: Server;
/** Every answer a sign-in can give, with the parts that differ between two requests left out. */
const refusalOf = async (res: Response) => ({ status: res.status, body: await res.json() });

beforeAll(async () => {
  s = await startOidcServer();
  // Deliveries stay in the outbox, where the test reads them; oidc-global-sign-out.test.ts sends them.
  s.h.runtime.oidc.logoutDeliverer.stop();
});
afterAll(() => s.close());

const offboard = (userId: string, cookie?: string) =>
  s.h.request('POST', `/api/admin/users/${userId}/offboard`, cookie ? { token: null, cookie } : {});
const reactivate = (userId: string, cookie?: string) =>
  s.h.request('POST', `/api/admin/users/${userId}/reactivate`, cookie ? { token: null, cookie } : {});

const auditEntries = (userId: string, activity: string) =>
  queryRows(
    s.h,
    'SELECT actor_type, actor_id, details FROM audit_logs WHERE target_id = ? AND activity = ?',
    [userId, activity],
  );

/** The admin API token's owner and id, as the SCIM layer would pass its token as the actor. */
async function tokenActor(): Promise<Actor> {
  const [row] = await queryRows(
    s.h,
    "SELECT id, user_id FROM api_tokens WHERE display_name LIKE '%' LIMIT 1",
  );
  return {
    type: 'api_token',
    userId: String(row!.user_id),
    role: 'admin',
    tokenId: String(row!.id),
    scopes: ['admin.full'],
  };
}

describe('after offboarding, nothing of the person works any more', () => {
  test('their badge is refused at the kiosk at once, with exactly the answer a turned-off person gets', async () => {
    const leaver = await createWorker(s.h);
    const suspended = await createWorker(s.h);
    expect(
      (
        await s.h.request('PATCH', `/api/admin/users/${suspended.user.id}`, {
          body: { accountEnabled: false },
        })
      ).status,
    ).toBe(200);

    const res = await offboard(leaver.user.id);
    expect(res.status).toBe(200);

    const byBadge = await refusalOf((await signIn(s.h, leaver.qr, leaver.pin)).res);
    const bySuspended = await refusalOf((await signIn(s.h, suspended.qr, suspended.pin)).res);
    expect(byBadge).toEqual({
      status: 401,
      body: { error: expect.objectContaining({ code: 'QR_CODE_NOT_RECOGNIZED' }) },
    });
    expect(byBadge).toEqual(bySuspended);
    // The typed fallback printed under the badge is gone too.
    const typed = await signInWithShortCode(s.h, leaver.shortCode, leaver.pin, { clientAddress: '10.9.0.1' });
    expect((await readError(typed.res)).error.code).toBe('QR_CODE_NOT_RECOGNIZED');
  });

  test('their open kiosk session is signed out at its next request, and the cookie is dropped', async () => {
    const worker = await signedInUser(s.h);
    expect((await getSession(s.h, worker.cookie)).status).toBe(200);

    expect((await offboard(worker.user.id)).status).toBe(200);

    const next = await getSession(s.h, worker.cookie);
    expect(next.status).toBe(401);
    expect(next.headers.get('set-cookie')).toMatch(/Max-Age=0/);
  });

  test('a store app they signed into gets a back-channel logout in the outbox and its refresh token stops working', async () => {
    const { app, secret } = await registerApp(s.h);
    const config = await discoverAs(s.issuer, app, secret);
    const worker = await signedInUser(s.h);
    const tokens = await redeem(
      config,
      await signInThroughKiosk(config, new CookieJar(), s.origin, worker.cookie),
    );
    expect(tokens.refresh_token).toEqual(expect.any(String));

    const res = await offboard(worker.user.id);
    expect(res.status).toBe(200);
    expect((await readJson<OffboardingView>(res)).counts).toMatchObject({ sessionsEnded: 1, appsTold: 1 });

    const outbox = await queryRows(
      s.h,
      'SELECT app_id, sub, sid, delivered_at FROM oidc_logout_deliveries WHERE sub = ?',
      [worker.user.id],
    );
    expect(outbox).toEqual([
      { app_id: app.id, sub: worker.user.id, sid: expect.any(String), delivered_at: null },
    ]);
    await expect(client.refreshTokenGrant(config, tokens.refresh_token!)).rejects.toMatchObject({
      error: 'invalid_grant',
    });
  });

  test('should the process stop right after the transaction, the sweep still tells the app and revokes its tokens', async () => {
    const { app, secret } = await registerApp(s.h);
    const config = await discoverAs(s.issuer, app, secret);
    const worker = await signedInUser(s.h);
    const tokens = await redeem(
      config,
      await signInThroughKiosk(config, new CookieJar(), s.origin, worker.cookie),
    );
    // Only the database part ran (the transaction), as if the process died before telling the apps.
    const actor = await tokenActor();
    const entry = auditEntryOf(s.h.runtime.deps, actor, 'user.offboarded', {
      type: 'user',
      id: worker.user.id,
    });
    const done = await s.h.runtime.deps.repos.offboarding.offboard(worker.user.id, 'scim', entry);
    expect(done.outcome).toBe('offboarded');
    expect(
      await queryRows(s.h, 'SELECT id FROM oidc_logout_deliveries WHERE sub = ?', [worker.user.id]),
    ).toEqual([]);

    // The deliverer's sweep (every minute in each API process) finds the revoked kiosk session.
    const swept = await sweepEndedKioskSessions(
      s.h.runtime.deps,
      s.h.runtime.oidc.provider(),
      s.h.clock.now(),
    );
    expect(swept).toBeGreaterThanOrEqual(1);
    const outbox = await queryRows(s.h, 'SELECT app_id FROM oidc_logout_deliveries WHERE sub = ?', [
      worker.user.id,
    ]);
    expect(outbox).toEqual([{ app_id: app.id }]);
    await expect(client.refreshTokenGrant(config, tokens.refresh_token!)).rejects.toMatchObject({
      error: 'invalid_grant',
    });
  });

  test('their open forgot-PIN request is closed, their API tokens stop working and their console invitation goes', async () => {
    const store = await addGroup(s.h);
    const worker = await createWorker(s.h, { user: { groupIds: [store.id] } });
    const opened = await s.h.request('POST', '/api/auth/qr-pin/forgot-pin', {
      body: { qr: worker.qr },
      token: null,
      clientAddress: '10.9.0.2',
    });
    expect(opened.status).toBe(201);
    const manager = await signedInAdmin(s.h);
    const made = await s.h.request('POST', '/api/admin/api-tokens', {
      token: null,
      cookie: manager.cookie,
      body: { displayName: 'HR export', scopes: ['users.read'] },
    });
    expect(made.status).toBe(201);
    const { token } = await readJson<{ token: string }>(made);
    expect((await s.h.request('GET', '/api/admin/users', { token })).status).toBe(200);

    const storeManager = await createUser(s.h, { role: 'manager', groupIds: [store.id] });
    const invited = await s.h.request('POST', `/api/admin/users/${storeManager.id}/console-invitation`);
    expect(invited.status).toBe(201);

    expect((await offboard(worker.user.id)).status).toBe(200);
    expect((await offboard(manager.user.id)).status).toBe(200);
    expect((await offboard(storeManager.id)).status).toBe(200);
    // The link handed out before is gone, so turning the person on again does not revive it.
    expect(
      await queryRows(s.h, 'SELECT id FROM console_invitations WHERE user_id = ?', [storeManager.id]),
    ).toEqual([]);

    const requests = await queryRows(s.h, 'SELECT status FROM pin_reset_requests WHERE user_id = ?', [
      worker.user.id,
    ]);
    expect(requests).toEqual([{ status: 'cancelled' }]);
    expect((await s.h.request('GET', '/api/admin/users', { token })).status).toBe(401);
    // …and still not once the person is turned on again: revoked, not merely refused.
    expect((await reactivate(manager.user.id)).status).toBe(200);
    expect((await s.h.request('GET', '/api/admin/users', { token })).status).toBe(401);
  });
});

describe('one audited step', () => {
  test('records one entry user.offboarded with the source and what was ended, and no secret', async () => {
    const worker = await signedInUser(s.h);
    const res = await offboard(worker.user.id);
    const view = await readJson<OffboardingView>(res);
    expect(view.changed).toBe(true);
    expect(view.counts).toEqual({ badgesRevoked: 1, sessionsEnded: 1, appsTold: 0, apiTokensRevoked: 0 });
    const entries = await auditEntries(worker.user.id, 'user.offboarded');
    expect(entries).toHaveLength(1);
    expect(JSON.parse(String(entries[0]!.details))).toEqual({
      source: 'console',
      badgesRevoked: 1,
      sessionsEnded: 1,
      apiTokensRevoked: 0,
      appsTold: 0,
    });
    expect(String(entries[0]!.details)).not.toContain(worker.pin);
  });

  test('the person shows as offboarded, by whom and when, until they are turned on again', async () => {
    const worker = await createWorker(s.h);
    const before = s.h.clock.now().toISOString();
    await offboard(worker.user.id);
    const read = await readJson<UserView>(await s.h.request('GET', `/api/admin/users/${worker.user.id}`));
    expect(read.accountEnabled).toBe(false);
    expect(read.offboarded).toEqual({ dateTime: before, source: 'console' });

    // Turned on in the person form (PATCH) rather than through reactivate: no longer offboarded either.
    await s.h.request('PATCH', `/api/admin/users/${worker.user.id}`, { body: { accountEnabled: true } });
    await s.h.request('PATCH', `/api/admin/users/${worker.user.id}`, { body: { accountEnabled: false } });
    const suspended = await readJson<UserView>(
      await s.h.request('GET', `/api/admin/users/${worker.user.id}`),
    );
    expect(suspended.offboarded).toBeNull();
  });

  test('offboarding someone already offboarded changes nothing and records nothing new', async () => {
    const worker = await createWorker(s.h);
    const first = await readJson<OffboardingView>(await offboard(worker.user.id));
    s.h.clock.advanceSeconds(60);
    // A badge issued to the turned-off person meanwhile is not the offboarding's business.
    await s.h.request('PUT', `/api/admin/users/${worker.user.id}/qr-code-pin-method`, { body: {} });
    const again = await offboard(worker.user.id);
    expect(again.status).toBe(200);
    const second = await readJson<OffboardingView>(again);
    expect(second).toEqual({ user: first.user, changed: false, counts: null });
    expect(await auditEntries(worker.user.id, 'user.offboarded')).toHaveLength(1);
    expect((await s.h.request('GET', `/api/admin/users/${worker.user.id}/qr-code-pin-method`)).status).toBe(
      200,
    );
  });

  test('two offboardings at once: one does it, the other finds it done', async () => {
    const worker = await signedInUser(s.h);
    const answers = await Promise.all([offboard(worker.user.id), offboard(worker.user.id)]);
    const views = await Promise.all(answers.map((a) => readJson<OffboardingView>(a)));
    expect(views.map((v) => v.changed).sort()).toEqual([false, true]);
    expect(await auditEntries(worker.user.id, 'user.offboarded')).toHaveLength(1);
  });

  test('the last enabled admin is refused (LAST_ADMIN), with nothing changed', async () => {
    // Through SCIM, the HR system may deactivate the very admin whose token it uses.
    const actor = await tokenActor();
    const others = await queryRows(
      s.h,
      "SELECT id FROM users WHERE role = 'admin' AND account_enabled = 1 AND id <> ?",
      [actor.userId],
    );
    for (const other of others)
      await offboardUser(s.h.runtime.deps, actor, String(other.id), { source: 'scim' });
    await expect(
      offboardUser(s.h.runtime.deps, actor, actor.userId, { source: 'scim' }),
    ).rejects.toMatchObject({
      code: 'LAST_ADMIN',
    });
    const [owner] = await queryRows(s.h, 'SELECT account_enabled, offboarded_at FROM users WHERE id = ?', [
      actor.userId,
    ]);
    expect(owner).toEqual({ account_enabled: 1, offboarded_at: null });
    expect(await auditEntries(actor.userId, 'user.offboarded')).toEqual([]);
    for (const other of others)
      await reactivateUser(s.h.runtime.deps, actor, String(other.id), { source: 'scim' });
  });

  test('an SCIM offboarding is recorded as the HR system’s, with the token as the actor', async () => {
    const actor = await tokenActor();
    const worker = await createWorker(s.h);
    const done = await offboardUser(s.h.runtime.deps, actor, worker.user.id, { source: 'scim' });
    expect(done.changed).toBe(true);
    expect(done.user.offboarded?.source).toBe('scim');
    const [entry] = await auditEntries(worker.user.id, 'user.offboarded');
    expect(entry).toMatchObject({
      actor_type: 'api_token',
      actor_id: actor.type === 'api_token' ? actor.tokenId : '',
    });
  });
});

describe('who may offboard from the console', () => {
  test('not oneself, not a manager, and a narrow token never an admin', async () => {
    const admin = await signedInAdmin(s.h);
    expect((await readError(await offboard(admin.user.id, admin.cookie))).error.code).toBe(
      'CANNOT_REMOVE_SELF',
    );

    const store = await addGroup(s.h);
    const worker = await createWorker(s.h, { user: { groupIds: [store.id] } });
    const manager = await signedInUser(s.h, { role: 'manager', groupIds: [store.id] });
    expect((await offboard(worker.user.id, manager.cookie)).status).toBe(403);

    const made = await s.h.request('POST', '/api/admin/api-tokens', {
      token: null,
      cookie: admin.cookie,
      body: { displayName: 'HR sync', scopes: ['users.write'] },
    });
    const { token } = await readJson<{ token: string }>(made);
    const otherAdmin = await createUser(s.h, { role: 'admin' });
    const refused = await s.h.request('POST', `/api/admin/users/${otherAdmin.id}/offboard`, { token });
    expect((await readError(refused)).error.code).toBe('TOKEN_SCOPE_MISSING');
    const allowed = await s.h.request('POST', `/api/admin/users/${worker.user.id}/offboard`, { token });
    expect(allowed.status).toBe(200);
    expect((await offboard('no-such-person')).status).toBe(404);
  });
});

describe('reactivation', () => {
  test('turns the person on again but never brings an old badge back: a new one works', async () => {
    const worker: Worker = await createWorker(s.h);
    await offboard(worker.user.id);

    const res = await reactivate(worker.user.id);
    expect(res.status).toBe(200);
    const view = await readJson<ReactivationView>(res);
    expect(view.changed).toBe(true);
    expect(view.user).toMatchObject({ accountEnabled: true, offboarded: null });

    expect((await readError((await signIn(s.h, worker.qr, worker.pin)).res)).error.code).toBe(
      'QR_CODE_NOT_RECOGNIZED',
    );
    expect((await s.h.request('GET', `/api/admin/users/${worker.user.id}/qr-code-pin-method`)).status).toBe(
      404,
    );

    const fresh = await s.h.request('PUT', `/api/admin/users/${worker.user.id}/qr-code-pin-method`, {
      body: {},
    });
    expect(fresh.status).toBe(201);
    const issued = await readJson<{
      standardQRCode: { image: { rawContent: string } };
      pin: { code: string };
    }>(fresh);
    expect((await signIn(s.h, issued.standardQRCode.image.rawContent, issued.pin.code)).res.status).toBe(200);

    const entries = await auditEntries(worker.user.id, 'user.reactivated');
    expect(entries.map((e) => JSON.parse(String(e.details)))).toEqual([
      { source: 'console', wasOffboarded: true },
    ]);
  });

  test('reactivating someone already on changes nothing and records nothing', async () => {
    const worker = await createWorker(s.h);
    const res = await reactivate(worker.user.id);
    expect(await readJson<ReactivationView>(res)).toMatchObject({ changed: false });
    expect(await auditEntries(worker.user.id, 'user.reactivated')).toEqual([]);
  });
});

describe('turning a person off in the console stays a suspension', () => {
  test('a suspended person who is then offboarded loses the badge the suspension kept', async () => {
    const worker = await createWorker(s.h);
    await s.h.request('PATCH', `/api/admin/users/${worker.user.id}`, { body: { accountEnabled: false } });
    const view = await readJson<OffboardingView>(await offboard(worker.user.id));
    expect(view).toMatchObject({ changed: true, counts: { badgesRevoked: 1, sessionsEnded: 0 } });
    await reactivate(worker.user.id);
    expect((await readError((await signIn(s.h, worker.qr, worker.pin)).res)).error.code).toBe(
      'QR_CODE_NOT_RECOGNIZED',
    );
  });

  test('their badge is kept and works again once they are turned back on', async () => {
    const worker = await createWorker(s.h);
    await s.h.request('PATCH', `/api/admin/users/${worker.user.id}`, { body: { accountEnabled: false } });
    expect((await readError((await signIn(s.h, worker.qr, worker.pin)).res)).error.code).toBe(
      'QR_CODE_NOT_RECOGNIZED',
    );
    await s.h.request('PATCH', `/api/admin/users/${worker.user.id}`, { body: { accountEnabled: true } });
    expect((await signIn(s.h, worker.qr, worker.pin)).res.status).toBe(200);
  });
});
