import { and, desc, eq, fillPlaceholders, gt, isNull, ne, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { rowDecoder, type PreparedReads } from '../../db/prepared-reads.js';
import { apps, groupMembers, groups, sessions, settings, users } from '../../db/schema.js';

export type SessionRow = typeof sessions.$inferSelect;
export type NewSession = typeof sessions.$inferInsert;

/** The settings documents a session check reads with its session (features/policies names them). */
export interface SessionCheckKeys {
  sessionPolicyKey: string;
  kioskAppsKey: string;
}

/**
 * What GET /api/auth/session shows besides the session itself, read in the same statement as the
 * session, as JSON text (parsed only by the one route that answers with it):
 * - `groups`: `[{id, displayName}]`, the user's groups by lower(displayName), id;
 * - `kioskApps`: the kiosk apps settings document, or null when none is stored;
 * - `apps`: `[{id, displayName, homeUrl, enabled, groupIds}]`, every registered app by displayName, id
 *   (one whose stored store list is not JSON counts as disabled: shown to no store, not to every one).
 */
export interface SessionViewReads {
  groups: string;
  kioskApps: string | null;
  apps: string;
}

const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];

/** The session view's reads as objects (JSON.parse of what the statement built; done on demand). */
export function parseSessionViewReads(reads: SessionViewReads): {
  groups: { id: string; displayName: string }[];
  kioskApps: unknown;
  apps: { id: string; displayName: string; homeUrl: string | null; enabled: boolean; groupIds: string[] }[];
} {
  const apps = JSON.parse(reads.apps) as {
    id: string;
    displayName: string;
    homeUrl: string | null;
    enabled: number;
    groupIds: unknown;
  }[];
  return {
    groups: JSON.parse(reads.groups) as { id: string; displayName: string }[],
    kioskApps: reads.kioskApps === null ? null : (JSON.parse(reads.kioskApps) as unknown),
    apps: apps.map((app) => ({ ...app, enabled: app.enabled === 1, groupIds: strings(app.groupIds) })),
  };
}

