/**
 * The lockout counters of one table (docs/security.md, "Lockout"), whichever subject they count: a
 * worker's PIN method, a console account. Every write is one conditional statement, so any number of
 * concurrent requests and API processes agree without a transaction; the conditions are the whole
 * of the race safety, and they live only here.
 */
import { and, eq, getTableColumns, gte, isNull, lt, lte, or, sql, type SQL } from 'drizzle-orm';
import type {
  AnySQLiteColumn,
  SQLiteInsertValue,
  SQLiteTable,
  SQLiteUpdateSetSource,
} from 'drizzle-orm/sqlite-core';
import type { Db } from '../../db/client.js';
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
}

const ZEROED = { failedAttempts: 0, consecutiveFailures: 0, lockoutCount: 0, lockedUntil: null };

export function createLockoutCounters<T extends CounterTable, K extends TextColumnName<T>>(
  db: Db,
  table: T,
  options: CounterTableOptions<T, K>,
): LockoutCounterStatements {
  const keyColumn = getTableColumns(table)[options.key] as AnySQLiteColumn;
  const isKey = (key: string): SQL => eq(keyColumn, key);
  const lockNotRunning = (now: Date) => or(isNull(table.lockedUntil), lte(table.lockedUntil, now));
  // Drizzle types `set`/`values` per concrete table; for a table only known by its counter columns
  // the (checked) objects below are handed over with a cast.
  const set = (values: Record<string, unknown>) => values as SQLiteUpdateSetSource<T>;
  const counters = {
    failedAttempts: table.failedAttempts,
    consecutiveFailures: table.consecutiveFailures,
    lockoutCount: table.lockoutCount,
  };
  const stampAt = (now: Date) => (options.lastFailedAt ? { [options.lastFailedAt]: now } : {});
  const countOneMore = (now: Date) =>
    set({
      failedAttempts: sql`${table.failedAttempts} + 1`,
      consecutiveFailures: sql`${table.consecutiveFailures} + 1`,
      ...stampAt(now),
    });
  const claimable = (now: Date, limits: AttemptLimits) =>
    and(
      lockNotRunning(now),
      lt(table.failedAttempts, limits.threshold),
      lt(table.consecutiveFailures, limits.hardLimit),
    );

  return {
    async read(key) {
      const [row] = await db
        .select({ ...counters, lockedUntil: table.lockedUntil })
        .from(table as SQLiteTable)
        .where(isKey(key));
      return row as CounterValues | undefined;
    },

    async claim(key, now, limits) {
      if (options.createOnFirstClaim) {
        // An upsert: the first failure inserts the row already counted; a later one counts only under
        // the same conditions as the update below (`setWhere`), otherwise nothing is returned.
        const first = { [options.key]: key, failedAttempts: 1, consecutiveFailures: 1, ...stampAt(now) };
        const [row] = await db
          .insert(table)
          .values(first as SQLiteInsertValue<T>)
          .onConflictDoUpdate({ target: keyColumn, set: countOneMore(now), setWhere: claimable(now, limits) })
          .returning(counters);
        return row as ClaimedAttempt | undefined;
      }
      const [row] = await db
        .update(table)
        .set(countOneMore(now))
        .where(and(isKey(key), claimable(now, limits)))
        .returning(counters);
      return row as ClaimedAttempt | undefined;
    },

    async lockIfDue(key, now, due) {
      const rows = await db
        .update(table)
        .set(set({ lockedUntil: due.until, failedAttempts: 0, lockoutCount: due.lockoutCount + 1 }))
        .where(
          and(
            isKey(key),
            gte(table.failedAttempts, due.threshold),
            eq(table.lockoutCount, due.lockoutCount),
            lockNotRunning(now),
          ),
        )
        .returning({ key: keyColumn });
      return rows.length === 1;
    },

    async refund(key) {
      await db
        .update(table)
        .set(
          set({
            failedAttempts: sql`max(${table.failedAttempts} - 1, 0)`,
            consecutiveFailures: sql`max(${table.consecutiveFailures} - 1, 0)`,
          }),
        )
        .where(isKey(key));
    },

    async reset(key) {
      if (options.createOnFirstClaim) {
        // No row reads as "never failed", so the row that only counted can go.
        await db.delete(table).where(isKey(key));
        return;
      }
      await db.update(table).set(set(ZEROED)).where(isKey(key));
    },
  };
}
