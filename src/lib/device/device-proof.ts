/**
 * The device binding one request carries: the cached attestation and a fresh proof, signed with the
 * device key over a nonce fetched right before signing (each nonce serves one request only). The
 * nonce itself is asked for as the device (a signed request), so it comes from the device's own
 * budget rather than the store network's (docs/security.md "Per client").
 * The signer (jose) loads with the first proof, so a plain kiosk never downloads it and an enrolled one
 * keeps it out of the JavaScript the scan screen waits for; the service worker precaches it with the
 * rest of the build, so it is there offline too.
 */
import { api, type ApiResult } from '$lib/api/client';
import { APP_VERSION } from '$server/contracts/app-version';
import type { DeviceNonceResponse, DeviceProofBody } from '$server/contracts/devices';
import type { StoredEnrolment } from './device-store';
import { nonceRequestClaims, proofClaims, proofHeader } from './proof-claims';

/** A fresh single-use server nonce, asked for by nobody in particular (a plain kiosk, an enrolment). */
export const fetchNonce = (): Promise<ApiResult<DeviceNonceResponse>> =>
  api<DeviceNonceResponse>('POST', '/devices/nonce');

/**
 * A fresh nonce asked for as this enrolled device (its attestation and a signed request), so it comes
 * from the device's own budget: a flood from the store's shared network cannot starve the kiosk.
 */
async function fetchNonceAsDevice(
  enrolment: StoredEnrolment,
  keyPair: CryptoKeyPair,
  signer: Promise<typeof import('./jws')>,
): Promise<ApiResult<DeviceNonceResponse>> {
  const claims = await nonceRequestClaims({
    origin: location.origin,
    attestation: enrolment.attestation,
    nowMs: Date.now(),
    appVersion: APP_VERSION,
  });
  const { signCompactJws } = await signer;
  const proof = await signCompactJws(proofHeader(enrolment.deviceId), claims, keyPair.privateKey);
  return api<DeviceNonceResponse>('POST', '/devices/nonce', {
    device: { attestation: enrolment.attestation, proof },
  });
}

/** `apiPath` as given to `api()` (`/auth/qr-pin/sign-in`); the proof names the full URL. */
export async function makeDeviceProof(
  method: 'POST',
  apiPath: string,
  enrolment: StoredEnrolment,
  keyPair: CryptoKeyPair,
): Promise<ApiResult<DeviceProofBody>> {
  const signer = import('./jws');
  const nonce = await fetchNonceAsDevice(enrolment, keyPair, signer);
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
