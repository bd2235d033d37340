/**
 * The provider's signing keys (`oidc_signing_keys`): private JWKs sealed by the caller, a key that a
 * newer one replaced kept until `removeAfter`. Inserts never overwrite: several processes starting at
 * once race on the same primary key and all re-read the winner.
 */
import { and, desc, eq, gt, isNull, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { oidcSigningKeys } from '../../db/schema.js';

export type SigningKeyRow = typeof oidcSigningKeys.$inferSelect;

export function createSigningKeyRepository(db: Db) {
  return {
    /** Keys still published at `now` (not past removeAfter), newest first. */
    async listPublished(now: Date): Promise<SigningKeyRow[]> {
      return db
        .select()
        .from(oidcSigningKeys)
        .where(or(isNull(oidcSigningKeys.removeAfter), gt(oidcSigningKeys.removeAfter, now)))
        .orderBy(desc(oidcSigningKeys.createdAt), desc(oidcSigningKeys.kid));
    },
    /** Keys that sign: not superseded. */
    async listCurrent(): Promise<SigningKeyRow[]> {
      return db.select().from(oidcSigningKeys).where(isNull(oidcSigningKeys.supersededAt));
    },
    /**
     * Inserts the key only while no current (not superseded) key of its algorithm exists, in one
     * statement, so of several processes generating their first keys at once exactly one wins per
     * algorithm; true when this row was written.
     */
    async insertUnlessCurrent(row: SigningKeyRow): Promise<boolean> {
      const result = await db.run(sql`
        INSERT INTO oidc_signing_keys (kid, alg, private_jwk_sealed, created_at, superseded_at, remove_after)
        SELECT ${row.kid}, ${row.alg}, ${row.privateJwkSealed}, ${row.createdAt.getTime()}, NULL, NULL
        WHERE NOT EXISTS (
          SELECT 1 FROM oidc_signing_keys WHERE alg = ${row.alg} AND superseded_at IS NULL
        )
        ON CONFLICT DO NOTHING`);
      return result.rowsAffected === 1;
    },
    async insert(row: SigningKeyRow): Promise<void> {
      await db.insert(oidcSigningKeys).values(row);
    },
    /** Marks these keys superseded (they stop signing), still published until removeAfter. */
    async supersede(kids: string[], at: Date, removeAfter: Date): Promise<void> {
      for (const kid of kids) {
        await db
          .update(oidcSigningKeys)
          .set({ supersededAt: at, removeAfter })
          .where(and(eq(oidcSigningKeys.kid, kid), isNull(oidcSigningKeys.supersededAt)));
      }
    },
  };
}
