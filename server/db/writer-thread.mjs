// The database writer thread (started by server/db/writer.ts; the why is in server/db/group-commit.ts).
// It owns one connection to the database file and runs, one request at a time, what the main thread
// sends: a group of write jobs in one transaction, or one job on its own. Every statement stays
// prepared (keyed by its SQL text), so SQLite compiles each distinct write once per thread, not once
// per call. Values come back as @libsql/client's local client returns them (intMode 'number'), errors
// as plain records that the main thread turns back into the client's LibsqlError.
//
// Plain JavaScript loaded by path, not bundled: `npm start` runs the build (build/server/chunks), the
// tests and `npm run start:api` run the sources, and all of them run from the project folder, where
// this file is (as the migrations are: server/db/client.ts).
import Database from 'libsql';
import { parentPort, workerData } from 'node:worker_threads';

/**
 * @typedef {{ sql: string, args: unknown[] | Record<string, unknown> }} Statement
 * @typedef {{ kind: 'execute', statement: Statement } | { kind: 'batch', statements: Statement[], mode?: string }} Job
 * @typedef {{ columns: string[], columnTypes: string[], rows: unknown[][], rowsAffected: number, lastInsertRowid: bigint | undefined }} RawResult
 * @typedef {{ message: string, name: string, code?: string, extendedCode?: string, rawCode?: number, statementIndex?: number }} ErrorRecord
 * @typedef {{ ok: true, value: RawResult | RawResult[] } | { ok: false, error: ErrorRecord }} Outcome
 * @typedef {{ statement: any, returnsData: boolean, columns: string[], columnTypes: string[] }} Kept
 */

const { path, busyTimeoutMs } = /** @type {{ path: string, busyTimeoutMs: number }} */ (workerData);
// Same options as @libsql/client's pooled connections: `timeout` is SQLite's busy timeout; libSQL
// enforces foreign keys and syncs fully (synchronous = FULL) by default (tests/api/writer-thread.test.ts
// reads them back here).
const db = new Database(path, { timeout: busyTimeoutMs });

/** Statements kept prepared, most recently used last; the oldest go beyond this many. */
const MAX_KEPT = 500;
/** @type {Map<string, Kept>} */
const kept = new Map();

/** What reached SQLite, for bench/sign-in-cost.ts and the tests (savepoints, BEGIN and COMMIT are not counted
 * as statements; `groups`: group transactions begun). */
const counts = { statements: 0, writes: 0, commits: 0, groups: 0 };
const WRITE = /^\s*(insert|update|delete|replace|with[\s\S]*\b(insert|update|delete)\b)/i;

/** @param {string} sql @returns {Kept} */
function prepared(sql) {
  let entry = kept.get(sql);
  if (entry) {
    kept.delete(sql);
    kept.set(sql, entry);
    return entry;
  }
  const statement = db.prepare(sql);
  statement.safeIntegers(true);
  let returnsData = true;
  try {
    statement.raw(true);
  } catch {
    // raw() throws when the statement returns no data (as in @libsql/client's executeStmt)
    returnsData = false;
  }
  entry = { statement, returnsData, columns: [], columnTypes: [] };
  if (returnsData) describe(entry);
  kept.set(sql, entry);
  if (kept.size > MAX_KEPT) kept.delete(/** @type {string} */ (kept.keys().next().value));
  return entry;
}

/** Its result's column names and declared types, as @libsql/client reads them. @param {Kept} entry */
function describe(entry) {
  const described = entry.statement.columns();
  entry.columns = described.map((/** @type {{ name: string }} */ c) => c.name);
  entry.columnTypes = described.map((/** @type {{ type?: string | null }} */ c) => c.type ?? '');
}

/** An integer as @libsql/client's intMode 'number' gives it; a blob as an ArrayBuffer. @param {unknown} value */
function valueFromSql(value) {
  if (typeof value === 'bigint') {
    if (value < -9007199254740991n || value > 9007199254740991n)
      throw new RangeError('Received integer which cannot be safely represented as a JavaScript number');
    return Number(value);
  }
  if (value instanceof Uint8Array) return value.buffer;
  return value;
}

/** An argument as libSQL takes it: structured cloning turned Buffers into Uint8Arrays. @param {unknown} value */
const valueToSql = (value) =>
  value instanceof Uint8Array && !Buffer.isBuffer(value)
    ? Buffer.from(value.buffer, value.byteOffset, value.byteLength)
    : value;

