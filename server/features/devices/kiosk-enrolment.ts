/**
 * Kiosk devices, the kiosk's side: server nonces, enrolment by a manager, attestation refresh, and a
 * manager ending kiosk mode with a badge + PIN (server/contracts/devices.ts, docs/security.md
 * "Device binding").
 */
import {
  ATTESTATION_LIFETIME_SECONDS,
  ATTESTATION_TYP,
  DEVICE_NONCE_LIFETIME_SECONDS,
  enrolmentSigningInput,
  type DeviceAttestationClaims,
  type DeviceAttestationResponse,
  type DeviceNonceResponse,
  type DeviceProofBody,
  type EnrolDeviceBody,
  type KioskDeviceView,
} from '../../contracts/devices.js';
import { ApiError, type ErrorCode } from '../../contracts/errors.js';
import { say } from '../../contracts/error-words.js';
import type { DeviceRow } from './devices-repository.js';
import { addSeconds } from '../../domain/clock.js';
import { newId, randomToken, sha256 } from '../../platform/crypto.js';
import { jwkThumbprint, verifyEs256 } from '../../platform/device-tokens.js';
import { managedGroupIds } from '../../core/actor-scope.js';
import { recordAudit } from '../../core/audit.js';
import { complianceOf } from './compliance.js';
import type { Actor, ServiceDeps } from '../../core/deps.js';
import { endDeviceSessions } from '../sessions/sessions.js';
import {
  DEVICE_NONCE_PURPOSE,
  verifyDeviceRecord,
  verifyNonceRequester,
  type RequestTarget,
} from './device-binding-check.js';
import { addressBudgetKey, verifiedDeviceBudgetKey } from '../lockout/client-budget.js';
import { verifyBadgeAndPin, type BadgeInput } from '../badges/verify-badge-and-pin.js';

/**
 * Nonces per client network and window: it only stops a flood of rows. An enrolled kiosk that proves
 * itself draws on a budget of its own instead (one nonce per sign-in, refresh or exit), so a flood
 * from its store's shared address cannot starve it, nor can its own flood take more than this.
 */
export const NONCE_BUDGET = { threshold: 300, windowSeconds: 60 } as const;
export const DEVICE_NONCE_BUDGET = { threshold: 60, windowSeconds: 60 } as const;
/** Used or expired nonces are kept this long after expiry, to tell "expired" from "unknown". */
const NONCE_KEEP_AFTER_EXPIRY_SECONDS = 60 * 60;

export interface NonceRequest {
  clientAddress: string | null;
  /** An enrolled kiosk asking as itself (contracts/devices.ts `deviceNonceBody`). */
  device?: DeviceProofBody;
  request: RequestTarget;
}

/**
 * POST /api/devices/nonce. Whose budget pays: the device's only once its proof has verified; a
 * device claim that does not (forged, copied without the key, revoked, clock far off) is the
 * address's, like any anonymous request, and still gets its nonce if the address has budget left.
 */
export async function issueDeviceNonce(deps: ServiceDeps, input: NonceRequest): Promise<DeviceNonceResponse> {
  const now = deps.clock.now();
  const requester = input.device ? await verifyNonceRequester(deps, input.device, input.request) : null;
  const [key, budget] = requester?.ok
    ? [verifiedDeviceBudgetKey('nonce', requester.deviceId), DEVICE_NONCE_BUDGET]
    : [addressBudgetKey(deps, 'nonce', input.clientAddress), NONCE_BUDGET];
  if (key) {
    const claim = await deps.repos.throttles.claim(key, now, budget);
    if (!claim.ok) {
      throw new ApiError(
        'TOO_MANY_ATTEMPTS',
        requester?.ok ? say.tooManyNoncesFromDevice : say.tooManyNoncesFromNetwork,
        { retryAfterSeconds: claim.retryAfterSeconds },
      );
    }
  }
  const nonce = randomToken(32);
  await deps.repos.nonces.insert({
    nonceHash: sha256(nonce),
    purpose: DEVICE_NONCE_PURPOSE,
    expiresAt: addSeconds(now, DEVICE_NONCE_LIFETIME_SECONDS),
  });
  // Opportunistic sweep, by the expiry index; cheap because it runs this often.
  await deps.repos.nonces.deleteExpiredBefore(addSeconds(now, -NONCE_KEEP_AFTER_EXPIRY_SECONDS));
  return { nonce, expiresInSeconds: DEVICE_NONCE_LIFETIME_SECONDS };
}

