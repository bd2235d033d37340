/**
 * Lockout maths. After `threshold` wrong PINs in a row the method locks for
 * baseDelay × growth^(lockouts so far), capped at maxDelay; after `hardLimit` consecutive failures it
 * stays locked until a manager unlocks it or resets the PIN. A success resets everything.
 */
import type { LockoutPolicy } from './lockout-policy.js';

export function lockDelaySeconds(policy: LockoutPolicy, previousLockouts: number): number {
  const delay = policy.baseDelaySeconds * Math.pow(policy.growthFactor, previousLockouts);
  return Math.min(policy.maxDelaySeconds, Math.round(delay));
}

export type LockState =
  | { locked: false }
  | { locked: true; until: Date; retryAfterSeconds: number }
  | { locked: true; until: null; retryAfterSeconds: null };

export function lockStateAt(
  method: { lockedUntil: Date | null; consecutiveFailures: number },
  policy: LockoutPolicy,
  now: Date,
): LockState {
  if (method.consecutiveFailures >= policy.hardLimit)
    return { locked: true, until: null, retryAfterSeconds: null };
  if (method.lockedUntil && method.lockedUntil.getTime() > now.getTime()) {
    const retryAfterSeconds = Math.ceil((method.lockedUntil.getTime() - now.getTime()) / 1000);
    return { locked: true, until: method.lockedUntil, retryAfterSeconds };
  }
  return { locked: false };
}

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
