/**
 * Offboarding (docs/security.md, "Offboarding"): a person who leaves is turned off, every badge and
 * API token of theirs revoked for good and every session ended, in one audited step. Who can ask for
 * it, and how a person's state reads. Pure: no I/O.
 */

/** Where an offboarding comes from: the HR system (SCIM `active: false` or `DELETE`) or an admin in the console. */
export const OFFBOARDING_SOURCES = ['scim', 'console'] as const;
export type OffboardingSource = (typeof OFFBOARDING_SOURCES)[number];

/** What one offboarding ended; recorded in its audit entry (`user.offboarded`), never a secret. */
export interface OffboardingCounts {
  /** Badges (standard and temporary QR codes) that still worked or were still to start. */
  badgesRevoked: number;
  /** Kiosk and console sessions that had not ended yet. */
  sessionsEnded: number;
  /** Store apps queued a back-channel logout (OpenID Back-Channel Logout 1.0) for them. */
  appsTold: number;
  /** API tokens of theirs that still worked. */
  apiTokensRevoked: number;
}
