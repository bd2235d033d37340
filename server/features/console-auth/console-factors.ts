/**
 * The pieces console steps are made of: who may use the console, the per-account lockout store, the
 * second-factor check (TOTP code or recovery code, each used once), pending sign-in challenges,
 * recovery codes, console sessions and the sign-in log. The order they run in is console-pipeline.ts.
 */
import type { ErrorCode } from '../../contracts/errors.js';
import { recordAudit } from '../../core/audit.js';
import type { ConsoleSignInResult, SecondFactorInput } from '../../contracts/console-auth.js';
import type { ConsoleChallengeRow } from './console-auth-repository.js';
import type { SessionRow } from '../sessions/sessions-repository.js';
import type { UserRow } from '../people/users-repository.js';
import {
  formatRecoveryCode,
  normaliseRecoveryCode,
  RECOVERY_CODE_COUNT,
} from '../../domain/recovery-code.js';
import { matchTotpStep, normaliseTotpCode } from '../../domain/totp.js';
import { newId, sha256 } from '../../platform/crypto.js';
import type { ServiceDeps } from '../../core/deps.js';
import type { LockoutStore } from '../lockout/check-under-lockout.js';
import { createSession } from '../sessions/sessions.js';

export type ConsoleFailure = { ok: false; code: ErrorCode; details?: Record<string, unknown> };

/** Managers and admins with a password; workers (badge only) never reach the console. */
export const canUseConsole = (user: UserRow | undefined): user is UserRow & { passwordHash: string } =>
  user !== undefined &&
  user.accountEnabled &&
  user.passwordHash !== null &&
  (user.role === 'admin' || user.role === 'manager');

/**
 * The lockout counters of a typed username. A correct password only gives its attempt back
 * (`'refund'`): wrong codes after it keep counting, so knowing the password does not reset the
 * guesses at the code. A full sign-in resets them (`'reset'`).
 */
export function consoleLockoutStore(
  deps: ServiceDeps,
  accountKey: string,
  onCorrect: 'reset' | 'refund',
): LockoutStore {
  const repo = deps.repos.consoleAuth;
  return {
    read: () => repo.findLockout(accountKey),
    claim: (now, limits) => repo.claimAttempt(accountKey, now, limits),
    lockIfDue: (now, due) => repo.lockIfDue(accountKey, now, due),
    onCorrect: () => (onCorrect === 'reset' ? repo.resetLockout(accountKey) : repo.refundAttempt(accountKey)),
  };
}

export type SecondFactorCheck =
  { ok: true; via: 'totp' | 'recoveryCode' } | { ok: false; via: 'totp' | 'recoveryCode'; reason: string };

/** The seed of a stored or pending authenticator; a value that does not open is corrupt data (a bug). */
export function openSeed(deps: ServiceDeps, sealed: string, userId: string): Buffer {
  const seed = deps.consoleSecrets.openTotpSecret(sealed, userId);
  if (!seed) throw new Error(`the TOTP seed of user ${userId} does not open under this server key`);
  return seed;
}

/**
 * Checks and uses up a TOTP code (its time step is recorded, so it and older codes fail from now on)
 * or a recovery code (marked used). Both "use" writes are conditional, so of two requests racing with
 * the same code only one succeeds.
 */
export async function checkSecondFactor(
  deps: ServiceDeps,
  userId: string,
  input: SecondFactorInput,
  now: Date,
): Promise<SecondFactorCheck> {
  const repo = deps.repos.consoleAuth;
  if ('recoveryCode' in input) {
    const canonical = normaliseRecoveryCode(input.recoveryCode);
    if (!canonical) return { ok: false, via: 'recoveryCode', reason: 'malformed_recovery_code' };
    const used = await repo.useRecoveryCode(
      userId,
      deps.consoleSecrets.recoveryCodeHashes(userId, canonical),
      now,
    );
    return used
      ? { ok: true, via: 'recoveryCode' }
      : { ok: false, via: 'recoveryCode', reason: 'recovery_code_incorrect' };
  }
  const credential = await repo.findTotp(userId);
  if (!credential) return { ok: false, via: 'totp', reason: 'no_authenticator' };
  const code = normaliseTotpCode(input.code);
  if (!code) return { ok: false, via: 'totp', reason: 'malformed_code' };
  const seed = openSeed(deps, credential.secretSealed, userId);
  const match = matchTotpStep(
    deps.consoleSecrets.hmacSha1,
    seed,
    code,
    now.getTime(),
    credential.lastUsedStep,
  );
  if (!match.matched) return { ok: false, via: 'totp', reason: `code_${match.reason}` };
  if (!(await repo.useTotpStep(userId, match.step))) {
    return { ok: false, via: 'totp', reason: 'code_already_used' };
  }
  return { ok: true, via: 'totp' };
}

