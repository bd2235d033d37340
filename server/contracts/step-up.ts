/**
 * Step-up by a manager (server/features/step-up/co-sign.ts): a worker's sign-in that a policy sends to
 * a second factor is confirmed by a manager of one of the worker's stores on the same phone.
 */
import { z } from 'zod';
import { badgeFields, withOneBadge } from './badge-body.js';
import { deviceProofBody } from './devices.js';
import { pinCode } from './schemas.js';

/**
 * What a SECOND_FACTOR_REQUIRED answer to POST /api/auth/qr-pin/sign-in carries as `error.stepUp`
 * when a manager may co-sign: the challenge (single use) and how long it waits.
 */
export interface StepUpOffer {
  challenge: string;
  expiresInSeconds: number;
  /** Whose sign-in the manager confirms (the badge + PIN were right, so the name may be shown). */
  displayName: string;
  /**
   * The co-signed session will have to change its PIN first: only then does the kiosk keep the PIN
   * just typed, in memory, for that change (as after any sign-in); it is never sent with the co-sign.
   */
  mustChangePin: boolean;
}

/** POST /api/auth/qr-pin/co-sign: the challenge, and the manager's badge (scanned or typed) + PIN. */
export const coSignBody = withOneBadge(
  z.strictObject({
    challenge: z.string().min(1).max(128),
    ...badgeFields,
    pin: pinCode,
    /** The kiosk's device binding, when the kiosk is enrolled (it must be the one the worker used). */
    device: deviceProofBody.optional(),
  }),
);
