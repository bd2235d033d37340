/** The Apps page's rules: problems before sending, credentials shown once, refusals placed, rotate and delete after a yes. */
import { describe, expect, test } from 'vitest';
import { AppsPage, type AppsDeps } from '../../src/lib/admin/apps-page.svelte.js';
import { appsText as en } from '../../src/lib/admin/apps-text.js';
import { appsText as es } from '../../src/lib/admin/i18n/es/apps-text.js';
import type { ApiResult } from '../../src/lib/api/client.js';
import type { AppView, AppWithSecret } from '../../server/contracts/apps.js';

const app: AppView = {
  id: 'app-1',
  clientId: 'app-1',
  displayName: 'Rota',
  clientType: 'confidential',
  tokenEndpointAuthMethod: 'client_secret_basic',
  hasSecret: true,
  jwks: null,
  redirectUris: ['https://rota.example.com/cb'],
  postLogoutRedirectUris: [],
  backchannelLogoutUri: null,
  homeUrl: null,
  groupIds: [],
  enabled: true,
  discoveryUrl: 'https://shiftpass.example/oidc/.well-known/openid-configuration',
  createdDateTime: '2026-06-01T10:00:00Z',
  modifiedDateTime: '2026-06-01T10:00:00Z',
};
const withSecret: AppWithSecret = { ...app, clientSecret: 's3cret' } as AppWithSecret;

type Answers = Partial<{
  create: ApiResult<AppWithSecret>;
  patch: ApiResult<AppView>;
  rotate: ApiResult<AppWithSecret>;
  remove: ApiResult<unknown>;
}>;

function page(answers: Answers = {}, words = en) {
  const calls: string[] = [];
  const told: string[] = [];
  let refreshed = 0;
  const deps: AppsDeps = {
    create: async () => (calls.push('create'), answers.create ?? { ok: true, status: 201, data: withSecret }),
    patch: async (id, body) => (
      calls.push(`patch ${id} ${JSON.stringify(body)}`),
      answers.patch ?? { ok: true, status: 200, data: app }
    ),
    rotate: async (id) => (
      calls.push(`rotate ${id}`),
      answers.rotate ?? { ok: true, status: 200, data: withSecret }
    ),
    remove: async (id) => (
      calls.push(`delete ${id}`),
      answers.remove ?? { ok: true, status: 204, data: undefined }
    ),
    refresh: async () => void (refreshed += 1),
    words: () => words,
    describe: (error) => `said: ${error.message}`,
    tell: (message) => void told.push(message),
  };
  return { state: new AppsPage(deps), calls, told, refreshed: () => refreshed };
}

describe('registering an app', () => {
  test('refuses an empty form before sending, in the page language', async () => {
    const { state, calls } = page({}, es);
    expect(await state.save()).toBe(false);
    expect(calls).toEqual([]);
    expect(state.problems.displayName).toBe(es.problems.nameMissing);
    expect(state.problems.redirectUris).toBe(es.problems.addressMissing);
    expect(state.formError).toBe(es.fixBelow);
  });

  test('shows the credentials once, then drops them', async () => {
    const { state, refreshed } = page();
    state.form.displayName = 'Rota';
    state.form.kind = 'secret';
    state.form.redirectUrisText = 'https://rota.example.com/cb';
    expect(await state.save()).toBe(true);
    expect(state.shown).toEqual({ app: withSecret, rotated: false });
    expect(state.form.displayName).toBe('');
    expect(refreshed()).toBe(1);
    state.dismissShown();
    expect(state.shown).toBeNull();
  });

  test('a taken name goes next to the name; an address refusal names the line it was typed on', async () => {
    const taken = page({
      create: { ok: false, status: 409, error: { code: 'NAME_ALREADY_EXISTS', message: 'x' } },
    });
    taken.state.form.displayName = 'Rota';
    taken.state.form.redirectUrisText = 'https://rota.example.com/cb';
    await taken.state.save();
    expect(taken.state.problems).toEqual({ displayName: en.nameTaken });

    const line = page({
      create: {
        ok: false,
        status: 400,
        error: { code: 'VALIDATION_FAILED', field: 'redirectUris.1', message: 'is not allowed' },
      },
    });
    line.state.form.displayName = 'Rota';
    line.state.form.redirectUrisText = 'https://a.example/cb\n\nhttps://b.example/cb';
    await line.state.save();
    expect(line.state.problems.redirectUris).toBe('Line 3: Is not allowed.');
  });
});

describe('an app in the list', () => {
  test('editing saves a patch and says so', async () => {
    const { state, calls, told } = page();
    state.startEdit(app);
    state.form.displayName = 'Rota 2';
    await state.save();
    expect(calls[0]).toMatch(/^patch app-1 .*"displayName":"Rota 2"/);
    expect(told).toEqual([en.saved('Rota')]);
    expect(state.editing).toBeNull();
  });

  test('turning off says nobody can sign in', async () => {
    const { state, calls, told } = page();
    await state.setEnabled(app, false);
    expect(calls).toEqual(['patch app-1 {"enabled":false}']);
    expect(told).toEqual([en.turnedOff('Rota')]);
  });

  test('rotating asks first and shows the new secret once', async () => {
    const { state, calls } = page();
    state.ask('rotate', app);
    expect(calls).toEqual([]);
    await state.confirmed();
    expect(calls).toEqual(['rotate app-1']);
    expect(state.shown).toEqual({ app: withSecret, rotated: true });
    expect(state.confirm).toBeNull();
  });

  test('deleting after a yes forgets the app being edited; a refusal stays in the dialog', async () => {
    const { state, told } = page();
    state.startEdit(app);
    state.ask('delete', app);
    await state.confirmed();
    expect(state.editing).toBeNull();
    expect(told).toEqual([en.deleted('Rota')]);

    const refused = page({
      remove: { ok: false, status: 500, error: { code: 'NOT_FOUND', message: 'Broken.' } },
    });
    refused.state.ask('delete', app);
    await refused.state.confirmed();
    expect(refused.state.confirm?.app.id).toBe('app-1');
    expect(refused.state.confirmError).toBe('said: Broken.');
    refused.state.cancelConfirm();
    expect(refused.state.confirm).toBeNull();
  });
});
