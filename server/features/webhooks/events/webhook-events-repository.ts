/**
 * What the webhook event producers read (the names events carry: a person and their stores, a device
 * and its store) and their own memory (migration 0017): the locks each store saw lately and its last
 * burst alert, the badges warned about as expiring soon, the kiosks reported non-compliant. Writes that must commit with an event are
 * handed out as bound statements for the caller's batch (features/webhooks/emit.ts `{ batch }`).
 */
import { and, asc, eq, gt, inArray, isNull, lt, lte, ne, or } from 'drizzle-orm';
import type { InArgs, InStatement } from '@libsql/client';
import type { Db } from '../../../db/client.js';
import { runWrites } from '../../../db/prepared-writes.js';
import {
  devices,
  groupMembers,
  groups,
  qrCodes,
  qrPinMethods,
  users,
  webhookBadgeWarnings,
  webhookLockoutBursts,
  webhookLockoutLocks,
  webhookNoncompliantDevices,
} from '../../../db/schema.js';
import type { PersonFacts } from '../../../domain/webhook-event-audits.js';
import type { WebhookDevice } from '../../../domain/webhook-event-payloads.js';

/**
 * A write bound but not run, for a caller's batch (one transaction): what services hand around
 * without importing the database client.
 */
export type QueuedWrite = InStatement;

/** A standard badge due an expiry warning, with its person. */
export interface ExpiringBadgeRow {
  codeId: string;
  expireDateTime: Date;
  person: { id: string; userPrincipalName: string; displayName: string; employeeId: string | null };
}

const toStatement = (query: { toSQL(): { sql: string; params: unknown[] } }): InStatement => {
  const { sql: text, params } = query.toSQL();
  return { sql: text, args: params as InArgs };
};

