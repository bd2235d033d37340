/**
 * Every schema of the HTTP contract, fed bad input field by field (missing, wrong type, empty, too
 * long, too big, a list too long, an unknown key): every issue zod raises reads as a sentence in the
 * product's words that names the field by its label, never in zod's own phrasing.
 */
import { describe, expect, test } from 'vitest';
import { z } from 'zod';
import { FIELD_LABELS, fieldLabel } from '../../server/http/field-labels.js';
import { describeIssue, VALIDATION_PARSE_OPTIONS } from '../../server/http/validation-messages.js';

const modules = import.meta.glob<Record<string, unknown>>('../../server/contracts/*.ts', { eager: true });

const ZOD_PHRASING = /expected|received|>=|<=|Invalid input|Too small|Too big|Unrecognized key|\bstring\b/i;

type Step = string | '#';
interface FieldOf {
  path: Step[];
}

/** The field paths under a schema ('#' for "an entry of this list"), through wrappers and pipes. */
function fieldsOf(schema: z.ZodType, path: Step[] = [], seen = new Set<unknown>()): FieldOf[] {
  if (seen.has(schema)) return [];
  seen.add(schema);
  const def = (schema as unknown as { _zod: { def: Record<string, unknown> & { type: string } } })._zod.def;
  switch (def.type) {
    case 'object':
      return Object.entries(def.shape as Record<string, z.ZodType>).flatMap(([key, inner]) => [
        { path: [...path, key] },
        ...fieldsOf(inner, [...path, key], seen),
      ]);
    case 'optional':
    case 'default':
    case 'nullable':
    case 'readonly':
    case 'prefault':
    case 'catch':
    case 'nonoptional':
      return fieldsOf(def.innerType as z.ZodType, path, seen);
    case 'pipe':
      return fieldsOf(def.in as z.ZodType, path, seen);
    case 'array':
      return fieldsOf(def.element as z.ZodType, [...path, '#'], seen);
    case 'union':
      return (def.options as z.ZodType[]).flatMap((option) => fieldsOf(option, path, seen));
    default:
      return [];
  }
}

/** An input with `value` at `path` (one entry in each list on the way). */
function inputWith(path: Step[], value: unknown): unknown {
  if (path.length === 0) return value;
  const [head, ...rest] = path;
  return head === '#' ? [inputWith(rest, value)] : { [head!]: inputWith(rest, value) };
}

const BAD_VALUES: [string, unknown][] = [
  ['a number', 123456],
  ['a fraction', 1.5],
  ['a negative number', -1],
  ['a huge number', 1e12],
  ['an empty text', ''],
  ['spaces', '   '],
  ['a long text', 'x'.repeat(5000)],
  ['a control character', 'a\u0000b'],
  ['a text-direction character', 'a\u202eb'],
  ['true', true],
  ['null', null],
  ['an empty list', []],
  ['a long list', Array.from({ length: 300 }, (_, i) => `item-${i}`)],
  ['an object', { nope: 1 }],
  ['a word', 'nonsense'],
];

const schemas = Object.entries(modules).flatMap(([file, exports]) =>
  Object.entries(exports)
    .filter((entry): entry is [string, z.ZodType] => entry[1] instanceof z.ZodType)
    .map(([name, schema]) => ({ name: `${file.split('/').at(-1)} ${name}`, schema })),
);

const namesItsField = (message: string, path: readonly PropertyKey[]) => {
  const label = fieldLabel(path);
  const listLabel = fieldLabel(
    path.slice(
      0,
      path.findLastIndex((p) => typeof p === 'number'),
    ),
  );
  const names = [label?.name, label?.a, label?.one, listLabel?.one, listLabel?.name].filter(
    Boolean,
  ) as string[];
  return names.some((name) => message.toLowerCase().includes(name.toLowerCase()));
};

describe('every field of the contract has a label', () => {
  test.each(schemas)('$name', ({ schema }) => {
    const unlabelled = fieldsOf(schema)
      .map((f) => f.path.filter((p) => p !== '#'))
      .filter((path) => fieldLabel(path) === null)
      .map((path) => path.join('.'));
    expect(unlabelled).toEqual([]);
  });
});

