/**
 * Housekeeping by the logout deliverer's once-a-minute sweep (logout-deliverer.ts): provider rows in
 * `oidc_models` past their expiry (codes, interactions, access tokens, replay-detection entries…) are
 * deleted, in statements of at most DELETE_BATCH rows, while what is still live (the worker's provider
 * session, grant and refresh token) stays and keeps working; back-channel logout deliveries finished
 * (delivered or given up) more than 30 days ago leave the admins' list, newer ones stay.
 *
 * Over real HTTP like oidc-provider.test.ts. The runtime's background deliverer is stopped; each
 * test runs its rounds (`sweep()`). Two clocks, as in the product: the provider's rows expire on the
 * system clock (faked with vi's Date), deliveries and kiosk sessions run on the service's test clock.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as client from 'openid-client';
import { afterAll, afterEach, beforeAll, describe, expect, test, vi } from 'vitest';
import type { LogoutDeliveryView } from '../../server/contracts/oidc-logout-deliveries.js';
import type { Page } from '../../server/contracts/pagination.js';
import { DELETE_BATCH, KEEP_FINISHED_DELIVERIES_MS } from '../../server/features/oidc/logout-deliverer.js';
import { getSession, queryRows, readJson, signedInUser } from '../support/api-harness.js';
import {
  CookieJar,
  discoverAs,
  redeem,
  REDIRECT_URI,
  registerApp,
  signInThroughKiosk,
  startAuthorization,
  startOidcServer,
  type OidcServer,
} from '../support/oidc-harness.js';

let s: OidcServer;
let receiver: ReturnType<typeof createServer>;
let receiverOrigin: string;
/** Apps whose back-channel endpoint answers 500; every other answers 200. */
const failing = new Set<string>();

beforeAll(async () => {
  s = await startOidcServer();
  s.h.runtime.oidc.logoutDeliverer.stop();
  receiver = createServer((req: IncomingMessage, res: ServerResponse) => {
    const appId = (req.url ?? '').split('/').at(-1)!;
    req.resume();
    req.on('end', () => res.writeHead(failing.has(appId) ? 500 : 200).end());
  });
  await new Promise<void>((resolve) => receiver.listen(0, resolve));
  receiverOrigin = `http://localhost:${(receiver.address() as AddressInfo).port}`;
});
afterAll(async () => {
  receiver.closeAllConnections();
  await new Promise<void>((resolve) => receiver.close(() => resolve()));
  await s.close();
});
afterEach(() => {
  vi.useRealTimers();
});

/** A minute later on the service clock, one deliverer round: the sweep is due, then deliveries, then housekeeping. */
async function sweep(): Promise<void> {
  s.h.clock.advanceSeconds(61);
  await s.h.runtime.oidc.logoutDeliverer.tick();
}

/** The provider's clock (the system clock) moved forward; Date stays there until the test ends. */
function providerClockForward(ms: number): void {
  const at = Date.now() + ms;
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(at);
}

const countWhere = async (where: string, args: (string | number)[] = []) =>
  Number((await queryRows(s.h, `SELECT count(*) AS n FROM oidc_models WHERE ${where}`, args))[0]!.n);

const modelsPastExpiry = async () =>
  (
    await queryRows(s.h, 'SELECT DISTINCT model FROM oidc_models WHERE expires_at <= ? ORDER BY model', [
      Date.now(),
    ])
  ).map((row) => String(row.model));

async function newApp() {
  const { app, secret } = await registerApp(s.h, { backchannelLogoutUri: null });
  const backchannelLogoutUri = `${receiverOrigin}/bc/${app.id}`;
  await s.h.runtime.database.client.execute({
    sql: 'UPDATE apps SET backchannel_logout_uri = ? WHERE id = ?',
    args: [backchannelLogoutUri, app.id],
  });
  return { app, config: await discoverAs(s.issuer, app, secret) };
}

/** What an admin sees for an app: GET /api/admin/apps/{id}/logout-deliveries. */
async function deliveriesListed(appId: string): Promise<LogoutDeliveryView[]> {
  const res = await s.h.request('GET', `/api/admin/apps/${appId}/logout-deliveries`);
  expect(res.status).toBe(200);
  return (await readJson<Page<LogoutDeliveryView>>(res)).value;
}

