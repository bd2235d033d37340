/**
 * The one pipeline every console step that checks a secret runs through — password sign-in, the
 * second factor, confirming a new authenticator, re-authentication — in this order:
 *
 * client budget → find who the attempt is about (the typed username, the pending challenge, or the
 * session's user) → each secret under the account's lockout (while locked nothing is checked) → use
 * up the challenge → give the client's attempt back → conditional access (steps that start a
 * session) → the step's own success → the success row in the sign-in log.
 *
 * Every failure is logged (`details.step` and `reason`) before it is returned (a refusal by the client
 * budget is counted on one row per budget window), and failures are values. The client's attempt comes back on a locked answer (no secret was checked) and on success;
 * a wrong secret, an unknown challenge and a challenge used a moment ago keep it spent. Each step
 * declares only what differs: console-sign-in.ts, totp-enrolment.ts, reauthentication.ts.
 */
import type { ErrorCode } from '../../contracts/errors.js';
import type { SignInAccessResult } from '../conditional-access/evaluate-sign-in-access.js';
import { evaluateConsoleAccess } from '../conditional-access/evaluate-sign-in-access.js';
import type { ServiceDeps } from '../../core/deps.js';
import { claimClientAttempt } from '../lockout/client-budget.js';
import { countRefusedAttempt } from '../logs/refused-attempts.js';
import { checkUnderLockout, type LockoutVerdict } from '../lockout/check-under-lockout.js';
import { getConsoleSignInPolicy, getQrPinPolicy } from '../policies/policies.js';
import type { UserRow } from '../people/users-repository.js';
import type { ConsoleChallengeRow } from './console-auth-repository.js';
import {
  consoleLockoutStore,
  findChallenge,
  logConsoleSignIn,
  type ConsoleClient,
  type ConsoleFailure,
} from './console-factors.js';

/** Who an attempt is about: the sign-in log's user and the username whose lockout counts. */
export type Located<S> =
  | { found: true; subject: S; userId: string | null; userPrincipalName: string }
  | { found: false; reason: string; userId: string | null };

export type SecretVerdict = { right: true } | { right: false; reason: string };

/** One secret, checked under the account's lockout. */
export interface SecretCheck<S> {
  /**
   * After a right answer: forget every failure (`'reset'`, a factor that completes the step), or give
   * back only this attempt (`'refund'`, a password whose second factor is still to come).
   */
  onCorrect: 'reset' | 'refund';
  /** The answer to a wrong secret while attempts remain, and its details (the field to correct). */
  wrong: { code: ErrorCode; details?: Record<string, unknown> };
  /** Whether the secret is right; if not, why (for the sign-in log only). */
  check(subject: S, now: Date): Promise<SecretVerdict>;
}

export interface ConsoleStep<S, T> {
  /** `details.step` of this step's sign-in log rows. */
  logStep: string;
  /** Whose attempt it is before anything is looked up (re-authentication: the session's user). */
  knownUserId?: string;
  /** Finds the subject; not found is an invalid challenge (typed usernames are always "found"). */
  locate(now: Date): Promise<Located<S>>;
  /** Checked in order; the first one not right ends the attempt. */
  secrets: SecretCheck<S>[];
  /** Uses the pending challenge up once every secret is right; false if another request just did. */
  useChallenge?(subject: S, now: Date): Promise<boolean>;
  /** The user whose conditional access decides before success, for steps that start a session. */
  accessOf?(subject: S): Pick<UserRow, 'id' | 'role'>;
  /** What success does; `logged` adds to the success row's details (null: no row, not a sign-in yet). */
  succeed(subject: S, now: Date): Promise<{ outcome: T; logged: Record<string, unknown> | null }>;
}

