/**
 * Fixed-window failure budgets per client (network address or device), shared by every API process.
 * An attempt is claimed before its PIN is checked; a success gives the claim back.
 */
import { and, eq, inArray, isNull, lt, lte, or, sql } from 'drizzle-orm';
import type { ResultSet } from '@libsql/client';
import type { Db } from '../../db/client.js';
import { prepareWrite, runWrite, runWrites, valueOf, type BoundStatement } from '../../db/prepared-writes.js';
import { throttles } from '../../db/schema.js';

/**
 * A refused claim names its window (`windowId`: the key and when the window started), so every
 * refusal in one window can be counted on one sign-in log row instead of one row each.
 */
export type ThrottleClaim = { ok: true } | { ok: false; retryAfterSeconds: number; windowId: string };

/**
 * A write bound to its values but not run, and what running one gave (db/prepared-writes.ts): for the
 * services that hand them from one repository to another (lockout/client-budget.ts).
 */
export type { BoundStatement, ResultSet as WriteResult };

/** A budget: at most `threshold` failures per window of `windowSeconds`. */
export type ThrottleLimits = { threshold: number; windowSeconds: number };

export function createThrottleRepository(db: Db) {
  // The claim and the refund run at every sign-in attempt: built once (db/prepared-writes.ts).
  // One statement: start a fresh window if the old one is over (it started at or before
  // `windowStartFloor`), else count one more failure, but only while the window's count is below the
  // threshold.
  const windowOver = sql`${throttles.windowStartedAt} <= ${valueOf(throttles.windowStartedAt, 'windowStartFloor')}`;
  const claimStatement = prepareWrite<{
    key: string;
    now: Date;
    windowStartFloor: Date;
    threshold: number;
  }>(
    db
      .insert(throttles)
      .values({ key: sql.placeholder('key'), failures: 1, windowStartedAt: sql.placeholder('now') })
      .onConflictDoUpdate({
        target: throttles.key,
        set: {
          failures: sql`case when ${windowOver} then 1 else ${throttles.failures} + 1 end`,
          windowStartedAt: sql`case when ${windowOver} then ${valueOf(throttles.windowStartedAt, 'now')} else ${throttles.windowStartedAt} end`,
        },
        setWhere: sql`${windowOver} or ${throttles.failures} < ${sql.placeholder('threshold')}`,
      }),
  );
  const refundStatement = prepareWrite<{ key: string }>(
    db
      .update(throttles)
      .set({ failures: sql`max(${throttles.failures} - 1, 0)` })
      .where(eq(throttles.key, sql.placeholder('key'))),
  );
  const bindClaim = (key: string, now: Date, limits: ThrottleLimits): BoundStatement =>
    claimStatement({
      key,
      now,
      windowStartFloor: new Date(now.getTime() - limits.windowSeconds * 1000),
      threshold: limits.threshold,
    });
  /** What the claim statement's result says: through, or refused with its window. */
  const claimOutcome = async (
    key: string,
    now: Date,
    limits: ThrottleLimits,
    result: ResultSet,
  ): Promise<ThrottleClaim> => {
    if (result.rowsAffected === 1) return { ok: true };
    const nowMs = now.getTime();
    const row = await db.query.throttles.findFirst({ where: eq(throttles.key, key) });
    const windowStarted = row?.windowStartedAt.getTime() ?? nowMs;
    const windowEnds = windowStarted + limits.windowSeconds * 1000;
    return {
      ok: false,
      retryAfterSeconds: Math.max(1, Math.ceil((windowEnds - nowMs) / 1000)),
      windowId: `${key}@${windowStarted}`,
    };
  };
  return {
    async claim(key: string, now: Date, limits: ThrottleLimits): Promise<ThrottleClaim> {
      return claimOutcome(key, now, limits, await runWrite(db, bindClaim(key, now, limits)));
    },
    /**
     * Claims on `key`'s budget and runs a write that goes with the claim in the same batch (one
     * commit): `next.afterClaim`, which must count nothing when the claim changed no row (see
     * client-budget.ts, `WithClaim`). With no budget to claim (`key` null), `next.alone` runs by itself.
     */
    async claimWith(
      key: string | null,
      now: Date,
      limits: ThrottleLimits,
      next: { afterClaim: BoundStatement; alone: BoundStatement },
    ): Promise<{ claim: ThrottleClaim; next: ResultSet }> {
      if (key === null) return { claim: { ok: true }, next: await runWrite(db, next.alone) };
      const [claimed, after] = await runWrites(db, [bindClaim(key, now, limits), next.afterClaim]);
      return { claim: await claimOutcome(key, now, limits, claimed!), next: after! };
    },
    async refund(key: string): Promise<void> {
      await runWrite(db, refundStatement({ key }));
    },
    /** `refund`'s statement, bound but not run: for a caller that commits it with writes of its own. */
    refundStatement: (key: string): BoundStatement => refundStatement({ key }),
    /**
     * Removes at most `limit` rows whose window started at or before `before` and that block nothing
     * now: a row past its window counts as a fresh window anyway, so forgetting it changes no answer.
     * One bounded statement; the maintenance sweep repeats it until fewer than `limit` go.
     */
    async deleteStale(before: Date, now: Date, limit: number): Promise<number> {
      const stale = db
        .select({ key: throttles.key })
        .from(throttles)
        .where(
          and(
            lte(throttles.windowStartedAt, before),
            or(isNull(throttles.blockedUntil), lt(throttles.blockedUntil, now)),
          ),
        )
        .limit(limit);
      const result = await db.delete(throttles).where(inArray(throttles.key, stale));
      return result.rowsAffected;
    },
  };
}
