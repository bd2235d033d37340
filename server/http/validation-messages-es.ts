/**
 * Validation failures in Spanish: the same issues as validation-messages.ts, each with a Spanish
 * sentence of its own (not the English one's pieces), the field named by its Spanish label
 * (field-labels-es.ts) with the article, gender and number the sentence needs: "Falta el nombre de
 * inicio de sesión.", "El nombre es demasiado largo (máximo 256 caracteres).", "Demasiadas tiendas
 * (máximo 100).". Numbers are written the Spanish way (10.000). A schema's own English phrase is
 * put into Spanish by spanish-phrases.ts.
 */
import type { z } from 'zod';
import { fieldKeyOf } from './field-labels.js';
import { FIELD_LABELS_ES, type SpanishLabel } from './field-labels-es.js';
import { agree, spanishPhrase, type Agreement } from '../contracts/spanish-phrases.js';
import { NO_SCHEMA_WORDS } from './validation-messages.js';

type Issue = z.core.$ZodIssue;

const numbers = new Intl.NumberFormat('es');
const count = (value: unknown) => (typeof value === 'number' ? numbers.format(value) : String(value));
const upperFirst = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
/** "Nombre de la app" → "nombre de la app"; "PIN", "ID de empleado" keep their capitals. */
const lowerFirst = (text: string) =>
  /^[A-Z][A-Z]/.test(text) ? text : text.charAt(0).toLowerCase() + text.slice(1);

/** What a sentence calls the field, with what its words must agree with. */
interface Subject extends Agreement {
  /** Bare, to start a "Name: …" sentence. */
  name: string;
  /** With its article, lower case: "el nombre", "las tiendas". */
  the: string;
  one?: string;
  oneG?: 'f';
  ones?: string;
}

const article = (a: Agreement) => (a.g === 'f' ? (a.pl ? 'las' : 'la') : a.pl ? 'los' : 'el');
const withArticle = (name: string, a: Agreement) => `${article(a)} ${lowerFirst(name)}`;

/** A camelCase key in words, for a field the label map does not know. */
const wordsOfKey = (key: string) => `El campo «${key}»`;

function labelOf(path: readonly PropertyKey[]): SpanishLabel | null {
  const key = fieldKeyOf(path);
  return key === null ? null : FIELD_LABELS_ES[key];
}

function subjectOf(path: readonly PropertyKey[]): Subject | null {
  if (path.length === 0) return null;
  const own = labelOf(path);
  const lastKey = String(path.findLast((p) => typeof p === 'string') ?? 'valor');
  const base: Subject = own
    ? {
        name: own.name,
        the: own.the ?? withArticle(own.name, own),
        ...(own.g && { g: own.g }),
        ...(own.pl && { pl: own.pl }),
        ...(own.one && { one: own.one, ones: own.ones ?? own.one }),
        ...(own.oneG && { oneG: own.oneG }),
      }
    : { name: wordsOfKey(lastKey), the: lowerFirst(wordsOfKey(lastKey)) };
  const at = path.findLastIndex((part) => typeof part === 'number');
  if (at < 0) return base;
  const position = Number(path[at]) + 1;
  const list = labelOf(path.slice(0, at));
  // A list whose entries have no name of their own: "la entrada 2 de los motivos".
  const entry = list?.one ?? 'entrada';
  const entryG = list?.one ? list.oneG : 'f';
  const ofList = list && !list.one ? ` de ${list.the ?? withArticle(list.name, list)}` : '';
  if (at === path.length - 1) {
    const a: Agreement = entryG ? { g: entryG } : {};
    const name = `${upperFirst(entry)} ${position}${ofList}`;
    return { name, the: withArticle(name, a), ...a };
  }
  const of = `${entry} ${position}`;
  return { ...base, name: `${base.name} (${of})`, the: `${base.the} (${of})` };
}

/** "El nombre" / "La contraseña" at the start of a sentence. */
const The = (s: Subject) => upperFirst(s.the);
const debe = (s: Agreement) => (s.pl ? 'deben' : 'debe');
const es = (s: Agreement) => (s.pl ? 'son' : 'es');
const missing = (s: Subject) => `${s.pl ? 'Faltan' : 'Falta'} ${s.the}.`;

const TYPE_WORDS: Record<string, string> = {
  string: 'ser texto',
  number: 'ser un número',
  int: 'ser un número entero',
  boolean: 'ser true o false',
  array: 'ser una lista',
  object: 'ser un conjunto de campos',
};

const FORMAT_WORDS: Record<string, string> = {
  datetime: 'ser una fecha y hora como 2026-05-01T09:00:00Z',
  date: 'ser una fecha como 2026-05-01',
  time: 'ser una hora como 09:00',
  email: 'ser una dirección de correo electrónico',
  url: 'ser una dirección web',
};

const notValid = (s: Subject) => `${The(s)} no ${es(s)} ${agree(s, 'válid')}.`;

