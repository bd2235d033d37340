/**
 * The device-binding rules (docs/security.md "Device binding"): what a kiosk's attestation and proof
 * must say, as pure functions of their decoded header and claims, what the request expects and the
 * time. Signatures are not this module's business (server/platform/device-tokens.ts verifies them with
 * jose); server/features/devices/device-binding-check.ts runs these rules in order between the
 * signature checks and the database.
 *
 * Each rule answers ok, or the refusal code and a short reason for the sign-in log.
 */
import { ATTESTATION_TYP, PROOF_TYP } from '../contracts/device-binding.js';
import type { ErrorCode } from '../contracts/errors.js';

export interface BindingRefusal {
  ok: false;
  code: ErrorCode;
  reason: string;
}

/** A rule's verdict: ok (with what it established), or why not. */
export type BindingVerdict<T extends object = object> = ({ ok: true } & T) | BindingRefusal;

/** A decoded JOSE header or claims set, as untrusted JSON. */
export type TokenFields = Record<string, unknown>;

const OK = { ok: true } as const;
const refuse = (code: ErrorCode, reason: string): BindingRefusal => ({ ok: false, code, reason });

const isString = (v: unknown): v is string => typeof v === 'string';
const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/**
 * The attestation names our type and one of this server's attestation keys (`kid`, its RFC 7638
 * thumbprint): the current one, or the previous one for a while after a server key rotation.
 */
export function checkAttestationHeader(
  header: TokenFields,
  attestationKids: string | readonly string[],
): BindingVerdict {
  const kids: readonly string[] = typeof attestationKids === 'string' ? [attestationKids] : attestationKids;
  return header.typ === ATTESTATION_TYP && typeof header.kid === 'string' && kids.includes(header.kid)
    ? OK
    : refuse('DEVICE_ATTESTATION_INVALID', 'attestation_header');
}

/** What a verified attestation vouches for. */
export interface AttestedDevice {
  deviceId: string;
  /** `cnf.jkt`: the thumbprint of the key that must sign every proof (RFC 7800). */
  keyThumbprint: string;
  /** Not yet past its `exp`. */
  fresh: boolean;
}

export interface AttestationExpectations {
  issuer: string;
  now: Date;
}

/** The attestation's claims: this installation's issuer, a device, the key bound to it, its times. */
export function checkAttestationClaims(
  claims: TokenFields,
  expected: AttestationExpectations,
): BindingVerdict<{ device: AttestedDevice }> {
  const cnf = claims.cnf as { jkt?: unknown } | null | undefined;
  if (
    claims.iss !== expected.issuer ||
    !isString(claims.sub) ||
    typeof cnf !== 'object' ||
    cnf === null ||
    !isString(cnf.jkt) ||
    !isNumber(claims.iat) ||
    !isNumber(claims.exp)
  ) {
    return refuse('DEVICE_ATTESTATION_INVALID', 'attestation_claims');
  }
  const fresh = claims.exp > Math.floor(expected.now.getTime() / 1000);
  return { ok: true, device: { deviceId: claims.sub, keyThumbprint: cnf.jkt, fresh } };
}

/**
 * Sign-in takes only a fresh attestation. Refresh and kiosk exit take an expired (but genuine) one,
 * so a phone switched off for longer than an attestation lives can still refresh or be decommissioned.
 */
export function checkAttestationFreshness(device: AttestedDevice, acceptExpired: boolean): BindingVerdict {
  return device.fresh || acceptExpired ? OK : refuse('DEVICE_ATTESTATION_EXPIRED', 'attestation_expired');
}

/** The proof is a DPoP-style proof (`typ`) made by the attested device (`kid` is its id). */
export function checkProofHeader(header: TokenFields, deviceId: string): BindingVerdict {
  if (header.typ !== PROOF_TYP) return refuse('DEVICE_PROOF_INVALID', 'proof_header');
  if (header.kid !== deviceId) return refuse('DEVICE_PROOF_INVALID', 'proof_kid_mismatch');
  return OK;
}

/** The enrolled key is the one the attestation is bound to (`cnf.jkt`). */
export function checkEnrolledKey(enrolledThumbprint: string, attested: AttestedDevice): BindingVerdict {
  // Only a re-enrolment under the same id (never done) or a forged attestation could make these differ.
  return enrolledThumbprint === attested.keyThumbprint
    ? OK
    : refuse('DEVICE_KEY_MISMATCH', 'attested_key_not_enrolled');
}