/** Ten new recovery codes: as shown once (`ABCDE-FGHJK`) and as stored (keyed hashes). */
export function newRecoveryCodes(
  deps: ServiceDeps,
  userId: string,
): { shown: string[]; stored: { id: string; codeHash: string }[] } {
  const canonical = new Set<string>();
  while (canonical.size < RECOVERY_CODE_COUNT) canonical.add(deps.consoleSecrets.newRecoveryCode());
  return {
    shown: [...canonical].map(formatRecoveryCode),
    stored: [...canonical].map((code) => ({
      id: newId(),
      codeHash: deps.consoleSecrets.hashRecoveryCode(userId, code),
    })),
  };
}

/** The live challenge named by `token`, at the step `next`, for a user who may still use the console. */
export async function findChallenge(
  deps: ServiceDeps,
  token: string,
  next: ConsoleChallengeRow['next'],
  now: Date,
): Promise<{ challenge: ConsoleChallengeRow; user: UserRow & { passwordHash: string } } | null> {
  const challenge = await deps.repos.consoleAuth.findChallenge(sha256(token), now);
  if (!challenge || challenge.next !== next) return null;
  const user = await deps.repos.users.findById(challenge.userId);
  return canUseConsole(user) ? { challenge, user } : null;
}

export interface ConsoleClient {
  ipAddress: string | null;
  userAgent: string | null;
}

/** One sign-in log row for a console step; `details` never holds what was typed. */
export async function logConsoleSignIn(
  deps: ServiceDeps,
  client: ConsoleClient,
  entry: {
    now: Date;
    userId: string | null;
    failureCode: ErrorCode | null;
    details: Record<string, unknown>;
  },
): Promise<void> {
  await deps.repos.logs.signIn({
    id: newId(),
    createdDateTime: entry.now,
    result: entry.failureCode ? 'failure' : 'success',
    failureCode: entry.failureCode,
    authMethod: 'password',
    userId: entry.userId,
    ipAddress: client.ipAddress,
    userAgent: client.userAgent,
    details: { console: true, ...entry.details },
  });
}

/** A console session: password and second factor were given just now, which starts the re-auth clock. */
export async function createConsoleSession(
  deps: ServiceDeps,
  user: UserRow,
  client: ConsoleClient,
  now: Date,
): Promise<{ token: string; session: SessionRow }> {
  return createSession(deps, {
    userId: user.id,
    kind: 'console',
    authMethod: 'password',
    mustChangePin: false,
    ipAddress: client.ipAddress,
    userAgent: client.userAgent,
    reauthenticatedAt: now,
  });
}

export const consoleUserView = (user: UserRow): ConsoleSignInResult['user'] => ({
  id: user.id,
  displayName: user.displayName,
  role: user.role,
});

/** A recovery code was used up: audited with how many are left, so running low can be noticed. */
export async function auditRecoveryCodeUsed(
  deps: ServiceDeps,
  user: Pick<UserRow, 'id' | 'role'>,
  sessionId: string,
  extra: Record<string, unknown> = {},
): Promise<void> {
  await recordAudit(
    deps,
    { type: 'user', userId: user.id, role: user.role, sessionId },
    'console.recoveryCode.used',
    { type: 'user', id: user.id },
    { remaining: await deps.repos.consoleAuth.countUnusedRecoveryCodes(user.id), ...extra },
  );
}
