/**
 * Shiftpass as an OpenID provider, driven the way a store app drives it: openid-client (the certified
 * relying-party library) against the provider served over HTTP, the worker signing in on the kiosk
 * (badge + PIN) in between. Discovery, keys, the code flow with PKCE, tokens, userinfo, refresh
 * rotation, the standard errors, and two API processes on one database.
 */
import { createHash } from 'node:crypto';
import * as client from 'openid-client';
import { decodeJwt, decodeProtectedHeader } from 'jose';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import {
  createWorker,
  getSession,
  queryRows,
  readError,
  signedInUser,
  signIn,
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
import { oauthErrorOf } from '../support/oauth-errors.js';
import type { AppRow } from '../../server/features/apps/apps-repository.js';
import { ensureSigningKeys, rotateSigningKeys } from '../../server/features/oidc/signing-keys.js';

type Server = Awaited<ReturnType<typeof startOidcServer>>;

let s: Server;
let app: AppRow;
let secret: string | undefined;
let config: client.Configuration;
let worker: Worker & { cookie: string };

beforeAll(async () => {
  s = await startOidcServer();
  ({ app, secret } = await registerApp(s.h));
  config = await discoverAs(s.issuer, app, secret);
  worker = await signedInUser(s.h, { displayName: 'Ana Lima' });
});
afterAll(async () => {
  await s.close();
});

/** A refresh-token request with client_secret_basic credentials, answered before any token is looked at. */
async function tokenRequestAs(clientId: string, clientSecret: string) {
  const res = await fetch(`${s.issuer}/token`, {
    method: 'POST',
    headers: {
      authorization: `Basic ${Buffer.from(`${encodeURIComponent(clientId)}:${encodeURIComponent(clientSecret)}`).toString('base64')}`,
      'content-type': 'application/x-www-form-urlencoded',
    },
    body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: 'whatever' }),
  });
  return { status: res.status, error: ((await res.json()) as { error: string }).error };
}

describe('discovery and keys', () => {
  test('discovery names the issuer under /oidc, its endpoints, S256 as the only PKCE method and RS256 + ES256 ID tokens', async () => {
    const metadata = config.serverMetadata();
    expect(metadata.issuer).toBe(`${s.origin}/oidc`);
    for (const endpoint of [
      metadata.authorization_endpoint,
      metadata.token_endpoint,
      metadata.userinfo_endpoint,
      metadata.jwks_uri,
      metadata.end_session_endpoint,
      metadata.revocation_endpoint,
    ]) {
      expect(endpoint).toMatch(new RegExp(`^${s.origin}/oidc/`));
    }
    expect(metadata.code_challenge_methods_supported).toEqual(['S256']);
    expect([...(metadata.id_token_signing_alg_values_supported ?? [])].sort()).toEqual(['ES256', 'RS256']);
    expect(metadata.response_types_supported).toEqual(['code']);
    expect(metadata.backchannel_logout_supported).toBe(true);
    expect(metadata.backchannel_logout_session_supported).toBe(true);
    expect(metadata.scopes_supported).toEqual(
      expect.arrayContaining(['openid', 'profile', 'offline_access', 'shiftpass']),
    );
  });

  test('JWKS publishes one RS256 and one ES256 public key, kids as stored, and no private member', async () => {
    const jwks = (await (await fetch(`${s.issuer}/jwks`)).json()) as { keys: Record<string, unknown>[] };
    expect(jwks.keys.map((key) => key.alg).sort()).toEqual(['ES256', 'RS256']);
    const stored = await queryRows(s.h, 'SELECT kid FROM oidc_signing_keys');
    expect(jwks.keys.map((key) => key.kid).sort()).toEqual(stored.map((row) => row.kid).sort());
    for (const key of jwks.keys) {
      for (const member of ['d', 'p', 'q', 'dp', 'dq', 'qi']) expect(key).not.toHaveProperty(member);
    }
  });

  test('the private signing keys are sealed in the database, never stored as JWK JSON', async () => {
    const rows = await queryRows(s.h, 'SELECT private_jwk_sealed FROM oidc_signing_keys');
    expect(rows).toHaveLength(2);
    for (const row of rows) {
      const sealed = String(row.private_jwk_sealed);
      expect(sealed).not.toContain('"kty"');
      expect(sealed).not.toContain('"d"');
      expect(() => JSON.parse(sealed) as unknown).toThrow();
    }
  });
});

