/**
 * Issue 13, finding 4: text that hides what it says. A NUL cut "admin\0x" to "admin" when read back,
 * a text-direction override reversed a name on screen, a decomposed "é" made a second "josé", and a
 * Cyrillic "а" made a second "admin". Each is refused or reported, through the API and the CSV import.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { ImportResult } from '../../server/contracts/bulk.js';
import type { UserWriteView } from '../../server/contracts/directory.js';
import type { Page } from '../../server/contracts/pagination.js';
import type { UserView } from '../../server/contracts/schemas.js';
import {
  createUser,
  queryRows,
  readError,
  readJson,
  startHarness,
  type Harness,
} from '../support/api-harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

const postUser = (body: Record<string, unknown>) => h.request('POST', '/api/admin/users', { body });
const usersNamed = async (upn: string) =>
  queryRows(
    h,
    'select user_principal_name as upn from users where lower(user_principal_name) like lower(?)',
    [`${upn}%`],
  );

describe('control and text-direction characters', () => {
  test('a NUL in a sign-in name is 400 naming userPrincipalName, and no second "admin" appears', async () => {
    await createUser(h, { userPrincipalName: 'nul-admin', displayName: 'The admin' });
    const res = await postUser({ userPrincipalName: 'nul-admin\u0000x', displayName: 'Mallory' });
    expect(res.status).toBe(400);
    const { error } = await readError(res);
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.field).toBe('userPrincipalName');
    expect(error.message).toMatch(/U\+0000/);
    expect(await usersNamed('nul-admin')).toEqual([{ upn: 'nul-admin' }]);
  });

  test('a text-direction override in a display name is 400 naming displayName, on create and on rename', async () => {
    const created = await postUser({ userPrincipalName: 'rlo', displayName: 'Ana \u202eavliS' });
    expect(created.status).toBe(400);
    expect((await readError(created)).error.field).toBe('displayName');

    const user = await createUser(h, { userPrincipalName: 'rlo2', displayName: 'Ana' });
    const renamed = await h.request('PATCH', `/api/admin/users/${user.id}`, {
      body: { displayName: 'Ana\u2066x' },
    });
    expect(renamed.status).toBe(400);
    expect((await readError(renamed)).error.field).toBe('displayName');
  });

  test('the other names are refused the same way: a store, a network, an access rule, a store app, a kiosk link', async () => {
    const CA = '/api/admin/conditional-access';
    const cases: [string, string, Record<string, unknown>, string][] = [
      ['POST', '/api/admin/groups', { displayName: 'Porto\u0000' }, 'displayName'],
      [
        'POST',
        `${CA}/named-locations`,
        { displayName: 'Shop\u202e', cidrs: ['192.0.2.0/24'] },
        'displayName',
      ],
      [
        'POST',
        `${CA}/policies`,
        { displayName: 'Rule\u0085', state: 'disabled', grant: 'block', conditions: {} },
        'displayName',
      ],
      [
        'POST',
        '/api/admin/apps',
        { displayName: 'Rota\u200f', clientType: 'public', redirectUris: ['https://r.example/cb'] },
        'displayName',
      ],
      [
        'PUT',
        '/api/admin/kiosk/apps',
        { apps: [{ name: 'Rota\u2067', url: 'https://r.example/' }] },
        'apps.0.name',
      ],
    ];
    for (const [method, path, body, field] of cases) {
      const res = await h.request(method, path, { body });
      expect(res.status, path).toBe(400);
      const { error } = await readError(res);
      expect([error.code, error.field], path).toEqual(['VALIDATION_FAILED', field]);
    }
  });
});

describe('NFC', () => {
  test('a decomposed é is stored composed and is the same sign-in name as the composed one', async () => {
    const res = await postUser({ userPrincipalName: 'jose\u0301@store1', displayName: 'Jose\u0301 Silva' });
    expect(res.status).toBe(201);
    const user = await readJson<UserView>(res);
    expect(user.userPrincipalName).toBe('jos\u00e9@store1');
    expect(user.displayName).toBe('Jos\u00e9 Silva');

    const again = await postUser({ userPrincipalName: 'jos\u00e9@store1', displayName: 'Another José' });
    expect(again.status).toBe(409);
    expect((await readError(again)).error.code).toBe('USER_ALREADY_EXISTS');

    const found = await h.request('GET', `/api/admin/users?search=${encodeURIComponent('Jose\u0301 S')}`);
    expect((await readJson<Page<UserView>>(found)).value.map((u) => u.id)).toEqual([user.id]);
  });
});

describe('CSV import', () => {
  test('a row with a NUL or an override is refused with its row number and column; the others are imported', async () => {
    const csv =
      'userPrincipalName,displayName\n' +
      'csv-ok@store1,Ana\n' +
      'csv-nul@store1\u0000x,Mallory\n' +
      'csv-rlo@store1,"Bo \u202eavliS"\n' +
      'csv-nfc@store1,Jose\u0301\n';
    const res = await h.request('POST', '/api/admin/users/import', { body: { csv, dryRun: false } });
    expect(res.status).toBe(200);
    const result = await readJson<ImportResult>(res);
    expect(result.summary).toEqual({ created: 2, updated: 0, unchanged: 0, failed: 2 });
    const failed = result.rows.filter((r) => r.action === 'error');
    expect(failed.map((r) => [r.row, r.errors.map((e) => e.field)])).toEqual([
      [3, ['userPrincipalName']],
      [4, ['displayName']],
    ]);
    expect(failed[0]!.errors[0]!.message).toMatch(/control characters/);
    expect(failed[1]!.errors[0]!.message).toMatch(/text-direction/);
    expect(await usersNamed('csv-')).toHaveLength(2);
  });

  test('a decomposed sign-in name in the file finds the person stored composed', async () => {
    await createUser(h, { userPrincipalName: 'm\u00e1rio@store1', displayName: 'Mário' });
    const csv = 'userPrincipalName,displayName\nma\u0301rio@store1,Mário Sousa\n';
    const res = await h.request('POST', '/api/admin/users/import', { body: { csv, dryRun: true } });
    const result = await readJson<ImportResult>(res);
    expect(result.rows.map((r) => r.action)).toEqual(['update']);
  });
});

describe('lookalike sign-in names', () => {
  test('an import row with a lookalike of an existing sign-in name is imported with a warning naming that person', async () => {
    const dora = await createUser(h, { userPrincipalName: 'dora@store1', displayName: 'Dora Lima' });
    const csv = 'userPrincipalName,displayName\nd\u043era@store1,Not Dora\nelias@store1,Elias\n';
    for (const dryRun of [true, false]) {
      const res = await h.request('POST', '/api/admin/users/import', { body: { csv, dryRun } });
      const result = await readJson<ImportResult>(res);
      expect(result.rows.map((r) => [r.row, r.action])).toEqual([
        [2, 'create'],
        [3, 'create'],
      ]);
      expect(result.rows[0]!.warnings?.map((w) => [w.code, w.existing.id])).toEqual([
        ['LOOKALIKE_SIGN_IN_NAME', dora.id],
      ]);
      expect(result.rows[1]).not.toHaveProperty('warnings');
    }
  });

  test('a name that looks like an existing one is created with a warning naming that person; an ordinary one without', async () => {
    const ana = await createUser(h, { userPrincipalName: 'admin', displayName: 'Ana Silva' });
    const res = await postUser({ userPrincipalName: '\u0430dmin', displayName: 'Not Ana' });
    expect(res.status).toBe(201);
    const created = await readJson<UserWriteView>(res);
    expect(created.userPrincipalName).toBe('\u0430dmin');
    expect(created.warnings).toEqual([
      {
        code: 'LOOKALIKE_SIGN_IN_NAME',
        message: 'This sign-in name looks like the existing “admin” (Ana Silva). Check it is not a trick.',
        existing: { id: ana.id, userPrincipalName: 'admin', displayName: 'Ana Silva' },
      },
    ]);

    const ordinary = await postUser({ userPrincipalName: 'carla.reis', displayName: 'Carla Reis' });
    expect(ordinary.status).toBe(201);
    expect(await readJson<UserWriteView>(ordinary)).not.toHaveProperty('warnings');
  });

  test('renaming someone to a lookalike warns; changing anything else does not', async () => {
    const bo = await createUser(h, { userPrincipalName: 'bo.costa', displayName: 'Bo Costa' });
    const other = await createUser(h, { userPrincipalName: 'bo.c0sta-2', displayName: 'Other' });
    const renamed = await h.request('PATCH', `/api/admin/users/${other.id}`, {
      body: { userPrincipalName: 'b\u043e.costa' }, // Cyrillic о
    });
    expect(renamed.status).toBe(200);
    const view = await readJson<UserWriteView>(renamed);
    expect(view.warnings?.map((w) => w.existing.id)).toEqual([bo.id]);

    const retitled = await h.request('PATCH', `/api/admin/users/${other.id}`, {
      body: { displayName: 'Other B' },
    });
    expect(await readJson<UserWriteView>(retitled)).not.toHaveProperty('warnings');
  });
});
