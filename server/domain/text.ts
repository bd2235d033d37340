/**
 * What may be stored in a text field (names, sign-in names, descriptions): one rule for the API, the
 * CSV import and the console.
 *
 * Every text field is NFC-normalised (so "é" typed as e + U+0301 and as U+00E9 are the same name) and
 * refuses characters that change what a person sees without being seen themselves:
 * - C0 controls U+0000–U+001F (NUL cut a stored "admin\0x" to "admin" when read back; tabs and line
 *   breaks included: no field is multi-line), DEL U+007F and C1 controls U+0080–U+009F;
 * - bidirectional formatting (Unicode UAX #9): ALM U+061C, LRM U+200E, RLM U+200F, the embeddings and
 *   overrides U+202A–U+202E and the isolates U+2066–U+2069 ("Trojan Source", CVE-2021-42574);
 * - the line and paragraph separators U+2028, U+2029, and halves of a surrogate pair on their own.
 *
 * Sign-in names (identifiers) also refuse every other format character (Unicode category Cf: zero-width
 * space, joiners, word joiner, soft hyphen, byte-order mark…) and white space: nobody types them in a
 * sign-in name, and they only help to make a second name look like the first. Display text keeps the
 * zero-width joiner and non-joiner, which Persian, Indic scripts and emoji sequences need.
 */

export type TextKind = 'identifier' | 'display';

// Matching control characters is this rule's whole point.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/u;
const BIDI = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/u;
const SEPARATOR = /[\u2028\u2029]/u;
const FORMAT = /\p{Cf}/u;
const WHITE_SPACE = /\s/u;
const LONE_SURROGATE = /\p{Cs}/u;

const codePoint = (char: string) => `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

/** NFC, the one form every stored text and every comparison uses. */
export const normalizeText = (value: string): string => value.normalize('NFC');

/**
 * Why `value` may not be stored as a text of this kind, or null when it may. Names the first
 * offending character by code point, since it cannot be shown.
 */
export function textProblem(value: string, kind: TextKind): string | null {
  for (const char of value) {
    if (LONE_SURROGATE.test(char)) return 'must not contain a broken character (an unpaired surrogate)';
    if (CONTROL.test(char))
      return `must not contain hidden control characters such as tabs or line breaks (found ${codePoint(char)})`;
    if (BIDI.test(char))
      return `must not contain hidden text-direction characters, often pasted along with the text (found ${codePoint(char)})`;
    if (SEPARATOR.test(char)) return `must not contain line breaks (found ${codePoint(char)})`;
    if (kind === 'identifier' && FORMAT.test(char)) {
      return `must not contain invisible characters, often pasted along with the text (found ${codePoint(char)})`;
    }
    if (kind === 'identifier' && WHITE_SPACE.test(char)) return 'must not contain spaces';
  }
  return null;
}
