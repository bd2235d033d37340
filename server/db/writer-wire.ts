/**
 * What crosses between the main thread and the database writer thread (server/db/writer-thread.mjs),
 * converted exactly as @libsql/client's local (file) client converts it with its default intMode
 * 'number' (node_modules/@libsql/client/lib-esm/sqlite3.js: valueToSql, rowFromSql, mapSqliteError),
 * so drizzle and the code that reads constraint errors (db/errors.ts) see no difference:
 *
 * - arguments: booleans become 1/0, Dates their milliseconds, ArrayBuffers bytes; undefined, NaN and
 *   Infinity are refused (before anything runs);
 * - results: a ResultSet whose rows are array-like and carry their columns' names, integers as
 *   numbers, blobs as ArrayBuffers (the thread converts those);
 * - errors: a LibsqlError (LibsqlBatchError inside a batch) with the same code, extended code, raw
 *   code and message, caused by libSQL's SqliteError as before.
 */
import {
  LibsqlBatchError,
  LibsqlError,
  type InArgs,
  type InStatement,
  type ResultSet,
  type Row,
  type TransactionMode,
} from '@libsql/client';
import Database from 'libsql';

/** A statement as the thread takes it. */
export interface WireStatement {
  sql: string;
  args: unknown[] | Record<string, unknown>;
}

/** A request's writes: one statement, or a batch (one transaction of its own when it runs alone). */
export type WireJob =
  | { kind: 'execute'; statement: WireStatement }
  | { kind: 'batch'; statements: WireStatement[]; mode?: TransactionMode };

/** A statement's result as the thread sends it: rows as arrays of converted values. */
export interface RawResult {
  columns: string[];
  columnTypes: string[];
  rows: unknown[][];
  rowsAffected: number;
  lastInsertRowid: bigint | undefined;
}

/** An error as the thread sends it. */
export interface ErrorRecord {
  name: string;
  message: string;
  code?: string;
  extendedCode?: string;
  rawCode?: number;
  statementIndex?: number;
}

const MIN_INTEGER = -9223372036854775808n;
const MAX_INTEGER = 9223372036854775807n;

function valueToSql(value: unknown): unknown {
  if (typeof value === 'number') {
    if (!Number.isFinite(value))
      throw new RangeError('Only finite numbers (not Infinity or NaN) can be passed as arguments');
    return value;
  }
  if (typeof value === 'bigint') {
    if (value < MIN_INTEGER || value > MAX_INTEGER)
      throw new RangeError(
        'bigint is too large to be represented as a 64-bit integer and passed as argument',
      );
    return value;
  }
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (value instanceof ArrayBuffer) return new Uint8Array(value);
  if (value instanceof Date) return value.valueOf();
  if (value === undefined) throw new TypeError('undefined cannot be passed as argument to the database');
  return value;
}

/** A statement in the thread's terms; throws as @libsql/client would on an argument it refuses. */
export function wireStatement(statement: InStatement | [string, InArgs?]): WireStatement {
  const { sql, args = [] } =
    typeof statement === 'string'
      ? { sql: statement }
      : Array.isArray(statement)
        ? { sql: statement[0], args: statement[1] }
        : statement;
  if (Array.isArray(args)) return { sql, args: args.map(valueToSql) };
  const named: Record<string, unknown> = {};
  for (const name in args) {
    const bare = name[0] === '@' || name[0] === '$' || name[0] === ':' ? name.substring(1) : name;
    named[bare] = valueToSql(args[name]);
  }
  return { sql, args: named };
}

/** A row as @libsql/client builds it: indexes (and `length`) not enumerable, column names enumerable. */
function rowOf(values: unknown[], columns: string[]): Row {
  const row = {};
  Object.defineProperty(row, 'length', { value: values.length });
  for (let i = 0; i < values.length; i += 1) {
    const value = values[i];
    Object.defineProperty(row, i, { value });
    const column = columns[i]!;
    if (!Object.hasOwn(row, column)) {
      Object.defineProperty(row, column, { value, enumerable: true, configurable: true, writable: true });
    }
  }
  return row as Row;
}

const base64Of = (buffer: ArrayBuffer) => Buffer.from(buffer).toString('base64');

/** @libsql/core's ResultSetImpl, with the same fields and JSON form. */
class WriterResultSet implements ResultSet {
  constructor(
    public columns: string[],
    public columnTypes: string[],
    public rows: Row[],
    public rowsAffected: number,
    public lastInsertRowid: bigint | undefined,
  ) {}
  toJSON() {
    return {
      columns: this.columns,
      columnTypes: this.columnTypes,
      rows: this.rows.map((row) =>
        Array.prototype.map.call(row, (value: unknown) =>
          typeof value === 'bigint' ? `${value}` : value instanceof ArrayBuffer ? base64Of(value) : value,
        ),
      ),
      rowsAffected: this.rowsAffected,
      lastInsertRowid: this.lastInsertRowid !== undefined ? `${this.lastInsertRowid}` : null,
    };
  }
}

function oneResultSet(raw: RawResult): ResultSet {
  return new WriterResultSet(
    raw.columns,
    raw.columnTypes,
    raw.rows.map((values) => rowOf(values, raw.columns)),
    raw.rowsAffected,
    raw.lastInsertRowid,
  );
}

export function resultSetOf(raw: RawResult | RawResult[]): ResultSet | ResultSet[] {
  return Array.isArray(raw) ? raw.map(oneResultSet) : oneResultSet(raw);
}

const PLAIN_ERRORS: Record<string, ErrorConstructor> = { RangeError, TypeError };

export function errorOf(record: ErrorRecord): Error {
  if (record.name !== 'LibsqlError' && record.name !== 'LibsqlBatchError') {
    return new (PLAIN_ERRORS[record.name] ?? Error)(record.message);
  }
  const cause =
    record.extendedCode === undefined
      ? undefined
      : new Database.SqliteError(record.message, record.extendedCode, record.rawCode!);
  if (record.statementIndex === undefined)
    return new LibsqlError(record.message, record.code!, record.extendedCode, record.rawCode, cause);
  // @libsql/client builds a batch's error from the statement's LibsqlError, whose message already
  // starts with the code: the batch error's message names it twice.
  const message = cause ? `${record.code}: ${record.message}` : record.message;
  return new LibsqlBatchError(
    message,
    record.statementIndex,
    record.code!,
    record.extendedCode,
    record.rawCode,
    cause,
  );
}
