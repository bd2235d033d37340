/**
 * Checks the device binding a kiosk request carries: the server-signed attestation and the device's
 * one-time proof over a server nonce, the request's method and URL (server/contracts/devices.ts).
 * Also reads the LIVE device record, so a revoked or suspended device is refused at once even with a
 * still-valid attestation. In this order:
 *
 * 1. both tokens read, each refused unless its `alg` is the one expected (before any key is used);
 * 2. the attestation: header (typ, this server's kid), Ed25519 signature and issuer (jose), claims
 *    and expiry (server/domain/device-binding.ts);
 * 3. the proof's header names the attested device;
 * 4. the live device record exists and holds the attested key;
 * 5. the proof's ES256 signature with the device's STORED key (jose), then its method, URL and
 *    attestation hash (domain);
 * 6. the nonce, used here once;
 * 7. the record's status, then last seen and app version noted.
 *
 * The nonce is used only once the proof is known to come from the device, so nobody else can burn it;
 * the status is told only to the genuine device.
 */
import type { DeviceCompliance, DeviceProofBody, PublicKeyJwk } from '../../contracts/devices.js';
import type { ErrorCode } from '../../contracts/errors.js';
import type { DeviceRow } from './devices-repository.js';
import type { DeviceFacts } from '../../domain/conditional-access.js';
import {
  checkAttestationClaims,
  checkAttestationFreshness,
  checkAttestationHeader,
  checkEnrolledKey,
  checkNonceRequestClaims,
  checkProofClaims,
  checkProofHeader,
  type AttestedDevice,
  type TokenFields,
} from '../../domain/device-binding.js';
import { sha256 } from '../../platform/crypto.js';
import { readToken, sha256Base64url, verifyProof, type TokenProblem } from '../../platform/device-tokens.js';
import { complianceOf } from './compliance.js';
import type { ServiceDeps } from '../../core/deps.js';
import { reportNoncompliantDevice } from '../webhooks/events/device-compliance-events.js';

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
/** A domain rule's refusal, told with the device it is about. */
const about = (deviceId: string, refusal: { code: ErrorCode; reason: string }): Refusal =>
  refuse(refusal.code, refusal.reason, deviceId);

/** How a refused token is told, by what was wrong with it. */
const ATTESTATION_REFUSALS: Record<TokenProblem, [ErrorCode, string]> = {
  algorithm: ['DEVICE_TOKEN_ALGORITHM_REFUSED', 'attestation_alg_refused'],
  malformed: ['DEVICE_ATTESTATION_INVALID', 'attestation_malformed'],
  signature: ['DEVICE_ATTESTATION_INVALID', 'attestation_signature'],
  claims: ['DEVICE_ATTESTATION_INVALID', 'attestation_claims'],
};
const PROOF_REFUSALS: Record<TokenProblem, [ErrorCode, string]> = {
  algorithm: ['DEVICE_TOKEN_ALGORITHM_REFUSED', 'proof_alg_refused'],
  malformed: ['DEVICE_PROOF_INVALID', 'proof_malformed'],
  // The proof does not verify with the key enrolled for this device: a copied attestation.
  signature: ['DEVICE_KEY_MISMATCH', 'proof_signature'],
  claims: ['DEVICE_PROOF_INVALID', 'proof_claims'],
};

/** Step 1: a refused algorithm or a malformed token, attestation first; no key is used yet. */
function readTokens(
  body: DeviceProofBody,
): Refusal | { ok: true; attestationHeader: TokenFields; proofHeader: TokenFields } {
  const attestation = readToken(body.attestation, 'EdDSA');
  if (!attestation.ok) return refuse(...ATTESTATION_REFUSALS[attestation.problem]);
  const proof = readToken(body.proof, 'ES256');
  if (!proof.ok) return refuse(...PROOF_REFUSALS[proof.problem]);
  return { ok: true, attestationHeader: attestation.header, proofHeader: proof.header };
}

/** Step 2: the attestation, signed by this server, for this installation, fresh unless allowed not to be. */
async function verifyAttestation(
  deps: ServiceDeps,
  body: DeviceProofBody,
  header: TokenFields,
  now: Date,
  options: VerifyOptions,
): Promise<Refusal | { ok: true; device: AttestedDevice }> {
  const headerRule = checkAttestationHeader(header, deps.deviceTokens.verifyingKids);
  if (!headerRule.ok) return refuse(headerRule.code, headerRule.reason);
  const issuer = deps.settings.issuerId;
  const verified = await deps.deviceTokens.verify(body.attestation, { issuer, now });
  if (!verified.ok) return refuse(...ATTESTATION_REFUSALS[verified.problem]);
  const claims = checkAttestationClaims(verified.payload, { issuer, now });
  if (!claims.ok) return refuse(claims.code, claims.reason);
  const freshness = checkAttestationFreshness(claims.device, options.acceptExpiredAttestation ?? false);
  return freshness.ok ? claims : about(claims.device.deviceId, freshness);
}

/** Step 5: the proof, signed with the device's stored key, for this request and this attestation. */
async function verifyRequestProof(
  deps: ServiceDeps,
  body: DeviceProofBody,
  request: RequestTarget,
  record: DeviceRow,
): Promise<Refusal | { ok: true; nonce: string; appVersion?: string }> {
  const verified = await verifyProof(body.proof, record.publicKeyJwk as PublicKeyJwk);
  if (!verified.ok) return refuse(...PROOF_REFUSALS[verified.problem], record.id);
  const claims = checkProofClaims(verified.payload, {
    method: request.method,
    url: request.url,
    publicOrigin: deps.settings.publicOrigin,
    attestationHash: sha256Base64url(body.attestation),
  });
  return claims.ok ? claims : about(record.id, claims);
}

