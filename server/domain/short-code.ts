/**
 * The short code printed under a badge's QR image, for a person to type when the camera cannot read
 * the badge: 10 Crockford base32 characters (50 random bits), printed in two groups of five
 * (`7KQ4M-2XJ9P`). Crockford's alphabet leaves out I, L, O and U, so what a person reads as
 * I or L is taken as 1 and O as 0; case, spaces and dashes do not matter.
 */

export const SHORT_CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const SHORT_CODE_LENGTH = 10;
const GROUP_LENGTH = 5;
/** Bytes of randomness per code: one per character, of which the low 5 bits are used. */
export const SHORT_CODE_RANDOM_BYTES = SHORT_CODE_LENGTH;
/** Longest input worth normalising: the code with a separator between every character, and then some. */
export const SHORT_CODE_MAX_INPUT_LENGTH = 64;

const CANONICAL = new RegExp(`^[${SHORT_CODE_ALPHABET}]{${SHORT_CODE_LENGTH}}$`);
// Spaces, tabs and the dashes phone keyboards substitute for "-" (hyphen, en and em dash, minus).
const SEPARATORS = /[\s\-\u2010-\u2015\u2212]/g;
const CROCKFORD_ALIASES: Record<string, string> = { I: '1', L: '1', O: '0' };

/**
 * The canonical code (upper case, no separators) from 10 random bytes. 256 is a multiple of 32, so
 * each byte's low 5 bits are uniform.
 */
export function shortCodeFromBytes(bytes: Uint8Array): string {
  if (bytes.length !== SHORT_CODE_RANDOM_BYTES) {
    throw new RangeError(`a short code needs ${SHORT_CODE_RANDOM_BYTES} random bytes`);
  }
  return Array.from(bytes, (byte) => SHORT_CODE_ALPHABET[byte & 31]).join('');
}

/** How a canonical code is printed and shown: `ABCDE-FGHJK`. */
export const formatShortCode = (canonical: string): string =>
  `${canonical.slice(0, GROUP_LENGTH)}-${canonical.slice(GROUP_LENGTH)}`;

/**
 * What a person typed, as the canonical code, or undefined when it cannot be one (wrong length,
 * a character outside the alphabet, anything that is not ASCII).
 */
export function normaliseShortCode(typed: string): string | undefined {
  if (typed.length > SHORT_CODE_MAX_INPUT_LENGTH) return undefined;
  const compact = typed.replace(SEPARATORS, '');
  if (!/^[0-9A-Za-z]*$/.test(compact)) return undefined;
  const canonical = compact.toUpperCase().replace(/[ILO]/g, (c) => CROCKFORD_ALIASES[c]!);
  return CANONICAL.test(canonical) ? canonical : undefined;
}
