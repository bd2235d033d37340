/** Filters on Users after scimmy parsed them (server/domain/scim-user-filter.ts). */
import SCIMMY from 'scimmy';
import { describe, expect, test } from 'vitest';
import {
  canonicalFilter,
  caselessView,
  FilterError,
  sqlPlanOf,
  type AttributeFacts,
} from '../../server/domain/scim-user-filter.js';
import { ENTERPRISE_USER_SCHEMA } from '../../server/domain/scim-users.js';

/** A small User schema: enough attributes to show each rule. */
const SCHEMA: Record<string, AttributeFacts> = {
  id: { name: 'id', type: 'string', complex: false, caseExact: true },
  username: { name: 'userName', type: 'string', complex: false, caseExact: false },
  externalid: { name: 'externalId', type: 'string', complex: false, caseExact: true },
  displayname: { name: 'displayName', type: 'string', complex: false, caseExact: false },
  active: { name: 'active', type: 'boolean', complex: false, caseExact: false },
  name: { name: 'name', type: 'complex', complex: true, caseExact: false },
  'name.familyname': { name: 'familyName', type: 'string', complex: false, caseExact: false },
  emails: { name: 'emails', type: 'complex', complex: true, caseExact: false },
  'emails.value': { name: 'value', type: 'string', complex: false, caseExact: false },
  'emails.type': { name: 'type', type: 'string', complex: false, caseExact: false },
  [`${ENTERPRISE_USER_SCHEMA}:employeenumber`.toLowerCase()]: {
    name: 'employeeNumber',
    type: 'string',
    complex: false,
    caseExact: false,
  },
};
const lookup = (path: string) => SCHEMA[path.toLowerCase()] ?? null;
const parse = (filter: string) => canonicalFilter([...new SCIMMY.Types.Filter(filter)], lookup);

describe('canonical form', () => {
  test('names as the schema spells them, caseless text lowercased, case-exact text kept', () => {
    expect(parse('USERNAME eq "Ana@X" and externalId eq "HR-1"')).toEqual([
      { userName: ['eq', 'ana@x'], externalId: ['eq', 'HR-1'] },
    ]);
  });

  test('a complex attribute compared directly compares its value', () => {
    expect(parse('emails eq "A@B.C"')).toEqual([{ emails: { value: ['eq', 'a@b.c'] } }]);
    expect(parse('emails[type eq "work" and value co "X"]')).toEqual([
      { emails: { type: ['eq', 'work'], value: ['co', 'x'] } },
    ]);
  });

  test('the enterprise extension nests under its URN; not and pr are kept', () => {
    expect(parse(`${ENTERPRISE_USER_SCHEMA}:employeeNumber eq "E1"`)).toEqual([
      { [ENTERPRISE_USER_SCHEMA]: { employeeNumber: ['eq', 'e1'] } },
    ]);
    expect(parse('not (userName eq "A") or displayName pr')).toEqual([
      { userName: ['not', 'eq', 'a'] },
      { displayName: ['pr'] },
    ]);
  });

  test('unknown attributes, missing values and comparing a complex attribute whole are refused', () => {
    for (const filter of [
      'printer eq "x"',
      'userName eq',
      'name eq "x"',
      'active.value eq true',
      'emails.colour eq "x"',
    ]) {
      expect(() => parse(filter), filter).toThrow(FilterError);
    }
  });
});

describe('SQL plan', () => {
  test('the lookups a provisioning client sends become indexed conditions', () => {
    expect(sqlPlanOf(parse('userName eq "Ana@X"'))).toEqual([
      [{ column: 'userPrincipalName', op: 'eq', value: 'ana@x', caseless: true }],
    ]);
    expect(sqlPlanOf(parse('externalId eq "HR-1"'))).toEqual([
      [{ column: 'externalId', op: 'eq', value: 'HR-1', caseless: false }],
    ]);
    expect(sqlPlanOf(parse('emails.value sw "ana" or active eq false'))).toEqual([
      [{ column: 'email', op: 'sw', value: 'ana', caseless: true }],
      [{ column: 'accountEnabled', op: 'eq', value: false, caseless: false }],
    ]);
    expect(sqlPlanOf(parse('displayName co "a" and displayName co "b"'))).toEqual([
      [
        { column: 'displayName', op: 'co', value: 'a', caseless: true },
        { column: 'displayName', op: 'co', value: 'b', caseless: true },
      ],
    ]);
  });

  test('anything else is left to the matcher', () => {
    for (const filter of [
      'not (userName eq "a")',
      'userName ew "a"',
      'id co "a"',
      'name.familyName eq "x"',
      'emails[type eq "work" and value eq "a"]',
      'active eq "true"',
      'userName eq "a" or name.familyName eq "b"',
      'displayName gt "a"',
    ]) {
      expect(sqlPlanOf(parse(filter)), filter).toBeNull();
    }
  });
});

test('the view the matcher sees lowercases caseless text only', () => {
  expect(
    caselessView({
      id: 'ID-1',
      externalId: 'HR-1',
      userName: 'Ana@X',
      name: { familyName: 'García' },
      emails: [{ value: 'A@B', type: 'Work' }],
      meta: { created: '2026-01-01T00:00:00.000Z' },
      active: true,
    }),
  ).toEqual({
    id: 'ID-1',
    externalId: 'HR-1',
    userName: 'ana@x',
    name: { familyName: 'garcía' },
    emails: [{ value: 'a@b', type: 'work' }],
    meta: { created: '2026-01-01T00:00:00.000Z' },
    active: true,
  });
});
