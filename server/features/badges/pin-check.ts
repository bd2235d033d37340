/**
 * PIN checks under the lockout rules (docs/security.md, "Lockout"), shared by sign-in and PIN change;
 * the counters live on the worker's QR-code + PIN method.
 */
import type { MethodRow } from './qr-pin-methods-repository.js';
import type { QrPinPolicy } from '../../domain/qr-pin-policy.js';
import type { ServiceDeps } from '../../core/deps.js';
import type { ClaimedAttempt } from '../lockout/lockout-counters-repository.js';
import { checkUnderLockout, lockoutStoreFor, type LockoutVerdict } from '../lockout/check-under-lockout.js';
import { addSeconds } from '../../domain/clock.js';
import { reportLock } from '../webhooks/events/lockout-events.js';

export type PinVerdict = LockoutVerdict;

/**
 * Verifies a PIN under the lockout rules; a correct PIN resets the method's counters (before this
 * returns, or, with `onCorrect: 'caller'`, when the caller runs the verdict's `pending`). `claimed`:
 * the attempt's claim when the caller has committed it already (check-under-lockout.ts). The one
 * attempt that locks the method reports the lock to webhooks (`deviceId`: the kiosk it came through).
 */
export async function checkPinWithLockout(
  deps: ServiceDeps,
  method: MethodRow,
  pin: string,
  policy: QrPinPolicy,
  now: Date,
  options: {
    onCorrect?: 'now' | 'caller';
    claimed?: () => Promise<ClaimedAttempt | undefined>;
    deviceId?: string;
  } = {},
): Promise<PinVerdict> {
  // The method row the caller holds carries the counters, so the first read costs no query.
  const store = lockoutStoreFor(deps.repos.methods.lockoutCounters, method.id, {
    onCorrect: 'reset',
    heldCounters: method,
    claimed: options.claimed,
  });
  // Under load, a badge with wrong PINs in a row waits behind clean badges, and one badge is never
  // checked twice at once (platform/hash-scheduler.ts).
  const verdict = await checkUnderLockout(
    store,
    policy.lockout,
    now,
    (claimed) =>
      deps.hasher.verify(method.pinHash, pin, {
        rank: claimed.consecutiveFailures - 1,
        key: `pin:${method.id}`,
      }),
    { onCorrect: options.onCorrect },
  );
  if (verdict.kind === 'wrong' && verdict.remainingAttempts === 0) {
    const { lockedForSeconds } = verdict;
    const lockedUntil = lockedForSeconds === null ? null : addSeconds(now, lockedForSeconds);
    await reportLock(deps, { userId: method.userId, deviceId: options.deviceId, lockedUntil, at: now });
  }
  return verdict;
}
