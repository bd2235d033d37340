/** server/domain/text.ts: which characters a stored name or sign-in name may hold, and NFC. */
import { describe, expect, test } from 'vitest';
import { displayText, signInName } from '../../server/contracts/text.js';
import { normalizeText, textProblem } from '../../server/domain/text.js';

const hex = (cp: number) => `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

const C0 = range(0x00, 0x1f);
const DEL = [0x7f];
const C1 = range(0x80, 0x9f);
const BIDI = [0x061c, 0x200e, 0x200f, ...range(0x202a, 0x202e), ...range(0x2066, 0x2069)];
const SEPARATORS = [0x2028, 0x2029];

describe('textProblem: refused in every text field, named by code point', () => {
  test.each([...C0, ...DEL, ...C1].map((cp) => [hex(cp), cp]))('control character %s', (_, cp) => {
    for (const kind of ['display', 'identifier'] as const) {
      expect(textProblem(`ana${String.fromCodePoint(cp)}x`, kind)).toBe(
        `must not contain hidden control characters such as tabs or line breaks (found ${hex(cp)})`,
      );
    }
  });

  test.each(BIDI.map((cp) => [hex(cp), cp]))('text-direction character %s', (_, cp) => {
    for (const kind of ['display', 'identifier'] as const) {
      expect(textProblem(`ana${String.fromCodePoint(cp)}x`, kind)).toBe(
        `must not contain hidden text-direction characters, often pasted along with the text (found ${hex(cp)})`,
      );
    }
  });

  test('line and paragraph separators, and half a surrogate pair', () => {
    for (const cp of SEPARATORS)
      expect(textProblem(`a${String.fromCodePoint(cp)}b`, 'display')).toMatch(/line breaks/);
    expect(textProblem('a\ud800b', 'display')).toMatch(/unpaired surrogate/);
    expect(textProblem('a\udc00', 'identifier')).toMatch(/unpaired surrogate/);
  });

  test('the first offending character is the one named', () => {
    expect(textProblem('ab\u202ecd\u0000', 'display')).toMatch(/U\+202E/);
  });
});

describe('textProblem: zero-width and other invisible characters', () => {
  const invisible = [0x200b, 0x200c, 0x200d, 0x2060, 0xfeff, 0x00ad, 0x180e];

  test.each(invisible.map((cp) => [hex(cp), cp]))('%s is refused in a sign-in name', (_, cp) => {
    expect(textProblem(`ad${String.fromCodePoint(cp)}min`, 'identifier')).toBe(
      `must not contain invisible characters, often pasted along with the text (found ${hex(cp)})`,
    );
  });

  test('a display name keeps the joiners Persian, Indic scripts and emoji need', () => {
    expect(textProblem('\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645', 'display')).toBeNull(); // ZWNJ
    expect(textProblem('\u0915\u094d\u200d\u0937', 'display')).toBeNull(); // ZWJ in Devanagari
    expect(textProblem('👩\u200d💻 Ana', 'display')).toBeNull();
  });

  test('a sign-in name has no spaces of any kind', () => {
    for (const space of [' ', '\u00a0', '\u3000', '\u2009']) {
      expect(textProblem(`ana${space}silva`, 'identifier')).toBe('must not contain spaces');
    }
    expect(textProblem('Ana Silva', 'display')).toBeNull();
  });
});

describe('textProblem: ordinary names pass', () => {
  test.each([
    ['ana.silva@store1.example.com', 'identifier'],
    ['José Ñúñez', 'display'],
    ['Zoë Łukasiewicz-Ōta', 'display'],
    ['محمد', 'display'],
    ['李小龍', 'display'],
    ['O’Brien & Sons (Porto)', 'display'],
    ['😀 Front till', 'display'],
  ] as const)('%s', (value, kind) => {
    expect(textProblem(value, kind)).toBeNull();
  });
});

describe('NFC', () => {
  test('a decomposed é (e + U+0301) becomes the composed U+00E9', () => {
    expect(normalizeText('Jose\u0301')).toBe('Jos\u00e9');
    expect(normalizeText('Jos\u00e9')).toBe('Jos\u00e9');
  });

  test('the schemas store NFC, trimmed, and count characters after composing', () => {
    expect(signInName(256).parse('  jose\u0301@store1 ')).toBe('jos\u00e9@store1');
    expect(displayText(4).parse('Jose\u0301')).toBe('Jos\u00e9');
  });

  test('the schemas refuse what textProblem refuses, with its words', () => {
    const nul = signInName(256).safeParse('admin\u0000x');
    expect(nul.success).toBe(false);
    expect(nul.error?.issues[0]?.message).toBe(
      'must not contain hidden control characters such as tabs or line breaks (found U+0000)',
    );
    expect(displayText(256).safeParse('Ana \u202eavliS').success).toBe(false);
  });
});
