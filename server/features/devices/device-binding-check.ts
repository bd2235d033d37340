/**
 * Checks the device binding a kiosk request carries: the server-signed attestation and the device's
 * one-time proof over a server nonce, the request's method and URL (server/contracts/devices.ts).
 * Also reads the LIVE device record, so a revoked or suspended device is refused at once even with a
 * still-valid attestation.
 *
 * Order: both tokens' algorithms (before any key is used) → attestation signature, issuer, claims,
 * expiry → the device record (must exist and hold the attested key) → the proof's signature with the
 * device's STORED key → method, URL and attestation hash → the nonce (used here, once) → status.
 * The nonce is used only once the proof is known to come from the device, so nobody else can burn it;
 * the status is told only to the genuine device.
 */
import {
  ATTESTATION_TYP,
  PROOF_TYP,
  type DeviceAttestationClaims,
  type DeviceCompliance,
  type DeviceProofBody,
  type PublicKeyJwk,
} from '../../contracts/devices.js';
import type { ErrorCode } from '../../contracts/errors.js';
import type { DeviceRow } from './devices-repository.js';
import type { DeviceFacts } from '../../domain/conditional-access.js';
import { sha256 } from '../../platform/crypto.js';
import { decodeJws, ecPublicKey, sha256Base64url, verifyEs256 } from '../../platform/device-tokens.js';
import { complianceOf } from './compliance.js';
import type { ServiceDeps } from '../../core/deps.js';

/** How stale a device's last-seen time may get before a verified request writes it again. */
const LAST_SEEN_RESOLUTION_MS = 60_000;

/** What nonces issued by POST /api/devices/nonce are for (the column allows others later). */
export const DEVICE_NONCE_PURPOSE = 'device';

/** A device whose proof and attestation checked out, as conditional access sees it. */
export interface VerifiedDevice {
  id: string;
  displayName: string;
  groupId: string | null;
  compliance: DeviceCompliance;
  facts: DeviceFacts;
}

export type DeviceCheck =
  | { ok: true; device: VerifiedDevice }
  /** `reason` is a short machine word for the sign-in log (never a secret). */
  | { ok: false; code: ErrorCode; reason: string; deviceId?: string };

export interface RequestTarget {
  method: string;
  url: string;
}

export interface VerifyOptions {
  /**
   * Attestation refresh: an expired (but genuine) attestation is accepted, so a kiosk switched off
   * for longer than an attestation lives can still refresh. The proof with the enrolled key over a
   * fresh nonce and the live record are what count; sign-in never sets this.
   */
  acceptExpiredAttestation?: boolean;
  /**
   * Kiosk-mode exit: a suspended device may still be suspended again or unenrolled (with
   * acceptExpiredAttestation, so a phone left off for weeks can still be decommissioned).
   */
  allowSuspended?: boolean;
}

/** The verified device and its live record (enrolment routes and kiosk exit need the row). */
export type DeviceRecordCheck =
  | { ok: true; device: VerifiedDevice; record: DeviceRow; proof: { appVersion?: string } }
  | Extract<DeviceCheck, { ok: false }>;

type Refusal = Extract<DeviceCheck, { ok: false }>;
const refuse = (code: ErrorCode, reason: string, deviceId?: string): Refusal => ({
  ok: false,
  code,
  reason,
  ...(deviceId ? { deviceId } : {}),
});

const isString = (v: unknown): v is string => typeof v === 'string';
const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

function attestationClaims(payload: Record<string, unknown>): DeviceAttestationClaims | null {
  const cnf = payload.cnf as { jkt?: unknown } | undefined;
  if (
    !isString(payload.iss) ||
    !isString(payload.sub) ||
    typeof cnf !== 'object' ||
    cnf === null ||
    !isString(cnf.jkt) ||
    !isNumber(payload.iat) ||
    !isNumber(payload.exp)
  ) {
    return null;
  }
  return payload as unknown as DeviceAttestationClaims;
}

