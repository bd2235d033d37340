/**
 * Validation failures in the product's own words: every kind of zod issue the contract's schemas can
 * raise becomes one short sentence naming the field by its label (field-labels.ts), e.g. "Enter a
 * sign-in name.", "Name is too long (at most 80 characters).", "Too many stores (at most 100).".
 *
 * A schema may word a rule itself ("must be an IANA time zone name such as Europe/Lisbon", "list at
 * least one address range"): that phrase follows the field's label. zod's own messages ("Too small:
 * expected string to have >=1 characters") never reach anyone: schemas are parsed with
 * `VALIDATION_PARSE_OPTIONS`, whose error map marks every issue the schema did not word itself.
 * An empty text or a missing field always reads "Enter …", whatever the schema says.
 *
 * Spanish has its own sentences (validation-messages-es.ts, labels in field-labels-es.ts): `issueWords`
 * gives both, for the answer to word in the request's language.
 */
import type { z } from 'zod';
import { Words, type ErrorLanguage } from '../contracts/error-words.js';
import { fieldLabel, type FieldLabel } from './field-labels.js';
import { describeIssueInSpanish, givenTwiceInSpanish } from './validation-messages-es.js';

type Issue = z.core.$ZodIssue;

/** Put by the parse-time error map on issues whose schema has no words of its own. */
export const NO_SCHEMA_WORDS = '\u0000no-schema-words';

/** Parse options for request bodies and query strings: see the module header. */
export const VALIDATION_PARSE_OPTIONS = {
  reportInput: true,
  error: () => NO_SCHEMA_WORDS,
} satisfies z.core.ParseContext<z.core.$ZodIssue>;

/** "Sign-in name" → "sign-in name"; acronyms ("PIN length", "IP address") keep their capitals. */
const lowerFirst = (text: string) =>
  /^[A-Z][A-Z]/.test(text) ? text : text.charAt(0).toLowerCase() + text.slice(1);
const upperFirst = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
const withArticle = (name: string) => `${/^[aeiou]/i.test(name) ? 'an' : 'a'} ${lowerFirst(name)}`;
const count = (value: unknown) => (typeof value === 'number' ? value.toLocaleString('en') : String(value));

/** What a sentence calls the field: its label, and which entry of a list it is in ("Address range 2"). */
interface Subject {
  name: string;
  /** With its article, for "Enter …". */
  a: string;
  /** What one entry is called, when the field is a list. */
  one?: string;
}

/** A camelCase key in words, for a field the label map does not know (field-labels.test.ts keeps this rare). */
const wordsOfKey = (key: string) => upperFirst(key.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase());

function subjectOf(path: readonly PropertyKey[]): Subject | null {
  if (path.length === 0) return null;
  const own: FieldLabel = fieldLabel(path) ?? {
    name: wordsOfKey(String(path.findLast((p) => typeof p === 'string') ?? 'value')),
  };
  const at = path.findLastIndex((part) => typeof part === 'number');
  if (at < 0) return { name: own.name, a: own.a ?? withArticle(own.name), one: own.one };
  const position = Number(path[at]) + 1;
  const list = fieldLabel(path.slice(0, at));
  const entry = list?.one ?? list?.name ?? 'Entry';
  if (at === path.length - 1) {
    const name = `${entry} ${position}`;
    return { name, a: withArticle(name) };
  }
  const of = `${lowerFirst(entry)} ${position}`;
  return { name: `${own.name} of ${of}`, a: `${own.a ?? withArticle(own.name)} for ${of}` };
}

/** A phrase the schema wrote ("must not contain spaces") after the field's name, as a sentence. */
function withSchemaWords(subject: Subject | null, words: string): string {
  const phrase = words.trim().replace(/\.$/, '');
  const end = /[?!]$/.test(phrase) ? '' : '.';
  if (!subject) return `${upperFirst(phrase)}${end}`;
  if (/^[A-Z]/.test(phrase)) return `${subject.name}: ${phrase}${end}`;
  const predicate =
    /^(must|is|are|has|have|names|cannot|can|should|was|were|does|do|needs|appears|uses|contains|may)\b/;
  return `${subject.name}${predicate.test(phrase) ? ' ' : ': '}${phrase}${end}`;
}

const TYPE_WORDS: Record<string, string> = {
  string: 'must be text',
  number: 'must be a number',
  int: 'must be a whole number',
  boolean: 'must be true or false',
  array: 'must be a list',
  object: 'must be a set of fields',
};

