/**
 * An OpenID conformance-style sweep (issue 12 acceptance) over the provider served on real HTTP:
 * discovery (OpenID Connect Discovery 1.0 §3/§4), JWKS (RFC 7517), and the tokens of a real code flow
 * (OIDC Core 1.0 §2, §3.1.3.6, §3.1.3.7, §5.3, §12.2) checked with `jose` against the published keys.
 *
 * Signing algorithm: apps cannot choose one (client-metadata.ts sets no `id_token_signed_response_alg`,
 * so every app gets the provider default, RS256); the ES256 key is published but signs no ID token.
 * The sweep runs for a confidential app (client_secret_basic) and a public one (PKCE only).
 */
import { createHash } from 'node:crypto';
import * as client from 'openid-client';
import {
  createLocalJWKSet,
  decodeProtectedHeader,
  jwtVerify,
  type JSONWebKeySet,
  type JWTPayload,
} from 'jose';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { signedInUser } from '../support/api-harness.js';
import {
  CookieJar,
  discoverAs,
  redeem,
  registerApp,
  signInThroughKiosk,
  startOidcServer,
} from '../support/oidc-harness.js';

type Server = Awaited<ReturnType<typeof startOidcServer>>;
type Metadata = Record<string, unknown>;

const WELL_KNOWN = '/.well-known/openid-configuration';

let s: Server;
let metadata: Metadata;
let discoveredFrom: string;
let jwks: JSONWebKeySet;

beforeAll(async () => {
  s = await startOidcServer();
  discoveredFrom = `${s.issuer}${WELL_KNOWN}`;
  const res = await fetch(discoveredFrom);
  expect(res.status).toBe(200);
  metadata = (await res.json()) as Metadata;
  jwks = (await (await fetch(String(metadata.jwks_uri))).json()) as JSONWebKeySet;
});
afterAll(async () => {
  await s.close();
});

/** OIDC Core 3.1.3.6 / 3.3.2.11: base64url of the left half of the SHA-256 of the ASCII value (RS256/ES256). */
const leftHalfHash = (value: string) => {
  const digest = createHash('sha256').update(value, 'ascii').digest();
  return digest.subarray(0, digest.length / 2).toString('base64url');
};

