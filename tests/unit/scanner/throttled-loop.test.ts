import { describe, expect, it } from 'vitest';
import { restAfter, startThrottledLoop, type LoopTimer } from '../../../src/lib/scanner/throttled-loop';

/** A hand-driven clock: nothing runs until the test advances it. */
function manualTimer() {
  let now = 0;
  let queue: { at: number; run: () => void; id: number }[] = [];
  let nextId = 1;
  const timer: LoopTimer = {
    now: () => now,
    setTimeout(run, ms) {
      const id = nextId++;
      queue.push({ at: now + ms, run, id });
      return id;
    },
    clearTimeout(id) {
      queue = queue.filter((entry) => entry.id !== id);
    },
  };
  return {
    timer,
    pending: () => queue.map((entry) => entry.at - now),
    async advance(ms: number) {
      now += ms;
      const due = queue.filter((entry) => entry.at <= now);
      queue = queue.filter((entry) => entry.at > now);
      for (const entry of due) entry.run();
      await Promise.resolve();
      await Promise.resolve();
    },
    setNow(value: number) {
      now = value;
    },
  };
}

describe('restAfter', () => {
  it('keeps the pace of the interval while runs are quick', () => {
    expect(restAfter(40, 250)).toBe(210);
    expect(restAfter(0, 250)).toBe(250);
  });
  it('rests as long as a slow run took, so the decoder is busy at most half the time', () => {
    expect(restAfter(200, 250)).toBe(200);
    expect(restAfter(600, 250)).toBe(600);
  });
  it('with a rest share of a quarter, a slow decoder (the worker) is busy at most 80 % of the time', () => {
    expect(restAfter(40, 100, 0.25)).toBe(60);
    expect(restAfter(400, 100, 0.25)).toBe(100);
    expect(400 / (400 + restAfter(400, 100, 0.25))).toBe(0.8);
  });
});

describe('startThrottledLoop', () => {
  it('never starts a run while the previous one is still going', async () => {
    const clock = manualTimer();
    let running = 0;
    let maxRunning = 0;
    let finish: (() => void) | null = null;
    const loop = startThrottledLoop(
      () => {
        running++;
        maxRunning = Math.max(maxRunning, running);
        return new Promise<void>((resolve) => {
          finish = () => {
            running--;
            resolve();
          };
        });
      },
      250,
      clock.timer,
    );
    await clock.advance(0); // first run starts
    expect(running).toBe(1);
    await clock.advance(1000); // still decoding: nothing else is scheduled
    expect(clock.pending()).toEqual([]);
    expect(maxRunning).toBe(1);
    finish!();
    await clock.advance(0);
    // It took 1000 ms, so it rests 1000 ms before the next frame.
    expect(clock.pending()).toEqual([1000]);
    loop.stop();
  });

  it('runs a few times a second when runs are quick, and stops for good', async () => {
    const clock = manualTimer();
    let runs = 0;
    const loop = startThrottledLoop(
      async () => {
        runs++;
      },
      250,
      clock.timer,
    );
    for (let i = 0; i < 4; i++) await clock.advance(250);
    expect(runs).toBe(4);
    loop.stop();
    await clock.advance(1000);
    expect(runs).toBe(4);
    expect(clock.pending()).toEqual([]);
  });

  it('waits the first delay before the first run', async () => {
    const clock = manualTimer();
    let runs = 0;
    const loop = startThrottledLoop(
      async () => {
        runs++;
      },
      250,
      clock.timer,
      1000,
    );
    await clock.advance(999);
    expect(runs).toBe(0);
    await clock.advance(1);
    expect(runs).toBe(1);
    loop.stop();
  });

  it('keeps going after a run that throws', async () => {
    const clock = manualTimer();
    let runs = 0;
    const loop = startThrottledLoop(
      async () => {
        runs++;
        throw new Error('bad frame');
      },
      250,
      clock.timer,
    );
    await clock.advance(0);
    await clock.advance(250);
    expect(runs).toBe(2);
    loop.stop();
  });
});
