/**
 * A forgotten PIN reset with a manager (docs/api.md, "Forgot PIN with a manager"): request and
 * response shapes, shared with the kiosk and the console.
 */
import { z } from 'zod';
import { badgeFields, withOneBadge } from './badge-body.js';
import { deviceProofBody } from './devices.js';
import { pinCode } from './schemas.js';

/** How long a request waits for a manager's approval (domain/pin-reset.ts), for the kiosk's words. */
export { PIN_RESET_APPROVAL_WINDOW_MS } from '../domain/pin-reset.js';

const requestId = z.string().min(1).max(64);
const requestSecret = z.string().min(1).max(128);

/** POST /api/auth/qr-pin/forgot-pin: the worker's scanned badge (or typed short code). */
export const forgotPinBody = withOneBadge(
  z.strictObject({
    ...badgeFields,
    device: deviceProofBody.optional(),
  }),
);

/** The request and the secret that proves this kiosk opened it, for every later call. */
export const pinResetRequestRef = z.strictObject({ requestId, requestSecret });

/** POST /api/auth/qr-pin/forgot-pin/approve: a manager's badge + PIN on the same phone. */
export const forgotPinApproveBody = z.strictObject({
  requestId,
  requestSecret,
  qr: z.string().max(512),
  pin: pinCode,
  device: deviceProofBody.optional(),
});

/** POST /api/auth/qr-pin/forgot-pin/new-pin. */
export const forgotPinNewPinBody = z.strictObject({ requestId, requestSecret, newPin: pinCode });

export interface ForgotPinOpened {
  requestId: string;
  requestSecret: string;
  /** When the request stops waiting for an approval. */
  expiresDateTime: string;
}

/** Where a request stands, as the kiosk polls it. */
export type ForgotPinStatus = 'pending' | 'approved' | 'declined' | 'expired' | 'closed';

export interface ForgotPinStatusView {
  status: ForgotPinStatus;
  expiresDateTime: string;
  /** Who approved, once approved. */
  approvedBy: { displayName: string } | null;
}

/** A pending request on the console's person page. */
export interface PinResetRequestView {
  id: string;
  createdDateTime: string;
  expiresDateTime: string;
  /** The enrolled kiosk it came from; null for a phone that is not an enrolled kiosk. */
  device: { id: string; displayName: string } | null;
}
