/**
 * A secret checked under the lockout rules (server/domain/lockout.ts; docs/security.md, "Lockout"),
 * for whatever keeps the counters: a worker's PIN method, a console account. The attempt is counted
 * before the (slow) check, so any number of parallel requests gets at most `threshold` checks per lock
 * period.
 */
import { addSeconds } from '../../domain/clock.js';
import { lockDelaySeconds, lockStateAt } from '../../domain/lockout.js';
import type { LockoutPolicy } from '../../domain/lockout-policy.js';

export interface LockoutCounters {
  failedAttempts: number;
  consecutiveFailures: number;
  lockoutCount: number;
  lockedUntil: Date | null;
}

/** Where one subject's counters live; every write is a single conditional statement. */
export interface LockoutStore {
  /** The counters now; undefined when nothing was ever counted (unlocked, no failures). */
  read(): Promise<LockoutCounters | undefined>;
  /** Counts one attempt unless locked or at the threshold or hard limit; undefined means: do not check. */
  claim(
    now: Date,
    limits: { threshold: number; hardLimit: number },
  ): Promise<Omit<LockoutCounters, 'lockedUntil'> | undefined>;
  /** Writes the lock, unless a lock runs or the lockout count moved on since `lockoutCount` was read. */
  lockIfDue(now: Date, due: { threshold: number; lockoutCount: number; until: Date }): Promise<boolean>;
  /**
   * After a correct answer: forget every failure (a full success), or only give the claimed attempt
   * back (a correct password whose second factor is still to come, so wrong codes keep counting).
   */
  onCorrect(): Promise<void>;
}

export type LockoutVerdict =
  | { kind: 'correct' }
  | { kind: 'wrong'; remainingAttempts: number; lockedForSeconds: number | null }
  | { kind: 'locked'; retryAfterSeconds: number | null; reason: string };

const UNLOCKED = { lockedUntil: null, consecutiveFailures: 0 };

/** Runs `check` under the lockout rules; while locked it is not run at all. */
export async function checkUnderLockout(
  store: LockoutStore,
  lockout: LockoutPolicy,
  now: Date,
  check: () => Promise<boolean>,
): Promise<LockoutVerdict> {
  const state = lockStateAt((await store.read()) ?? UNLOCKED, lockout, now);
  if (state.locked) {
    return {
      kind: 'locked',
      retryAfterSeconds: state.retryAfterSeconds,
      reason: state.until ? 'locked' : 'hard_limit',
    };
  }
  const claim = await store.claim(now, lockout);
  if (!claim) {
    // Failures are at the threshold but no lock runs: another request used the last attempt a moment
    // ago, or an admin lowered the threshold below this count. Either way, lock now (one conditional
    // write, so a racing request's lock is not doubled) and answer with the lock.
    const fresh = (await store.read()) ?? { ...UNLOCKED, lockoutCount: 0 };
    const seconds = lockDelaySeconds(lockout, fresh.lockoutCount);
    await store.lockIfDue(now, {
      threshold: lockout.threshold,
      lockoutCount: fresh.lockoutCount,
      until: addSeconds(now, seconds),
    });
    const after = lockStateAt((await store.read()) ?? fresh, lockout, now);
    return {
      kind: 'locked',
      retryAfterSeconds: after.locked ? after.retryAfterSeconds : seconds,
      reason: after.locked && after.until === null ? 'hard_limit' : 'attempts_exhausted',
    };
  }
  if (await check()) {
    await store.onCorrect();
    return { kind: 'correct' };
  }
  if (claim.consecutiveFailures >= lockout.hardLimit) {
    return { kind: 'wrong', remainingAttempts: 0, lockedForSeconds: null };
  }
  if (claim.failedAttempts >= lockout.threshold) {
    const seconds = lockDelaySeconds(lockout, claim.lockoutCount);
    await store.lockIfDue(now, {
      threshold: lockout.threshold,
      lockoutCount: claim.lockoutCount,
      until: addSeconds(now, seconds),
    });
    return { kind: 'wrong', remainingAttempts: 0, lockedForSeconds: seconds };
  }
  return {
    kind: 'wrong',
    // Whichever comes first: the next timed lock or the hard limit.
    remainingAttempts: Math.min(
      lockout.threshold - claim.failedAttempts,
      lockout.hardLimit - claim.consecutiveFailures,
    ),
    lockedForSeconds: null,
  };
}
