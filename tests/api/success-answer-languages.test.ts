/**
 * The words of success answers come in the request's language as error messages do: an import's row
 * problems and warnings, the lookalike sign-in name warning and the access-policy warnings are
 * Spanish for `Accept-Language: es` and English without the header; the codes never change. A
 * refused policy's list of problems is worded the same way.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { ImportResult } from '../../server/contracts/bulk.js';
import type {
  FieldProblem,
  PolicyTemplateView,
  PolicyView,
} from '../../server/contracts/conditional-access.js';
import type { UserWriteView } from '../../server/contracts/directory.js';
import { createUser, readError, readJson, startHarness, type Harness } from '../support/api-harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

const SPANISH = { 'accept-language': 'es' };
const CA = '/api/admin/conditional-access';

describe('an import', () => {
  const csv = [
    'userPrincipalName,displayName,accountEnabled,groups',
    'rosa@words.test,Rosa,maybe,',
    'rosa@words.test,Rosa again,,',
    'tomas@words.test,,,No Such Store',
  ].join('\n');
  const problems = (result: ImportResult) => result.rows.map((row) => row.errors.map((e) => e.message));

  test('words each row problem in Spanish for Accept-Language: es', async () => {
    const res = await h.request('POST', '/api/admin/users/import', {
      body: { csv, dryRun: true },
      headers: SPANISH,
    });
    expect(res.status).toBe(200);
    expect(problems(await readJson<ImportResult>(res))).toEqual([
      ['debe ser true o false'],
      ['aparece de nuevo: la primera vez en la fila 2'],
      ['ninguna tienda se llama «No Such Store»', 'es obligatorio'],
    ]);
  });

  test('words them in English without the header', async () => {
    const res = await h.request('POST', '/api/admin/users/import', { body: { csv, dryRun: true } });
    expect(problems(await readJson<ImportResult>(res))).toEqual([
      ['must be true or false'],
      ['appears again: first on row 2'],
      ['no store is named “No Such Store”', 'is required'],
    ]);
  });

  test('words a lookalike warning on a row in the request language', async () => {
    await createUser(h, { userPrincipalName: 'dora@words.test', displayName: 'Dora Lima' });
    const lookalike = 'userPrincipalName,displayName\nd\u043era@words.test,Not Dora\n';
    const ask = async (headers: Record<string, string>) =>
      (
        await readJson<ImportResult>(
          await h.request('POST', '/api/admin/users/import', {
            body: { csv: lookalike, dryRun: true },
            headers,
          }),
        )
      ).rows[0]!.warnings;
    expect(await ask(SPANISH)).toEqual([
      expect.objectContaining({
        code: 'LOOKALIKE_SIGN_IN_NAME',
        message:
          'Este nombre de inicio de sesión se parece al de «dora@words.test» (Dora Lima), que ya existe. Comprueba que no sea un engaño.',
      }),
    ]);
    expect(await ask({})).toEqual([
      expect.objectContaining({
        code: 'LOOKALIKE_SIGN_IN_NAME',
        message:
          'This sign-in name looks like the existing “dora@words.test” (Dora Lima). Check it is not a trick.',
      }),
    ]);
  });
});

describe('the lookalike sign-in name warning', () => {
  test('comes in Spanish for Accept-Language: es and in English without it, on create and rename', async () => {
    await createUser(h, { userPrincipalName: 'manager', displayName: 'Marta Ruiz' });
    const spanish = await h.request('POST', '/api/admin/users', {
      body: { userPrincipalName: 'm\u0430nager', displayName: 'Not Marta' },
      headers: SPANISH,
    });
    expect(spanish.status).toBe(201);
    const created = await readJson<UserWriteView>(spanish);
    expect(created.warnings?.map((w) => [w.code, w.message])).toEqual([
      [
        'LOOKALIKE_SIGN_IN_NAME',
        'Este nombre de inicio de sesión se parece al de «manager» (Marta Ruiz), que ya existe. Comprueba que no sea un engaño.',
      ],
    ]);

    const other = await createUser(h, { userPrincipalName: 'someone.else', displayName: 'Someone' });
    const renamed = await h.request('PATCH', `/api/admin/users/${other.id}`, {
      body: { userPrincipalName: 'man\u0430ger' },
    });
    // Both "manager" and the Cyrillic "mаnager" just made look like it: each is named, in English.
    const messages = (await readJson<UserWriteView>(renamed)).warnings?.map((w) => w.message);
    expect(messages).toContain(
      'This sign-in name looks like the existing “manager” (Marta Ruiz). Check it is not a trick.',
    );
  });
});

describe('the access-policy warnings', () => {
  test('come in Spanish for Accept-Language: es and in English without it; the codes stay', async () => {
    const templates = async (headers: Record<string, string>) =>
      (
        await readJson<{ value: PolicyTemplateView[] }>(
          await h.request('GET', `${CA}/templates`, { headers }),
        )
      ).value;
    const template = (await templates({})).find((t) => t.warnings.length > 0)!;
    expect(template.warnings[0]!.message).toMatch(/^This policy needs the person's own store network/);
    const inSpanish = (await templates(SPANISH)).find((t) => t.id === template.id)!;
    expect(inSpanish.warnings.map((w) => w.code)).toEqual(['NO_STORE_NETWORK']);
    expect(inSpanish.warnings[0]!.message).toMatch(/^Esta directiva exige la red de la propia tienda/);

    const res = await h.request('POST', `${CA}/policies`, { body: template.policy, headers: SPANISH });
    expect(res.status).toBe(201);
    const saved = await readJson<PolicyView>(res);
    expect(saved.warnings).toEqual([{ code: 'NO_STORE_NETWORK', message: inSpanish.warnings[0]!.message }]);

    const read = async (path: string, headers: Record<string, string>) =>
      readJson<PolicyView>(await h.request('GET', path, { headers }));
    expect((await read(`${CA}/policies/${saved.id}`, {})).warnings).toEqual(template.warnings);
    expect((await read(`${CA}/policies/${saved.id}`, SPANISH)).warnings).toEqual(saved.warnings);
    const list = await readJson<{ value: PolicyView[] }>(
      await h.request('GET', `${CA}/policies`, { headers: SPANISH }),
    );
    expect(list.value.find((p) => p.id === saved.id)?.warnings).toEqual(saved.warnings);
    const patched = await h.request('PATCH', `${CA}/policies/${saved.id}`, {
      body: { state: 'disabled' },
      headers: SPANISH,
    });
    expect((await readJson<PolicyView>(patched)).warnings).toEqual(saved.warnings);
  });

  test("a refused policy's problems come in Spanish too", async () => {
    const body = {
      displayName: 'Night',
      state: 'enabled',
      grant: 'block',
      conditions: {
        timeWindows: [{ days: ['mon'], start: '22:00', end: '06:00', timeZone: 'Mars/Olympus' }],
      },
    };
    const ask = async (headers: Record<string, string>) => {
      const res = await h.request('POST', `${CA}/policies`, { body, headers });
      expect(res.status).toBe(400);
      const { error } = await readError(res);
      return { message: error.message, problems: error.problems as FieldProblem[] };
    };
    const english = await ask({});
    expect(english.problems).toEqual([
      {
        field: 'conditions.timeWindows.0.timeZone',
        message: 'Time zone of time window 1 must be an IANA time zone name such as Europe/Lisbon.',
      },
    ]);
    const spanish = await ask(SPANISH);
    expect(spanish.problems.map((p) => p.field)).toEqual(['conditions.timeWindows.0.timeZone']);
    expect(spanish.problems[0]!.message).not.toBe(english.problems[0]!.message);
    expect(spanish.message).toBe(spanish.problems[0]!.message);
    expect(spanish.problems[0]!.message).toMatch(/zona horaria/i);
  });
});
