/**
 * Shared-device global sign-out (issue 12, item 4), over real HTTP like oidc-provider.test.ts: store
 * apps on openid-client, a small local HTTP endpoint per app that records the back-channel logout
 * tokens it is sent and verifies them with `jose` against the provider's JWKS. Every way a kiosk
 * session ends tells every app that received tokens in it and revokes their refresh tokens; an app's
 * own RP-initiated logout ends the kiosk session; the provider never reuses an ended kiosk session;
 * deliveries are recorded, retried, and never slow the worker's sign-out.
 *
 * The runtime's background deliverer is stopped here; each test runs its rounds (`deliver()`), so the
 * clock can be moved between attempts.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as client from 'openid-client';
import { createRemoteJWKSet, decodeJwt, generateKeyPair, jwtVerify, SignJWT, type JWTPayload } from 'jose';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import {
  addGroup,
  createWorker,
  getSession,
  startHarness,
  queryRows,
  readError,
  signIn,
  signedInUser,
  type Worker,
} from '../support/api-harness.js';
import {
  browse,
  CookieJar,
  discoverAs,
  kioskLogin,
  redeem,
  REDIRECT_URI,
  registerApp,
  signInThroughKiosk,
  startAuthorization,
  startOidcServer,
} from '../support/oidc-harness.js';
import { enrolDevice, signInOnDevice } from '../support/device.js';
import type { AppRow } from '../../server/features/apps/apps-repository.js';
import { deliverDueLogouts, nextAttemptAfter } from '../../server/features/oidc/logout-deliverer.js';

type Server = Awaited<ReturnType<typeof startOidcServer>>;
type SignedInWorker = Worker & { cookie: string };

/** What an app's back-channel endpoint does with the next POSTs. */
type Behaviour = 'ok' | 'fail' | 'hang';

interface Received {
  appId: string;
  token: string;
  at: number;
}

let s: Server;
let receiver: ReturnType<typeof createServer>;
let receiverOrigin: string;
const behaviour = new Map<string, Behaviour>();
const received: Received[] = [];
/** Answers held by a hanging endpoint, released at the end. */
const hanging: ServerResponse[] = [];

interface TestApp {
  app: AppRow;
  config: client.Configuration;
}

async function newApp(options: { backchannel?: boolean } = {}): Promise<TestApp> {
  const { app, secret } = await registerApp(s.h, {
    backchannelLogoutUri: null,
  });
  const backchannelLogoutUri = options.backchannel === false ? null : `${receiverOrigin}/bc/${app.id}`;
  await s.h.runtime.database.client.execute({
    sql: 'UPDATE apps SET backchannel_logout_uri = ? WHERE id = ?',
    args: [backchannelLogoutUri, app.id],
  });
  return { app: { ...app, backchannelLogoutUri }, config: await discoverAs(s.issuer, app, secret) };
}

function receive(req: IncomingMessage, res: ServerResponse) {
  const appId = (req.url ?? '').split('/').at(-1)!;
  let body = '';
  req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
  req.on('end', () => {
    const token = new URLSearchParams(body).get('logout_token') ?? '';
    received.push({ appId, token, at: Date.now() });
    const mode = behaviour.get(appId) ?? 'ok';
    if (mode === 'hang') hanging.push(res);
    else if (mode === 'fail') res.writeHead(500).end('down');
    else res.writeHead(200).end();
  });
}

/** One round of the deliverer (twice: a round already running may have read the outbox before). */
async function deliver(timeoutMs?: number): Promise<void> {
  if (timeoutMs !== undefined) {
    await deliverDueLogouts(s.h.runtime.deps, s.h.runtime.oidc.provider(), { timeoutMs });
    return;
  }
  await s.h.runtime.oidc.logoutDeliverer.tick();
  await s.h.runtime.oidc.logoutDeliverer.tick();
}

const receivedBy = (appId: string) => received.filter((r) => r.appId === appId);