describe('signing in to an app from the kiosk', () => {
  test('an app sends the worker to the kiosk, and gets a code once the kiosk signs them in', async () => {
    const jar = new CookieJar();
    const started = await startAuthorization(config, jar, s.origin);
    expect(started.landing.origin).toBe(s.origin);
    expect(started.landing.pathname).toBe('/');
    expect(started.landing.searchParams.get('oidc')).toMatch(/^[A-Za-z0-9_-]{16,64}$/);
  });

  test('the ID token verifies with openid-client: iss, aud, sub = the user id, amr pin, acr, sid, auth_time, nonce, a published kid', async () => {
    const flow = await signInThroughKiosk(config, new CookieJar(), s.origin, worker.cookie);
    expect(flow.callback.origin + flow.callback.pathname).toBe(REDIRECT_URI);
    const tokens = await redeem(config, flow);
    const claims = tokens.claims()!;
    expect(claims.iss).toBe(s.issuer);
    expect(claims.aud).toBe(app.id);
    expect(claims.sub).toBe(worker.user.id);
    expect(claims.sub).not.toBe(worker.user.userPrincipalName);
    expect(claims.amr).toEqual(['pin']);
    expect(claims.acr).toBe('urn:shiftpass:acr:badge-pin');
    expect(claims.sid).toEqual(expect.any(String));
    expect(claims.auth_time).toEqual(expect.any(Number));
    expect(claims.auth_time).toBeLessThanOrEqual(claims.iat);
    expect(claims.nonce).toBe(flow.nonce);
    // at_hash is for ID tokens issued next to an access token at the authorization endpoint (hybrid
    // flows, not offered); from the token endpoint it is optional (OIDC Core 3.1.3.6) and omitted.
    expect(claims.at_hash).toBeUndefined();
    const header = decodeProtectedHeader(tokens.id_token!);
    expect(header.alg).toBe('RS256');
    const jwks = (await (await fetch(`${s.issuer}/jwks`)).json()) as { keys: { kid: string }[] };
    expect(jwks.keys.map((key) => key.kid)).toContain(header.kid);
    expect(tokens.refresh_token).toEqual(expect.any(String));
  });

  test('userinfo answers the profile and shiftpass claims: name, preferred_username, role and stores', async () => {
    const tokens = await redeem(
      config,
      await signInThroughKiosk(config, new CookieJar(), s.origin, worker.cookie),
    );
    const info = await client.fetchUserInfo(config, tokens.access_token, worker.user.id);
    expect(info).toMatchObject({
      sub: worker.user.id,
      name: 'Ana Lima',
      preferred_username: worker.user.userPrincipalName,
      role: 'worker',
      stores: [],
    });
  });

  test('a kiosk bound to an enrolled device adds hwk to amr and the device acr', async () => {
    const bound = await signedInUser(s.h);
    const token = bound.cookie.split('=')[1]!;
    await s.h.runtime.database.client.execute({
      sql: "UPDATE sessions SET device_id = 'device-1' WHERE token_hash = ?",
      args: [createHash('sha256').update(token).digest('hex')],
    });
    const tokens = await redeem(
      config,
      await signInThroughKiosk(config, new CookieJar(), s.origin, bound.cookie),
    );
    expect(tokens.claims()!.amr).toEqual(['pin', 'hwk']);
    expect(tokens.claims()!.acr).toBe('urn:shiftpass:acr:badge-pin-device');
  });

  test('a second app on the same phone signs in silently, without going back to the kiosk', async () => {
    const jar = new CookieJar();
    await redeem(config, await signInThroughKiosk(config, jar, s.origin, worker.cookie));
    const second = await registerApp(s.h, { tokenEndpointAuthMethod: 'none' });
    const secondConfig = await discoverAs(s.issuer, second.app, undefined);
    const started = await startAuthorization(secondConfig, jar, s.origin);
    expect(started.landing.origin + started.landing.pathname).toBe(REDIRECT_URI);
    const tokens = await redeem(secondConfig, { ...started, callback: started.landing });
    expect(tokens.claims()!.sub).toBe(worker.user.id);
    expect(tokens.claims()!.aud).toBe(second.app.id);
  });

  test('the provider session is linked to the kiosk session it was signed in through', async () => {
    const linked = await signedInUser(s.h);
    await signInThroughKiosk(config, new CookieJar(), s.origin, linked.cookie);
    const rows = await queryRows(
      s.h,
      'SELECT l.kiosk_session_id, s.user_id FROM oidc_session_links l JOIN sessions s ON s.id = l.kiosk_session_id WHERE l.user_id = ?',
      [linked.user.id],
    );
    expect(rows).toEqual([{ kiosk_session_id: expect.any(String), user_id: linked.user.id }]);
  });
});

