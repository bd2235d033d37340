/**
 * The API's error messages in Spanish: every code's default and every service sentence has Spanish
 * (TypeScript checks the keys; this catches an empty string or the English left in place), every
 * field has a Spanish label, and every issue every schema of the contract can raise reads as a
 * Spanish sentence — never zod's words, never the English one, never a phrase left untranslated.
 */
import { describe, expect, test } from 'vitest';
import { z } from 'zod';
import { ApiError, ERRORS, type ErrorCode } from '../../server/contracts/errors.js';
import { ERROR_CODE_TEXT_ES, errorTextEs } from '../../server/contracts/error-text-es.js';
import { errorText } from '../../server/contracts/error-text.js';
import { errorBodyIn, say, Words } from '../../server/contracts/error-words.js';
import { spanishPhrase } from '../../server/contracts/spanish-phrases.js';
import { FIELD_LABELS } from '../../server/http/field-labels.js';
import { FIELD_LABELS_ES } from '../../server/http/field-labels-es.js';
import {
  describeIssue,
  givenTwiceWords,
  NO_SCHEMA_WORDS,
  VALIDATION_PARSE_OPTIONS,
} from '../../server/http/validation-messages.js';

/** English words that do not occur in Spanish sentences: one of them means English was left in. */
const ENGLISH = /\b(the|must|this|is|not|has|have|with|already|exists|of|no longer|Enter|Choose|Too many)\b/;

type ErrorTextKey = keyof typeof errorText;
type WithParameters = {
  [K in ErrorTextKey]: (typeof errorText)[K] extends (...args: never[]) => string ? K : never;
}[ErrorTextKey];

/** Arguments for every message with parameters (typed: a new one needs its sample here). */
const SAMPLES: { [K in WithParameters]: Parameters<(typeof errorText)[K]> } = {
  tokenNeedsScope: ['users.read'],
  noQrCodeOfKind: ['temporary'],
  activeQrCodeExists: ['standard'],
  activeQrCodeOrMethodExists: ['temporary'],
  qrCodeStartsTooLate: [365],
  qrCodeLivesTooLong: ['standard', 1825],
  qrCodeLivesTooShort: ['temporary', 1],
  pinRule: [{ rule: 'length', minLength: 8, maxLength: 20, english: 'The PIN must be 8 to 20 digits long.' }],
  tooManyBadgesToReplace: [500, 1200],
  storeInQrPinPolicy: [true, false],
  storeInAccessPolicy: [['Noches', 'Tardes']],
  appNameTaken: ['Turnos'],
  publicKeyRefused: [1, 'must be a public key'],
  appInUse: [['Turnos']],
  personInPolicyMissing: ['include', 'u-1'],
  storeInPolicyMissing: ['exclude'],
  appInPolicyMissing: ['include', 'a-1'],
  locationInPolicyMissing: ['exclude', 'l-1'],
  accessPolicyNameTaken: ['Turnos'],
  namedLocationNameTaken: ['Sede'],
  locationInUse: [['Turnos']],
  tokenExpiryTooFar: [365],
  importTooBig: [2],
  importTooManyRows: [5000, 12000],
  importUnreadable: ['Invalid Closing Quote: got "a" at line 3'],
  importHeader: ['The header names the column STORES twice.'],
};

/** A catalogue message, called with its sample arguments when it takes any. */
function sentence(catalogue: Record<string, unknown>, key: ErrorTextKey): string {
  const message = catalogue[key];
  if (typeof message === 'string') return message;
  const args = (SAMPLES as Record<string, unknown[]>)[key]!;
  return (message as (...a: unknown[]) => string)(...args);
}

