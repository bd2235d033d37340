/**
 * Runs an async task over and over, never two at once, at most every `intervalMs`, and never
 * busier than half the time: after a slow run it rests as long as the run took. That keeps the
 * second decoder to a few frames a second on a fast phone and to a 50 % duty cycle on a slow one.
 */
export interface LoopTimer {
  now(): number;
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface ThrottledLoop {
  stop(): void;
}

/** Delay before the next run, given how long the last one took. */
export const restAfter = (runMs: number, intervalMs: number): number =>
  Math.max(intervalMs - runMs, runMs, 0);

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
    pending = timer.setTimeout(() => void runOnce(), restAfter(timer.now() - started, intervalMs));
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
