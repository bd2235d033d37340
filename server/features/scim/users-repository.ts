/**
 * The SQL of SCIM Users: the columns only SCIM writes (externalId, work email, name parts, the
 * SCIM delete mark) and the list queries. People are created and changed through the people
 * services (features/people), which own every other column; this adds what SCIM knows on top.
 */
import { and, asc, count, eq, isNull, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { isUniqueViolation } from '../../db/errors.js';
import { users } from '../../db/schema.js';
import type { PlanCondition, SqlPlan } from '../../domain/scim-user-filter.js';

export type ScimUserRow = typeof users.$inferSelect;

export interface ScimColumns {
  externalId: string | null;
  email: string | null;
  givenName: string | null;
  familyName: string | null;
}

const notDeleted = isNull(users.scimDeletedAt);

const COLUMNS = {
  id: users.id,
  userPrincipalName: users.userPrincipalName,
  externalId: users.externalId,
  displayName: users.displayName,
  email: users.email,
  employeeId: users.employeeId,
  accountEnabled: users.accountEnabled,
} as const;

/** `%`, `_` and the escape itself, escaped for LIKE … ESCAPE '\'. */
const likeEscaped = (value: string) => value.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * One condition as SQL. Caseless columns compare lower(column) with the lowercased value, which the
 * indexes on lower(userPrincipalName) and lower(email) answer for `eq`; externalId and id are
 * compared exactly, on their own indexes.
 */
function conditionSql(condition: PlanCondition): SQL {
  const column = COLUMNS[condition.column];
  if (typeof condition.value === 'boolean') return eq(users.accountEnabled, condition.value);
  const target = condition.caseless ? sql`lower(${column})` : sql`${column}`;
  if (condition.op === 'eq') return sql`${target} = ${condition.value}`;
  const pattern =
    condition.op === 'sw' ? `${likeEscaped(condition.value)}%` : `%${likeEscaped(condition.value)}%`;
  // LIKE ignores ASCII case; an exact column also needs instr() to be exact.
  return condition.caseless
    ? sql`${target} LIKE ${pattern} ESCAPE '\\'`
    : sql`(${target} LIKE ${pattern} ESCAPE '\\' AND instr(${target}, ${condition.value}) ${
        condition.op === 'sw' ? sql`= 1` : sql`> 0`
      })`;
}

function planSql(plan: SqlPlan): SQL {
  const terms = plan.map((conditions) =>
    conditions.length === 0 ? sql`1` : sql`(${sql.join(conditions.map(conditionSql), sql` AND `)})`,
  );
  return terms.length === 0 ? sql`0` : sql`(${sql.join(terms, sql` OR `)})`;
}

export function createScimUserRepository(db: Db) {
  return {
    /** The person SCIM knows by this id; a person a SCIM client deleted is not found. */
    async findLive(id: string): Promise<ScimUserRow | undefined> {
      return db.query.users.findFirst({ where: and(eq(users.id, id), notDeleted) });
    },
    /** Whoever holds this externalId (exact), deleted or not. */
    async findByExternalId(externalId: string): Promise<ScimUserRow | undefined> {
      return db.query.users.findFirst({ where: eq(users.externalId, externalId) });
    },
    /** One page of the people a plan selects, oldest first, and how many it selects in all. */
    async listPlanned(
      plan: SqlPlan | null,
      window: { offset: number; limit: number },
    ): Promise<{ rows: ScimUserRow[]; total: number }> {
      const where = plan ? and(notDeleted, planSql(plan)) : notDeleted;
      const [totalRow] = await db.select({ n: count() }).from(users).where(where);
      const rows =
        window.limit === 0
          ? []
          : await db
              .select()
              .from(users)
              .where(where)
              .orderBy(asc(users.createdAt), asc(users.id))
              .limit(window.limit)
              .offset(window.offset);
      return { rows, total: totalRow?.n ?? 0 };
    },
    /** At most `limit` people SCIM can see, oldest first: the set a filter SQL cannot run is matched in. */
    async listBounded(limit: number): Promise<ScimUserRow[]> {
      return db
        .select()
        .from(users)
        .where(notDeleted)
        .orderBy(asc(users.createdAt), asc(users.id))
        .limit(limit);
    },
    /** Sets the SCIM-only columns; 'external_id_taken' when another person holds the externalId. */
    async setScimColumns(
      id: string,
      columns: ScimColumns,
      updatedAt: Date,
    ): Promise<ScimUserRow | 'external_id_taken' | 'not_found'> {
      try {
        const [row] = await db
          .update(users)
          .set({ ...columns, updatedAt })
          .where(eq(users.id, id))
          .returning();
        return row ?? 'not_found';
      } catch (error) {
        if (isUniqueViolation(error)) return 'external_id_taken';
        throw error;
      }
    },
    /**
     * Marks the person deleted for SCIM (RFC 7644 §3.6): every later SCIM call answers 404, and
     * their externalId is freed for a new person. The row stays (disabled) for the console and logs.
     */
    async markDeleted(id: string, at: Date): Promise<boolean> {
      const rows = await db
        .update(users)
        .set({ scimDeletedAt: at, externalId: null, updatedAt: at })
        .where(and(eq(users.id, id), notDeleted))
        .returning({ id: users.id });
      return rows.length > 0;
    },
    /** Brings a SCIM-deleted person back into SCIM's view (a new POST with their userName). */
    async undelete(id: string, at: Date): Promise<void> {
      await db.update(users).set({ scimDeletedAt: null, updatedAt: at }).where(eq(users.id, id));
    },
  };
}