describe('every issue of every schema reads as product words naming its field', () => {
  test.each(schemas)('$name', ({ schema }) => {
    const inputs: unknown[] = [{}, 'x', 7, null, { definitelyNotAField: 1 }];
    for (const { path } of fieldsOf(schema)) {
      for (const [, value] of BAD_VALUES) inputs.push(inputWith(path, value));
    }
    let checked = 0;
    for (const input of inputs) {
      const result = schema.safeParse(input, VALIDATION_PARSE_OPTIONS);
      if (result.success) continue;
      for (const issue of result.error.issues) {
        const message = describeIssue(issue);
        const context = `${issue.code} at ${issue.path.join('.') || '(the body)'}: ${message}`;
        checked++;
        expect(message, context).not.toMatch(ZOD_PHRASING);
        expect(message, context).not.toContain('\u0000');
        expect(message, context).toMatch(/^[A-Z“].*[.]$/);
        if (issue.code === 'unrecognized_keys') expect(message, context).toContain(issue.keys[0]);
        else if (issue.path.length > 0) expect(namesItsField(message, issue.path), context).toBe(true);
      }
    }
    expect(checked).toBeGreaterThan(0);
  });
});

describe('sentences', () => {
  const person = z.strictObject({
    userPrincipalName: z.string().min(1).max(256),
    displayName: z.string().min(1, 'must not be empty').max(256),
    groupIds: z.array(z.string()).max(100),
    timeZone: z
      .string()
      .refine((zone) => zone !== 'Mars', 'must be an IANA time zone name such as Europe/Lisbon'),
    redirectUris: z.array(z.string().startsWith('https://', "must start with 'https://'")).min(1),
    lockout: z.strictObject({ threshold: z.number().int().min(3).max(100) }),
  });
  const messageFor = (input: Record<string, unknown>) => {
    const result = person.safeParse(
      {
        userPrincipalName: 'ana',
        displayName: 'Ana',
        groupIds: [],
        timeZone: 'Europe/Lisbon',
        redirectUris: ['https://a'],
        lockout: { threshold: 5 },
        ...input,
      },
      VALIDATION_PARSE_OPTIONS,
    );
    return result.success ? null : describeIssue(result.error.issues[0]!);
  };

  test.each([
    [{ userPrincipalName: '' }, 'Enter a sign-in name.'],
    [{ userPrincipalName: undefined }, 'Enter a sign-in name.'],
    [{ displayName: '' }, 'Enter a name.'],
    [{ userPrincipalName: 'a'.repeat(300) }, 'Sign-in name is too long (at most 256 characters).'],
    [{ userPrincipalName: 7 }, 'Sign-in name must be text.'],
    [{ groupIds: Array.from({ length: 101 }, String) }, 'Too many stores (at most 100).'],
    [{ lockout: { threshold: 101 } }, 'Wrong attempts before a lock must be at most 100.'],
    [{ lockout: { threshold: 2.5 } }, 'Wrong attempts before a lock must be a whole number.'],
    [{ timeZone: 'Mars' }, 'Time zone must be an IANA time zone name such as Europe/Lisbon.'],
    [{ redirectUris: ['http://a'] }, "Return address 1 must start with 'https://'."],
    [{ redirectUris: [] }, 'Choose at least one return address.'],
    [
      { userPrincipalName: 'a', timeZone: 'Mars' },
      'Time zone must be an IANA time zone name such as Europe/Lisbon.',
    ],
    [{ shoeSize: 9 }, 'This request does not take “shoeSize”: remove it.'],
  ])('%j → %s', (input, sentence) => {
    expect(messageFor(input as Record<string, unknown>)).toBe(sentence);
  });

  test('labels are looked up longest path first, list positions ignored', () => {
    expect(fieldLabel(['pin', 'code'])?.name).toBe('PIN');
    expect(fieldLabel(['code'])?.name).toBe('Authentication code');
    expect(fieldLabel(['conditions', 'users', 'include'])?.name).toBe('People included');
    expect(fieldLabel(['apps', 2, 'url'])?.name).toBe('App address');
    expect(fieldLabel(['constructor'])).toBeNull();
  });

  test('every label is words, not an API name', () => {
    for (const [key, label] of Object.entries(FIELD_LABELS)) {
      expect(label.name, key).not.toMatch(/[a-z][A-Z]|[._]/);
    }
  });
});
