/** What a device proof says (server/contracts/devices.ts DeviceProofClaims), built from its parts. */
import { PROOF_TYP } from '$server/contracts/device-binding';
import type { DeviceNonceRequestClaims, DeviceProofClaims } from '$server/contracts/devices';
import { sha256Base64url } from './base64url';
import type { JwsHeader } from './jws';

/** Where a kiosk asks for a server nonce. */
export const NONCE_PATH = '/api/devices/nonce';

/** `htu`: the request URL without query or fragment. */
export function requestUrl(origin: string, path: string): string {
  const url = new URL(path, origin);
  return `${url.origin}${url.pathname}`;
}

export const proofHeader = (deviceId: string): JwsHeader => ({ alg: 'ES256', typ: PROOF_TYP, kid: deviceId });

export async function proofClaims(input: {
  method: string;
  origin: string;
  path: string;
  nonce: string;
  attestation: string;
  nowMs: number;
  appVersion: string;
}): Promise<DeviceProofClaims> {
  return {
    htm: input.method.toUpperCase(),
    htu: requestUrl(input.origin, input.path),
    nonce: input.nonce,
    iat: Math.floor(input.nowMs / 1000),
    ath: await sha256Base64url(input.attestation),
    appVersion: input.appVersion,
  };
}

/** What a nonce request's proof says: a proof's claims without the nonce (none exists yet). */
export async function nonceRequestClaims(input: {
  origin: string;
  attestation: string;
  nowMs: number;
  appVersion: string;
}): Promise<DeviceNonceRequestClaims> {
  return {
    htm: 'POST',
    htu: requestUrl(input.origin, NONCE_PATH),
    iat: Math.floor(input.nowMs / 1000),
    ath: await sha256Base64url(input.attestation),
    appVersion: input.appVersion,
  };
}
