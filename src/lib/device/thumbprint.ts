/**
 * JWK thumbprints (RFC 7638): SHA-256 over the key's required members only, in lexicographic order,
 * with no whitespace, base64url. The server computes the same value for the enrolled public key.
 */
import type { PublicKeyJwk } from '$server/contracts/devices';
import { sha256Base64url } from './base64url';

const REQUIRED_MEMBERS: Record<string, readonly string[]> = {
  EC: ['crv', 'kty', 'x', 'y'],
  RSA: ['e', 'kty', 'n'],
  OKP: ['crv', 'kty', 'x'],
};

/** The canonical JSON the thumbprint hashes. Throws for a key type or member it cannot name. */
export function thumbprintInput(jwk: Record<string, unknown>): string {
  const members = typeof jwk.kty === 'string' ? REQUIRED_MEMBERS[jwk.kty] : undefined;
  if (!members) throw new Error('unsupported key type');
  const parts = members.map((name) => {
    const value = jwk[name];
    if (typeof value !== 'string') throw new Error(`JWK member ${name} missing`);
    return `${JSON.stringify(name)}:${JSON.stringify(value)}`;
  });
  return `{${parts.join(',')}}`;
}

export const jwkThumbprint = (jwk: Record<string, unknown>): Promise<string> =>
  sha256Base64url(thumbprintInput(jwk));

/** The members of an exported P-256 public key the contract keeps (kty, crv, x, y); nothing else. */
export function publicKeyMembers(jwk: JsonWebKey): PublicKeyJwk {
  if (jwk.kty !== 'EC' || jwk.crv !== 'P-256' || !jwk.x || !jwk.y) throw new Error('not a P-256 public key');
  return { kty: 'EC', crv: 'P-256', x: jwk.x, y: jwk.y };
}
