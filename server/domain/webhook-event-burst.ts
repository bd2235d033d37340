/**
 * The lockout burst alert (issue 17): a store whose badges lock `threshold` times within
 * `windowMinutes` is probably under attack (someone trying PINs on a found badge pile, or a kiosk left
 * open to strangers), so the security team hears about it once, not once per lock.
 *
 * The rule, at a lock at time t in one store:
 *   - count the store's locks in the window (t − windowMinutes, t], this one included;
 *   - alert when the count reaches `threshold` and the store had no alert in that same window.
 * So an attack that goes on gets one alert per window (each backed by `threshold` locks after the
 * previous alert: the window starts after it), and locks spread over stores or over time get none.
 * The window is half-open: a lock exactly `windowMinutes` before t no longer counts, and an alert
 * exactly `windowMinutes` before t no longer holds the next one back.
 */

export interface LockoutBurstRule {
  /** Locks within the window that raise the alert (at least 2). */
  threshold: number;
  /** The window, in minutes. */
  windowMinutes: number;
}

/** Five locks in ten minutes in one store: far above a store's normal (a lock needs several wrong PINs). */
export const DEFAULT_LOCKOUT_BURST_RULE: LockoutBurstRule = { threshold: 5, windowMinutes: 10 };

const MINUTE_MS = 60_000;

export type BurstVerdict =
  { alert: false } | { alert: true; lockCount: number; firstLockAt: Date; lastLockAt: Date };

/** The start of the window that ends at `at` (excluded from it). */
export function burstWindowStart(at: Date, rule: LockoutBurstRule): Date {
  return new Date(at.getTime() - rule.windowMinutes * MINUTE_MS);
}

/**
 * Whether the lock at `at` raises a burst alert for its store. `lockTimes`: the store's locks (this
 * one included; older ones or later ones are ignored), `lastAlertAt`: the store's last burst alert.
 */
export function burstVerdictAt(
  at: Date,
  lockTimes: readonly Date[],
  lastAlertAt: Date | null,
  rule: LockoutBurstRule = DEFAULT_LOCKOUT_BURST_RULE,
): BurstVerdict {
  const from = burstWindowStart(at, rule).getTime();
  const inWindow = (time: Date) => time.getTime() > from && time.getTime() <= at.getTime();
  if (lastAlertAt && inWindow(lastAlertAt)) return { alert: false };
  const times = lockTimes.filter(inWindow).map((time) => time.getTime());
  if (times.length < rule.threshold) return { alert: false };
  return {
    alert: true,
    lockCount: times.length,
    firstLockAt: new Date(Math.min(...times)),
    lastLockAt: new Date(Math.max(...times)),
  };
}
