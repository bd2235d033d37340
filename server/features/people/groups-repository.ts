/** Groups (stores): create, read, change, delete, and keyset pages in lower(displayName), id order. */
import { and, eq, gt, gte, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { groupMembers, groups } from '../../db/schema.js';

export type GroupRow = typeof groups.$inferSelect;
export type NewGroup = typeof groups.$inferInsert;
export type GroupChanges = Partial<Pick<NewGroup, 'displayName' | 'timeZone' | 'kioskLanguage'>>;

/** Sorts after any character a name holds, so [p, p + END) is "starts with p". */
const END = '\u{10FFFF}';

export interface GroupListOptions {
  /** Case-insensitive prefix of displayName. */
  search?: string;
  after?: { sortName: string; id: string };
  limit: number;
}

const sortName = sql<string>`lower(${groups.displayName})`;

// Groups are stores: hundreds, maybe a few thousand. Pages sort the matches without an index on
// lower(display_name); add one (a migration) if installations grow far beyond that.
export function createGroupRepository(db: Db) {
  return {
    async insert(group: NewGroup): Promise<GroupRow> {
      const [row] = await db.insert(groups).values(group).returning();
      return row!;
    },
    /** Every group's id and name (a CSV import matches store names against them). */
    async listAllNames(): Promise<{ id: string; displayName: string }[]> {
      return db.select({ id: groups.id, displayName: groups.displayName }).from(groups);
    },
    async memberIdsOf(groupId: string): Promise<string[]> {
      const rows = await db
        .select({ userId: groupMembers.userId })
        .from(groupMembers)
        .where(eq(groupMembers.groupId, groupId));
      return rows.map((r) => r.userId);
    },
    async findById(id: string): Promise<GroupRow | undefined> {
      return db.query.groups.findFirst({ where: eq(groups.id, id) });
    },
    async update(id: string, changes: GroupChanges): Promise<GroupRow | undefined> {
      if (Object.keys(changes).length === 0) return db.query.groups.findFirst({ where: eq(groups.id, id) });
      const [row] = await db.update(groups).set(changes).where(eq(groups.id, id)).returning();
      return row;
    },
    /** Deletes the group; memberships go with it (cascade), devices keep no group (set null). */
    async remove(id: string): Promise<boolean> {
      const rows = await db.delete(groups).where(eq(groups.id, id)).returning({ id: groups.id });
      return rows.length > 0;
    },
    async list(options: GroupListOptions): Promise<{ group: GroupRow; sortName: string }[]> {
      const conditions: SQL[] = [];
      if (options.search) {
        conditions.push(
          sql`${sortName} >= lower(${options.search}) AND ${sortName} < lower(${options.search}) || ${END}`,
        );
      }
      if (options.after) {
        const { sortName: name, id } = options.after;
        conditions.push(and(gte(sortName, name), or(gt(sortName, name), gt(groups.id, id)))!);
      }
      return db
        .select({ group: groups, sortName })
        .from(groups)
        .where(and(...conditions))
        .orderBy(sortName, groups.id)
        .limit(options.limit);
    },
  };
}
