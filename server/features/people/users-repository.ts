import { and, count, eq, inArray, isNotNull, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { isUniqueViolation } from '../../db/errors.js';
import { groupMembers, groups, qrCodes, qrPinMethods, users } from '../../db/schema.js';
import { foldedNameOf } from '../../domain/search-fold.js';
import { listUsers, type UserListOptions, type UserListRow } from './user-search-repository.js';

export type UserRow = typeof users.$inferSelect;

/** What the people list needs to summarise one person's badge and lock (badge-summary.ts). */
export interface BadgeFacts {
  lockedUntil: Date | null;
  consecutiveFailures: number;
  codes: { kind: 'standard' | 'temporary'; startDateTime: Date; expireDateTime: Date }[];
}
export type NewUser = typeof users.$inferInsert;
export type UserChanges = Partial<
  Pick<NewUser, 'userPrincipalName' | 'displayName' | 'employeeId' | 'role' | 'accountEnabled'>
> & { updatedAt: Date };
export type UserChangeOutcome = UserRow | 'not_found' | 'last_admin' | 'upn_taken';

/**
 * True unless the statement would take away the last enabled admin: `id` is an enabled admin now,
 * is not one after the change (`stillAdmin`), and no other enabled admin exists. Evaluated inside
 * the writing statement, so two admins demoting each other at once cannot both succeed.
 */
function keepsAnEnabledAdmin(id: string, stillAdmin: SQL): SQL {
  return sql`(NOT EXISTS (SELECT 1 FROM ${users} t WHERE t.id = ${id} AND t.role = 'admin'
      AND t.account_enabled = 1 AND NOT (${stillAdmin}))
    OR EXISTS (SELECT 1 FROM ${users} o WHERE o.id <> ${id} AND o.role = 'admin' AND o.account_enabled = 1))`;
}

/** Ids per `IN (…)`: well under SQLite's bound-parameter limit. */
const IN_CHUNK = 500;

export function createUserRepository(db: Db) {
  return {
    /** The new user, or null when the userPrincipalName is taken (also when another request won a race). */
    async insert(user: NewUser, groupIds: string[] = []): Promise<UserRow | null> {
      const insertUser = db
        .insert(users)
        .values({ ...user, foldedName: foldedNameOf(user.displayName) })
        .returning();
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
    /** Swaps the password verifier only if it is still the one that was checked (parameter upgrade). */
    async upgradePasswordHash(id: string, oldHash: string, newHash: string): Promise<void> {
      await db
        .update(users)
        .set({ passwordHash: newHash })
        .where(and(eq(users.id, id), eq(users.passwordHash, oldHash)));
    },
    /** The users with these userPrincipalNames (case-insensitive), in chunks the query planner keeps on the index. */
    async findManyByPrincipalNames(upns: string[]): Promise<UserRow[]> {
      const lowered = [...new Set(upns.map((upn) => upn.toLowerCase()))];
      const found: UserRow[] = [];
      for (let i = 0; i < lowered.length; i += IN_CHUNK) {
        const chunk = lowered.slice(i, i + IN_CHUNK);
        found.push(
          ...(await db
            .select()
            .from(users)
            .where(inArray(sql`lower(${users.userPrincipalName})`, chunk))),
        );
      }
      return found;
    },
    /** Every person's sign-in name, for the lookalike check (a few columns, no index needed). */
    async listSignInNames(): Promise<{ id: string; userPrincipalName: string; displayName: string }[]> {
      return db
        .select({ id: users.id, userPrincipalName: users.userPrincipalName, displayName: users.displayName })
        .from(users);
    },
    async findManyByIds(ids: string[]): Promise<UserRow[]> {
      const found: UserRow[] = [];
      for (let i = 0; i < ids.length; i += IN_CHUNK) {
        found.push(
          ...(await db
            .select()
            .from(users)
            .where(inArray(users.id, ids.slice(i, i + IN_CHUNK)))),
        );
      }
      return found;
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
    /** One keyset page in lower(displayName), id order (see user-search.ts for the query plans). */
    async list(options: UserListOptions): Promise<UserListRow[]> {
      return listUsers(db, options);
    },
    /** The badge facts (lock counters, every code's window) of a page of users; absent: no badge. */
    async badgeFactsOfMany(userIds: string[]): Promise<Map<string, BadgeFacts>> {
      const byUser = new Map<string, BadgeFacts>();
      if (userIds.length === 0) return byUser;
      const rows = await db
        .select({
          userId: qrPinMethods.userId,
          lockedUntil: qrPinMethods.lockedUntil,
          consecutiveFailures: qrPinMethods.consecutiveFailures,
          kind: qrCodes.kind,
          startDateTime: qrCodes.startDateTime,
          expireDateTime: qrCodes.expireDateTime,
        })
        .from(qrPinMethods)
        .leftJoin(qrCodes, eq(qrCodes.methodId, qrPinMethods.id))
        .where(inArray(qrPinMethods.userId, userIds));
      for (const row of rows) {
        let facts = byUser.get(row.userId);
        if (!facts) {
          facts = { lockedUntil: row.lockedUntil, consecutiveFailures: row.consecutiveFailures, codes: [] };
          byUser.set(row.userId, facts);
        }
        if (row.kind && row.startDateTime && row.expireDateTime) {
          facts.codes.push({
            kind: row.kind,
            startDateTime: row.startDateTime,
            expireDateTime: row.expireDateTime,
          });
        }
      }
      return byUser;
    },
    /** Group ids of several users at once, for a page of results. */
    async groupIdsOfMany(userIds: string[]): Promise<Map<string, string[]>> {
      const byUser = new Map<string, string[]>(userIds.map((id) => [id, []]));
      if (userIds.length === 0) return byUser;
      const rows = await db
        .select({ userId: groupMembers.userId, groupId: groupMembers.groupId })
        .from(groupMembers)
        .where(inArray(groupMembers.userId, userIds));
      for (const row of rows) byUser.get(row.userId)?.push(row.groupId);
      return byUser;
    },
    /**
     * Applies `changes` and, when given, replaces the memberships with `groupIds` (groups deleted
     * meanwhile are skipped), all in one atomic batch that changes nothing if it would leave no
     * enabled admin.
     */
    async update(id: string, changes: UserChanges, groupIds?: string[]): Promise<UserChangeOutcome> {
      const touchesAdminPower = changes.role !== undefined || changes.accountEnabled !== undefined;
      const role = changes.role ?? null;
      const enabled = changes.accountEnabled === undefined ? null : Number(changes.accountEnabled);
      const guard = touchesAdminPower
        ? keepsAnEnabledAdmin(
            id,
            sql`coalesce(${role}, t.role) = 'admin' AND coalesce(${enabled}, t.account_enabled) = 1`,
          )
        : sql`1`;
      // Enabled again, by any path: no longer offboarded (features/people/offboarding.ts).
      const values =
        changes.accountEnabled === true ? { ...changes, offboardedAt: null, offboardedVia: null } : changes;
      const updateUser = db
        .update(users)
        .set(
          changes.displayName === undefined
            ? values
            : { ...values, foldedName: foldedNameOf(changes.displayName) },
        )
        .where(and(eq(users.id, id), guard))
        .returning();
      let updated: UserRow[];
      try {
        if (groupIds === undefined) {
          updated = await updateUser;
        } else {
          // Memberships first: the guard reads only `users`, so every statement sees the same answer.
          const [, , rows] = await db.batch([
            db.delete(groupMembers).where(and(eq(groupMembers.userId, id), guard)),
            db.run(
              sql`INSERT INTO ${groupMembers} (group_id, user_id)
                SELECT ${groups.id}, ${id} FROM ${groups}
                WHERE ${inArray(groups.id, groupIds)} AND ${guard} AND EXISTS (SELECT 1 FROM ${users} WHERE ${users.id} = ${id})`,
            ),
            updateUser,
          ]);
          updated = rows;
        }
      } catch (error) {
        if (isUniqueViolation(error)) return 'upn_taken';
        throw error;
      }
      if (updated[0]) return updated[0];
      const exists = await db.query.users.findFirst({ columns: { id: true }, where: eq(users.id, id) });
      return exists ? 'last_admin' : 'not_found';
    },
    /** Deletes the user; the method, codes, sessions, API tokens and memberships go with it (cascade). */
    async remove(id: string): Promise<'deleted' | 'not_found' | 'last_admin'> {
      const rows = await db
        .delete(users)
        .where(and(eq(users.id, id), keepsAnEnabledAdmin(id, sql`0`)))
        .returning({ id: users.id });
      if (rows.length > 0) return 'deleted';
      const exists = await db.query.users.findFirst({ columns: { id: true }, where: eq(users.id, id) });
      return exists ? 'last_admin' : 'not_found';
    },
  };
}
