/**
 * Device tokens (server/contracts/devices.ts) on `jose`, the JOSE library, instead of hand-written code:
 * - `readToken`: a token's protected header, read with jose's decoders before anything is verified, so
 *   the caller can refuse an unexpected `alg` (or a malformed token) first, in the documented order,
 *   even for the proof whose key is known only once the attestation is verified;
 * - `verifyAttestation` / `verifyProof`: jose's `jwtVerify` with ONE allowed algorithm each (`EdDSA`,
 *   `ES256`), so jose refuses any other `alg` (`none`, HS256 keyed with a public key, …) before a key
 *   is used; the result says why a token was refused in this module's own words (`TokenProblem`);
 * - attestations signed by jose (EdDSA, Ed25519) under a key DERIVED from the server key, so every API node
 *   sharing the key signs and verifies alike, and nothing new needs storing; after a server key rotation
 *   the previous key's attestations keep verifying (by their `kid`) until they expire;
 * - RFC 7638 JWK thumbprints (jose) and the ES256 check of the enrolment signature (WebCrypto).
 *
 * Which claims a token must carry, and what they must say, is server/domain/device-binding.ts.
 */
import { createHash, createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';
import {
  calculateJwkThumbprint,
  CompactSign,
  decodeJwt,
  decodeProtectedHeader,
  errors,
  importJWK,
  jwtVerify,
  type JWK,
  type JWTPayload,
  type ProtectedHeaderParameters,
} from 'jose';
import type { PublicKeyJwk } from '../contracts/devices.js';
import { hmacSha256 } from './crypto.js';

export type JwsAlgorithm = 'EdDSA' | 'ES256';

/** Why a token was refused: not a compact JWS of JSON objects, another `alg`, a bad signature, claims jose refused. */
export type TokenProblem = 'malformed' | 'algorithm' | 'signature' | 'claims';

export type TokenRead =
  | { ok: true; header: ProtectedHeaderParameters }
  | { ok: false; problem: 'malformed' | 'algorithm'; alg?: unknown };

/**
 * The protected header of a compact JWS whose `alg` is exactly `expected`, NOT verified: it only lets
 * the caller refuse early. Three parts, JSON objects for header and payload, a signature, no `crit`
 * (it would name extensions nobody here understands, RFC 7515 §4.1.11).
 */
export function readToken(token: string, expected: JwsAlgorithm): TokenRead {
  let header: ProtectedHeaderParameters;
  try {
    header = decodeProtectedHeader(token);
  } catch {
    return { ok: false, problem: 'malformed' };
  }
  if (header.alg !== expected) return { ok: false, problem: 'algorithm', alg: header.alg };
  if ('crit' in header || !token.split('.')[2]) return { ok: false, problem: 'malformed' };
  try {
    decodeJwt(token);
  } catch {
    return { ok: false, problem: 'malformed' };
  }
  return { ok: true, header };
}

export type TokenVerification =
  { ok: true; header: ProtectedHeaderParameters; payload: JWTPayload } | { ok: false; problem: TokenProblem };

/** jose's refusals in this module's words; anything that is not a jose error is a bug and is thrown. */
function problemOf(error: unknown): TokenProblem {
  if (error instanceof errors.JOSEAlgNotAllowed) return 'algorithm';
  if (error instanceof errors.JWSSignatureVerificationFailed) return 'signature';
  if (error instanceof errors.JWTClaimValidationFailed || error instanceof errors.JWTExpired) return 'claims';
  // JWSInvalid, JWTInvalid, JOSENotSupported (an unknown `crit` extension), …
  if (error instanceof errors.JOSEError) return 'malformed';
  throw error;
}

/** A `crit` header is refused before the key is used (jose would accept `crit: ["b64"]`). */
const refusingCrit =
  <K>(key: K) =>
  (header: ProtectedHeaderParameters): K => {
    if ('crit' in header) throw new errors.JWSInvalid('crit header parameters are not accepted');
    return key;
  };

/** ES256 public key from a stored P-256 JWK, or null if the point is not on the curve. */
async function es256Key(jwk: PublicKeyJwk): Promise<CryptoKey | null> {
  try {
    return (await importJWK({ kty: jwk.kty, crv: jwk.crv, x: jwk.x, y: jwk.y }, 'ES256')) as CryptoKey;
  } catch {
    return null;
  }
}

/**
 * A device proof verified with the device's STORED public key, ES256 only. Its claims are checked by
 * server/domain/device-binding.ts; jose checks only that `iat` is a number (and `exp`, `nbf` if sent).
 */
export async function verifyProof(token: string, publicKeyJwk: PublicKeyJwk): Promise<TokenVerification> {
  const key = await es256Key(publicKeyJwk);
  if (!key) return { ok: false, problem: 'signature' };
  try {
    const { protectedHeader, payload } = await jwtVerify(token, refusingCrit(key), {
      algorithms: ['ES256'],
      requiredClaims: ['iat'],
    });
    return { ok: true, header: protectedHeader, payload };
  } catch (error) {
    return { ok: false, problem: problemOf(error) };
  }
}

/** ES256 over `data` with a WebCrypto (IEEE P1363, 64-byte) signature: the enrolment signature. */
export async function verifyEs256(
  publicKeyJwk: PublicKeyJwk,
  data: string,
  signature: Uint8Array,
): Promise<boolean> {
  const key = await es256Key(publicKeyJwk);
  if (!key) return false;
  try {
    // WebCrypto takes only the 64-byte r‖s form: a DER or truncated signature is simply false.
    const bytes = new Uint8Array(signature);
    return await crypto.subtle.verify(
      { name: 'ECDSA', hash: 'SHA-256' },
      key,
      bytes,
      new TextEncoder().encode(data),
    );
  } catch {
    return false;
  }
}

/** base64url SHA-256 of a UTF-8 string (the proof's `ath`). */
export const sha256Base64url = (text: string): string =>
  createHash('sha256').update(text, 'utf8').digest('base64url');

/** RFC 7638 thumbprint of a public key (the `jkt` of a device key, the `kid` of the attestation key). */
export const jwkThumbprint = (jwk: JWK): Promise<string> => calculateJwkThumbprint(jwk, 'sha256');

/** PKCS#8 DER prefix of an Ed25519 private key (RFC 8410): the 32-byte seed follows. */
const ED25519_PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');

export interface AttestationVerifyOptions {
  /** The installation's issuer id: the attestation's `iss` must be it. */
  issuer: string;
  now: Date;
}

export interface AttestationSigner {
  /** RFC 7638 thumbprint of the public key: the `kid` of every attestation signed from now on. */
  kid: string;
  /**
   * Every `kid` an attestation may carry: the current key's, and after a server key rotation the
   * previous key's, so attestations signed before it keep verifying until they expire.
   */
  verifyingKids: readonly string[];
  /** The public key as a JWK (docs, and a verifier elsewhere). */
  publicJwk: { kty: string; crv: string; x: string };
  /** A compact JWS of `payload` with the given `typ`, signed by jose (EdDSA, this key's `kid`). */
  sign(typ: string, payload: object): Promise<string>;
  /**
   * EdDSA only, the key its `kid` names (one of `verifyingKids`), the issuer, `sub`, `iat` and `exp`
   * present. An EXPIRED attestation still verifies here (whether that is acceptable is the caller's
   * rule): its signature and every other claim check have passed by the time jose looks at `exp`.
   */
  verify(token: string, options: AttestationVerifyOptions): Promise<TokenVerification>;
}

interface AttestationKey {
  kid: string;
  privateKey: KeyObject;
  publicKey: KeyObject;
  publicJwk: { kty: string; crv: string; x: string };
}

/** The Ed25519 attestation key: HMAC(server key, label) is the seed, so it is the same on every node. */
async function attestationKeyOf(serverKey: Buffer): Promise<AttestationKey> {
  const seed = hmacSha256(serverKey, 'shiftpass device attestation key');
  const privateKey = createPrivateKey({
    key: Buffer.concat([ED25519_PKCS8_PREFIX, seed]),
    format: 'der',
    type: 'pkcs8',
  });
  const publicKey: KeyObject = createPublicKey(privateKey);
  const exported = publicKey.export({ format: 'jwk' }) as { kty: string; crv: string; x: string };
  const publicJwk = { kty: exported.kty, crv: exported.crv, x: exported.x };
  return { kid: await jwkThumbprint(publicJwk), privateKey, publicKey, publicJwk };
}

/**
 * Signs with the key derived from `serverKey`; verifies with it or, after a rotation, with the key
 * derived from `previousServerKey` (chosen by the token's `kid`, which the caller has checked).
 */
export async function createAttestationSigner(
  serverKey: Buffer,
  previousServerKey?: Buffer,
): Promise<AttestationSigner> {
  const current = await attestationKeyOf(serverKey);
  const previous = previousServerKey ? await attestationKeyOf(previousServerKey) : undefined;
  const keys = previous ? [current, previous] : [current];
  const { kid, privateKey, publicJwk } = current;
  return {
    kid,
    verifyingKids: keys.map((key) => key.kid),
    publicJwk,
    sign: (typ, payload) =>
      new CompactSign(new TextEncoder().encode(JSON.stringify(payload)))
        .setProtectedHeader({ alg: 'EdDSA', typ, kid })
        .sign(privateKey),
    async verify(token, { issuer, now }) {
      let headerKid: unknown;
      try {
        headerKid = decodeProtectedHeader(token).kid;
      } catch {
        return { ok: false, problem: 'malformed' };
      }
      const publicKey = (keys.find((key) => key.kid === headerKid) ?? current).publicKey;
      try {
        const { protectedHeader, payload } = await jwtVerify(token, refusingCrit(publicKey), {
          algorithms: ['EdDSA'],
          issuer,
          requiredClaims: ['sub', 'iat', 'exp'],
          currentDate: now,
        });
        return { ok: true, header: protectedHeader, payload };
      } catch (error) {
        // Without maxTokenAge, JWTExpired can only mean `exp`, the last check jose makes.
        if (error instanceof errors.JWTExpired) {
          return { ok: true, header: decodeProtectedHeader(token), payload: error.payload };
        }
        return { ok: false, problem: problemOf(error) };
      }
    },
  };
}
