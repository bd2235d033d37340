/**
 * Compact JWS (RFC 7515) on the kiosk, with jose: the device signs its proofs with its WebCrypto
 * P-256 key (ES256; WebCrypto's signatures are already the IEEE P1363 r‖s form JWS wants).
 */
import { CompactSign, decodeJwt } from 'jose';

export type JwsHeader = {
  alg: 'ES256';
  typ: string;
  kid?: string;
};

export async function signCompactJws(
  header: JwsHeader,
  payload: object,
  privateKey: CryptoKey,
): Promise<string> {
  return new CompactSign(new TextEncoder().encode(JSON.stringify(payload)))
    .setProtectedHeader(header)
    .sign(privateKey);
}

/**
 * The payload of a compact JWS, NOT verified: the device only reads its own attestation and never
 * trusts it for anything the server decides. Null when the token is not a readable JWS.
 */
export function readJwsPayload<T>(token: string): T | null {
  try {
    return decodeJwt(token) as T;
  } catch {
    return null;
  }
}