describe('what the database holds', () => {
  test('codes, access tokens and refresh tokens are not stored in the clear, and still work', async () => {
    const flow = await signInThroughKiosk(config, new CookieJar(), s.origin, worker.cookie);
    const code = flow.callback.searchParams.get('code')!;
    const tokens = await redeem(config, flow);
    const rows = await queryRows(s.h, 'SELECT id, payload FROM oidc_models');
    const stored = JSON.stringify(rows);
    for (const secret of [code, tokens.access_token, tokens.refresh_token!]) {
      expect(secret.length).toBeGreaterThan(20);
      expect(stored).not.toContain(secret);
    }
    expect(await client.fetchUserInfo(config, tokens.access_token, worker.user.id)).toMatchObject({
      sub: worker.user.id,
    });
    expect((await client.refreshTokenGrant(config, tokens.refresh_token!)).access_token).toEqual(
      expect.any(String),
    );
  });
});

describe('refresh tokens', () => {
  test('a refresh rotates the refresh token, and reusing the old one revokes the whole family', async () => {
    const first = await redeem(
      config,
      await signInThroughKiosk(config, new CookieJar(), s.origin, worker.cookie),
    );
    const second = await client.refreshTokenGrant(config, first.refresh_token!);
    expect(second.refresh_token).toEqual(expect.any(String));
    expect(second.refresh_token).not.toBe(first.refresh_token);
    expect(second.claims()!.sub).toBe(worker.user.id);
    expect(await oauthErrorOf(client.refreshTokenGrant(config, first.refresh_token!))).toBe('invalid_grant');
    expect(await oauthErrorOf(client.refreshTokenGrant(config, second.refresh_token!))).toBe('invalid_grant');
  });
});

