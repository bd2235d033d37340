/**
 * A store app that signs its users in with Shiftpass (OpenID Connect), in plain Node: `node:http`,
 * `openid-client` (the certified relying-party library) and `jose`. Copy it and change the pages.
 *
 *   /                    who is signed in, or a "Sign in with Shiftpass" link
 *   /login               starts the authorization code flow with PKCE (S256), a state and a nonce
 *   /callback            redeems the code; openid-client checks the ID token (issuer, audience, nonce,
 *                        signature against the provider's JWKS)
 *   /logout              ends this app's session and asks Shiftpass to end the worker's (RP-initiated)
 *   /backchannel-logout  Shiftpass says a worker's session ended (the kiosk's Sign out, idle sign-out,
 *                        the next worker…): every session of this app signed in through it ends
 *
 * Sessions live in memory, keyed by a random cookie; a real app keeps them where all its servers see them.
 */
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import * as client from 'openid-client';
import * as jose from 'jose';

const BACKCHANNEL_LOGOUT_EVENT = 'http://schemas.openid.net/event/backchannel-logout';
const COOKIE = 'sample_session';
const MAX_BODY_BYTES = 64 * 1024;

/**
 * @typedef {object} SampleAppOptions
 * @property {string} issuer Shiftpass's issuer, e.g. https://shiftpass.example.com/oidc
 * @property {string} clientId the app's client ID (Shiftpass console, Apps)
 * @property {string} [clientSecret] a confidential app's secret; none for a public app (PKCE only)
 * @property {number} [port] where to listen; 0 (the default) picks a free port
 * @property {string} [baseUrl] this app's public address; default http://localhost:<port>
 *
 * @typedef {object} SignedIn
 * @property {client.IDToken} claims the ID token's claims, as verified
 * @property {string} name the worker's name, from userinfo
 * @property {string} idToken the ID token itself (the hint for RP-initiated logout)
 * @property {string | undefined} sid the Shiftpass session it was signed in through
 *
 * @typedef {object} Session
 * @property {{ state: string, nonce: string, codeVerifier: string }} [login] a sign-in under way
 * @property {SignedIn} [user]
 *
 * @typedef {object} SampleApp
 * @property {string} url the address it serves
 * @property {SignedIn | null} lastSignIn the last sign-in's verified claims
 * @property {jose.JWTPayload | null} lastLogoutToken the last verified logout token's claims
 * @property {() => number} signedInCount how many of its sessions are signed in now
 * @property {() => Promise<void>} close
 */

/** Plain http is allowed only for a Shiftpass running on this computer (development). */
function isLocalDevelopment(/** @type {URL} */ url) {
  return url.protocol === 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
}

const escapeHtml = (/** @type {string} */ text) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * Starts the app. Resolves once it listens.
 * @param {SampleAppOptions} options
 * @returns {Promise<SampleApp>}
 */