export function createSessionRepository(db: Db, reads: PreparedReads) {
  const setting = (key: string) =>
    sql`(select ${settings.value} from ${settings} where ${settings.key} = ${sql.placeholder(key)})`;
  // Every API request with a cookie runs this one statement (every kiosk's 30-second check among
  // them): the session, its user, the session policy and what the session view shows, so a check
  // costs one statement instead of five. Its SQL is built once by drizzle and the statement is kept
  // prepared (db/prepared-reads.ts: ≈ 15 µs a run instead of ≈ 300 µs through the client's
  // prepare-every-time; docs/benchmarks.md, "Session check"). Nothing is cached: every run reads
  // the database as it is now, whichever process wrote it. The aggregate ORDER BY needs SQLite ≥
  // 3.44 (libSQL's is 3.45).
  const forCheck = db
    .select({
      session: sessions,
      user: users,
      sessionPolicy: setting('sessionPolicyKey'),
      kioskApps: setting('kioskAppsKey'),
      groups: sql`(
        select json_group_array(
          json_object('id', ${groups.id}, 'displayName', ${groups.displayName})
          order by lower(${groups.displayName}), ${groups.id})
        from ${groupMembers} inner join ${groups} on ${groups.id} = ${groupMembers.groupId}
        where ${groupMembers.userId} = ${sessions.userId})`,
      apps: sql`(
        select json_group_array(
          json_object(
            'id', ${apps.id}, 'displayName', ${apps.displayName}, 'homeUrl', ${apps.homeUrl},
            'enabled', ${apps.enabled} and json_valid(${apps.groupIds}),
            'groupIds', json(iif(json_valid(${apps.groupIds}), ${apps.groupIds}, '[]')))
          order by ${apps.displayName}, ${apps.id})
        from ${apps})`,
    })
    .from(sessions)
    .innerJoin(users, eq(sessions.userId, users.id))
    .where(eq(sessions.tokenHash, sql.placeholder('tokenHash')))
    .toSQL();
  const runCheck = reads.prepare(forCheck.sql);
  // The columns come in the select's order: the session's, the user's, then the four reads.
  const sessionRow = rowDecoder<SessionRow>(sessions);
  const userRow = rowDecoder<typeof users.$inferSelect>(users);
  const rest = sessionRow.width + userRow.width;
  return {
    async insert(session: NewSession): Promise<void> {
      await db.insert(sessions).values(session);
    },
    /**
     * The session with this token hash, its user, the stored session policy document (or null) and
     * what the session view shows; undefined when no session has this hash.
     */
    async findForCheck(tokenHash: string, keys: SessionCheckKeys) {
      const values = await runCheck(fillPlaceholders(forCheck.params, { tokenHash, ...keys }));
      if (!values) return undefined;
      const sessionPolicy = values[rest] as string | null;
      const view: SessionViewReads = {
        kioskApps: values[rest + 1] as string | null,
        groups: values[rest + 2] as string,
        apps: values[rest + 3] as string,
      };
      return {
        session: sessionRow.decode(values, 0),
        user: userRow.decode(values, sessionRow.width),
        sessionPolicy: sessionPolicy === null ? null : (JSON.parse(sessionPolicy) as unknown),
        view,
      };
    },
    async findById(id: string) {
      const [row] = await db
        .select({ session: sessions, user: users })
        .from(sessions)
        .innerJoin(users, eq(sessions.userId, users.id))
        .where(eq(sessions.id, id));
      return row;
    },
    async touch(id: string, at: Date): Promise<void> {
      await db.update(sessions).set({ lastSeenAt: at }).where(eq(sessions.id, id));
    },
    async clearMustChangePin(id: string): Promise<void> {
      await db.update(sessions).set({ mustChangePin: false }).where(eq(sessions.id, id));
    },
    async markReauthenticated(id: string, at: Date): Promise<void> {
      await db.update(sessions).set({ reauthenticatedAt: at }).where(eq(sessions.id, id));
    },
    async revoke(id: string, at: Date): Promise<void> {
      await db
        .update(sessions)
        .set({ revokedAt: at })
        .where(and(eq(sessions.id, id), isNull(sessions.revokedAt)));
    },
    /** The user's sessions neither revoked nor past their fixed expiry, newest first (the caller applies timeouts). */
    async listOpenForUser(userId: string, now: Date): Promise<SessionRow[]> {
      return db
        .select()
        .from(sessions)
        .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt), gt(sessions.expiresAt, now)))
        .orderBy(desc(sessions.createdAt))
        .limit(200);
    },
    /** Ends the user's open sessions; the ids of those it ended. */
    async revokeAllForUser(userId: string, at: Date, options: { except?: string } = {}): Promise<string[]> {
      const rows = await db
        .update(sessions)
        .set({ revokedAt: at })
        .where(
          and(
            eq(sessions.userId, userId),
            isNull(sessions.revokedAt),
            options.except ? ne(sessions.id, options.except) : undefined,
          ),
        )
        .returning({ id: sessions.id });
      return rows.map((row) => row.id);
    },
    /** Ends the open sessions signed in on a kiosk device; the ids of those it ended. */
    async revokeAllForDevice(
      deviceId: string,
      at: Date,
      options: { except?: string } = {},
    ): Promise<string[]> {
      const rows = await db
        .update(sessions)
        .set({ revokedAt: at })
        .where(
          and(
            eq(sessions.deviceId, deviceId),
            isNull(sessions.revokedAt),
            options.except ? ne(sessions.id, options.except) : undefined,
          ),
        )
        .returning({ id: sessions.id });
      return rows.map((row) => row.id);
    },
    /** Ids of the user's sessions not yet revoked (before the user and their sessions are deleted). */
    async unrevokedIdsOfUser(userId: string): Promise<string[]> {
      const rows = await db
        .select({ id: sessions.id })
        .from(sessions)
        .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt)));
      return rows.map((row) => row.id);
    },
  };
}