describe('refusals', () => {
  test('a wrong PKCE verifier is invalid_grant', async () => {
    const flow = await signInThroughKiosk(config, new CookieJar(), s.origin, worker.cookie);
    const wrong = client.randomPKCECodeVerifier();
    expect(await oauthErrorOf(redeem(config, { ...flow, verifier: wrong }))).toBe('invalid_grant');
  });

  test('a code redeemed twice is invalid_grant the second time', async () => {
    const flow = await signInThroughKiosk(config, new CookieJar(), s.origin, worker.cookie);
    await redeem(config, flow);
    expect(await oauthErrorOf(redeem(config, flow))).toBe('invalid_grant');
  });

  test('an expired authorization code is invalid_grant, and the worker stays signed in everywhere', async () => {
    const jar = new CookieJar();
    const flow = await signInThroughKiosk(config, jar, s.origin, worker.cookie);
    // The provider's clock is the system clock: a code lives 60 s (domain/oidc-lifetimes.ts).
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(Date.now() + 61_000);
      expect(await oauthErrorOf(redeem(config, flow))).toBe('invalid_grant');
    } finally {
      vi.useRealTimers();
    }
    expect((await getSession(s.h, worker.cookie)).status).toBe(200);
    // The same browser's provider session still signs the app in (silently), and its tokens work.
    const again = await startAuthorization(config, jar, s.origin);
    expect(again.landing.origin + again.landing.pathname).toBe(REDIRECT_URI);
    const tokens = await redeem(config, { ...again, callback: again.landing });
    expect(await client.fetchUserInfo(config, tokens.access_token, worker.user.id)).toMatchObject({
      sub: worker.user.id,
    });
  });

  test('an unknown client is invalid_client, at the token endpoint and at authorization', async () => {
    expect(await tokenRequestAs('no-such-app', 'secret')).toEqual({ status: 401, error: 'invalid_client' });
    const unknown = new client.Configuration(config.serverMetadata(), 'no-such-app');
    client.allowInsecureRequests(unknown);
    const url = client.buildAuthorizationUrl(unknown, {
      redirect_uri: REDIRECT_URI,
      scope: 'openid',
      code_challenge: await client.calculatePKCECodeChallenge(client.randomPKCECodeVerifier()),
      code_challenge_method: 'S256',
    });
    const { response } = await browse(new CookieJar(), s.origin, url);
    expect(response.status).toBe(400);
    const page = await response.text();
    expect(page).toContain('invalid_client');
    // Shiftpass's own words, and nothing fetched from elsewhere (oidc-provider's page imports a font).
    expect(page).toContain("This app's sign-in could not continue");
    expect(page).not.toMatch(/https?:\/\/(?!localhost)/);
  });

  test('a disabled app, or a wrong client secret, is invalid_client', async () => {
    const disabled = await registerApp(s.h, { enabled: false });
    expect(await tokenRequestAs(disabled.app.id, disabled.secret!)).toEqual({
      status: 401,
      error: 'invalid_client',
    });
    expect(await tokenRequestAs(app.id, 'not-the-secret')).toEqual({ status: 401, error: 'invalid_client' });
  });

  test('a redirect_uri the app did not register is refused without redirecting', async () => {
    const { landing } = await startAuthorization(config, new CookieJar(), s.origin, {
      redirect_uri: 'https://evil.example.test/callback',
    });
    expect(landing.origin).toBe(s.origin);
    const { response } = await browse(new CookieJar(), s.origin, landing);
    expect(response.status).toBe(400);
  });

  test('an authorization request without PKCE is refused', async () => {
    const url = client.buildAuthorizationUrl(config, { redirect_uri: REDIRECT_URI, scope: 'openid' });
    const { url: landed } = await browse(new CookieJar(), s.origin, url);
    expect(landed.origin + landed.pathname).toBe(REDIRECT_URI);
    expect(landed.searchParams.get('error')).toBe('invalid_request');
  });

  test('prompt=none without a session answers login_required', async () => {
    const { landing } = await startAuthorization(config, new CookieJar(), s.origin, { prompt: 'none' });
    expect(landing.origin + landing.pathname).toBe(REDIRECT_URI);
    expect(landing.searchParams.get('error')).toBe('login_required');
  });

  test('a worker whose PIN change is pending cannot complete an app sign-in', async () => {
    const pending: Worker = await createWorker(s.h);
    const { cookie } = await signIn(s.h, pending.qr, pending.pin);
    const { landing } = await startAuthorization(config, new CookieJar(), s.origin);
    const res = await kioskLogin(s.origin, landing.searchParams.get('oidc')!, cookie!);
    expect(res.status).toBe(403);
    expect((await readError(res)).error.code).toBe('PIN_CHANGE_REQUIRED');
  });

  test('an unknown or finished interaction is 410 OIDC_INTERACTION_NOT_FOUND', async () => {
    const res = await kioskLogin(s.origin, 'AAAAAAAAAAAAAAAAAAAAA', worker.cookie);
    expect(res.status).toBe(410);
    expect((await readError(res)).error.code).toBe('OIDC_INTERACTION_NOT_FOUND');
  });

  test('completing an interaction needs a signed-in kiosk session', async () => {
    const { landing } = await startAuthorization(config, new CookieJar(), s.origin);
    const res = await fetch(`${s.origin}/api/oidc/interactions/${landing.searchParams.get('oidc')}/login`, {
      method: 'POST',
      headers: { origin: s.origin },
    });
    expect(res.status).toBe(401);
  });

  test('the returnTo of one browser does not resume in another (the interaction cookie is missing)', async () => {
    const { landing } = await startAuthorization(config, new CookieJar(), s.origin);
    const login = await kioskLogin(s.origin, landing.searchParams.get('oidc')!, worker.cookie);
    const { returnTo } = (await login.json()) as { returnTo: string };
    const { response, url } = await browse(new CookieJar(), s.origin, returnTo);
    expect(url.origin).toBe(s.origin);
    expect(response.status).toBe(400);
  });
});

