import { and, eq } from 'drizzle-orm';
import type { Db } from '../client.js';
import { qrCodes, qrPinMethods } from '../schema.js';

export type MethodRow = typeof qrPinMethods.$inferSelect;
export type QrCodeRow = typeof qrCodes.$inferSelect;
export type NewMethod = typeof qrPinMethods.$inferInsert;
export type NewQrCode = typeof qrCodes.$inferInsert;

export function createQrPinMethodRepository(db: Db) {
  return {
    async findByUserId(userId: string): Promise<MethodRow | undefined> {
      return db.query.qrPinMethods.findFirst({ where: eq(qrPinMethods.userId, userId) });
    },
    async findById(id: string): Promise<MethodRow | undefined> {
      return db.query.qrPinMethods.findFirst({ where: eq(qrPinMethods.id, id) });
    },
    /** Replaces the user's whole method (PIN and codes) in one atomic batch. */
    async replaceForUser(method: NewMethod, code: NewQrCode): Promise<void> {
      await db.batch([
        db.delete(qrPinMethods).where(eq(qrPinMethods.userId, method.userId)),
        db.insert(qrPinMethods).values(method),
        db.insert(qrCodes).values(code),
      ]);
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
    async markCodeUsed(codeId: string, at: Date): Promise<void> {
      await db.update(qrCodes).set({ lastUsedDateTime: at }).where(eq(qrCodes.id, codeId));
    },
    async updatePin(
      methodId: string,
      change: { pinHash: string; pinLength?: number; forceChangePinNextSignIn: boolean; pinUpdatedAt?: Date },
    ): Promise<void> {
      await db.update(qrPinMethods).set(change).where(eq(qrPinMethods.id, methodId));
    },
    /** Swaps the verifier only if it is still the one that was checked (parameter upgrade). */
    async upgradePinHash(methodId: string, oldHash: string, newHash: string): Promise<void> {
      await db
        .update(qrPinMethods)
        .set({ pinHash: newHash })
        .where(and(eq(qrPinMethods.id, methodId), eq(qrPinMethods.pinHash, oldHash)));
    },
  };
}
