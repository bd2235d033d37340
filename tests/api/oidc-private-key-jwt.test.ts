/**
 * A confidential store app that authenticates at the token endpoint with its own key pair
 * (`private_key_jwt`, RFC 7523 client assertions) instead of a client secret, driven as its developer
 * would: registered through the Apps admin API with its public JWKS, then openid-client's
 * `PrivateKeyJwt` client authentication with a key made by `jose`, over real HTTP like
 * oidc-provider.test.ts. The code + PKCE sign-in works and its ID token verifies; an assertion signed
 * with another key or replayed is refused; a private key is never accepted (or stored) at registration.
 */
import { randomUUID } from 'node:crypto';
import * as client from 'openid-client';
import { createRemoteJWKSet, exportJWK, generateKeyPair, jwtVerify, type JWK } from 'jose';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { AppView, AppWithSecret } from '../../server/contracts/apps.js';
import { queryRows, readError, readJson, signedInUser, type Worker } from '../support/api-harness.js';
import {
  CookieJar,
  redeem,
  REDIRECT_URI,
  signInThroughKiosk,
  startOidcServer,
  type OidcServer,
} from '../support/oidc-harness.js';
import { oauthErrorOf } from '../support/oauth-errors.js';

const APPS = '/api/admin/apps';
const KID = 'rota-signing-key-1';

let s: OidcServer;
let worker: Worker & { cookie: string };
/** The app's key pair, as its developer keeps it: the private half never leaves the app. */
let appKeys: CryptoKeyPair;
let app: AppView;
/** The app's openid-client configuration, authenticating with PrivateKeyJwt. */
let config: client.Configuration;

let nameCounter = 0;

/** An admin registers a confidential app that authenticates with these keys (the raw answer). */
function registerKeyedApp(keys: JWK[]): Promise<Response> {
  return s.h.request('POST', APPS, {
    body: {
      displayName: `Rota ${++nameCounter}`,
      clientType: 'confidential',
      tokenEndpointAuthMethod: 'private_key_jwt',
      jwks: { keys },
      redirectUris: [REDIRECT_URI],
    },
  });
}

/** The app's configuration for another client authentication, from the discovery already done. */
function configWith(auth: client.ClientAuth): client.Configuration {
  const { supportsPKCE: _, ...metadata } = config.serverMetadata();
  const other = new client.Configuration(
    metadata,
    app.clientId,
    { token_endpoint_auth_method: 'private_key_jwt' },
    auth,
  );
  client.allowInsecureRequests(other);
  return other;
}

/** A code the worker got for the app through the kiosk, not yet redeemed. */
const freshCode = () => signInThroughKiosk(config, new CookieJar(), s.origin, worker.cookie);

beforeAll(async () => {
  s = await startOidcServer();
  worker = await signedInUser(s.h, { displayName: 'Rita Sousa' });
  appKeys = await generateKeyPair('ES256');
  const res = await registerKeyedApp([
    { ...(await exportJWK(appKeys.publicKey)), kid: KID, alg: 'ES256', use: 'sig' },
  ]);
  expect(res.status, await res.clone().text()).toBe(201);
  app = await readJson<AppWithSecret>(res);
  config = await client.discovery(
    new URL(s.issuer),
    app.clientId,
    { token_endpoint_auth_method: 'private_key_jwt' },
    client.PrivateKeyJwt({ key: appKeys.privateKey, kid: KID }),
    { execute: [client.allowInsecureRequests] },
  );
});
afterAll(async () => {
  await s.close();
});

