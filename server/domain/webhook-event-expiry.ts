/**
 * `badge.expiringSoon` (issue 17): a standard badge (the printed one a person keeps) that stops
 * working within EXPIRING_SOON_DAYS gets one warning, so the store can print the next one in time.
 * Temporary badges live hours and are never warned about. A badge whose expiry an admin moves gets
 * a warning for its new expiry if that one is soon again: the warning names the expiry it was for.
 */

export const EXPIRING_SOON_DAYS = 7;

const DAY_MS = 24 * 60 * 60 * 1000;

/** The end of the look-ahead: badges expiring after `now` and at or before this are warned about. */
export function expiringSoonHorizon(now: Date): Date {
  return new Date(now.getTime() + EXPIRING_SOON_DAYS * DAY_MS);
}

/** Whether a code is due a warning at `now`: standard, still working, expiring within the horizon. */
export function isExpiringSoon(
  code: { kind: 'standard' | 'temporary'; expireDateTime: Date },
  now: Date,
): boolean {
  const expire = code.expireDateTime.getTime();
  return code.kind === 'standard' && expire > now.getTime() && expire <= expiringSoonHorizon(now).getTime();
}

/** Whole days left, rounded up: a badge expiring in 30 hours has 2 days left, one in 1 hour 1 day. */
export function daysLeft(expireDateTime: Date, now: Date): number {
  return Math.max(1, Math.ceil((expireDateTime.getTime() - now.getTime()) / DAY_MS));
}
