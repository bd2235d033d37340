/**
 * The QR-code + PIN method, its codes and its lockout counters. Counters change only through single
 * conditional UPDATE statements (lockout-counters.ts), so any number of concurrent requests and API
 * processes agree.
 */
import { and, eq, inArray, lte, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { isUniqueViolationOn } from '../../db/errors.js';
import { qrCodes, qrPinMethods } from '../../db/schema.js';
import { createLockoutCounters } from '../lockout/lockout-counters-repository.js';

export type MethodRow = typeof qrPinMethods.$inferSelect;
export type QrCodeRow = typeof qrCodes.$inferSelect;
export type NewMethod = typeof qrPinMethods.$inferInsert;
export type NewQrCode = typeof qrCodes.$inferInsert;
export type CodeKind = QrCodeRow['kind'];

/** Another code already has this short code's hash: draw a new short code and try again. */
export type ShortCodeTaken = 'short_code_taken';

const isShortCodeTaken = (error: unknown): boolean => isUniqueViolationOn(error, 'qr_codes.short_code_hash');

export function createQrPinMethodRepository(db: Db) {
  // The row is the method itself, so it always exists: claims update it, a reset zeroes it.
  const lockoutCounters = createLockoutCounters(db, qrPinMethods, { key: 'id', createOnFirstClaim: false });
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
    /** The code stored under any of `shortCodeHashes` (the current key's first; platform/short-codes.ts). */
    async findCodeWithMethodByShortCodeHash(
      shortCodeHashes: string[],
    ): Promise<{ code: QrCodeRow; method: MethodRow } | undefined> {
      const [row] = await db
        .select({ code: qrCodes, method: qrPinMethods })
        .from(qrCodes)
        .innerJoin(qrPinMethods, eq(qrCodes.methodId, qrPinMethods.id))
        .where(inArray(qrCodes.shortCodeHash, shortCodeHashes));
      return row;
    },
    /** Re-keys a short code found under the previous server key, unless it changed meanwhile. */
    async rekeyShortCode(codeId: string, from: string, to: string): Promise<void> {
      await db
        .update(qrCodes)
        .set({ shortCodeHash: to })
        .where(and(eq(qrCodes.id, codeId), eq(qrCodes.shortCodeHash, from)));
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
     * The method's lockout counters (lockout-counters.ts): PIN checks claim and lock through them
     * (sign-in/pin-check.ts).
     */
    lockoutCounters,
    /** After a correct PIN, or an admin's unlock. */
    resetLockout: (methodId: string): Promise<void> => lockoutCounters.reset(methodId),
    async markCodeUsed(codeId: string, at: Date): Promise<void> {
      await db.update(qrCodes).set({ lastUsedDateTime: at }).where(eq(qrCodes.id, codeId));
    },
  };
}
