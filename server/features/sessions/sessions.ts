/**
 * Opaque session tokens (256 bits), stored only as SHA-256. Idle and absolute timeouts are
 * enforced here, on every request, not by the browser.
 */
import type { Role, SessionView } from '../../contracts/schemas.js';
import { parseSessionViewReads, type SessionRow, type SessionViewReads } from './sessions-repository.js';
import type { UserRow } from '../people/users-repository.js';
import { addSeconds } from '../../domain/clock.js';
import { absoluteEndOf, sessionStateAt } from '../../domain/session-timing.js';
import { newId, randomToken, sha256 } from '../../platform/crypto.js';
import type { SessionPolicy } from '../../domain/session-policy.js';
import type { ServiceDeps } from '../../core/deps.js';
import type { KioskApp } from '../../contracts/kiosk.js';
import { signInAppsFor } from '../apps/sign-in-apps.js';
import { KIOSK_APPS_KEY, kioskAppsOf } from '../policies/kiosk-apps.js';
import {
  getSessionPolicy,
  SESSION_POLICY_KEY,
  sessionPolicyOf,
  sessionTimeoutsOf,
} from '../policies/policies.js';

/** lastSeenAt is written at most this often, so reads stay cheap. */
const TOUCH_INTERVAL_MS = 30_000;

export interface NewSessionInput {
  userId: string;
  kind: SessionRow['kind'];
  authMethod: SessionRow['authMethod'];
  mustChangePin: boolean;
  ipAddress: string | null;
  userAgent: string | null;
  deviceId?: string | null;
  /** Console sessions: when the password and second factor were given (re-authentication clock). */
  reauthenticatedAt?: Date | null;
}

export async function createSession(
  deps: ServiceDeps,
  input: NewSessionInput,
): Promise<{ token: string; session: SessionRow }> {
  const prepared = await prepareSession(deps, input);
  await deps.repos.sessions.insert(prepared.session);
  return prepared;
}

/**
 * A new session's token and row, not yet stored: createSession stores it alone, a worker's sign-in
 * stores it in one transaction with the sign-in log row (features/sign-in/sign-in.ts).
 */
export async function prepareSession(
  deps: ServiceDeps,
  input: NewSessionInput,
): Promise<{ token: string; session: SessionRow }> {
  const now = deps.clock.now();
  const timeouts = sessionTimeoutsOf(await getSessionPolicy(deps), input.kind);
  const token = randomToken(32);
  const session: SessionRow = {
    id: newId(),
    tokenHash: sha256(token),
    userId: input.userId,
    kind: input.kind,
    authMethod: input.authMethod,
    mustChangePin: input.mustChangePin,
    deviceId: input.deviceId ?? null,
    ipAddress: input.ipAddress,
    userAgent: input.userAgent,
    createdAt: now,
    lastSeenAt: now,
    expiresAt: addSeconds(now, timeouts.absoluteSeconds),
    revokedAt: null,
    reauthenticatedAt: input.reauthenticatedAt ?? null,
  };
  return { token, session };
}

/**
 * A live session, its user and the session policy, read together; `view` is what GET /api/auth/session
 * shows besides them (the user's stores, the kiosk apps, the store apps), read in the same statement.
 */
export type ResolvedSession = {
  session: SessionRow;
  user: UserRow;
  policy: SessionPolicy;
  view: SessionViewReads;
};

const CHECK_KEYS = { sessionPolicyKey: SESSION_POLICY_KEY, kioskAppsKey: KIOSK_APPS_KEY };

/**
 * The live session for a token, or null when unknown, revoked, timed out or the user is disabled.
 * One database statement (the session, its user, the session policy and the view's reads), nothing
 * cached: a revocation, a disabled user or a shortened timeout stored by any process holds from the
 * next check on.
 */
export async function resolveSession(deps: ServiceDeps, token: string): Promise<ResolvedSession | null> {
  if (token.length < 20 || token.length > 128) return null;
  const found = await deps.repos.sessions.findForCheck(sha256(token), CHECK_KEYS);
  if (!found) return null;
  const now = deps.clock.now();
  const policy = sessionPolicyOf(found.sessionPolicy as Partial<SessionPolicy> | null);
  const { session, user, view } = found;
  if (sessionStateAt(session, sessionTimeoutsOf(policy, session.kind), now) !== 'active') return null;
  if (!user.accountEnabled) return null;
  if (now.getTime() - session.lastSeenAt.getTime() >= TOUCH_INTERVAL_MS) {
    await deps.repos.sessions.touch(session.id, now);
    session.lastSeenAt = now;
  }
  return { session, user, policy, view };
}