describe('an app signing its token requests with its own key', () => {
  test('registered with its public JWKS, it gets no secret; its code is exchanged and the ID token verifies against the published keys', async () => {
    expect(app).toMatchObject({
      clientType: 'confidential',
      tokenEndpointAuthMethod: 'private_key_jwt',
      hasSecret: false,
    });
    expect(app).not.toHaveProperty('clientSecret');

    const flow = await freshCode();
    const tokens = await redeem(config, flow);
    const jwks = createRemoteJWKSet(new URL(config.serverMetadata().jwks_uri!));
    const { payload } = await jwtVerify(tokens.id_token!, jwks, {
      issuer: s.issuer,
      audience: app.clientId,
    });
    expect(payload.sub).toBe(worker.user.id);
    expect(payload.nonce).toBe(flow.nonce);
    expect(payload.amr).toEqual(['pin']);
    expect(await client.fetchUserInfo(config, tokens.access_token, worker.user.id)).toMatchObject({
      sub: worker.user.id,
      name: 'Rita Sousa',
    });
    // The refresh token is redeemed the same way, with a new assertion.
    const refreshed = await client.refreshTokenGrant(config, tokens.refresh_token!);
    expect(refreshed.claims()!.sub).toBe(worker.user.id);
  });

  test('an assertion signed with a key the app did not register is invalid_client, even under its kid; so is none at all', async () => {
    const flow = await freshCode();
    const stranger = await generateKeyPair('ES256');
    const forged = configWith(client.PrivateKeyJwt({ key: stranger.privateKey, kid: KID }));
    expect(await oauthErrorOf(redeem(forged, flow))).toBe('invalid_client');
    expect(await oauthErrorOf(redeem(configWith(client.None()), flow))).toBe('invalid_client');
    // The refusals spent nothing: the app, with its own key, still redeems that code.
    expect((await redeem(config, flow)).claims()!.sub).toBe(worker.user.id);
  });

  test('an assertion presented a second time (the same jti) is refused, though it has not expired', async () => {
    const jti = randomUUID();
    const replaying = configWith(
      client.PrivateKeyJwt(
        { key: appKeys.privateKey, kid: KID },
        {
          [client.modifyAssertion]: (_header, payload) => {
            payload.jti = jti;
          },
        },
      ),
    );
    expect((await redeem(replaying, await freshCode())).claims()!.sub).toBe(worker.user.id);

    const second = await freshCode();
    expect(await oauthErrorOf(redeem(replaying, second))).toBe('invalid_client');
    // Only the replay was refused: a new assertion redeems that second code.
    expect((await redeem(config, second)).claims()!.sub).toBe(worker.user.id);
  });
});

describe('registering the keys', () => {
  test('a private key in the JWKS is refused at registration and on edit, and never stored', async () => {
    const pasted = await generateKeyPair('ES256', { extractable: true });
    const privateJwk = { ...(await exportJWK(pasted.privateKey)), kid: 'pasted-by-mistake' };
    const publicJwk = { ...(await exportJWK(pasted.publicKey)), kid: 'pasted-by-mistake' };
    expect(privateJwk.d).toEqual(expect.any(String));

    for (const [keys, field] of [
      [[privateJwk], 'jwks.keys.0.d'],
      [[publicJwk, privateJwk], 'jwks.keys.1.d'],
    ] as const) {
      const res = await registerKeyedApp([...keys]);
      expect(res.status).toBe(400);
      const { error } = await readError(res);
      expect(error).toMatchObject({ code: 'VALIDATION_FAILED', field });
      expect(error.message).toContain('private key');
      expect(
        await queryRows(s.h, 'SELECT id FROM apps WHERE display_name = ?', [`Rota ${nameCounter}`]),
      ).toEqual([]);
    }

    const edit = await s.h.request('PATCH', `${APPS}/${app.id}`, { body: { jwks: { keys: [privateJwk] } } });
    expect(edit.status).toBe(400);
    expect((await readError(edit)).error).toMatchObject({
      code: 'VALIDATION_FAILED',
      field: 'jwks.keys.0.d',
    });
    const kept = await readJson<AppView>(await s.h.request('GET', `${APPS}/${app.id}`));
    expect(kept.jwks!.keys.map((key) => key.kid)).toEqual([KID]);

    // Nowhere in the database: not in an app's keys, not in the audit log.
    const stored = JSON.stringify([
      await queryRows(s.h, 'SELECT jwks FROM apps'),
      await queryRows(s.h, 'SELECT details FROM audit_logs'),
    ]);
    expect(stored).not.toContain(privateJwk.d);
    // The app still signs in with the key it has.
    expect((await redeem(config, await freshCode())).claims()!.sub).toBe(worker.user.id);
  });
});