export async function kioskDeviceViewOf(deps: ServiceDeps, device: DeviceRow): Promise<KioskDeviceView> {
  const group = device.groupId ? await deps.repos.groups.findById(device.groupId) : undefined;
  return {
    id: device.id,
    displayName: device.displayName,
    group: group ? { id: group.id, displayName: group.displayName } : null,
    status: device.status,
    compliance: await complianceOf(device, deps.clock.now()),
    storeLanguage: group?.kioskLanguage ?? null,
  };
}

/** Signs a new attestation for the device (its record notes the new expiry first, so it counts as fresh). */
async function issueAttestation(
  deps: ServiceDeps,
  device: DeviceRow,
  changes: { appVersion?: string } = {},
): Promise<DeviceAttestationResponse> {
  const now = deps.clock.now();
  const iat = Math.floor(now.getTime() / 1000);
  const exp = iat + ATTESTATION_LIFETIME_SECONDS;
  const updated =
    (await deps.repos.devices.update(device.id, {
      attestationIssuedAt: new Date(iat * 1000),
      attestationExpiresAt: new Date(exp * 1000),
      lastSeenAt: now,
      ...changes,
    })) ?? device;
  const view = await kioskDeviceViewOf(deps, updated);
  const claims: DeviceAttestationClaims = {
    iss: deps.settings.issuerId,
    sub: updated.id,
    cnf: { jkt: updated.keyThumbprint },
    store: updated.groupId,
    compliance: view.compliance,
    appVersion: updated.appVersion,
    iat,
    exp,
  };
  return {
    device: view,
    attestation: await deps.deviceTokens.sign(ATTESTATION_TYP, claims),
    attestationExpiresDateTime: new Date(exp * 1000).toISOString(),
  };
}

const NONCE_ERRORS: Record<'unknown' | 'expired' | 'replayed', ErrorCode> = {
  unknown: 'DEVICE_NONCE_UNKNOWN',
  expired: 'DEVICE_NONCE_EXPIRED',
  replayed: 'DEVICE_NONCE_REPLAYED',
};

/** POST /api/manager/devices: a manager (into one of their stores) or an admin enrols this browser's key. */
export async function enrolDevice(
  deps: ServiceDeps,
  actor: Actor,
  body: EnrolDeviceBody,
): Promise<DeviceAttestationResponse> {
  // Another store is, to a manager, a store that does not exist: the same answer for both.
  const mine = await managedGroupIds(deps, actor);
  const group =
    mine === null || mine.includes(body.groupId) ? await deps.repos.groups.findById(body.groupId) : undefined;
  if (!group) throw new ApiError('GROUP_NOT_FOUND', say.noSuchStore, { field: 'groupId' });

  const thumbprint = await jwkThumbprint(body.publicKeyJwk);
  const signature = Buffer.from(body.signature, 'base64url');
  if (!(await verifyEs256(body.publicKeyJwk, enrolmentSigningInput(body.nonce, thumbprint), signature))) {
    throw new ApiError('DEVICE_PROOF_INVALID', say.enrolmentSignatureInvalid);
  }
  const now = deps.clock.now();
  const use = await deps.repos.nonces.use(sha256(body.nonce), DEVICE_NONCE_PURPOSE, now);
  if (use !== 'ok') throw new ApiError(NONCE_ERRORS[use]);

  const device: DeviceRow = {
    id: newId(),
    displayName: body.displayName,
    groupId: group.id,
    publicKeyJwk: {
      kty: body.publicKeyJwk.kty,
      crv: body.publicKeyJwk.crv,
      x: body.publicKeyJwk.x,
      y: body.publicKeyJwk.y,
    },
    keyThumbprint: thumbprint,
    status: 'active',
    enrolledByUserId: actor.userId,
    createdAt: now,
    lastSeenAt: now,
    appVersion: body.appVersion ?? null,
    attestationIssuedAt: null,
    attestationExpiresAt: null,
    externalCompliance: null,
    statusChangedAt: null,
    statusChangedByUserId: null,
  };
  if ((await deps.repos.devices.insert(device)) === 'key_taken')
    throw new ApiError('DEVICE_ALREADY_ENROLLED');
  const response = await issueAttestation(deps, device);
  await recordAudit(
    deps,
    actor,
    'device.enrolled',
    { type: 'device', id: device.id },
    {
      displayName: device.displayName,
      groupId: group.id,
      keyThumbprint: thumbprint,
      appVersion: device.appVersion,
    },
  );
  return response;
}

