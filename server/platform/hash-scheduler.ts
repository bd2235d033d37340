/**
 * A PasswordHasher that runs the slow checks of another one in the order of domain/hash-queue.ts:
 * at most `concurrency` at once (by default the machine's cores, so libuv's thread pool, 4 threads,
 * keeps room for file and DNS work), clean badges before badges under guessing, one check per badge at
 * a time. Issue 14 target 3: without it, a worker's verification waited in libuv's first-come queue
 * behind every queued wrong-PIN check of a flood.
 *
 * Scheduling changes when a check runs, never whether: every check asked for runs, and its answer is
 * the inner hasher's. When no more than `concurrency` checks are waiting, each starts at once, so
 * every kind of check (a real PIN, the decoy of an unknown badge) costs the same time.
 */
import { availableParallelism } from 'node:os';
import { HashQueue, type HashTurn } from '../domain/hash-queue.js';
import type { PasswordHasher } from './password-hasher.js';

export type { HashTurn } from '../domain/hash-queue.js';

/** Checks asked for without a turn (hashing a new PIN, a console password): a clean subject. */
const CLEAN: HashTurn = { rank: 0 };

export interface HashSchedulerOptions {
  /** Checks run at once; default: the machine's available parallelism. */
  concurrency?: number;
}

export interface ScheduledHasher extends PasswordHasher {
  /** Checks running and waiting now (for tests and diagnostics). */
  load(): { running: number; queued: number };
}

export function scheduleHasher(inner: PasswordHasher, options: HashSchedulerOptions = {}): ScheduledHasher {
  const queue = new HashQueue<() => void>({ concurrency: options.concurrency ?? availableParallelism() });

  const pump = () => {
    for (const start of queue.take()) start();
  };

  const inTurn = <T>(turn: HashTurn, work: () => Promise<T>): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      const start = () => {
        Promise.resolve()
          .then(work)
          .then(resolve, reject)
          .finally(() => {
            queue.done(start);
            pump();
          });
      };
      queue.add(start, turn);
      pump();
    });

  return {
    hash: (secret) => inTurn(CLEAN, () => inner.hash(secret)),
    verify: (verifier, secret, turn = CLEAN) => inTurn(turn, () => inner.verify(verifier, secret)),
    needsRehash: (verifier) => inner.needsRehash(verifier),
    load: () => ({ running: queue.running, queued: queue.queued }),
  };
}
