/**
 * Enrolment into kiosk mode (POST /api/manager/devices), done by a signed-in manager on the phone:
 * a new non-extractable key pair kept in the device database, persistent storage asked for, the public
 * key sent with a signature over a server nonce, and the first attestation kept with the kiosk's own
 * language.
 */
import { api, type ApiResult } from '$lib/api/client';
import type { Locale } from '$lib/i18n/locale';
import { APP_VERSION } from '$server/contracts/app-version';
import { enrolmentSigningInput } from '$server/contracts/device-binding';
import type { DeviceAttestationResponse } from '$server/contracts/devices';
import { base64urlFromBytes } from './base64url';
import { createDeviceKeyPair, publicJwkOf, signWithDeviceKey } from './device-key';
import { fetchNonce } from './device-proof';
import { deviceSupport, saveEnrolment, saveKeyPair, saveKioskLanguage } from './device-store';
import { jwkThumbprint } from './thumbprint';

export type EnrolOutcome =
  | { ok: true; device: DeviceAttestationResponse['device']; persisted: boolean }
  | { ok: false; problem: Exclude<ReturnType<typeof deviceSupport>, 'ok'> }
  | { ok: false; problem: 'server'; result: Extract<ApiResult<unknown>, { ok: false }> };

/** Asks the browser not to evict the device database under storage pressure; never fails enrolment. */
async function askPersistentStorage(): Promise<boolean> {
  try {
    return (await navigator.storage?.persist?.()) ?? false;
  } catch {
    return false;
  }
}

export async function enrolThisDevice(input: {
  displayName: string;
  groupId: string;
  /** The kiosk's own language; null: its store's default (else the phone's). */
  language: Locale | null;
}): Promise<EnrolOutcome> {
  const support = deviceSupport();
  if (support !== 'ok') return { ok: false, problem: support };
  const keyPair = await createDeviceKeyPair();
  const publicKeyJwk = await publicJwkOf(keyPair.publicKey);
  const thumbprint = await jwkThumbprint(publicKeyJwk);
  const persisted = await askPersistentStorage();
  const nonce = await fetchNonce();
  if (!nonce.ok) return { ok: false, problem: 'server', result: nonce };
  const signature = await signWithDeviceKey(
    keyPair.privateKey,
    new TextEncoder().encode(enrolmentSigningInput(nonce.data.nonce, thumbprint)),
  );
  const result = await api<DeviceAttestationResponse>('POST', '/manager/devices', {
    displayName: input.displayName,
    groupId: input.groupId,
    publicKeyJwk,
    nonce: nonce.data.nonce,
    signature: base64urlFromBytes(signature),
    appVersion: APP_VERSION,
  });
  if (!result.ok) return { ok: false, problem: 'server', result };
  // The key is kept only once the server knows it: a refused enrolment leaves nothing behind.
  await saveKeyPair(keyPair);
  await saveEnrolment({
    deviceId: result.data.device.id,
    attestation: result.data.attestation,
    attestationExpiresDateTime: result.data.attestationExpiresDateTime,
    device: result.data.device,
  });
  await saveKioskLanguage(input.language);
  return { ok: true, device: result.data.device, persisted };
}
