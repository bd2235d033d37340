/**
 * Forgotten-PIN reset requests (db/schema.ts, `pin_reset_requests`). Each change of status is ONE
 * conditional UPDATE from the status it expects, so two approvals racing (phone and console, or a
 * replayed request) cannot both win, on one API node or many.
 */
import { and, desc, eq, gte, inArray, lt } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { pinResetRequests } from '../../db/schema.js';
import type { PinResetStatus } from '../../domain/pin-reset.js';

export type PinResetRow = typeof pinResetRequests.$inferSelect;

export function createPinResetRepository(db: Db) {
  return {
    async insert(row: PinResetRow): Promise<void> {
      await db.insert(pinResetRequests).values(row);
    },
    async findById(id: string): Promise<PinResetRow | undefined> {
      return db.query.pinResetRequests.findFirst({ where: eq(pinResetRequests.id, id) });
    },
    /** When each request for this badge was opened, since `since` (the hourly limit per badge). */
    async openedForCodeSince(codeId: string, since: Date): Promise<Date[]> {
      const rows = await db
        .select({ at: pinResetRequests.createdAt })
        .from(pinResetRequests)
        .where(and(eq(pinResetRequests.codeId, codeId), gte(pinResetRequests.createdAt, since)));
      return rows.map((row) => row.at);
    },
    /** When this manager approved a request, since `since` (the hourly limit per manager). */
    async approvedBySince(userId: string, since: Date): Promise<Date[]> {
      const rows = await db
        .select({ at: pinResetRequests.approvedAt })
        .from(pinResetRequests)
        .where(and(eq(pinResetRequests.approvedByUserId, userId), gte(pinResetRequests.approvedAt, since)));
      return rows.flatMap((row) => (row.at ? [row.at] : []));
    },
    /** A person's requests opened since `since`, newest first. */
    async forUserSince(userId: string, since: Date): Promise<PinResetRow[]> {
      return db
        .select()
        .from(pinResetRequests)
        .where(and(eq(pinResetRequests.userId, userId), gte(pinResetRequests.createdAt, since)))
        .orderBy(desc(pinResetRequests.createdAt));
    },
    /** pending → approved, if still pending and opened after `openedAfter`; false when it lost. */
    async approve(
      id: string,
      approval: { approvedByUserId: string; approvedAt: Date; approvedVia: 'kiosk' | 'console' },
      openedAfter: Date,
    ): Promise<boolean> {
      const rows = await db
        .update(pinResetRequests)
        .set({ ...approval, status: 'approved' })
        .where(
          and(
            eq(pinResetRequests.id, id),
            eq(pinResetRequests.status, 'pending'),
            gte(pinResetRequests.createdAt, openedAfter),
          ),
        )
        .returning({ id: pinResetRequests.id });
      return rows.length === 1;
    },
    /** `from` → `to` (declined, cancelled, completed), closing the request; false when it lost. */
    async close(id: string, from: readonly PinResetStatus[], to: PinResetStatus, at: Date): Promise<boolean> {
      const rows = await db
        .update(pinResetRequests)
        .set({ status: to, closedAt: at })
        .where(and(eq(pinResetRequests.id, id), inArray(pinResetRequests.status, [...from])))
        .returning({ id: pinResetRequests.id });
      return rows.length === 1;
    },
    /** Forgets up to `limit` requests opened before `before` (the retention sweep). */
    async deleteOpenedBefore(before: Date, limit: number): Promise<number> {
      const stale = db
        .select({ id: pinResetRequests.id })
        .from(pinResetRequests)
        .where(lt(pinResetRequests.createdAt, before))
        .limit(limit);
      const rows = await db
        .delete(pinResetRequests)
        .where(inArray(pinResetRequests.id, stale))
        .returning({ id: pinResetRequests.id });
      return rows.length;
    },
  };
}
