import { describe, expect, test } from 'vitest';
import { badgeOf } from '../../src/lib/admin/badge-issue.js';
import {
  createBody,
  emptyPersonDraft,
  patchBody,
  personFieldError,
  writeWarnings,
} from '../../src/lib/admin/person-form.js';
import { peopleText } from '../../src/lib/admin/people-text.js';

const errors = peopleText.form.errors;
const m = peopleText;
const draft = (changes = {}) => ({
  ...emptyPersonDraft(),
  userPrincipalName: 'ana@example.test',
  displayName: 'Ana',
  groupIds: ['g1', 'g2'],
  ...changes,
});

describe('what the person forms send', () => {
  test('a new person: trimmed text, no employee id when blank', () => {
    expect(
      createBody(draft({ userPrincipalName: ' ana ', displayName: ' Ana S ', employeeId: '  ' })),
    ).toEqual({
      userPrincipalName: 'ana',
      displayName: 'Ana S',
      role: 'worker',
      groupIds: ['g1', 'g2'],
    });
    expect(createBody(draft({ employeeId: ' E-7 ' })).employeeId).toBe('E-7');
  });

  test('a profile change sends only what changed; nothing changed is null', () => {
    const before = draft({ employeeId: 'E-7' });
    expect(patchBody(before, { ...before })).toBeNull();
    expect(patchBody(before, { ...before, groupIds: ['g2', 'g1'] })).toBeNull();
    expect(patchBody(before, { ...before, displayName: 'Ana Silva', employeeId: '' })).toEqual({
      displayName: 'Ana Silva',
      employeeId: null,
    });
    expect(
      patchBody(before, { ...before, role: 'manager', accountEnabled: false, groupIds: ['g3'] }),
    ).toEqual({
      role: 'manager',
      accountEnabled: false,
      groupIds: ['g3'],
    });
  });
});

describe('server refusals land next to their field', () => {
  test.each([
    ['userPrincipalName', 'userPrincipalName', errors.userPrincipalName],
    ['displayName', 'displayName', errors.displayName],
    ['groupIds.3', 'groupIds', errors.groupIds],
  ])('VALIDATION_FAILED on %s', (field, expected, message) => {
    expect(personFieldError({ code: 'VALIDATION_FAILED', message: 'x', field }, {}, m)).toEqual({
      field: expected,
      message,
    });
  });

  test('conflicts name their field', () => {
    expect(personFieldError({ code: 'USER_ALREADY_EXISTS', message: '' }, {}, m)?.field).toBe(
      'userPrincipalName',
    );
    expect(personFieldError({ code: 'GROUP_NOT_FOUND', message: '' }, {}, m)?.field).toBe('groupIds');
    expect(personFieldError({ code: 'LAST_ADMIN', message: '' }, { role: 'worker' }, m)?.field).toBe('role');
    expect(personFieldError({ code: 'LAST_ADMIN', message: '' }, { accountEnabled: false }, m)?.field).toBe(
      'accountEnabled',
    );
  });

  test('anything else belongs to the whole form', () => {
    expect(
      personFieldError({ code: 'VALIDATION_FAILED', message: 'x', field: 'nonsense' }, {}, m),
    ).toBeNull();
    expect(personFieldError({ code: 'NETWORK_ERROR', message: 'x' }, {}, m)).toBeNull();
  });
});

describe('a lookalike sign-in name', () => {
  const person = {
    ...draft(),
    id: 'u2',
    employeeId: null,
    offboarded: null,
    createdDateTime: '2026-01-01T00:00:00Z',
  };

  test('is shown with the existing name and person, asking the admin to check', () => {
    const warning = {
      code: 'LOOKALIKE_SIGN_IN_NAME' as const,
      message: 'server words',
      existing: { id: 'u1', userPrincipalName: 'admin', displayName: 'Ana Silva' },
    };
    expect(writeWarnings({ ...person, warnings: [warning] }, m)).toEqual([
      'This sign-in name looks like the existing “admin” (Ana Silva). Check it is not a trick.',
    ]);
  });

  test('nothing is shown for an answer without warnings', () => {
    expect(writeWarnings(person, m)).toEqual([]);
  });
});

describe('issuing badges', () => {
  test('a badge keeps the PIN only when one was issued with it', () => {
    const code = {
      id: 'C',
      startDateTime: 's',
      expireDateTime: 'e',
      createdDateTime: 'c',
      shortCode: 'ABCDE-FGHJK',
      image: { binaryValue: 'PNG', rawContent: 'SP1:x', errorCorrectionLevel: 'M' },
    };
    const person = { id: 'u1', displayName: 'Ana' };
    expect(badgeOf(person, code, 'standard', '12345678')).toEqual({
      userId: 'u1',
      displayName: 'Ana',
      shortCode: 'ABCDE-FGHJK',
      pngBase64: 'PNG',
      rawContent: 'SP1:x',
      expireDateTime: 'e',
      kind: 'standard',
      pin: '12345678',
    });
    expect(badgeOf(person, code, 'temporary')).not.toHaveProperty('pin');
  });
});
