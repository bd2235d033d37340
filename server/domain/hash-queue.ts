/**
 * The order in which slow secret checks (argon2id) run when more are asked for than the machine can
 * hash at once (issue 14 target 3: honest workers stay fast during a wrong-PIN flood). Pure policy;
 * server/platform/hash-scheduler.ts runs it in front of the hashing library.
 *
 * - At most `concurrency` checks run at once (what the cores can hash); the rest wait here, in order,
 *   instead of piling up in libuv's first-come-first-served thread pool.
 * - Each check has a rank: the failures already counted against what it checks (a badge's wrong PINs
 *   in a row before this one). Lower ranks go first, so a badge under guessing waits behind clean
 *   badges. A ranked check waits as if it had arrived after `patience × rank` more clean (rank 0)
 *   checks: strict priority while clean checks keep coming, yet never starved for ever. Time is
 *   counted in clean arrivals only, so a flood of ranked checks cannot age its own checks past the
 *   clean ones that arrive later.
 * - Checks with the same key (one badge) never run in parallel: a second attempt on a badge waits for
 *   the first, so guesses on one badge take one slot at most, whatever the number of connections.
 * - Equal standing: first come, first served.
 */

/** Where a check stands in the queue. */
export interface HashTurn {
  /** Failures already counted against the subject checked (0: none); lower goes first. */
  rank: number;
  /** The subject checked (one badge's PIN); checks with the same key never run together. */
  key?: string;
}

interface Entry<J> {
  job: J;
  key: string | undefined;
  rank: number;
  arrival: number;
  /** Where it waits: the clean arrivals so far, plus `patience` per rank. */
  standing: number;
}

function comesBefore<J>(a: Entry<J>, b: Entry<J>): boolean {
  if (a.standing !== b.standing) return a.standing < b.standing;
  if (a.rank !== b.rank) return a.rank < b.rank;
  return a.arrival < b.arrival;
}

export interface HashQueueOptions {
  /** How many checks may run at once (at least 1). */
  concurrency: number;
  /** How many later clean checks one rank step lets pass (default 1 000). */
  patience?: number;
}

export class HashQueue<J> {
  readonly concurrency: number;
  private readonly patience: number;
  private readonly waiting: Entry<J>[] = [];
  private readonly runningKeys = new Set<string>();
  /** The running checks, with their keys. */
  private readonly keyOf = new Map<J, string | undefined>();
  private arrivals = 0;
  private cleanArrivals = 0;
  private runningCount = 0;

  constructor(options: HashQueueOptions) {
    this.concurrency = Math.max(1, Math.floor(options.concurrency));
    this.patience = options.patience ?? 1_000;
  }

  get running(): number {
    return this.runningCount;
  }

  get queued(): number {
    return this.waiting.length;
  }

  /** Queues a check. Nothing runs until `take()`. */
  add(job: J, turn: HashTurn): void {
    const arrival = this.arrivals++;
    const rank = Math.max(0, Math.floor(turn.rank)) || 0;
    if (rank === 0) this.cleanArrivals++;
    const standing = this.cleanArrivals + rank * this.patience;
    const entry: Entry<J> = { job, key: turn.key, rank, arrival, standing };
    // Sorted by standing, then rank, then arrival (binary search for the first entry after this one).
    let low = 0;
    let high = this.waiting.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (comesBefore(this.waiting[mid]!, entry)) low = mid + 1;
      else high = mid;
    }
    this.waiting.splice(low, 0, entry);
  }

  /** The checks to start now, in order; each must be given back with `done(job)` when it ends. */
  take(): J[] {
    const started: J[] = [];
    for (let i = 0; i < this.waiting.length && this.runningCount < this.concurrency;) {
      const entry = this.waiting[i]!;
      if (entry.key !== undefined && this.runningKeys.has(entry.key)) {
        i++;
        continue;
      }
      this.waiting.splice(i, 1);
      if (entry.key !== undefined) this.runningKeys.add(entry.key);
      this.runningCount++;
      started.push(entry.job);
      this.keyOf.set(entry.job, entry.key);
    }
    return started;
  }

  /** A started check ended (whatever its result); its slot and its key are free again. */
  done(job: J): void {
    if (!this.keyOf.has(job)) throw new Error('HashQueue.done: this check is not running');
    const key = this.keyOf.get(job);
    this.keyOf.delete(job);
    if (key !== undefined) this.runningKeys.delete(key);
    this.runningCount--;
  }
}