function productSentence(issue: Issue, s: Subject): string {
  const isMissing = !('input' in issue) || issue.input === undefined;
  switch (issue.code) {
    case 'invalid_type': {
      if (isMissing) return missing(s);
      const words = TYPE_WORDS[issue.expected];
      return words ? `${The(s)} ${debe(s)} ${words}.` : notValid(s);
    }
    case 'too_small': {
      const more = issue.inclusive === false;
      if (issue.origin === 'string') {
        if (Number(issue.minimum) <= 1) return missing(s);
        const limit = more ? `más de ${count(issue.minimum)}` : `mínimo ${count(issue.minimum)}`;
        return `${The(s)} ${es(s)} demasiado ${agree(s, 'cort')} (${limit} caracteres).`;
      }
      if (issue.origin === 'array' || issue.origin === 'set') {
        const least = more ? 'más de' : 'al menos';
        if (s.one) {
          if (Number(issue.minimum) === 1 && !more) {
            return `Elige al menos ${s.oneG === 'f' ? 'una' : 'un'} ${s.one}.`;
          }
          return `Elige ${least} ${count(issue.minimum)} ${s.ones ?? s.one}.`;
        }
        return `${The(s)} ${debe(s)} incluir ${least} ${count(issue.minimum)}.`;
      }
      const least = more ? 'mayor que' : 'como mínimo';
      return `${The(s)} ${debe(s)} ser ${least} ${count(issue.minimum)}.`;
    }
    case 'too_big': {
      const less = issue.inclusive === false;
      if (issue.origin === 'string') {
        const limit = less ? `menos de ${count(issue.maximum)}` : `máximo ${count(issue.maximum)}`;
        return `${The(s)} ${es(s)} demasiado ${agree(s, 'larg')} (${limit} caracteres).`;
      }
      if (issue.origin === 'array' || issue.origin === 'set') {
        const limit = less ? `menos de ${count(issue.maximum)}` : `máximo ${count(issue.maximum)}`;
        const many = s.ones ?? lowerFirst(s.name);
        const manyG = s.ones ? s.oneG : s.g;
        return `${manyG === 'f' ? 'Demasiadas' : 'Demasiados'} ${many} (${limit}).`;
      }
      const most = less ? 'menor que' : 'como máximo';
      return `${The(s)} ${debe(s)} ser ${most} ${count(issue.maximum)}.`;
    }
    case 'invalid_format': {
      const words = FORMAT_WORDS[issue.format];
      return words ? `${The(s)} ${debe(s)} ${words}.` : `${The(s)} no tiene el formato correcto.`;
    }
    case 'invalid_value': {
      const values = issue.values.map(String);
      if (values.length === 1) return `${The(s)} ${debe(s)} ser ${values[0]}.`;
      return values.length <= 8
        ? `${The(s)} ${debe(s)} ser uno de estos valores: ${values.join(', ')}.`
        : `${The(s)} no ${es(s)} ninguna de las opciones.`;
    }
    case 'not_multiple_of':
      return `${The(s)} ${debe(s)} ser múltiplo de ${count(issue.divisor)}.`;
    case 'invalid_key':
    case 'invalid_element':
      return `${The(s)} ${s.pl ? 'tienen' : 'tiene'} una entrada no válida.`;
    default:
      return notValid(s);
  }
}

/** A phrase the schema wrote, in Spanish after the field's name; an unknown phrase: "no es válido". */
function withSchemaWords(subject: Subject | null, words: string): string {
  const said = spanishPhrase(words, subject ?? {});
  if (!said) return subject ? notValid(subject) : 'La solicitud no es válida.';
  if ('sentence' in said) return said.sentence;
  const predicate = said.predicate;
  const end = /[?!]$/.test(predicate) ? '' : '.';
  if (!subject) return `${upperFirst(predicate)}${end}`;
  // A predicate that names its own subject ("«10.0.0.1/8» no es …", "el prefijo …") follows a colon.
  if (/^(«|el |la )/.test(predicate)) return `${subject.name}: ${predicate}${end}`;
  return `${The(subject)} ${predicate}${end}`;
}

/** One issue as a Spanish sentence a person can act on. */
export function describeIssueInSpanish(issue: Issue): string {
  if (issue.code === 'unrecognized_keys') {
    return `Esta solicitud no admite «${issue.keys[0] ?? ''}»: quítalo.`;
  }
  const subject = subjectOf(issue.path);
  const isMissing = !('input' in issue) || issue.input === undefined;
  const emptyText = issue.code === 'too_small' && issue.origin === 'string' && Number(issue.minimum) <= 1;
  const schemaWords = issue.message && issue.message !== NO_SCHEMA_WORDS ? issue.message : null;
  if (schemaWords && !emptyText && !(isMissing && issue.code === 'invalid_type')) {
    return withSchemaWords(subject, schemaWords);
  }
  return productSentence(issue, subject ?? { name: 'La solicitud', the: 'la solicitud', g: 'f' });
}

/** For a query parameter given twice. */
export function givenTwiceInSpanish(key: string): string {
  const subject = subjectOf([key]) ?? { name: wordsOfKey(key), the: lowerFirst(wordsOfKey(key)) };
  return `${The(subject)} ${subject.pl ? 'aparecen' : 'aparece'} más de una vez: indícalo solo una vez.`;
}
