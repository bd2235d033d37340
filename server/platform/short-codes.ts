/**
 * Making and hashing badge short codes (server/domain/short-code.ts). A short code carries only
 * 50 bits, few enough to try every value offline against a plain hash from a stolen database, so
 * the stored value is HMAC-SHA256 under a subkey of the server key: without the key, the hashes
 * reveal nothing (docs/security.md, "Short codes"). After a server key rotation, codes stored under the
 * previous key (tagged with its id, domain/key-tag.ts) are found through `lookupHashes` and re-keyed
 * when used, so no badge needs reprinting.
 */
import { randomBytes } from 'node:crypto';
import { shortCodeFromBytes, SHORT_CODE_RANDOM_BYTES } from '../domain/short-code.js';
import { tagWithKeyId } from '../domain/key-tag.js';
import { hmacSha256 } from './crypto.js';

export interface ShortCodes {
  /** A new random code in canonical form. */
  generate(): string;
  /** The keyed hash kept in `qr_codes.short_code_hash` (hex) of a canonical code. */
  hash(canonical: string): string;
  /** Every stored form a code may have: `hash` first, then its hash under the previous key, tagged. */
  lookupHashes(canonical: string): string[];
}

/**
 * `key` is the short-code subkey: HMAC-SHA256(server key, "shiftpass short code key"); `previous`, the
 * same subkey of the key before the last rotation, with that key's id.
 */
export function createShortCodes(key: Buffer, previous?: { kid: string; key: Buffer }): ShortCodes {
  const hash = (canonical: string): string => hmacSha256(key, canonical).toString('hex');
  return {
    generate: () => shortCodeFromBytes(randomBytes(SHORT_CODE_RANDOM_BYTES)),
    hash,
    lookupHashes: (canonical) =>
      previous
        ? [hash(canonical), tagWithKeyId(previous.kid, hmacSha256(previous.key, canonical).toString('hex'))]
        : [hash(canonical)],
  };
}
