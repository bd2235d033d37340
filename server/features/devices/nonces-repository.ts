/**
 * Single-use server nonces for device enrolment and proofs. Only the nonce's SHA-256 is stored. A
 * nonce is used in ONE conditional UPDATE (unused and unexpired), so two requests racing with the
 * same nonce cannot both win, on one API node or many; only a loser reads the row, to tell an unknown
 * nonce from an expired or a replayed one.
 */
import { and, eq, gt, isNull, lt } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { nonces } from '../../db/schema.js';

export type NonceUse = 'ok' | 'unknown' | 'expired' | 'replayed';

export function createNonceRepository(db: Db) {
  return {
    async insert(nonce: { nonceHash: string; purpose: string; expiresAt: Date }): Promise<void> {
      await db.insert(nonces).values({ ...nonce, usedAt: null });
    },
    async use(nonceHash: string, purpose: string, now: Date): Promise<NonceUse> {
      const used = await db
        .update(nonces)
        .set({ usedAt: now })
        .where(
          and(
            eq(nonces.nonceHash, nonceHash),
            eq(nonces.purpose, purpose),
            isNull(nonces.usedAt),
            gt(nonces.expiresAt, now),
          ),
        )
        .returning({ nonceHash: nonces.nonceHash });
      if (used.length === 1) return 'ok';
      const row = await db.query.nonces.findFirst({ where: eq(nonces.nonceHash, nonceHash) });
      if (!row || row.purpose !== purpose) return 'unknown';
      if (row.usedAt !== null) return 'replayed';
      return 'expired';
    },
    /** Forgets nonces that expired before `before` (afterwards they read as unknown). */
    async deleteExpiredBefore(before: Date): Promise<void> {
      await db.delete(nonces).where(lt(nonces.expiresAt, before));
    },
  };
}
