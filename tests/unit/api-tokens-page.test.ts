/** The API tokens page's rules: what the form refuses before sending, the token shown once, revoking after a yes. */
import { describe, expect, test } from 'vitest';
import {
  ApiTokensPage,
  type ApiTokensDeps,
  type NewTokenBody,
} from '../../src/lib/admin/api-tokens-page.svelte.js';
import { apiTokensText as en } from '../../src/lib/admin/api-tokens-text.js';
import { apiTokensText as es } from '../../src/lib/admin/i18n/es/api-tokens-text.js';
import type { ApiResult } from '../../src/lib/api/client.js';
import type { ApiTokenView, CreatedApiToken } from '../../server/contracts/api-tokens.js';

const token: ApiTokenView = {
  id: 'tok-1',
  displayName: 'Payroll sync',
  createdDateTime: '2026-06-01T10:00:00Z',
  expireDateTime: '2026-08-30T21:59:59Z',
  scopes: ['users.read'],
  lastUsedDateTime: null,
  revokedDateTime: null,
  state: 'active',
  createdBy: { id: 'admin-1', displayName: 'Ada Admin' },
} as ApiTokenView;

function page(
  answers: { create?: ApiResult<CreatedApiToken>; revoke?: ApiResult<unknown> } = {},
  words = en,
) {
  const sent: NewTokenBody[] = [];
  const revoked: string[] = [];
  const told: string[] = [];
  let refreshed = 0;
  const deps: ApiTokensDeps = {
    create: async (body) => {
      sent.push(body);
      return answers.create ?? { ok: true, status: 201, data: { ...token, token: 'sp_secret' } };
    },
    revoke: async (id) => {
      revoked.push(id);
      return answers.revoke ?? { ok: true, status: 204, data: undefined };
    },
    refresh: async () => void (refreshed += 1),
    words: () => words,
    describe: (error) => `said: ${error.message}`,
    tell: (message) => void told.push(message),
    now: () => new Date(2026, 5, 1, 12, 0),
  };
  return { state: new ApiTokensPage(deps), sent, revoked, told, refreshed: () => refreshed };
}

describe('the new token form', () => {
  test('starts with nothing ticked and the default expiry 90 days ahead', () => {
    const { state } = page();
    expect(state.scopes).toEqual([]);
    expect(state.expiryDate).toBe('2026-08-30');
  });

  test('refuses an empty name and no scope before sending, in the page language', async () => {
    const { state, sent } = page({}, es);
    expect(await state.submit()).toBe(false);
    expect(sent).toEqual([]);
    expect(state.errors).toEqual({ displayName: es.nameError, scopes: es.scopesError });
  });

  test('sends the name, the ticked scopes in list order and the end of the chosen day; shows the token once', async () => {
    const { state, sent, refreshed } = page();
    state.displayName = '  Payroll sync ';
    state.scopes = ['users.write', 'users.read'];
    expect(await state.submit()).toBe(true);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ displayName: 'Payroll sync', scopes: ['users.read', 'users.write'] });
    expect(new Date(sent[0]!.expireDateTime).getDate()).toBe(30);
    expect(state.created?.token).toBe('sp_secret');
    expect(state.displayName).toBe('');
    expect(state.scopes).toEqual([]);
    expect(refreshed()).toBe(1);
    state.dismissCreated();
    expect(state.created).toBeNull();
  });

  test('puts a server refusal next to its field, and says a cancelled confirmation created nothing', async () => {
    const refusedName = page({
      create: {
        ok: false,
        status: 400,
        error: { code: 'VALIDATION_FAILED', message: 'x', field: 'displayName' },
      },
    });
    refusedName.state.displayName = 'A';
    refusedName.state.scopes = ['logs.read'];
    await refusedName.state.submit();
    expect(refusedName.state.errors).toEqual({ displayName: en.nameError });

    const cancelled = page({
      create: { ok: false, status: 401, error: { code: 'REAUTHENTICATION_REQUIRED', message: 'x' } },
    });
    cancelled.state.displayName = 'A';
    cancelled.state.scopes = ['logs.read'];
    await cancelled.state.submit();
    expect(cancelled.state.formError).toBe(en.reauthCancelled);
    expect(cancelled.state.created).toBeNull();
  });
});

describe('revoking', () => {
  test('asks first; cancelling revokes nothing', () => {
    const { state, revoked } = page();
    state.askRevoke(token);
    expect(state.toRevoke?.id).toBe('tok-1');
    state.cancelRevoke();
    expect(state.toRevoke).toBeNull();
    expect(revoked).toEqual([]);
  });

  test('after a yes, revokes, says so and reads the list again', async () => {
    const { state, revoked, told, refreshed } = page();
    state.askRevoke(token);
    await state.revoke();
    expect(revoked).toEqual(['tok-1']);
    expect(told).toEqual([en.revoked('Payroll sync')]);
    expect(state.toRevoke).toBeNull();
    expect(refreshed()).toBe(1);
  });

  test('a refusal stays in the dialog, in words', async () => {
    const { state } = page({
      revoke: { ok: false, status: 404, error: { code: 'NOT_FOUND', message: 'Gone.' } },
    });
    state.askRevoke(token);
    await state.revoke();
    expect(state.toRevoke?.id).toBe('tok-1');
    expect(state.revokeError).toBe('said: Gone.');
  });
});
