/**
 * The two shapes every background job of the server shares (the retention sweep, the OpenID logout
 * deliverer, the webhook deliverer): a round repeated on a timer that never overlaps itself within a
 * process, and deletes of old rows in bounded statements that let requests in between.
 */

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Repeats one bounded delete until it deletes fewer than `batch`, yielding to the event loop between
 * statements (the embedded database answers synchronously), so requests in this process are served
 * between batches rather than after the whole backlog. Answers how many rows went.
 */
export async function deleteInBatches(
  deleteBatch: (limit: number) => Promise<number>,
  batch: number,
): Promise<number> {
  let total = 0;
  for (;;) {
    const deleted = await deleteBatch(batch);
    total += deleted;
    if (deleted < batch) return total;
    await nextTurn();
  }
}

export interface PeriodicJob<T> {
  /** One round now, or the round already running: rounds never overlap within a process. */
  tick(): Promise<T>;
  /** Stops the timer (a round in progress goes on). */
  stop(): void;
  /** Resolves when the round in progress, if any, has ended (never rejects). */
  drain(): Promise<void>;
}

/** Runs `round` every `intervalMs` (0: only when `tick` is called), reporting failures to `logError`. */
export function startPeriodicJob<T>(
  round: () => Promise<T>,
  options: { intervalMs: number; logError: (error: unknown) => void },
): PeriodicJob<T> {
  let running: Promise<T> | null = null;
  const tick = () => {
    running ??= round().finally(() => {
      running = null;
    });
    return running;
  };
  const timer =
    options.intervalMs > 0
      ? setInterval(() => tick().catch(options.logError), options.intervalMs).unref()
      : undefined;
  return {
    tick,
    stop: () => clearInterval(timer),
    drain: () =>
      (running ?? Promise.resolve()).then(
        () => undefined,
        () => undefined,
      ),
  };
}
