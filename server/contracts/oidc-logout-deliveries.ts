/**
 * GET /api/admin/apps/{id}/logout-deliveries: the back-channel logouts Shiftpass sent (or is sending)
 * to a store app when workers' kiosk sessions ended — who was told, when, how it went.
 */
import { z } from 'zod';
import { cursorParam, limitParam } from './pagination.js';

export const listLogoutDeliveriesQuery = z.strictObject({
  limit: limitParam,
  cursor: cursorParam.optional(),
});

/**
 * How long the app has to answer one notice, and when Shiftpass stops trying (counted from the
 * sign-out): the console's words. The same numbers as the deliverer's SEND_TIMEOUT_MS and
 * GIVE_UP_AFTER_MS (server/features/oidc/logout-deliverer.ts); tests/unit/apps-text.test.ts checks
 * that they agree.
 */
export const LOGOUT_DELIVERY_TIMEOUT_SECONDS = 5;
export const LOGOUT_DELIVERY_GIVE_UP_HOURS = 24;

/** delivered: the app answered 200/204; pending: another attempt is scheduled; failed: no more attempts. */
export const LOGOUT_DELIVERY_STATES = ['delivered', 'pending', 'failed'] as const;

export interface LogoutDeliveryView {
  id: string;
  /** Who the app was told signed out (the logout token's `sub`); displayName null once deleted. */
  user: { id: string; displayName: string | null };
  /** When the kiosk session ended (the delivery was queued). */
  createdDateTime: string;
  attempts: number;
  lastAttemptDateTime: string | null;
  /** The app's HTTP status (`200`, `500`, …) or `timeout`, `unreachable`, `app_gone`; null before the first attempt. */
  lastAnswer: string | null;
  deliveredDateTime: string | null;
  nextAttemptDateTime: string | null;
  state: (typeof LOGOUT_DELIVERY_STATES)[number];
}
