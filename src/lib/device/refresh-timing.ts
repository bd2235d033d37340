/**
 * When the kiosk asks for a new attestation: once less than ATTESTATION_REFRESH_BEFORE_SECONDS is left.
 * Times are in seconds since the epoch (the attestation's `exp`).
 */
import { ATTESTATION_REFRESH_BEFORE_SECONDS } from '$server/contracts/device-binding';

/** How long to wait before a refresh is due: 0 means now. */
export function secondsUntilRefresh(expiresAt: number, now: number): number {
  return Math.max(0, expiresAt - ATTESTATION_REFRESH_BEFORE_SECONDS - now);
}

export const refreshIsDue = (expiresAt: number, now: number): boolean =>
  secondsUntilRefresh(expiresAt, now) === 0;

/**
 * The timer for the next check: when the refresh is due, but at most `maxSeconds` away (a phone that
 * slept, or whose clock moved, checks again soon) and at least `minSeconds` (no tight loop after a failure).
 */
export function nextCheckSeconds(
  expiresAt: number,
  now: number,
  minSeconds: number,
  maxSeconds: number,
): number {
  return Math.min(maxSeconds, Math.max(minSeconds, secondsUntilRefresh(expiresAt, now)));
}
