/** API tokens and one-time setup tokens: looked up by hash only. */
import { and, desc, eq, gt, isNull } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { apiTokens, setupTokens, users } from '../../db/schema.js';

export type NewApiToken = typeof apiTokens.$inferInsert;

export function createCredentialRepository(db: Db) {
  return {
    async insertApiToken(token: NewApiToken): Promise<void> {
      await db.insert(apiTokens).values(token);
    },
    async findApiTokenByHash(tokenHash: string) {
      const [row] = await db
        .select({ token: apiTokens, user: users })
        .from(apiTokens)
        .innerJoin(users, eq(apiTokens.userId, users.id))
        .where(eq(apiTokens.tokenHash, tokenHash));
      return row;
    },
    /** Every token with its owner's name, newest first; never the hash. */
    async listApiTokens() {
      return db
        .select({
          id: apiTokens.id,
          displayName: apiTokens.displayName,
          createdAt: apiTokens.createdAt,
          expiresAt: apiTokens.expiresAt,
          scopes: apiTokens.scopes,
          lastUsedAt: apiTokens.lastUsedAt,
          revokedAt: apiTokens.revokedAt,
          ownerId: users.id,
          ownerDisplayName: users.displayName,
        })
        .from(apiTokens)
        .innerJoin(users, eq(apiTokens.userId, users.id))
        .orderBy(desc(apiTokens.createdAt), apiTokens.id);
    },
    /** Marks a token revoked (once); true when the id names a token, revoked now or before. */
    async revokeApiToken(id: string, at: Date): Promise<{ found: boolean; revokedNow: boolean }> {
      const rows = await db
        .update(apiTokens)
        .set({ revokedAt: at })
        .where(and(eq(apiTokens.id, id), isNull(apiTokens.revokedAt)))
        .returning({ id: apiTokens.id });
      if (rows.length === 1) return { found: true, revokedNow: true };
      const existing = await db.query.apiTokens.findFirst({
        where: eq(apiTokens.id, id),
        columns: { id: true },
      });
      return { found: existing !== undefined, revokedNow: false };
    },
    async markApiTokenUsed(id: string, at: Date): Promise<void> {
      await db.update(apiTokens).set({ lastUsedAt: at }).where(eq(apiTokens.id, id));
    },
    async replaceSetupToken(token: typeof setupTokens.$inferInsert): Promise<void> {
      await db.batch([
        db.delete(setupTokens).where(isNull(setupTokens.usedAt)),
        db.insert(setupTokens).values(token),
      ]);
    },
    async isSetupTokenUsable(tokenHash: string, at: Date): Promise<boolean> {
      const row = await db.query.setupTokens.findFirst({
        where: and(
          eq(setupTokens.tokenHash, tokenHash),
          isNull(setupTokens.usedAt),
          gt(setupTokens.expiresAt, at),
        ),
      });
      return row !== undefined;
    },
    /** A setup token's state by its hash (read-only: the setup page's check before its form). */
    async findSetupToken(tokenHash: string): Promise<{ expiresAt: Date; usedAt: Date | null } | undefined> {
      return db.query.setupTokens.findFirst({
        where: eq(setupTokens.tokenHash, tokenHash),
        columns: { expiresAt: true, usedAt: true },
      });
    },
    /** Marks an unused, unexpired setup token used; true only for the one caller that won. */
    async consumeSetupToken(tokenHash: string, at: Date): Promise<boolean> {
      const rows = await db
        .update(setupTokens)
        .set({ usedAt: at })
        .where(
          and(
            eq(setupTokens.tokenHash, tokenHash),
            isNull(setupTokens.usedAt),
            gt(setupTokens.expiresAt, at),
          ),
        )
        .returning({ id: setupTokens.id });
      return rows.length === 1;
    },
  };
}
