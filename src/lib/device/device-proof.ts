/**
 * The device binding one request carries: the cached attestation and a fresh proof, signed with the
 * device key over a nonce fetched right before signing (each nonce serves one request only).
 * The signer (jose) loads with the first proof, while the nonce is on its way, so a plain kiosk never
 * downloads it and an enrolled one keeps it out of the JavaScript the scan screen waits for; the
 * service worker precaches it with the rest of the build, so it is there offline too.
 */
import { api, type ApiResult } from '$lib/api/client';
import { APP_VERSION } from '$server/contracts/app-version';
import type { DeviceNonceResponse, DeviceProofBody } from '$server/contracts/devices';
import type { StoredEnrolment } from './device-store';
import { proofClaims, proofHeader } from './proof-claims';

/** A fresh single-use server nonce. */
export const fetchNonce = (): Promise<ApiResult<DeviceNonceResponse>> =>
  api<DeviceNonceResponse>('POST', '/devices/nonce');

/** `apiPath` as given to `api()` (`/auth/qr-pin/sign-in`); the proof names the full URL. */
export async function makeDeviceProof(
  method: 'POST',
  apiPath: string,
  enrolment: StoredEnrolment,
  keyPair: CryptoKeyPair,
): Promise<ApiResult<DeviceProofBody>> {
  const signer = import('./jws');
  const nonce = await fetchNonce();
  if (!nonce.ok) return nonce;
  const claims = await proofClaims({
    method,
    origin: location.origin,
    path: `/api${apiPath}`,
    nonce: nonce.data.nonce,
    attestation: enrolment.attestation,
    nowMs: Date.now(),
    appVersion: APP_VERSION,
  });
  const { signCompactJws } = await signer;
  const proof = await signCompactJws(proofHeader(enrolment.deviceId), claims, keyPair.privateKey);
  return { ok: true, status: 200, data: { attestation: enrolment.attestation, proof } };
}
