/**
 * The device key's JWK thumbprint (RFC 7638, jose): the server computes the same value for the
 * enrolled public key, and the enrolment signs over it.
 */
import { calculateJwkThumbprint, type JWK } from 'jose';
import type { PublicKeyJwk } from '$server/contracts/devices';

export const jwkThumbprint = (jwk: JWK): Promise<string> => calculateJwkThumbprint(jwk, 'sha256');

/** The members of an exported P-256 public key the contract keeps (kty, crv, x, y); nothing else. */
export function publicKeyMembers(jwk: JsonWebKey): PublicKeyJwk {
  if (jwk.kty !== 'EC' || jwk.crv !== 'P-256' || !jwk.x || !jwk.y) throw new Error('not a P-256 public key');
  return { kty: 'EC', crv: 'P-256', x: jwk.x, y: jwk.y };
}
