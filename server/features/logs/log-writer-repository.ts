import { eq, inArray, lt, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { auditLogs, qrCodes, sessions, signInLogs } from '../../db/schema.js';

export type NewAuditLog = typeof auditLogs.$inferInsert;
export type NewSignInLog = typeof signInLogs.$inferInsert;

/** What a successful badge sign-in stores with its log row. */
export interface SignedInWrites {
  session: typeof sessions.$inferInsert;
  /** The badge's code, stamped with its last use. */
  codeUsed: { codeId: string; at: Date };
}

export function createLogRepository(db: Db) {
  return {
    async audit(entry: NewAuditLog): Promise<void> {
      await db.insert(auditLogs).values(entry);
    },
    async signIn(entry: NewSignInLog): Promise<void> {
      await db.insert(signInLogs).values(entry);
    },
    /**
     * A successful sign-in's log row with the code's last use and the new session: one transaction,
     * so one commit (one fsync with synchronous=FULL) instead of three, and all or nothing.
     */
    async signInSucceeded(entry: NewSignInLog, writes: SignedInWrites): Promise<void> {
      await db.batch([
        db
          .update(qrCodes)
          .set({ lastUsedDateTime: writes.codeUsed.at })
          .where(eq(qrCodes.id, writes.codeUsed.codeId)),
        db.insert(sessions).values(writes.session),
        db.insert(signInLogs).values(entry),
      ]);
    },
    /**
     * One refused attempt counted on the row `entry.id` names: the first refusal writes `entry` with
     * `details.refusedAttempts` 1, each later one adds one and notes when (`details.lastAttemptAt`).
     * One statement, so concurrent refusals neither lose a count nor write a second row.
     */
    async countRefusedSignIn(entry: NewSignInLog & { id: string }, at: Date): Promise<void> {
      const details = { ...(entry.details as Record<string, unknown>), refusedAttempts: 1 };
      await db
        .insert(signInLogs)
        .values({ ...entry, details })
        .onConflictDoUpdate({
          target: signInLogs.id,
          set: {
            details: sql`json_set(${signInLogs.details},
              '$.refusedAttempts', coalesce(json_extract(${signInLogs.details}, '$.refusedAttempts'), 1) + 1,
              '$.lastAttemptAt', ${at.toISOString()})`,
          },
        });
    },
    /** Removes at most `limit` sign-in log rows written before `before` (retention); how many went. */
    async deleteSignInLogsBefore(before: Date, limit: number): Promise<number> {
      const old = db
        .select({ id: signInLogs.id })
        .from(signInLogs)
        .where(lt(signInLogs.createdDateTime, before))
        .limit(limit);
      return (await db.delete(signInLogs).where(inArray(signInLogs.id, old))).rowsAffected;
    },
    /** Removes at most `limit` audit log entries recorded before `before` (retention); how many went. */
    async deleteAuditLogsBefore(before: Date, limit: number): Promise<number> {
      const old = db
        .select({ id: auditLogs.id })
        .from(auditLogs)
        .where(lt(auditLogs.activityDateTime, before))
        .limit(limit);
      return (await db.delete(auditLogs).where(inArray(auditLogs.id, old))).rowsAffected;
    },
  };
}
