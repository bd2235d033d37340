/**
 * Lockout settings (docs/security.md, "Lockout"): the per-account rules that lock a worker's PIN
 * method or a console username after wrong answers, and the per-client budget every sign-in path
 * shares. Defaults and ranges live here; the maths is in lockout.ts. Pure.
 */

/** How one account (a PIN method, a console username) is locked after wrong answers in a row. */
export interface LockoutPolicy {
  /** Wrong answers in a row that lock the account. */
  threshold: number;
  /** The first lock's length; each further lock multiplies it by `growthFactor`. */
  baseDelaySeconds: number;
  growthFactor: number;
  /** No single lock lasts longer than this. */
  maxDelaySeconds: number;
  /** Consecutive failures after which the account stays locked until someone unlocks it (NIST SP 800-63B: ≤ 100). */
  hardLimit: number;
}

/**
 * Failures from one network address (or device) within the window that block it for the window. One
 * budget for every sign-in path, so spreading guesses over badge and console sign-in does not widen it.
 */
export interface ClientBudgetPolicy {
  clientThreshold: number;
  clientWindowSeconds: number;
}

/** The QR-code + PIN method policy's `lockout`: the PIN lockout, and the shared client budget. */
export type PinLockoutPolicy = LockoutPolicy & ClientBudgetPolicy;

export const LOCKOUT_LIMITS = {
  threshold: { min: 3, max: 100 },
  baseDelaySeconds: { min: 1, max: 86_400 },
  growthFactor: { min: 1, max: 10 },
  maxDelaySeconds: { min: 1, max: 7 * 86_400 },
  hardLimit: { min: 10, max: 100 },
  clientThreshold: { min: 10, max: 10_000 },
  clientWindowSeconds: { min: 60, max: 86_400 },
} as const;

/** 10 wrong answers lock for 60 s, doubling up to a day; 100 in a row need someone to unlock. */
export const DEFAULT_LOCKOUT: LockoutPolicy = {
  threshold: 10,
  baseDelaySeconds: 60,
  growthFactor: 2,
  maxDelaySeconds: 24 * 60 * 60,
  hardLimit: 100,
};

/** 100 failures per address per 15 minutes. */
export const DEFAULT_CLIENT_BUDGET: ClientBudgetPolicy = {
  clientThreshold: 100,
  clientWindowSeconds: 15 * 60,
};

export const DEFAULT_PIN_LOCKOUT: PinLockoutPolicy = { ...DEFAULT_LOCKOUT, ...DEFAULT_CLIENT_BUDGET };

/** The per-account part of a lockout document (without the client budget). */
export const accountLockoutOf = (lockout: LockoutPolicy): LockoutPolicy => ({
  threshold: lockout.threshold,
  baseDelaySeconds: lockout.baseDelaySeconds,
  growthFactor: lockout.growthFactor,
  maxDelaySeconds: lockout.maxDelaySeconds,
  hardLimit: lockout.hardLimit,
});

/**
 * A rule between two fields that the ranges alone cannot hold, named by the field to correct, as the
 * policy documents nest it (`lockout.…`); null when the settings hold together.
 */
export function lockoutRuleBroken(lockout: LockoutPolicy): { field: string; message: string } | null {
  if (lockout.maxDelaySeconds < lockout.baseDelaySeconds) {
    return {
      field: 'lockout.maxDelaySeconds',
      message: 'The longest lock must not be shorter than the first lock.',
    };
  }
  if (lockout.hardLimit < lockout.threshold) {
    return {
      field: 'lockout.hardLimit',
      message:
        'The number of wrong attempts before a manager must unlock must not be below the number before a lock.',
    };
  }
  return null;
}
