/** Node crypto behind small named functions: random tokens, hashes, constant-time comparison. */
import { createHash, createHmac, randomBytes, randomInt, randomUUID, timingSafeEqual } from 'node:crypto';
import { encodeBase32 } from '../domain/base32.js';

export const newId = (): string => randomUUID();

/** URL-safe opaque token with `bytes` of entropy (default 256 bits). */
export const randomToken = (bytes = 32): string => randomBytes(bytes).toString('base64url');

export const randomBase32 = (bytes: number): string => encodeBase32(randomBytes(bytes));

export const randomDigit = (): number => randomInt(10);

export const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

export const hmacSha256 = (key: Buffer, text: string): Buffer =>
  createHmac('sha256', key).update(text, 'utf8').digest();

export function equalHashes(a: string, b: string): boolean {
  const left = Buffer.from(a, 'utf8');
  const right = Buffer.from(b, 'utf8');
  return left.length === right.length && timingSafeEqual(left, right);
}
