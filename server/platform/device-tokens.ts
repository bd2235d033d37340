/**
 * Device tokens (server/contracts/devices.ts) with node:crypto alone:
 * - compact JWS decoding that refuses any algorithm but the one expected BEFORE a key is touched
 *   (`none`, HS256 keyed with a public key and the like never reach a verifier);
 * - attestations signed with Ed25519 (EdDSA) under a key DERIVED from the server key, so every API
 *   node sharing the key signs and verifies alike, and nothing new needs storing or rotating;
 * - ES256 verification of device proofs (WebCrypto signs in IEEE P1363 form, r‖s, 64 bytes);
 * - RFC 7638 JWK thumbprints (the `kid` of the attestation key, the `jkt` of a device key).
 */
import { createHash, createPrivateKey, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';
import type { PublicKeyJwk } from '../contracts/devices.js';
import { hmacSha256 } from './crypto.js';

export type JwsAlgorithm = 'EdDSA' | 'ES256';

export interface DecodedJws {
  header: Record<string, unknown>;
  payload: Record<string, unknown>;
  /** `base64url(header).base64url(payload)`, the bytes the signature covers. */
  signingInput: string;
  signature: Buffer;
}

export type JwsDecoding =
  | { ok: true; jws: DecodedJws }
  /** `malformed`: not a compact JWS of JSON objects; `algorithm`: another `alg` than expected. */
  | { ok: false; problem: 'malformed' | 'algorithm'; alg?: unknown };

const BASE64URL = /^[A-Za-z0-9_-]*$/;

function jsonObject(part: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}

/**
 * Splits a compact JWS and checks its header names exactly `expected` as `alg`. Nothing here
 * verifies the signature: the caller does, with the key it chooses (never one the token names).
 */
export function decodeJws(token: string, expected: JwsAlgorithm): JwsDecoding {
  const parts = token.split('.');
  if (parts.length !== 3 || parts.some((part) => !BASE64URL.test(part))) {
    return { ok: false, problem: 'malformed' };
  }
  const [headerPart, payloadPart, signaturePart] = parts as [string, string, string];
  const header = jsonObject(headerPart);
  if (!header) return { ok: false, problem: 'malformed' };
  if (header.alg !== expected) return { ok: false, problem: 'algorithm', alg: header.alg };
  // A `crit` header would name extensions this verifier does not understand (RFC 7515 §4.1.11).
  if ('crit' in header) return { ok: false, problem: 'malformed' };
  const payload = jsonObject(payloadPart);
  if (!payload || signaturePart.length === 0) return { ok: false, problem: 'malformed' };
  return {
    ok: true,
    jws: {
      header,
      payload,
      signingInput: `${headerPart}.${payloadPart}`,
      signature: Buffer.from(signaturePart, 'base64url'),
    },
  };
}

const b64json = (value: unknown): string => Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');

/** base64url SHA-256 of a UTF-8 string (the proof's `ath`, thumbprints). */
export const sha256Base64url = (text: string): string =>
  createHash('sha256').update(text, 'utf8').digest('base64url');

/** RFC 7638 thumbprint of a P-256 public key: SHA-256 of its required members in lexicographic order. */
export const ecJwkThumbprint = (jwk: PublicKeyJwk): string =>
  sha256Base64url(JSON.stringify({ crv: jwk.crv, kty: jwk.kty, x: jwk.x, y: jwk.y }));

/** RFC 7638 thumbprint of an Ed25519 public key. */
export const okpJwkThumbprint = (jwk: { crv: string; kty: string; x: string }): string =>
  sha256Base64url(JSON.stringify({ crv: jwk.crv, kty: jwk.kty, x: jwk.x }));

/** A P-256 public key from its JWK, or null if the point is not on the curve. */
export function ecPublicKey(jwk: PublicKeyJwk): KeyObject | null {
  try {
    return createPublicKey({ key: { kty: jwk.kty, crv: jwk.crv, x: jwk.x, y: jwk.y }, format: 'jwk' });
  } catch {
    return null;
  }
}

/** ES256 over `data` with a WebCrypto (IEEE P1363, 64-byte) signature. */
export function verifyEs256(key: KeyObject, data: string, signature: Buffer): boolean {
  if (signature.length !== 64) return false;
  try {
    return verify('sha256', Buffer.from(data, 'utf8'), { key, dsaEncoding: 'ieee-p1363' }, signature);
  } catch {
    return false;
  }
}

/** PKCS#8 DER prefix of an Ed25519 private key (RFC 8410): the 32-byte seed follows. */
const ED25519_PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');

export interface AttestationSigner {
  /** RFC 7638 thumbprint of the public key: the `kid` of every attestation. */
  kid: string;
  /** The public key as a JWK (docs, and a verifier elsewhere). */
  publicJwk: { kty: string; crv: string; x: string };
  /** A compact JWS of `payload` with the given `typ`. */
  sign(typ: string, payload: object): string;
  /** Whether `jws` was signed by this key (its `alg` was already checked by decodeJws). */
  verify(jws: DecodedJws): boolean;
}

/** The Ed25519 attestation key: HMAC(server key, label) is the seed, so it is the same on every node. */
export function createAttestationSigner(serverKey: Buffer): AttestationSigner {
  const seed = hmacSha256(serverKey, 'shiftpass device attestation key');
  const privateKey = createPrivateKey({
    key: Buffer.concat([ED25519_PKCS8_PREFIX, seed]),
    format: 'der',
    type: 'pkcs8',
  });
  const publicKey = createPublicKey(privateKey);
  const exported = publicKey.export({ format: 'jwk' }) as { kty: string; crv: string; x: string };
  const publicJwk = { kty: exported.kty, crv: exported.crv, x: exported.x };
  const kid = okpJwkThumbprint(publicJwk);
  return {
    kid,
    publicJwk,
    sign(typ, payload) {
      const signingInput = `${b64json({ alg: 'EdDSA', typ, kid })}.${b64json(payload)}`;
      const signature = sign(null, Buffer.from(signingInput, 'utf8'), privateKey);
      return `${signingInput}.${signature.toString('base64url')}`;
    },
    verify(jws) {
      if (jws.signature.length !== 64) return false;
      try {
        return verify(null, Buffer.from(jws.signingInput, 'utf8'), publicKey, jws.signature);
      } catch {
        return false;
      }
    },
  };
}
