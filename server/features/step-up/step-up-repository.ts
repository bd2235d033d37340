/**
 * Co-sign challenges for step-up by a manager (db/schema.ts, `step_up_challenges`). Only the
 * challenge's SHA-256 is stored. A challenge is used in ONE conditional UPDATE (unused and unexpired),
 * so two co-signs racing with the same challenge cannot both make a session, on one API node or many.
 */
import { and, eq, gt, isNotNull, isNull, lt, or } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { stepUpChallenges } from '../../db/schema.js';

export type StepUpChallengeRow = typeof stepUpChallenges.$inferSelect;

export function createStepUpRepository(db: Db) {
  return {
    async insert(row: typeof stepUpChallenges.$inferInsert): Promise<void> {
      await db.insert(stepUpChallenges).values(row);
    },
    async findByTokenHash(tokenHash: string): Promise<StepUpChallengeRow | undefined> {
      return db.query.stepUpChallenges.findFirst({ where: eq(stepUpChallenges.tokenHash, tokenHash) });
    },
    /** Marks the challenge used by this co-sign; false when another request used it first, or it expired. */
    async use(
      id: string,
      now: Date,
      outcome: { sessionId: string; coSignedByUserId: string },
    ): Promise<boolean> {
      const used = await db
        .update(stepUpChallenges)
        .set({ usedAt: now, ...outcome })
        .where(
          and(
            eq(stepUpChallenges.id, id),
            isNull(stepUpChallenges.usedAt),
            gt(stepUpChallenges.expiresAt, now),
          ),
        )
        .returning({ id: stepUpChallenges.id });
      return used.length === 1;
    },
    /** Who co-signed the sign-in that made this session, if a manager did. */
    async coSignerOfSession(sessionId: string): Promise<string | undefined> {
      const row = await db.query.stepUpChallenges.findFirst({
        columns: { coSignedByUserId: true },
        where: and(eq(stepUpChallenges.sessionId, sessionId), isNotNull(stepUpChallenges.usedAt)),
      });
      return row?.coSignedByUserId ?? undefined;
    },
    /**
     * Forgets challenges nobody used that expired before `before`, and used ones older than
     * `usedBefore` (by then the session they made has ended).
     */
    async deleteStale(before: Date, usedBefore: Date): Promise<void> {
      await db
        .delete(stepUpChallenges)
        .where(
          or(
            and(isNull(stepUpChallenges.usedAt), lt(stepUpChallenges.expiresAt, before)),
            lt(stepUpChallenges.usedAt, usedBefore),
          ),
        );
    },
  };
}
