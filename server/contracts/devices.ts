/**
 * Kiosk devices: the HTTP contract of enrolment, attestations, proofs, kiosk-mode exit and the
 * devices admin API. Shared by the server (validation) and the PWA (types). Design: docs/security.md
 * ("Device binding").
 *
 * Tokens are compact JWS (`base64url(header).base64url(payload).base64url(signature)`):
 * - ATTESTATION (issued by the server, EdDSA/Ed25519 with a key derived from the server key):
 *   header `{alg:"EdDSA", typ:"shiftpass-attestation+jwt", kid}`, payload `DeviceAttestationClaims`.
 * - PROOF (made by the device for ONE request, ES256 with its non-extractable P-256 key; WebCrypto
 *   signatures are IEEE P1363 r‖s, 64 bytes): header `{alg:"ES256", typ:"dpop+jwt", kid:<deviceId>}`,
 *   payload `DeviceProofClaims` — a server nonce (single use, short-lived), the HTTP method and URL,
 *   and the SHA-256 of the attestation it travels with.
 * Only these exact algorithms are accepted; `none`, HS256 and anything else are refused
 * (DEVICE_TOKEN_ALGORITHM_REFUSED) before any key is looked at.
 */
import { z } from 'zod';
import { cursorParam, idParam, limitParam, searchParam } from './pagination.js';
import { displayText } from './text.js';

// Constants the PWA needs live in a module without zod, so the kiosk's up-front JavaScript stays small.
export {
  ATTESTATION_LIFETIME_SECONDS,
  ATTESTATION_REFRESH_BEFORE_SECONDS,
  ATTESTATION_TYP,
  DEVICE_NAME_MAX_LENGTH,
  DEVICE_NONCE_LIFETIME_SECONDS,
  enrolmentSigningInput,
  PROOF_TYP,
} from './device-binding.js';
import { DEVICE_NAME_MAX_LENGTH } from './device-binding.js';
import { DEVICE_STATUSES, type DeviceStatus } from '../domain/device-status.js';
import type { KioskLanguage } from '../domain/kiosk-languages.js';

const base64url = z.string().regex(/^[A-Za-z0-9_-]+$/, 'must be base64url');

/** A public ECDSA P-256 key as WebCrypto exports it (only these members are kept). */
export const publicKeyJwkSchema = z.object({
  kty: z.literal('EC'),
  crv: z.literal('P-256'),
  x: base64url.length(43),
  y: base64url.length(43),
});
export type PublicKeyJwk = z.infer<typeof publicKeyJwkSchema>;

/** A compact JWS; its parts are checked by the verifier, this only bounds the size. */
const compactJws = z.string().min(1).max(4096);

/** What travels with a worker sign-in, an attestation refresh and a kiosk-mode exit. */
export const deviceProofBody = z.strictObject({
  attestation: compactJws,
  proof: compactJws,
});
export type DeviceProofBody = z.infer<typeof deviceProofBody>;

export const appVersionSchema = z.string().min(1).max(64);

/**
 * POST /api/devices/nonce takes no body (anyone, budgeted by network address), or an enrolled kiosk's
 * attestation and a proof whose claims are `DeviceNonceRequestClaims`, so that the kiosk's nonces come
 * from its own budget and a flood from its store's shared address cannot starve it.
 */
export const deviceNonceBody = z.strictObject({ device: deviceProofBody.optional() });
export type DeviceNonceBody = z.infer<typeof deviceNonceBody>;

/** POST /api/devices/nonce → 200 */
export interface DeviceNonceResponse {
  nonce: string;
  expiresInSeconds: number;
}

/** POST /api/manager/devices — a signed-in manager (or admin) enrolls this browser. */
export const enrolDeviceBody = z.strictObject({
  displayName: displayText(DEVICE_NAME_MAX_LENGTH),
  groupId: z.string().min(1).max(64),
  publicKeyJwk: publicKeyJwkSchema,
  nonce: z.string().min(1).max(128),
  /** base64url P1363 ES256 signature over enrolmentSigningInput(nonce, thumbprint). */
  signature: base64url.max(128),
  appVersion: appVersionSchema.optional(),
});
export type EnrolDeviceBody = z.infer<typeof enrolDeviceBody>;

export { DEVICE_STATUSES, type DeviceStatus } from '../domain/device-status.js';

export interface DeviceCompliance {
  state: 'compliant' | 'noncompliant';
  /** Readable reasons when noncompliant ("app version 1.0.0 is older than 1.2.0"). */
  reasons: string[];
}

