import { describe, expect, test } from 'vitest';
import {
  formatShortCode,
  normaliseShortCode,
  SHORT_CODE_ALPHABET,
  SHORT_CODE_LENGTH,
  SHORT_CODE_MAX_INPUT_LENGTH,
  shortCodeFromBytes,
} from '../../server/domain/short-code.js';

describe('shortCodeFromBytes', () => {
  test('makes 10 characters of the Crockford alphabet, one per byte', () => {
    const code = shortCodeFromBytes(Uint8Array.from([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]));
    expect(code).toBe('0123456789');
    expect(code).toHaveLength(SHORT_CODE_LENGTH);
  });

  test('uses the low 5 bits of each byte, so over all 256 byte values each symbol comes 8 times', () => {
    const counts = new Map<string, number>();
    for (let byte = 0; byte < 256; byte++) {
      const symbol = shortCodeFromBytes(new Uint8Array(SHORT_CODE_LENGTH).fill(byte))[0]!;
      counts.set(symbol, (counts.get(symbol) ?? 0) + 1);
    }
    expect(counts.size).toBe(32);
    expect(new Set(counts.values())).toEqual(new Set([8]));
  });

  test('never contains I, L, O or U', () => {
    expect(SHORT_CODE_ALPHABET).toHaveLength(32);
    expect(SHORT_CODE_ALPHABET).not.toMatch(/[ILOU]/);
  });

  test('refuses the wrong number of bytes', () => {
    expect(() => shortCodeFromBytes(new Uint8Array(9))).toThrow(RangeError);
  });
});

describe('formatShortCode', () => {
  test('prints two groups of five', () => {
    expect(formatShortCode('7KQ4M2XJ9P')).toBe('7KQ4M-2XJ9P');
  });
});

describe('normaliseShortCode', () => {
  test.each([
    ['7KQ4M-2XJ9P', 'printed form'],
    ['7KQ4M2XJ9P', 'without the dash'],
    ['7kq4m-2xj9p', 'lower case'],
    ['7kq4m 2xj9p', 'a space for the dash'],
    ['  7KQ4M  2XJ9P ', 'extra spaces'],
    ['7 K Q 4 M 2 X J 9 P', 'a space after every character'],
    ['7KQ4M\u20132XJ9P', 'an en dash (phone keyboards)'],
    ['7KQ4M\u20142XJ9P', 'an em dash'],
    ['7KQ4M\u22122XJ9P', 'a minus sign'],
    ['7KQ4M\t2XJ9P', 'a tab'],
  ])('%j (%s) is 7KQ4M2XJ9P', (typed) => {
    expect(normaliseShortCode(typed)).toBe('7KQ4M2XJ9P');
  });

  test('reads O as 0 and I or L as 1, in either case', () => {
    expect(normaliseShortCode('OoIiLl0123')).toBe('0011110123');
    expect(normaliseShortCode(formatShortCode('A0B1C0D1E0').replace(/0/g, 'O').replace(/1/g, 'l'))).toBe(
      'A0B1C0D1E0',
    );
  });

  test.each([
    ['', 'empty'],
    ['7KQ4M-2XJ9', 'too short'],
    ['7KQ4M-2XJ9PP', 'too long'],
    ['7KQ4M-2XJ9U', 'U is not in the alphabet'],
    ['7KQ4M_2XJ9P', 'an underscore'],
    ['7KQ4M.2XJ9P', 'a dot'],
    ['7KQ4M-2XJ9Ṕ', 'a letter with an accent'],
    ['７KQ4M-2XJ9P', 'a full-width digit'],
    ['٧KQ4M-2XJ9P', 'an Arabic-Indic digit'],
    ['ſKQ4M-2XJ9P', 'a character whose upper case is ASCII'],
    ['SP1:ACME:ABCDEFGHIJKLMNOP:QRSTUVWXYZ234567ABCDEFGHIJ', 'a QR payload'],
  ])('%j (%s) is no short code', (typed) => {
    expect(normaliseShortCode(typed)).toBeUndefined();
  });

  test('refuses input longer than the limit without looking further', () => {
    const padded = `7KQ4M${' '.repeat(SHORT_CODE_MAX_INPUT_LENGTH)}2XJ9P`;
    expect(normaliseShortCode(padded)).toBeUndefined();
  });
});
