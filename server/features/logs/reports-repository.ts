/** Read-only reports across tables. None of them selects a secret column (hashes stay in the database). */
import { and, asc, count, eq, gt, gte, inArray, lte, or, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import type { Role } from '../../domain/roles.js';
import { groupMembers, qrCodes, qrPinMethods, users } from '../../db/schema.js';

export interface QrCodeExpirationFilter {
  /** Codes still usable after this instant (expireDateTime is exclusive). */
  notExpiredAt: Date;
  /** …and expiring at or before this instant. */
  expiringBy: Date;
  groupId?: string;
  /** A manager's view: only codes of users with this role who share one of these groups. */
  scope?: { groupIds: string[]; role: Role };
  /** The last row of the previous page. */
  after?: { expireDateTime: Date; codeId: string };
  limit: number;
}

export interface QrCodeExpirationRow {
  userId: string;
  userPrincipalName: string;
  displayName: string;
  codeId: string;
  kind: 'standard' | 'temporary';
  startDateTime: Date;
  expireDateTime: Date;
  lastUsedDateTime: Date | null;
}

export function createReportRepository(db: Db) {
  const membersOf = (groupIds: string[]) =>
    db.select({ id: groupMembers.userId }).from(groupMembers).where(inArray(groupMembers.groupId, groupIds));
  return {
    /**
     * QR-code + PIN methods locked at `now`: a timed lock not yet over, or at the hard limit (locked
     * until someone unlocks it). A scan of qr_pin_methods (one row per user with a badge).
     */
    async lockedMethodCount(filter: {
      now: Date;
      hardLimit: number;
      scope?: { groupIds: string[]; role: Role };
    }): Promise<number> {
      if (filter.scope && filter.scope.groupIds.length === 0) return 0;
      const locked = or(
        gte(qrPinMethods.consecutiveFailures, filter.hardLimit),
        gt(qrPinMethods.lockedUntil, filter.now),
      )!;
      const [row] = filter.scope
        ? await db
            .select({ n: count() })
            .from(qrPinMethods)
            .innerJoin(users, eq(users.id, qrPinMethods.userId))
            .where(
              and(
                locked,
                eq(users.role, filter.scope.role),
                inArray(users.id, membersOf(filter.scope.groupIds)),
              ),
            )
        : await db.select({ n: count() }).from(qrPinMethods).where(locked);
      return row?.n ?? 0;
    },
    /**
     * Codes expiring in a window, soonest first, read along qr_codes_expire_idx. Only people who may
     * sign in: a disabled person needs no new badge (the report is the list to re-badge).
     */
    async qrCodeExpirations(filter: QrCodeExpirationFilter): Promise<QrCodeExpirationRow[]> {
      if (filter.scope && filter.scope.groupIds.length === 0) return [];
      const expire = qrCodes.expireDateTime;
      const conditions: SQL[] = [
        gt(expire, filter.notExpiredAt),
        lte(expire, filter.expiringBy),
        eq(users.accountEnabled, true),
      ];
      if (filter.after) {
        const { expireDateTime: at, codeId } = filter.after;
        conditions.push(or(gt(expire, at), and(eq(expire, at), gt(qrCodes.id, codeId)))!);
      }
      if (filter.groupId) conditions.push(inArray(users.id, membersOf([filter.groupId])));
      if (filter.scope) {
        conditions.push(
          eq(users.role, filter.scope.role),
          inArray(users.id, membersOf(filter.scope.groupIds)),
        );
      }
      return db
        .select({
          userId: users.id,
          userPrincipalName: users.userPrincipalName,
          displayName: users.displayName,
          codeId: qrCodes.id,
          kind: qrCodes.kind,
          startDateTime: qrCodes.startDateTime,
          expireDateTime: qrCodes.expireDateTime,
          lastUsedDateTime: qrCodes.lastUsedDateTime,
        })
        .from(qrCodes)
        .innerJoin(qrPinMethods, eq(qrPinMethods.id, qrCodes.methodId))
        .innerJoin(users, eq(users.id, qrPinMethods.userId))
        .where(and(...conditions))
        .orderBy(asc(expire), asc(qrCodes.id))
        .limit(filter.limit);
    },
  };
}
