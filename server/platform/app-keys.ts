/**
 * The public keys a `private_key_jwt` store app signs its token requests with, checked with jose's
 * importJWK before they are saved: a key the provider could not use, or a private key pasted by
 * mistake, is refused with words the admin can act on, not discovered at the app's first sign-in.
 */
import { importJWK, type JWK } from 'jose';

const DEFAULT_ALG_OF_CURVE: Record<string, string> = { 'P-256': 'ES256', 'P-384': 'ES384', 'P-521': 'ES512' };
const MIN_RSA_BITS = 2048;

/** Why `jwk` is not a usable public EC or RSA signing key, or null when it is. */
export async function publicSigningKeyProblem(jwk: Record<string, unknown>): Promise<string | null> {
  const kty = jwk.kty;
  let alg = typeof jwk.alg === 'string' ? jwk.alg : undefined;
  if (kty === 'EC') {
    const crv = typeof jwk.crv === 'string' ? jwk.crv : '';
    const curveAlg = DEFAULT_ALG_OF_CURVE[crv];
    if (!curveAlg) return 'must be on the P-256, P-384 or P-521 curve';
    if (alg && alg !== curveAlg) return `says ${alg} but its curve ${crv} is for ${curveAlg}`;
    alg = curveAlg;
  } else if (kty === 'RSA') {
    if (alg && !/^(RS|PS)(256|384|512)$/.test(alg)) return `says ${alg}, which is not an RSA algorithm`;
    alg ??= 'RS256';
    const modulus = typeof jwk.n === 'string' ? Buffer.from(jwk.n, 'base64url') : Buffer.alloc(0);
    if (modulus.length * 8 < MIN_RSA_BITS) return `must be an RSA key of at least ${MIN_RSA_BITS} bits`;
  } else {
    return 'must be an EC or RSA key';
  }
  try {
    const key = await importJWK(jwk as JWK, alg);
    if (key instanceof Uint8Array || key.type !== 'public') return 'must be a public key';
    return null;
  } catch {
    return 'is not a valid public key';
  }
}