describe('the error catalogue', () => {
  test('every code has a Spanish sentence, not empty and not the English one', () => {
    for (const code of Object.keys(ERRORS) as ErrorCode[]) {
      const es = ERROR_CODE_TEXT_ES[code];
      expect(es.trim(), code).not.toBe('');
      expect(es, code).not.toBe(ERRORS[code].message);
      expect(es, code).toMatch(/[.]$/);
    }
  });

  test('Spanish has every service sentence, none empty, none English', () => {
    expect(Object.keys(errorTextEs).sort()).toEqual(Object.keys(errorText).sort());
    for (const key of Object.keys(errorText) as ErrorTextKey[]) {
      expect(typeof errorTextEs[key], key).toBe(typeof errorText[key]);
      const en = sentence(errorText, key);
      const es = sentence(errorTextEs, key);
      expect(es.trim(), key).not.toBe('');
      expect(es, key).not.toBe(en);
      expect(es, key).not.toMatch(ENGLISH);
      expect(`${en} ${es}`, key).not.toMatch(/undefined|\[object/);
    }
  });

  test('messages with parameters put them into Spanish sentences', () => {
    expect(errorTextEs.tokenNeedsScope('users.read')).toBe(
      'Este token de API necesita el permiso users.read.',
    );
    expect(errorTextEs.importTooManyRows(5000, 12000)).toBe(
      'Un archivo puede tener como máximo 5000 personas; este tiene 12.000. Divídelo.',
    );
    expect(errorTextEs.storeInQrPinPolicy(true, true)).toBe(
      'La directiva de credenciales con PIN nombra esta tienda en Tiendas incluidas y Tiendas excluidas; quítala allí primero.',
    );
    expect(errorTextEs.publicKeyRefused(2, 'must be a public key')).toBe(
      'La clave 2 debe ser una clave pública.',
    );
    expect(errorText.publicKeyRefused(2, 'must be a public key')).toBe('Key 2 must be a public key.');
    expect(errorTextEs.importHeader('The header row needs a column named userPrincipalName.')).toBe(
      'La fila de encabezado necesita una columna llamada userPrincipalName.',
    );
  });

  test('every PIN rule is worded in Spanish', () => {
    const rules = ['digits_only', 'length', 'repeated_pattern', 'sequential_digits', 'date', 'counting'];
    const more = ['keypad_shape', 'mirrored', 'shuffled_run', 'common_pin', 'same_as_current'];
    for (const rule of [...rules, ...more]) {
      const es = errorTextEs.pinRule({ rule, minLength: 8, maxLength: 20, english: 'The PIN …' });
      expect(es, rule).not.toBe('El PIN no cumple las reglas de PIN.');
      expect(es, rule).not.toMatch(ENGLISH);
    }
  });

  test('an ApiError is worded when its body is made; its message (for logs) is English', () => {
    const error = new ApiError('NOT_FOUND', say.noSuchUser, { problems: [{ message: say.noSuchApp }] });
    expect(error.message).toBe('No user has this id.');
    expect(error.toBody()).toEqual({
      error: {
        code: 'NOT_FOUND',
        message: 'No user has this id.',
        problems: [{ message: 'No app has this id.' }],
      },
    });
    expect(errorBodyIn(error, 'es')).toEqual({
      error: {
        code: 'NOT_FOUND',
        message: 'Ninguna persona tiene este id.',
        problems: [{ message: 'Ninguna app tiene este id.' }],
      },
    });
    expect(errorBodyIn(new ApiError('LAST_ADMIN'), 'es').error.message).toBe(ERROR_CODE_TEXT_ES.LAST_ADMIN);
    expect(new ApiError('LAST_ADMIN').toBody().error.message).toBe(ERRORS.LAST_ADMIN.message);
    expect(String(new Words((language) => language))).toBe('en');
  });
});

describe('Spanish field labels', () => {
  test('every field has a Spanish label that is words, not an API name nor the English one', () => {
    expect(Object.keys(FIELD_LABELS_ES).sort()).toEqual(Object.keys(FIELD_LABELS).sort());
    for (const [key, label] of Object.entries(FIELD_LABELS_ES)) {
      expect(label.name, key).not.toMatch(/[a-z][A-Z]|[._]/);
      const english = FIELD_LABELS[key as keyof typeof FIELD_LABELS].name;
      if (!['PIN', 'Apps', 'App', 'Roles'].includes(english)) expect(label.name, key).not.toBe(english);
    }
  });
});

// Every schema of the contract, as tests/unit/validation-messages.test.ts walks them, in Spanish.
const modules = import.meta.glob<Record<string, unknown>>('../../server/contracts/*.ts', { eager: true });
const schemas = Object.entries(modules).flatMap(([file, exports]) =>
  Object.entries(exports)
    .filter((entry): entry is [string, z.ZodType] => entry[1] instanceof z.ZodType)
    .map(([name, schema]) => ({ name: `${file.split('/').at(-1)} ${name}`, schema })),
);

type Step = string | '#';
function pathsOf(schema: z.ZodType, path: Step[] = [], seen = new Set<unknown>()): Step[][] {
  if (seen.has(schema)) return [];
  seen.add(schema);
  const def = (schema as unknown as { _zod: { def: Record<string, unknown> & { type: string } } })._zod.def;
  switch (def.type) {
    case 'object':
      return Object.entries(def.shape as Record<string, z.ZodType>).flatMap(([key, inner]) => [
        [...path, key],
        ...pathsOf(inner, [...path, key], seen),
      ]);
    case 'optional':
    case 'default':
    case 'nullable':
    case 'readonly':
    case 'prefault':
    case 'catch':
    case 'nonoptional':
      return pathsOf(def.innerType as z.ZodType, path, seen);
    case 'pipe':
      return pathsOf(def.in as z.ZodType, path, seen);
    case 'array':
      return pathsOf(def.element as z.ZodType, [...path, '#'], seen);
    case 'union':
      return (def.options as z.ZodType[]).flatMap((option) => pathsOf(option, path, seen));
    default:
      return [];
  }
}

const inputWith = (path: Step[], value: unknown): unknown => {
  if (path.length === 0) return value;
  const [head, ...rest] = path;
  return head === '#' ? [inputWith(rest, value)] : { [head!]: inputWith(rest, value) };
};

const BAD_VALUES: unknown[] = [
  123456,
  1.5,
  -1,
  1e12,
  '',
  '   ',
  'x'.repeat(5000),
  'a\u0000b',
  'a\u202eb',
  true,
  null,
  [],
  Array.from({ length: 300 }, (_, i) => `item-${i}`),
  { nope: 1 },
  'nonsense',
  'http://a#b',
  '10.0.0.1/8',
  '25:00',
];

const ZOD_PHRASING = /expected|received|>=|<=|Invalid input|Too small|Too big|Unrecognized key/i;

describe('every issue of every schema reads as a Spanish sentence', () => {
  test.each(schemas)('$name', ({ schema }) => {
    const inputs: unknown[] = [{}, 'x', 7, null, { definitelyNotAField: 1 }];
    for (const path of pathsOf(schema)) for (const value of BAD_VALUES) inputs.push(inputWith(path, value));
    let checked = 0;
    for (const input of inputs) {
      const result = schema.safeParse(input, VALIDATION_PARSE_OPTIONS);
      if (result.success) continue;
      for (const issue of result.error.issues) {
        const message = describeIssue(issue, 'es');
        const context = `${issue.code} at ${issue.path.join('.') || '(the body)'}: ${message}`;
        checked++;
        expect(message, context).not.toMatch(ZOD_PHRASING);
        expect(message, context).not.toMatch(ENGLISH);
        expect(message, context).not.toContain('\u0000');
        expect(message, context).toMatch(/^[A-ZÁÉÍÓÚ«¿].*[.?]$/);
        expect(message, context).not.toBe(describeIssue(issue));
        const words = issue.message && issue.message !== NO_SCHEMA_WORDS ? issue.message : null;
        // A schema's own phrase has its Spanish (spanish-phrases.ts), not a plain "no es válido".
        if (words && issue.code !== 'too_small' && issue.code !== 'invalid_type') {
          expect(spanishPhrase(words), `${context} — no Spanish for “${words}”`).not.toBeNull();
        }
      }
    }
    expect(checked).toBeGreaterThan(0);
  });
});

describe('Spanish sentences', () => {
  const person = z.strictObject({
    userPrincipalName: z.string().min(1).max(256),
    displayName: z.string().min(1, 'must not be empty').max(256),
    groupIds: z.array(z.string()).min(1).max(100),
    redirectUris: z.array(z.string().startsWith('https://', 'must start with https://')).min(1),
    password: z.string().min(12).max(20000),
    lockout: z.strictObject({ threshold: z.number().int().min(3).max(10000) }),
    timeZone: z
      .string()
      .refine((zone) => zone !== 'Mars', 'must be an IANA time zone name such as Europe/Lisbon'),
  });
  const messageFor = (input: Record<string, unknown>) => {
    const result = person.safeParse(
      {
        userPrincipalName: 'ana',
        displayName: 'Ana',
        groupIds: ['s'],
        redirectUris: ['https://a'],
        password: 'a long enough one',
        lockout: { threshold: 5 },
        timeZone: 'Europe/Lisbon',
        ...input,
      },
      VALIDATION_PARSE_OPTIONS,
    );
    return result.success ? null : describeIssue(result.error.issues[0]!, 'es');
  };

  test.each([
    [{ userPrincipalName: '' }, 'Falta el nombre de inicio de sesión.'],
    [{ userPrincipalName: undefined }, 'Falta el nombre de inicio de sesión.'],
    [{ displayName: '' }, 'Falta el nombre.'],
    [
      { userPrincipalName: 'a'.repeat(300) },
      'El nombre de inicio de sesión es demasiado largo (máximo 256 caracteres).',
    ],
    [{ password: 'short' }, 'La contraseña es demasiado corta (mínimo 12 caracteres).'],
    [{ password: 'p'.repeat(20001) }, 'La contraseña es demasiado larga (máximo 20.000 caracteres).'],
    [{ userPrincipalName: 7 }, 'El nombre de inicio de sesión debe ser texto.'],
    [{ groupIds: Array.from({ length: 101 }, String) }, 'Demasiadas tiendas (máximo 100).'],
    [{ groupIds: [] }, 'Elige al menos una tienda.'],
    [
      { lockout: { threshold: 10001 } },
      'Los intentos fallidos antes de un bloqueo deben ser como máximo 10.000.',
    ],
    [
      { lockout: { threshold: 2.5 } },
      'Los intentos fallidos antes de un bloqueo deben ser un número entero.',
    ],
    [{ timeZone: 'Mars' }, 'La zona horaria debe ser una zona horaria IANA, como Europe/Lisbon.'],
    [{ redirectUris: ['http://a'] }, 'La dirección de retorno 1 debe empezar por https://.'],
    [{ redirectUris: [] }, 'Elige al menos una dirección de retorno.'],
    [{ shoeSize: 9 }, 'Esta solicitud no admite «shoeSize»: quítalo.'],
  ])('%j → %s', (input, sentence) => {
    expect(messageFor(input as Record<string, unknown>)).toBe(sentence);
  });

  test('a query parameter given twice', () => {
    expect(givenTwiceWords('limit').inLanguage('es')).toBe(
      'El tamaño de página aparece más de una vez: indícalo solo una vez.',
    );
    expect(givenTwiceWords('limit').inLanguage('en')).toBe(
      'Page size is given more than once: give it once.',
    );
  });
});