/** Verifies a logout token the way an app must (OpenID Back-Channel Logout 1.0, 2.6). */
async function verifyLogoutToken(token: string, appId: string): Promise<JWTPayload> {
  const jwks = createRemoteJWKSet(new URL(`${s.issuer}/jwks`));
  const { payload, protectedHeader } = await jwtVerify(token, jwks, {
    issuer: s.issuer,
    audience: appId,
    typ: 'logout+jwt',
  });
  expect(protectedHeader.typ).toBe('logout+jwt');
  expect(payload.events).toEqual({ 'http://schemas.openid.net/event/backchannel-logout': {} });
  expect(payload).not.toHaveProperty('nonce');
  expect(payload.jti).toEqual(expect.any(String));
  expect(payload.iat).toEqual(expect.any(Number));
  expect(payload.exp).toEqual(expect.any(Number));
  return payload;
}

/** A worker signed in on the kiosk, then into each app through it (the first via the kiosk, then silently). */
async function signedIntoApps(apps: TestApp[], worker?: SignedInWorker) {
  const who = worker ?? (await signedInUser(s.h));
  const jar = new CookieJar();
  const tokens: client.TokenEndpointResponse[] = [];
  for (const [index, { config }] of apps.entries()) {
    if (index === 0) {
      tokens.push(await redeem(config, await signInThroughKiosk(config, jar, s.origin, who.cookie)));
    } else {
      const started = await startAuthorization(config, jar, s.origin);
      expect(started.landing.origin + started.landing.pathname).toBe(REDIRECT_URI);
      tokens.push(await redeem(config, { ...started, callback: started.landing }));
    }
  }
  return { worker: who, jar, tokens: tokens as (client.TokenEndpointResponse & { claims(): JWTPayload })[] };
}

/** The app's refresh token is refused (invalid_grant) rather than answered. */
async function refreshError(config: client.Configuration, refreshToken: string): Promise<string> {
  try {
    await client.refreshTokenGrant(config, refreshToken);
  } catch (error) {
    return (error as { error?: string }).error ?? (error as Error).message;
  }
  return 'refreshed';
}

/** Every app was told about exactly this sign-in: a valid token with the ID token's sid and sub. */
async function expectTold(apps: TestApp[], tokens: { id_token?: string }[]) {
  await deliver();
  for (const [index, { app }] of apps.entries()) {
    const idToken = decodeJwt(tokens[index]!.id_token!);
    const mine = receivedBy(app.id);
    expect(mine).toHaveLength(1);
    const payload = await verifyLogoutToken(mine[0]!.token, app.id);
    expect(payload.sid).toBe(idToken.sid);
    expect(payload.sub).toBe(idToken.sub);
  }
}

async function expectRefreshRevoked(apps: TestApp[], tokens: { refresh_token?: string }[]) {
  for (const [index, { config }] of apps.entries()) {
    expect(await refreshError(config, tokens[index]!.refresh_token!)).toBe('invalid_grant');
  }
}

beforeAll(async () => {
  receiver = createServer(receive);
  await new Promise<void>((resolve) => receiver.listen(0, resolve));
  receiverOrigin = `http://localhost:${(receiver.address() as AddressInfo).port}`;
  s = await startOidcServer();
  s.h.runtime.oidc.logoutDeliverer.stop();
});
afterAll(async () => {
  for (const res of hanging) res.destroy();
  receiver.closeAllConnections();
  await new Promise<void>((resolve) => receiver.close(() => resolve()));
  await s.close();
});
beforeEach(() => {
  received.length = 0;
  // Every earlier test's deliveries are done with: a round here sends only this test's.
  return s.h.runtime.database.client
    .execute('UPDATE oidc_logout_deliveries SET next_attempt_at = NULL')
    .then(() => undefined);
});

