/** The kiosk's ECDSA P-256 key: made once at enrolment, never extractable, used to sign proofs. */
import type { PublicKeyJwk } from '$server/contracts/devices';
import { publicKeyMembers } from './thumbprint';

const ALGORITHM = { name: 'ECDSA', namedCurve: 'P-256' } as const;

export async function createDeviceKeyPair(): Promise<CryptoKeyPair> {
  return crypto.subtle.generateKey(ALGORITHM, false, ['sign', 'verify']);
}

/** ES256: ECDSA with SHA-256; WebCrypto answers the 64-byte P1363 r‖s form JWS uses. */
export async function signWithDeviceKey(
  privateKey: CryptoKey,
  data: Uint8Array<ArrayBuffer>,
): Promise<Uint8Array<ArrayBuffer>> {
  const signature = await crypto.subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, privateKey, data);
  return new Uint8Array(signature);
}

/** The public half as the contract sends it (the public key of a pair is always exportable). */
export async function publicJwkOf(publicKey: CryptoKey): Promise<PublicKeyJwk> {
  return publicKeyMembers(await crypto.subtle.exportKey('jwk', publicKey));
}
