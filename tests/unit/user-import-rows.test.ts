import { describe, expect, test } from 'vitest';
import type { UserView } from '../../server/contracts/schemas.js';
import { LookalikeIndex } from '../../server/domain/confusable-names.js';
import { GroupIndex, planImport, type ImportLookups } from '../../server/features/people/user-import-rows.js';

const columns = {
  userPrincipalName: 0,
  displayName: 1,
  role: 2,
  groups: 3,
  accountEnabled: 4,
  employeeId: 5,
};
const HEADER_LENGTH = 6;

const existingUser: UserView = {
  id: 'u1',
  userPrincipalName: 'Ana@Example.test',
  displayName: 'Ana',
  employeeId: 'E1',
  role: 'worker',
  groupIds: ['g1'],
  accountEnabled: true,
  offboarded: null,
  createdDateTime: '2026-01-01T00:00:00.000Z',
};

const lookups = (overrides: Partial<ImportLookups> = {}): ImportLookups => ({
  existing: new Map([['ana@example.test', existingUser]]),
  groups: new GroupIndex([
    { id: 'g1', displayName: 'Lisbon' },
    { id: 'g2', displayName: 'Porto' },
  ]),
  actorUserId: 'admin',
  ...overrides,
});

const plan = (rows: string[][], l = lookups()) =>
  planImport(
    rows.map((cells, i) => ({ row: i + 2, cells })),
    columns,
    HEADER_LENGTH,
    l,
  );

describe('new people', () => {
  test('defaults for empty cells; role in any case; stores by name in any case', () => {
    const [row] = plan([['bo@example.test', 'Bo', 'MANAGER', 'porto;LISBON', '', '']]);
    expect(row).toEqual({
      row: 2,
      userPrincipalName: 'bo@example.test',
      action: 'create',
      input: {
        userPrincipalName: 'bo@example.test',
        displayName: 'Bo',
        role: 'manager',
        groupIds: ['g2', 'g1'],
        accountEnabled: true,
      },
    });
  });

  test('every problem of a row is listed, one per column', () => {
    const [row] = plan([['has space', '', 'boss', 'Atlantis', 'perhaps', '']]);
    expect(row).toMatchObject({ action: 'error' });
    const errors = row!.action === 'error' ? row!.errors : [];
    expect(errors.map((e) => e.field).sort()).toEqual([
      'accountEnabled',
      'displayName',
      'groups',
      'role',
      'userPrincipalName',
    ]);
  });
});

describe('existing people (matched by UPN in any case)', () => {
  test('the same values are unchanged; empty cells keep the stored value', () => {
    expect(plan([['ANA@example.test', 'Ana', 'worker', 'lisbon', 'true', 'E1']])[0]!.action).toBe(
      'unchanged',
    );
    expect(plan([['ana@example.test', '', '', '', '', '']])[0]!.action).toBe('unchanged');
  });

  test('only the differing fields are patched', () => {
    expect(plan([['ana@example.test', 'Ana', 'worker', 'Porto', '', 'E2']])[0]).toEqual({
      row: 2,
      userPrincipalName: 'ana@example.test',
      action: 'update',
      userId: 'u1',
      patch: { groupIds: ['g2'], employeeId: 'E2' },
    });
  });

  test('the importing admin may not disable themselves', () => {
    const [row] = plan([['ana@example.test', '', '', '', 'false', '']], lookups({ actorUserId: 'u1' }));
    expect(row).toMatchObject({
      action: 'error',
      errors: [{ field: 'accountEnabled', message: 'you cannot disable your own account' }],
    });
  });
});

test('duplicates: the later row is the error and names the first', () => {
  const rows = plan([
    ['x@example.test', 'X', '', '', '', ''],
    ['y@example.test', 'Y', '', '', '', ''],
    ['X@EXAMPLE.TEST', 'X again', '', '', '', ''],
  ]);
  expect(rows.map((r) => r.action)).toEqual(['create', 'create', 'error']);
  expect(rows[2]).toMatchObject({
    errors: [{ field: 'userPrincipalName', message: 'appears again: first on row 2' }],
  });
});

test('more cells than the header has is a row error', () => {
  const [row] = plan([['z@example.test', 'Z', '', '', '', '', 'extra']]);
  expect(row).toMatchObject({ action: 'error', errors: [{ field: 'row' }] });
});

test('GroupIndex: a name shared by two stores must be given by id', () => {
  const index = new GroupIndex([
    { id: 'a', displayName: 'Twin' },
    { id: 'b', displayName: 'twin ' },
  ]);
  expect(index.resolve('TWIN')).toEqual({ message: "several stores are named “TWIN”; use the store's id" });
  expect(index.resolve('b')).toEqual({ id: 'b' });
  expect(index.resolve('nope')).toEqual({ message: 'no store is named “nope”' });
});

test('GroupIndex: a store name typed with a decomposed é finds the store (NFC)', () => {
  const index = new GroupIndex([{ id: 'm', displayName: 'Mérida' }]);
  expect(index.resolve('Me\u0301rida')).toEqual({ id: 'm' });
  expect(index.resolve('ME\u0301RIDA')).toEqual({ id: 'm' });
});

test('a decomposed sign-in name is planned under its NFC form, as the API stores it', () => {
  const [row] = plan([['jose\u0301@example.test', 'José', '', '', '', '']]);
  expect(row).toMatchObject({ action: 'create', userPrincipalName: 'jos\u00e9@example.test' });
});

test('a new person whose sign-in name looks like someone else’s is planned with a warning naming them', () => {
  const ana = { id: 'u1', userPrincipalName: 'ana@example.test', displayName: 'Ana' };
  const l = lookups({ lookalikes: new LookalikeIndex([ana]) });
  const [lookalike, ordinary] = plan(
    [
      ['\u0430na@example.test', 'Not Ana', '', '', '', ''],
      ['carla@example.test', 'Carla', '', '', '', ''],
    ],
    l,
  );
  expect(lookalike).toMatchObject({
    action: 'create',
    warnings: [{ code: 'LOOKALIKE_SIGN_IN_NAME', existing: ana }],
  });
  expect(ordinary).not.toHaveProperty('warnings');
});
