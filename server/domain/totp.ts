/**
 * HOTP (RFC 4226) and TOTP (RFC 6238) with the parameters every authenticator app uses: HMAC-SHA-1,
 * 6 digits, 30-second steps. Pure: the HMAC comes in as a function, so this module needs no
 * `node:` import (server/platform/console-secrets.ts passes node:crypto's).
 */

export type HmacSha1 = (key: Uint8Array, message: Uint8Array) => Uint8Array;

export const TOTP_DIGITS = 6;
export const TOTP_STEP_SECONDS = 30;
/** Codes one step either side of the server's are accepted (RFC 6238 §5.2: clock drift, typing time). */
export const TOTP_ALLOWED_DRIFT_STEPS = 1;
/** 160 bits, the HMAC-SHA-1 block output size RFC 4226 §4 recommends for the shared secret. */
export const TOTP_SECRET_BYTES = 20;

/** The 8-byte big-endian counter HOTP signs. */
function counterBytes(counter: number): Uint8Array {
  const bytes = new Uint8Array(8);
  let value = counter;
  for (let i = 7; i >= 0; i--) {
    bytes[i] = value % 256;
    value = Math.floor(value / 256);
  }
  return bytes;
}

/** RFC 4226 §5.3: HMAC, dynamic truncation, modulo 10^digits, left-padded with zeros. */
export function hotp(hmac: HmacSha1, key: Uint8Array, counter: number, digits = TOTP_DIGITS): string {
  const mac = hmac(key, counterBytes(counter));
  const offset = mac[mac.length - 1]! & 0x0f;
  const binary =
    ((mac[offset]! & 0x7f) << 24) | (mac[offset + 1]! << 16) | (mac[offset + 2]! << 8) | mac[offset + 3]!;
  return String(binary % 10 ** digits).padStart(digits, '0');
}

/** The TOTP time step (RFC 6238 T) at `epochMs`. */
export const totpStepAt = (epochMs: number, stepSeconds = TOTP_STEP_SECONDS): number =>
  Math.floor(epochMs / 1000 / stepSeconds);

export function totpAt(hmac: HmacSha1, key: Uint8Array, epochMs: number, digits = TOTP_DIGITS): string {
  return hotp(hmac, key, totpStepAt(epochMs), digits);
}

/** Six ASCII digits, nothing else (spaces a person typed are removed first by `normaliseTotpCode`). */
export const normaliseTotpCode = (typed: string): string | undefined => {
  const compact = typed.replace(/\s/g, '');
  return /^[0-9]{6}$/.test(compact) ? compact : undefined;
};

/**
 * The time step whose code `code` is, within ±1 step of `epochMs`, and only if it is later than
 * `lastUsedStep`: a code (and any code older than one already used) is accepted once (RFC 6238 §5.2).
 * Every candidate is computed and compared, so the answer's timing does not depend on which matched.
 */
export function matchTotpStep(
  hmac: HmacSha1,
  key: Uint8Array,
  code: string,
  epochMs: number,
  lastUsedStep: number | null,
): { matched: true; step: number } | { matched: false; reason: 'incorrect' | 'already_used' } {
  const now = totpStepAt(epochMs);
  const matching: number[] = [];
  for (let step = now - TOTP_ALLOWED_DRIFT_STEPS; step <= now + TOTP_ALLOWED_DRIFT_STEPS; step++) {
    if (equalDigits(hotp(hmac, key, step), code)) matching.push(step);
  }
  if (matching.length === 0) return { matched: false, reason: 'incorrect' };
  const fresh = matching.filter((step) => lastUsedStep === null || step > lastUsedStep);
  if (fresh.length === 0) return { matched: false, reason: 'already_used' };
  return { matched: true, step: Math.max(...fresh) };
}

/** Compares two equal-length digit strings without an early exit. */
function equalDigits(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let difference = 0;
  for (let i = 0; i < a.length; i++) difference |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return difference === 0;
}

/** The otpauth:// URI authenticator apps read from the enrolment QR code (Google Authenticator key-uri format). */
export function otpauthUri(input: { issuer: string; accountName: string; secretBase32: string }): string {
  const label = `${encodeURIComponent(input.issuer)}:${encodeURIComponent(input.accountName)}`;
  const params = new URLSearchParams({
    secret: input.secretBase32,
    issuer: input.issuer,
    algorithm: 'SHA1',
    digits: String(TOTP_DIGITS),
    period: String(TOTP_STEP_SECONDS),
  });
  return `otpauth://totp/${label}?${params.toString()}`;
}
