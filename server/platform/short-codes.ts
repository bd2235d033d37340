/**
 * Making and hashing badge short codes (server/domain/short-code.ts). A short code carries only
 * 50 bits, few enough to try every value offline against a plain hash from a stolen database, so
 * the stored value is HMAC-SHA256 under a subkey of the server key: without the key, the hashes
 * reveal nothing (docs/security.md, "Short codes").
 */
import { randomBytes } from 'node:crypto';
import { shortCodeFromBytes, SHORT_CODE_RANDOM_BYTES } from '../domain/short-code.js';
import { hmacSha256 } from './crypto.js';

export interface ShortCodes {
  /** A new random code in canonical form. */
  generate(): string;
  /** The keyed hash kept in `qr_codes.short_code_hash` (hex) of a canonical code. */
  hash(canonical: string): string;
}

/** `key` is the short-code subkey: HMAC-SHA256(server key, "shiftpass short code key"). */
export function createShortCodes(key: Buffer): ShortCodes {
  return {
    generate: () => shortCodeFromBytes(randomBytes(SHORT_CODE_RANDOM_BYTES)),
    hash: (canonical) => hmacSha256(key, canonical).toString('hex'),
  };
}