describe('every way a kiosk session ends reaches every app signed in through it', () => {
  test('signing out of the kiosk sends each app a valid logout token and its refresh token stops working', async () => {
    const apps = [await newApp(), await newApp()];
    const { worker, tokens } = await signedIntoApps(apps);
    expect(tokens[0]!.claims().sid).not.toBe(tokens[1]!.claims().sid);
    const out = await s.h.request('POST', '/api/auth/sign-out', { token: null, cookie: worker.cookie });
    expect(out.status).toBe(204);
    await expectRefreshRevoked(apps, tokens);
    await expectTold(apps, tokens);
    const rows = await queryRows(
      s.h,
      'SELECT attempts, last_answer, delivered_at FROM oidc_logout_deliveries WHERE sub = ?',
      [worker.user.id],
    );
    expect(rows).toHaveLength(2);
    for (const row of rows) expect(row).toMatchObject({ attempts: 1, last_answer: '200' });
    for (const row of rows) expect(row.delivered_at).not.toBeNull();
  });

  test('the next worker signing in on the same kiosk tells the apps of the previous one', async () => {
    const apps = [await newApp(), await newApp()];
    const { worker, tokens } = await signedIntoApps(apps);
    const next = await signedInUser(s.h);
    const again = await signIn(s.h, next.qr, next.pin, { cookie: worker.cookie });
    expect(again.res.status).toBe(200);
    expect((await getSession(s.h, worker.cookie)).status).toBe(401);
    await expectRefreshRevoked(apps, tokens);
    await expectTold(apps, tokens);
  });

  test('an admin revoking the worker’s sign-in sessions tells every app and revokes their refresh tokens', async () => {
    const apps = [await newApp(), await newApp()];
    const { worker, tokens } = await signedIntoApps(apps);
    const res = await s.h.request('POST', `/api/admin/users/${worker.user.id}/revoke-sign-in-sessions`);
    expect(res.status).toBe(204);
    await expectRefreshRevoked(apps, tokens);
    await expectTold(apps, tokens);
  });

  test('an admin resetting the worker’s PIN tells every app and revokes their refresh tokens', async () => {
    const apps = [await newApp()];
    const { worker, tokens } = await signedIntoApps(apps);
    const res = await s.h.request('POST', `/api/admin/users/${worker.user.id}/qr-code-pin-method/pin/reset`, {
      body: {},
    });
    expect(res.status).toBe(200);
    await expectRefreshRevoked(apps, tokens);
    await expectTold(apps, tokens);
  });

  test('disabling the person tells every app and revokes their refresh tokens', async () => {
    const apps = [await newApp(), await newApp()];
    const { worker, tokens } = await signedIntoApps(apps);
    const res = await s.h.request('PATCH', `/api/admin/users/${worker.user.id}`, {
      body: { accountEnabled: false },
    });
    expect(res.status).toBe(200);
    await expectRefreshRevoked(apps, tokens);
    await expectTold(apps, tokens);
  });

  test('revoking the kiosk device tells every app signed in on it and revokes their refresh tokens', async () => {
    const group = await s.h.request('POST', '/api/admin/groups', { body: { displayName: 'Till store' } });
    const device = await enrolDevice(s.h, { groupId: ((await group.json()) as { id: string }).id });
    const apps = [await newApp()];
    const { worker, tokens } = await signedIntoApps(apps);
    // The sign-in was made on this phone (device-sign-in.test.ts covers the proof itself).
    await s.h.runtime.database.client.execute({
      sql: 'UPDATE sessions SET device_id = ? WHERE user_id = ?',
      args: [device.id, worker.user.id],
    });
    expect((await s.h.request('POST', `/api/admin/devices/${device.id}/revoke`)).status).toBe(200);
    expect((await getSession(s.h, worker.cookie)).status).toBe(401);
    await expectRefreshRevoked(apps, tokens);
    await expectTold(apps, tokens);
  });

  test('suspending the kiosk device signs it out, and every app signed in on it is told', async () => {
    const device = await enrolDevice(s.h, { groupId: (await addGroup(s.h)).id });
    const apps = [await newApp()];
    const { worker, tokens } = await signedIntoApps(apps);
    await s.h.runtime.database.client.execute({
      sql: 'UPDATE sessions SET device_id = ? WHERE user_id = ?',
      args: [device.id, worker.user.id],
    });
    const res = await s.h.request('PATCH', `/api/admin/devices/${device.id}`, {
      body: { status: 'suspended' },
    });
    expect(res.status).toBe(200);
    expect((await getSession(s.h, worker.cookie)).status).toBe(401);
    await expectRefreshRevoked(apps, tokens);
    await expectTold(apps, tokens);
  });

  test('a kiosk session that times out idle is found by the sweep: its apps are told with no request from anyone', async () => {
    const apps = [await newApp()];
    const { worker, tokens } = await signedIntoApps(apps);
    // The worker walked away: no request since long before the idle timeout.
    await s.h.runtime.database.client.execute({
      sql: 'UPDATE sessions SET last_seen_at = ? WHERE user_id = ?',
      args: [s.h.clock.now().getTime() - 24 * 3600 * 1000, worker.user.id],
    });
    s.h.clock.advanceSeconds(61);
    await deliver();
    await expectRefreshRevoked(apps, tokens);
    const mine = receivedBy(apps[0]!.app.id);
    expect(mine).toHaveLength(1);
    expect((await verifyLogoutToken(mine[0]!.token, apps[0]!.app.id)).sid).toBe(tokens[0]!.claims().sid);
  });

  test('an app without a back-channel logout URI loses its refresh token and is sent nothing', async () => {
    const apps = [await newApp({ backchannel: false })];
    const { worker, tokens } = await signedIntoApps(apps);
    await s.h.request('POST', '/api/auth/sign-out', { token: null, cookie: worker.cookie });
    await deliver();
    await expectRefreshRevoked(apps, tokens);
    expect(receivedBy(apps[0]!.app.id)).toEqual([]);
  });
});

