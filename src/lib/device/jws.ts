/**
 * Compact JWS (RFC 7515) on the kiosk, with jose: the device signs its proofs with its WebCrypto
 * P-256 key (ES256; WebCrypto's signatures are already the IEEE P1363 r‖s form JWS wants).
 */
import { CompactSign } from 'jose';

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