describe('key rotation', () => {
  test('after a rotation the provider signs with the new key and JWKS still holds the old one', async () => {
    const before = (
      await redeem(config, await signInThroughKiosk(config, new CookieJar(), s.origin, worker.cookie))
    ).id_token!;
    const added = await rotateSigningKeys(s.h.runtime.deps, new Date());
    expect(await s.h.runtime.oidc.reloadKeysIfChanged()).toBe(true);
    const jwks = (await (await fetch(`${s.issuer}/jwks`)).json()) as { keys: { kid: string; alg: string }[] };
    expect(jwks.keys).toHaveLength(4);
    expect(jwks.keys.map((key) => key.kid)).toContain(decodeProtectedHeader(before).kid);
    const after = await redeem(
      config,
      await signInThroughKiosk(config, new CookieJar(), s.origin, worker.cookie),
    );
    expect(added).toContain(decodeProtectedHeader(after.id_token!).kid);
    const superseded = await queryRows(
      s.h,
      'SELECT remove_after FROM oidc_signing_keys WHERE superseded_at IS NOT NULL',
    );
    expect(superseded).toHaveLength(2);
    expect(Number(superseded[0]!.remove_after)).toBeGreaterThan(Date.now() + 11 * 3600 * 1000);
    expect(decodeJwt(after.id_token!).sub).toBe(worker.user.id);
  });
});

describe('two API processes on one database', () => {
  test('a code issued through one is redeemed on the other, and the keys were generated once', async () => {
    const other = await startOidcServer({ dataDir: s.h.dir, publicOrigin: s.origin });
    try {
      const flow = await signInThroughKiosk(config, new CookieJar(), s.origin, worker.cookie);
      const { supportsPKCE: _, ...metadata } = config.serverMetadata();
      const onOther = new client.Configuration(
        { ...metadata, token_endpoint: `${other.origin}/oidc/token` },
        app.id,
        secret,
        client.ClientSecretBasic(secret),
      );
      client.allowInsecureRequests(onOther);
      const tokens = await redeem(onOther, flow);
      expect(tokens.claims()!.iss).toBe(s.issuer);
      expect(tokens.claims()!.sub).toBe(worker.user.id);
      const [mine, theirs] = await Promise.all(
        [s.origin, other.origin].map(async (origin) => (await fetch(`${origin}/oidc/jwks`)).json()),
      );
      expect(theirs).toEqual(mine);
    } finally {
      await other.close({ remove: false });
    }
  });

  test('two processes generating the first keys at once agree on one key per algorithm', async () => {
    const other = await startOidcServer({ dataDir: s.h.dir, publicOrigin: s.origin });
    try {
      for (let round = 0; round < 3; round += 1) {
        await s.h.runtime.database.client.execute('DELETE FROM oidc_signing_keys');
        await Promise.all([ensureSigningKeys(s.h.runtime.deps), ensureSigningKeys(other.h.runtime.deps)]);
        const rows = await queryRows(s.h, 'SELECT alg FROM oidc_signing_keys');
        expect(rows.map((row) => row.alg).sort()).toEqual(['ES256', 'RS256']);
      }
    } finally {
      await other.close({ remove: false });
    }
  });
});
