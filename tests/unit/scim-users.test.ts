/** The pure rules between a Shiftpass person and a SCIM User (server/domain/scim-users.ts). */
import { describe, expect, test } from 'vitest';
import {
  derivedName,
  ENTERPRISE_USER_SCHEMA,
  lenientBoolean,
  readOnlyPathOf,
  roleOf,
  scimUserInputOf,
  scimUserOf,
  ScimValueError,
  withEntraManager,
  withEntraTypedValues,
  withLenientBooleans,
  withLenientBooleansInUser,
  withOneRole,
  workEmailOf,
  type ScimPerson,
} from '../../server/domain/scim-users.js';

const person: ScimPerson = {
  id: 'u1',
  userPrincipalName: 'ana@example.test',
  displayName: 'Ana María García',
  employeeId: null,
  role: 'worker',
  accountEnabled: true,
  externalId: null,
  email: null,
  givenName: null,
  familyName: null,
  createdAt: new Date('2026-01-02T03:04:05.000Z'),
  updatedAt: new Date('2026-02-03T04:05:06.000Z'),
};

describe('a person as a SCIM User', () => {
  test('leaves out what the person does not have and derives the name parts from the display name', () => {
    const user = scimUserOf(person);
    expect(user).toEqual({
      schemas: ['urn:ietf:params:scim:schemas:core:2.0:User', ENTERPRISE_USER_SCHEMA],
      id: 'u1',
      userName: 'ana@example.test',
      name: { givenName: 'Ana', familyName: 'María García', formatted: 'Ana María García' },
      displayName: 'Ana María García',
      active: true,
      roles: [{ value: 'worker', primary: true }],
      [ENTERPRISE_USER_SCHEMA]: {},
      meta: {
        resourceType: 'User',
        created: '2026-01-02T03:04:05.000Z',
        lastModified: '2026-02-03T04:05:06.000Z',
      },
    });
  });

  test('shows the stored name parts, work email, externalId and employee number as sent', () => {
    const user = scimUserOf({
      ...person,
      givenName: 'Ana María',
      familyName: 'García',
      email: 'ana@work.test',
      externalId: 'HR-1',
      employeeId: 'E1',
      role: 'manager',
      accountEnabled: false,
    });
    expect(user).toMatchObject({
      externalId: 'HR-1',
      name: { givenName: 'Ana María', familyName: 'García' },
      emails: [{ value: 'ana@work.test', type: 'work', primary: true }],
      [ENTERPRISE_USER_SCHEMA]: { employeeNumber: 'E1' },
      roles: [{ value: 'manager', primary: true }],
      active: false,
    });
  });

  test('a one-word name is all given name', () => {
    expect(derivedName('Ana')).toEqual({ givenName: 'Ana' });
    expect(derivedName('  Ana   de la  Vega ')).toEqual({ givenName: 'Ana', familyName: 'de la Vega' });
  });
});

describe('a SCIM User as what it asks of a person', () => {
  test('maps every attribute and says nothing of roles and active when they are absent', () => {
    expect(
      scimUserInputOf({
        userName: 'ana@example.test',
        name: { givenName: 'Ana', familyName: 'García' },
        externalId: 'HR-1',
        emails: [
          { value: 'home@example.test', type: 'home' },
          { value: 'ana@work.test', type: 'Work' },
        ],
        [ENTERPRISE_USER_SCHEMA]: { employeeNumber: 'E1' },
      }),
    ).toEqual({
      userPrincipalName: 'ana@example.test',
      displayName: 'Ana García',
      givenName: 'Ana',
      familyName: 'García',
      externalId: 'HR-1',
      email: 'ana@work.test',
      employeeId: 'E1',
      role: undefined,
      accountEnabled: undefined,
    });
  });

  test('the display name falls back to the userName; empty text is no value', () => {
    expect(scimUserInputOf({ userName: 'x@y.z', displayName: '  ', externalId: '' })).toMatchObject({
      displayName: 'x@y.z',
      externalId: null,
    });
  });

  test('refuses what it cannot read, naming the attribute', () => {
    const refused = (user: Record<string, unknown>) => {
      try {
        scimUserInputOf(user);
      } catch (error) {
        expect(error).toBeInstanceOf(ScimValueError);
        return (error as ScimValueError).attribute;
      }
      return 'accepted';
    };
    expect(refused({})).toBe('userName');
    expect(refused({ userName: ' ' })).toBe('userName');
    expect(refused({ userName: 'a', name: 'Ana' })).toBe('name');
    expect(refused({ userName: 'a', active: 'maybe' })).toBe('active');
    expect(refused({ userName: 'a', emails: 'a@b.c' })).toBe('emails');
    expect(refused({ userName: 'a', externalId: 7 })).toBe('externalId');
    expect(refused({ userName: 'a', roles: [{ value: 'owner' }] })).toBe('roles');
  });

  test('the work email: typed work, else the primary, else the first', () => {
    expect(workEmailOf([{ value: 'a@x' }, { value: 'b@x', primary: true }])).toBe('b@x');
    expect(workEmailOf([{ value: 'a@x' }, { value: 'b@x', primary: 'True' }])).toBe('b@x');
    expect(workEmailOf([{ value: 'a@x', type: 'home' }])).toBe('a@x');
    expect(workEmailOf([])).toBeNull();
    expect(workEmailOf(undefined)).toBeNull();
  });

  test('one role of worker, manager or admin, any case; none said is undefined', () => {
    expect(roleOf([{ value: 'Manager', primary: true }])).toBe('manager');
    expect(roleOf(['admin'])).toBe('admin');
    expect(roleOf([{ value: 'worker' }, { value: 'WORKER' }])).toBe('worker');
    expect(roleOf([])).toBeUndefined();
    expect(roleOf(undefined)).toBeUndefined();
    expect(() => roleOf([{ value: 'worker' }, { value: 'manager' }])).toThrow(ScimValueError);
    expect(() => roleOf([{ display: 'x' }])).toThrow(ScimValueError);
  });
});

