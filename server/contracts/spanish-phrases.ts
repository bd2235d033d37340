/**
 * Spanish for the English phrases other modules word a rule with: a schema's own words ("must be an
 * IANA time zone name such as Europe/Lisbon", server/contracts), a domain check's ("pick at least one
 * day", server/domain), a key check's ("must be a public key", server/platform/app-keys.ts).
 * Those modules speak English only; each phrase they can say has its Spanish here, matched by its
 * whole text (numbers, names and values kept). A phrase not listed here reads as a plain "no es
 * válido" (tests/unit/validation-messages-es.test.ts walks every schema so that stays rare).
 *
 * A predicate agrees with its subject: `a` says whether the field's noun is feminine and/or plural.
 */

export interface Agreement {
  g?: 'f';
  pl?: true;
}

const es = new Intl.NumberFormat('es');
/** A number in the English text, written the Spanish way (10000 → 10.000). */
const n = (digits: string) => es.format(Number(digits.replace(/,/g, '')));
const verb = (a: Agreement, one: string, many: string) => (a.pl ? many : one);
/** "vací" → vacío, vacía, vacíos, vacías. */
export const agree = (a: Agreement, stem: string) => `${stem}${a.g === 'f' ? 'a' : 'o'}${a.pl ? 's' : ''}`;
const debe = (a: Agreement) => verb(a, 'debe', 'deben');
const noPuede = (a: Agreement) => verb(a, 'no puede', 'no pueden');

/** What a phrase says in Spanish: a predicate after the field's name, or a whole sentence. */
export type SpanishPhrase = { predicate: string } | { sentence: string };

type Rule = [RegExp, (match: RegExpMatchArray, a: Agreement) => SpanishPhrase | string];

const HIDDEN = (found: string) => `(hay ${found})`;

