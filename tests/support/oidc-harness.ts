/**
 * Shiftpass's OpenID provider for API tests: a fresh runtime (tests/support/api-harness.ts, on the
 * real clock's current time, since oidc-provider reads the system clock) served over real HTTP from
 * one node:http server, /oidc/* to the provider and everything else to the Hono app, as `npm start`
 * does. The app side is `openid-client`; the browser is `fetch` with a small cookie jar; the kiosk step
 * is the worker's own session cookie posted to /api/oidc/interactions/{uid}/login.
 */
import { getRequestListener } from '@hono/node-server';
import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as client from 'openid-client';
import type { AppRow } from '../../server/features/apps/apps-repository.js';
import { startHarness, TestClock, type Harness } from './api-harness.js';

export interface OidcServer {
  h: Harness;
  origin: string;
  issuer: string;
  /** Stops serving and closes the runtime (the data directory stays unless `remove`). */
  close(options?: { remove?: boolean }): Promise<void>;
}

/**
 * A runtime served on an ephemeral port. `publicOrigin` names the issuer's origin (default: this
 * server's own); give another server's origin and `dataDir` to run a second node of one installation.
 */
export async function startOidcServer(options: { dataDir?: string; publicOrigin?: string } = {}) {
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, resolve));
  const origin = `http://localhost:${(server.address() as AddressInfo).port}`;
  const publicOrigin = options.publicOrigin ?? origin;
  const h = await startHarness(
    { PUBLIC_ORIGIN: publicOrigin },
    { clock: new TestClock(new Date()), dataDir: options.dataDir },
  );
  const api = getRequestListener((request, env) =>
    h.runtime.app.fetch(request, { clientAddress: env.incoming.socket.remoteAddress }),
  );
  server.on('request', (req, res) => {
    if (h.runtime.oidc.handles(req.url ?? '/')) h.runtime.oidc.callback(req, res);
    else void api(req, res);
  });
  return {
    h,
    origin,
    issuer: h.runtime.oidc.issuer,
    async close({ remove = true } = {}) {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      if (remove) h.close();
      else h.stop();
    },
  } satisfies OidcServer;
}

export const REDIRECT_URI = 'https://app.example.test/callback';

/** Registers a store app straight in the database, as the Apps console would. */
export async function registerApp(
  h: Harness,
  overrides: Partial<AppRow> = {},
): Promise<{ app: AppRow; secret: string | undefined }> {
  const id = randomUUID();
  const confidential = (overrides.tokenEndpointAuthMethod ?? 'client_secret_basic') === 'client_secret_basic';
  const secret = confidential ? h.runtime.deps.oidcSecrets.newClientSecret() : undefined;
  const now = new Date();
  const created = await h.runtime.deps.repos.apps.create({
    id,
    displayName: `App ${id.slice(0, 8)}`,
    clientType: confidential ? 'confidential' : 'public',
    tokenEndpointAuthMethod: 'client_secret_basic',
    clientSecretSealed: secret ? h.runtime.deps.oidcSecrets.sealClientSecret(secret, id) : null,
    jwks: null,
    redirectUris: [REDIRECT_URI],
    postLogoutRedirectUris: ['https://app.example.test/signed-out'],
    backchannelLogoutUri: 'https://app.example.test/backchannel-logout',
    homeUrl: null,
    groupIds: [],
    enabled: true,
    createdAt: now,
    updatedAt: now,
    ...overrides,
  });
  if (created === 'name_taken') throw new Error('registerApp: name taken');
  return { app: created, secret };
}

/** The app's openid-client configuration, from discovery (plain HTTP allowed: tests only). */
export async function discoverAs(issuer: string, app: AppRow, secret: string | undefined) {
  return client.discovery(
    new URL(issuer),
    app.id,
    secret ? { client_secret: secret } : { token_endpoint_auth_method: 'none' },
    secret ? client.ClientSecretBasic(secret) : client.None(),
    { execute: [client.allowInsecureRequests] },
  );
}

