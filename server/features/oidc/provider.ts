/**
 * The OpenID provider: oidc-provider (OpenID-certified) configured for Shiftpass. Its state lives in
 * the database (oidc-models-repository.ts), its clients are the enabled store apps, its accounts are
 * Shiftpass users (sub = the user's id, never the UPN), and its login page is the kiosk: an app's
 * authorization request lands on `/?oidc=<uid>`, the kiosk signs the worker in with badge + PIN and
 * completes the interaction through POST /api/oidc/interactions/{uid}/login (interactions.ts).
 *
 * Choices (docs/security.md, "Single sign-on"): PKCE S256 for every client; a refresh token for every
 * app, bound to the provider session, rotated on every use (a reused one revokes its grant); lifetimes sized for a shift
 * (domain/oidc-lifetimes.ts); no consent screen, every app is first-party (loadExistingGrant grants
 * the requested OpenID scopes); the kiosk device's proof adds `hwk` to `amr`.
 */
import Provider, { errors, interactionPolicy, type KoaContextWithOIDC, type Session } from 'oidc-provider';
import type { JWK } from 'jose';
import type { ServiceDeps } from '../../core/deps.js';
import { clientAddressOf } from '../../domain/client-address.js';
import { OIDC_LIFETIMES } from '../../domain/oidc-lifetimes.js';
import type { Role } from '../../domain/roles.js';
import { assessAppSignIn, logAppSignIn } from './app-access.js';
import { sha256 } from '../../platform/crypto.js';
import { findClientMetadata } from './client-metadata.js';
import { enqueueBackchannelLogout, providerSessionStillSignedIn } from './global-sign-out.js';
import { endSession } from '../sessions/sessions.js';
import { logoutSource, postLogoutSuccessSource, renderError } from './pages.js';

/** Where the provider is served: the issuer is the public origin plus this path. */
export const OIDC_MOUNT_PATH = '/oidc';

/** RFC 8176 methods: a PIN, and a hardware-bound key when the kiosk device proved its enrolled key. */
export const AMR_PIN = 'pin';
export const AMR_HARDWARE_KEY = 'hwk';
/** Authentication context classes: badge + PIN, and badge + PIN on an enrolled (bound) kiosk device. */
export const ACR_BADGE_PIN = 'urn:shiftpass:acr:badge-pin';
export const ACR_BADGE_PIN_DEVICE = 'urn:shiftpass:acr:badge-pin-device';

/** Shiftpass's own data in an interaction's result, read back when the provider session is signed in. */
export interface ShiftpassLoginResult {
  kioskSessionId: string;
  userId: string;
}

export interface OidcProviderOptions {
  issuer: string;
  /** Private signing JWKs, newest first (signing-keys.ts). */
  keys: JWK[];
  /** Believe X-Forwarded-Proto/Host (only set when the entry strips them from untrusted peers). */
  proxy: boolean;
  logError: (error: unknown) => void;
}