/** The proof's URL matches the request's: host and path; with PUBLIC_ORIGIN, the whole origin. */
function sameTarget(htu: string, requestUrl: string, publicOrigin: string | undefined): boolean {
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

/** Full check, also giving the live record (for the device routes). */
export async function verifyDeviceRecord(
  deps: ServiceDeps,
  body: DeviceProofBody,
  request: RequestTarget,
  options: VerifyOptions = {},
): Promise<DeviceRecordCheck> {
  const now = deps.clock.now();
  const nowSeconds = Math.floor(now.getTime() / 1000);

  const attestation = decodeJws(body.attestation, 'EdDSA');
  if (!attestation.ok) {
    return attestation.problem === 'algorithm'
      ? refuse('DEVICE_TOKEN_ALGORITHM_REFUSED', 'attestation_alg_refused')
      : refuse('DEVICE_ATTESTATION_INVALID', 'attestation_malformed');
  }
  const proof = decodeJws(body.proof, 'ES256');
  if (!proof.ok) {
    return proof.problem === 'algorithm'
      ? refuse('DEVICE_TOKEN_ALGORITHM_REFUSED', 'proof_alg_refused')
      : refuse('DEVICE_PROOF_INVALID', 'proof_malformed');
  }

  const { header: aHeader, payload: aPayload } = attestation.jws;
  if (aHeader.typ !== ATTESTATION_TYP || aHeader.kid !== deps.deviceTokens.kid) {
    return refuse('DEVICE_ATTESTATION_INVALID', 'attestation_header');
  }
  if (!deps.deviceTokens.verify(attestation.jws)) {
    return refuse('DEVICE_ATTESTATION_INVALID', 'attestation_signature');
  }
  const claims = attestationClaims(aPayload);
  if (!claims || claims.iss !== deps.settings.issuerId) {
    return refuse('DEVICE_ATTESTATION_INVALID', 'attestation_claims');
  }
  const deviceId = claims.sub;
  if (claims.exp <= nowSeconds && !options.acceptExpiredAttestation) {
    return refuse('DEVICE_ATTESTATION_EXPIRED', 'attestation_expired', deviceId);
  }

  const { header: pHeader, payload: pPayload } = proof.jws;
  if (pHeader.typ !== PROOF_TYP) return refuse('DEVICE_PROOF_INVALID', 'proof_header', deviceId);
  if (pHeader.kid !== deviceId) return refuse('DEVICE_PROOF_INVALID', 'proof_kid_mismatch', deviceId);

  const record = await deps.repos.devices.findById(deviceId);
  if (!record) return refuse('DEVICE_NOT_ENROLLED', 'device_unknown', deviceId);
  // Only after a re-enrolment under the same id (never done) or a forged attestation could these differ.
  if (record.keyThumbprint !== claims.cnf.jkt) {
    return refuse('DEVICE_KEY_MISMATCH', 'attested_key_not_enrolled', deviceId);
  }
  const key = ecPublicKey(record.publicKeyJwk as PublicKeyJwk);
  if (!key || !verifyEs256(key, proof.jws.signingInput, proof.jws.signature)) {
    return refuse('DEVICE_KEY_MISMATCH', 'proof_signature', deviceId);
  }

  const { htm, htu, nonce, ath, iat, appVersion } = pPayload;
  if (!isString(htm) || !isString(htu) || !isString(nonce) || !isString(ath) || !isNumber(iat)) {
    return refuse('DEVICE_PROOF_INVALID', 'proof_claims', deviceId);
  }
  if (appVersion !== undefined && (!isString(appVersion) || appVersion.length > 64)) {
    return refuse('DEVICE_PROOF_INVALID', 'proof_claims', deviceId);
  }
  if (htm !== request.method.toUpperCase()) return refuse('DEVICE_PROOF_INVALID', 'htm_mismatch', deviceId);
  if (!sameTarget(htu, request.url, deps.settings.publicOrigin)) {
    return refuse('DEVICE_PROOF_INVALID', 'htu_mismatch', deviceId);
  }
  if (ath !== sha256Base64url(body.attestation)) {
    return refuse('DEVICE_PROOF_INVALID', 'ath_mismatch', deviceId);
  }

  const use = await deps.repos.nonces.use(sha256(nonce), DEVICE_NONCE_PURPOSE, now);
  if (use === 'unknown') return refuse('DEVICE_NONCE_UNKNOWN', 'nonce_unknown', deviceId);
  if (use === 'expired') return refuse('DEVICE_NONCE_EXPIRED', 'nonce_expired', deviceId);
  if (use === 'replayed') return refuse('DEVICE_NONCE_REPLAYED', 'nonce_replayed', deviceId);

  if (record.status === 'revoked') return refuse('DEVICE_REVOKED', 'device_revoked', deviceId);
  if (record.status === 'suspended' && !options.allowSuspended) {
    return refuse('DEVICE_SUSPENDED', 'device_suspended', deviceId);
  }

  // Last seen is kept to the minute: a busy kiosk does not pay a write at every sign-in.
  const versionChanged = appVersion !== undefined && appVersion !== record.appVersion;
  const seenLongAgo =
    !record.lastSeenAt || now.getTime() - record.lastSeenAt.getTime() >= LAST_SEEN_RESOLUTION_MS;
  const live =
    versionChanged || seenLongAgo
      ? ((await deps.repos.devices.update(deviceId, {
          lastSeenAt: now,
          ...(versionChanged ? { appVersion } : {}),
        })) ?? record)
      : record;
  const compliance = await complianceOf(live, now);
  return {
    ok: true,
    record: live,
    proof: appVersion !== undefined ? { appVersion } : {},
    device: {
      id: live.id,
      displayName: live.displayName,
      groupId: live.groupId,
      compliance,
      facts: {
        enrolled: live.status === 'active',
        compliant: compliance.state === 'compliant',
        attestationFresh: claims.exp > nowSeconds,
      },
    },
  };
}

/** The sign-in's check: attestation, proof, nonce and the live record of an ACTIVE device. */
export async function verifyDeviceRequest(
  deps: ServiceDeps,
  body: DeviceProofBody,
  request: RequestTarget,
): Promise<DeviceCheck> {
  const check = await verifyDeviceRecord(deps, body, request);
  return check.ok ? { ok: true, device: check.device } : check;
}
