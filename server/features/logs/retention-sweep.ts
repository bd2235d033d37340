/**
 * The background sweep that keeps stored data bounded (docs/security.md, "Bounded data under abuse"):
 * sign-in log rows and audit entries past the admins' retention (policies' `logRetention`), throttle
 * rows past any budget window, and console lockout rows of names that are no console account once
 * they have been idle for UNKNOWN_NAME_LOCKOUT_IDLE_MS.
 *
 * Every delete is one bounded statement (DELETE_BATCH rows) repeated until a statement deletes fewer;
 * between statements the event loop runs (the embedded libSQL driver answers synchronously), so sign-ins
 * in this process are served between batches rather than after the whole backlog. Each process may
 * run it: the deletes are idempotent. What the logs lose is audited (as the system), with the cut-off,
 * so an admin can tell retention from tampering.
 */
import { recordAudit } from '../../core/audit.js';
import type { ServiceDeps } from '../../core/deps.js';
import { LOCKOUT_LIMITS } from '../../domain/lockout-policy.js';
import { retentionCutoffs } from '../../domain/log-retention.js';
import { getLogRetentionPolicy } from '../policies/policies.js';
import { sweepWebhookEventState } from '../webhooks/events/expiring-badges.js';
import { deleteInBatches, startPeriodicJob } from '../../core/background-jobs.js';

/** Rows one statement deletes at most. */
export const DELETE_BATCH = 500;
/** How long a forgotten-PIN reset request is kept (features/forgot-pin/). */
const PIN_RESET_KEEP_MS = 24 * 60 * 60 * 1000;
/** A throttle row is forgotten once its window started longer ago than the longest window a budget may have. */
export const THROTTLE_KEEP_MS = LOCKOUT_LIMITS.clientWindowSeconds.max * 1000;
/**
 * A lockout row of a typed name that is no console account goes after this long without a failure
 * (and with no lock running). Until then it behaves exactly like a real account's row, so the answers
 * do not tell which names exist; a real account's row is never swept (its hard limit stays).
 */
export const UNKNOWN_NAME_LOCKOUT_IDLE_MS = 30 * 24 * 3600 * 1000;
/** Past this many console accounts the keep-list would not fit one statement: lockout rows then stay. */
const MAX_KEPT_ACCOUNTS = 20_000;
/** How often the runtime sweeps (ms). */
export const DEFAULT_SWEEP_INTERVAL_MS = 10 * 60 * 1000;

export interface SweepCounts {
  signInLogs: number;
  auditLogs: number;
  throttles: number;
  consoleLockouts: number;
}

/** One sweep at `deps.clock.now()`; how many rows of each kind went. */
export async function sweepExpiredData(
  deps: ServiceDeps,
  options: { batch?: number } = {},
): Promise<SweepCounts> {
  const now = deps.clock.now();
  const policy = await getLogRetentionPolicy(deps);
  const { signInLogsBefore, auditLogsBefore } = retentionCutoffs(policy, now);
  const batch = options.batch ?? DELETE_BATCH;
  const signInLogs = await deleteInBatches(
    (limit) => deps.repos.logs.deleteSignInLogsBefore(signInLogsBefore, limit),
    batch,
  );
  const auditLogs = await deleteInBatches(
    (limit) => deps.repos.logs.deleteAuditLogsBefore(auditLogsBefore, limit),
    batch,
  );
  const throttleBefore = new Date(now.getTime() - THROTTLE_KEEP_MS);
  const throttles = await deleteInBatches(
    (limit) => deps.repos.throttles.deleteStale(throttleBefore, now, limit),
    batch,
  );
  const consoleLockouts = await deleteIdleUnknownNameLockouts(deps, now, batch);
  // Forgotten-PIN requests are kept a day (the hourly limits need one hour; the audit log keeps the rest).
  const pinResetsBefore = new Date(now.getTime() - PIN_RESET_KEEP_MS);
  await deleteInBatches((limit) => deps.repos.pinResets.deleteOpenedBefore(pinResetsBefore, limit), batch);
  // Badges expiring soon are announced to webhooks; locks past any burst window are forgotten.
  await sweepWebhookEventState(deps);
  if (signInLogs > 0 || auditLogs > 0) {
    await recordAudit(
      deps,
      'system',
      'logs.retention.deleted',
      { type: 'logs', id: 'retention' },
      {
        signInLogs,
        auditLogs,
        signInLogsBefore: signInLogsBefore.toISOString(),
        auditLogsBefore: auditLogsBefore.toISOString(),
      },
    );
  }
  return { signInLogs, auditLogs, throttles, consoleLockouts };
}

async function deleteIdleUnknownNameLockouts(deps: ServiceDeps, now: Date, batch: number): Promise<number> {
  const names = await deps.repos.consoleAuth.consoleAccountNames();
  if (names.length > MAX_KEPT_ACCOUNTS) return 0;
  const keep = names.map((name) => deps.consoleSecrets.accountKey(name));
  const before = new Date(now.getTime() - UNKNOWN_NAME_LOCKOUT_IDLE_MS);
  return deleteInBatches(
    (limit) => deps.repos.consoleAuth.deleteIdleLockouts(before, now, keep, limit),
    batch,
  );
}

export interface RetentionSweeper {
  /** One sweep; sweeps never overlap within a process. */
  tick(): Promise<SweepCounts>;
  stop(): void;
}

export function startRetentionSweeper(
  deps: ServiceDeps,
  options: { intervalMs?: number; logError: (error: unknown) => void },
): RetentionSweeper {
  return startPeriodicJob(() => sweepExpiredData(deps), {
    intervalMs: options.intervalMs ?? DEFAULT_SWEEP_INTERVAL_MS,
    logError: options.logError,
  });
}
