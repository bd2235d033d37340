/**
 * The QR-code + PIN method, its codes and its lockout counters. Counters change only through single
 * conditional UPDATE statements (lockout-counters.ts), so any number of concurrent requests and API
 * processes agree.
 */
import { and, eq, fillPlaceholders, gt, inArray, lte, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { isUniqueViolationOn } from '../../db/errors.js';
import { rowDecoder, type PreparedReads } from '../../db/prepared-reads.js';
import { groupMembers, qrCodes, qrPinMethods, settings, users } from '../../db/schema.js';
import { createLockoutCounters } from '../lockout/lockout-counters-repository.js';

export type MethodRow = typeof qrPinMethods.$inferSelect;
export type QrCodeRow = typeof qrCodes.$inferSelect;
export type NewMethod = typeof qrPinMethods.$inferInsert;
export type NewQrCode = typeof qrCodes.$inferInsert;
export type CodeKind = QrCodeRow['kind'];

/**
 * A badge's stored code, its method, the method's user (undefined if gone) and the user's group ids:
 * everything a badge + PIN check reads before it claims an attempt, read in one statement.
 */
export interface BadgeReads {
  code: QrCodeRow;
  method: MethodRow;
  user: typeof users.$inferSelect | undefined;
  groupIds: string[];
}

/** A badge (undefined: none) and a settings document (undefined: none stored), read in one statement. */
export interface BadgeWithSetting {
  badge: BadgeReads | undefined;
  setting: unknown;
}

/** Another code already has this short code's hash: draw a new short code and try again. */
export type ShortCodeTaken = 'short_code_taken';

const isShortCodeTaken = (error: unknown): boolean => isUniqueViolationOn(error, 'qr_codes.short_code_hash');

export function createQrPinMethodRepository(db: Db, reads: PreparedReads) {
  // The row is the method itself, so it always exists: claims update it, a reset zeroes it.
  const lockoutCounters = createLockoutCounters(db, qrPinMethods, { key: 'id', createOnFirstClaim: false });
  // Every sign-in reads its badge this way: the code, the method, the user and the user's groups in
  // one statement whose SQL is built once and kept prepared (db/prepared-reads.ts), instead of three
  // statements prepared again at every call. Nothing is cached: each run reads the database as it is.
  // The same statement reads one settings document (the sign-in's policy), whether or not the badge is
  // found: the writer thread commits between most requests' reads, and each read statement after its
  // commit costs more than the statement itself (SQLite reloads what the read connection had cached:
  // a second statement was ≈ 25 µs of event-loop CPU per sign-in), so one statement, not two.
  const badgeWhere = (where: SQL) => {
    const badge = db
      .select({
        code: qrCodes,
        method: qrPinMethods,
        user: users,
        groupIds: sql`(
          select json_group_array(${groupMembers.groupId}) from ${groupMembers}
          where ${groupMembers.userId} = ${qrPinMethods.userId})`,
      })
      .from(qrCodes)
      .innerJoin(qrPinMethods, eq(qrCodes.methodId, qrPinMethods.id))
      .leftJoin(users, eq(users.id, qrPinMethods.userId))
      .where(where)
      .toSQL();
    const setting = db
      .select({ value: settings.value })
      .from(settings)
      .where(eq(settings.key, sql.placeholder('settingKey')))
      .toSQL();
    // One row always: the document (or NULL), then the badge's columns (all NULL when no badge).
    const run = reads.prepare(
      `select (${setting.sql}), badge.* from (select 1) left join (${badge.sql}) as badge`,
    );
    const params = [...setting.params, ...badge.params];
    return async (values: Record<string, unknown>): Promise<BadgeWithSetting> => {
      const row = (await run(fillPlaceholders(params, values)))!;
      const stored = row[0];
      return {
        badge: badgeOf(row, 1),
        setting:
          stored === null || stored === undefined
            ? undefined
            : settings.value.mapFromDriverValue(stored as string),
      };
    };
  };
  const badgeById = badgeWhere(eq(qrCodes.id, sql.placeholder('codeId')));
  // A short code is looked up under the current key's hash and the previous key's (the same twice
  // when there is no previous key).
  const badgeByShortCode = badgeWhere(
    inArray(qrCodes.shortCodeHash, [sql.placeholder('current'), sql.placeholder('previous')]),
  );
  const codeRow = rowDecoder<QrCodeRow>(qrCodes);
  const methodRow = rowDecoder<MethodRow>(qrPinMethods);
  const userRow = rowDecoder<typeof users.$inferSelect>(users);
  const badgeOf = (values: unknown[], at: number): BadgeReads | undefined => {
    // The code's id is its primary key: NULL only when the left join found no badge.
    if (values[at] === null || values[at] === undefined) return undefined;
    const methodAt = at + codeRow.width;
    const userAt = methodAt + methodRow.width;
    const groupIds = JSON.parse(values[userAt + userRow.width] as string) as string[];
    return {
      code: codeRow.decode(values, at),
      method: methodRow.decode(values, methodAt),
      user: values[userAt] === null ? undefined : userRow.decode(values, userAt),
      groupIds,
    };
  };
  return {
    /** The badge whose code has this id (see BadgeReads), and the settings document under `settingKey`. */
    async findBadge(codeId: string, settingKey: string): Promise<BadgeWithSetting> {
      return badgeById({ codeId, settingKey });
    },
    /**
     * The badge stored under any of `shortCodeHashes` (the current key's first; platform/short-codes.ts),
     * and the settings document under `settingKey`.
     */
    async findBadgeByShortCodeHash(shortCodeHashes: string[], settingKey: string): Promise<BadgeWithSetting> {
      // No hash at all: NULLs, which match no badge (the document is still read).
      const [current = null, previous = current] = shortCodeHashes;
      return badgeByShortCode({ current, previous, settingKey });
    },
    async findByUserId(userId: string): Promise<MethodRow | undefined> {
      return db.query.qrPinMethods.findFirst({ where: eq(qrPinMethods.userId, userId) });
    },
    /** The method and its first code together, or neither. */
    async insertMethod(method: NewMethod, code: NewQrCode): Promise<'inserted' | ShortCodeTaken> {
      try {
        await db.batch([db.insert(qrPinMethods).values(method), db.insert(qrCodes).values(code)]);
        return 'inserted';
      } catch (error) {
        if (isShortCodeTaken(error)) return 'short_code_taken';
        throw error;
      }
    },
    /** Deletes the user's method and (by cascade) its codes; true when there was one. */
    async deleteForUser(userId: string): Promise<boolean> {
      const rows = await db
        .delete(qrPinMethods)
        .where(eq(qrPinMethods.userId, userId))
        .returning({ id: qrPinMethods.id });
      return rows.length > 0;
    },
    async codesOf(methodId: string): Promise<QrCodeRow[]> {
      return db.select().from(qrCodes).where(eq(qrCodes.methodId, methodId));
    },
    /** The code whose short code has this keyed hash, with its method. */
    /** The code stored under any of `shortCodeHashes` (the current key's first; platform/short-codes.ts). */
    async findCodeWithMethodByShortCodeHash(
      shortCodeHashes: string[],
    ): Promise<{ code: QrCodeRow; method: MethodRow } | undefined> {
      const [row] = await db
        .select({ code: qrCodes, method: qrPinMethods })
        .from(qrCodes)
        .innerJoin(qrPinMethods, eq(qrCodes.methodId, qrPinMethods.id))
        .where(inArray(qrCodes.shortCodeHash, shortCodeHashes));
      return row;
    },
    /** Re-keys a short code found under the previous server key, unless it changed meanwhile. */
    async rekeyShortCode(codeId: string, from: string, to: string): Promise<void> {
      await db
        .update(qrCodes)
        .set({ shortCodeHash: to })
        .where(and(eq(qrCodes.id, codeId), eq(qrCodes.shortCodeHash, from)));
    },
    /**
     * Adds a code of `kind` unless one of that kind is still unexpired at `now`; expired codes of the
     * kind are removed in the same statement batch.
     */
    async addCodeUnlessActive(
      code: NewQrCode & { kind: CodeKind },
      now: Date,
    ): Promise<'added' | 'active_code_exists' | ShortCodeTaken> {
      let inserted;
      try {
        [, inserted] = await db.batch([
          db
            .delete(qrCodes)
            .where(
              and(
                eq(qrCodes.methodId, code.methodId),
                eq(qrCodes.kind, code.kind),
                lte(qrCodes.expireDateTime, now),
              ),
            ),
          db.run(sql`
          insert into ${qrCodes} (id, method_id, kind, secret_hash, short_code_hash, start_at, expire_at, created_at)
          select ${code.id}, ${code.methodId}, ${code.kind}, ${code.secretHash}, ${code.shortCodeHash ?? null},
                 ${code.startDateTime.getTime()}, ${code.expireDateTime.getTime()}, ${code.createdDateTime.getTime()}
          where not exists (
            select 1 from ${qrCodes}
            where ${qrCodes.methodId} = ${code.methodId} and ${qrCodes.kind} = ${code.kind}
              and ${qrCodes.expireDateTime} > ${now.getTime()})`),
        ]);
      } catch (error) {
        if (isShortCodeTaken(error)) return 'short_code_taken';
        throw error;
      }
      return inserted.rowsAffected === 1 ? 'added' : 'active_code_exists';
    },
    /**
     * A code's new expiry, unless it expired or was replaced since it was read (then false): the update
     * names the code and requires it to be still unexpired at `now`.
     */
    async changeExpiry(codeId: string, expire: Date, now: Date): Promise<boolean> {
      const rows = await db
        .update(qrCodes)
        .set({ expireDateTime: expire })
        .where(and(eq(qrCodes.id, codeId), gt(qrCodes.expireDateTime, now)))
        .returning({ id: qrCodes.id });
      return rows.length === 1;
    },
    /** Deletes the method's codes of `kind`; the deleted codes (kind and expiry), none when there were none. */
    async deleteCodes(
      methodId: string,
      kind: CodeKind,
    ): Promise<{ id: string; kind: CodeKind; expireDateTime: Date }[]> {
      return db
        .delete(qrCodes)
        .where(and(eq(qrCodes.methodId, methodId), eq(qrCodes.kind, kind)))
        .returning({ id: qrCodes.id, kind: qrCodes.kind, expireDateTime: qrCodes.expireDateTime });
    },
    /** Sets a new PIN verifier; `clearLockout` also forgets every failure (PIN reset). */
    async updatePin(
      methodId: string,
      change: { pinHash: string; pinLength: number; forceChangePinNextSignIn: boolean; pinUpdatedAt: Date },
      options: { clearLockout: boolean },
    ): Promise<void> {
      const lockout = options.clearLockout
        ? { failedAttempts: 0, consecutiveFailures: 0, lockoutCount: 0, lockedUntil: null }
        : {};
      await db
        .update(qrPinMethods)
        .set({ ...change, ...lockout })
        .where(eq(qrPinMethods.id, methodId));
    },
    /** Swaps the verifier only if it is still the one that was checked (parameter upgrade). */
    async upgradePinHash(methodId: string, oldHash: string, newHash: string): Promise<void> {
      await db
        .update(qrPinMethods)
        .set({ pinHash: newHash })
        .where(and(eq(qrPinMethods.id, methodId), eq(qrPinMethods.pinHash, oldHash)));
    },
    /**
     * The method's lockout counters (lockout-counters.ts): PIN checks claim and lock through them
     * (sign-in/pin-check.ts).
     */
    lockoutCounters,
    /** After a correct PIN, or an admin's unlock. */
    resetLockout: (methodId: string): Promise<void> => lockoutCounters.reset(methodId),
    async markCodeUsed(codeId: string, at: Date): Promise<void> {
      await db.update(qrCodes).set({ lastUsedDateTime: at }).where(eq(qrCodes.id, codeId));
    },
  };
}