const RULES: Rule[] = [
  // Whole requests
  [/^give at least one field to change$/, () => ({ sentence: 'Indica al menos un dato que cambiar.' })],
  [
    /^give code or recoveryCode, exactly one$/,
    () => ({
      sentence:
        'Escribe el código de tu app de autenticación o un código de recuperación, solo uno de los dos.',
    }),
  ],
  [
    /^give qr or shortCode, not both$/,
    () => ({ sentence: 'Escanea la credencial o escribe su código, pero no las dos cosas.' }),
  ],
  [
    /^give the scanned qr or the typed shortCode$/,
    () => ({ sentence: 'Escanea la credencial o escribe el código impreso en ella.' }),
  ],
  // A value that is missing, repeated or malformed
  [/^is empty$/, (_, a) => `${verb(a, 'está', 'están')} ${agree(a, 'vací')}`],
  [/^must not be empty$/, (_, a) => `${noPuede(a)} estar ${agree(a, 'vací')}`],
  [/^is listed twice$/, (_, a) => verb(a, 'aparece dos veces', 'aparecen dos veces')],
  [/^is not a valid cursor$/, (_, a) => `no ${verb(a, 'es', 'son')} una página válida`],
  [/^is not a valid public key$/, (_, a) => `no ${verb(a, 'es', 'son')} una clave pública válida`],
  [
    /^is part of a private key: give only the public key$/,
    (_, a) => `${verb(a, 'es', 'son')} parte de una clave privada: da solo la clave pública`,
  ],
  [/^list at least one address range$/, (_, a) => `${debe(a)} incluir al menos un rango de direcciones`],
  [/^list at least one address$/, (_, a) => `${debe(a)} incluir al menos una dirección`],
  [/^list at least one key$/, (_, a) => `${debe(a)} incluir al menos una clave`],
  [/^list at most ([\d,]+) addresses$/, (m, a) => `${debe(a)} incluir como máximo ${n(m[1]!)} direcciones`],
  [/^pick at least one day$/, () => 'debe incluir al menos un día'],
  [/^unknown day$/, (_, a) => `${verb(a, 'tiene', 'tienen')} un día que no existe`],
  [/^must be after from$/, (_, a) => `${debe(a)} ser posterior a la fecha de inicio`],
  [/^must be a whole number$/, (_, a) => `${debe(a)} ser un número entero`],
  [/^must be at least ([\d,]+) characters$/, (m, a) => `${debe(a)} tener al menos ${n(m[1]!)} caracteres`],
  [/^must be at most ([\d,]+) characters$/, (m, a) => `${debe(a)} tener como máximo ${n(m[1]!)} caracteres`],
  [/^must be a time from (\S+) to (\S+)$/, (m, a) => `${debe(a)} ser una hora de ${m[1]} a ${m[2]}`],
  [/^must be ('[^']*'(?:, '[^']*')*) or ('[^']*')$/, (m, a) => `${debe(a)} ser ${m[1]} o ${m[2]}`],
  [/^must be one of (.+)$/, (m, a) => `${debe(a)} ser uno de estos valores: ${m[1]}`],
  [
    /^must be an IANA time zone name such as (\S+)$/,
    (m, a) => `${debe(a)} ser una zona horaria IANA, como ${m[1]}`,
  ],
  [
    /^must be an IPv4 or IPv6 address such as (\S+)$/,
    (m, a) => `${debe(a)} ser una dirección IPv4 o IPv6, como ${m[1]}`,
  ],
  [/^must be an error code such as (\S+)$/, (m, a) => `${debe(a)} ser un código de error, como ${m[1]}`],
  // Web addresses
  [
    /^must be a full web address such as (\S+)$/,
    (m, a) => `${debe(a)} ser una dirección web completa, como ${m[1]}`,
  ],
  [
    /^must be an absolute https:\/\/ address without a user name or password$/,
    (_, a) => `${debe(a)} ser una dirección https:// completa, sin usuario ni contraseña`,
  ],
  [
    /^must start with https:\/\/ \(http:\/\/ only for localhost or 127\.0\.0\.1, while developing\)$/,
    (_, a) =>
      `${debe(a)} empezar por https:// (http:// solo para localhost o 127.0.0.1, durante el desarrollo)`,
  ],
  [/^must start with (\S+)$/, (m, a) => `${debe(a)} empezar por ${m[1]}`],
  [/^must not contain a # fragment$/, (_, a) => `${noPuede(a)} contener un fragmento #`],
  [/^must not contain a user name or password$/, (_, a) => `${noPuede(a)} contener usuario ni contraseña`],
  // Text
  [/^must not contain spaces$/, (_, a) => `${noPuede(a)} contener espacios`],
  [
    /^must not contain a broken character \(an unpaired surrogate\)$/,
    (_, a) => `${noPuede(a)} contener un carácter dañado (un sustituto sin pareja)`,
  ],
  [
    /^must not contain hidden control characters such as tabs or line breaks \(found (\S+)\)$/,
    (m, a) =>
      `${noPuede(a)} contener caracteres de control ocultos, como tabulaciones o saltos de línea ${HIDDEN(m[1]!)}`,
  ],
  [
    /^must not contain hidden text-direction characters, often pasted along with the text \(found (\S+)\)$/,
    (m, a) =>
      `${noPuede(a)} contener caracteres ocultos de dirección del texto, que a menudo se pegan con el texto ${HIDDEN(m[1]!)}`,
  ],
  [
    /^must not contain invisible characters, often pasted along with the text \(found (\S+)\)$/,
    (m, a) =>
      `${noPuede(a)} contener caracteres invisibles, que a menudo se pegan con el texto ${HIDDEN(m[1]!)}`,
  ],
  [
    /^must not contain line breaks \(found (\S+)\)$/,
    (m, a) => `${noPuede(a)} contener saltos de línea ${HIDDEN(m[1]!)}`,
  ],
  // Keys
  [/^must be EC or RSA$/, (_, a) => `${debe(a)} ser EC o RSA`],
  [/^must be an EC or RSA key$/, (_, a) => `${debe(a)} ser una clave EC o RSA`],
  [/^must be a public key$/, (_, a) => `${debe(a)} ser una clave pública`],
  [/^must be base64url$/, (_, a) => `${debe(a)} estar en base64url`],
  [/^must be sig \(a signing key\)$/, (_, a) => `${debe(a)} ser sig (una clave de firma)`],
  [
    /^must be a signing algorithm such as (.+)$/,
    (m, a) => `${debe(a)} ser un algoritmo de firma, como ${m[1]!.replace(' or ', ' o ')}`,
  ],
  [/^must be on the (.+) curve$/, (m, a) => `${debe(a)} usar la curva ${m[1]!.replace(' or ', ' o ')}`],
  [
    /^must be an RSA key of at least ([\d,]+) bits$/,
    (m, a) => `${debe(a)} ser una clave RSA de al menos ${n(m[1]!)} bits`,
  ],
  [
    /^says (\S+) but its curve (\S+) is for (\S+)$/,
    (m, a) => `${verb(a, 'indica', 'indican')} ${m[1]}, pero su curva ${m[2]} es para ${m[3]}`,
  ],
  [
    /^says (\S+), which is not an RSA algorithm$/,
    (m, a) => `${verb(a, 'indica', 'indican')} ${m[1]}, que no es un algoritmo RSA`,
  ],
  // Network ranges: "'10.0.0.1/8' has host bits set: …" names the range it is about
  [
    /^has host bits set: did you mean (\S+) \(the network\) or (\S+) \(one address\)\?$/,
    (m, a) =>
      `${verb(a, 'tiene', 'tienen')} bits de host: ¿querías decir ${m[1]} (la red) o ${m[2]} (una dirección)?`,
  ],
  [/^'([^']*)' is not an IPv4 or IPv6 address$/, (m) => `«${m[1]}» no es una dirección IPv4 o IPv6`],
  [
    /^the prefix after '\/' must be a whole number from 0 to (\d+)$/,
    (m) => `el prefijo después de «/» debe ser un número entero de 0 a ${m[1]}`,
  ],
  // The header of an imported CSV file (server/domain/import-columns.ts)
  [
    /^The header names the column (.+) twice$/,
    (m) => ({ sentence: `El encabezado nombra dos veces la columna ${m[1]}.` }),
  ],
  [
    /^The header has both a (.+) and a (.+) column, which mean the same\. Keep one of them$/,
    (m) => ({
      sentence: `El encabezado tiene una columna ${m[1]} y otra ${m[2]}, que significan lo mismo. Deja solo una.`,
    }),
  ],
  [
    /^The header row needs a column named (.+)$/,
    (m) => ({ sentence: `La fila de encabezado necesita una columna llamada ${m[1]}.` }),
  ],
];

/** The Spanish of an English phrase (its final full stop ignored), or null when it has none here. */
export function spanishPhrase(english: string, a: Agreement = {}): SpanishPhrase | null {
  const phrase = english.trim().replace(/\.$/, '');
  // A phrase about a value it quotes first: "'10.0.0.1/8' has host bits set: …".
  const quoted = /^'([^']*)' (.+)$/.exec(phrase);
  if (quoted && !/^is not an IPv4/.test(quoted[2]!)) {
    const rest = spanishPhrase(quoted[2]!, {});
    if (rest && 'predicate' in rest) return { predicate: `«${quoted[1]}» ${rest.predicate}` };
  }
  for (const [pattern, word] of RULES) {
    const match = pattern.exec(phrase);
    if (!match) continue;
    const said = word(match, a);
    return typeof said === 'string' ? { predicate: said } : said;
  }
  return null;
}