/** POST /api/devices/attestation: the device, proving its key over a fresh nonce, gets a new attestation. */
export async function refreshAttestation(
  deps: ServiceDeps,
  body: { device: DeviceProofBody; appVersion?: string },
  request: RequestTarget,
): Promise<DeviceAttestationResponse> {
  const check = await verifyDeviceRecord(deps, body.device, request, { acceptExpiredAttestation: true });
  if (!check.ok) throw new ApiError(check.code);
  const appVersion = body.appVersion ?? check.proof.appVersion;
  return issueAttestation(deps, check.record, appVersion !== undefined ? { appVersion } : {});
}

export interface ExitKioskInput {
  badge: BadgeInput;
  pin: string;
  action: 'suspend' | 'unenroll';
  device: DeviceProofBody;
  ipAddress: string | null;
  userAgent: string | null;
  request: RequestTarget;
}

/**
 * POST /api/devices/exit-kiosk: a manager of the device's store (or an admin) ends kiosk mode with
 * their badge + PIN, checked exactly as a sign-in checks one (budget, decoy timing, lockout), but no
 * session is made. `suspend` keeps the enrolment; `unenroll` revokes the device.
 */
export async function exitKioskMode(deps: ServiceDeps, input: ExitKioskInput): Promise<KioskDeviceView> {
  const check = await verifyBadgeAndPin(
    deps,
    {
      badge: input.badge,
      pin: input.pin,
      ipAddress: input.ipAddress,
      userAgent: input.userAgent,
      purpose: 'exitKiosk',
    },
    async () => {
      const verified = await verifyDeviceRecord(deps, input.device, input.request, {
        allowSuspended: true,
        acceptExpiredAttestation: true,
      });
      return verified.ok ? { ok: true, device: verified.record, deviceId: verified.record.id } : verified;
    },
  );
  if (!check.ok) throw new ApiError(check.outcome.code, undefined, check.outcome.details);
  const { user, groupIds, device } = check;
  const allowed =
    user.role === 'admin' ||
    (user.role === 'manager' && device.groupId !== null && groupIds.includes(device.groupId));
  // The right PIN: the manager's counters reset and the client's attempt given back, committed with
  // the check's row in the sign-in log (a success, or FORBIDDEN for a badge that may not exit).
  if (!allowed) {
    await Promise.all([
      check.acceptPin(),
      check.fail('FORBIDDEN', { ...check.context, reason: 'not_manager_of_device' }),
    ]);
    throw new ApiError('FORBIDDEN', say.onlyStoreManagerEndsKiosk);
  }
  await Promise.all([check.acceptPin(), check.logPassed(check.context)]);
  const now = deps.clock.now();
  const status = input.action === 'unenroll' ? 'revoked' : 'suspended';
  const updated =
    (await deps.repos.devices.update(
      device.id,
      { status, statusChangedAt: now, statusChangedByUserId: user.id },
      { unlessRevoked: true },
    )) ?? device;
  // Kiosk mode ends: so do the phone's sessions, and the store apps signed in through them.
  await endDeviceSessions(deps, device.id);
  const actor: Actor = { type: 'user', userId: user.id, role: user.role, sessionId: 'kiosk-exit' };
  await recordAudit(
    deps,
    actor,
    input.action === 'unenroll' ? 'device.unenrolledAtKiosk' : 'device.suspendedAtKiosk',
    { type: 'device', id: device.id },
    { before: { status: device.status }, after: { status: updated.status } },
  );
  return kioskDeviceViewOf(deps, updated);
}
