/**
 * A store kiosk made through the API, as the PWA makes one (a non-extractable ECDSA P-256 key, a server
 * nonce, an enrolment signature, a proof per request), for journeys that need a named device in the
 * logs without setting a phone up through the pages (kiosk-mode.spec.ts does that).
 */
import type { APIRequestContext } from '@playwright/test';
import { enrolmentSigningInput, type DeviceAttestationResponse } from '../../server/contracts/devices.js';
import { makeDeviceKey, sha256Base64url, signJws, signWith, type DeviceKey } from '../support/device.js';
import { expect } from './fixtures.js';

export interface ApiKiosk extends DeviceKey {
  id: string;
  attestation: string;
}

async function nonceOf(api: APIRequestContext): Promise<string> {
  const res = await api.post('/api/devices/nonce');
  expect(res.status()).toBe(200);
  return ((await res.json()) as { nonce: string }).nonce;
}

/** Enrols a kiosk in a store with the admin token. */
export async function enrolApiKiosk(
  adminApi: APIRequestContext,
  options: { groupId: string; displayName: string },
): Promise<ApiKiosk> {
  const key = await makeDeviceKey();
  const nonce = await nonceOf(adminApi);
  const res = await adminApi.post('/api/manager/devices', {
    data: {
      displayName: options.displayName,
      groupId: options.groupId,
      publicKeyJwk: key.publicKeyJwk,
      nonce,
      signature: await signWith(key.keys.privateKey, enrolmentSigningInput(nonce, key.thumbprint)),
      appVersion: '0.1.0',
    },
  });
  expect(res.status()).toBe(201);
  const enrolment = (await res.json()) as DeviceAttestationResponse;
  return { ...key, id: enrolment.device.id, attestation: enrolment.attestation };
}

/** POSTs `body` to `path` from the kiosk, with its attestation and a fresh proof (no credentials). */
export async function postFromKiosk(
  kiosk: APIRequestContext,
  baseURL: string,
  device: ApiKiosk,
  path: string,
  body: Record<string, unknown>,
) {
  const proof = await signJws(
    { alg: 'ES256', typ: 'dpop+jwt', kid: device.id },
    {
      htm: 'POST',
      htu: new URL(path, baseURL).toString(),
      nonce: await nonceOf(kiosk),
      iat: Math.floor(Date.now() / 1000),
      ath: sha256Base64url(device.attestation),
      appVersion: '0.1.0',
    },
    device.keys.privateKey,
  );
  return kiosk.post(path, { data: { ...body, device: { attestation: device.attestation, proof } } });
}
