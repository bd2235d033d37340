/** The store ↔ SCIM Group mapping (domain/scim-groups.ts) and the filter lookups (scim-group-filter.ts). */
import { describe, expect, test } from 'vitest';
import { groupLookupsOf } from '../../server/domain/scim-group-filter.js';
import {
  memberChanges,
  memberIdsOf,
  readOnlyGroupPathOf,
  scimGroupInputOf,
  scimGroupOf,
  withoutNullMemberRefs,
} from '../../server/domain/scim-groups.js';

describe('a store as a Group', () => {
  test('name, externalId, members by id with their names; no externalId when it has none', () => {
    const created = new Date('2026-06-01T08:00:00Z');
    const store = {
      id: 's1',
      displayName: 'Lisboa',
      createdAt: created,
      members: [{ id: 'u1', displayName: 'Ana' }],
    };
    expect(scimGroupOf({ ...store, externalId: 'e-1' })).toEqual({
      schemas: ['urn:ietf:params:scim:schemas:core:2.0:Group'],
      id: 's1',
      externalId: 'e-1',
      displayName: 'Lisboa',
      members: [{ value: 'u1', display: 'Ana', type: 'User' }],
      meta: { resourceType: 'Group', created: '2026-06-01T08:00:00.000Z' },
    });
    expect(scimGroupOf({ ...store, externalId: null })).not.toHaveProperty('externalId');
  });
});

describe('what a Group asks of a store', () => {
  test('members are ids, each once, in order; absent members are "not said", null or [] is "none"', () => {
    expect(memberIdsOf([{ value: 'b' }, { value: 'a', display: 'A' }, { value: 'b' }])).toEqual(['b', 'a']);
    expect(memberIdsOf(undefined)).toBeUndefined();
    expect(memberIdsOf(null)).toEqual([]);
    expect(memberIdsOf([])).toEqual([]);
  });

  test.each([
    ['not a list', 'u1'],
    ['a member without value', [{ display: 'Ana' }]],
    ['an empty value', [{ value: ' ' }]],
    ['a group as a member', [{ value: 'g1', type: 'Group' }]],
  ])('refuses %s', (_, members) => {
    expect(() => memberIdsOf(members)).toThrow(/^members: /);
  });

  test('displayName is required; a blank externalId means none', () => {
    expect(scimGroupInputOf({ displayName: 'X', externalId: '  ' })).toEqual({
      displayName: 'X',
      externalId: null,
      memberIds: undefined,
    });
    expect(() => scimGroupInputOf({ externalId: 'e' })).toThrow(/^displayName: /);
    expect(() => scimGroupInputOf({ displayName: 'X', externalId: 5 })).toThrow(/^externalId: /);
  });

  test('who joins and who leaves', () => {
    expect(memberChanges(['a', 'b'], ['b', 'c'])).toEqual({ added: ['c'], removed: ['a'] });
    expect(memberChanges(['a'], ['a'])).toEqual({ added: [], removed: [] });
  });

  test('id, meta and schemas cannot be patched, in any spelling; the rest can', () => {
    expect(readOnlyGroupPathOf('ID')).toBe('id');
    expect(readOnlyGroupPathOf('meta.created')).toBe('meta');
    expect(readOnlyGroupPathOf('urn:ietf:params:scim:schemas:core:2.0:Group:id')).toBe('id');
    expect(readOnlyGroupPathOf('members[value eq "x"]')).toBeNull();
    expect(readOnlyGroupPathOf('displayName')).toBeNull();
  });

  test("Entra's null $ref is left out of member values, whatever the operation's shape", () => {
    const body = {
      Operations: [
        { op: 'Add', path: 'members', value: [{ $ref: null, value: 'u1' }] },
        { op: 'Remove', path: 'members', value: { $ref: null, value: 'u2' } },
        { op: 'Add', value: { members: [{ $ref: null, value: 'u3' }] } },
        { op: 'Replace', path: 'displayName', value: 'Lisboa' },
      ],
    };
    expect(withoutNullMemberRefs(body).Operations).toEqual([
      { op: 'Add', path: 'members', value: [{ value: 'u1' }] },
      { op: 'Remove', path: 'members', value: { value: 'u2' } },
      { op: 'Add', value: { members: [{ value: 'u3' }] } },
      { op: 'Replace', path: 'displayName', value: 'Lisboa' },
    ]);
  });
});

describe('which stores a filter can be narrowed to', () => {
  test('each OR-ed term by one of its id, externalId or displayName eq conditions', () => {
    expect(groupLookupsOf([{ displayName: ['eq', 'lisboa'] }])).toEqual([
      { column: 'displayName', value: 'lisboa' },
    ]);
    expect(
      groupLookupsOf([{ id: ['eq', 'g1'], members: { value: ['eq', 'u1'] } }, { externalId: ['eq', 'e'] }]),
    ).toEqual([
      { column: 'id', value: 'g1' },
      { column: 'externalId', value: 'e' },
    ]);
  });

  test.each([
    ['a term with no such condition', [{ displayName: ['eq', 'a'] }, { members: { value: ['eq', 'u1'] } }]],
    ['sw on the name', [{ displayName: ['sw', 'lis'] }]],
    ['a negated condition', [{ id: ['not', 'eq', 'g1'] }]],
    ['a name beyond ASCII (SQLite folds ASCII only)', [{ displayName: ['eq', 'ávila'] }]],
  ])('not at all for %s: every store is matched', (_, terms) => {
    expect(groupLookupsOf(terms)).toBeNull();
  });
});
