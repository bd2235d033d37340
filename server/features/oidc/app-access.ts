/**
 * Conditional access for a store app's sign-in (Entra's "target resources"): a policy may name apps
 * (`conditions.apps`), e.g. "the payroll app only on enrolled kiosks in the store network". Every
 * sign-in to an app is evaluated with the facts of that moment — the worker, the kiosk session's
 * device (its live record: a phone revoked since the worker signed in is no longer enrolled), the
 * client address of this request, the time — by the same evaluator as the kiosk sign-in
 * (features/conditional-access), with the app as the target:
 * - when the kiosk completes an app's interaction (interactions.ts), and
 * - when a signed-in phone gets an app's code without any prompt (silent single sign-on, provider.ts).
 *
 * A badge + PIN cannot give a second factor, so `requireSecondFactor` refuses as at the kiosk, unless
 * a manager co-signed this kiosk session (its sign-in, or later for an app; features/step-up): then it
 * is met.
 * The row names the manager (`details.stepUp.coSignedBy`).
 * Every app sign-in, allowed or refused, writes one sign-in log row (authMethod `sso`, the app, the
 * device, the policies' verdicts), so the sign-in log shows who opened which app where.
 */
import type { ErrorCode } from '../../contracts/errors.js';
import type { ServiceDeps } from '../../core/deps.js';
import type { Role } from '../../domain/roles.js';
import { newId } from '../../platform/crypto.js';
import type { LoggedPerson } from '../badges/verify-badge-and-pin.js';
import {
  assessSignInAccess,
  deviceFactsOf,
  type SignInAccessResult,
} from '../conditional-access/evaluate-sign-in-access.js';

export interface AppSignInFacts {
  user: { id: string; role: Role };
  /** The kiosk session's device (null: a sign-in without device binding). */
  deviceId: string | null;
  /** The kiosk session the app is signed in through, if known (a co-signed one meets a second factor). */
  kioskSessionId?: string | null;
  app: { id: string; name: string };
  clientAddress: string | null;
  userAgent: string | null;
}

export type AppAccessRefusal = 'ACCESS_BLOCKED_BY_POLICY' | 'SECOND_FACTOR_REQUIRED';

export interface AppAccess {
  refusal: AppAccessRefusal | null;
  access: SignInAccessResult;
  /** The manager who co-signed the kiosk sign-in, when that met the policies' second factor. */
  coSignedBy?: LoggedPerson;
}

/** The manager who co-signed the kiosk sign-in that made this session, if one did. */
async function coSignerOf(deps: ServiceDeps, kioskSessionId: string): Promise<LoggedPerson | undefined> {
  const managerId = await deps.repos.stepUp.coSignerOfSession(kioskSessionId);
  const manager = managerId ? await deps.repos.users.findById(managerId) : undefined;
  return manager ? { id: manager.id, displayName: manager.displayName } : undefined;
}

/** Conditional access for one sign-in to one app (see the header). */
export async function assessAppSignIn(deps: ServiceDeps, facts: AppSignInFacts): Promise<AppAccess> {
  const now = deps.clock.now();
  const [groupIds, record] = await Promise.all([
    deps.repos.users.groupIdsOf(facts.user.id),
    facts.deviceId ? deps.repos.devices.findById(facts.deviceId) : undefined,
  ]);
  const device = record
    ? { ...(await deviceFactsOf(record, now)), id: record.id, groupId: record.groupId }
    : null;
  const access = await assessSignInAccess(deps, {
    user: { id: facts.user.id, role: facts.user.role, groupIds },
    device,
    clientAddress: facts.clientAddress,
    instant: now,
    method: 'qrPin',
    app: facts.app,
  });
  if (access.decision === 'requireSecondFactor') {
    const coSignedBy = facts.kioskSessionId ? await coSignerOf(deps, facts.kioskSessionId) : undefined;
    return coSignedBy ? { refusal: null, access, coSignedBy } : { refusal: 'SECOND_FACTOR_REQUIRED', access };
  }
  return { refusal: access.decision === 'block' ? 'ACCESS_BLOCKED_BY_POLICY' : null, access };
}

export interface AppSignInLogEntry {
  userId: string;
  deviceId: string | null;
  /** The app, or only its client id when it is no longer registered; absent when unknown. */
  app?: { id: string; name?: string };
  failureCode: ErrorCode | null;
  clientAddress: string | null;
  userAgent: string | null;
  /** True when the app got its code without the kiosk (the phone already had a signed-in worker). */
  silent?: boolean;
  access?: SignInAccessResult;
  /** The manager whose co-sign met a policy's second factor. */
  coSignedBy?: LoggedPerson;
}

/** One sign-in log row for a sign-in to a store app (authMethod `sso`). */
export async function logAppSignIn(deps: ServiceDeps, entry: AppSignInLogEntry): Promise<void> {
  await deps.repos.logs.signIn({
    id: newId(),
    createdDateTime: deps.clock.now(),
    result: entry.failureCode ? 'failure' : 'success',
    failureCode: entry.failureCode,
    authMethod: 'sso',
    userId: entry.userId,
    deviceId: entry.deviceId,
    ipAddress: entry.clientAddress,
    userAgent: entry.userAgent,
    details: {
      via: 'sso',
      ...(entry.app ? { app: entry.app.name ? entry.app : { id: entry.app.id } } : {}),
      ...(entry.silent ? { silent: true } : {}),
      ...(entry.access ? { conditionalAccess: entry.access } : {}),
      ...(entry.coSignedBy ? { stepUp: { coSignedBy: entry.coSignedBy } } : {}),
    },
  });
}