/** @param {Statement['args']} args */
function argsToSql(args) {
  if (Array.isArray(args)) return args.map(valueToSql);
  /** @type {Record<string, unknown>} */
  const named = {};
  for (const name in args) named[name] = valueToSql(args[name]);
  return named;
}

/** Runs one statement (as @libsql/client's executeStmt does, on a kept statement). @param {Statement | string} stmt @returns {RawResult} */
function run(stmt) {
  const sql = typeof stmt === 'string' ? stmt : stmt.sql;
  const args = typeof stmt === 'string' ? [] : argsToSql(stmt.args);
  const entry = prepared(sql);
  if (entry.returnsData) {
    const rows = entry.statement.all(args).map((/** @type {unknown[]} */ row) => row.map(valueFromSql));
    // SQLite prepares a kept statement again after a schema change (another process's migration):
    // a `*` may then stand for more columns than were described.
    if (rows.length > 0 && rows[0].length !== entry.columns.length) describe(entry);
    return {
      columns: entry.columns,
      columnTypes: entry.columnTypes,
      rows,
      rowsAffected: 0,
      lastInsertRowid: undefined,
    };
  }
  const info = entry.statement.run(args);
  return {
    columns: [],
    columnTypes: [],
    rows: [],
    rowsAffected: info.changes,
    lastInsertRowid: BigInt(info.lastInsertRowid),
  };
}

/** @param {Statement} stmt */
function counted(stmt) {
  counts.statements += 1;
  const write = WRITE.test(stmt.sql);
  if (write) counts.writes += 1;
  return write;
}

/** @param {unknown} error @param {number} [statementIndex] @returns {ErrorRecord} */
function recordOf(error, statementIndex) {
  if (error instanceof Database.SqliteError) {
    const sqliteError = /** @type {{ message: string, code: string, rawCode?: number }} */ (error);
    return {
      name: statementIndex === undefined ? 'LibsqlError' : 'LibsqlBatchError',
      message: sqliteError.message,
      code: baseCodeOf(sqliteError.rawCode),
      extendedCode: sqliteError.code,
      rawCode: sqliteError.rawCode,
      statementIndex,
    };
  }
  const other = error instanceof Error ? error : new Error(String(error));
  return { name: other.name, message: other.message };
}

/** SQLite's primary result code's name, as @libsql/client names it (mapToBaseCode). @param {number | undefined} rawCode */
function baseCodeOf(rawCode) {
  if (rawCode === undefined) return 'SQLITE_UNKNOWN';
  const base = rawCode & 0xff;
  return BASE_CODES[base] ?? `SQLITE_UNKNOWN_${base}`;
}
/** @type {Record<number, string>} */
const BASE_CODES = Object.fromEntries(
  [
    'ERROR',
    'INTERNAL',
    'PERM',
    'ABORT',
    'BUSY',
    'LOCKED',
    'NOMEM',
    'READONLY',
    'INTERRUPT',
    'IOERR',
    'CORRUPT',
    'NOTFOUND',
    'FULL',
    'CANTOPEN',
    'PROTOCOL',
    'EMPTY',
    'SCHEMA',
    'TOOBIG',
    'CONSTRAINT',
    'MISMATCH',
    'MISUSE',
    'NOLFS',
    'AUTH',
    'FORMAT',
    'RANGE',
    'NOTADB',
    'NOTICE',
    'WARNING',
  ].map((name, i) => [i + 1, `SQLITE_${name}`]),
);

/** SQLITE_ERROR, SQLITE_TOOBIG, SQLITE_CONSTRAINT, SQLITE_MISMATCH, SQLITE_RANGE: failures of the statement itself. */
const STATEMENT_FAILURES = new Set([1, 18, 19, 20, 25]);

/** Whether SQLite undid the failed statement by itself, keeping the transaction. @param {unknown} error */
const undoneByItself = (error) =>
  error instanceof Database.SqliteError &&
  STATEMENT_FAILURES.has(/** @type {{ rawCode?: number }} */ (error.rawCode ?? 0) & 0xff);

/** A failure that ended SQLite's transaction, or happened after a statement had run (a value libSQL's
 * client cannot return): the group cannot keep its other jobs' writes as they are. */
class GroupBroken extends Error {}

