/** The API tokens page in words: what a token may do, when it stops working, and what to worry about. */
import { describe, expect, test } from 'vitest';
import { initialScopes, scopesToSend } from '../../src/lib/admin/api-token-form.js';
import {
  describeExpiry,
  describeScopes,
  scopeChoices,
  tokenWarnings,
} from '../../src/lib/admin/api-token-text.js';
import { apiTokensText as en } from '../../src/lib/admin/api-tokens-text.js';
import { apiTokensText as es } from '../../src/lib/admin/i18n/es/api-tokens-text.js';
import { API_TOKEN_SCOPES } from '../../server/contracts/api-tokens.js';

const now = new Date('2026-06-01T12:00:00Z');
const format = { locale: 'en-GB', timeZone: 'UTC', now };

describe('the token form', () => {
  test('offers every scope in words, narrowest first and full admin access last, with nothing ticked', () => {
    expect(scopeChoices(en).map((c) => c.scope)).toEqual([...API_TOKEN_SCOPES]);
    expect(scopeChoices(en).at(-1)).toMatchObject({
      scope: 'admin.full',
      label: 'Full admin access — can do anything an admin can, including inviting admins',
    });
    expect(scopeChoices(en).map((c) => c.label)).toEqual(
      expect.arrayContaining([
        'Read people',
        'Change people',
        'Report device compliance (for your MDM)',
        'Read logs',
      ]),
    );
    for (const choice of scopeChoices(en)) expect(choice.label).not.toMatch(/[a-z]+\.[a-z]+/);
    expect(initialScopes()).toEqual([]);
  });

  test('sends the ticked scopes in list order, and nothing when none is ticked', () => {
    expect(scopesToSend([])).toBeNull();
    expect(scopesToSend(['logs.read', 'devices.compliance.write'])).toEqual([
      'devices.compliance.write',
      'logs.read',
    ]);
  });
});

describe('the token list', () => {
  test('names what a token may do; full admin access is said alone', () => {
    expect(describeScopes(['devices.compliance.write'], en)).toBe('Report device compliance');
    expect(describeScopes(['logs.read', 'users.read'], en)).toBe('Read logs, Read people');
    expect(describeScopes(['users.read', 'admin.full'], en)).toBe('Full admin access');
  });

  test('says when a token stops working, in days and as a date', () => {
    expect(describeExpiry('2026-06-30T12:00:00Z', format, en)).toBe('Expires in 29 days (30 Jun 2026)');
    // A token made a moment ago for 90 days says 90, not 89.
    expect(describeExpiry('2026-08-30T11:59:00Z', format, en)).toBe('Expires in 90 days (30 Aug 2026)');
    // Made this morning to the end of the day 90 days on (the form's default): 90 calendar days, not 91.
    expect(
      describeExpiry('2026-08-30T23:59:59Z', { ...format, now: new Date('2026-06-01T06:17:00Z') }, en),
    ).toBe('Expires in 90 days (30 Aug 2026)');
    expect(describeExpiry('2026-06-02T13:00:00Z', format, en)).toBe('Expires in 1 day (2 Jun 2026)');
    expect(describeExpiry('2026-06-01T18:00:00Z', format, en)).toBe('Expires today (1 Jun 2026)');
    expect(describeExpiry('2026-05-31T12:00:00Z', format, en)).toBe('Expired (31 May 2026)');
    expect(describeExpiry(null, format, en)).toBe('Never expires');
  });

  test('warns about a working token that never expires or has full admin access, not about narrow ones', () => {
    const narrow = {
      expireDateTime: '2026-06-30T12:00:00Z',
      scopes: ['logs.read'],
      state: 'active',
    } as const;
    expect(tokenWarnings(narrow, en)).toEqual([]);
    const old = { expireDateTime: null, scopes: ['admin.full'], state: 'active' } as const;
    expect(tokenWarnings(old, en)).toEqual([
      expect.stringContaining('Never expires'),
      expect.stringContaining('Can invite admins'),
    ]);
    expect(tokenWarnings({ ...old, state: 'revoked' }, en)).toEqual([]);
  });

  test('says the same in Spanish, with the date in Spanish', () => {
    const spanish = { ...format, locale: 'es-ES' };
    expect(describeExpiry('2026-06-30T12:00:00Z', spanish, es)).toBe('Caduca en 29 días (30 jun 2026)');
    expect(describeExpiry('2026-06-01T18:00:00Z', spanish, es)).toBe('Caduca hoy (1 jun 2026)');
    expect(describeScopes(['logs.read', 'users.read'], es)).toBe('Leer registros, Ver personas');
    expect(tokenWarnings({ expireDateTime: null, scopes: ['admin.full'], state: 'active' }, es)).toEqual([
      expect.stringContaining('No caduca nunca'),
      expect.stringContaining('Puede invitar administradores'),
    ]);
  });
});
