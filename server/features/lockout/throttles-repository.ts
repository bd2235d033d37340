/**
 * Fixed-window failure budgets per client (network address or device), shared by every API process.
 * An attempt is claimed before its PIN is checked; a success gives the claim back.
 */
import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { throttles } from '../../db/schema.js';

export type ThrottleClaim = { ok: true } | { ok: false; retryAfterSeconds: number };

export function createThrottleRepository(db: Db) {
  return {
    async claim(
      key: string,
      now: Date,
      limits: { threshold: number; windowSeconds: number },
    ): Promise<ThrottleClaim> {
      const nowMs = now.getTime();
      const windowStartFloor = nowMs - limits.windowSeconds * 1000;
      // One statement: start a fresh window if the old one is over, else count one more failure,
      // but only while the window's count is below the threshold.
      const result = await db.run(sql`
        insert into ${throttles} (key, failures, window_started_at) values (${key}, 1, ${nowMs})
        on conflict (key) do update set
          failures = case when window_started_at <= ${windowStartFloor} then 1 else failures + 1 end,
          window_started_at = case when window_started_at <= ${windowStartFloor} then ${nowMs} else window_started_at end
        where window_started_at <= ${windowStartFloor} or failures < ${limits.threshold}`);
      if (result.rowsAffected === 1) return { ok: true };
      const row = await db.query.throttles.findFirst({ where: eq(throttles.key, key) });
      const windowEnds = (row?.windowStartedAt.getTime() ?? nowMs) + limits.windowSeconds * 1000;
      return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((windowEnds - nowMs) / 1000)) };
    },
    async refund(key: string): Promise<void> {
      await db
        .update(throttles)
        .set({ failures: sql`max(${throttles.failures} - 1, 0)` })
        .where(eq(throttles.key, key));
    },
  };
}