/** A batch's statements in order, each failure named by its index (LibsqlBatchError). @param {Statement[]} statements */
function runBatchStatements(statements) {
  /** @type {RawResult[]} */
  const results = [];
  statements.forEach((stmt, index) => {
    if (!db.inTransaction) {
      throw Object.assign(new Error('The transaction has been rolled back'), {
        record: {
          name: 'LibsqlBatchError',
          message: 'The transaction has been rolled back',
          code: 'TRANSACTION_CLOSED',
          statementIndex: index,
        },
      });
    }
    counted(stmt);
    try {
      results.push(run(stmt));
    } catch (error) {
      throw Object.assign(new Error('batch statement failed'), { record: recordOf(error, index) });
    }
  });
  return results;
}

/** @param {unknown} error @returns {ErrorRecord} */
const batchRecordOf = (error) => /** @type {{ record?: ErrorRecord }} */ (error).record ?? recordOf(error);

/** A job in the group's transaction; its failure undoes only its own writes. @param {Job} job @returns {Outcome} */
function runInGroup(job) {
  if (job.kind === 'execute') {
    counted(job.statement);
    try {
      return { ok: true, value: run(job.statement) };
    } catch (error) {
      // A single statement needs no savepoint: SQLite undoes a statement that fails on a constraint
      // (ABORT, the schema's and drizzle's only conflict resolution; tests/api/group-commit.test.ts)
      // or on its SQL or arguments, and keeps the transaction. Any other failure (I/O, disk full:
      // SQLite may have ended the transaction), or a result that could not be converted after the
      // statement ran, breaks the group: it is rolled back and each job runs again alone.
      if (!db.inTransaction || !undoneByItself(error)) throw new GroupBroken();
      return { ok: false, error: recordOf(error) };
    }
  }
  run('SAVEPOINT group_commit_job');
  try {
    const value = runBatchStatements(job.statements);
    run('RELEASE group_commit_job');
    return { ok: true, value };
  } catch (error) {
    if (!db.inTransaction) throw new GroupBroken();
    run('ROLLBACK TO group_commit_job');
    run('RELEASE group_commit_job');
    return { ok: false, error: batchRecordOf(error) };
  }
}

const rollbackIfOpen = () => {
  if (db.inTransaction) run('ROLLBACK');
};

/**
 * The jobs in order in one BEGIN IMMEDIATE … COMMIT: each job's outcome, or null when the group as a
 * whole failed (could not begin, broke, or did not commit) and nothing of it was kept.
 * @param {Job[]} jobs @returns {Outcome[] | null}
 */
function runGroup(jobs) {
  try {
    counts.groups += 1;
    run('BEGIN IMMEDIATE');
    const outcomes = jobs.map(runInGroup);
    run('COMMIT');
    counts.commits += 1;
    return outcomes;
  } catch {
    rollbackIfOpen();
    return null;
  }
}

/** @param {Job | undefined} job */
const hasWrite = (job) =>
  job !== undefined &&
  (job.kind === 'execute' ? WRITE.test(job.statement.sql) : job.statements.some((s) => WRITE.test(s.sql)));

/** @param {string | undefined} mode */
const beginOf = (mode) =>
  mode === 'write' ? 'BEGIN IMMEDIATE' : mode === 'read' ? 'BEGIN TRANSACTION READONLY' : 'BEGIN DEFERRED';

/** One job on its own, as @libsql/client's execute / batch run it. @param {Job} job @returns {Outcome} */
function runAlone(job) {
  if (job.kind === 'execute') {
    const write = counted(job.statement);
    try {
      const value = run(job.statement);
      if (write) counts.commits += 1;
      return { ok: true, value };
    } catch (error) {
      return { ok: false, error: recordOf(error) };
    }
  }
  try {
    run(beginOf(job.mode));
    const value = runBatchStatements(job.statements);
    run('COMMIT');
    if (hasWrite(job)) counts.commits += 1;
    return { ok: true, value };
  } catch (error) {
    return { ok: false, error: batchRecordOf(error) };
  } finally {
    rollbackIfOpen();
  }
}

const port = /** @type {import('node:worker_threads').MessagePort} */ (parentPort);
port.on(
  'message',
  /** @param {{ id: number, type: 'group' | 'alone' | 'counts' | 'close', jobs?: Job[], job?: Job }} request */
  (request) => {
    if (request.type === 'group') {
      port.postMessage({ id: request.id, outcomes: runGroup(/** @type {Job[]} */ (request.jobs)) });
    } else if (request.type === 'alone') {
      port.postMessage({ id: request.id, outcome: runAlone(/** @type {Job} */ (request.job)) });
    } else if (request.type === 'counts') {
      port.postMessage({ id: request.id, counts: { ...counts } });
    } else if (request.type === 'close') {
      kept.clear();
      db.close();
      port.close();
    }
  },
);
