/**
 * Offboarding's writes (features/people/offboarding.ts), each ONE batch — one transaction — so a crash
 * never leaves a turned-off person with a live badge, nor a revoked badge without its audit entry.
 *
 * The batch's first statement inserts the audit entry, and only when the change applies (the person
 * exists, is not offboarded yet and is not the last enabled admin); every later statement runs only
 * if that entry is there (`EXISTS … WHERE id = <its random id>`). So the statements agree with each
 * other even when two offboardings of one person race: the second finds the person offboarded,
 * writes no entry and changes nothing.
 */
import { and, eq, gte, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import {
  apiTokens,
  auditLogs,
  consoleInvitations,
  oidcLogoutDeliveries,
  pinResetRequests,
  qrPinMethods,
  sessions,
  stepUpChallenges,
  users,
} from '../../db/schema.js';
import type { OffboardingSource } from '../../domain/offboarding.js';
import type { NewAuditLog } from '../logs/log-writer-repository.js';
import type { OutboxQuery } from '../webhooks/webhooks-repository.js';

/** The audit entry's row, inserted only `when` the condition holds; its details get the counts `extra` adds. */
function insertAuditWhen(db: Db, entry: NewAuditLog, extra: SQL, when: SQL) {
  return db.run(sql`INSERT INTO ${auditLogs}
      (id, activity_at, actor_type, actor_id, activity, target_type, target_id, details)
    SELECT ${entry.id}, ${entry.activityDateTime.getTime()}, ${entry.actorType}, ${entry.actorId ?? null},
      ${entry.activity}, ${entry.targetType ?? null}, ${entry.targetId ?? null},
      json_set(${JSON.stringify(entry.details ?? {})}, ${extra})
    WHERE ${when}`);
}

/** True when the batch's audit entry was written: the change applies. */
const entryWritten = (entryId: string) =>
  sql`EXISTS (SELECT 1 FROM ${auditLogs} WHERE ${auditLogs.id} = ${entryId})`;

/** No admin left enabled if `userId` is turned off (the same rule as users-repository's guard). */
const keepsAnEnabledAdminWithout = (userId: string) =>
  sql`(NOT EXISTS (SELECT 1 FROM ${users} t WHERE t.id = ${userId} AND t.role = 'admin' AND t.account_enabled = 1)
    OR EXISTS (SELECT 1 FROM ${users} o WHERE o.id <> ${userId} AND o.role = 'admin' AND o.account_enabled = 1))`;

export type OffboardOutcome =
  | { outcome: 'offboarded'; sessionIds: string[] }
  | { outcome: 'already_offboarded' }
  | { outcome: 'not_found' }
  | { outcome: 'last_admin' };

export type ReactivateOutcome = 'reactivated' | 'already_enabled' | 'not_found';

export function createOffboardingRepository(db: Db) {
  const entryExists = async (entryId: string): Promise<boolean> =>
    (await db.query.auditLogs.findFirst({ columns: { id: true }, where: eq(auditLogs.id, entryId) })) !==
    undefined;
  return {
    /**
     * Turns the person off and marks them offboarded, deletes their QR-code + PIN method (the PIN, every
     * code and the lockout state: no badge of theirs can ever work again, whatever happens to the
     * account later), revokes their sessions and API tokens, closes their open forgot-PIN requests,
     * drops their unused step-up challenges and any console invitation link. `entry`'s details get
     * `badgesRevoked` (codes not yet expired), `sessionsEnded` and `apiTokensRevoked`, counted in the
     * same transaction.
     */
    async offboard(
      userId: string,
      source: OffboardingSource,
      entry: NewAuditLog,
      /** Outbox writes (webhook events) committed with it, each conditional on `entry`. */
      alongside: readonly OutboxQuery[] = [],
    ): Promise<OffboardOutcome> {
      const now = entry.activityDateTime;
      const at = now.getTime();
      const applies = and(
        sql`EXISTS (SELECT 1 FROM ${users} WHERE ${users.id} = ${userId} AND ${users.offboardedAt} IS NULL)`,
        keepsAnEnabledAdminWithout(userId),
      )!;
      const counts = sql`'$.badgesRevoked', (SELECT count(*) FROM qr_codes c
          INNER JOIN ${qrPinMethods} m ON m.id = c.method_id
          WHERE m.user_id = ${userId} AND c.expire_at > ${at}),
        '$.sessionsEnded', (SELECT count(*) FROM ${sessions}
          WHERE ${sessions.userId} = ${userId} AND ${sessions.revokedAt} IS NULL AND ${sessions.expiresAt} > ${at}),
        '$.apiTokensRevoked', (SELECT count(*) FROM ${apiTokens}
          WHERE ${apiTokens.userId} = ${userId} AND ${apiTokens.revokedAt} IS NULL
            AND (${apiTokens.expiresAt} IS NULL OR ${apiTokens.expiresAt} > ${at}))`;
      const written = entryWritten(entry.id);
      const [, , , ended] = await db.batch([
        insertAuditWhen(db, entry, counts, applies),
        db
          .update(users)
          .set({ accountEnabled: false, offboardedAt: now, offboardedVia: source, updatedAt: now })
          .where(and(eq(users.id, userId), written)),
        db.delete(qrPinMethods).where(and(eq(qrPinMethods.userId, userId), written)),
        db
          .update(sessions)
          .set({ revokedAt: now })
          .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt), written))
          .returning({ id: sessions.id }),
        db
          .update(apiTokens)
          .set({ revokedAt: now })
          .where(and(eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt), written)),
        db
          .update(pinResetRequests)
          .set({ status: 'cancelled', closedAt: now })
          .where(
            and(
              eq(pinResetRequests.userId, userId),
              inArray(pinResetRequests.status, ['pending', 'approved']),
              written,
            ),
          ),
        db
          .delete(stepUpChallenges)
          .where(and(eq(stepUpChallenges.userId, userId), isNull(stepUpChallenges.usedAt), written)),
        // A console invitation link handed out before: it must not work should they be turned on again.
        db.delete(consoleInvitations).where(and(eq(consoleInvitations.userId, userId), written)),
        ...alongside,
      ]);
      if (await entryExists(entry.id)) {
        return { outcome: 'offboarded', sessionIds: ended.map((row) => row.id) };
      }
      const user = await db.query.users.findFirst({
        columns: { offboardedAt: true },
        where: eq(users.id, userId),
      });
      if (!user) return { outcome: 'not_found' };
      return user.offboardedAt ? { outcome: 'already_offboarded' } : { outcome: 'last_admin' };
    },

    /** Turns a turned-off person on again (no longer offboarded), with its audit entry; nothing else comes back. */
    async reactivate(userId: string, entry: NewAuditLog): Promise<ReactivateOutcome> {
      const now = entry.activityDateTime;
      const written = entryWritten(entry.id);
      await db.batch([
        insertAuditWhen(
          db,
          entry,
          sql`'$.wasOffboarded', json(iif(EXISTS (SELECT 1 FROM ${users}
            WHERE ${users.id} = ${userId} AND ${users.offboardedAt} IS NOT NULL), 'true', 'false'))`,
          sql`EXISTS (SELECT 1 FROM ${users} WHERE ${users.id} = ${userId} AND ${users.accountEnabled} = 0)`,
        ),
        db
          .update(users)
          .set({ accountEnabled: true, offboardedAt: null, offboardedVia: null, updatedAt: now })
          .where(and(eq(users.id, userId), written)),
      ]);
      if (await entryExists(entry.id)) return 'reactivated';
      const user = await db.query.users.findFirst({ columns: { id: true }, where: eq(users.id, userId) });
      return user ? 'already_enabled' : 'not_found';
    },

    /** Adds to an audit entry's details (what became known after its transaction: the apps told). */
    async addToAuditDetails(entryId: string, details: Record<string, number>): Promise<void> {
      await db
        .update(auditLogs)
        .set({ details: sql`json_patch(coalesce(${auditLogs.details}, '{}'), ${JSON.stringify(details)})` })
        .where(eq(auditLogs.id, entryId));
    },

    async auditDetails(entryId: string): Promise<Record<string, unknown> | undefined> {
      const row = await db.query.auditLogs.findFirst({
        columns: { details: true },
        where: eq(auditLogs.id, entryId),
      });
      return (row?.details as Record<string, unknown> | null) ?? undefined;
    },

    /** How many back-channel logouts were queued for this person since `since` (the apps told). */
    async logoutsQueuedSince(userId: string, since: Date): Promise<number> {
      const rows = await db
        .select({ id: oidcLogoutDeliveries.id })
        .from(oidcLogoutDeliveries)
        .where(and(eq(oidcLogoutDeliveries.sub, userId), gte(oidcLogoutDeliveries.createdAt, since)));
      return rows.length;
    },
  };
}

export type OffboardingRepository = ReturnType<typeof createOffboardingRepository>;
