/**
 * Group commit's queue (server/db/commit-queue.ts) without a database: which jobs share a group, in
 * what order, when each caller is answered, and how a failure stays with the job that caused it.
 */
import { describe, expect, test } from 'vitest';
import { createCommitQueue, type JobOutcome } from '../../server/db/commit-queue.js';

interface Deferred<T> {
  promise: Promise<T>;
  resolve(value: T): void;
  reject(error: unknown): void;
}
function deferred<T>(): Deferred<T> {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** Settles every pending promise callback (no timers involved). */
const settled = () => new Promise<void>((resolve) => setImmediate(resolve));

/** A queue whose flushes run when the test says, recording every group and every lone run. */
function harness(
  options: {
    group?: (jobs: readonly string[]) => Promise<JobOutcome<string>[]>;
    alone?: (job: string) => Promise<string>;
    maxGroupSize?: number;
    mayRetryAlone?: (error: unknown) => boolean;
  } = {},
) {
  const flushes: (() => void)[] = [];
  const groups: string[][] = [];
  const alone: string[] = [];
  const queue = createCommitQueue<string, string>({
    schedule: (flush) => flushes.push(flush),
    runGroup: async (jobs) => {
      groups.push([...jobs]);
      return options.group
        ? options.group(jobs)
        : jobs.map((job) => ({ ok: true as const, value: `done ${job}` }));
    },
    runAlone: async (job) => {
      alone.push(job);
      return options.alone ? options.alone(job) : `alone ${job}`;
    },
    maxGroupSize: options.maxGroupSize,
    mayRetryAlone: options.mayRetryAlone,
  });
  const flush = async () => {
    const next = flushes.shift();
    if (!next) throw new Error('no flush scheduled');
    next();
    await settled();
  };
  return { queue, groups, alone, flushes, flush };
}

describe('commit queue', () => {
  test('jobs queued before a flush run as one group, in order, each caller getting its own result', async () => {
    const h = harness();
    const answers = ['a', 'b', 'c'].map((job) => h.queue.enqueue(job));
    expect(h.flushes).toHaveLength(1);
    await h.flush();
    expect(h.groups).toEqual([['a', 'b', 'c']]);
    expect(await Promise.all(answers)).toEqual(['done a', 'done b', 'done c']);
  });

  test('nobody is answered before the group has committed', async () => {
    const commit = deferred<JobOutcome<string>[]>();
    const h = harness({ group: () => commit.promise });
    const answered: string[] = [];
    const answers = ['a', 'b'].map((job) => h.queue.enqueue(job).then((value) => answered.push(value)));
    await h.flush();
    expect(h.groups).toEqual([['a', 'b']]);
    expect(answered).toEqual([]);
    commit.resolve([
      { ok: true, value: 'a kept' },
      { ok: true, value: 'b kept' },
    ]);
    await Promise.all(answers);
    expect(answered).toEqual(['a kept', 'b kept']);
  });

  test('a job that fails inside the group fails only its own caller', async () => {
    const h = harness({
      group: async (jobs) =>
        jobs.map((job) =>
          job === 'bad'
            ? { ok: false as const, error: new Error('bad row') }
            : { ok: true as const, value: job },
        ),
    });
    const answers = Promise.allSettled(['a', 'bad', 'c'].map((job) => h.queue.enqueue(job)));
    await h.flush();
    const results = await answers;
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((results[1] as PromiseRejectedResult).reason).toEqual(new Error('bad row'));
    expect(h.alone).toEqual([]);
  });

  test('a group that fails as a whole is run again one job at a time, so only the bad job fails', async () => {
    const h = harness({
      group: async () => {
        throw new Error('commit failed');
      },
      alone: async (job) => {
        if (job === 'bad') throw new Error('bad alone');
        return `alone ${job}`;
      },
    });
    const answers = Promise.allSettled(['a', 'bad', 'c'].map((job) => h.queue.enqueue(job)));
    await h.flush();
    const results = await answers;
    expect(h.alone).toEqual(['a', 'bad', 'c']);
    expect(results).toEqual([
      { status: 'fulfilled', value: 'alone a' },
      { status: 'rejected', reason: new Error('bad alone') },
      { status: 'fulfilled', value: 'alone c' },
    ]);
  });

  test('a group answered with the wrong number of outcomes counts as failed, and its jobs run alone', async () => {
    const h = harness({ group: async () => [{ ok: true, value: 'only one' }] });
    const answers = ['a', 'b'].map((job) => h.queue.enqueue(job));
    await h.flush();
    expect(await Promise.all(answers)).toEqual(['alone a', 'alone b']);
  });

  test('a job queued alone runs alone, without a group transaction', async () => {
    const h = harness();
    const answer = h.queue.enqueue('solo');
    await h.flush();
    expect(await answer).toBe('alone solo');
    expect(h.groups).toEqual([]);
  });

  test('jobs queued while a group runs wait for the next group, and none is lost', async () => {
    const commit = deferred<JobOutcome<string>[]>();
    let first = true;
    const h = harness({
      group: (jobs) => {
        if (!first) return Promise.resolve(jobs.map((job) => ({ ok: true as const, value: job })));
        first = false;
        return commit.promise;
      },
    });
    const early = ['a', 'b'].map((job) => h.queue.enqueue(job));
    await h.flush();
    const late = ['c', 'd'].map((job) => h.queue.enqueue(job));
    // No second flush while the first group is still running.
    expect(h.flushes).toHaveLength(0);
    expect(h.queue.size).toBe(4);
    commit.resolve([
      { ok: true, value: 'a' },
      { ok: true, value: 'b' },
    ]);
    await settled();
    expect(h.flushes).toHaveLength(1);
    await h.flush();
    expect(h.groups).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
    expect(await Promise.all([...early, ...late])).toEqual(['a', 'b', 'c', 'd']);
    expect(h.queue.size).toBe(0);
  });

  test('a group never takes more than maxGroupSize jobs; the rest follow in the next one', async () => {
    const h = harness({ maxGroupSize: 2 });
    const answers = ['a', 'b', 'c', 'd', 'e'].map((job) => h.queue.enqueue(job));
    await h.flush();
    await h.flush();
    await h.flush();
    expect(h.groups).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
    expect(h.alone).toEqual(['e']);
    expect(await Promise.all(answers)).toEqual(['done a', 'done b', 'done c', 'done d', 'alone e']);
  });

  test('a group whose failure leaves unknown what was committed (the writer died) fails every job, and none runs again', async () => {
    const lost = new Error('writer lost');
    const h = harness({
      group: async () => {
        throw lost;
      },
      mayRetryAlone: (error) => error !== lost,
    });
    const answers = Promise.allSettled(['a', 'b'].map((job) => h.queue.enqueue(job)));
    await h.flush();
    expect(await answers).toEqual([
      { status: 'rejected', reason: lost },
      { status: 'rejected', reason: lost },
    ]);
    expect(h.alone).toEqual([]);
    // The queue goes on: the next job runs.
    const next = h.queue.enqueue('c');
    await h.flush();
    expect(await next).toBe('alone c');
  });

  test('drained() settles once every queued and running job has been answered', async () => {
    const commit = deferred<JobOutcome<string>[]>();
    const h = harness({ group: () => commit.promise });
    await h.queue.drained();
    const answered: string[] = [];
    for (const job of ['a', 'b']) void h.queue.enqueue(job).then((value) => answered.push(value));
    let drained = false;
    void h.queue.drained().then(() => (drained = true));
    await h.flush();
    expect(drained).toBe(false);
    commit.resolve([
      { ok: true, value: 'a' },
      { ok: true, value: 'b' },
    ]);
    await settled();
    expect(answered).toEqual(['a', 'b']);
    expect(drained).toBe(true);
  });
});
