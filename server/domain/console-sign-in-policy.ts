/**
 * The console sign-in policy: the lockout of console usernames (wrong passwords, codes and recovery
 * codes), kept apart from the PIN lockout since the two guard different things. The per-client budget
 * is not here: every sign-in path shares the one in the QR-code + PIN policy (lockout-policy.ts). Pure.
 */
import { accountLockoutOf, DEFAULT_LOCKOUT, type LockoutPolicy } from './lockout-policy.js';

export interface ConsoleSignInPolicy {
  lockout: LockoutPolicy;
}

/** As the API shows it: whether the console still follows the PIN lockout (nothing saved yet). */
export interface ConsoleSignInPolicyView extends ConsoleSignInPolicy {
  followsQrCodePinLockout: boolean;
}

/**
 * The policy in force. Console accounts used the PIN lockout's settings before they had their own, so
 * until an admin saves the console's they still do: an upgrade changes nothing, and an install that
 * tuned its PIN lockout keeps that for the console too. Once saved, the two are independent.
 */
export function consoleSignInPolicyOf(
  stored: Partial<ConsoleSignInPolicy> | undefined,
  pinLockout: LockoutPolicy,
): ConsoleSignInPolicyView {
  if (!stored?.lockout) return { lockout: accountLockoutOf(pinLockout), followsQrCodePinLockout: true };
  return { lockout: { ...DEFAULT_LOCKOUT, ...stored.lockout }, followsQrCodePinLockout: false };
}
