/**
 * The main thread's handle on the database writer thread (server/db/writer-thread.mjs; why a thread:
 * server/db/group-commit.ts). Each request is a message answered by one message; the thread runs them
 * one at a time, in the order sent.
 *
 * The thread starts with the database and is started again by the first write after it died. If it
 * dies (a crash in libSQL, out of memory), what it was running fails with WriterLostError and is not
 * run again: its group may or may not have committed, exactly as when the whole process crashes, so
 * those requests get the API's 500 and nothing is applied twice.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import { resultSetOf, errorOf, type ErrorRecord, type RawResult, type WireJob } from './writer-wire.js';
import type { ResultSet } from '@libsql/client';
import type { JobOutcome } from './commit-queue.js';

/**
 * The thread's script is plain JavaScript loaded by path, not part of the bundle: the server runs
 * from the project folder (npm start, npm run start:api, the tests, the benches), as it does for its
 * migrations (db/client.ts).
 */
export const WRITER_SCRIPT = resolve(process.cwd(), 'server/db/writer-thread.mjs');

/** What reached SQLite in the writer: statements (not savepoints), writes, commits, group transactions begun. */
export interface WriterCounts {
  statements: number;
  writes: number;
  commits: number;
  groups: number;
}

type WireOutcome = { ok: true; value: RawResult | RawResult[] } | { ok: false; error: ErrorRecord };

/** The writer thread stopped (crashed or was ended) while running this: its outcome is unknown. */
export class WriterLostError extends Error {
  constructor(cause?: unknown) {
    super('the database writer thread stopped before answering', { cause });
    this.name = 'WriterLostError';
  }
}

/** The group as a whole failed and nothing of it was kept: its jobs may run again, alone. */
export class GroupFailedError extends Error {
  constructor() {
    super('the group transaction did not commit');
    this.name = 'GroupFailedError';
  }
}

export interface DatabaseWriter {
  /** The jobs in one transaction, committed: each job's outcome. Rejects with GroupFailedError or WriterLostError. */
  runGroup(jobs: readonly WireJob[]): Promise<JobOutcome<ResultSet | ResultSet[]>[]>;
  /** One job on its own (a statement in autocommit, a batch in its own transaction). */
  runAlone(job: WireJob): Promise<ResultSet | ResultSet[]>;
  counts(): Promise<WriterCounts>;
  /**
   * Ends the thread once its running request has answered; later requests start a new one. There is
   * deliberately no `terminate()`: stopping the thread from outside while it is inside a libSQL call
   * aborts the whole process (libSQL's native module asserts when Node refuses it a new object).
   */
  close(): void;
}

interface Pending {
  resolve(message: Record<string, unknown>): void;
  reject(error: unknown): void;
}

interface Thread {
  worker: Worker;
  /** Requests sent to this thread and not yet answered. */
  pending: Map<number, Pending>;
}

export function startWriter(
  path: string,
  busyTimeoutMs: number,
  script: string = WRITER_SCRIPT,
): DatabaseWriter {
  // Said at start-up, not as a 500 on the first write.
  if (!existsSync(script)) throw new Error(`${script} is missing: run the server from the project folder`);
  let current: Thread | undefined;
  let nextId = 0;

  const lost = (thread: Thread, cause: unknown) => {
    if (current === thread) current = undefined;
    const waiting = [...thread.pending.values()];
    thread.pending.clear();
    for (const entry of waiting) entry.reject(new WriterLostError(cause));
  };

  const started = (): Thread => {
    if (current) return current;
    const worker = new Worker(script, { workerData: { path, busyTimeoutMs } });
    const thread: Thread = { worker, pending: new Map() };
    worker.on('message', (message: { id: number }) => {
      const entry = thread.pending.get(message.id);
      if (!entry) return;
      thread.pending.delete(message.id);
      // An idle writer does not keep the process alive; one that owes answers does.
      if (thread.pending.size === 0) worker.unref();
      entry.resolve(message as unknown as Record<string, unknown>);
    });
    worker.on('error', (error) => lost(thread, error));
    worker.on('exit', (code) => lost(thread, new Error(`the writer thread exited with code ${code}`)));
    worker.unref();
    current = thread;
    return thread;
  };

  const request = (message: Record<string, unknown>) =>
    new Promise<Record<string, unknown>>((resolve, reject) => {
      const thread = started();
      const id = nextId++;
      thread.pending.set(id, { resolve, reject });
      if (thread.pending.size === 1) thread.worker.ref();
      thread.worker.postMessage({ ...message, id });
    });

  // Started now, so the first write does not wait for the thread to load.
  started();

  const settled = (outcome: WireOutcome): JobOutcome<ResultSet | ResultSet[]> =>
    outcome.ok
      ? { ok: true, value: resultSetOf(outcome.value) }
      : { ok: false, error: errorOf(outcome.error) };

  return {
    async runGroup(jobs) {
      const answer = await request({ type: 'group', jobs });
      const outcomes = answer.outcomes as WireOutcome[] | null;
      if (outcomes === null) throw new GroupFailedError();
      return outcomes.map(settled);
    },
    async runAlone(job) {
      const outcome = settled((await request({ type: 'alone', job })).outcome as WireOutcome);
      if (!outcome.ok) throw outcome.error;
      return outcome.value;
    },
    async counts() {
      return (await request({ type: 'counts' })).counts as WriterCounts;
    },
    close() {
      const closing = current;
      if (!closing) return;
      current = undefined;
      // Messages are handled in order: anything already sent is answered before the thread closes.
      closing.worker.postMessage({ type: 'close' });
    },
  };
}