export function createOidcProvider(deps: ServiceDeps, options: OidcProviderOptions): Provider {
  const provider = new Provider(options.issuer, {
    adapter: deps.repos.oidcModels.adapterClass((id) => findClientMetadata(deps, id), sha256),
    jwks: { keys: options.keys },
    cookies: {
      keys: deps.oidcSecrets.cookieKeys,
      names: {
        session: 'shiftpass_oidc_session',
        interaction: 'shiftpass_oidc_interaction',
        resume: 'shiftpass_oidc_resume',
      },
    },
    async findAccount(ctx: KoaContextWithOIDC, sub: string, token?: { sessionUid?: string }) {
      const user = await deps.repos.users.findById(sub);
      if (!user || !user.accountEnabled) return undefined;
      // The provider session the token (code, refresh or access token) was issued in, or this request's.
      const sessionUid = token?.sessionUid ?? ctx.oidc.session?.uid;
      return {
        accountId: user.id,
        // oidc-provider keeps only the claims the granted scopes allow.
        claims: async () => {
          const [stores, deviceId] = await Promise.all([
            deps.repos.users.groupIdsOf(user.id),
            sessionUid ? kioskDeviceOf(deps, sessionUid) : null,
          ]);
          return {
            sub: user.id,
            name: user.displayName,
            preferred_username: user.userPrincipalName,
            role: user.role,
            stores,
            ...(deviceId ? { device_id: deviceId } : {}),
          };
        },
      };
    },
    claims: {
      acr: null,
      amr: null,
      auth_time: null,
      iss: null,
      sid: null,
      // How and when the worker signed in, in every ID token (not only when an app asks for them).
      openid: ['sub', 'acr', 'amr', 'auth_time'],
      profile: ['name', 'preferred_username'],
      shiftpass: ['role', 'stores', 'device_id'],
    },
    scopes: ['openid', 'offline_access', 'profile', 'shiftpass'],
    acrValues: [ACR_BADGE_PIN, ACR_BADGE_PIN_DEVICE],
    responseTypes: ['code'],
    pkce: { required: () => true },
    clientAuthMethods: ['none', 'client_secret_basic', 'private_key_jwt'],
    enabledJWA: {
      idTokenSigningAlgValues: ['RS256', 'ES256'],
      userinfoSigningAlgValues: ['RS256', 'ES256'],
      clientAuthSigningAlgValues: ['RS256', 'PS256', 'ES256', 'EdDSA'],
    },
    features: {
      devInteractions: { enabled: false },
      revocation: { enabled: true },
      userinfo: { enabled: true },
      rpInitiatedLogout: { enabled: true, logoutSource, postLogoutSuccessSource },
      backchannelLogout: { enabled: true },
      // Not used: access tokens are opaque and for userinfo only.
      resourceIndicators: { enabled: false },
    },
    // Every app gets a refresh token (oidc-provider drops `offline_access` unless prompt=consent, and
    // there is no consent screen). Without offline_access they end with the provider session, which
    // ends with the kiosk session: an app stays signed in for the worker's shift, not beyond.
    issueRefreshToken: async (
      _ctx: KoaContextWithOIDC,
      client: { grantTypeAllowed(type: string): boolean },
    ) => client.grantTypeAllowed('refresh_token'),
    rotateRefreshToken: true,
    ttl: {
      AccessToken: OIDC_LIFETIMES.AccessToken,
      AuthorizationCode: OIDC_LIFETIMES.AuthorizationCode,
      IdToken: OIDC_LIFETIMES.IdToken,
      // A rotated refresh token inherits what is left of the first one: a family ends with the shift.
      RefreshToken: (ctx: KoaContextWithOIDC | undefined) =>
        ctx?.oidc?.entities.RotatedRefreshToken?.remainingTTL ?? OIDC_LIFETIMES.RefreshToken,
      Session: OIDC_LIFETIMES.Session,
      Grant: OIDC_LIFETIMES.Grant,
      Interaction: OIDC_LIFETIMES.Interaction,
    },
    renderError,
    interactions: {
      url: (_ctx: KoaContextWithOIDC, interaction: { uid: string }) =>
        `/?oidc=${encodeURIComponent(interaction.uid)}`,
      policy: interactionPolicyFor(deps),
    },
    // Every app is a first-party store app: the OpenID scopes it asks for are granted without a
    // consent screen, so a second app on a signed-in phone gets its code silently.
    async loadExistingGrant(ctx: KoaContextWithOIDC) {
      const { client, session, account } = ctx.oidc;
      if (!client || !session || !account) return undefined;
      const grantId = ctx.oidc.result?.consent?.grantId ?? session.grantIdFor(client.clientId);
      let grant = grantId ? await ctx.oidc.provider.Grant.find(grantId) : undefined;
      if (!grant || grant.accountId !== account.accountId || grant.clientId !== client.clientId) {
        grant = new ctx.oidc.provider.Grant({ accountId: account.accountId, clientId: client.clientId });
      }
      grant.addOIDCScope([...ctx.oidc.requestParamOIDCScopes].join(' '));
      await grant.save();
      return grant;
    },
  });
  provider.proxy = options.proxy;

  // When the kiosk's sign-in is applied to the provider session (the resume step), remember which
  // kiosk session it came from: shared-device sign-out follows this link.
  provider.use(async (ctx, next) => {
    await next();
    const oidc = ctx.oidc as KoaContextWithOIDC['oidc'] | undefined;
    const login =
      oidc?.route === 'resume' ? (oidc.result?.shiftpass as ShiftpassLoginResult | undefined) : undefined;
    const sessionUid = oidc?.session?.uid;
    if (login && sessionUid && oidc?.session?.accountId === login.userId) {
      await deps.repos.oidcModels.linkSession({
        providerSessionUid: sessionUid,
        kioskSessionId: login.kioskSessionId,
        userId: login.userId,
        createdAt: deps.clock.now(),
      });
    }
  });
  // An app's RP-initiated logout the worker confirmed ("Yes, sign me out", logout=yes) ends the
  // kiosk session it was signed in through, and so every other app (global-sign-out.ts, through the
  // sessions service's hook). The kiosk notices at its next session check.
  const confirmedLogouts = new WeakSet<object>();
  provider.on('end_session.success', (ctx) => {
    const oidc = (ctx as KoaContextWithOIDC).oidc;
    if (oidc.params?.logout) confirmedLogouts.add(ctx as object);
  });
  provider.use(async (ctx, next) => {
    await next();
    const uid = ctx.oidc?.session?.uid;
    if (!confirmedLogouts.has(ctx) || !uid) return;
    const link = await deps.repos.oidcLogoutDeliveries.linkOfProviderSession(uid);
    if (link) await endSession(deps, link.kioskSessionId);
  });

  // oidc-provider's end_session sends back-channel logouts itself, inline and unrecorded; here they go
  // to the outbox like every other (the deliverer signs them with oidc-provider's IdToken and sends them).
  Object.defineProperty(provider.Client.prototype, 'backchannelLogout', {
    configurable: true,
    writable: true,
    value: async function enqueue(this: { clientId: string }, sub: string, sid: string) {
      await enqueueBackchannelLogout(deps, { appId: this.clientId, sid, sub });
    },
  });

  provider.on('server_error', (_ctx, error) => options.logError(error));
  return provider;
}

