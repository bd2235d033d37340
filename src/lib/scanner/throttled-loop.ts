/**
 * Runs an async task over and over, never two at once (the next frame only once the decoder has
 * answered), at most every `intervalMs`, and after a slow run rests a share of the time it took. So
 * the decode rate follows the device: the full rate on a fast phone, fewer frames on a slow one,
 * never a queue. The decode worker rests a quarter of a run (busy at most 80 %, off the page's
 * thread); the main-thread fallback as long as the run (busy at most half the time).
 */
export interface LoopTimer {
  now(): number;
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface ThrottledLoop {
  stop(): void;
}

/**
 * Delay before the next run, given how long the last one took: the rest of the interval, and at
 * least `restShare` × the run (1: busy at most half the time; 0.25: at most 80 %).
 */
export const restAfter = (runMs: number, intervalMs: number, restShare = 1): number =>
  Math.max(intervalMs - runMs, runMs * restShare, 0);

const systemTimer: LoopTimer = {
  now: () => performance.now(),
  setTimeout: (run, ms) => setTimeout(run, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export function startThrottledLoop(
  task: () => Promise<unknown>,
  intervalMs: number,
  timer: LoopTimer = systemTimer,
  firstDelayMs = 0,
  restShare = 1,
): ThrottledLoop {
  let stopped = false;
  let pending: unknown = null;

  const runOnce = async () => {
    pending = null;
    if (stopped) return;
    const started = timer.now();
    try {
      await task();
    } catch {
      // A failed frame is just a frame without a code; the next one may decode.
    }
    if (stopped) return;
    pending = timer.setTimeout(() => void runOnce(), restAfter(timer.now() - started, intervalMs, restShare));
  };

  pending = timer.setTimeout(() => void runOnce(), firstDelayMs);
  return {
    stop() {
      stopped = true;
      if (pending !== null) timer.clearTimeout(pending);
      pending = null;
    },
  };
}
