/**
 * Read statements prepared once and kept, for the reads every request makes (the session check).
 *
 * @libsql/client prepares every statement again on each call and asks for its columns twice: for
 * the session check's one statement that is ≈ 300 µs of CPU on the event loop, against ≈ 15 µs to
 * run the same statement kept prepared (docs/benchmarks.md, "Session check"). On a local database
 * file these statements therefore run on a connection of their own (the `libsql` driver underneath
 * @libsql/client, same version), opened read-only (`query_only`) with the same busy timeout.
 *
 * A kept statement is not a cache: each run reads the database as it is at that moment (WAL: the
 * latest committed state, whichever process or connection committed it), and SQLite prepares it
 * again by itself when a migration changes the schema. On a libSQL server (DATABASE_URL libsql://,
 * http(s)://, ws(s)://) the statements go through the client as every other statement does.
 */
import type { Client } from '@libsql/client';
import { getTableColumns, type Column, type Table } from 'drizzle-orm';
import Database from 'libsql';

/** Runs a kept statement with positional arguments: its first row as an array of column values. */
export type PreparedRead = (args: readonly unknown[]) => Promise<unknown[] | undefined>;

/** Runs a kept statement with positional arguments: every row, each as an array of column values. */
export type PreparedReadAll = (args: readonly unknown[]) => Promise<unknown[][]>;

export interface PreparedReads {
  prepare(sql: string): PreparedRead;
  prepareAll(sql: string): PreparedReadAll;
  close(): void;
}

/**
 * A table's row from its columns' values in select order (as drizzle selects a whole table), each
 * decoded as drizzle decodes it (JSON, timestamps, booleans).
 */
export function rowDecoder<T>(table: Table) {
  const columns = Object.entries(getTableColumns(table)) as [string, Column][];
  return {
    width: columns.length,
    decode(values: readonly unknown[], offset = 0): T {
      const row: Record<string, unknown> = {};
      columns.forEach(([key, column], i) => {
        const value = values[offset + i];
        row[key] = value === null || value === undefined ? null : column.mapFromDriverValue(value);
      });
      return row as T;
    },
  };
}

/** `file:` URLs other than in-memory ones: the path of the database file. */
function localPath(url: string): string | undefined {
  if (!url.startsWith('file:')) return undefined;
  const path = url.slice('file:'.length).split('?')[0] ?? '';
  return path && path !== ':memory:' ? path : undefined;
}

/** SQLite's busy timeout, as on the client's connections (db/client.ts). */
const BUSY_TIMEOUT_MS = 5000;

export function openPreparedReads(url: string, client: Client): PreparedReads {
  const path = localPath(url);
  if (path === undefined) {
    const all = (sql: string) => async (args: readonly unknown[]) =>
      (await client.execute({ sql, args: args as never })).rows.map((row) =>
        Array.from({ length: row.length }, (_, i) => row[i]),
      );
    return {
      prepare: (sql) => {
        const run = all(sql);
        return async (args) => (await run(args))[0];
      },
      prepareAll: all,
      close: () => {},
    };
  }
  const connection = new Database(path, { timeout: BUSY_TIMEOUT_MS });
  connection.exec('PRAGMA query_only = 1');
  return {
    prepare(sql) {
      const statement = connection.prepare(sql);
      statement.raw(true);
      return (args) => Promise.resolve(statement.get(...args) as unknown[] | undefined);
    },
    prepareAll(sql) {
      const statement = connection.prepare(sql);
      statement.raw(true);
      return (args) => Promise.resolve(statement.all(...args) as unknown[][]);
    },
    close: () => connection.close(),
  };
}
