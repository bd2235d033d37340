/**
 * App sign-ins in the sign-in log (issue 12, item 5): when the kiosk completes an app's sign-in, one
 * row names the worker, the kiosk device and the app (authMethod `sso`, details `{ via: 'sso', app:
 * { id, name } }`); a silent sign-in (no kiosk step) too, marked `silent`; each refusal is logged with
 * its code; the admin sign-in log API returns them.
 */
import { createHash } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, test, vi } from 'vitest';
import {
  createWorker,
  readError,
  readJson,
  signedInUser,
  signIn,
  type Worker,
} from '../support/api-harness.js';
import {
  CookieJar,
  discoverAs,
  kioskLogin,
  redeem,
  registerApp,
  signInThroughKiosk,
  startAuthorization,
  startOidcServer,
} from '../support/oidc-harness.js';
import type { SignInLogView } from '../../server/contracts/logs.js';
import type { AppRow } from '../../server/features/apps/apps-repository.js';
import type * as client from 'openid-client';

type Server = Awaited<ReturnType<typeof startOidcServer>>;

let s: Server;
let app: AppRow;
let config: client.Configuration;

beforeAll(async () => {
  s = await startOidcServer();
  const registered = await registerApp(s.h, { displayName: 'Rota' });
  app = registered.app;
  config = await discoverAs(s.issuer, app, registered.secret);
});
afterAll(async () => {
  await s.close();
});
afterEach(() => {
  vi.useRealTimers();
});

/** The admin sign-in log API's rows for one person, newest first. */
async function signInLogOf(userId: string): Promise<SignInLogView[]> {
  const res = await s.h.request('GET', `/api/admin/sign-in-logs?userId=${encodeURIComponent(userId)}`);
  expect(res.status).toBe(200);
  return (await readJson<{ value: SignInLogView[] }>(res)).value;
}

const appRows = (rows: SignInLogView[]) => rows.filter((row) => row.authMethod === 'sso');

/** Binds a worker's kiosk session to a device id, as a sign-in on an enrolled kiosk does. */
async function bindToDevice(cookie: string, deviceId: string) {
  const token = cookie.split('=')[1]!;
  await s.h.runtime.database.client.execute({
    sql: 'UPDATE sessions SET device_id = ? WHERE token_hash = ?',
    args: [deviceId, createHash('sha256').update(token).digest('hex')],
  });
}