const NONCE_REFUSALS: Record<'unknown' | 'expired' | 'replayed', [ErrorCode, string]> = {
  unknown: ['DEVICE_NONCE_UNKNOWN', 'nonce_unknown'],
  expired: ['DEVICE_NONCE_EXPIRED', 'nonce_expired'],
  replayed: ['DEVICE_NONCE_REPLAYED', 'nonce_replayed'],
};

/** Step 7: last seen, kept to the minute so a busy kiosk does not pay a write at every sign-in. */
async function noteSeen(
  deps: ServiceDeps,
  record: DeviceRow,
  now: Date,
  appVersion?: string,
): Promise<DeviceRow> {
  const versionChanged = appVersion !== undefined && appVersion !== record.appVersion;
  const seenLongAgo =
    !record.lastSeenAt || now.getTime() - record.lastSeenAt.getTime() >= LAST_SEEN_RESOLUTION_MS;
  if (!versionChanged && !seenLongAgo) return record;
  const changes = { lastSeenAt: now, ...(versionChanged ? { appVersion } : {}) };
  return (await deps.repos.devices.update(record.id, changes)) ?? record;
}

/**
 * Steps 1–4, shared by every device check: the two tokens read, the attestation this server signed
 * (options say whether an expired one will do), the proof's header naming the attested device, and
 * an enrolled record whose key is the attested key.
 */
async function attestedEnrolledDevice(
  deps: ServiceDeps,
  body: DeviceProofBody,
  now: Date,
  options: VerifyOptions,
) {
  const tokens = readTokens(body);
  if (!tokens.ok) return tokens;
  const attested = await verifyAttestation(deps, body, tokens.attestationHeader, now, options);
  if (!attested.ok) return attested;
  const { deviceId } = attested.device;
  const proofHeader = checkProofHeader(tokens.proofHeader, deviceId);
  if (!proofHeader.ok) return about(deviceId, proofHeader);
  const record = await deps.repos.devices.findById(deviceId);
  if (!record) return refuse('DEVICE_NOT_ENROLLED', 'device_unknown', deviceId);
  const keyRule = checkEnrolledKey(record.keyThumbprint, attested.device);
  if (!keyRule.ok) return about(deviceId, keyRule);
  return { ok: true as const, deviceId, record, attested };
}

/** Full check, also giving the live record (for the device routes). */
export async function verifyDeviceRecord(
  deps: ServiceDeps,
  body: DeviceProofBody,
  request: RequestTarget,
  options: VerifyOptions = {},
): Promise<DeviceRecordCheck> {
  const now = deps.clock.now();
  const enrolled = await attestedEnrolledDevice(deps, body, now, options);
  if (!enrolled.ok) return enrolled;
  const { deviceId, record, attested } = enrolled;
  const proof = await verifyRequestProof(deps, body, request, record);
  if (!proof.ok) return proof;

  const use = await deps.repos.nonces.use(sha256(proof.nonce), DEVICE_NONCE_PURPOSE, now);
  if (use !== 'ok') return refuse(...NONCE_REFUSALS[use], deviceId);
  if (record.status === 'revoked') return refuse('DEVICE_REVOKED', 'device_revoked', deviceId);
  if (record.status === 'suspended' && !options.allowSuspended) {
    return refuse('DEVICE_SUSPENDED', 'device_suspended', deviceId);
  }

  const live = await noteSeen(deps, record, now, proof.appVersion);
  const compliance = await complianceOf(live, now);
  if (compliance.state === 'noncompliant' && live.status === 'active') {
    await reportNoncompliantDevice(deps, live.id, compliance.reasons, now);
  }
  return {
    ok: true,
    record: live,
    proof: proof.appVersion !== undefined ? { appVersion: proof.appVersion } : {},
    device: {
      id: live.id,
      displayName: live.displayName,
      groupId: live.groupId,
      compliance,
      facts: {
        enrolled: live.status === 'active',
        compliant: compliance.state === 'compliant',
        attestationFresh: attested.device.fresh,
      },
    },
  };
}

/**
 * POST /api/devices/nonce: whether the kiosk asking is an enrolled device proving its key, so that its
 * nonces come from its own budget. Steps 1–5 as above, an expired attestation accepted (a kiosk needs a
 * nonce to refresh one), the proof's `iat` near the server's clock instead of a nonce (none exists
 * yet), and a device that is not revoked. Writes nothing; a refusal only means the address pays.
 */
export async function verifyNonceRequester(
  deps: ServiceDeps,
  body: DeviceProofBody,
  request: RequestTarget,
): Promise<Refusal | { ok: true; deviceId: string }> {
  const now = deps.clock.now();
  const enrolled = await attestedEnrolledDevice(deps, body, now, { acceptExpiredAttestation: true });
  if (!enrolled.ok) return enrolled;
  const { deviceId, record } = enrolled;
  const verified = await verifyProof(body.proof, record.publicKeyJwk as PublicKeyJwk);
  if (!verified.ok) return refuse(...PROOF_REFUSALS[verified.problem], deviceId);
  const claims = checkNonceRequestClaims(verified.payload, {
    method: request.method,
    url: request.url,
    publicOrigin: deps.settings.publicOrigin,
    attestationHash: sha256Base64url(body.attestation),
    now,
  });
  if (!claims.ok) return about(deviceId, claims);
  if (record.status === 'revoked') return refuse('DEVICE_REVOKED', 'device_revoked', deviceId);
  return { ok: true, deviceId };
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
