/**
 * The language of error messages: a refusal is worded in the request's Accept-Language when the
 * product speaks it (Spanish for es-ES, es-419, "de, es;q=0.5"), in English otherwise (no header,
 * German, Spanish refused with q=0); its code, status and every other field stay the same.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { readError, startHarness, type ErrorEnvelope, type Harness } from '../support/api-harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

const SPANISH = 'es-ES,es;q=0.9';

/** An error body without its sentences: the message, and each listed problem's message. */
function withoutWords(error: ErrorEnvelope['error']): Record<string, unknown> {
  const { message: _message, ...rest } = error;
  const problems = rest.problems as { message?: string }[] | undefined;
  if (!problems) return rest;
  return { ...rest, problems: problems.map(({ message: _words, ...problem }) => problem) };
}

/** The same request in three languages: Spanish, no header, German (English for the last two). */
async function inEachLanguage(
  method: string,
  path: string,
  body?: unknown,
): Promise<{
  es: ErrorEnvelope['error'];
  en: ErrorEnvelope['error'];
  de: ErrorEnvelope['error'];
  status: number;
}> {
  const ask = async (language?: string) => {
    const headers: Record<string, string> = language ? { 'accept-language': language } : {};
    const res = await h.request(method, path, { headers, ...(body !== undefined && { body }) });
    return { status: res.status, error: (await readError(res)).error };
  };
  const [es, en, de] = [await ask(SPANISH), await ask(), await ask('de-DE,de;q=0.9')];
  expect(new Set([es.status, en.status, de.status]).size).toBe(1);
  // Everything but the words is the same in every language.
  expect(withoutWords(es.error)).toEqual(withoutWords(en.error));
  expect(de.error).toEqual(en.error);
  return { es: es.error, en: en.error, de: de.error, status: es.status };
}

let counter = 0;
const unique = (prefix: string) => `${prefix} ${++counter}`;

describe('error messages in the request’s language', () => {
  test('a validation failure with a limit', async () => {
    const { es, en, status } = await inEachLanguage('POST', '/api/admin/groups', {
      displayName: 'x'.repeat(300),
    });
    expect(status).toBe(400);
    expect(en).toMatchObject({ code: 'VALIDATION_FAILED', field: 'displayName' });
    expect(en.message).toMatch(/^Name is too long \(at most \d+ characters\)\.$/);
    expect(es.message).toMatch(/^El nombre es demasiado largo \(máximo \d+ caracteres\)\.$/);
  });

  test('a missing field and a number out of range', async () => {
    const missing = await inEachLanguage('POST', '/api/admin/users', { displayName: 'Ana' });
    expect(missing.en.message).toBe('Enter a sign-in name.');
    expect(missing.es.message).toBe('Falta el nombre de inicio de sesión.');

    const page = await inEachLanguage('GET', '/api/admin/users?limit=100000');
    expect(page.en.field).toBe('limit');
    expect(page.en.message).toMatch(/^Page size must be at most \d+\.$/);
    expect(page.es.message).toMatch(/^El tamaño de página debe ser como máximo \d+\.$/);
  });

  test('a thing that is not there, and a route that is not there', async () => {
    const user = await inEachLanguage('GET', '/api/admin/users/00000000-0000-4000-8000-000000000000');
    expect(user).toMatchObject({ status: 404, en: { code: 'NOT_FOUND', message: 'No user has this id.' } });
    expect(user.es.message).toBe('Ninguna persona tiene este id.');

    const route = await inEachLanguage('GET', '/api/no-such-thing');
    expect(route).toMatchObject({ status: 404, en: { code: 'NOT_FOUND', message: 'No such API route.' } });
    expect(route.es.message).toBe('Esta ruta de la API no existe.');
  });

  test('a conflict worded by the service, and one with the code’s own sentence', async () => {
    const app = {
      displayName: unique('Rota'),
      clientType: 'public',
      redirectUris: ['https://rota.example.com/callback'],
    };
    expect((await h.request('POST', '/api/admin/apps', { body: app })).status).toBe(201);
    const again = await inEachLanguage('POST', '/api/admin/apps', app);
    expect(again).toMatchObject({ status: 409, en: { code: 'NAME_ALREADY_EXISTS', field: 'displayName' } });
    expect(again.en.message).toBe(`An app named '${app.displayName}' already exists.`);
    expect(again.es.message).toBe(`Ya existe una app llamada «${app.displayName}».`);

    const person = {
      userPrincipalName: `${unique('ana')}@example.test`.replace(' ', ''),
      displayName: 'Ana',
    };
    expect((await h.request('POST', '/api/admin/users', { body: person })).status).toBe(201);
    const twice = await inEachLanguage('POST', '/api/admin/users', person);
    expect(twice).toMatchObject({ status: 409, en: { code: 'USER_ALREADY_EXISTS' } });
    expect(twice.en.message).toBe('A user with this userPrincipalName already exists.');
    expect(twice.es.message).toBe('Ya existe una persona con este nombre de inicio de sesión.');
  });

  test('a refusal that lists its problems words each of them', async () => {
    const missingPerson = '00000000-0000-4000-8000-000000000001';
    const { es, en, status } = await inEachLanguage('POST', '/api/admin/conditional-access/policies', {
      displayName: unique('Night shift'),
      state: 'disabled',
      grant: 'allow',
      conditions: { users: { include: [missingPerson] } },
    });
    expect(status).toBe(400);
    expect(en.problems).toEqual([
      {
        field: 'conditions.users.include',
        message: `A person in “People included” no longer exists (${missingPerson}).`,
      },
    ]);
    expect(es.problems).toEqual([
      {
        field: 'conditions.users.include',
        message: `Una persona de «Personas incluidas» ya no existe (${missingPerson}).`,
      },
    ]);
    expect(es.message).toBe((es.problems as { message: string }[])[0]!.message);
  });

  test('the language is the first the product speaks, in the order of the header’s q values', async () => {
    const ask = async (language: string) => {
      const res = await h.request('GET', '/api/no-such-thing', { headers: { 'accept-language': language } });
      return (await readError(res)).error.message;
    };
    expect(await ask('de, es;q=0.5, en;q=0.1')).toBe('Esta ruta de la API no existe.');
    expect(await ask('es-419')).toBe('Esta ruta de la API no existe.');
    expect(await ask('en;q=0.4, es;q=0.8')).toBe('Esta ruta de la API no existe.');
    expect(await ask('es;q=0, de')).toBe('No such API route.');
    expect(await ask('ES')).toBe('Esta ruta de la API no existe.');
    expect(await ask('*')).toBe('No such API route.');
    expect(await ask(';;;,,q=')).toBe('No such API route.');
  });
});
