/**
 * The back-channel logout outbox (`oidc_logout_deliveries`) and the provider-session links it is fed
 * from. Enqueuing is idempotent per (app, sid); a delivery is claimed with one conditional UPDATE, so
 * of several processes running the deliverer exactly one sends a given row at a given time.
 */
import { and, desc, eq, inArray, isNull, lt, lte, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { oidcLogoutDeliveries, oidcSessionLinks, sessions, users } from '../../db/schema.js';

export type LogoutDeliveryRow = typeof oidcLogoutDeliveries.$inferSelect;

export function createLogoutDeliveriesRepository(db: Db) {
  return {
    /** One delivery per (app, sid); enqueuing the same twice keeps the first. */
    async enqueue(row: {
      id: string;
      appId: string;
      sid: string;
      sub: string;
      createdAt: Date;
    }): Promise<void> {
      await db
        .insert(oidcLogoutDeliveries)
        .values({ ...row, attempts: 0, nextAttemptAt: row.createdAt })
        .onConflictDoNothing();
    },

    /** Deliveries due at `now`, oldest due first. */
    async due(now: Date, limit: number): Promise<LogoutDeliveryRow[]> {
      return db
        .select()
        .from(oidcLogoutDeliveries)
        .where(and(isNull(oidcLogoutDeliveries.deliveredAt), lte(oidcLogoutDeliveries.nextAttemptAt, now)))
        .orderBy(oidcLogoutDeliveries.nextAttemptAt)
        .limit(limit);
    },

    /**
     * Takes a due delivery for one attempt: counts the attempt and moves its next attempt to `leaseUntil`
     * (a retry if this process dies mid-send). Only while the row is as read; true for the one claimer.
     */
    async claim(row: LogoutDeliveryRow, now: Date, leaseUntil: Date): Promise<boolean> {
      const claimed = await db
        .update(oidcLogoutDeliveries)
        .set({ attempts: row.attempts + 1, lastAttemptAt: now, nextAttemptAt: leaseUntil })
        .where(
          and(
            eq(oidcLogoutDeliveries.id, row.id),
            eq(oidcLogoutDeliveries.attempts, row.attempts),
            isNull(oidcLogoutDeliveries.deliveredAt),
            lte(oidcLogoutDeliveries.nextAttemptAt, now),
          ),
        )
        .returning({ id: oidcLogoutDeliveries.id });
      return claimed.length === 1;
    },

    /** The outcome of the attempt just claimed: delivered, or the next attempt (null: no more). */
    async record(
      id: string,
      outcome: { answer: string; deliveredAt: Date | null; nextAttemptAt: Date | null },
    ): Promise<void> {
      await db
        .update(oidcLogoutDeliveries)
        .set({
          lastAnswer: outcome.answer,
          deliveredAt: outcome.deliveredAt,
          nextAttemptAt: outcome.nextAttemptAt,
        })
        .where(eq(oidcLogoutDeliveries.id, id));
    },

    /**
     * Removes at most `limit` finished deliveries, delivered or given up (no next attempt), whose last
     * event (delivery, else the last attempt) was at or before `before`; answers how many. One bounded
     * statement: the deliverer's sweep repeats it until fewer than `limit` go.
     */
    async deleteFinishedBefore(before: Date, limit: number): Promise<number> {
      const finished = db
        .select({ id: oidcLogoutDeliveries.id })
        .from(oidcLogoutDeliveries)
        .where(
          and(
            isNull(oidcLogoutDeliveries.nextAttemptAt),
            lte(
              sql`coalesce(${oidcLogoutDeliveries.deliveredAt}, ${oidcLogoutDeliveries.lastAttemptAt}, ${oidcLogoutDeliveries.createdAt})`,
              before.getTime(),
            ),
          ),
        )
        .limit(limit);
      const result = await db.delete(oidcLogoutDeliveries).where(inArray(oidcLogoutDeliveries.id, finished));
      return result.rowsAffected;
    },

    /** An app's deliveries, newest first, with the user's name when the user still exists. */
    async listForApp(appId: string, limit: number, after?: { createdAt: number; id: string }) {
      return db
        .select({ delivery: oidcLogoutDeliveries, userName: users.displayName })
        .from(oidcLogoutDeliveries)
        .leftJoin(users, eq(users.id, oidcLogoutDeliveries.sub))
        .where(
          and(
            eq(oidcLogoutDeliveries.appId, appId),
            after
              ? or(
                  lt(oidcLogoutDeliveries.createdAt, new Date(after.createdAt)),
                  and(
                    eq(oidcLogoutDeliveries.createdAt, new Date(after.createdAt)),
                    lt(oidcLogoutDeliveries.id, after.id),
                  ),
                )
              : undefined,
          ),
        )
        .orderBy(desc(oidcLogoutDeliveries.createdAt), desc(oidcLogoutDeliveries.id))
        .limit(limit);
    },

    /** The provider sessions signed in through these kiosk sessions. */
    async linksOfKioskSessions(kioskSessionIds: readonly string[]) {
      if (kioskSessionIds.length === 0) return [];
      return db
        .select()
        .from(oidcSessionLinks)
        .where(sql`${oidcSessionLinks.kioskSessionId} in ${[...kioskSessionIds]}`);
    },

    async linkOfProviderSession(providerSessionUid: string) {
      const [row] = await db
        .select()
        .from(oidcSessionLinks)
        .where(eq(oidcSessionLinks.providerSessionUid, providerSessionUid));
      return row;
    },

    async unlink(providerSessionUid: string): Promise<void> {
      await db.delete(oidcSessionLinks).where(eq(oidcSessionLinks.providerSessionUid, providerSessionUid));
    },

    /**
     * Kiosk sessions with provider sessions linked that have ended or may have (revoked, past their
     * fixed expiry, or idle since `idleSince`): the sweep checks each with the sessions service's rule.
     */
    async possiblyEndedLinkedSessions(now: Date, idleSince: Date, limit: number): Promise<string[]> {
      const rows = await db
        .selectDistinct({ id: oidcSessionLinks.kioskSessionId })
        .from(oidcSessionLinks)
        .innerJoin(sessions, eq(sessions.id, oidcSessionLinks.kioskSessionId))
        .innerJoin(users, eq(users.id, sessions.userId))
        .where(
          or(
            sql`${sessions.revokedAt} is not null`,
            lte(sessions.expiresAt, now),
            lte(sessions.lastSeenAt, idleSince),
            eq(users.accountEnabled, false),
          ),
        )
        .limit(limit);
      return rows.map((row) => row.id);
    },
  };
}

export type LogoutDeliveriesRepository = ReturnType<typeof createLogoutDeliveriesRepository>;