describe('an app’s own sign-out (RP-initiated logout)', () => {
  /** GET /oidc/session/end as the app sends the browser there; the confirmation form's xsrf. */
  async function endSessionForm(jar: CookieJar, query: Record<string, string>) {
    const { response } = await browse(jar, s.origin, `/oidc/session/end?${new URLSearchParams(query)}`);
    const page = await response.text();
    return { status: response.status, page, xsrf: /name="xsrf" value="([^"]+)"/.exec(page)?.[1] };
  }

  async function confirm(jar: CookieJar, form: Record<string, string>) {
    const response = await fetch(`${s.origin}/oidc/session/end/confirm`, {
      method: 'POST',
      redirect: 'manual',
      headers: { cookie: jar.header(), 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(form),
    });
    jar.store(response);
    return response;
  }

  test('confirming it ends the kiosk session (the kiosk is signed out) and every other app is told', async () => {
    const apps = [await newApp(), await newApp()];
    const { worker, jar, tokens } = await signedIntoApps(apps);
    const { xsrf } = await endSessionForm(jar, {
      id_token_hint: tokens[0]!.id_token!,
      post_logout_redirect_uri: 'https://app.example.test/signed-out',
    });
    expect(xsrf).toEqual(expect.any(String));
    const done = await confirm(jar, { xsrf: xsrf!, logout: 'yes' });
    expect(done.status).toBe(303);
    expect(done.headers.get('location')).toMatch(/^https:\/\/app\.example\.test\/signed-out/);
    expect((await getSession(s.h, worker.cookie)).status).toBe(401);
    await expectRefreshRevoked(apps, tokens);
    await expectTold(apps, tokens);
  });

  test('a tampered id_token_hint is refused with the standard error and changes nothing', async () => {
    const apps = [await newApp()];
    const { worker, jar, tokens } = await signedIntoApps(apps);
    const [header, payload, signature] = tokens[0]!.id_token!.split('.');
    const forged = JSON.parse(Buffer.from(payload!, 'base64url').toString('utf8')) as Record<string, unknown>;
    forged.sub = 'someone-else';
    const tampered = `${header}.${Buffer.from(JSON.stringify(forged)).toString('base64url')}.${signature}`;
    const { status, page } = await endSessionForm(jar, { id_token_hint: tampered });
    expect(status).toBe(400);
    expect(page).toContain('invalid_request');
    expect((await getSession(s.h, worker.cookie)).status).toBe(200);
    expect(await refreshError(apps[0]!.config, tokens[0]!.refresh_token!)).toBe('refreshed');
    await deliver();
    expect(receivedBy(apps[0]!.app.id)).toEqual([]);
  });

  test('an id_token_hint issued to another app than the client_id named is refused and changes nothing', async () => {
    const apps = [await newApp(), await newApp()];
    const { worker, jar, tokens } = await signedIntoApps(apps);
    const { status, page, xsrf } = await endSessionForm(jar, {
      id_token_hint: tokens[0]!.id_token!,
      client_id: apps[1]!.app.id,
    });
    expect(status).toBe(400);
    expect(page).toContain('invalid_request');
    expect(xsrf).toBeUndefined();
    expect((await getSession(s.h, worker.cookie)).status).toBe(200);
    for (const [index, { config }] of apps.entries()) {
      expect(await refreshError(config, tokens[index]!.refresh_token!)).toBe('refreshed');
    }
    await deliver();
    for (const { app } of apps) expect(receivedBy(app.id)).toEqual([]);
  });

  test('an id_token_hint from an unknown issuer session (signed by no published key) is refused and changes nothing', async () => {
    const apps = [await newApp()];
    const { worker, jar, tokens } = await signedIntoApps(apps);
    // A well-formed ID token for an unknown sid, signed with a key the provider never published.
    const { privateKey } = await generateKeyPair('RS256');
    const foreign = await new SignJWT({ sid: 'no-such-sid', sub: worker.user.id })
      .setProtectedHeader({ alg: 'RS256', kid: 'not-published' })
      .setIssuer(s.issuer)
      .setAudience(apps[0]!.app.id)
      .setIssuedAt()
      .setExpirationTime('5m')
      .sign(privateKey);
    const { status, page } = await endSessionForm(jar, { id_token_hint: foreign });
    expect(status).toBe(400);
    expect(page).toContain('invalid_request');
    expect((await getSession(s.h, worker.cookie)).status).toBe(200);
    expect(await refreshError(apps[0]!.config, tokens[0]!.refresh_token!)).toBe('refreshed');
    await deliver();
    expect(receivedBy(apps[0]!.app.id)).toEqual([]);
  });

  test('a confirmation with an unknown logout state (wrong xsrf) is refused and changes nothing', async () => {
    const apps = [await newApp()];
    const { worker, jar, tokens } = await signedIntoApps(apps);
    await endSessionForm(jar, { id_token_hint: tokens[0]!.id_token! });
    const res = await confirm(jar, { xsrf: 'not-the-one', logout: 'yes' });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('invalid_request');
    expect((await getSession(s.h, worker.cookie)).status).toBe(200);
    await deliver();
    expect(receivedBy(apps[0]!.app.id)).toEqual([]);
  });
});

