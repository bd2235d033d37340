/**
 * The rules of a forgotten PIN reset with a manager (docs/security.md, "Forgot PIN with a manager"):
 * who may ask, how long a request waits for an approval, how long an approval waits for the new
 * PIN, and the hourly limits per badge and per manager. Pure: no I/O.
 */
import type { Role } from './roles.js';

/** A request waits this long for a manager's approval, from when it was opened. */
export const PIN_RESET_APPROVAL_WINDOW_MS = 10 * 60 * 1000;
/** Once approved, the worker has this long to choose the new PIN. */
export const PIN_RESET_NEW_PIN_WINDOW_MS = 10 * 60 * 1000;
/** At most this many requests per badge (QR code) within RATE_WINDOW_MS. */
export const PIN_RESET_REQUESTS_PER_BADGE = 3;
/** At most this many approvals per manager within RATE_WINDOW_MS. */
export const PIN_RESET_APPROVALS_PER_MANAGER = 10;
export const PIN_RESET_RATE_WINDOW_MS = 60 * 60 * 1000;

export type PinResetStatus = 'pending' | 'approved' | 'declined' | 'cancelled' | 'completed';

/** Only a worker resets a PIN with a manager; a manager's or an admin's own PIN goes to an admin. */
export const mayAskForPinReset = (role: Role): boolean => role === 'worker';

export interface PinResetTimes {
  status: PinResetStatus;
  createdAt: Date;
  approvedAt: Date | null;
}

/** Where a request stands at `now`: what may still be done with it. */
export type PinResetStage =
  'awaiting_approval' | 'approval_expired' | 'awaiting_new_pin' | 'new_pin_expired' | 'declined' | 'closed';

export function pinResetStageAt(request: PinResetTimes, now: Date): PinResetStage {
  switch (request.status) {
    case 'pending':
      return now.getTime() - request.createdAt.getTime() < PIN_RESET_APPROVAL_WINDOW_MS
        ? 'awaiting_approval'
        : 'approval_expired';
    case 'approved':
      return request.approvedAt && now.getTime() - request.approvedAt.getTime() < PIN_RESET_NEW_PIN_WINDOW_MS
        ? 'awaiting_new_pin'
        : 'new_pin_expired';
    case 'declined':
      return 'declined';
    default:
      return 'closed';
  }
}

/** When a pending request stops waiting for an approval. */
export const approvalDeadlineOf = (createdAt: Date): Date =>
  new Date(createdAt.getTime() + PIN_RESET_APPROVAL_WINDOW_MS);

/**
 * A fixed-window-free hourly limit: `times` are the instants counted (requests, approvals) in the last
 * window; null when one more is allowed, else the seconds until the oldest leaves the window.
 */
export function rateLimitRetryAfter(
  times: readonly Date[],
  limit: number,
  windowMs: number,
  now: Date,
): number | null {
  const inWindow = times
    .map((time) => time.getTime())
    .filter((time) => now.getTime() - time < windowMs)
    .sort((a, b) => a - b);
  if (inWindow.length < limit) return null;
  const oldest = inWindow[inWindow.length - limit]!;
  return Math.max(1, Math.ceil((oldest + windowMs - now.getTime()) / 1000));
}
