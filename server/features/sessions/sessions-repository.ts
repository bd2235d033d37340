import { and, desc, eq, gt, isNull, ne, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { sessions, users } from '../../db/schema.js';

export type SessionRow = typeof sessions.$inferSelect;
export type NewSession = typeof sessions.$inferInsert;

export function createSessionRepository(db: Db) {
  // Every API request with a cookie runs this read (every kiosk's 30-second check among them), so its
  // SQL is built once: building a two-table select was a quarter of the session check's CPU time
  // (docs/benchmarks.md, "Session check").
  const byTokenHash = db
    .select({ session: sessions, user: users })
    .from(sessions)
    .innerJoin(users, eq(sessions.userId, users.id))
    .where(eq(sessions.tokenHash, sql.placeholder('tokenHash')))
    .prepare();
  return {
    async insert(session: NewSession): Promise<void> {
      await db.insert(sessions).values(session);
    },
    async findByTokenHash(tokenHash: string) {
      const [row] = await byTokenHash.all({ tokenHash });
      return row;
    },
    async findById(id: string) {
      const [row] = await db
        .select({ session: sessions, user: users })
        .from(sessions)
        .innerJoin(users, eq(sessions.userId, users.id))
        .where(eq(sessions.id, id));
      return row;
    },
    async touch(id: string, at: Date): Promise<void> {
      await db.update(sessions).set({ lastSeenAt: at }).where(eq(sessions.id, id));
    },
    async clearMustChangePin(id: string): Promise<void> {
      await db.update(sessions).set({ mustChangePin: false }).where(eq(sessions.id, id));
    },
    async markReauthenticated(id: string, at: Date): Promise<void> {
      await db.update(sessions).set({ reauthenticatedAt: at }).where(eq(sessions.id, id));
    },
    async revoke(id: string, at: Date): Promise<void> {
      await db
        .update(sessions)
        .set({ revokedAt: at })
        .where(and(eq(sessions.id, id), isNull(sessions.revokedAt)));
    },
    /** The user's sessions neither revoked nor past their fixed expiry, newest first (the caller applies timeouts). */
    async listOpenForUser(userId: string, now: Date): Promise<SessionRow[]> {
      return db
        .select()
        .from(sessions)
        .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt), gt(sessions.expiresAt, now)))
        .orderBy(desc(sessions.createdAt))
        .limit(200);
    },
    /** Ends the user's open sessions; the ids of those it ended. */
    async revokeAllForUser(userId: string, at: Date, options: { except?: string } = {}): Promise<string[]> {
      const rows = await db
        .update(sessions)
        .set({ revokedAt: at })
        .where(
          and(
            eq(sessions.userId, userId),
            isNull(sessions.revokedAt),
            options.except ? ne(sessions.id, options.except) : undefined,
          ),
        )
        .returning({ id: sessions.id });
      return rows.map((row) => row.id);
    },
    /** Ends the open sessions signed in on a kiosk device; the ids of those it ended. */
    async revokeAllForDevice(
      deviceId: string,
      at: Date,
      options: { except?: string } = {},
    ): Promise<string[]> {
      const rows = await db
        .update(sessions)
        .set({ revokedAt: at })
        .where(
          and(
            eq(sessions.deviceId, deviceId),
            isNull(sessions.revokedAt),
            options.except ? ne(sessions.id, options.except) : undefined,
          ),
        )
        .returning({ id: sessions.id });
      return rows.map((row) => row.id);
    },
    /** Ids of the user's sessions not yet revoked (before the user and their sessions are deleted). */
    async unrevokedIdsOfUser(userId: string): Promise<string[]> {
      const rows = await db
        .select({ id: sessions.id })
        .from(sessions)
        .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt)));
      return rows.map((row) => row.id);
    },
  };
}