describe('the provider never reuses an ended kiosk session', () => {
  test('after the kiosk signs out, the next app request goes to the kiosk and the next worker gets in with no "sign out?" page', async () => {
    const apps = [await newApp()];
    const { worker, jar } = await signedIntoApps(apps);
    await s.h.request('POST', '/api/auth/sign-out', { token: null, cookie: worker.cookie });
    const none = await startAuthorization(apps[0]!.config, jar, s.origin, { prompt: 'none' });
    expect(none.landing.searchParams.get('error')).toBe('login_required');
    const started = await startAuthorization(apps[0]!.config, jar, s.origin);
    expect(started.landing.origin + started.landing.pathname).toBe(`${s.origin}/`);
    const next = await signedInUser(s.h);
    const login = await kioskLogin(s.origin, started.landing.searchParams.get('oidc')!, next.cookie);
    expect(login.status).toBe(200);
    const { returnTo } = (await login.json()) as { returnTo: string };
    const { url, response } = await browse(jar, s.origin, returnTo);
    // Straight back to the app with a code: no "sign out?" form between the two workers.
    expect(response.status).toBe(303);
    expect(url.origin + url.pathname).toBe(REDIRECT_URI);
    const tokens = await redeem(apps[0]!.config, { ...started, callback: url });
    expect(tokens.claims()!.sub).toBe(next.user.id);
  });

  test('a kiosk session that ended unseen (revoked in the database) is not reused either', async () => {
    const apps = [await newApp()];
    const { worker, jar } = await signedIntoApps(apps);
    await s.h.runtime.database.client.execute({
      sql: 'UPDATE sessions SET revoked_at = ? WHERE user_id = ?',
      args: [Date.now(), worker.user.id],
    });
    const started = await startAuthorization(apps[0]!.config, jar, s.origin);
    expect(started.landing.origin + started.landing.pathname).toBe(`${s.origin}/`);
    await deliver();
    expect(receivedBy(apps[0]!.app.id)).toHaveLength(1);
  });

  test('max_age shorter than the kiosk session’s age refuses it (OIDC_FRESH_SIGN_IN_REQUIRED); a kiosk session within max_age is fine', async () => {
    const apps = [await newApp()];
    // The kiosk session signed in 2 minutes ago (well within the idle timeout).
    s.h.clock.setTime(Date.now() - 2 * 60 * 1000);
    const old = await signedInUser(s.h);
    s.h.clock.setTime(Date.now());
    const strict = await startAuthorization(apps[0]!.config, new CookieJar(), s.origin, { max_age: '60' });
    const refused = await kioskLogin(s.origin, strict.landing.searchParams.get('oidc')!, old.cookie);
    expect(refused.status).toBe(403);
    expect((await readError(refused)).error.code).toBe('OIDC_FRESH_SIGN_IN_REQUIRED');
    const lenient = await startAuthorization(apps[0]!.config, new CookieJar(), s.origin, { max_age: '3600' });
    const fine = await kioskLogin(s.origin, lenient.landing.searchParams.get('oidc')!, old.cookie);
    expect(fine.status).toBe(200);
  });

  test('prompt=login refuses a kiosk session signed in before the request (OIDC_FRESH_SIGN_IN_REQUIRED), a fresh sign-in completes it', async () => {
    // Signed in a few seconds before the app's request (the provider's clock is the real one).
    s.h.clock.setTime(Date.now() - 5000);
    const apps = [await newApp()];
    const { worker, jar } = await signedIntoApps(apps);
    const started = await startAuthorization(apps[0]!.config, jar, s.origin, { prompt: 'login' });
    const uid = started.landing.searchParams.get('oidc')!;
    expect(uid).toEqual(expect.any(String));
    const stale = await kioskLogin(s.origin, uid, worker.cookie);
    expect(stale.status).toBe(403);
    expect((await readError(stale)).error.code).toBe('OIDC_FRESH_SIGN_IN_REQUIRED');
    // The worker scans and types the PIN again (the test clock was frozen before the request).
    s.h.clock.setTime(Date.now() + 1000);
    const again = await signIn(s.h, worker.qr, worker.pin, { cookie: worker.cookie });
    expect(again.res.status).toBe(200);
    const fresh = await kioskLogin(s.origin, uid, again.cookie!);
    expect(fresh.status).toBe(200);
  });
});

