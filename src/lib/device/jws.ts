/**
 * Compact JWS (RFC 7515): `base64url(header).base64url(payload).base64url(signature)`. The device
 * signs with WebCrypto ECDSA, whose signatures are already the IEEE P1363 r‖s form ES256 wants.
 */
import { base64urlFromBytes, base64urlFromText, textFromBase64url } from './base64url';

export interface JwsHeader {
  alg: string;
  typ: string;
  kid?: string;
}

/** The text a JWS signature covers. */
export const jwsSigningInput = (header: JwsHeader, payload: object): string =>
  `${base64urlFromText(JSON.stringify(header))}.${base64urlFromText(JSON.stringify(payload))}`;

export async function signCompactJws(
  header: JwsHeader,
  payload: object,
  sign: (data: Uint8Array<ArrayBuffer>) => Promise<Uint8Array>,
): Promise<string> {
  const input = jwsSigningInput(header, payload);
  const signature = await sign(new TextEncoder().encode(input));
  return `${input}.${base64urlFromBytes(signature)}`;
}

/**
 * The payload of a compact JWS, NOT verified: the device only reads its own attestation's expiry and
 * never trusts it for anything the server decides. Null when the token is not a readable JWS.
 */
export function readJwsPayload<T>(token: string): T | null {
  const parts = token.split('.');
  if (parts.length !== 3 || !parts[1]) return null;
  try {
    const payload: unknown = JSON.parse(textFromBase64url(parts[1]));
    return typeof payload === 'object' && payload !== null ? (payload as T) : null;
  } catch {
    return null;
  }
}