describe('provider rows past their expiry', () => {
  test('expired codes, interactions and access tokens are deleted; the worker stays signed in to the app', async () => {
    const { config } = await newApp();
    const worker = await signedInUser(s.h);
    const jar = new CookieJar();
    const tokens = await redeem(config, await signInThroughKiosk(config, jar, s.origin, worker.cookie));
    // A code the app never redeemed (silent sign-in), and an app sign-in no one finished on the kiosk.
    const unredeemed = await startAuthorization(config, jar, s.origin);
    expect(unredeemed.landing.origin + unredeemed.landing.pathname).toBe(REDIRECT_URI);
    const abandoned = await startAuthorization(config, new CookieJar(), s.origin);
    expect(abandoned.landing.searchParams.get('oidc')).toEqual(expect.any(String));

    // Past the code (60 s), interaction and access token (15 min) lifetimes; within the shift (12 h).
    providerClockForward(16 * 60 * 1000);
    expect(await modelsPastExpiry()).toEqual(
      expect.arrayContaining(['AccessToken', 'AuthorizationCode', 'Interaction']),
    );
    const live = await countWhere('expires_at > ? OR expires_at IS NULL', [Date.now()]);

    await sweep();

    expect(await modelsPastExpiry()).toEqual([]);
    expect(await countWhere('expires_at > ? OR expires_at IS NULL', [Date.now()])).toBe(live);
    expect(await countWhere("model IN ('Session', 'Grant', 'RefreshToken')")).toBeGreaterThanOrEqual(3);
    // What the worker and the app notice: nothing. The kiosk session, the refresh token and the silent
    // sign-in through the provider session all still work.
    expect((await getSession(s.h, worker.cookie)).status).toBe(200);
    const refreshed = await client.refreshTokenGrant(config, tokens.refresh_token!);
    expect(refreshed.claims()!.sub).toBe(worker.user.id);
    const again = await startAuthorization(config, jar, s.origin);
    expect(again.landing.origin + again.landing.pathname).toBe(REDIRECT_URI);
    expect((await redeem(config, { ...again, callback: again.landing })).claims()!.sub).toBe(worker.user.id);
  });

  test('a backlog larger than one batch is all deleted in one round, a bounded statement at a time; live rows stay', async () => {
    const now = Date.now();
    const backlog = 2 * DELETE_BATCH + 234;
    await s.h.runtime.database.client.execute({
      sql: `INSERT INTO oidc_models (model, id, payload, expires_at)
            WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?)
            SELECT 'ReplayDetection', 'backlog-' || i, '{}', ? - i FROM n`,
      args: [backlog, now - 1000],
    });
    await s.h.runtime.database.client.execute({
      sql: `INSERT INTO oidc_models (model, id, payload, expires_at) VALUES
            ('ReplayDetection', 'live-1', '{}', ?), ('ReplayDetection', 'live-2', '{}', ?),
            ('Grant', 'live-no-expiry', '{}', NULL)`,
      args: [now + 60_000, now + 3600_000],
    });
    const statements = vi.spyOn(s.h.runtime.deps.repos.oidcModels, 'deleteExpired');
    try {
      await sweep();
      const deleted = await Promise.all(statements.mock.results.map((result) => result.value as number));
      expect(statements.mock.calls.every(([limit]) => limit === DELETE_BATCH)).toBe(true);
      expect(deleted.reduce((sum, n) => sum + n, 0)).toBeGreaterThanOrEqual(backlog);
      expect(deleted.at(-1)).toBeLessThan(DELETE_BATCH);
    } finally {
      statements.mockRestore();
    }
    expect(await countWhere("id LIKE 'backlog-%'")).toBe(0);
    expect(
      (await queryRows(s.h, "SELECT id FROM oidc_models WHERE id LIKE 'live-%' ORDER BY id")).map(
        (r) => r.id,
      ),
    ).toEqual(['live-1', 'live-2', 'live-no-expiry']);
  });
});

describe('finished back-channel logout deliveries', () => {
  test('delivered or given-up deliveries leave the admins’ list after 30 days; newer ones stay', async () => {
    const told = await newApp();
    const gone = await newApp();
    const down = await newApp();
    failing.add(down.app.id);
    const worker = await signedInUser(s.h);
    const jar = new CookieJar();
    await redeem(told.config, await signInThroughKiosk(told.config, jar, s.origin, worker.cookie));
    for (const { config } of [gone, down]) {
      const started = await startAuthorization(config, jar, s.origin);
      await redeem(config, { ...started, callback: started.landing });
    }
    await s.h.request('POST', '/api/auth/sign-out', { token: null, cookie: worker.cookie });
    // Queued for all three; then an admin takes away one app's back-channel address (given up: app_gone).
    const patch = await s.h.request('PATCH', `/api/admin/apps/${gone.app.id}`, {
      body: { backchannelLogoutUri: null },
    });
    expect(patch.status).toBe(200);
    await sweep();
    const [delivered] = await deliveriesListed(told.app.id);
    const [givenUp] = await deliveriesListed(gone.app.id);
    expect([delivered!.state, delivered!.lastAnswer]).toEqual(['delivered', '200']);
    expect([givenUp!.state, givenUp!.lastAnswer]).toEqual(['failed', 'app_gone']);
    const finishedAt = Date.parse(delivered!.deliveredDateTime!);
    expect(Date.parse(givenUp!.lastAttemptDateTime!)).toBe(finishedAt);
    expect((await deliveriesListed(down.app.id)).map((d) => [d.state, d.lastAnswer])).toEqual([
      ['pending', '500'],
    ]);

    // Ten days on, the unreachable app's delivery is tried once more and given up (24 h are long past).
    s.h.clock.setTime(finishedAt + 10 * 24 * 3600 * 1000);
    await sweep();
    expect((await deliveriesListed(down.app.id)).map((d) => [d.state, d.lastAnswer])).toEqual([
      ['failed', '500'],
    ]);

    // A day short of 30 days after the first two finished: everything is still listed.
    s.h.clock.setTime(finishedAt + KEEP_FINISHED_DELIVERIES_MS - 24 * 3600 * 1000);
    await sweep();
    for (const { app } of [told, gone, down]) expect(await deliveriesListed(app.id)).toHaveLength(1);

    // Past 30 days: the delivered and the given-up-at-once deliveries go; the one given up 20 days ago stays.
    s.h.clock.setTime(finishedAt + KEEP_FINISHED_DELIVERIES_MS);
    await sweep();
    expect(await deliveriesListed(told.app.id)).toEqual([]);
    expect(await deliveriesListed(gone.app.id)).toEqual([]);
    expect((await deliveriesListed(down.app.id)).map((d) => [d.state, d.lastAnswer])).toEqual([
      ['failed', '500'],
    ]);
    expect(
      await queryRows(s.h, 'SELECT app_id FROM oidc_logout_deliveries WHERE app_id IN (?, ?)', [
        told.app.id,
        gone.app.id,
      ]),
    ).toEqual([]);
  });
});
