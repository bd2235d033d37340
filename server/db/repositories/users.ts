import { and, count, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import type { Db } from '../client.js';
import { isUniqueViolation } from '../errors.js';
import { groupMembers, groups, users } from '../schema.js';

export type UserRow = typeof users.$inferSelect;
export type NewUser = typeof users.$inferInsert;

export function createUserRepository(db: Db) {
  return {
    /** The new user, or null when the userPrincipalName is taken (also when another request won a race). */
    async insert(user: NewUser, groupIds: string[] = []): Promise<UserRow | null> {
      const insertUser = db.insert(users).values(user).returning();
      try {
        if (groupIds.length === 0) return (await insertUser)[0]!;
        const [rows] = await db.batch([
          insertUser,
          db.insert(groupMembers).values(groupIds.map((groupId) => ({ groupId, userId: user.id }))),
        ]);
        return rows[0]!;
      } catch (error) {
        if (isUniqueViolation(error)) return null;
        throw error;
      }
    },
    async findById(id: string): Promise<UserRow | undefined> {
      return db.query.users.findFirst({ where: eq(users.id, id) });
    },
    async findByPrincipalName(upn: string): Promise<UserRow | undefined> {
      return db.query.users.findFirst({ where: sql`lower(${users.userPrincipalName}) = lower(${upn})` });
    },
    async groupIdsOf(userId: string): Promise<string[]> {
      const rows = await db
        .select({ groupId: groupMembers.groupId })
        .from(groupMembers)
        .where(eq(groupMembers.userId, userId));
      return rows.map((r) => r.groupId);
    },
    async groupsExist(ids: string[]): Promise<boolean> {
      if (ids.length === 0) return true;
      const [row] = await db.select({ n: count() }).from(groups).where(inArray(groups.id, ids));
      return row?.n === ids.length;
    },
    /** Admins who can sign in with a password (a token-only bootstrap owner does not count). */
    async countPasswordAdmins(): Promise<number> {
      const [row] = await db
        .select({ n: count() })
        .from(users)
        .where(and(eq(users.role, 'admin'), isNotNull(users.passwordHash)));
      return row?.n ?? 0;
    },
  };
}