describe("Entra's leniencies", () => {
  test('booleans as strings, any case, and nothing else', () => {
    expect(lenientBoolean('False')).toBe(false);
    expect(lenientBoolean(' TRUE ')).toBe(true);
    expect(lenientBoolean(true)).toBe(true);
    expect(lenientBoolean('yes')).toBeNull();
    expect(lenientBoolean(0)).toBeNull();
  });

  test('PATCH: active and primary strings become booleans, other values stay as sent', () => {
    const body = withLenientBooleans({
      schemas: ['x'],
      Operations: [
        { op: 'Replace', path: 'active', value: 'False' },
        { op: 'Replace', value: { active: 'True', displayName: 'False' } },
        { op: 'Add', path: 'emails', value: [{ value: 'a@b.c', primary: 'true' }] },
        { op: 'Replace', path: 'displayName', value: 'True' },
        { op: 'Remove', path: 'active' },
        'not an operation',
      ],
    });
    expect(body.Operations).toEqual([
      { op: 'Replace', path: 'active', value: false },
      { op: 'Replace', value: { active: true, displayName: 'False' } },
      { op: 'Add', path: 'emails', value: [{ value: 'a@b.c', primary: true }] },
      { op: 'Replace', path: 'displayName', value: 'True' },
      { op: 'Remove', path: 'active' },
      'not an operation',
    ]);
    expect(withLenientBooleans({ Operations: 'none' })).toEqual({ Operations: 'none' });
    expect(withLenientBooleansInUser({ active: 'False', emails: [{ primary: 'True' }] })).toEqual({
      active: false,
      emails: [{ primary: true }],
    });
  });

  test('a typed value the person lacks is added; one they have is left to the filter', () => {
    const op = { op: 'Replace', path: 'emails[type eq "work"].value', value: 'new@x' };
    expect(withEntraTypedValues({ Operations: [op] }, { userName: 'a' }).Operations).toEqual([
      { op: 'add', path: 'emails', value: [{ type: 'work', value: 'new@x' }] },
    ]);
    const has = { emails: [{ value: 'old@x', type: 'work' }] };
    expect(withEntraTypedValues({ Operations: [op] }, has).Operations).toEqual([op]);
    const remove = { op: 'Remove', path: 'emails[type eq "work"].value' };
    expect(withEntraTypedValues({ Operations: [remove] }, {}).Operations).toEqual([remove]);
  });

  test('adding a role replaces the one role', () => {
    expect(
      withOneRole({ Operations: [{ op: 'Add', path: 'roles', value: [{ value: 'manager' }] }] }).Operations,
    ).toEqual([{ op: 'replace', path: 'roles', value: [{ value: 'manager' }] }]);
  });

  test('server-owned attributes and group membership are read-only on a User', () => {
    expect(readOnlyPathOf('id')).toBe('id');
    expect(readOnlyPathOf('meta.lastModified')).toBe('meta');
    expect(readOnlyPathOf('groups[value eq "1"]')).toBe('groups');
    expect(readOnlyPathOf('urn:ietf:params:scim:schemas:core:2.0:User:ID')).toBe('id');
    expect(readOnlyPathOf('displayName')).toBeNull();
    expect(readOnlyPathOf('emails[type eq "work"].value')).toBeNull();
  });
});

test("Entra's bare manager id is read as the complex value it stands for", () => {
  const path = `${ENTERPRISE_USER_SCHEMA}:manager`;
  expect(
    withEntraManager({
      Operations: [
        { op: 'Add', path, value: 'm-1' },
        { op: 'Replace', value: { [path]: 'm-2', displayName: 'x' } },
        { op: 'Add', path, value: { value: 'm-3' } },
      ],
    }).Operations,
  ).toEqual([
    { op: 'Add', path, value: { value: 'm-1' } },
    { op: 'Replace', value: { [path]: { value: 'm-2' }, displayName: 'x' } },
    { op: 'Add', path, value: { value: 'm-3' } },
  ]);
});
