/**
 * What an authenticator app does, for tests: read the base32 secret shown at enrolment and compute
 * the current code with the server's own RFC 6238 implementation (tested against the RFC vectors).
 */
import { createHmac } from 'node:crypto';
import { totpAt, type HmacSha1 } from '../../server/domain/totp.js';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

export function decodeBase32(text: string): Buffer {
  const bytes: number[] = [];
  let buffer = 0;
  let bits = 0;
  for (const char of text.replace(/[\s=]/g, '').toUpperCase()) {
    const value = ALPHABET.indexOf(char);
    if (value < 0) throw new Error(`not base32: ${char}`);
    buffer = (buffer << 5) | value;
    bits += 5;
    if (bits >= 8) {
      bytes.push((buffer >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return Buffer.from(bytes);
}

const hmacSha1: HmacSha1 = (key, message) => createHmac('sha1', key).update(message).digest();

/** The 6-digit code an authenticator app shows for `secretBase32` at `at`. */
export const totpCode = (secretBase32: string, at: Date): string =>
  totpAt(hmacSha1, decodeBase32(secretBase32), at.getTime());
