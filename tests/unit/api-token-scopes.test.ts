/** What a token's scopes grant (server/domain/api-token-scopes.ts), without a database. */
import { describe, expect, test } from 'vitest';
import { API_TOKEN_SCOPES, normalizeScopes, scopesGrant } from '../../server/domain/api-token-scopes.js';

describe('scopesGrant', () => {
  test.each([
    [['users.read'], 'users.read', true],
    [['users.read'], 'users.write', false],
    [['users.write'], 'users.read', true],
    [['devices.compliance.write'], 'devices.read', true],
    [['devices.read'], 'devices.compliance.write', false],
    [['logs.read', 'users.write'], 'devices.read', false],
    [['devices.compliance.write', 'users.write', 'logs.read'], 'admin.full', false],
    [['admin.full'], 'devices.compliance.write', true],
    [[], 'users.read', false],
  ] as const)('%j needing %s → %s', (held, needed, granted) => {
    expect(scopesGrant(held, needed)).toBe(granted);
  });

  test('admin.full grants every scope, and no narrower scope grants admin.full', () => {
    for (const scope of API_TOKEN_SCOPES) expect(scopesGrant(['admin.full'], scope)).toBe(true);
    const narrow = API_TOKEN_SCOPES.filter((scope) => scope !== 'admin.full');
    expect(scopesGrant(narrow, 'admin.full')).toBe(false);
  });
});

describe('normalizeScopes', () => {
  test('keeps known scopes once, in list order; unknown names are dropped, never widened', () => {
    expect(normalizeScopes(['logs.read', 'users.read', 'logs.read'])).toEqual(['logs.read', 'users.read']);
    expect(normalizeScopes(['scim.write', 'admin', 'admin.full '])).toEqual([]);
    expect(normalizeScopes(['users.read', 42, null])).toEqual(['users.read']);
  });
});
