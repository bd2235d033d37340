/**
 * Group commit for an embedded (file) database, on a thread of its own (docs/benchmarks.md,
 * "Successful sign-ins against the hashing limit"). libSQL's local driver runs every statement
 * synchronously, and every commit syncs the WAL to disk (synchronous = FULL): milliseconds in which,
 * on the event loop, no request would move. So writes leave the main thread, and concurrent requests'
 * writes share commits: every write statement or write batch handed to the client is queued
 * (db/commit-queue.ts), and once per turn of the event loop everything queued goes to the database
 * writer thread (db/writer.ts, db/writer-thread.mjs), which runs it on its own connection, with its
 * statements kept prepared, in one `BEGIN IMMEDIATE … COMMIT`, in the order queued; a batch in a
 * savepoint of its own (a single statement needs none: SQLite undoes a statement that fails on a
 * constraint and keeps the transaction). While a group runs there, the next one gathers here:
 *
 * - every statement keeps its own condition and its own result, evaluated after the writes queued
 *   before it, exactly as if the requests had written one after another;
 * - a request's statement that fails undoes only that request's writes (the statement, or its
 *   batch's savepoint), and only it gets the error; a batch stays all or nothing;
 * - nothing is answered before the shared commit has returned, so what was acknowledged is on disk,
 *   as before; a group that cannot commit is run again one request at a time;
 * - if the writer thread dies, what it was running fails (a 500) and is not run again (it may have
 *   committed, as on a crash of the whole process); the next write starts a new thread.
 *
 * Reads are not queued: they run at once on the main thread's pooled connections (WAL lets them run
 * beside the writer's open transaction, seeing the last commit). Interactive transactions, migrations and any other
 * statement go straight to the client, as before.
 */
import type { Client, InArgs, InStatement, ResultSet, TransactionMode } from '@libsql/client';
import { LibsqlError } from '@libsql/client';
import { createCommitQueue, type CommitQueueOptions } from './commit-queue.js';
import { WriterLostError, type DatabaseWriter } from './writer.js';
import { wireStatement, type WireJob } from './writer-wire.js';

type BatchStatement = InStatement | [string, InArgs?];

/** Statements that change rows: drizzle's inserts (upserts), updates and deletes, with or without RETURNING. */
const WRITE_STATEMENT = /^\s*(insert|update|delete|replace)\b/i;

const sqlOf = (statement: BatchStatement): string =>
  typeof statement === 'string' ? statement : Array.isArray(statement) ? statement[0] : statement.sql;

export const isWriteStatement = (statement: BatchStatement): boolean =>
  WRITE_STATEMENT.test(sqlOf(statement));

export interface GroupCommitOptions {
  /** When a queued group runs: by default at the end of this turn of the event loop (`setImmediate`). */
  schedule?: CommitQueueOptions<WireJob, unknown>['schedule'];
}

/**
 * `client` with its writes committed in groups by `writer`; everything else goes straight to
 * `client`. Closing it closes the client at once and the writer once every queued write has answered.
 */
export function withGroupCommit(
  client: Client,
  writer: DatabaseWriter,
  options: GroupCommitOptions = {},
): Client {
  const queue = createCommitQueue<WireJob, ResultSet | ResultSet[]>({
    runGroup: (jobs) => writer.runGroup(jobs),
    runAlone: (job) => writer.runAlone(job),
    // A lost writer may have committed the group: its jobs are not run again.
    mayRetryAlone: (error) => !(error instanceof WriterLostError),
    schedule: options.schedule ?? ((flush) => setImmediate(flush)),
  });
  let closed = false;

  const enqueue = async (job: () => WireJob) => {
    if (closed) throw new LibsqlError('The client is closed', 'CLIENT_CLOSED');
    return queue.enqueue(job());
  };

  function execute(stmt: InStatement): Promise<ResultSet>;
  function execute(sql: string, args?: InArgs): Promise<ResultSet>;
  function execute(stmtOrSql: InStatement, args?: InArgs): Promise<ResultSet> {
    const statement: InStatement =
      typeof stmtOrSql === 'string' ? { sql: stmtOrSql, args: args ?? [] } : stmtOrSql;
    if (!isWriteStatement(statement)) return client.execute(statement);
    return enqueue(() => ({ kind: 'execute', statement: wireStatement(statement) })) as Promise<ResultSet>;
  }

  return {
    execute,
    batch(statements: BatchStatement[], mode?: TransactionMode) {
      if (!statements.some(isWriteStatement)) return client.batch(statements, mode);
      return enqueue(() => ({ kind: 'batch', statements: statements.map(wireStatement), mode })) as Promise<
        ResultSet[]
      >;
    },
    migrate: (statements) => client.migrate(statements),
    transaction: (mode?: TransactionMode) => client.transaction(mode),
    executeMultiple: (sql) => client.executeMultiple(sql),
    sync: () => client.sync(),
    close: () => {
      closed = true;
      client.close();
      void queue.drained().then(() => writer.close());
    },
    reconnect: () => client.reconnect(),
    get closed() {
      return client.closed;
    },
    get protocol() {
      return client.protocol;
    },
  };
}
