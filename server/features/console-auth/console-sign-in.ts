/**
 * Console sign-in, step one and the usual step two:
 * 1. `startConsoleSignIn`: client budget → account lockout → claim an attempt → argon2id password
 *    check → a pending sign-in challenge naming the second factor to give (`totp`, or `enroll-totp`
 *    for someone without an authenticator yet). Unknown usernames, workers (no password), disabled
 *    accounts and wrong passwords all answer CREDENTIALS_INCORRECT after one argon2id verification,
 *    and failures are counted per typed username, so unknown names lock exactly like real ones.
 * 2. `completeConsoleSignIn`: the challenge plus a TOTP code or a recovery code → a console session.
 * Enrolment is in totp-enrolment.ts, re-authentication in reauthentication.ts.
 */
import type {
  ConsoleSignInResult,
  ConsoleSignInStep,
  SecondFactorInput,
} from '../../contracts/console-auth.js';
import { addSeconds } from '../../domain/clock.js';
import { newId, randomToken, sha256 } from '../../platform/crypto.js';
import { recordAudit } from '../../core/audit.js';
import { claimClientAttempt } from '../lockout/client-budget.js';
import {
  canUseConsole,
  checkSecondFactorUnderLockout,
  consoleLockoutStore,
  consoleUserView,
  createConsoleSession,
  findChallenge,
  logConsoleSignIn,
  refusal,
  type ConsoleClient,
  type ConsoleFailure,
} from './console-factors.js';
import type { ServiceDeps } from '../../core/deps.js';
import { checkUnderLockout } from '../lockout/check-under-lockout.js';
import { getQrPinPolicy } from '../policies/policies.js';
import { evaluateConsoleAccess } from '../conditional-access/evaluate-sign-in-access.js';

/** Long enough to type a code; short enough that a forgotten tab's challenge is soon useless. */
export const TOTP_CHALLENGE_SECONDS = 5 * 60;
/** Enrolment means installing or opening an authenticator app first. */
export const ENROLMENT_CHALLENGE_SECONDS = 15 * 60;

export type ConsoleSessionOutcome<T> =
  { ok: true; token: string; expiresAt: Date; result: T } | ConsoleFailure;

export async function startConsoleSignIn(
  deps: ServiceDeps,
  input: ConsoleClient & { userPrincipalName: string; password: string },
): Promise<{ ok: true; step: ConsoleSignInStep } | ConsoleFailure> {
  const now = deps.clock.now();
  const { lockout } = await getQrPinPolicy(deps);
  const fail = async (failure: ConsoleFailure, userId: string | null, reason: string) => {
    await logConsoleSignIn(deps, input, {
      now,
      userId,
      failureCode: failure.code,
      details: { step: 'password', reason },
    });
    return failure;
  };

  const client = await claimClientAttempt(deps, input.ipAddress, lockout, now);
  if (!client.ok) {
    const details = { retryAfterSeconds: client.retryAfterSeconds };
    return fail({ ok: false, code: 'TOO_MANY_ATTEMPTS', details }, null, 'client_throttled');
  }

  const user = await deps.repos.users.findByPrincipalName(input.userPrincipalName);
  const eligible = canUseConsole(user) ? user : null;
  const accountKey = deps.consoleSecrets.accountKey(input.userPrincipalName);
  const verdict = await checkUnderLockout(
    consoleLockoutStore(deps, accountKey, 'refund'),
    lockout,
    now,
    async () => {
      if (eligible) return deps.hasher.verify(eligible.passwordHash, input.password);
      await deps.hasher.verify(deps.decoyPinHash, input.password);
      return false;
    },
  );
  if (verdict.kind !== 'correct') {
    if (verdict.kind === 'locked') await client.refund();
    const reason =
      verdict.kind === 'locked'
        ? verdict.reason
        : !user
          ? 'unknown_user'
          : !eligible
            ? notEligibleReason(user)
            : 'password_incorrect';
    return fail(refusal(verdict, 'CREDENTIALS_INCORRECT'), user?.id ?? null, reason);
  }

  // Only an eligible user's real password gets here.
  const signedIn = eligible!;
  await client.refund();
  if (deps.hasher.needsRehash(signedIn.passwordHash)) {
    await deps.repos.users.upgradePasswordHash(
      signedIn.id,
      signedIn.passwordHash,
      await deps.hasher.hash(input.password),
    );
  }
  const next = (await deps.repos.consoleAuth.findTotp(signedIn.id)) ? 'totp' : 'enroll-totp';
  const token = randomToken(32);
  const expiresAt = addSeconds(now, next === 'totp' ? TOTP_CHALLENGE_SECONDS : ENROLMENT_CHALLENGE_SECONDS);
  await deps.repos.consoleAuth.insertChallenge(
    {
      id: newId(),
      tokenHash: sha256(token),
      userId: signedIn.id,
      next,
      pendingSecretSealed: null,
      createdAt: now,
      expiresAt,
    },
    now,
  );
  return { ok: true, step: { next, challenge: token, expiresDateTime: expiresAt.toISOString() } };
}

