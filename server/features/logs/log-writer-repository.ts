import { eq, inArray, lt, sql } from 'drizzle-orm';
import type { InStatement } from '@libsql/client';
import type { Db } from '../../db/client.js';
import { prepareInsert, prepareWrite, runWrite, runWrites, valueOf } from '../../db/prepared-writes.js';
import { auditLogs, qrCodes, sessions, signInLogs } from '../../db/schema.js';

export type NewAuditLog = typeof auditLogs.$inferInsert;
export type NewSignInLog = typeof signInLogs.$inferInsert;

/** What a successful badge sign-in stores with its log row. */
export interface SignedInWrites {
  session: typeof sessions.$inferInsert;
  /** The badge's code, stamped with its last use. */
  codeUsed: { codeId: string; at: Date };
  /**
   * What the right PIN calls for (the method's counters reset, the client's claimed attempt given
   * back), bound but not run: committed in the same transaction as the rest.
   */
  pinAccepted: InStatement[];
}

export function createLogRepository(db: Db) {
  // Every sign-in attempt writes a log row, every success a session and the code's last use: their
  // statements are built once (db/prepared-writes.ts).
  const insertSignInLog = prepareInsert(db, signInLogs);
  const insertAudit = prepareInsert(db, auditLogs);
  const insertSession = prepareInsert(db, sessions);
  const markCodeUsed = prepareWrite<{ at: Date; codeId: string }>(
    db
      .update(qrCodes)
      .set({ lastUsedDateTime: valueOf(qrCodes.lastUsedDateTime, 'at') })
      .where(eq(qrCodes.id, sql.placeholder('codeId'))),
  );
  return {
    /** An audit entry, with `alongside` (the change's webhook events) in the same transaction. */
    async audit(entry: NewAuditLog, alongside: InStatement[] = []): Promise<void> {
      if (alongside.length === 0) await runWrite(db, insertAudit(entry));
      else await runWrites(db, [insertAudit(entry), ...alongside]);
    },
    async signIn(entry: NewSignInLog): Promise<void> {
      await runWrite(db, insertSignInLog(entry));
    },
    /**
     * A successful sign-in's log row with the PIN's acceptance, the code's last use and the new
     * session: one transaction, so one commit (one fsync with synchronous=FULL) and one place in a
     * shared commit, and all or nothing.
     */
    async signInSucceeded(entry: NewSignInLog, writes: SignedInWrites): Promise<void> {
      await runWrites(db, [
        ...writes.pinAccepted,
        markCodeUsed(writes.codeUsed),
        insertSession(writes.session),
        insertSignInLog(entry),
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
