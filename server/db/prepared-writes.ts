/**
 * Write statements built once, for the writes every sign-in makes (the per-client budget's claim and
 * refund, the attempt claim and reset, the session, the code's last use, the sign-in log row).
 *
 * Drizzle builds a statement anew at every call: it walks the query's parts, asks of each what kind
 * of part it is and encodes every value through its column. For a sign-in's seven writes that is
 * ≈ 0.8 ms of CPU on the event loop (docs/benchmarks.md, "Successful sign-ins against the hashing
 * limit"). A prepared write is built by drizzle once, with `sql.placeholder(name)` where the values
 * go; each run only fills the values in, each encoded as drizzle encodes it for its column
 * (timestamps, booleans, JSON), and is handed to the client exactly as drizzle hands it: one statement
 * to `client.execute`, several to `client.batch` (one transaction). So the group commit
 * (db/group-commit.ts) queues them as before, and a batch stays all or nothing.
 *
 * Drizzle's own `.prepare()` keeps the SQL too, but its runs cannot be joined into a batch (`db.batch`
 * takes query builders and builds each again); a bound statement here can, which lets a sign-in's
 * writes share one transaction.
 *
 * Nothing is cached but the SQL text: every run writes the values it is given.
 */
import type { Client, InArgs, InStatement, ResultSet } from '@libsql/client';
import {
  getTableColumns,
  is,
  Param,
  Placeholder,
  SQL,
  sql,
  type Column,
  type DriverValueEncoder,
} from 'drizzle-orm';
import type { SQLiteTable } from 'drizzle-orm/sqlite-core';
import type { Db } from './client.js';

/** A statement bound to its values, as the client takes it. */
export type BoundStatement = { sql: string; args: InArgs };

/** A write statement whose SQL is built: `values` fill its placeholders, by name. */
export type PreparedWrite<V> = (values: V) => BoundStatement;

/** What drizzle's `toSQL()` gives: the SQL text and its parameters, placeholders still unfilled. */
interface BuiltQuery {
  sql: string;
  params: unknown[];
}

type Values = Record<string, unknown>;

const valueNamed = (values: Values, name: string): unknown => {
  const value = values[name];
  // A missing value would be written as NULL by the driver, or refused: say which one is missing.
  if (value === undefined) throw new Error(`No value for placeholder "${name}" was provided`);
  return value;
};

/** How one parameter's argument is found in a run's values (drizzle's `fillPlaceholders`, decided once). */
function argumentOf(param: unknown): (values: Values) => unknown {
  if (is(param, Placeholder)) {
    // A placeholder in a condition or in raw SQL: passed as given (no column to encode it).
    const { name } = param;
    return (values) => valueNamed(values, name);
  }
  if (is(param, Param) && is(param.value, Placeholder)) {
    // A placeholder standing for a column's value (insert values, update set): encoded by the column.
    const { name } = param.value;
    const encoder = param.encoder as DriverValueEncoder<unknown, unknown>;
    return (values) => {
      const value = valueNamed(values, name);
      return value === null ? null : encoder.mapToDriverValue(value);
    };
  }
  // A constant built into the statement (already encoded by drizzle when it was built).
  return () => param;
}

/**
 * Builds `query` once; the returned function binds one run's values to it. `query` is any drizzle
 * query (insert, update, delete) whose values are `sql.placeholder(name)`.
 */
export function prepareWrite<V extends Values>(query: { toSQL(): BuiltQuery }): PreparedWrite<V> {
  const { sql, params } = query.toSQL();
  const fill = params.map(argumentOf);
  return (values) => ({ sql, args: fill.map((argumentFor) => argumentFor(values)) as InArgs });
}

/** A column's default for an insert that gives it no value, as drizzle's insert takes it. */
function defaultOf(key: string, column: Column): () => unknown {
  const { default: value, defaultFn } = column;
  // An SQL expression cannot be bound as a value: a column whose default is one must be given a value.
  const bindable = (fallback: unknown) => {
    if (is(fallback, SQL)) throw new Error(`No value for column "${key}" was provided (its default is SQL)`);
    return fallback;
  };
  if (value !== null && value !== undefined) return () => bindable(value);
  if (defaultFn) return () => bindable(defaultFn());
  return () => null;
}

/**
 * An insert of one row into `table`, built once: a run binds the row's values, and a column the row
 * leaves out (or undefined) gets its default, as with drizzle's `insert(table).values(row)`.
 */
export function prepareInsert<T extends SQLiteTable>(db: Db, table: T): PreparedWrite<T['$inferInsert']> {
  const columns = Object.entries(getTableColumns(table));
  const placeholders = Object.fromEntries(columns.map(([key]) => [key, sql.placeholder(key)]));
  const bind = prepareWrite<Values>(db.insert(table).values(placeholders as T['$inferInsert']));
  const defaults = columns.map(([key, column]) => [key, defaultOf(key, column)] as const);
  return (row) => {
    const values: Values = { ...row };
    for (const [key, fallback] of defaults) if (values[key] === undefined) values[key] = fallback();
    return bind(values);
  };
}

/**
 * A placeholder for a value of `column`, encoded as the column encodes it (a Date as the column's
 * timestamp), wherever it stands: in a condition (where a bare `sql.placeholder` would be passed as
 * given), an update's set or raw SQL, which drizzle's types accept as SQL.
 */
export function valueOf(column: Column, name: string): SQL {
  return sql`${sql.param<unknown, unknown>(sql.placeholder(name), column as DriverValueEncoder<unknown, unknown>)}`;
}

/**
 * The client drizzle runs `db`'s statements on (drizzle keeps it as `db.$client`): prepared writes go
 * to it as drizzle's would.
 */
export function clientOf(db: Db): Client {
  return (db as Db & { $client: Client }).$client;
}

/** Runs one bound write, alone: one commit, or one place in a shared commit (db/group-commit.ts). */
export function runWrite(db: Db, statement: InStatement): Promise<ResultSet> {
  return clientOf(db).execute(statement);
}

/** Runs bound writes in order in one transaction (a batch): all of them or none. */
export function runWrites(db: Db, statements: InStatement[]): Promise<ResultSet[]> {
  return clientOf(db).batch(statements);
}

/** The columns a statement's RETURNING gave for its first row, by position; undefined when no row. */
export function firstRow(result: ResultSet): readonly unknown[] | undefined {
  const row = result.rows[0];
  return row && Array.from({ length: result.columns.length }, (_, i) => row[i]);
}
