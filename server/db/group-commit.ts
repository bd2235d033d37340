/**
 * Group commit for an embedded (file) database (docs/benchmarks.md, "Successful sign-ins against the
 * hashing limit"). libSQL's local driver runs every statement synchronously on the event loop, and
 * every commit syncs the WAL to disk (synchronous = FULL): a few milliseconds in which no request
 * moves. So the writes of concurrent requests share commits: every write statement or write batch
 * handed to the client is queued (db/commit-queue.ts), and once per turn of the event loop everything
 * queued runs on one connection in one `BEGIN IMMEDIATE … COMMIT`, each request's writes in a savepoint
 * of their own, in the order they were queued:
 *
 * - every statement keeps its own condition and its own result, evaluated after the writes queued
 *   before it, exactly as if the requests had written one after another;
 * - a request's statement that fails undoes only that request's writes (its savepoint), and only it
 *   gets the error; a batch stays all or nothing;
 * - nothing is answered before the shared commit has returned, so what was acknowledged is on disk,
 *   as before; a group that cannot commit is run again one request at a time.
 *
 * Reads are not queued: they run at once on another pooled connection (WAL lets them run beside the
 * open write transaction, seeing the last commit). Interactive transactions, migrations and any other
 * statement go straight to the client, as before.
 */
import type { Client, InArgs, InStatement, ResultSet, Transaction, TransactionMode } from '@libsql/client';
import { createCommitQueue, type CommitQueueOptions, type JobOutcome } from './commit-queue.js';

type BatchStatement = InStatement | [string, InArgs?];

/** A request's writes: one statement, or a batch (one transaction of its own when it runs alone). */
export type WriteJob =
  | { kind: 'execute'; statement: InStatement }
  | { kind: 'batch'; statements: InStatement[]; mode?: TransactionMode };

/** Statements that change rows: drizzle's inserts (upserts), updates and deletes, with or without RETURNING. */
const WRITE_STATEMENT = /^\s*(insert|update|delete|replace)\b/i;

const sqlOf = (statement: BatchStatement): string =>
  typeof statement === 'string' ? statement : Array.isArray(statement) ? statement[0] : statement.sql;

const asStatement = (statement: BatchStatement): InStatement =>
  Array.isArray(statement) ? { sql: statement[0], args: statement[1] ?? [] } : statement;

export const isWriteStatement = (statement: BatchStatement): boolean =>
  WRITE_STATEMENT.test(sqlOf(statement));

/** Runs a group of write jobs in one write transaction and commits it (see the module comment). */
export async function runWriteGroup(
  client: Client,
  jobs: readonly WriteJob[],
): Promise<JobOutcome<ResultSet | ResultSet[]>[]> {
  const tx: Transaction = await client.transaction('write');
  try {
    const outcomes: JobOutcome<ResultSet | ResultSet[]>[] = [];
    for (const job of jobs) {
      await tx.execute('SAVEPOINT group_commit_job');
      try {
        const value =
          job.kind === 'execute' ? await tx.execute(job.statement) : await tx.batch(job.statements);
        await tx.execute('RELEASE group_commit_job');
        outcomes.push({ ok: true, value });
      } catch (error) {
        // Some errors (disk full, I/O) roll the whole transaction back: then nothing of the group is
        // kept, and the queue runs every job again on its own.
        if (tx.closed) throw error;
        await tx.execute('ROLLBACK TO group_commit_job');
        await tx.execute('RELEASE group_commit_job');
        outcomes.push({ ok: false, error });
      }
    }
    await tx.commit();
    return outcomes;
  } finally {
    tx.close();
  }
}

export function runWriteAlone(client: Client, job: WriteJob): Promise<ResultSet | ResultSet[]> {
  return job.kind === 'execute' ? client.execute(job.statement) : client.batch(job.statements, job.mode);
}

export interface GroupCommitOptions {
  /** When a queued group runs: by default at the end of this turn of the event loop (`setImmediate`). */
  schedule?: CommitQueueOptions<WriteJob, unknown>['schedule'];
}

/** `client` with its writes committed in groups; everything else goes straight to `client`. */
export function withGroupCommit(client: Client, options: GroupCommitOptions = {}): Client {
  const queue = createCommitQueue<WriteJob, ResultSet | ResultSet[]>({
    runGroup: (jobs) => runWriteGroup(client, jobs),
    runAlone: (job) => runWriteAlone(client, job),
    schedule: options.schedule ?? ((flush) => setImmediate(flush)),
  });

  function execute(stmt: InStatement): Promise<ResultSet>;
  function execute(sql: string, args?: InArgs): Promise<ResultSet>;
  function execute(stmtOrSql: InStatement, args?: InArgs): Promise<ResultSet> {
    const statement: InStatement =
      typeof stmtOrSql === 'string' ? { sql: stmtOrSql, args: args ?? [] } : stmtOrSql;
    if (!isWriteStatement(statement)) return client.execute(statement);
    return queue.enqueue({ kind: 'execute', statement }) as Promise<ResultSet>;
  }

  return {
    execute,
    batch(statements: BatchStatement[], mode?: TransactionMode) {
      if (!statements.some(isWriteStatement)) return client.batch(statements, mode);
      const job: WriteJob = { kind: 'batch', statements: statements.map(asStatement), mode };
      return queue.enqueue(job) as Promise<ResultSet[]>;
    },
    migrate: (statements) => client.migrate(statements),
    transaction: (mode?: TransactionMode) => client.transaction(mode),
    executeMultiple: (sql) => client.executeMultiple(sql),
    sync: () => client.sync(),
    close: () => client.close(),
    reconnect: () => client.reconnect(),
    get closed() {
      return client.closed;
    },
    get protocol() {
      return client.protocol;
    },
  };
}
