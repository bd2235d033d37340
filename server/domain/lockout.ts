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