describe('the sign-in log records app sign-ins', () => {
  test('an app sign-in writes one success row naming the app, the worker and the kiosk device', async () => {
    const worker = await signedInUser(s.h, { displayName: 'Bea Costa' });
    await bindToDevice(worker.cookie, 'kiosk-device-1');
    const tokens = await redeem(
      config,
      await signInThroughKiosk(config, new CookieJar(), s.origin, worker.cookie),
    );
    expect(tokens.claims()!.sub).toBe(worker.user.id);

    const rows = appRows(await signInLogOf(worker.user.id));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      result: 'success',
      failureCode: null,
      authMethod: 'sso',
      userId: worker.user.id,
      userDisplayName: 'Bea Costa',
      deviceId: 'kiosk-device-1',
      details: { via: 'sso', app: { id: app.id, name: 'Rota' } },
    });
    expect(rows[0]!.ipAddress).toEqual(expect.any(String));
  });

  test('a silent sign-in to a second app does not pass the kiosk and is logged as silent, naming the app', async () => {
    const worker = await signedInUser(s.h);
    const jar = new CookieJar();
    await redeem(config, await signInThroughKiosk(config, jar, s.origin, worker.cookie));
    const second = await registerApp(s.h, { displayName: 'Tills', tokenEndpointAuthMethod: 'none' });
    const started = await startAuthorization(
      await discoverAs(s.issuer, second.app, undefined),
      jar,
      s.origin,
    );
    expect(started.landing.searchParams.get('oidc')).toBeNull();
    expect(started.landing.searchParams.get('code')).toEqual(expect.any(String));
    const rows = appRows(await signInLogOf(worker.user.id));
    // The harness clock stands still: rows are told apart by their app, not their order.
    const rowOf = (name: string) =>
      rows.find((row) => (row.details as { app?: { name?: string } }).app?.name === name);
    expect(rows).toHaveLength(2);
    expect(rowOf('Tills')).toMatchObject({
      result: 'success',
      userId: worker.user.id,
      details: { via: 'sso', app: { id: second.app.id, name: 'Tills' }, silent: true },
    });
    expect(rowOf('Rota')!.details).not.toHaveProperty('silent');
  });

  test('a refusal for a fresh sign-in (prompt=login) is logged with its code and the app', async () => {
    const worker = await signedInUser(s.h);
    // prompt=login refuses a kiosk session signed in before the request (a second's slack).
    await s.h.runtime.database.client.execute({
      sql: 'UPDATE sessions SET created_at = created_at - 60000 WHERE user_id = ?',
      args: [worker.user.id],
    });
    const { landing } = await startAuthorization(config, new CookieJar(), s.origin, { prompt: 'login' });
    const res = await kioskLogin(s.origin, landing.searchParams.get('oidc')!, worker.cookie);
    expect(res.status).toBe(403);
    expect((await readError(res)).error.code).toBe('OIDC_FRESH_SIGN_IN_REQUIRED');
    expect(appRows(await signInLogOf(worker.user.id))).toEqual([
      expect.objectContaining({
        result: 'failure',
        failureCode: 'OIDC_FRESH_SIGN_IN_REQUIRED',
        userId: worker.user.id,
        details: { via: 'sso', app: { id: app.id, name: 'Rota' } },
      }),
    ]);
  });

  test('a refusal while a PIN change is pending is logged with PIN_CHANGE_REQUIRED and the app', async () => {
    const pending: Worker = await createWorker(s.h);
    const { cookie } = await signIn(s.h, pending.qr, pending.pin);
    const { landing } = await startAuthorization(config, new CookieJar(), s.origin);
    const res = await kioskLogin(s.origin, landing.searchParams.get('oidc')!, cookie!);
    expect(res.status).toBe(403);
    expect((await readError(res)).error.code).toBe('PIN_CHANGE_REQUIRED');
    expect(appRows(await signInLogOf(pending.user.id))).toEqual([
      expect.objectContaining({
        result: 'failure',
        failureCode: 'PIN_CHANGE_REQUIRED',
        details: { via: 'sso', app: { id: app.id, name: 'Rota' } },
      }),
    ]);
  });

  test('a refusal of an expired interaction is logged with OIDC_INTERACTION_NOT_FOUND', async () => {
    const worker = await signedInUser(s.h);
    const { landing } = await startAuthorization(config, new CookieJar(), s.origin);
    // The provider's clock is the system clock; the kiosk session's is the harness clock (unmoved).
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + 16 * 60 * 1000);
    const res = await kioskLogin(s.origin, landing.searchParams.get('oidc')!, worker.cookie);
    vi.useRealTimers();
    expect(res.status).toBe(410);
    expect((await readError(res)).error.code).toBe('OIDC_INTERACTION_NOT_FOUND');
    const rows = appRows(await signInLogOf(worker.user.id));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ result: 'failure', failureCode: 'OIDC_INTERACTION_NOT_FOUND' });
    expect((rows[0]!.details as { via: string }).via).toBe('sso');
  });

  test('the sign-in log filters by failure code find the app refusals', async () => {
    const res = await s.h.request('GET', '/api/admin/sign-in-logs?failureCode=OIDC_FRESH_SIGN_IN_REQUIRED');
    expect(res.status).toBe(200);
    const { value } = await readJson<{ value: SignInLogView[] }>(res);
    expect(value.length).toBeGreaterThan(0);
    for (const row of value) expect(row.authMethod).toBe('sso');
  });
});
