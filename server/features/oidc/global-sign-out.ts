/**
 * Shared-device global sign-out: the provider's session IS the kiosk session. When kiosk sessions end
 * (however: sign-out, the next worker, an admin, PIN reset, a disabled person, a revoked device, an
 * app's own RP-initiated logout, or found idle/expired by the sweep), `endOidcSessionsFor` follows
 * `oidc_session_links` to every provider session signed in through them and, for each:
 *
 * 1. for every app that received tokens in it (the session's `authorizations`), enqueues one
 *    back-channel logout (app, sid, sub) in the durable outbox — the deliverer sends it later, so a
 *    slow or broken app never slows the worker's sign-out (logout-deliverer.ts);
 * 2. revokes that app's grant and every token of it (codes, access and refresh tokens), so a refresh
 *    token stops working at once;
 * 3. destroys the provider session and forgets the link.
 *
 * And before an authorization request reuses a provider session, `providerSessionStillSignedIn` checks
 * that its kiosk session is still active (provider.ts's login Check); when it is not, the provider
 * session is ended the same way and the request goes to the kiosk.
 */
import type Provider from 'oidc-provider';
import type { Session } from 'oidc-provider';
import type { ServiceDeps } from '../../core/deps.js';
import { newId } from '../../platform/crypto.js';
import { isSessionActive } from '../sessions/sessions.js';

/** One back-channel logout to send to an app that has a back-channel logout URI (idempotent per app + sid). */
export async function enqueueBackchannelLogout(
  deps: ServiceDeps,
  logout: { appId: string; sid: string; sub: string },
): Promise<void> {
  const app = await deps.repos.apps.findById(logout.appId);
  if (!app?.backchannelLogoutUri) return;
  await deps.repos.oidcLogoutDeliveries.enqueue({ id: newId(), ...logout, createdAt: deps.clock.now() });
}

/** A grant and every token issued under it, as oidc-provider's own revocation does. */
async function revokeGrant(provider: Provider, grantId: string): Promise<void> {
  await Promise.all([
    provider.AccessToken.revokeByGrantId(grantId),
    provider.RefreshToken.revokeByGrantId(grantId),
    provider.AuthorizationCode.revokeByGrantId(grantId),
    provider.Grant.adapter.destroy(grantId),
  ]);
}

/** Tells its apps, revokes their grants and destroys one provider session (by uid); forgets its link. */
export async function endProviderSession(deps: ServiceDeps, provider: Provider, uid: string): Promise<void> {
  const session = await provider.Session.findByUid(uid);
  if (session) {
    const sub = session.accountId;
    for (const [appId, authorization] of Object.entries(session.authorizations ?? {})) {
      if (sub && authorization.sid)
        await enqueueBackchannelLogout(deps, { appId, sid: authorization.sid, sub });
      if (authorization.grantId) await revokeGrant(provider, authorization.grantId);
    }
    await session.destroy();
  }
  await deps.repos.oidcLogoutDeliveries.unlink(uid);
}

/** Ends every provider session signed in through these kiosk sessions (see the header). */
export async function endOidcSessionsFor(
  deps: ServiceDeps,
  provider: Provider,
  { kioskSessionIds }: { kioskSessionIds: readonly string[] },
): Promise<void> {
  const links = await deps.repos.oidcLogoutDeliveries.linksOfKioskSessions(kioskSessionIds);
  for (const link of links) await endProviderSession(deps, provider, link.providerSessionUid);
}

/**
 * Whether a provider session that has an account may be used: its link names a kiosk session that is
 * still active, for the same user. Otherwise the provider session is ended (apps told, grants
 * revoked) and false is answered: the caller must treat the request as having no session.
 */
export async function providerSessionStillSignedIn(
  deps: ServiceDeps,
  provider: Provider,
  session: Session,
): Promise<boolean> {
  const link = await deps.repos.oidcLogoutDeliveries.linkOfProviderSession(session.uid);
  if (link && link.userId === session.accountId && (await isSessionActive(deps, link.kioskSessionId))) {
    return true;
  }
  if (link) await endOidcSessionsFor(deps, provider, { kioskSessionIds: [link.kioskSessionId] });
  else await endProviderSession(deps, provider, session.uid);
  return false;
}

/**
 * Expired kiosk sessions are only found when someone looks: the sweep (run by the deliverer every
 * minute) ends the provider sessions of kiosk sessions that ended without a request (idle, absolute
 * expiry) or whose ending was not followed through (a failure mid-way).
 */
export async function sweepEndedKioskSessions(
  deps: ServiceDeps,
  provider: Provider,
  idleSince: Date,
): Promise<number> {
  const candidates = await deps.repos.oidcLogoutDeliveries.possiblyEndedLinkedSessions(
    deps.clock.now(),
    idleSince,
    200,
  );
  const ended: string[] = [];
  for (const id of candidates) if (!(await isSessionActive(deps, id))) ended.push(id);
  await endOidcSessionsFor(deps, provider, { kioskSessionIds: ended });
  return ended.length;
}
