/**
 * Reading the audit and sign-in logs: filters plus keyset pages on (time, id), newest first, served
 * by the (time, id, user, result, failure code), (user, time), (device, time), (actor, time) and
 * (target, time) indexes; and the dashboard's hourly sign-in counts. docs/database-indexes.md says
 * which query uses which index.
 */
import { and, desc, eq, gte, inArray, lt, lte, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import type { Role } from '../../domain/roles.js';
import {
  apiTokens,
  apps,
  auditLogs,
  conditionalAccessPolicies,
  devices,
  groupMembers,
  groups,
  namedLocations,
  signInLogs,
  users,
} from '../../db/schema.js';

export type SignInLogRow = typeof signInLogs.$inferSelect;
export type AuditLogRow = typeof auditLogs.$inferSelect;

export interface LogPosition {
  time: Date;
  id: string;
}

interface TimeFilter {
  /** Inclusive. */
  from?: Date;
  /** Exclusive. */
  to?: Date;
  /** The last entry of the previous page. */
  before?: LogPosition;
  limit: number;
}

export interface SignInLogFilter extends TimeFilter {
  userId?: string;
  /** Entries of this group's (store's) members, whatever their role. */
  groupId?: string;
  deviceId?: string;
  result?: 'success' | 'failure';
  failureCode?: string;
  /** A manager's view: only entries of users with this role who share one of these groups. */
  scope?: { groupIds: string[]; role: Role };
}

/** Sign-ins of the users a manager may see, or everyone's (undefined). */
export type LogScope = SignInLogFilter['scope'];

export interface SignInCountRow {
  /** Whole hours since the epoch. */
  hour: number;
  result: 'success' | 'failure';
  failureCode: string | null;
  count: number;
}

export interface LogUserRow {
  id: string;
  displayName: string;
  userPrincipalName: string;
}

/** The kinds of record a log entry may name, by the audit log's target types (and `apiToken` actors). */
export type NamedKind =
  'user' | 'device' | 'apiToken' | 'group' | 'app' | 'conditionalAccessPolicy' | 'namedLocation';

/** Ids to name, by kind; each list at most one page's worth. */
export type NameRequest = Partial<Record<NamedKind, string[]>>;

export interface AuditLogFilter extends TimeFilter {
  /** Entries this user did (also through their API tokens) or that were done to them. */
  userId?: string;
}

type TimeColumn = typeof signInLogs.createdDateTime | typeof auditLogs.activityDateTime;
type IdColumn = typeof signInLogs.id | typeof auditLogs.id;

function timeConditions(time: TimeColumn, id: IdColumn, filter: TimeFilter): SQL[] {
  const conditions: SQL[] = [];
  if (filter.from) conditions.push(gte(time, filter.from));
  if (filter.to) conditions.push(lt(time, filter.to));
  if (filter.before) {
    const { time: at, id: lastId } = filter.before;
    // `time <= t` alone is an index range; the OR then skips what the previous page already showed.
    conditions.push(and(lte(time, at), or(lt(time, at), lt(id, lastId)))!);
  }
  return conditions;
}

export function createLogQueryRepository(db: Db) {
  /**
   * Conditions on who the entry is about. Each is a filter while walking the time index, not a
   * driver: `+` keeps SQLite from reading all of a store's entries through the user index and
   * sorting them for every page.
   */
  function userConditions(filter: Pick<SignInLogFilter, 'groupId' | 'scope'>): SQL[] {
    const conditions: SQL[] = [];
    if (filter.groupId) {
      const members = db
        .select({ id: groupMembers.userId })
        .from(groupMembers)
        .where(eq(groupMembers.groupId, filter.groupId));
      conditions.push(sql`+${signInLogs.userId} IN ${members}`);
    }
    if (filter.scope) {
      const visible = db
        .selectDistinct({ id: groupMembers.userId })
        .from(groupMembers)
        .innerJoin(users, eq(users.id, groupMembers.userId))
        .where(and(inArray(groupMembers.groupId, filter.scope.groupIds), eq(users.role, filter.scope.role)));
      conditions.push(sql`+${signInLogs.userId} IN ${visible}`);
    }
    return conditions;
  }

  return {
    async signIns(filter: SignInLogFilter): Promise<SignInLogRow[]> {
      if (filter.scope && filter.scope.groupIds.length === 0) return [];
      const conditions = timeConditions(signInLogs.createdDateTime, signInLogs.id, filter);
      if (filter.userId) conditions.push(eq(signInLogs.userId, filter.userId));
      if (filter.deviceId) conditions.push(eq(signInLogs.deviceId, filter.deviceId));
      if (filter.result) conditions.push(eq(signInLogs.result, filter.result));
      if (filter.failureCode) conditions.push(eq(signInLogs.failureCode, filter.failureCode));
      conditions.push(...userConditions(filter));
      return db
        .select()
        .from(signInLogs)
        .where(and(...conditions))
        .orderBy(desc(signInLogs.createdDateTime), desc(signInLogs.id))
        .limit(filter.limit);
    },
    /** Names of the users a page of entries mentions (at most one page's worth of ids). */
    async usersByIds(ids: string[]): Promise<LogUserRow[]> {
      if (ids.length === 0) return [];
      return db
        .select({ id: users.id, displayName: users.displayName, userPrincipalName: users.userPrincipalName })
        .from(users)
        .where(inArray(users.id, ids));
    },
    /**
     * The current names of the records a page of entries mentions: one lookup by primary key per kind
     * asked for. Records deleted since are absent.
     */
    async namesByIds(request: NameRequest): Promise<Map<string, string>> {
      const tables = {
        user: users,
        device: devices,
        apiToken: apiTokens,
        group: groups,
        app: apps,
        conditionalAccessPolicy: conditionalAccessPolicies,
        namedLocation: namedLocations,
      } as const;
      const names = new Map<string, string>();
      for (const [kind, ids] of Object.entries(request) as [NamedKind, string[]][]) {
        if (ids.length === 0) continue;
        const table = tables[kind];
        const rows = await db
          .select({ id: table.id, displayName: table.displayName })
          .from(table)
          .where(inArray(table.id, [...new Set(ids)]));
        for (const row of rows) names.set(`${kind}:${row.id}`, row.displayName);
      }
      return names;
    },
    /** Sign-ins in [from, to) counted by hour, result and failure code, along the time index. */
    async signInCounts(filter: { from: Date; to: Date; scope?: LogScope }): Promise<SignInCountRow[]> {
      if (filter.scope && filter.scope.groupIds.length === 0) return [];
      const hour = sql<number>`${signInLogs.createdDateTime} / 3600000`;
      const rows = await db
        .select({
          hour,
          result: signInLogs.result,
          failureCode: signInLogs.failureCode,
          count: sql<number>`count(*)`,
        })
        .from(signInLogs)
        .where(
          and(
            gte(signInLogs.createdDateTime, filter.from),
            lt(signInLogs.createdDateTime, filter.to),
            ...userConditions({ scope: filter.scope }),
          ),
        )
        .groupBy(hour, signInLogs.result, signInLogs.failureCode);
      return rows.map((r) => ({ ...r, hour: Number(r.hour), count: Number(r.count) }));
    },
    async audits(filter: AuditLogFilter): Promise<AuditLogRow[]> {
      const conditions = timeConditions(auditLogs.activityDateTime, auditLogs.id, filter);
      if (filter.userId) {
        const tokens = db
          .select({ id: apiTokens.id })
          .from(apiTokens)
          .where(eq(apiTokens.userId, filter.userId));
        conditions.push(
          or(
            eq(auditLogs.actorId, filter.userId),
            eq(auditLogs.targetId, filter.userId),
            inArray(auditLogs.actorId, tokens),
          )!,
        );
      }
      return db
        .select()
        .from(auditLogs)
        .where(and(...conditions))
        .orderBy(desc(auditLogs.activityDateTime), desc(auditLogs.id))
        .limit(filter.limit);
    },
  };
}
