/**
 * Console sign-in state: pending sign-in challenges, TOTP authenticators, recovery codes and the
 * per-account lockout counters. Every "use once" is one conditional statement, so two requests racing
 * with the same challenge, code or recovery code cannot both win.
 */
import { and, count, eq, gt, inArray, isNotNull, isNull, lt, lte, notInArray, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import {
  consoleChallenges,
  consoleInvitations,
  consoleLockouts,
  recoveryCodes,
  sessions,
  totpCredentials,
  users,
} from '../../db/schema.js';
import type { LockoutCounters } from '../../domain/lockout.js';
import {
  createLockoutCounters,
  type AttemptLimits,
  type DueLock,
} from '../lockout/lockout-counters-repository.js';

export type ConsoleChallengeRow = typeof consoleChallenges.$inferSelect;
export type TotpCredentialRow = typeof totpCredentials.$inferSelect;
export type ConsoleLockoutRow = typeof consoleLockouts.$inferSelect;
export type ConsoleInvitationRow = typeof consoleInvitations.$inferSelect;

export function createConsoleAuthRepository(db: Db) {
  // A row exists only while an account has something counted: its first failure creates it, a reset
  // deletes it.
  const lockoutCounters = createLockoutCounters(db, consoleLockouts, {
    key: 'accountKey',
    createOnFirstClaim: true,
    lastFailedAt: 'lastFailedAt',
  });
  return {
    /** Stores a challenge; the user's earlier pending challenges and every expired one go. */
    async insertChallenge(challenge: ConsoleChallengeRow, now: Date): Promise<void> {
      await db.batch([
        db
          .delete(consoleChallenges)
          .where(or(lte(consoleChallenges.expiresAt, now), eq(consoleChallenges.userId, challenge.userId))),
        db.insert(consoleChallenges).values(challenge),
      ]);
    },
    async findChallenge(tokenHash: string, now: Date): Promise<ConsoleChallengeRow | undefined> {
      return db.query.consoleChallenges.findFirst({
        where: and(eq(consoleChallenges.tokenHash, tokenHash), gt(consoleChallenges.expiresAt, now)),
      });
    },
    async setPendingSecret(challengeId: string, sealed: string): Promise<void> {
      await db
        .update(consoleChallenges)
        .set({ pendingSecretSealed: sealed })
        .where(eq(consoleChallenges.id, challengeId));
    },
    /** Uses the challenge up; true only for the one caller that did. */
    async consumeChallenge(challengeId: string, now: Date): Promise<boolean> {
      const rows = await db
        .delete(consoleChallenges)
        .where(and(eq(consoleChallenges.id, challengeId), gt(consoleChallenges.expiresAt, now)))
        .returning({ id: consoleChallenges.id });
      return rows.length === 1;
    },

    async findTotp(userId: string): Promise<TotpCredentialRow | undefined> {
      return db.query.totpCredentials.findFirst({ where: eq(totpCredentials.userId, userId) });
    },
    /** Records `step` as used, only if it is later than the last one used: a code works once. */
    async useTotpStep(userId: string, step: number): Promise<boolean> {
      const rows = await db
        .update(totpCredentials)
        .set({ lastUsedStep: step })
        .where(
          and(
            eq(totpCredentials.userId, userId),
            or(isNull(totpCredentials.lastUsedStep), lt(totpCredentials.lastUsedStep, step)),
          ),
        )
        .returning({ userId: totpCredentials.userId });
      return rows.length === 1;
    },
    /** The new authenticator and a new set of recovery codes, replacing any earlier ones, all at once. */
    async enrolTotp(
      credential: TotpCredentialRow,
      codeHashes: { id: string; codeHash: string }[],
    ): Promise<void> {
      const { userId, createdAt } = credential;
      await db.batch([
        db.delete(totpCredentials).where(eq(totpCredentials.userId, userId)),
        db.insert(totpCredentials).values(credential),
        db.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId)),
        db.insert(recoveryCodes).values(codeHashes.map((c) => ({ ...c, userId, createdAt }))),
      ]);
    },

    /** Marks the recovery code used; true only when it was an unused code of this user. */
    /** Uses up the unused code stored under one of `codeHashes` (its forms under each server key). */
    async useRecoveryCode(userId: string, codeHashes: string[], now: Date): Promise<boolean> {
      const rows = await db
        .update(recoveryCodes)
        .set({ usedAt: now })
        .where(
          and(
            eq(recoveryCodes.userId, userId),
            inArray(recoveryCodes.codeHash, codeHashes),
            isNull(recoveryCodes.usedAt),
          ),
        )
        .returning({ id: recoveryCodes.id });
      return rows.length === 1;
    },
    async countUnusedRecoveryCodes(userId: string): Promise<number> {
      const [row] = await db
        .select({ n: count() })
        .from(recoveryCodes)
        .where(and(eq(recoveryCodes.userId, userId), isNull(recoveryCodes.usedAt)));
      return row?.n ?? 0;
    },

    /** The accounts' lockout counters (every write one conditional statement: lockout-counters.ts). */
    lockoutCounters,
    findLockout: (accountKey: string): Promise<LockoutCounters | undefined> =>
      lockoutCounters.read(accountKey),
    /** Counts one attempt before it is checked (an account's first failure creates its row). */
    claimAttempt: (accountKey: string, now: Date, limits: AttemptLimits) =>
      lockoutCounters.claim(accountKey, now, limits),
    /** Locks the account once its failures reached the threshold, one lock between racing requests. */
    lockIfDue: (accountKey: string, now: Date, due: DueLock): Promise<boolean> =>
      lockoutCounters.lockIfDue(accountKey, now, due),
    /** Gives one claimed attempt back (a correct password; the second factor is still to come). */
    refundAttempt: (accountKey: string): Promise<void> => lockoutCounters.refund(accountKey),
    /** A full sign-in (or an admin's unlock) forgets the account's failures. */
    resetLockout: (accountKey: string): Promise<void> => lockoutCounters.reset(accountKey),
    /** Stores an invitation; the user's earlier one and every expired one go. */
    async replaceInvitation(invitation: ConsoleInvitationRow, now: Date): Promise<void> {
      await db.batch([
        db
          .delete(consoleInvitations)
          .where(
            or(lte(consoleInvitations.expiresAt, now), eq(consoleInvitations.userId, invitation.userId)),
          ),
        db.insert(consoleInvitations).values(invitation),
      ]);
    },
    async findInvitation(tokenHash: string, now: Date): Promise<ConsoleInvitationRow | undefined> {
      return db.query.consoleInvitations.findFirst({
        where: and(eq(consoleInvitations.tokenHash, tokenHash), gt(consoleInvitations.expiresAt, now)),
      });
    },
    /**
     * Redeems the invitation in one atomic batch: the new password, no authenticator or recovery codes
     * (the next sign-in enrols a new one), no failed-sign-in count, every session of the user ended, the
     * invitation gone. Each statement applies only while the invitation still exists, so of two racing
     * redemptions exactly one changes anything; true for that one.
     */
    async redeemInvitation(
      invitation: ConsoleInvitationRow,
      change: { passwordHash: string; accountKey: string },
      now: Date,
    ): Promise<boolean> {
      const stillOpen = sql`exists (select 1 from ${consoleInvitations} where ${consoleInvitations.id} = ${invitation.id} and ${consoleInvitations.expiresAt} > ${now.getTime()})`;
      const { userId } = invitation;
      const results = await db.batch([
        db
          .update(users)
          .set({ passwordHash: change.passwordHash, updatedAt: now })
          .where(and(eq(users.id, userId), stillOpen)),
        db.delete(totpCredentials).where(and(eq(totpCredentials.userId, userId), stillOpen)),
        db.delete(recoveryCodes).where(and(eq(recoveryCodes.userId, userId), stillOpen)),
        db.delete(consoleChallenges).where(and(eq(consoleChallenges.userId, userId), stillOpen)),
        db.delete(consoleLockouts).where(and(eq(consoleLockouts.accountKey, change.accountKey), stillOpen)),
        db
          .update(sessions)
          .set({ revokedAt: now })
          .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt), stillOpen)),
        db
          .delete(consoleInvitations)
          .where(and(eq(consoleInvitations.id, invitation.id), gt(consoleInvitations.expiresAt, now)))
          .returning({ id: consoleInvitations.id }),
      ]);
      return results[6].length === 1;
    },
    /** The sign-in names of every account with a console password (their lockout rows are kept). */
    async consoleAccountNames(): Promise<string[]> {
      const rows = await db
        .select({ name: users.userPrincipalName })
        .from(users)
        .where(isNotNull(users.passwordHash));
      return rows.map((row) => row.name);
    },
    /**
     * Removes at most `limit` lockout rows whose last failure was at or before `before`, with no lock
     * running at `now`, and whose key is not in `keep` (the keys of real console accounts): typed names
     * that are no account. One bounded statement; the maintenance sweep repeats it.
     */
    async deleteIdleLockouts(before: Date, now: Date, keep: string[], limit: number): Promise<number> {
      const idle = db
        .select({ key: consoleLockouts.accountKey })
        .from(consoleLockouts)
        .where(
          and(
            lte(consoleLockouts.lastFailedAt, before),
            or(isNull(consoleLockouts.lockedUntil), lte(consoleLockouts.lockedUntil, now)),
            keep.length > 0 ? notInArray(consoleLockouts.accountKey, keep) : undefined,
          ),
        )
        .limit(limit);
      const result = await db.delete(consoleLockouts).where(inArray(consoleLockouts.accountKey, idle));
      return result.rowsAffected;
    },
  };
}