describe('the next worker on an enrolled phone', () => {
  test('signing in on the device ends the previous worker’s session there, even without their cookie', async () => {
    const h = await startHarness();
    try {
      const device = await enrolDevice(h, { groupId: (await addGroup(h)).id });
      const [first, second] = [await createWorker(h), await createWorker(h)];
      const a = await signInOnDevice(h, device, { qr: first.qr }, first.pin);
      expect(a.res.status).toBe(200);
      const b = await signInOnDevice(h, device, { qr: second.qr }, second.pin);
      expect(b.res.status).toBe(200);
      expect((await getSession(h, a.cookie!)).status).toBe(401);
      expect((await getSession(h, b.cookie!)).status).toBe(200);
    } finally {
      h.close();
    }
  });
});

describe('deliveries', () => {
  test('retries back off 10 s, 1 min, 5 min, 30 min, 2 h, then every 6 h, and stop 24 h after the sign-out', () => {
    const createdAt = new Date('2026-06-01T08:00:00Z');
    let at = createdAt;
    const waits: number[] = [];
    for (let attempts = 1; attempts < 20; attempts += 1) {
      const next = nextAttemptAfter({ createdAt }, attempts, at);
      if (!next) break;
      waits.push((next.getTime() - at.getTime()) / 1000);
      at = next;
    }
    expect(waits.slice(0, 6)).toEqual([10, 60, 300, 1800, 7200, 21600]);
    expect(at.getTime() - createdAt.getTime()).toBeLessThanOrEqual(24 * 3600 * 1000);
    expect(waits.length).toBeLessThan(12);
  });

  test('an app answering 500 is retried with backoff and each answer is recorded', async () => {
    const apps = [await newApp()];
    const id = apps[0]!.app.id;
    behaviour.set(id, 'fail');
    const { worker } = await signedIntoApps(apps);
    await s.h.request('POST', '/api/auth/sign-out', { token: null, cookie: worker.cookie });
    await deliver();
    const select =
      'SELECT attempts, last_answer, delivered_at, next_attempt_at, last_attempt_at FROM oidc_logout_deliveries WHERE app_id = ?';
    const [first] = await queryRows(s.h, select, [id]);
    expect(first).toMatchObject({ attempts: 1, last_answer: '500', delivered_at: null });
    expect(Number(first!.next_attempt_at) - Number(first!.last_attempt_at)).toBe(10_000);
    // Not due yet: nothing is sent.
    await deliver();
    expect(receivedBy(id)).toHaveLength(1);
    behaviour.set(id, 'ok');
    s.h.clock.advanceSeconds(10);
    await deliver();
    const [second] = await queryRows(s.h, select, [id]);
    expect(second).toMatchObject({ attempts: 2, last_answer: '200', next_attempt_at: null });
    expect(second!.delivered_at).not.toBeNull();
    expect(receivedBy(id)).toHaveLength(2);
    await verifyLogoutToken(receivedBy(id)[1]!.token, id);
  });

  test('an app endpoint that hangs does not slow the sign-out; the attempt times out and is recorded', async () => {
    const apps = [await newApp()];
    const id = apps[0]!.app.id;
    behaviour.set(id, 'hang');
    const { worker } = await signedIntoApps(apps);
    const started = Date.now();
    const out = await s.h.request('POST', '/api/auth/sign-out', { token: null, cookie: worker.cookie });
    expect(out.status).toBe(204);
    expect(Date.now() - started).toBeLessThan(1000);
    // The sign-out answered before the app was even contacted; the attempt is bounded by the timeout.
    expect(receivedBy(id)).toEqual([]);
    await deliver(300);
    expect(receivedBy(id)).toHaveLength(1);
    const [row] = await queryRows(
      s.h,
      'SELECT attempts, last_answer, delivered_at FROM oidc_logout_deliveries WHERE app_id = ?',
      [id],
    );
    expect(row).toMatchObject({ attempts: 1, last_answer: 'timeout', delivered_at: null });
  });

  test('two processes running the deliverer at once send a delivery only once', async () => {
    const other = await startOidcServer({ dataDir: s.h.dir, publicOrigin: s.origin });
    other.h.runtime.oidc.logoutDeliverer.stop();
    try {
      const apps = [await newApp()];
      const { worker } = await signedIntoApps(apps);
      await s.h.request('POST', '/api/auth/sign-out', { token: null, cookie: worker.cookie });
      other.h.clock.setTime(s.h.clock.now().getTime());
      await Promise.all([
        deliverDueLogouts(s.h.runtime.deps, s.h.runtime.oidc.provider()),
        deliverDueLogouts(other.h.runtime.deps, other.h.runtime.oidc.provider()),
      ]);
      expect(receivedBy(apps[0]!.app.id)).toHaveLength(1);
    } finally {
      await other.close({ remove: false });
    }
  });

  test('a sign-out on one API process tells the apps signed in through the other', async () => {
    const other = await startOidcServer({ dataDir: s.h.dir, publicOrigin: s.origin });
    other.h.runtime.oidc.logoutDeliverer.stop();
    try {
      const apps = [await newApp()];
      // Signed in to the app through this process; signed out through the other.
      const { worker, tokens } = await signedIntoApps(apps);
      other.h.clock.setTime(s.h.clock.now().getTime());
      const out = await other.h.request('POST', '/api/auth/sign-out', { token: null, cookie: worker.cookie });
      expect(out.status).toBe(204);
      await other.h.runtime.oidc.logoutDeliverer.tick();
      const payload = await verifyLogoutToken(receivedBy(apps[0]!.app.id)[0]!.token, apps[0]!.app.id);
      expect(payload.sid).toBe(tokens[0]!.claims().sid);
      await expectRefreshRevoked(apps, tokens);
    } finally {
      await other.close({ remove: false });
    }
  });
});

