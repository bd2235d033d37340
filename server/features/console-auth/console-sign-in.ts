/**
 * Console sign-in, step one and the usual step two, each a declaration run by console-pipeline.ts:
 * 1. `startConsoleSignIn`: the password, counted per typed username (`onCorrect: 'refund'`: a right
 *    password gives its attempt back but resets nothing) → a pending sign-in challenge naming the
 *    second factor to give (`totp`, or `enroll-totp` for someone without an authenticator yet).
 *    Unknown usernames, workers (no password), disabled accounts and wrong passwords all answer
 *    CREDENTIALS_INCORRECT after one argon2id verification (a decoy one when there is no real
 *    verifier), so unknown names cost and lock exactly like real ones.
 * 2. `completeConsoleSignIn`: the challenge plus a TOTP code or a recovery code (`'reset'`) →
 *    conditional access → a console session.
 * Enrolment is in totp-enrolment.ts, re-authentication in reauthentication.ts.
 */
import type {
  ConsoleSignInResult,
  ConsoleSignInStep,
  SecondFactorInput,
} from '../../contracts/console-auth.js';
import { addSeconds } from '../../domain/clock.js';
import { newId, randomToken, sha256 } from '../../platform/crypto.js';
import type { ServiceDeps } from '../../core/deps.js';
import type { UserRow } from '../people/users-repository.js';
import {
  auditRecoveryCodeUsed,
  canUseConsole,
  checkSecondFactor,
  consoleUserView,
  createConsoleSession,
  type ConsoleClient,
  type ConsoleFailure,
} from './console-factors.js';
import {
  locateChallenge,
  runConsoleStep,
  useUpChallenge,
  type ChallengeSubject,
  type SecretCheck,
} from './console-pipeline.js';

/** Long enough to type a code; short enough that a forgotten tab's challenge is soon useless. */
export const TOTP_CHALLENGE_SECONDS = 5 * 60;
/** Enrolment means installing or opening an authenticator app first. */
export const ENROLMENT_CHALLENGE_SECONDS = 15 * 60;

export type ConsoleSessionOutcome<T> =
  { ok: true; token: string; expiresAt: Date; result: T } | ConsoleFailure;

type ConsoleUser = UserRow & { passwordHash: string };

export async function startConsoleSignIn(
  deps: ServiceDeps,
  input: ConsoleClient & { userPrincipalName: string; password: string },
): Promise<{ ok: true; step: ConsoleSignInStep } | ConsoleFailure> {
  return runConsoleStep(deps, input, {
    logStep: 'password',
    locate: async () => {
      const user = await deps.repos.users.findByPrincipalName(input.userPrincipalName);
      const eligible = canUseConsole(user) ? user : null;
      return {
        found: true,
        subject: { user, eligible },
        userId: user?.id ?? null,
        userPrincipalName: input.userPrincipalName,
      };
    },
    secrets: [
      {
        onCorrect: 'refund',
        wrong: { code: 'CREDENTIALS_INCORRECT' },
        check: async ({ user, eligible }) => {
          if (eligible) {
            const right = await deps.hasher.verify(eligible.passwordHash, input.password);
            return right ? { right: true } : { right: false, reason: 'password_incorrect' };
          }
          await deps.hasher.verify(deps.decoyPinHash, input.password);
          return { right: false, reason: user ? notEligibleReason(user) : 'unknown_user' };
        },
      },
    ],
    // Only an eligible user's real password gets here.
    succeed: async ({ eligible }, now) => ({
      outcome: { ok: true, step: await openChallenge(deps, eligible!, input.password, now) },
      logged: null,
    }),
  });
}

function notEligibleReason(user: { accountEnabled: boolean; passwordHash: string | null; role: string }) {
  if (!user.accountEnabled) return 'account_disabled';
  if (user.passwordHash === null) return 'no_password';
  return 'role_not_allowed';
}

/** After a right password: its verifier upgraded if due, and a challenge for the second factor. */
async function openChallenge(
  deps: ServiceDeps,
  user: ConsoleUser,
  password: string,
  now: Date,
): Promise<ConsoleSignInStep> {
  if (deps.hasher.needsRehash(user.passwordHash)) {
    await deps.repos.users.upgradePasswordHash(user.id, user.passwordHash, await deps.hasher.hash(password));
  }
  const next = (await deps.repos.consoleAuth.findTotp(user.id)) ? 'totp' : 'enroll-totp';
  const token = randomToken(32);
  const expiresAt = addSeconds(now, next === 'totp' ? TOTP_CHALLENGE_SECONDS : ENROLMENT_CHALLENGE_SECONDS);
  await deps.repos.consoleAuth.insertChallenge(
    {
      id: newId(),
      tokenHash: sha256(token),
      userId: user.id,
      next,
      pendingSecretSealed: null,
      createdAt: now,
      expiresAt,
    },
    now,
  );
  return { next, challenge: token, expiresDateTime: expiresAt.toISOString() };
}

/** A TOTP or recovery code, which completes a sign-in or re-authentication (`field` names the input). */
export const secondFactorSecret = <S extends { user: Pick<UserRow, 'id'> }>(
  deps: ServiceDeps,
  factor: SecondFactorInput,
  field: 'code' | 'recoveryCode',
): SecretCheck<S> => ({
  onCorrect: 'reset',
  wrong: { code: 'AUTHENTICATION_CODE_INCORRECT', details: { field } },
  check: async ({ user }, now) => {
    const check = await checkSecondFactor(deps, user.id, factor, now);
    return check.ok ? { right: true } : { right: false, reason: check.reason };
  },
});

export const factorFieldOf = (factor: SecondFactorInput) =>
  'recoveryCode' in factor ? ('recoveryCode' as const) : ('code' as const);

export async function completeConsoleSignIn(
  deps: ServiceDeps,
  input: ConsoleClient & { challenge: string; factor: SecondFactorInput },
): Promise<ConsoleSessionOutcome<ConsoleSignInResult>> {
  const field = factorFieldOf(input.factor);
  return runConsoleStep(deps, input, {
    logStep: field,
    locate: (now) => locateChallenge(deps, input.challenge, 'totp', now),
    secrets: [secondFactorSecret<ChallengeSubject>(deps, input.factor, field)],
    useChallenge: useUpChallenge(deps),
    accessOf: ({ user }) => user,
    succeed: async ({ user }, now) => {
      const { token, session } = await createConsoleSession(deps, user, input, now);
      if (field === 'recoveryCode') await auditRecoveryCodeUsed(deps, user, session.id);
      return {
        outcome: { ok: true, token, expiresAt: session.expiresAt, result: { user: consoleUserView(user) } },
        logged: {},
      };
    },
  });
}