/** The enrolled kiosk phone a provider session was signed in on (its kiosk session's device), if any. */
async function kioskDeviceOf(deps: ServiceDeps, providerSessionUid: string): Promise<string | null> {
  const link = await deps.repos.oidcLogoutDeliveries.linkOfProviderSession(providerSessionUid);
  if (!link) return null;
  const found = await deps.repos.sessions.findById(link.kioskSessionId);
  return found?.session.deviceId ?? null;
}

/** Reasons an app sign-in must start a fresh kiosk sign-in (scan + PIN): prompt=login and max_age. */
export const FRESH_LOGIN_REASONS = ['login_prompt', 'max_age'] as const;

/**
 * oidc-provider's default prompts, with one more login check first: a provider session is used only
 * while the kiosk session it was signed in through is active (global-sign-out.ts). When that kiosk
 * session has ended, the provider session is ended (apps told, grants revoked) and emptied in this
 * request, so the kiosk's next sign-in starts a fresh one: no "sign out?" detour for the next worker.
 */
function interactionPolicyFor(deps: ServiceDeps) {
  const policy = interactionPolicy.base();
  const check = new interactionPolicy.Check(
    'kiosk_session_ended',
    'the kiosk session this sign-in came from has ended',
    'login_required',
    async (ctx) => {
      const session = ctx.oidc.session;
      // Just signed in by the kiosk (the resume step): the link is written after this request.
      if (!session?.accountId || ctx.oidc.result?.login) return interactionPolicy.Check.NO_NEED_TO_PROMPT;
      if (await providerSessionStillSignedIn(deps, ctx.oidc.provider, session)) {
        return interactionPolicy.Check.NO_NEED_TO_PROMPT;
      }
      forgetAccount(session);
      return interactionPolicy.Check.REQUEST_PROMPT;
    },
  );
  policy.get('login')!.checks.add(check, 0);
  // Last, so it runs only when nothing needs the kiosk: the app is about to get its code silently.
  policy.add(
    new interactionPolicy.Prompt(
      { name: 'app_access', requestable: false },
      new interactionPolicy.Check(
        'app_access',
        'conditional access refused this app',
        'access_denied',
        async (ctx) => {
          await checkSilentAppSignIn(deps, ctx);
          return interactionPolicy.Check.NO_NEED_TO_PROMPT;
        },
      ),
    ),
  );
  return policy;
}

/**
 * A signed-in phone is about to give an app its code without the kiosk (silent single sign-on):
 * conditional access with the app as the target decides, and the sign-in log gets its row
 * (app-access.ts). A refusal answers the app `access_denied` with the reason. When the kiosk has just
 * completed the interaction (`result.login`), interactions.ts already did both.
 */
async function checkSilentAppSignIn(deps: ServiceDeps, ctx: KoaContextWithOIDC): Promise<void> {
  const { session, client } = ctx.oidc;
  if (ctx.oidc.result?.login || !session?.accountId || !client) return;
  const [link, app, user] = await Promise.all([
    deps.repos.oidcLogoutDeliveries.linkOfProviderSession(session.uid),
    deps.repos.apps.findById(client.clientId),
    deps.repos.users.findById(session.accountId),
  ]);
  if (!link || !app || !user) throw new errors.AccessDenied('the sign-in on this phone has ended');
  const kioskSession = await deps.repos.sessions.findById(link.kioskSessionId);
  const facts = {
    user: { id: user.id, role: user.role as Role },
    deviceId: kioskSession?.session.deviceId ?? null,
    kioskSessionId: link.kioskSessionId,
    app: { id: app.id, name: app.displayName },
    clientAddress: clientAddressOf({
      socketAddress: ctx.req.socket.remoteAddress,
      forwardedFor: ctx.req.headers['x-forwarded-for'],
      trustedProxies: deps.settings.trustedProxies,
    }).address,
    userAgent: ctx.get('user-agent').slice(0, 512) || null,
  };
  const { refusal, access, coSignedBy } = await assessAppSignIn(deps, facts);
  await logAppSignIn(deps, {
    userId: user.id,
    deviceId: facts.deviceId,
    app: facts.app,
    failureCode: refusal,
    clientAddress: facts.clientAddress,
    userAgent: facts.userAgent,
    silent: true,
    access,
    coSignedBy,
  });
  if (refusal) throw new errors.AccessDenied(`conditional access: ${access.reason}`);
}

/** Empties a provider session in place (a new id; saved anonymous at the end of the request). */
function forgetAccount(session: Session): void {
  const target = session as unknown as Record<string, unknown>;
  for (const key of ['accountId', 'loginTs', 'amr', 'acr', 'transient', 'authorizations']) delete target[key];
  session.resetIdentifier();
}
