/**
 * The console sign-in policy: the lockout of console usernames (wrong passwords, codes and recovery
 * codes), kept apart from the PIN lockout since the two guard different things. The per-client budget
 * is not here: every sign-in path shares the one in the QR-code + PIN policy (lockout-policy.ts). Pure.
 */
import { accountLockoutOf, DEFAULT_LOCKOUT, type LockoutPolicy } from './lockout-policy.js';

export interface ConsoleSignInPolicy {
  lockout: LockoutPolicy;
}

/**
 * The policy in force, from the stored document. A field the document lacks (or the whole document,
 * should start-up not have stored one) takes the default, never the PIN lockout's value: the two
 * policies are independent, so tuning worker PINs must not move the console's lock.
 */
export function consoleSignInPolicyOf(stored: Partial<ConsoleSignInPolicy> | undefined): ConsoleSignInPolicy {
  return { lockout: accountLockoutOf({ ...DEFAULT_LOCKOUT, ...stored?.lockout }) };
}

/**
 * The document stored once, when an installation has none: a copy of the PIN lockout's per-account
 * settings, which console usernames obeyed before they had a policy of their own. A new install thus
 * gets the defaults and an upgraded one that had tuned its PIN lockout keeps those values for the
 * console; from then on each changes only when an admin saves it.
 */
export const initialConsoleSignInPolicy = (pinLockout: LockoutPolicy): ConsoleSignInPolicy => ({
  lockout: accountLockoutOf(pinLockout),
});
