/**
 * Conditional-access policies and named locations. Both tables are small (tens of rows) and read
 * whole at every sign-in: several API nodes share the database, so nothing is cached in process.
 */
import { asc, eq, inArray, ne } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { rowDecoder, type PreparedReads } from '../../db/prepared-reads.js';
import { isUniqueViolationOn } from '../../db/errors.js';
import { conditionalAccessPolicies, namedLocations } from '../../db/schema.js';

export type PolicyRow = typeof conditionalAccessPolicies.$inferSelect;
export type NewPolicy = typeof conditionalAccessPolicies.$inferInsert;
export type PolicyChanges = Partial<Pick<NewPolicy, 'displayName' | 'state' | 'grant' | 'conditions'>> & {
  updatedAt: Date;
};
export type NamedLocationRow = typeof namedLocations.$inferSelect;
export type NewNamedLocation = typeof namedLocations.$inferInsert;
export type NamedLocationChanges = Partial<Pick<NewNamedLocation, 'displayName' | 'cidrs' | 'groupId'>> & {
  updatedAt: Date;
};

/** Another policy or named location already has this display name (names are unique per kind). */
export type NameTaken = 'name_taken';

const POLICY_NAME = 'conditional_access_policies.display_name';
const LOCATION_NAME = 'named_locations.display_name';

async function unlessNameTaken<T>(column: string, write: () => Promise<T>): Promise<T | NameTaken> {
  try {
    return await write();
  } catch (error) {
    if (isUniqueViolationOn(error, column)) return 'name_taken';
    throw error;
  }
}

export function createConditionalAccessRepository(db: Db, reads: PreparedReads) {
  // Every sign-in reads both lists: their SQL is built once and kept prepared (db/prepared-reads.ts).
  const kept = (query: { sql: string; params: unknown[] }) => {
    const run = reads.prepareAll(query.sql);
    return () => run(query.params);
  };
  const policiesWhere = (includeDisabled: boolean) =>
    kept(
      db
        .select()
        .from(conditionalAccessPolicies)
        .where(includeDisabled ? undefined : ne(conditionalAccessPolicies.state, 'disabled'))
        .orderBy(asc(conditionalAccessPolicies.displayName), asc(conditionalAccessPolicies.id))
        .toSQL(),
    );
  const allPolicies = policiesWhere(true);
  const enabledPolicies = policiesWhere(false);
  const allLocations = kept(
    db.select().from(namedLocations).orderBy(asc(namedLocations.displayName), asc(namedLocations.id)).toSQL(),
  );
  const policyRow = rowDecoder<PolicyRow>(conditionalAccessPolicies);
  const locationRow = rowDecoder<NamedLocationRow>(namedLocations);
  return {
    async listPolicies(options: { includeDisabled: boolean }): Promise<PolicyRow[]> {
      const rows = await (options.includeDisabled ? allPolicies : enabledPolicies)();
      return rows.map((row) => policyRow.decode(row));
    },
    async findPolicy(id: string): Promise<PolicyRow | undefined> {
      return db.query.conditionalAccessPolicies.findFirst({ where: eq(conditionalAccessPolicies.id, id) });
    },
    async insertPolicy(policy: NewPolicy): Promise<PolicyRow | NameTaken> {
      return unlessNameTaken(POLICY_NAME, async () => {
        const [row] = await db.insert(conditionalAccessPolicies).values(policy).returning();
        return row!;
      });
    },
    async updatePolicy(id: string, changes: PolicyChanges): Promise<PolicyRow | undefined | NameTaken> {
      return unlessNameTaken(POLICY_NAME, async () => {
        const [row] = await db
          .update(conditionalAccessPolicies)
          .set(changes)
          .where(eq(conditionalAccessPolicies.id, id))
          .returning();
        return row;
      });
    },
    async removePolicy(id: string): Promise<boolean> {
      const rows = await db
        .delete(conditionalAccessPolicies)
        .where(eq(conditionalAccessPolicies.id, id))
        .returning({ id: conditionalAccessPolicies.id });
      return rows.length > 0;
    },
    async listLocations(): Promise<NamedLocationRow[]> {
      return (await allLocations()).map((row) => locationRow.decode(row));
    },
    async findLocation(id: string): Promise<NamedLocationRow | undefined> {
      return db.query.namedLocations.findFirst({ where: eq(namedLocations.id, id) });
    },
    /** The ids among `ids` that name a location. */
    async existingLocationIds(ids: readonly string[]): Promise<Set<string>> {
      if (ids.length === 0) return new Set();
      const rows = await db
        .select({ id: namedLocations.id })
        .from(namedLocations)
        .where(inArray(namedLocations.id, [...ids]));
      return new Set(rows.map((row) => row.id));
    },
    async insertLocation(location: NewNamedLocation): Promise<NamedLocationRow | NameTaken> {
      return unlessNameTaken(LOCATION_NAME, async () => {
        const [row] = await db.insert(namedLocations).values(location).returning();
        return row!;
      });
    },
    async updateLocation(
      id: string,
      changes: NamedLocationChanges,
    ): Promise<NamedLocationRow | undefined | NameTaken> {
      return unlessNameTaken(LOCATION_NAME, async () => {
        const [row] = await db
          .update(namedLocations)
          .set(changes)
          .where(eq(namedLocations.id, id))
          .returning();
        return row;
      });
    },
    async removeLocation(id: string): Promise<boolean> {
      const rows = await db
        .delete(namedLocations)
        .where(eq(namedLocations.id, id))
        .returning({ id: namedLocations.id });
      return rows.length > 0;
    },
  };
}