/** Claims of the server-signed attestation. Times are seconds since the epoch (JWT style). */
export interface DeviceAttestationClaims {
  iss: string;
  /** The device id. */
  sub: string;
  /** RFC 7800 confirmation: the thumbprint of the key that must sign every proof. */
  cnf: { jkt: string };
  /** The device's store (group id), or null. */
  store: string | null;
  compliance: DeviceCompliance;
  appVersion: string | null;
  iat: number;
  exp: number;
}

/** Claims of a device's per-request proof. */
export interface DeviceProofClaims {
  /** HTTP method, upper case. */
  htm: string;
  /** The request URL without query or fragment; the server compares host and path. */
  htu: string;
  nonce: string;
  iat: number;
  /** base64url SHA-256 of the attestation sent with the proof. */
  ath: string;
  appVersion?: string;
}

/**
 * A nonce request's proof: a proof's claims without the nonce (none exists yet); its `iat` must be
 * within 5 minutes of the server's clock, else the request is budgeted by its address.
 */
export type DeviceNonceRequestClaims = Omit<DeviceProofClaims, 'nonce'>;

/** POST /api/manager/devices → 201 and POST /api/devices/attestation → 200 */
export interface DeviceAttestationResponse {
  device: KioskDeviceView;
  attestation: string;
  attestationExpiresDateTime: string;
}

/** What a kiosk may know about itself (shown on the scan screen). */
export interface KioskDeviceView {
  id: string;
  displayName: string;
  group: { id: string; displayName: string } | null;
  status: DeviceStatus;
  compliance: DeviceCompliance;
  /** The store's default kiosk language (GroupView.kioskLanguage), for a kiosk with none of its own. */
  storeLanguage: KioskLanguage | null;
}

/** POST /api/devices/attestation — refresh, signed by the device. */
export const refreshAttestationBody = z.strictObject({
  device: deviceProofBody,
  appVersion: appVersionSchema.optional(),
});

/**
 * POST /api/devices/exit-kiosk — a manager's badge + PIN on the kiosk itself ends kiosk mode:
 * `suspend` keeps the enrolment (an admin or manager resumes it), `unenroll` revokes the device and
 * answers with `Clear-Site-Data: "*"` so the browser forgets the key, caches and service worker.
 */
export const exitKioskBody = z
  .strictObject({
    qr: z.string().max(512).optional(),
    shortCode: z.string().max(64).optional(),
    pin: z.string().max(64),
    action: z.enum(['suspend', 'unenroll']),
    device: deviceProofBody,
  })
  .refine((body) => (body.qr === undefined) !== (body.shortCode === undefined), {
    message: 'give the scanned qr or the typed shortCode',
    path: ['qr'],
  });

/** POST /api/devices/exit-kiosk → 200 (`unenroll` also answers `Clear-Site-Data: "*"`). */
export interface ExitKioskResponse {
  device: KioskDeviceView;
}

/** GET /api/admin/devices (and one device) */
export interface AdminDeviceView extends Omit<KioskDeviceView, 'storeLanguage'> {
  keyThumbprint: string;
  enrolledBy: { id: string; displayName: string } | null;
  createdDateTime: string;
  lastSeenDateTime: string | null;
  appVersion: string | null;
  attestationExpiresDateTime: string | null;
  /** The latest external (MDM) verdict, if any. */
  externalCompliance: ExternalComplianceReport | null;
  statusChangedDateTime: string | null;
  /** Successful worker sign-ins on this device. */
  signInCount: number;
}

export const listDevicesQuery = z.strictObject({
  /** Case-insensitive prefix of the device name. */
  search: searchParam.optional(),
  groupId: idParam.optional(),
  status: z.enum(DEVICE_STATUSES).optional(),
  limit: limitParam,
  cursor: cursorParam.optional(),
});

/** PATCH /api/admin/devices/{id}: rename, move store, suspend or resume (revoking is its own call). */
export const updateDeviceBody = z
  .strictObject({
    displayName: displayText(DEVICE_NAME_MAX_LENGTH).optional(),
    groupId: z.string().min(1).max(64).optional(),
    status: z.enum(['active', 'suspended']).optional(),
  })
  .refine((b) => Object.keys(b).length > 0, { message: 'give at least one field to change' });

/**
 * POST /api/admin/devices/{id}/compliance — the MDM webhook (docs/compliance-sources.md): an admin API
 * token reports the device's compliance from an external source; `compliant: false` makes the device
 * noncompliant at once (the live record is read at every sign-in).
 */
export const externalComplianceBody = z.strictObject({
  compliant: z.boolean(),
  reasons: z.array(displayText(200)).max(20).default([]),
  source: displayText(64),
});
export interface ExternalComplianceReport {
  compliant: boolean;
  reasons: string[];
  source: string;
  reportedDateTime: string;
}
