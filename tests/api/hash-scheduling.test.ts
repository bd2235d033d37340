/**
 * Slow PIN checks under a wrong-PIN flood (issue 14 target 3; server/platform/hash-scheduler.ts): an
 * honest worker's check runs before the flood's queued guesses, one badge is never checked twice at
 * once, and the lockout still allows no more checks than its threshold. Order and outcomes only:
 * nothing here measures a time.
 */
import { afterAll, beforeAll, expect, test, vi } from 'vitest';
import type { PasswordHasher } from '../../server/platform/password-hasher.js';
import { scheduleHasher, type ScheduledHasher } from '../../server/platform/hash-scheduler.js';
import { createWorker, readError, startHarness, type Harness, type Worker } from '../support/api-harness.js';

let h: Harness;
let real: PasswordHasher;

beforeAll(async () => {
  h = await startHarness();
  real = h.runtime.deps.hasher;
});
afterAll(() => {
  h.runtime.deps.hasher = real;
  h.close();
});

const wrongPinFor = (worker: Worker) => `${(Number(worker.pin[0]) + 1) % 10}${worker.pin.slice(1)}`;

/**
 * The server's scheduler over a recording hasher: which PIN each check was for, in the order they
 * started, and the most checks of one PIN that ever ran at once. The first check can be held open
 * until `release()`, so the ones asked for meanwhile queue.
 */
function recordingScheduler(concurrency: number, options: { holdFirst: boolean }) {
  const started: string[] = [];
  const runningPerPin = new Map<string, number>();
  let mostAtOnce = 0;
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  const inner: PasswordHasher = {
    ...real,
    async verify(verifier, secret) {
      started.push(secret);
      const running = (runningPerPin.get(secret) ?? 0) + 1;
      runningPerPin.set(secret, running);
      mostAtOnce = Math.max(mostAtOnce, running);
      try {
        if (options.holdFirst && started.length === 1) await held;
        return await real.verify(verifier, secret);
      } finally {
        runningPerPin.set(secret, (runningPerPin.get(secret) ?? 1) - 1);
      }
    },
  };
  const scheduled: ScheduledHasher = scheduleHasher(inner, { concurrency });
  h.runtime.deps.hasher = scheduled;
  return { started, scheduled, release, mostAtOnce: () => mostAtOnce };
}

test("under a flood of wrong PINs, an honest worker's check runs before every queued guess", async () => {
  const worker = await createWorker(h);
  const targets = await Promise.all(Array.from({ length: 4 }, () => createWorker(h)));
  // Each target has had one wrong PIN already: its next guesses rank behind a clean badge.
  for (const [i, target] of targets.entries()) {
    const res = await h.request('POST', '/api/auth/qr-pin/sign-in', {
      body: { qr: target.qr, pin: wrongPinFor(target) },
      token: null,
      clientAddress: `10.1.0.${i + 1}`,
    });
    expect(res.status).toBe(401);
  }
  const recorder = recordingScheduler(1, { holdFirst: true });

  // Four guesses on each target from 16 addresses; the first check to start is held open.
  const flood = targets.flatMap((target, t) =>
    Array.from({ length: 4 }, (_, k) =>
      h.request('POST', '/api/auth/qr-pin/sign-in', {
        body: { qr: target.qr, pin: wrongPinFor(target) },
        token: null,
        clientAddress: `10.2.${t}.${k + 1}`,
      }),
    ),
  );
  await vi.waitFor(() => expect(recorder.scheduled.load()).toEqual({ running: 1, queued: 15 }));

  const honest = h.request('POST', '/api/auth/qr-pin/sign-in', {
    body: { qr: worker.qr, pin: worker.pin },
    token: null,
  });
  await vi.waitFor(() => expect(recorder.scheduled.load()).toEqual({ running: 1, queued: 16 }));
  recorder.release();

  expect((await honest).status).toBe(200);
  const codes = await Promise.all(flood.map(async (r) => (await readError(await r)).error.code));
  expect(codes.every((code) => code === 'PIN_INCORRECT')).toBe(true);
  // The held guess, then the worker, then the 15 guesses that were queued before the worker.
  expect(recorder.started.indexOf(worker.pin)).toBe(1);
  expect(recorder.started).toHaveLength(17);
});

test('guesses on one badge are checked one at a time, and no more than the lockout threshold allows', async () => {
  const target = await createWorker(h);
  const recorder = recordingScheduler(4, { holdFirst: false });
  const wrong = wrongPinFor(target);

  const responses = await Promise.all(
    Array.from({ length: 30 }, (_, i) =>
      h.request('POST', '/api/auth/qr-pin/sign-in', {
        body: { qr: target.qr, pin: wrong },
        token: null,
        clientAddress: `10.3.0.${i + 1}`,
      }),
    ),
  );

  const codes = await Promise.all(responses.map(async (r) => (await readError(r)).error.code));
  const counts = codes.reduce<Record<string, number>>((acc, c) => ({ ...acc, [c]: (acc[c] ?? 0) + 1 }), {});
  // The default threshold: 10 checks; the 10th locks (answered 423 like the 20 that found it locked).
  expect(counts).toEqual({ PIN_INCORRECT: 9, METHOD_LOCKED: 21 });
  expect(recorder.started.filter((pin) => pin === wrong)).toHaveLength(10);
  expect(recorder.mostAtOnce()).toBe(1);
});
