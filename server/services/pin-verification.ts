/**
 * PIN checks under the lockout rules (docs/security.md, "Lockout"), shared by sign-in and PIN change.
 */
import type { MethodRow } from '../db/repositories/qr-pin-methods.js';
import { addSeconds } from '../domain/clock.js';
import { lockDelaySeconds, lockStateAt } from '../domain/lockout.js';
import type { QrPinPolicy } from '../domain/qr-pin-policy.js';
import type { ServiceDeps } from './deps.js';

export type PinVerdict =
  | { kind: 'correct' }
  | { kind: 'wrong'; remainingAttempts: number; lockedForSeconds: number | null }
  | { kind: 'locked'; retryAfterSeconds: number | null; reason: string };

/**
 * Verifies a PIN under the lockout rules. The attempt is counted before the (slow) check, so any
 * number of parallel requests gets at most `threshold` PIN checks per lock period.
 */
export async function checkPinWithLockout(
  deps: ServiceDeps,
  method: MethodRow,
  pin: string,
  policy: QrPinPolicy,
  now: Date,
): Promise<PinVerdict> {
  const { lockout } = policy;
  const state = lockStateAt(method, lockout, now);
  if (state.locked) {
    return {
      kind: 'locked',
      retryAfterSeconds: state.retryAfterSeconds,
      reason: state.until ? 'locked' : 'hard_limit',
    };
  }
  const claim = await deps.repos.methods.claimAttempt(method.id, now, lockout);
  if (!claim) {
    // Failures are at the threshold but no lock runs: another request used the last attempt a moment
    // ago, or an admin lowered the threshold below this method's count. Either way, lock now (one
    // conditional write, so a racing request's lock is not doubled) and answer with the lock.
    const fresh = (await deps.repos.methods.findByUserId(method.userId)) ?? method;
    const seconds = lockDelaySeconds(lockout, fresh.lockoutCount);
    await deps.repos.methods.lockIfDue(method.id, now, {
      threshold: lockout.threshold,
      lockoutCount: fresh.lockoutCount,
      until: addSeconds(now, seconds),
    });
    const after = lockStateAt((await deps.repos.methods.findByUserId(method.userId)) ?? fresh, lockout, now);
    return {
      kind: 'locked',
      retryAfterSeconds: after.locked ? after.retryAfterSeconds : seconds,
      reason: after.locked && after.until === null ? 'hard_limit' : 'attempts_exhausted',
    };
  }
  if (await deps.hasher.verify(method.pinHash, pin)) {
    await deps.repos.methods.resetLockout(method.id);
    return { kind: 'correct' };
  }
  if (claim.consecutiveFailures >= lockout.hardLimit) {
    return { kind: 'wrong', remainingAttempts: 0, lockedForSeconds: null };
  }
  if (claim.failedAttempts >= lockout.threshold) {
    const seconds = lockDelaySeconds(lockout, claim.lockoutCount);
    await deps.repos.methods.lockIfDue(method.id, now, {
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