/** Runs `step` for a request from `client`; see the module header for the order. */
export async function runConsoleStep<S, T>(
  deps: ServiceDeps,
  client: ConsoleClient,
  step: ConsoleStep<S, T>,
): Promise<T | ConsoleFailure> {
  const now = deps.clock.now();
  const [{ lockout: pinLockout }, { lockout }] = await Promise.all([
    getQrPinPolicy(deps),
    getConsoleSignInPolicy(deps),
  ]);
  const log = (userId: string | null, failureCode: ErrorCode | null, details: Record<string, unknown>) =>
    logConsoleSignIn(deps, client, { now, userId, failureCode, details: { step: step.logStep, ...details } });
  const fail = async (failure: ConsoleFailure, userId: string | null, reason: string) => {
    await log(userId, failure.code, { reason });
    return failure;
  };
  const invalid = (userId: string | null, reason: string) =>
    fail({ ok: false, code: 'SIGN_IN_CHALLENGE_INVALID' }, userId, reason);

  // The client budget is the PIN policy's: one budget for every sign-in path (docs/security.md).
  const budget = await claimClientAttempt(deps, client.ipAddress, pinLockout, now);
  if (!budget.ok) {
    // Counted on one row per budget window, not logged one by one (logs/refused-attempts.ts).
    await countRefusedAttempt(deps, {
      windowId: budget.windowId,
      kind: `console:${step.logStep}`,
      now,
      authMethod: 'password',
      userId: step.knownUserId ?? null,
      ipAddress: client.ipAddress,
      userAgent: client.userAgent,
      details: { console: true, step: step.logStep },
    });
    return { ok: false, code: 'TOO_MANY_ATTEMPTS', details: { retryAfterSeconds: budget.retryAfterSeconds } };
  }

  const located = await step.locate(now);
  if (!located.found) return invalid(located.userId, located.reason);
  const { subject, userId } = located;
  const accountKey = deps.consoleSecrets.accountKey(located.userPrincipalName);

  for (const secret of step.secrets) {
    let why: SecretVerdict | undefined;
    const verdict = await checkUnderLockout(
      consoleLockoutStore(deps, accountKey, secret.onCorrect),
      lockout,
      now,
      async () => {
        why = await secret.check(subject, now);
        return why.right;
      },
    );
    if (verdict.kind === 'correct') continue;
    if (verdict.kind === 'locked') await budget.refund();
    const reason = verdict.kind === 'locked' ? verdict.reason : why?.right === false ? why.reason : 'wrong';
    return fail(refusal(verdict, secret.wrong.code, secret.wrong.details), userId, reason);
  }

  if (step.useChallenge && !(await step.useChallenge(subject, now))) return invalid(userId, 'challenge_used');
  await budget.refund();

  let access: SignInAccessResult | undefined;
  if (step.accessOf) {
    const checked = await evaluateConsoleAccess(deps, step.accessOf(subject), client.ipAddress, now);
    access = checked.access;
    if (checked.blocked) {
      await log(userId, 'ACCESS_BLOCKED_BY_POLICY', { conditionalAccess: access });
      return { ok: false, code: 'ACCESS_BLOCKED_BY_POLICY', details: { reason: access.reason } };
    }
  }

  const { outcome, logged } = await step.succeed(subject, now);
  if (logged) await log(userId, null, { ...(access ? { conditionalAccess: access } : {}), ...logged });
  return outcome;
}

/** A pending sign-in challenge at the step `next`, and its user. */
export interface ChallengeSubject {
  challenge: ConsoleChallengeRow;
  user: UserRow & { passwordHash: string };
}

/** Finds the live challenge a step names; unknown, expired, for another step or a user no longer allowed: not found. */
export async function locateChallenge(
  deps: ServiceDeps,
  token: string,
  next: ConsoleChallengeRow['next'],
  now: Date,
): Promise<Located<ChallengeSubject>> {
  const found = await findChallenge(deps, token, next, now);
  if (!found) return { found: false, reason: 'challenge_invalid', userId: null };
  return {
    found: true,
    subject: found,
    userId: found.user.id,
    userPrincipalName: found.user.userPrincipalName,
  };
}

/** Uses a pending challenge up (one conditional write: of two racing requests only one gets true). */
export const useUpChallenge =
  (deps: ServiceDeps) =>
  (subject: ChallengeSubject, now: Date): Promise<boolean> =>
    deps.repos.consoleAuth.consumeChallenge(subject.challenge.id, now);

/** The answer to a refused attempt: `wrong` while attempts remain, ACCOUNT_LOCKED once they do not. */
export function refusal(
  verdict: Exclude<LockoutVerdict, { kind: 'correct' }>,
  wrong: ErrorCode,
  details: Record<string, unknown> = {},
): ConsoleFailure {
  if (verdict.kind === 'locked') {
    return { ok: false, code: 'ACCOUNT_LOCKED', details: { retryAfterSeconds: verdict.retryAfterSeconds } };
  }
  if (verdict.lockedForSeconds !== null || verdict.remainingAttempts === 0) {
    return { ok: false, code: 'ACCOUNT_LOCKED', details: { retryAfterSeconds: verdict.lockedForSeconds } };
  }
  return { ok: false, code: wrong, details };
}