describe('discovery', () => {
  test('the issuer is the URL discovery was fetched under, minus the well-known path', () => {
    expect(discoveredFrom.endsWith(WELL_KNOWN)).toBe(true);
    expect(metadata.issuer).toBe(discoveredFrom.slice(0, -WELL_KNOWN.length));
    expect(metadata.issuer).toBe(s.issuer);
  });

  test('the required metadata is present (Discovery 1.0 §3)', () => {
    for (const member of ['authorization_endpoint', 'token_endpoint', 'jwks_uri']) {
      expect(metadata[member], member).toEqual(expect.stringMatching(/^https?:\/\//));
    }
    expect(metadata.response_types_supported).toContain('code');
    expect(metadata.subject_types_supported).toEqual(expect.arrayContaining([expect.any(String)]));
    expect((metadata.subject_types_supported as string[]).length).toBeGreaterThan(0);
    expect(metadata.id_token_signing_alg_values_supported).toContain('RS256');
  });

  test('userinfo, end-session and back-channel logout are advertised, and PKCE is S256 only', () => {
    expect(metadata.userinfo_endpoint).toEqual(expect.stringMatching(new RegExp(`^${s.issuer}/`)));
    expect(metadata.end_session_endpoint).toEqual(expect.stringMatching(new RegExp(`^${s.issuer}/`)));
    expect(metadata.backchannel_logout_supported).toBe(true);
    expect(metadata.backchannel_logout_session_supported).toBe(true);
    expect(metadata.code_challenge_methods_supported).toEqual(['S256']);
  });

  test('every advertised endpoint is under the issuer', () => {
    for (const [member, value] of Object.entries(metadata)) {
      if (member.endsWith('_endpoint') || member === 'jwks_uri') {
        expect(String(value), member).toMatch(new RegExp(`^${s.issuer}/`));
      }
    }
  });
});

describe('JWKS', () => {
  test('every key has a kid, kids are unique, use/alg/kty are consistent, and no private member is published', () => {
    expect(jwks.keys.length).toBeGreaterThan(0);
    const kids = jwks.keys.map((key) => key.kid);
    for (const kid of kids) expect(kid).toEqual(expect.any(String));
    expect(new Set(kids).size).toBe(kids.length);
    const advertised = metadata.id_token_signing_alg_values_supported as string[];
    for (const key of jwks.keys) {
      if (key.use !== undefined) expect(key.use).toBe('sig');
      expect(key.alg).toEqual(expect.any(String));
      expect(advertised).toContain(key.alg);
      if (key.alg!.startsWith('RS')) {
        expect(key.kty).toBe('RSA');
        expect(key.n).toEqual(expect.any(String));
        expect(key.e).toEqual(expect.any(String));
        // At least 2048 bits (OIDC Core 16.19 / RFC 7518 3.3).
        expect(Buffer.from(key.n!, 'base64url').length * 8).toBeGreaterThanOrEqual(2048);
      }
      if (key.alg === 'ES256') {
        expect(key.kty).toBe('EC');
        expect(key.crv).toBe('P-256');
      }
      for (const member of ['d', 'p', 'q', 'dp', 'dq', 'qi', 'oth', 'k'])
        expect(key).not.toHaveProperty(member);
    }
  });

  test('every algorithm the provider advertises for ID tokens has a published key', () => {
    const algs = new Set(jwks.keys.map((key) => key.alg));
    for (const alg of metadata.id_token_signing_alg_values_supported as string[]) expect(algs).toContain(alg);
  });
});

describe.each([
  { kind: 'confidential (client_secret_basic)', auth: 'client_secret_basic' as const },
  { kind: 'public (PKCE only)', auth: 'none' as const },
])('tokens of a code flow, $kind app (RS256)', ({ auth }) => {
  let config: client.Configuration;
  let clientId: string;
  let worker: Awaited<ReturnType<typeof signedInUser>>;
  let flow: Awaited<ReturnType<typeof signInThroughKiosk>>;
  let tokens: Awaited<ReturnType<typeof redeem>>;
  let payload: JWTPayload;
  let redeemedAt: number;

  beforeAll(async () => {
    const registered = await registerApp(s.h, {
      tokenEndpointAuthMethod: auth,
      ...(auth === 'none' ? { clientType: 'public' as const, clientSecretSealed: null } : {}),
    });
    clientId = registered.app.id;
    config = await discoverAs(s.issuer, registered.app, registered.secret);
    worker = await signedInUser(s.h);
    flow = await signInThroughKiosk(config, new CookieJar(), s.origin, worker.cookie);
    redeemedAt = Math.floor(Date.now() / 1000);
    tokens = await redeem(config, flow);
    ({ payload } = await jwtVerify(tokens.id_token!, createLocalJWKSet(jwks), {
      issuer: s.issuer,
      audience: clientId,
    }));
  });

  test('the ID token is signed with the app’s algorithm (RS256) by a key published in JWKS', () => {
    const header = decodeProtectedHeader(tokens.id_token!);
    expect(header.alg).toBe('RS256');
    expect(header.kid).toEqual(expect.any(String));
    const key = jwks.keys.find((k) => k.kid === header.kid);
    expect(key).toBeDefined();
    expect(key!.alg).toBe('RS256');
  });

  test('iss, aud (and azp if several audiences), exp > iat, iat about now, auth_time <= iat, nonce, sid', () => {
    expect(payload.iss).toBe(s.issuer);
    const audiences = Array.isArray(payload.aud) ? payload.aud : [payload.aud];
    expect(audiences).toContain(clientId);
    if (audiences.length > 1) expect(payload.azp).toBe(clientId);
    if (payload.azp !== undefined) expect(payload.azp).toBe(clientId);
    expect(payload.exp).toEqual(expect.any(Number));
    expect(payload.iat).toEqual(expect.any(Number));
    expect(payload.exp!).toBeGreaterThan(payload.iat!);
    expect(Math.abs(payload.iat! - redeemedAt)).toBeLessThanOrEqual(60);
    expect(payload.auth_time).toEqual(expect.any(Number));
    expect(payload.auth_time as number).toBeLessThanOrEqual(payload.iat!);
    expect(payload.nonce).toBe(flow.nonce);
    expect(payload.sid).toEqual(expect.any(String));
    expect(payload.sub).toBe(worker.user.id);
  });

  test('at_hash and c_hash, where present, are the left-half SHA-256 of the access token and the code', () => {
    // From the token endpoint both are optional (OIDC Core 3.1.3.6); when sent they must be right.
    if (payload.at_hash !== undefined) expect(payload.at_hash).toBe(leftHalfHash(tokens.access_token));
    const code = flow.callback.searchParams.get('code')!;
    expect(code).toEqual(expect.any(String));
    if (payload.c_hash !== undefined) expect(payload.c_hash).toBe(leftHalfHash(code));
    // The helper itself, on OIDC Core's own example (A.3: access token → at_hash).
    expect(leftHalfHash('jHkWEdUXMU1BwAsC4vtUsZwnNvTIxEl0z9K3vx5KF0Y')).toBe('77QmUPtjPfzWtF2AnpK9RQ');
  });

  test('the token response is a Bearer access token with expires_in, and an ID token', () => {
    expect(tokens.token_type.toLowerCase()).toBe('bearer');
    expect(tokens.expires_in).toEqual(expect.any(Number));
    expect(tokens.expires_in!).toBeGreaterThan(0);
    expect(tokens.id_token).toEqual(expect.any(String));
  });

  test('userinfo answers the same sub as the ID token', async () => {
    const res = await fetch(String(metadata.userinfo_endpoint), {
      headers: { authorization: `Bearer ${tokens.access_token}` },
    });
    expect(res.status).toBe(200);
    const info = (await res.json()) as { sub: string };
    expect(info.sub).toBe(payload.sub);
  });

  test('the refresh-token response’s new ID token verifies and keeps sub, sid and auth_time', async () => {
    const refreshed = await client.refreshTokenGrant(config, tokens.refresh_token!);
    expect(refreshed.id_token).toEqual(expect.any(String));
    const { payload: again, protectedHeader } = await jwtVerify(
      refreshed.id_token!,
      createLocalJWKSet(jwks),
      {
        issuer: s.issuer,
        audience: clientId,
      },
    );
    expect(protectedHeader.alg).toBe('RS256');
    expect(again.sub).toBe(payload.sub);
    expect(again.sid).toBe(payload.sid);
    expect(again.auth_time).toBe(payload.auth_time);
    expect(again.iat!).toBeGreaterThanOrEqual(payload.iat!);
    expect(again.exp!).toBeGreaterThan(again.iat!);
    if (again.at_hash !== undefined) expect(again.at_hash).toBe(leftHalfHash(refreshed.access_token));
  });
});