const FORMAT_WORDS: Record<string, string> = {
  datetime: 'must be a date and time such as 2026-05-01T09:00:00Z',
  date: 'must be a date such as 2026-05-01',
  time: 'must be a time such as 09:00',
  email: 'must be an email address',
  url: 'must be a web address',
};

function productSentence(issue: Issue, s: Subject): string {
  const isMissing = !('input' in issue) || issue.input === undefined;
  switch (issue.code) {
    case 'invalid_type':
      if (isMissing) return issue.expected === 'string' ? `Enter ${s.a}.` : `${s.name} is required.`;
      return `${s.name} ${TYPE_WORDS[issue.expected] ?? 'is not valid'}.`;
    case 'too_small': {
      const at = issue.inclusive === false ? 'more than' : 'at least';
      if (issue.origin === 'string') {
        return Number(issue.minimum) <= 1
          ? `Enter ${s.a}.`
          : `${s.name} is too short (${at} ${count(issue.minimum)} characters).`;
      }
      if (issue.origin === 'array' || issue.origin === 'set') {
        const many = Number(issue.minimum) === 1 ? 'one' : count(issue.minimum);
        return s.one
          ? `Choose ${at} ${many} ${lowerFirst(s.one)}${many === 'one' ? '' : 's'}.`
          : `${s.name} must list ${at} ${many}.`;
      }
      return `${s.name} must be ${at} ${count(issue.minimum)}.`;
    }
    case 'too_big': {
      const at = issue.inclusive === false ? 'less than' : 'at most';
      if (issue.origin === 'string')
        return `${s.name} is too long (${at} ${count(issue.maximum)} characters).`;
      if (issue.origin === 'array' || issue.origin === 'set') {
        return `Too many ${lowerFirst(s.name)} (${at} ${count(issue.maximum)}).`;
      }
      return `${s.name} must be ${at} ${count(issue.maximum)}.`;
    }
    case 'invalid_format':
      return `${s.name} ${FORMAT_WORDS[issue.format] ?? 'is not in the right form'}.`;
    case 'invalid_value': {
      const values = issue.values.map(String);
      if (values.length === 1) return `${s.name} must be ${values[0]}.`;
      return values.length <= 8
        ? `${s.name} must be one of: ${values.join(', ')}.`
        : `${s.name} is not one of the choices.`;
    }
    case 'not_multiple_of':
      return `${s.name} must be a multiple of ${count(issue.divisor)}.`;
    case 'invalid_key':
    case 'invalid_element':
      return `${s.name} has an entry that is not valid.`;
    default:
      return `${s.name} is not valid.`;
  }
}

/** One issue as a sentence a person can act on, in English unless another language is asked for. */
export function describeIssue(issue: Issue, language: ErrorLanguage = 'en'): string {
  if (language === 'es') return describeIssueInSpanish(issue);
  if (issue.code === 'unrecognized_keys') {
    return `This request does not take “${issue.keys[0] ?? ''}”: remove it.`;
  }
  const subject = subjectOf(issue.path);
  const isMissing = !('input' in issue) || issue.input === undefined;
  const emptyText = issue.code === 'too_small' && issue.origin === 'string' && Number(issue.minimum) <= 1;
  const schemaWords = issue.message && issue.message !== NO_SCHEMA_WORDS ? issue.message : null;
  if (schemaWords && !emptyText && !(isMissing && issue.code === 'invalid_type')) {
    return withSchemaWords(subject, schemaWords);
  }
  return productSentence(issue, subject ?? { name: 'This request', a: 'a value' });
}

/** The dotted path a VALIDATION_FAILED error names in `field` (an unknown key included), if any. */
export function fieldOfIssue(issue: Issue): string | undefined {
  const unknownKey = issue.code === 'unrecognized_keys' ? issue.keys[0] : undefined;
  const path = issue.path.map(String);
  return (unknownKey ? [...path, unknownKey] : path).join('.') || undefined;
}

/** One issue as a sentence in every language, worded when the answer is sent. */
export const issueWords = (issue: Issue): Words => new Words((language) => describeIssue(issue, language));

/** For a query parameter given twice, in every language. */
export const givenTwiceWords = (key: string): Words =>
  new Words((language) => (language === 'es' ? givenTwiceInSpanish(key) : givenTwiceMessage(key)));

/** For a query parameter given twice. */
export function givenTwiceMessage(key: string): string {
  const label = fieldLabel([key]);
  return `${label?.name ?? wordsOfKey(key)} is given more than once: give it once.`;
}