function notEligibleReason(user: { accountEnabled: boolean; passwordHash: string | null; role: string }) {
  if (!user.accountEnabled) return 'account_disabled';
  if (user.passwordHash === null) return 'no_password';
  return 'role_not_allowed';
}

export async function completeConsoleSignIn(
  deps: ServiceDeps,
  input: ConsoleClient & { challenge: string; factor: SecondFactorInput },
): Promise<ConsoleSessionOutcome<ConsoleSignInResult>> {
  const now = deps.clock.now();
  const { lockout } = await getQrPinPolicy(deps);
  const step = 'recoveryCode' in input.factor ? 'recoveryCode' : 'code';
  const fail = async (failure: ConsoleFailure, userId: string | null, reason: string) => {
    await logConsoleSignIn(deps, input, {
      now,
      userId,
      failureCode: failure.code,
      details: { step, reason },
    });
    return failure;
  };
  const invalid = (userId: string | null, reason: string) =>
    fail({ ok: false, code: 'SIGN_IN_CHALLENGE_INVALID' }, userId, reason);

  const client = await claimClientAttempt(deps, input.ipAddress, lockout, now);
  if (!client.ok) {
    const details = { retryAfterSeconds: client.retryAfterSeconds };
    return fail({ ok: false, code: 'TOO_MANY_ATTEMPTS', details }, null, 'client_throttled');
  }
  const found = await findChallenge(deps, input.challenge, 'totp', now);
  if (!found) return invalid(null, 'challenge_invalid');
  const { user, challenge } = found;

  const refused = await checkSecondFactorUnderLockout(deps, user, input.factor, lockout, now, step);
  if (refused) {
    if (refused.locked) await client.refund();
    return fail(refused.failure, user.id, refused.reason);
  }
  if (!(await deps.repos.consoleAuth.consumeChallenge(challenge.id, now))) {
    return invalid(user.id, 'challenge_used');
  }
  await client.refund();
  const { blocked, access } = await evaluateConsoleAccess(deps, user, input.ipAddress, now);
  if (blocked) {
    await logConsoleSignIn(deps, input, {
      now,
      userId: user.id,
      failureCode: 'ACCESS_BLOCKED_BY_POLICY',
      details: { step, conditionalAccess: access },
    });
    return { ok: false, code: 'ACCESS_BLOCKED_BY_POLICY', details: { reason: access.reason } };
  }
  const { token, session } = await createConsoleSession(deps, user, input, now);
  if (step === 'recoveryCode') {
    await recordAudit(
      deps,
      { type: 'user', userId: user.id, role: user.role, sessionId: session.id },
      'console.recoveryCode.used',
      { type: 'user', id: user.id },
      { remaining: await deps.repos.consoleAuth.countUnusedRecoveryCodes(user.id) },
    );
  }
  await logConsoleSignIn(deps, input, {
    now,
    userId: user.id,
    failureCode: null,
    details: { step, conditionalAccess: access },
  });
  return { ok: true, token, expiresAt: session.expiresAt, result: { user: consoleUserView(user) } };
}
