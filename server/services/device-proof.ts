/**
 * Checks the device binding a kiosk request carries: the server-signed attestation and the device's
 * one-time proof over a server nonce, the request's method and URL (server/contracts/devices.ts).
 * Also reads the LIVE device record, so a revoked or suspended device is refused at once even with a
 * still-valid attestation.
 */
import type { DeviceCompliance, DeviceProofBody } from '../contracts/devices.js';
import type { ErrorCode } from '../contracts/errors.js';
import type { DeviceFacts } from '../domain/conditional-access.js';
import type { ServiceDeps } from './deps.js';

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

export async function verifyDeviceRequest(
  _deps: ServiceDeps,
  _body: DeviceProofBody,
  _request: RequestTarget,
): Promise<DeviceCheck> {
  // Replaced by the real verifier (attestation + proof + nonce + live record) in this work.
  return { ok: false, code: 'DEVICE_PROOF_INVALID', reason: 'verifier_missing' };
}
