/**
 * The lockout counters of one table (docs/security.md, "Lockout"), whichever subject they count: a
 * worker's PIN method, a console account. Every write is one conditional statement, so any number of
 * concurrent requests and API processes agree without a transaction; the conditions are the whole
 * of the race safety, and they live only here.
 */
import type { ResultSet } from '@libsql/client';
import { and, eq, getTableColumns, gte, isNull, lt, lte, or, sql } from 'drizzle-orm';
import type {
  AnySQLiteColumn,
  SQLiteInsertValue,
  SQLiteTable,
  SQLiteUpdateSetSource,
} from 'drizzle-orm/sqlite-core';
import type { Db } from '../../db/client.js';
import { firstRow, prepareWrite, runWrite, valueOf, type BoundStatement } from '../../db/prepared-writes.js';
import type { LockoutCounters as CounterValues } from '../../domain/lockout.js';

type Counter = AnySQLiteColumn<{ data: number; notNull: true }>;

/** The schema's convention: a table with lockout counters keeps them under these four names. */
export interface CounterColumns {
  failedAttempts: Counter;
  consecutiveFailures: Counter;
  lockoutCount: Counter;
  lockedUntil: AnySQLiteColumn<{ data: Date }>;
}

export type CounterTable = SQLiteTable & CounterColumns;

/** The table's columns that hold text: the ones that can name the subject being counted. */
export type TextColumnName<T extends SQLiteTable> = {
  [P in keyof T['_']['columns']]: T['_']['columns'][P] extends AnySQLiteColumn<{ data: string }> ? P : never;
}[keyof T['_']['columns']] &
  string;

export interface CounterTableOptions<T extends SQLiteTable, K> {
  /** The column that names the subject (its primary key, in practice). */
  key: K;
  /**
   * True where the row exists only to count (an account's first failure creates it, a reset deletes
   * it); false where the row is the subject itself and always exists (claims update it, a reset zeroes
   * its counters).
   */
  createOnFirstClaim: boolean;
  /** A timestamp column set to the time of every counted failure, when the table keeps one. */
  lastFailedAt?: keyof T['_']['columns'] & string;
}

export type ClaimedAttempt = Omit<CounterValues, 'lockedUntil'>;
export type AttemptLimits = { threshold: number; hardLimit: number };
export type DueLock = { threshold: number; lockoutCount: number; until: Date };

export interface LockoutCounterStatements {
  /** The counters now; undefined when the subject has no row. */
  read(key: string): Promise<CounterValues | undefined>;
  /**
   * Counts one attempt as a failure before it is checked, only while the subject is unlocked (or its
   * lock ran out) and below both the threshold and the hard limit. Undefined means: locked, do not
   * check. Because the limits are in the statement's condition, any number of parallel claims gets
   * at most `threshold` through per lock period.
   */
  claim(key: string, now: Date, limits: AttemptLimits): Promise<ClaimedAttempt | undefined>;
  /**
   * Locks until `due.until` once the failures reached the threshold, unless a lock is running or the
   * lockout count moved on (optimistic: `until` was computed from `lockoutCount`). The request that
   * used the last attempt and any request that raced it write one lock between them; true for the
   * one that did.
   */
  lockIfDue(key: string, now: Date, due: DueLock): Promise<boolean>;
  /**
   * Gives one claimed attempt back (a correct password whose second factor is still to come, so
   * wrong codes keep counting); never below zero.
   */
  refund(key: string): Promise<void>;
  /** Forgets every failure and any lock (a full success, or an admin's unlock). */
  reset(key: string): Promise<void>;
  /** `reset`'s statement, bound but not run: for a caller that commits it with writes of its own. */
  resetStatement(key: string): BoundStatement;
  /** `claim`'s statement, bound but not run: for a caller that commits it with writes of its own. */
  claimStatement(key: string, now: Date, limits: AttemptLimits): BoundStatement;
  /**
   * `claim`'s statement, bound but not run, for a batch in which it must follow another claim (the
   * client budget's): it counts only if the statement run just before it in the batch changed a row
   * (SQLite's `changes()`), so when that claim was refused this one counts nothing. Only for counters
   * whose row always exists (`createOnFirstClaim: false`).
   */
  claimAfterStatement(key: string, now: Date, limits: AttemptLimits): BoundStatement;
  /** What a claim statement's result says, as `claim` answers. */
  claimedBy(result: ResultSet): ClaimedAttempt | undefined;
}

const ZEROED = { failedAttempts: 0, consecutiveFailures: 0, lockoutCount: 0, lockedUntil: null };