describe('GET /api/admin/apps/{id}/logout-deliveries', () => {
  test('an admin sees who the app was told about, when, the attempts and the answer, newest first, page by page', async () => {
    const apps = [await newApp()];
    const id = apps[0]!.app.id;
    const first = await signedInUser(s.h, { displayName: 'First Worker' });
    const second = await signedInUser(s.h, { displayName: 'Second Worker' });
    await signedIntoApps(apps, first);
    await s.h.request('POST', '/api/auth/sign-out', { token: null, cookie: first.cookie });
    await deliver();
    s.h.clock.advanceSeconds(1);
    behaviour.set(id, 'fail');
    await signedIntoApps(apps, second);
    await s.h.request('POST', '/api/auth/sign-out', { token: null, cookie: second.cookie });
    await deliver();
    const page1 = await s.h.request('GET', `/api/admin/apps/${id}/logout-deliveries?limit=1`);
    expect(page1.status).toBe(200);
    const one = (await page1.json()) as { value: Record<string, unknown>[]; nextCursor: string | null };
    expect(one.value).toEqual([
      expect.objectContaining({
        user: { id: second.user.id, displayName: 'Second Worker' },
        attempts: 1,
        lastAnswer: '500',
        deliveredDateTime: null,
        state: 'pending',
      }),
    ]);
    expect(one.nextCursor).toEqual(expect.any(String));
    const page2 = await s.h.request(
      'GET',
      `/api/admin/apps/${id}/logout-deliveries?limit=1&cursor=${one.nextCursor}`,
    );
    const two = (await page2.json()) as { value: Record<string, unknown>[]; nextCursor: string | null };
    expect(two.value).toEqual([
      expect.objectContaining({
        user: { id: first.user.id, displayName: 'First Worker' },
        attempts: 1,
        lastAnswer: '200',
        deliveredDateTime: expect.any(String),
        state: 'delivered',
      }),
    ]);
    expect(two.nextCursor).toBeNull();
    behaviour.set(id, 'ok');
  });

  test('only admins may look: a manager is refused, an unknown app is 404', async () => {
    const apps = [await newApp()];
    const manager = await signedInUser(s.h, { role: 'manager' });
    const res = await s.h.request('GET', `/api/admin/apps/${apps[0]!.app.id}/logout-deliveries`, {
      token: null,
      cookie: manager.cookie,
    });
    expect(res.status).toBe(403);
    const unknown = await s.h.request('GET', '/api/admin/apps/no-such-app/logout-deliveries');
    expect(unknown.status).toBe(404);
  });
});