export function createWebhookEventsRepository(db: Db) {
  return {
    /** Runs bound writes in one transaction (nothing when there are none). */
    async writeAll(statements: InStatement[]): Promise<void> {
      if (statements.length > 0) await runWrites(db, statements);
    },

    /** A person as events name them, with their role and stores; undefined when gone. */
    async personFacts(userId: string): Promise<PersonFacts | undefined> {
      const [user] = await db.select().from(users).where(eq(users.id, userId));
      if (!user) return undefined;
      const memberships = await db
        .select({ id: groups.id, displayName: groups.displayName })
        .from(groupMembers)
        .innerJoin(groups, eq(groups.id, groupMembers.groupId))
        .where(eq(groupMembers.userId, userId))
        .orderBy(asc(groups.displayName), asc(groups.id));
      return {
        id: user.id,
        userPrincipalName: user.userPrincipalName,
        displayName: user.displayName,
        employeeId: user.employeeId ?? null,
        role: user.role,
        accountEnabled: user.accountEnabled,
        stores: memberships,
      };
    },

    /** A device as events name it, with its store; undefined when gone. */
    async deviceFacts(deviceId: string): Promise<WebhookDevice | undefined> {
      const [row] = await db
        .select({
          id: devices.id,
          displayName: devices.displayName,
          storeId: groups.id,
          storeName: groups.displayName,
        })
        .from(devices)
        .leftJoin(groups, eq(groups.id, devices.groupId))
        .where(eq(devices.id, deviceId));
      if (!row) return undefined;
      const store = row.storeId && row.storeName ? { id: row.storeId, displayName: row.storeName } : null;
      return { id: row.id, displayName: row.displayName, store };
    },

    /** The person's badges still working at `now` (kind and expiry): what revoking them all revokes. */
    async workingBadgesOf(
      userId: string,
      now: Date,
    ): Promise<{ kind: 'standard' | 'temporary'; expireDateTime: string }[]> {
      const rows = await db
        .select({ kind: qrCodes.kind, expireDateTime: qrCodes.expireDateTime })
        .from(qrCodes)
        .innerJoin(qrPinMethods, eq(qrPinMethods.id, qrCodes.methodId))
        .where(and(eq(qrPinMethods.userId, userId), gt(qrCodes.expireDateTime, now)))
        .orderBy(asc(qrCodes.kind));
      return rows.map((row) => ({ kind: row.kind, expireDateTime: row.expireDateTime.toISOString() }));
    },

    // Lockout bursts

    /** A lock counted for each store, bound for the caller's batch. */
    recordLocksStatements(locks: { id: string; storeId: string }[], userId: string, at: Date): InStatement[] {
      return locks.map((lock) =>
        toStatement(
          db
            .insert(webhookLockoutLocks)
            .values({ id: lock.id, storeId: lock.storeId, userId, lockedAt: at })
            .onConflictDoNothing(),
        ),
      );
    },

    /** The store's lock times after `after`, and its last burst alert. */
    async storeLockHistory(
      storeId: string,
      after: Date,
    ): Promise<{ lockTimes: Date[]; lastAlertAt: Date | null }> {
      const rows = await db
        .select({ at: webhookLockoutLocks.lockedAt })
        .from(webhookLockoutLocks)
        .where(and(eq(webhookLockoutLocks.storeId, storeId), gt(webhookLockoutLocks.lockedAt, after)));
      const [alert] = await db
        .select({ at: webhookLockoutBursts.alertedAt })
        .from(webhookLockoutBursts)
        .where(eq(webhookLockoutBursts.storeId, storeId));
      return { lockTimes: rows.map((row) => row.at), lastAlertAt: alert?.at ?? null };
    },

    /**
     * Claims the store's burst alert at `at` unless one was claimed after `windowStart` (another
     * process's lock in the same store a moment ago): true for the one caller that claimed it.
     */
    async claimBurstAlert(storeId: string, at: Date, windowStart: Date): Promise<boolean> {
      const rows = await db
        .insert(webhookLockoutBursts)
        .values({ storeId, alertedAt: at })
        .onConflictDoUpdate({
          target: webhookLockoutBursts.storeId,
          set: { alertedAt: at },
          setWhere: lte(webhookLockoutBursts.alertedAt, windowStart),
        })
        .returning({ storeId: webhookLockoutBursts.storeId });
      return rows.length === 1;
    },

    /** Forgets locks counted before `before` (the retention sweep); how many went. */
    async deleteLocksBefore(before: Date, limit: number): Promise<number> {
      const old = db
        .select({ id: webhookLockoutLocks.id })
        .from(webhookLockoutLocks)
        .where(lt(webhookLockoutLocks.lockedAt, before))
        .limit(limit);
      return (await db.delete(webhookLockoutLocks).where(inArray(webhookLockoutLocks.id, old))).rowsAffected;
    },

    // Badges expiring soon

    /**
     * Standard badges expiring after `now` and at or before `horizon` that were not warned about for
     * this expiry, soonest first, at most `limit`.
     */
    async unwarnedExpiringBadges(now: Date, horizon: Date, limit: number): Promise<ExpiringBadgeRow[]> {
      const rows = await db
        .select({
          codeId: qrCodes.id,
          expireDateTime: qrCodes.expireDateTime,
          id: users.id,
          userPrincipalName: users.userPrincipalName,
          displayName: users.displayName,
          employeeId: users.employeeId,
        })
        .from(qrCodes)
        .innerJoin(qrPinMethods, eq(qrPinMethods.id, qrCodes.methodId))
        .innerJoin(users, eq(users.id, qrPinMethods.userId))
        .leftJoin(webhookBadgeWarnings, eq(webhookBadgeWarnings.codeId, qrCodes.id))
        .where(
          and(
            eq(qrCodes.kind, 'standard'),
            gt(qrCodes.expireDateTime, now),
            lte(qrCodes.expireDateTime, horizon),
            eq(users.accountEnabled, true),
            or(
              isNull(webhookBadgeWarnings.codeId),
              ne(webhookBadgeWarnings.expireAt, qrCodes.expireDateTime),
            ),
          ),
        )
        .orderBy(asc(qrCodes.expireDateTime), asc(qrCodes.id))
        .limit(limit);
      return rows.map(({ codeId, expireDateTime, ...person }) => ({
        codeId,
        expireDateTime,
        person: { ...person, employeeId: person.employeeId ?? null },
      }));
    },

    /** The warning about `codeId` expiring at `expireAt`, bound for the caller's batch. */
    markWarnedStatement(codeId: string, expireAt: Date, at: Date): InStatement {
      return toStatement(
        db
          .insert(webhookBadgeWarnings)
          .values({ codeId, expireAt, warnedAt: at })
          .onConflictDoUpdate({ target: webhookBadgeWarnings.codeId, set: { expireAt, warnedAt: at } }),
      );
    },

    // Kiosks reported non-compliant

    /** Whether the device was reported non-compliant (and not forgotten since). */
    async isReportedNoncompliant(deviceId: string): Promise<boolean> {
      const [row] = await db
        .select({ id: webhookNoncompliantDevices.deviceId })
        .from(webhookNoncompliantDevices)
        .where(eq(webhookNoncompliantDevices.deviceId, deviceId));
      return row !== undefined;
    },

    /** Notes the device as reported non-compliant; true for the one caller that noted it. */
    async markReportedNoncompliant(deviceId: string, at: Date): Promise<boolean> {
      const rows = await db
        .insert(webhookNoncompliantDevices)
        .values({ deviceId, reportedAt: at })
        .onConflictDoNothing()
        .returning({ id: webhookNoncompliantDevices.deviceId });
      return rows.length === 1;
    },

    /** The same note, bound for the caller's batch (an MDM report's event, written with its audit entry). */
    markReportedNoncompliantStatement(deviceId: string, at: Date): InStatement {
      return toStatement(
        db
          .insert(webhookNoncompliantDevices)
          .values({ deviceId, reportedAt: at })
          .onConflictDoUpdate({ target: webhookNoncompliantDevices.deviceId, set: { reportedAt: at } }),
      );
    },

    /** Forgets reports made before `before` (the sweep): a kiosk still non-compliant is reported again. */
    async forgetNoncompliantBefore(before: Date): Promise<void> {
      await db.delete(webhookNoncompliantDevices).where(lt(webhookNoncompliantDevices.reportedAt, before));
    },
  };
}
