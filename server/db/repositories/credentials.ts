/** API tokens and one-time setup tokens: looked up by hash only. */
import { and, eq, gt, isNull } from 'drizzle-orm';
import type { Db } from '../client.js';
import { apiTokens, setupTokens, users } from '../schema.js';

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