/** A browser's cookies, by name (paths ignored: the provider scopes its own and ignores the rest). */
export class CookieJar {
  private readonly cookies = new Map<string, string>();
  store(response: Response): void {
    for (const header of response.headers.getSetCookie()) {
      const [pair = '', ...attributes] = header.split(/;\s*/);
      const at = pair.indexOf('=');
      const name = pair.slice(0, at);
      const value = pair.slice(at + 1);
      const expired = attributes.some((a) => /^expires=.*1970/i.test(a) || /^max-age=0$/i.test(a));
      if (expired || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }
  header(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }
  names(): string[] {
    return [...this.cookies.keys()];
  }
}

/** The browser following redirects inside the provider; stops at the first address outside /oidc. */
export async function browse(
  jar: CookieJar,
  origin: string,
  url: string | URL,
): Promise<{ url: URL; response: Response }> {
  let current = new URL(url, origin);
  for (let hops = 0; hops < 10; hops += 1) {
    const response = await fetch(current, { redirect: 'manual', headers: { cookie: jar.header() } });
    jar.store(response);
    const location = response.headers.get('location');
    if (!location || response.status < 300 || response.status >= 400) return { url: current, response };
    current = new URL(location, current);
    if (current.origin !== origin || !current.pathname.startsWith('/oidc')) return { url: current, response };
  }
  throw new Error('browse: too many redirects');
}

export interface StartedAuthorization {
  verifier: string;
  state: string;
  nonce: string;
  /** Where the provider sent the browser: the kiosk (`/?oidc=<uid>`) or the app's redirect URI. */
  landing: URL;
}

/** The app sends the browser to the provider with PKCE S256, state and nonce. */
export async function startAuthorization(
  config: client.Configuration,
  jar: CookieJar,
  origin: string,
  parameters: Record<string, string> = {},
): Promise<StartedAuthorization> {
  const verifier = client.randomPKCECodeVerifier();
  const state = client.randomState();
  const nonce = client.randomNonce();
  const url = client.buildAuthorizationUrl(config, {
    redirect_uri: REDIRECT_URI,
    scope: 'openid profile shiftpass',
    code_challenge: await client.calculatePKCECodeChallenge(verifier),
    code_challenge_method: 'S256',
    state,
    nonce,
    ...parameters,
  });
  const { url: landing } = await browse(jar, origin, url);
  return { verifier, state, nonce, landing };
}

/** The kiosk completes the interaction with the worker's session cookie; the raw answer. */
export function kioskLogin(origin: string, uid: string, sessionCookie: string): Promise<Response> {
  return fetch(`${origin}/api/oidc/interactions/${encodeURIComponent(uid)}/login`, {
    method: 'POST',
    headers: { cookie: sessionCookie, origin },
  });
}

/** Authorization → kiosk sign-in → back to the app with a code: the callback URL the app receives. */
export async function signInThroughKiosk(
  config: client.Configuration,
  jar: CookieJar,
  origin: string,
  sessionCookie: string,
  parameters: Record<string, string> = {},
): Promise<StartedAuthorization & { callback: URL }> {
  const started = await startAuthorization(config, jar, origin, parameters);
  const uid = started.landing.searchParams.get('oidc');
  if (!uid) throw new Error(`signInThroughKiosk: not sent to the kiosk but to ${started.landing.href}`);
  const login = await kioskLogin(origin, uid, sessionCookie);
  if (login.status !== 200) throw new Error(`signInThroughKiosk: ${login.status} ${await login.text()}`);
  const { returnTo } = (await login.json()) as { returnTo: string };
  const { url: callback } = await browse(jar, origin, returnTo);
  return { ...started, callback };
}

/** The app redeems the code (PKCE verifier, state and nonce checked by openid-client). */
export function redeem(config: client.Configuration, flow: StartedAuthorization & { callback: URL }) {
  return client.authorizationCodeGrant(config, flow.callback, {
    pkceCodeVerifier: flow.verifier,
    expectedState: flow.state,
    expectedNonce: flow.nonce,
    idTokenExpected: true,
  });
}
