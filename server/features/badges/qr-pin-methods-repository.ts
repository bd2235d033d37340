/**
 * The QR-code + PIN method, its codes and its lockout counters. Counters change only through single
 * conditional UPDATE statements, so any number of concurrent requests and API processes agree.
 */
import { and, eq, gte, isNull, lt, lte, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { isUniqueViolationOn } from '../../db/errors.js';
import { qrCodes, qrPinMethods } from '../../db/schema.js';

export type MethodRow = typeof qrPinMethods.$inferSelect;
export type QrCodeRow = typeof qrCodes.$inferSelect;
export type NewMethod = typeof qrPinMethods.$inferInsert;
export type NewQrCode = typeof qrCodes.$inferInsert;
export type CodeKind = QrCodeRow['kind'];

/** Another code already has this short code's hash: draw a new short code and try again. */
export type ShortCodeTaken = 'short_code_taken';

const isShortCodeTaken = (error: unknown): boolean => isUniqueViolationOn(error, 'qr_codes.short_code_hash');

export interface ClaimedAttempt {
  failedAttempts: number;
  consecutiveFailures: number;
  lockoutCount: number;
}

export function createQrPinMethodRepository(db: Db) {
  return {
    async findByUserId(userId: string): Promise<MethodRow | undefined> {
      return db.query.qrPinMethods.findFirst({ where: eq(qrPinMethods.userId, userId) });
    },
    /** The method and its first code together, or neither. */
    async insertMethod(method: NewMethod, code: NewQrCode): Promise<'inserted' | ShortCodeTaken> {
      try {
        await db.batch([db.insert(qrPinMethods).values(method), db.insert(qrCodes).values(code)]);
        return 'inserted';
      } catch (error) {
        if (isShortCodeTaken(error)) return 'short_code_taken';
        throw error;
      }
    },
    /** Deletes the user's method and (by cascade) its codes; true when there was one. */
    async deleteForUser(userId: string): Promise<boolean> {
      const rows = await db
        .delete(qrPinMethods)
        .where(eq(qrPinMethods.userId, userId))
        .returning({ id: qrPinMethods.id });
      return rows.length > 0;
    },
    async codesOf(methodId: string): Promise<QrCodeRow[]> {
      return db.select().from(qrCodes).where(eq(qrCodes.methodId, methodId));
    },
    async findCodeWithMethod(codeId: string): Promise<{ code: QrCodeRow; method: MethodRow } | undefined> {
      const [row] = await db
        .select({ code: qrCodes, method: qrPinMethods })
        .from(qrCodes)
        .innerJoin(qrPinMethods, eq(qrCodes.methodId, qrPinMethods.id))
        .where(eq(qrCodes.id, codeId));
      return row;
    },
    /** The code whose short code has this keyed hash, with its method. */
    async findCodeWithMethodByShortCodeHash(
      shortCodeHash: string,
    ): Promise<{ code: QrCodeRow; method: MethodRow } | undefined> {
      const [row] = await db
        .select({ code: qrCodes, method: qrPinMethods })
        .from(qrCodes)
        .innerJoin(qrPinMethods, eq(qrCodes.methodId, qrPinMethods.id))
        .where(eq(qrCodes.shortCodeHash, shortCodeHash));
      return row;
    },
    /**
     * Adds a code of `kind` unless one of that kind is still unexpired at `now`; expired codes of the
     * kind are removed in the same statement batch.
     */
    async addCodeUnlessActive(
      code: NewQrCode & { kind: CodeKind },
      now: Date,
    ): Promise<'added' | 'active_code_exists' | ShortCodeTaken> {
      let inserted;
      try {
        [, inserted] = await db.batch([
          db
            .delete(qrCodes)
            .where(
              and(
                eq(qrCodes.methodId, code.methodId),
                eq(qrCodes.kind, code.kind),
                lte(qrCodes.expireDateTime, now),
              ),
            ),
          db.run(sql`
          insert into ${qrCodes} (id, method_id, kind, secret_hash, short_code_hash, start_at, expire_at, created_at)
          select ${code.id}, ${code.methodId}, ${code.kind}, ${code.secretHash}, ${code.shortCodeHash ?? null},
                 ${code.startDateTime.getTime()}, ${code.expireDateTime.getTime()}, ${code.createdDateTime.getTime()}
          where not exists (
            select 1 from ${qrCodes}
            where ${qrCodes.methodId} = ${code.methodId} and ${qrCodes.kind} = ${code.kind}
              and ${qrCodes.expireDateTime} > ${now.getTime()})`),
        ]);
      } catch (error) {
        if (isShortCodeTaken(error)) return 'short_code_taken';
        throw error;
      }
      return inserted.rowsAffected === 1 ? 'added' : 'active_code_exists';
    },
    async deleteCodes(methodId: string, kind: CodeKind): Promise<number> {
      const rows = await db
        .delete(qrCodes)
        .where(and(eq(qrCodes.methodId, methodId), eq(qrCodes.kind, kind)))
        .returning({ id: qrCodes.id });
      return rows.length;
    },
    /** Sets a new PIN verifier; `clearLockout` also forgets every failure (PIN reset). */
    async updatePin(
      methodId: string,
      change: { pinHash: string; pinLength: number; forceChangePinNextSignIn: boolean; pinUpdatedAt: Date },
      options: { clearLockout: boolean },
    ): Promise<void> {
      const lockout = options.clearLockout
        ? { failedAttempts: 0, consecutiveFailures: 0, lockoutCount: 0, lockedUntil: null }
        : {};
      await db
        .update(qrPinMethods)
        .set({ ...change, ...lockout })
        .where(eq(qrPinMethods.id, methodId));
    },
    /** Swaps the verifier only if it is still the one that was checked (parameter upgrade). */
    async upgradePinHash(methodId: string, oldHash: string, newHash: string): Promise<void> {
      await db
        .update(qrPinMethods)
        .set({ pinHash: newHash })
        .where(and(eq(qrPinMethods.id, methodId), eq(qrPinMethods.pinHash, oldHash)));
    },
    /**
     * Counts one PIN attempt as a failure before it is checked, in one atomic statement, and only while
     * the method is unlocked and below the threshold and the hard limit. Undefined means: locked,
     * do not check the PIN. A correct PIN then calls `resetLockout`.
     */
    async claimAttempt(
      methodId: string,
      now: Date,
      limits: { threshold: number; hardLimit: number },
    ): Promise<ClaimedAttempt | undefined> {
      const [row] = await db
        .update(qrPinMethods)
        .set({
          failedAttempts: sql`${qrPinMethods.failedAttempts} + 1`,
          consecutiveFailures: sql`${qrPinMethods.consecutiveFailures} + 1`,
        })
        .where(
          and(
            eq(qrPinMethods.id, methodId),
            or(isNull(qrPinMethods.lockedUntil), lte(qrPinMethods.lockedUntil, now)),
            lt(qrPinMethods.failedAttempts, limits.threshold),
            lt(qrPinMethods.consecutiveFailures, limits.hardLimit),
          ),
        )
        .returning({
          failedAttempts: qrPinMethods.failedAttempts,
          consecutiveFailures: qrPinMethods.consecutiveFailures,
          lockoutCount: qrPinMethods.lockoutCount,
        });
      return row;
    },
    /**
     * Locks the method until `until` once its failures reached the threshold, unless a lock is running
     * or the lockout count moved on (optimistic: `until` was computed from `lockoutCount`). The
     * request that used the last attempt and any request that raced it write one lock between them.
     */
    async lockIfDue(
      methodId: string,
      now: Date,
      due: { threshold: number; lockoutCount: number; until: Date },
    ): Promise<boolean> {
      const rows = await db
        .update(qrPinMethods)
        .set({ lockedUntil: due.until, failedAttempts: 0, lockoutCount: due.lockoutCount + 1 })
        .where(
          and(
            eq(qrPinMethods.id, methodId),
            gte(qrPinMethods.failedAttempts, due.threshold),
            eq(qrPinMethods.lockoutCount, due.lockoutCount),
            or(isNull(qrPinMethods.lockedUntil), lte(qrPinMethods.lockedUntil, now)),
          ),
        )
        .returning({ id: qrPinMethods.id });
      return rows.length === 1;
    },
    /** After a correct PIN, or an admin's unlock. */
    async resetLockout(methodId: string): Promise<void> {
      await db
        .update(qrPinMethods)
        .set({ failedAttempts: 0, consecutiveFailures: 0, lockoutCount: 0, lockedUntil: null })
        .where(eq(qrPinMethods.id, methodId));
    },
    async markCodeUsed(codeId: string, at: Date): Promise<void> {
      await db.update(qrCodes).set({ lastUsedDateTime: at }).where(eq(qrCodes.id, codeId));
    },
  };
}
