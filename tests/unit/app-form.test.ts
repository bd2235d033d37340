/** The Apps page's form: the body it sends, what it refuses before sending, and refusals placed by line. */
import { describe, expect, test } from 'vitest';
import { appsText as en } from '../../src/lib/admin/apps-text.js';
import { appsText as es } from '../../src/lib/admin/i18n/es/apps-text.js';
import {
  createAppBody,
  emptyAppForm,
  formFromApp,
  formProblems,
  kindOf,
  patchAppBody,
  problemFromServer,
  storesSummary,
  type AppForm,
  type AppFormField,
} from '../../src/lib/admin/app-form.js';
import {
  createAppBody as createSchema,
  patchAppBody as patchSchema,
  type AppView,
} from '../../server/contracts/apps.js';

const form = (changes: Partial<AppForm> = {}): AppForm => ({
  ...emptyAppForm(),
  displayName: 'Rota',
  redirectUrisText: 'https://rota.example.com/callback',
  ...changes,
});

const app: AppView = {
  id: 'abc',
  clientId: 'abc',
  displayName: 'Payroll',
  clientType: 'confidential',
  tokenEndpointAuthMethod: 'client_secret_basic',
  hasSecret: true,
  jwks: null,
  redirectUris: ['https://pay.example/cb', 'https://pay.example/cb2'],
  postLogoutRedirectUris: [],
  backchannelLogoutUri: 'https://pay.example/logout',
  homeUrl: null,
  groupIds: ['s1'],
  enabled: false,
  discoveryUrl: 'https://shiftpass.example/oidc/.well-known/openid-configuration',
  createdDateTime: '2026-01-01T00:00:00.000Z',
  modifiedDateTime: '2026-01-01T00:00:00.000Z',
};

describe('the body sent', () => {
  test('a public app: one address per line, blank lines and spaces ignored, empty optional fields null, all stores', () => {
    const body = createAppBody(
      form({ redirectUrisText: '  https://a.example/cb \n\n https://b.example/cb\n', homeUrl: '  ' }),
    );
    expect(body).toEqual({
      displayName: 'Rota',
      clientType: 'public',
      tokenEndpointAuthMethod: 'none',
      redirectUris: ['https://a.example/cb', 'https://b.example/cb'],
      postLogoutRedirectUris: [],
      backchannelLogoutUri: null,
      homeUrl: null,
      groupIds: [],
      enabled: true,
    });
    expect(createSchema.safeParse(body).success).toBe(true);
  });

  test('each kind maps to its type and authentication method', () => {
    expect(createAppBody(form({ kind: 'secret' }))).toMatchObject({
      clientType: 'confidential',
      tokenEndpointAuthMethod: 'client_secret_basic',
    });
    const keys = createAppBody(
      form({ kind: 'keys', jwksText: '{"kty":"EC","crv":"P-256","x":"x","y":"y"}' }),
    );
    expect(keys).toMatchObject({ clientType: 'confidential', tokenEndpointAuthMethod: 'private_key_jwt' });
    // A single key pasted on its own becomes a set of one.
    expect(keys.jwks).toEqual({ keys: [{ kty: 'EC', crv: 'P-256', x: 'x', y: 'y' }] });
  });

  test('"only these stores" sends the chosen stores; "all stores" sends none even if some were ticked', () => {
    expect(createAppBody(form({ allStores: false, groupIds: ['s1', 's2'] })).groupIds).toEqual(['s1', 's2']);
    expect(createAppBody(form({ allStores: true, groupIds: ['s1'] })).groupIds).toEqual([]);
  });

  test('an app round-trips through the form, and the edit body never carries the type', () => {
    const edited = formFromApp(app);
    expect(edited).toMatchObject({ kind: 'secret', allStores: false, groupIds: ['s1'], enabled: false });
    const body = patchAppBody(edited);
    expect(body).toEqual({
      displayName: 'Payroll',
      redirectUris: app.redirectUris,
      postLogoutRedirectUris: [],
      backchannelLogoutUri: 'https://pay.example/logout',
      homeUrl: null,
      groupIds: ['s1'],
      enabled: false,
    });
    expect(patchSchema.safeParse(body).success).toBe(true);
  });

  test('kindOf names the three kinds', () => {
    expect(kindOf({ clientType: 'public', tokenEndpointAuthMethod: 'none' })).toBe('public');
    expect(kindOf({ clientType: 'confidential', tokenEndpointAuthMethod: 'client_secret_basic' })).toBe(
      'secret',
    );
    expect(kindOf({ clientType: 'confidential', tokenEndpointAuthMethod: 'private_key_jwt' })).toBe('keys');
  });
});

