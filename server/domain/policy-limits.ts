/**
 * Every policy number's range, one table for the API's validation and the console's forms. A field's
 * limit is named by its last part (`lockout.threshold` → `threshold`), whichever policy holds it.
 */
import { LOCKOUT_LIMITS } from './lockout-policy.js';
import { LOG_RETENTION_LIMITS } from './log-retention.js';
import { QR_PIN_LIMITS } from './qr-pin-policy.js';
import { SESSION_LIMITS } from './session-policy.js';

export const POLICY_LIMITS = {
  ...QR_PIN_LIMITS,
  ...LOCKOUT_LIMITS,
  ...SESSION_LIMITS,
  ...LOG_RETENTION_LIMITS,
} as const;