export async function startSampleApp(options) {
  const issuer = new URL(options.issuer);
  const insecure = isLocalDevelopment(issuer);
  /** @type {Map<string, Session>} */
  const sessions = new Map();
  /** @type {SampleApp} */
  const app = {
    url: '',
    lastSignIn: null,
    lastLogoutToken: null,
    signedInCount: () => [...sessions.values()].filter((session) => session.user).length,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };

  /** @type {Promise<client.Configuration> | null} */
  let discovered = null;
  /** The provider's metadata, fetched on first use (and again after a failure). */
  function configuration() {
    discovered ??= client
      .discovery(
        issuer,
        options.clientId,
        options.clientSecret,
        options.clientSecret ? client.ClientSecretBasic(options.clientSecret) : client.None(),
        insecure ? { execute: [client.allowInsecureRequests] } : undefined,
      )
      .catch((error) => {
        discovered = null;
        throw error;
      });
    return discovered;
  }
  /** @type {ReturnType<typeof jose.createRemoteJWKSet> | null} */
  let jwks = null;

  /** @param {import('node:http').IncomingMessage} req */
  function sessionOf(req) {
    const id = /(?:^|;\s*)sample_session=([\w-]+)/.exec(req.headers.cookie ?? '')?.[1];
    return id ? { id, session: sessions.get(id) } : { id: undefined, session: undefined };
  }

  /** @param {import('node:http').ServerResponse} res */
  function newSession(res) {
    const id = randomBytes(32).toString('base64url');
    const secure = app.url.startsWith('https:') ? '; Secure' : '';
    // Lax: the browser sends it on the top-level redirect back from Shiftpass to /callback.
    res.setHeader('set-cookie', `${COOKIE}=${id}; Path=/; HttpOnly; SameSite=Lax${secure}`);
    /** @type {Session} */
    const session = {};
    sessions.set(id, session);
    return session;
  }

  /** Verifies a logout token (OpenID Connect Back-Channel Logout 1.0, section 2.6). */
  async function verifyLogoutToken(/** @type {string} */ token) {
    const config = await configuration();
    const metadata = config.serverMetadata();
    if (!metadata.jwks_uri) throw new Error('the provider publishes no JWKS');
    jwks ??= jose.createRemoteJWKSet(new URL(metadata.jwks_uri));
    const { payload, protectedHeader } = await jose.jwtVerify(token, jwks, {
      issuer: metadata.issuer,
      audience: options.clientId,
      requiredClaims: ['iat', 'jti'],
      maxTokenAge: '2 minutes',
    });
    const typ = protectedHeader.typ?.toLowerCase();
    if (typ !== undefined && typ !== 'logout+jwt' && typ !== 'application/logout+jwt')
      throw new Error('not a logout token (typ)');
    const events = /** @type {Record<string, unknown> | undefined} */ (payload.events);
    if (!events || typeof events !== 'object' || !(BACKCHANNEL_LOGOUT_EVENT in events))
      throw new Error('no back-channel logout event');
    if (typeof payload.sid !== 'string') throw new Error('no sid');
    if ('nonce' in payload) throw new Error('a logout token has no nonce');
    return payload;
  }

  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', app.url);
    /** @param {number} status @param {string} body */
    const page = (status, body) => {
      res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
      res.end(
        `<!doctype html><meta name="viewport" content="width=device-width"><title>Sample store app</title>${body}`,
      );
    };
    /** @param {string} location */
    const redirect = (location) => {
      res.writeHead(303, { location, 'cache-control': 'no-store' });
      res.end();
    };
    try {
      if (req.method === 'GET' && url.pathname === '/') {
        const user = sessionOf(req).session?.user;
        const name = user?.name ?? '';
        return page(
          200,
          user
            ? `<h1>Signed in as ${escapeHtml(name)}</h1><p><a href="/logout">Sign out</a></p>`
            : '<h1>Signed out</h1><p><a href="/login">Sign in with Shiftpass</a></p>',
        );
      }
      if (req.method === 'GET' && url.pathname === '/login') {
        const config = await configuration();
        const login = {
          state: client.randomState(),
          nonce: client.randomNonce(),
          codeVerifier: client.randomPKCECodeVerifier(),
        };
        newSession(res).login = login;
        return redirect(
          client.buildAuthorizationUrl(config, {
            redirect_uri: `${app.url}/callback`,
            scope: 'openid profile',
            code_challenge: await client.calculatePKCECodeChallenge(login.codeVerifier),
            code_challenge_method: 'S256',
            state: login.state,
            nonce: login.nonce,
          }).href,
        );
      }
      if (req.method === 'GET' && url.pathname === '/callback') {
        const { session } = sessionOf(req);
        if (!session?.login)
          return page(400, '<h1>This sign-in has expired.</h1><p><a href="/login">Try again</a></p>');
        const { login } = session;
        delete session.login; // a state and a verifier are used once
        // Shiftpass refused the sign-in (an access policy: access_denied): say so in words.
        if (url.searchParams.has('error') && url.searchParams.get('state') === login.state) {
          return page(
            403,
            url.searchParams.get('error') === 'access_denied'
              ? '<h1>Not allowed here</h1><p>Your organization’s access rules do not allow this app on this phone right now. Ask your manager.</p><p><a href="/login">Try again</a></p>'
              : '<h1>Sign-in did not finish</h1><p><a href="/login">Try again</a></p>',
          );
        }
        const tokens = await client.authorizationCodeGrant(await configuration(), url, {
          pkceCodeVerifier: login.codeVerifier,
          expectedState: login.state,
          expectedNonce: login.nonce,
          idTokenExpected: true,
        });
        const config = await configuration();
        const claims = /** @type {client.IDToken} */ (tokens.claims());
        // The ID token says who and how (sub, amr, sid); the name comes from userinfo (scope profile).
        const profile = await client.fetchUserInfo(config, tokens.access_token, claims.sub);
        session.user = {
          claims,
          name: String(profile.name ?? claims.sub),
          idToken: /** @type {string} */ (tokens.id_token),
          sid: /** @type {string | undefined} */ (claims.sid),
        };
        app.lastSignIn = session.user;
        return redirect('/');
      }
      if (req.method === 'GET' && url.pathname === '/logout') {
        const { id, session } = sessionOf(req);
        if (id) sessions.delete(id);
        if (!session?.user) return redirect('/');
        return redirect(
          client.buildEndSessionUrl(await configuration(), {
            id_token_hint: session.user.idToken,
            post_logout_redirect_uri: `${app.url}/`,
          }).href,
        );
      }
      if (req.method === 'POST' && url.pathname === '/backchannel-logout') {
        let body = '';
        for await (const chunk of req) {
          body += chunk;
          if (body.length > MAX_BODY_BYTES) break;
        }
        const token = new URLSearchParams(body).get('logout_token');
        let claims;
        try {
          if (!token) throw new Error('no logout_token');
          claims = await verifyLogoutToken(token);
        } catch {
          res.writeHead(400, { 'content-type': 'application/json', 'cache-control': 'no-store' });
          return res.end('{"error":"invalid_request"}');
        }
        for (const [id, session] of sessions) if (session.user?.sid === claims.sid) sessions.delete(id);
        app.lastLogoutToken = claims;
        res.writeHead(200, { 'cache-control': 'no-store' });
        return res.end();
      }
      page(404, '<h1>Not found</h1>');
    } catch (error) {
      console.error('sample store app:', error);
      page(500, '<h1>Something went wrong.</h1><p><a href="/">Back</a></p>');
    }
  });

  await new Promise((resolve) => server.listen(options.port ?? 0, 'localhost', () => resolve(undefined)));
  const address = /** @type {import('node:net').AddressInfo} */ (server.address());
  app.url = (options.baseUrl ?? `http://localhost:${address.port}`).replace(/\/+$/, '');
  return app;
}