export function createLockoutCounters<T extends CounterTable, K extends TextColumnName<T>>(
  db: Db,
  table: T,
  options: CounterTableOptions<T, K>,
): LockoutCounterStatements {
  const keyColumn = getTableColumns(table)[options.key] as AnySQLiteColumn;
  // Every write below is built once (db/prepared-writes.ts); a run only binds its values: `key`, and
  // where used `now`, `threshold`, `hardLimit`, `lockoutCount`, `until`.
  const isKey = eq(keyColumn, sql.placeholder('key'));
  const lockNotRunning = or(
    isNull(table.lockedUntil),
    lte(table.lockedUntil, valueOf(table.lockedUntil, 'now')),
  );
  // Drizzle types `set`/`values` per concrete table; for a table only known by its counter columns
  // the (checked) objects below are handed over with a cast.
  const set = (values: Record<string, unknown>) => values as SQLiteUpdateSetSource<T>;
  const counters = {
    failedAttempts: table.failedAttempts,
    consecutiveFailures: table.consecutiveFailures,
    lockoutCount: table.lockoutCount,
  };
  const stamp = options.lastFailedAt ? { [options.lastFailedAt]: sql.placeholder('now') } : {};
  const countOneMore = set({
    failedAttempts: sql`${table.failedAttempts} + 1`,
    consecutiveFailures: sql`${table.consecutiveFailures} + 1`,
    ...stamp,
  });
  const claimable = and(
    lockNotRunning,
    lt(table.failedAttempts, sql.placeholder('threshold')),
    lt(table.consecutiveFailures, sql.placeholder('hardLimit')),
  );
  type ClaimValues = { key: string; now: Date; threshold: number; hardLimit: number };
  const claimStatement = prepareWrite<ClaimValues>(
    options.createOnFirstClaim
      ? // An upsert: the first failure inserts the row already counted; a later one counts only under
        // the same conditions as the update below (`setWhere`), otherwise nothing is returned.
        db
          .insert(table)
          .values({
            [options.key]: sql.placeholder('key'),
            failedAttempts: 1,
            consecutiveFailures: 1,
            ...stamp,
          } as SQLiteInsertValue<T>)
          .onConflictDoUpdate({ target: keyColumn, set: countOneMore, setWhere: claimable })
          .returning(counters)
      : db.update(table).set(countOneMore).where(and(isKey, claimable)).returning(counters),
  );
  const claimAfterStatement = options.createOnFirstClaim
    ? undefined
    : prepareWrite<ClaimValues>(
        db
          .update(table)
          .set(countOneMore)
          .where(and(isKey, claimable, sql`changes() = 1`))
          .returning(counters),
      );
  const claimedBy = (result: ResultSet): ClaimedAttempt | undefined => {
    const row = firstRow(result);
    if (!row) return undefined;
    const [failedAttempts, consecutiveFailures, lockoutCount] = row as number[];
    return {
      failedAttempts: failedAttempts!,
      consecutiveFailures: consecutiveFailures!,
      lockoutCount: lockoutCount!,
    };
  };
  const lockStatement = prepareWrite<{
    key: string;
    now: Date;
    threshold: number;
    lockoutCount: number;
    until: Date;
    nextLockoutCount: number;
  }>(
    db
      .update(table)
      .set(
        set({
          lockedUntil: sql.placeholder('until'),
          failedAttempts: 0,
          lockoutCount: sql.placeholder('nextLockoutCount'),
        }),
      )
      .where(
        and(
          isKey,
          gte(table.failedAttempts, sql.placeholder('threshold')),
          eq(table.lockoutCount, sql.placeholder('lockoutCount')),
          lockNotRunning,
        ),
      )
      .returning({ key: keyColumn }),
  );
  const refundStatement = prepareWrite<{ key: string }>(
    db
      .update(table)
      .set(
        set({
          failedAttempts: sql`max(${table.failedAttempts} - 1, 0)`,
          consecutiveFailures: sql`max(${table.consecutiveFailures} - 1, 0)`,
        }),
      )
      .where(isKey),
  );
  const resetStatement = prepareWrite<{ key: string }>(
    options.createOnFirstClaim
      ? // No row reads as "never failed", so the row that only counted can go.
        db.delete(table).where(isKey)
      : db.update(table).set(set(ZEROED)).where(isKey),
  );

  return {
    async read(key) {
      const [row] = await db
        .select({ ...counters, lockedUntil: table.lockedUntil })
        .from(table as SQLiteTable)
        .where(eq(keyColumn, key));
      return row as CounterValues | undefined;
    },

    async claim(key, now, limits) {
      return claimedBy(await runWrite(db, claimStatement({ key, now, ...limits })));
    },

    async lockIfDue(key, now, due) {
      const result = await runWrite(
        db,
        lockStatement({ key, now, ...due, nextLockoutCount: due.lockoutCount + 1 }),
      );
      return result.rows.length === 1;
    },

    async refund(key) {
      await runWrite(db, refundStatement({ key }));
    },

    async reset(key) {
      await runWrite(db, resetStatement({ key }));
    },

    resetStatement: (key) => resetStatement({ key }),

    claimStatement: (key, now, limits) => claimStatement({ key, now, ...limits }),

    claimAfterStatement(key, now, limits) {
      if (!claimAfterStatement)
        throw new Error('a claim after another needs counters whose row always exists');
      return claimAfterStatement({ key, now, ...limits });
    },

    claimedBy,
  };
}
