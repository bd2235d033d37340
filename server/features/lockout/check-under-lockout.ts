/**
 * A secret checked under the lockout rules (server/domain/lockout.ts; docs/security.md, "Lockout"),
 * for whatever keeps the counters: a worker's PIN method, a console account. The attempt is counted
 * before the (slow) check, so any number of parallel requests gets at most `threshold` checks per lock
 * period.
 */
import { addSeconds } from '../../domain/clock.js';
import {
  lockDelaySeconds,
  lockStateAt,
  type LockoutCounters,
  type LockoutStore,
} from '../../domain/lockout.js';
import type { LockoutCounterStatements } from './lockout-counters-repository.js';

export type { LockoutCounters, LockoutStore } from '../../domain/lockout.js';
import type { LockoutPolicy } from '../../domain/lockout-policy.js';

export type LockoutVerdict =
  /**
   * `pending`: the counters' update a right secret calls for (reset or refund), when the caller asked
   * to write it itself (`onCorrect: 'caller'`), so it can share a commit with the outcome's writes.
   */
  | { kind: 'correct'; pending?: () => Promise<void> }
  | { kind: 'wrong'; remainingAttempts: number; lockedForSeconds: number | null }
  | { kind: 'locked'; retryAfterSeconds: number | null; reason: string };

const UNLOCKED = { lockedUntil: null, consecutiveFailures: 0 };

/**
 * Runs `check` under the lockout rules; while locked it is not run at all. `check` is handed the
 * counters its claim left (this attempt counted), so it can say how many failures came before it.
 * A right secret's counter update is written before the verdict returns, unless `onCorrect` is
 * 'caller': then the verdict carries it as `pending`, and the caller must write it.
 */
export async function checkUnderLockout(
  store: LockoutStore,
  lockout: LockoutPolicy,
  now: Date,
  check: (claimed: Omit<LockoutCounters, 'lockedUntil'>) => Promise<boolean>,
  options: { onCorrect?: 'now' | 'caller' } = {},
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
  if (await check(claim)) {
    if (options.onCorrect === 'caller') return { kind: 'correct', pending: () => store.onCorrect() };
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

/**
 * One subject's `LockoutStore` over a table's counters. `heldCounters` are counters the caller has
 * just read with the subject (a PIN method's row): the first read returns them instead of asking
 * again; later reads see other requests' writes. `claimed` is the outcome of a claim the caller has
 * already committed (with the client budget's: badges/verify-badge-and-pin.ts), which the store's
 * claim then answers instead of claiming again.
 */
export function lockoutStoreFor(
  counters: LockoutCounterStatements,
  key: string,
  options: {
    onCorrect: 'reset' | 'refund';
    heldCounters?: LockoutCounters;
    claimed?: () => Promise<Omit<LockoutCounters, 'lockedUntil'> | undefined>;
  },
): LockoutStore {
  let held = options.heldCounters;
  return {
    read: async () => {
      const first = held;
      held = undefined;
      return first ?? counters.read(key);
    },
    claim: (now, limits) => options.claimed?.() ?? counters.claim(key, now, limits),
    lockIfDue: (now, due) => counters.lockIfDue(key, now, due),
    onCorrect: () => (options.onCorrect === 'reset' ? counters.reset(key) : counters.refund(key)),
  };
}
