/**
 * Device-binding constants shared by the PWA and the server, kept free of zod (and of anything else
 * heavy) because the kiosk loads them up front. The request schemas are in ./devices.ts.
 */
export const DEVICE_NAME_MAX_LENGTH = 80;
/** How long an attestation lives, and when the PWA refreshes it (before this much is left). */
export const ATTESTATION_LIFETIME_SECONDS = 24 * 60 * 60;
export const ATTESTATION_REFRESH_BEFORE_SECONDS = 6 * 60 * 60;
/** How long a server nonce can be used. */
export const DEVICE_NONCE_LIFETIME_SECONDS = 120;

export const ATTESTATION_TYP = 'shiftpass-attestation+jwt';
export const PROOF_TYP = 'dpop+jwt';

/** What the device signs at enrolment (UTF-8), proving it holds the private key of the public key it sends. */
export const enrolmentSigningInput = (nonce: string, keyThumbprint: string): string =>
  `shiftpass-device-enrolment.${nonce}.${keyThumbprint}`;
