/**
 * The SQL of SCIM Groups (stores): the column only SCIM writes (externalId), the lookups and pages a
 * filter needs, the members SCIM can see, and membership changes as one atomic batch. Stores are
 * created, renamed and deleted through the stores service (features/people/groups.ts).
 */
import { and, asc, count, eq, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { isUniqueViolation } from '../../db/errors.js';
import { groupMembers, groups, users } from '../../db/schema.js';
import type { GroupLookup } from '../../domain/scim-group-filter.js';
import type { Role } from '../../domain/roles.js';

export type ScimGroupRow = typeof groups.$inferSelect;

/** A person as a store's member: enough to name them and to decide who may change their stores. */
export interface ScimMember {
  id: string;
  displayName: string;
  role: Role;
}

/** Ids per `IN (…)`: well under SQLite's bound-parameter limit. */
const IN_CHUNK = 500;

const chunks = <T>(items: readonly T[]): T[][] => {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += IN_CHUNK) out.push(items.slice(i, i + IN_CHUNK));
  return out;
};

/** People a SCIM client has not deleted (features/scim/users-repository.ts). */
const visible = isNull(users.scimDeletedAt);

function lookupSql(lookup: GroupLookup): SQL {
  if (lookup.column === 'id') return eq(groups.id, lookup.value);
  if (lookup.column === 'externalId') return eq(groups.externalId, lookup.value);
  return sql`lower(${groups.displayName}) = lower(${lookup.value})`;
}

export function createScimGroupRepository(db: Db) {
  return {
    async findById(id: string): Promise<ScimGroupRow | undefined> {
      return db.query.groups.findFirst({ where: eq(groups.id, id) });
    },
    async findByExternalId(externalId: string): Promise<ScimGroupRow | undefined> {
      return db.query.groups.findFirst({ where: eq(groups.externalId, externalId) });
    },
    /** One page of every store, oldest first, and how many there are. */
    async listPage(window: {
      offset: number;
      limit: number;
    }): Promise<{ rows: ScimGroupRow[]; total: number }> {
      const [totalRow] = await db.select({ n: count() }).from(groups);
      const rows =
        window.limit === 0
          ? []
          : await db
              .select()
              .from(groups)
              .orderBy(asc(groups.createdAt), asc(groups.id))
              .limit(window.limit)
              .offset(window.offset);
      return { rows, total: totalRow?.n ?? 0 };
    },
    /**
     * The stores any of `lookups` names (null: every store, at most `bound`), oldest first: the
     * candidates a filter is then matched over.
     */
    async candidates(lookups: GroupLookup[] | null, bound: number): Promise<ScimGroupRow[]> {
      const query = db.select().from(groups);
      const where = lookups ? or(...lookups.map(lookupSql)) : undefined;
      return (where ? query.where(where) : query).orderBy(asc(groups.createdAt), asc(groups.id)).limit(bound);
    },
    /** Each store's members SCIM can see, by name then id. */
    async membersOf(groupIds: readonly string[]): Promise<Map<string, ScimMember[]>> {
      const byGroup = new Map<string, ScimMember[]>(groupIds.map((id) => [id, []]));
      for (const part of chunks(groupIds)) {
        const rows = await db
          .select({
            groupId: groupMembers.groupId,
            id: users.id,
            displayName: users.displayName,
            role: users.role,
          })
          .from(groupMembers)
          .innerJoin(users, eq(users.id, groupMembers.userId))
          .where(and(inArray(groupMembers.groupId, part), visible))
          .orderBy(asc(users.displayName), asc(users.id));
        for (const { groupId, ...member } of rows) byGroup.get(groupId)?.push(member);
      }
      return byGroup;
    },
    /** The store's people SCIM cannot see (a SCIM client deleted them). */
    async hiddenMembers(groupId: string): Promise<ScimMember[]> {
      return db
        .select({ id: users.id, displayName: users.displayName, role: users.role })
        .from(groupMembers)
        .innerJoin(users, eq(users.id, groupMembers.userId))
        .where(and(eq(groupMembers.groupId, groupId), sql`${users.scimDeletedAt} IS NOT NULL`));
    },
    /** The people among `ids` SCIM can see (others are unknown to a SCIM client). */
    async visiblePeople(ids: readonly string[]): Promise<ScimMember[]> {
      const found: ScimMember[] = [];
      for (const part of chunks(ids)) {
        found.push(
          ...(await db
            .select({ id: users.id, displayName: users.displayName, role: users.role })
            .from(users)
            .where(and(inArray(users.id, part), visible))),
        );
      }
      return found;
    },
    /** Sets the store's externalId; another store holding it: 'taken'. */
    async setExternalId(id: string, externalId: string | null): Promise<'set' | 'taken' | 'not_found'> {
      try {
        const rows = await db
          .update(groups)
          .set({ externalId })
          .where(eq(groups.id, id))
          .returning({ id: groups.id });
        return rows.length > 0 ? 'set' : 'not_found';
      } catch (error) {
        if (isUniqueViolation(error)) return 'taken';
        throw error;
      }
    },
    /**
     * Adds and removes members in one atomic batch: all of it or none. Only people SCIM can see are
     * added (one deleted meanwhile is skipped); adding a member twice changes nothing.
     */
    async changeMembers(
      groupId: string,
      added: readonly string[],
      removed: readonly string[],
    ): Promise<void> {
      const statements = [
        ...chunks(removed).map((part) =>
          db
            .delete(groupMembers)
            .where(and(eq(groupMembers.groupId, groupId), inArray(groupMembers.userId, part))),
        ),
        ...chunks(added).map((part) =>
          db.run(
            sql`INSERT OR IGNORE INTO ${groupMembers} (group_id, user_id)
              SELECT ${groupId}, ${users.id} FROM ${users}
              WHERE ${inArray(users.id, part)} AND ${users.scimDeletedAt} IS NULL
                AND EXISTS (SELECT 1 FROM ${groups} WHERE ${groups.id} = ${groupId})`,
          ),
        ),
      ];
      const [first, ...rest] = statements;
      if (!first) return;
      await db.batch([first, ...rest]);
    },
  };
}
