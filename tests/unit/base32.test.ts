import { describe, expect, test } from 'vitest';
import { encodeBase32, isBase32 } from '../../server/domain/base32.js';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const bytesOf = (text: string) => new TextEncoder().encode(text);

/** A slow, obviously-correct encoder: write out every bit, cut into groups of 5. */
function referenceBase32(bytes: Uint8Array): string {
  let bits = '';
  for (const byte of bytes) bits += byte.toString(2).padStart(8, '0');
  let out = '';
  for (let i = 0; i < bits.length; i += 5) out += ALPHABET[parseInt(bits.slice(i, i + 5).padEnd(5, '0'), 2)];
  return out;
}

describe('encodeBase32', () => {
  // RFC 4648 §10 test vectors, without the padding this format leaves out.
  test.each([
    ['', ''],
    ['f', 'MY'],
    ['fo', 'MZXQ'],
    ['foo', 'MZXW6'],
    ['foob', 'MZXW6YQ'],
    ['fooba', 'MZXW6YTB'],
    ['foobar', 'MZXW6YTBOI'],
  ])('encodes %j as %j (RFC 4648)', (input, expected) => {
    expect(encodeBase32(bytesOf(input))).toBe(expected);
  });

  test('all-zero and all-one bytes map to the ends of the alphabet', () => {
    expect(encodeBase32(new Uint8Array(5))).toBe('AAAAAAAA');
    expect(encodeBase32(new Uint8Array(5).fill(255))).toBe('77777777');
  });

  test('agrees with a bit-by-bit encoder on many inputs, long ones included', () => {
    for (let length = 0; length <= 64; length++) {
      const bytes = new Uint8Array(length);
      for (let i = 0; i < length; i++) bytes[i] = (i * 151 + length * 31 + 7) & 255;
      expect(encodeBase32(bytes)).toBe(referenceBase32(bytes));
    }
  });

  test('10 bytes make a 16-character code id and 16 bytes a 26-character secret', () => {
    expect(encodeBase32(new Uint8Array(10).fill(0xa5))).toHaveLength(16);
    expect(encodeBase32(new Uint8Array(16).fill(0x5a))).toHaveLength(26);
  });
});

describe('isBase32', () => {
  test('accepts upper-case letters and digits 2–7', () => {
    expect(isBase32(ALPHABET)).toBe(true);
    expect(isBase32(encodeBase32(bytesOf('any bytes at all')))).toBe(true);
  });

  test.each([
    ['the empty string', ''],
    ['lower case', 'mzxw6'],
    ['the digit 0', 'MZX0'],
    ['the digit 1', 'MZX1'],
    ['the digit 8', 'MZX8'],
    ['padding', 'MY======'],
    ['a space', 'MZ XW'],
  ])('refuses %s', (_name, text) => {
    expect(isBase32(text)).toBe(false);
  });
});