export interface ProofExpectations {
  /** The request's method and full URL, as the server received them. */
  method: string;
  url: string;
  /** PUBLIC_ORIGIN, when set: the proof's URL must be on it, scheme included. */
  publicOrigin?: string;
  /** base64url SHA-256 of the attestation the proof travels with. */
  attestationHash: string;
}

/** The proof's URL matches the request's: host and path; with PUBLIC_ORIGIN, the whole origin. */
export function sameTarget(htu: string, requestUrl: string, publicOrigin: string | undefined): boolean {
  let claimed: URL;
  let actual: URL;
  try {
    claimed = new URL(htu);
    actual = new URL(requestUrl);
  } catch {
    return false;
  }
  if (claimed.search !== '' || claimed.hash !== '' || claimed.username || claimed.password) return false;
  if (claimed.pathname !== actual.pathname) return false;
  // TLS may end at a proxy, so the scheme the server sees says nothing; PUBLIC_ORIGIN does.
  if (publicOrigin !== undefined) return claimed.origin === publicOrigin || claimed.origin === actual.origin;
  return claimed.host === actual.host;
}

/**
 * The proof's claims: this request's method and URL, the attestation it travels with (`ath`), a
 * nonce (used later, against the database) and an `iat`. The `iat` is not held against the server's
 * clock (kiosk clocks drift); the single-use 2-minute nonce gives the freshness.
 */
export function checkProofClaims(
  claims: TokenFields,
  expected: ProofExpectations,
): BindingVerdict<{ nonce: string; appVersion?: string }> {
  const { htm, htu, nonce, ath, iat, appVersion } = claims;
  if (!isString(htm) || !isString(htu) || !isString(nonce) || !isString(ath) || !isNumber(iat)) {
    return refuse('DEVICE_PROOF_INVALID', 'proof_claims');
  }
  if (appVersion !== undefined && (!isString(appVersion) || appVersion.length > 64)) {
    return refuse('DEVICE_PROOF_INVALID', 'proof_claims');
  }
  if (htm !== expected.method.toUpperCase()) return refuse('DEVICE_PROOF_INVALID', 'htm_mismatch');
  if (!sameTarget(htu, expected.url, expected.publicOrigin)) {
    return refuse('DEVICE_PROOF_INVALID', 'htu_mismatch');
  }
  if (ath !== expected.attestationHash) return refuse('DEVICE_PROOF_INVALID', 'ath_mismatch');
  return { ok: true, nonce, ...(appVersion !== undefined ? { appVersion } : {}) };
}

/** How far a nonce request's `iat` may be from the server's clock, either way. */
export const NONCE_REQUEST_IAT_LEEWAY_SECONDS = 5 * 60;

/**
 * A nonce request's proof (an enrolled kiosk asking for a nonce as itself, so its nonces come from its
 * own budget): this request's method and URL and the attestation it travels with, as for any proof,
 * but no nonce exists yet, so its `iat` must be within NONCE_REQUEST_IAT_LEEWAY_SECONDS of the server's
 * clock. A kiosk whose clock is further off is not refused a nonce: it is budgeted by its address.
 */
export function checkNonceRequestClaims(
  claims: TokenFields,
  expected: ProofExpectations & { now: Date },
): BindingVerdict {
  const { htm, htu, ath, iat } = claims;
  if (!isString(htm) || !isString(htu) || !isString(ath) || !isNumber(iat)) {
    return refuse('DEVICE_PROOF_INVALID', 'proof_claims');
  }
  if (htm !== expected.method.toUpperCase()) return refuse('DEVICE_PROOF_INVALID', 'htm_mismatch');
  if (!sameTarget(htu, expected.url, expected.publicOrigin)) {
    return refuse('DEVICE_PROOF_INVALID', 'htu_mismatch');
  }
  if (ath !== expected.attestationHash) return refuse('DEVICE_PROOF_INVALID', 'ath_mismatch');
  const skew = Math.abs(iat - expected.now.getTime() / 1000);
  if (skew > NONCE_REQUEST_IAT_LEEWAY_SECONDS) return refuse('DEVICE_PROOF_INVALID', 'iat_out_of_range');
  return OK;
}