/**
 * Whether a session still works: neither revoked nor idle- or absolute-expired, and its user enabled
 * (the rule resolveSession applies, by id; nothing is touched). The OpenID provider asks this before
 * reusing a provider session signed in through a kiosk session.
 */
export async function isSessionActive(deps: ServiceDeps, sessionId: string): Promise<boolean> {
  const found = await deps.repos.sessions.findById(sessionId);
  if (!found || !found.user.accountEnabled) return false;
  const policy = await getSessionPolicy(deps);
  const timeouts = sessionTimeoutsOf(policy, found.session.kind);
  return sessionStateAt(found.session, timeouts, deps.clock.now()) === 'active';
}

/**
 * Tells whoever listens (the runtime: the OpenID provider's global sign-out) that these sessions
 * ended, so every store app signed in through them is told and loses its tokens. Every path that
 * revokes sessions calls this after the revocation is stored.
 */
export async function sessionsEnded(deps: ServiceDeps, sessionIds: readonly string[]): Promise<void> {
  if (sessionIds.length > 0 && deps.onSessionsEnded) await deps.onSessionsEnded([...sessionIds]);
}

/** Ends every session of a user at once (PIN reset, code deletion, disabling, admin request). */
export async function endUserSessions(
  deps: ServiceDeps,
  userId: string,
  options: { except?: string } = {},
): Promise<void> {
  await sessionsEnded(deps, await deps.repos.sessions.revokeAllForUser(userId, deps.clock.now(), options));
}

/** Ends every session signed in on a kiosk device (revoked or suspended device, next worker). */
export async function endDeviceSessions(
  deps: ServiceDeps,
  deviceId: string,
  options: { except?: string } = {},
): Promise<void> {
  await sessionsEnded(
    deps,
    await deps.repos.sessions.revokeAllForDevice(deviceId, deps.clock.now(), options),
  );
}

/** The password and second factor were just given again on this console session. */
export async function markReauthenticated(deps: ServiceDeps, sessionId: string, at: Date): Promise<void> {
  await deps.repos.sessions.markReauthenticated(sessionId, at);
}

export async function endSession(deps: ServiceDeps, sessionId: string): Promise<void> {
  await deps.repos.sessions.revoke(sessionId, deps.clock.now());
  await sessionsEnded(deps, [sessionId]);
}

/** What GET /api/auth/session answers: who is signed in, their stores, the timings and the kiosk's apps. */
export function sessionViewOf(
  deps: ServiceDeps,
  { session, user, policy, view }: ResolvedSession,
): SessionView {
  const timeouts = sessionTimeoutsOf(policy, session.kind);
  const expiresAt = absoluteEndOf(session, timeouts);
  // Read with the session (resolveSession's one statement); only this route parses them.
  const { groups, kioskApps, apps } = parseSessionViewReads(view);
  const signInApps = signInAppsFor(
    apps,
    groups.map((group) => group.id),
  );
  return {
    user: { id: user.id, displayName: user.displayName, role: user.role as Role, groups },
    kind: session.kind,
    reauthenticatedDateTime: session.reauthenticatedAt?.toISOString() ?? null,
    mustChangePin: session.mustChangePin,
    createdDateTime: session.createdAt.toISOString(),
    expiresDateTime: expiresAt.toISOString(),
    expiresInSeconds: Math.max(0, Math.floor((expiresAt.getTime() - deps.clock.now().getTime()) / 1000)),
    idleTimeoutSeconds: timeouts.idleSeconds,
    kioskIdle: {
      signOutAfterSeconds: policy.kioskIdleSignOutInSeconds,
      warningSeconds: policy.kioskIdleWarningInSeconds,
    },
    kioskOfflineGraceSeconds: policy.kioskOfflineGraceInSeconds,
    kioskApps: kioskAppsOf(kioskApps as KioskApp[] | null),
    signInApps,
  };
}
