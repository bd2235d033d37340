/**
 * PIN checks under the lockout rules (docs/security.md, "Lockout"), shared by sign-in and PIN change;
 * the counters live on the worker's QR-code + PIN method.
 */
import type { MethodRow } from '../badges/qr-pin-methods-repository.js';
import type { QrPinPolicy } from '../../domain/qr-pin-policy.js';
import type { ServiceDeps } from '../../core/deps.js';
import { checkUnderLockout, type LockoutStore, type LockoutVerdict } from '../lockout/check-under-lockout.js';

export type PinVerdict = LockoutVerdict;

function methodLockoutStore(deps: ServiceDeps, method: MethodRow): LockoutStore {
  const { methods } = deps.repos;
  let held: MethodRow | undefined = method;
  return {
    // The first read is the row the caller already holds; later reads see other requests' writes.
    read: async () => {
      const row = held ?? (await methods.findByUserId(method.userId)) ?? method;
      held = undefined;
      return row;
    },
    claim: (now, limits) => methods.claimAttempt(method.id, now, limits),
    lockIfDue: (now, due) => methods.lockIfDue(method.id, now, due),
    onCorrect: () => methods.resetLockout(method.id),
  };
}

/** Verifies a PIN under the lockout rules; a correct PIN resets the method's counters. */
export async function checkPinWithLockout(
  deps: ServiceDeps,
  method: MethodRow,
  pin: string,
  policy: QrPinPolicy,
  now: Date,
): Promise<PinVerdict> {
  return checkUnderLockout(methodLockoutStore(deps, method), policy.lockout, now, () =>
    deps.hasher.verify(method.pinHash, pin),
  );
}
