/**
 * Group commit's queue, without any database (db/group-commit.ts gives it one). Jobs queued while a
 * flush is scheduled or running wait together for the next flush, which runs them as one group: in
 * the order they were queued, in one transaction, so one commit (one fsync) for all of them. Each job
 * gets its own outcome, and only once the group's commit has returned: nothing is acknowledged before
 * it is durable. A job that fails inside the group fails alone (its writes undone, the others kept);
 * a group that fails as a whole (its transaction could not begin, was rolled back or did not commit:
 * nothing of it kept) is run again one job at a time, so a bad job fails only its own caller. A job
 * queued alone runs alone, as it would without a queue.
 */

export type JobOutcome<R> = { ok: true; value: R } | { ok: false; error: unknown };

export interface CommitQueueOptions<J, R> {
  /**
   * Runs `jobs` in order in one transaction and commits it: each job's outcome, in order. Throws when
   * the group as a whole failed, and then nothing of it may have been kept.
   */
  runGroup(jobs: readonly J[]): Promise<JobOutcome<R>[]>;
  /** Runs one job in a transaction of its own. */
  runAlone(job: J): Promise<R>;
  /**
   * Whether a group that failed with `error` kept nothing, so its jobs may run again alone; when not,
   * each of them fails with `error`. Always, when absent.
   */
  mayRetryAlone?(error: unknown): boolean;
  /** Calls `flush` once, later: in the server, at the end of this turn of the event loop. */
  schedule(flush: () => void): void;
  /** The most jobs in one group (the rest wait for the next); unlimited when absent. */
  maxGroupSize?: number;
}

export interface CommitQueue<J, R> {
  /** Settles once `job` has run and, when it ran in a group, the group has committed. */
  enqueue(job: J): Promise<R>;
  /** Jobs queued and not yet settled (waiting or in the running group). */
  readonly size: number;
  /** Settles once no job is queued or running (at once when none is). */
  drained(): Promise<void>;
}

interface Entry<J, R> {
  job: J;
  resolve(value: R): void;
  reject(error: unknown): void;
}

export function createCommitQueue<J, R>(options: CommitQueueOptions<J, R>): CommitQueue<J, R> {
  const maxGroupSize = options.maxGroupSize ?? Number.POSITIVE_INFINITY;
  let waiting: Entry<J, R>[] = [];
  let running = 0;
  let scheduled = false;
  let busy = false;
  const whenDrained: (() => void)[] = [];

  const kick = () => {
    if (scheduled || busy || waiting.length === 0) return;
    scheduled = true;
    options.schedule(() => {
      scheduled = false;
      void flush();
    });
  };

  const alone = async (entry: Entry<J, R>) => {
    try {
      entry.resolve(await options.runAlone(entry.job));
    } catch (error) {
      entry.reject(error);
    }
  };

  const settle = async (group: Entry<J, R>[]) => {
    if (group.length === 1) return alone(group[0]!);
    let outcomes: JobOutcome<R>[] | undefined;
    try {
      outcomes = await options.runGroup(group.map((entry) => entry.job));
      if (outcomes.length !== group.length) throw new Error('a group commit lost track of its jobs');
    } catch (error) {
      if (options.mayRetryAlone && !options.mayRetryAlone(error)) {
        for (const entry of group) entry.reject(error);
        return;
      }
      // Nothing of the group was kept: each job again, alone and in order, so each gets its own answer.
      for (const entry of group) await alone(entry);
      return;
    }
    group.forEach((entry, index) => {
      const outcome = outcomes[index]!;
      if (outcome.ok) entry.resolve(outcome.value);
      else entry.reject(outcome.error);
    });
  };

  const flush = async () => {
    if (busy) return;
    busy = true;
    const group = waiting.slice(0, maxGroupSize);
    waiting = waiting.slice(group.length);
    running = group.length;
    try {
      await settle(group);
    } finally {
      running = 0;
      busy = false;
      kick();
      if (waiting.length === 0) for (const done of whenDrained.splice(0)) done();
    }
  };

  return {
    enqueue: (job) =>
      new Promise<R>((resolve, reject) => {
        waiting.push({ job, resolve, reject });
        kick();
      }),
    get size() {
      return waiting.length + running;
    },
    drained: () =>
      waiting.length + running === 0
        ? Promise.resolve()
        : new Promise<void>((resolve) => whenDrained.push(resolve)),
  };
}