describe('problems found before sending', () => {
  test('a good form has none', () => {
    expect(
      formProblems(form({ redirectUrisText: 'https://a.example/cb\nhttp://localhost:5173/cb' }), en),
    ).toEqual({});
  });

  test.each([
    ['no name', { displayName: '  ' }, 'displayName', 'Give the app a name.'],
    ['no redirect URI', { redirectUrisText: '\n' }, 'redirectUris', 'Add at least one address.'],
    [
      'http on a public host, on line 2',
      { redirectUrisText: 'https://a.example/cb\nhttp://b.example/cb' },
      'redirectUris',
      'Line 2: Must start with https://',
    ],
    ['a fragment', { redirectUrisText: 'https://a.example/cb#top' }, 'redirectUris', 'fragment'],
    [
      'a relative address',
      { postLogoutRedirectUrisText: '/bye' },
      'postLogoutRedirectUris',
      'Line 1: Must be a full web address',
    ],
    ['javascript:', { homeUrl: 'javascript:alert(1)' }, 'homeUrl', 'Must start with https://'],
    [
      'http back-channel on a public host',
      { backchannelLogoutUri: 'http://a.example/logout' },
      'backchannelLogoutUri',
      'localhost',
    ],
    ['keys that are not JSON', { kind: 'keys' as const, jwksText: '{kty: EC' }, 'jwks', 'not valid JSON'],
    ['no keys', { kind: 'keys' as const, jwksText: '' }, 'jwks', 'public keys'],
    ['some stores but none ticked', { allStores: false, groupIds: [] }, 'groupIds', 'at least one store'],
  ])('%s', (_name, changes, field, words) => {
    expect(formProblems(form(changes), en)[field as AppFormField]).toContain(words);
  });
});

describe("the server's refusals", () => {
  test('an address index becomes the line the admin typed it on', () => {
    const typed = form({ redirectUrisText: 'https://a.example/cb\n\nftp://b.example/cb' });
    expect(problemFromServer(typed, 'redirectUris.1', 'must start with https://', en)).toEqual({
      field: 'redirectUris',
      message: 'Line 3: Must start with https://.',
    });
  });

  test('a key problem names the key (counted from 1) and its member', () => {
    expect(
      problemFromServer(form(), 'jwks.keys.0.d', 'is part of a private key: give only the public key', en),
    ).toEqual({
      field: 'jwks',
      message: 'Key 1 ("d"): Is part of a private key: give only the public key.',
    });
    expect(problemFromServer(form(), 'jwks.keys.1', 'is not a valid public key', en)?.message).toBe(
      'Key 2: Is not a valid public key.',
    );
  });

  test('other fields go next to their field; unknown ones are not placed', () => {
    expect(problemFromServer(form(), 'groupIds', 'names a store that does not exist', en)?.field).toBe(
      'groupIds',
    );
    expect(problemFromServer(form(), 'tokenEndpointAuthMethod', 'must be none', en)?.field).toBe('kind');
    expect(problemFromServer(form(), 'surprise', 'x', en)).toBeNull();
    expect(problemFromServer(form(), undefined, 'x', en)).toBeNull();
  });
});

test('stores are named, never shown as ids', () => {
  const groups = [
    { id: 's1', displayName: 'Porto' },
    { id: 's2', displayName: 'Lisbon' },
  ];
  expect(storesSummary([], groups, en)).toBe('All stores');
  expect(storesSummary(['s2', 's1'], groups, en)).toBe('Lisbon, Porto');
  expect(storesSummary(['gone'], groups, en)).toBe('a deleted store');
});

test('the form’s problems read in Spanish too, the address rule included', () => {
  const problems = formProblems(
    form({ displayName: '', redirectUrisText: 'https://a.example/cb\nhttp://rota.example.com/cb' }),
    es,
  );
  expect(problems.displayName).toBe('Ponle un nombre a la app.');
  expect(problems.redirectUris).toBe(
    'Línea 2: Debe empezar por https:// (http:// solo para localhost o 127.0.0.1, durante el desarrollo).',
  );
  expect(storesSummary([], [], es)).toBe('Todas las tiendas');
});
