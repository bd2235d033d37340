/**
 * /api/admin/apps: store apps (OpenID Connect clients) as an admin registers and looks after them —
 * the client secret shown once and sealed at rest, the address rules, who may change apps,
 * re-authentication and the audit trail (never a secret in it).
 */
import { exportJWK, generateKeyPair } from 'jose';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { AppView, AppWithSecret } from '../../server/contracts/apps.js';
import {
  addGroup,
  queryRows,
  readError,
  readJson,
  signedInAdmin,
  signedInUser,
  startHarness,
  type Harness,
} from '../support/api-harness.js';

let h: Harness;
let storeId: string;

beforeAll(async () => {
  h = await startHarness();
  storeId = (await addGroup(h, 'Porto store')).id;
});
afterAll(() => h.close());

const APPS = '/api/admin/apps';
let nameCounter = 0;
const uniqueName = (prefix: string) => `${prefix} ${++nameCounter}`;

async function register(body: Record<string, unknown> = {}): Promise<AppWithSecret> {
  const res = await h.request('POST', APPS, {
    body: {
      displayName: uniqueName('Rota'),
      clientType: 'public',
      redirectUris: ['https://rota.example.com/callback'],
      ...body,
    },
  });
  expect(res.status, await res.clone().text()).toBe(201);
  return readJson<AppWithSecret>(res);
}

async function expectRefusal(res: Response, status: number, code: string, field?: string) {
  expect(res.status).toBe(status);
  const { error } = await readError(res);
  expect(error.code).toBe(code);
  if (field) expect(error.field).toBe(field);
  return error;
}

const sealedSecretOf = async (id: string) =>
  (await queryRows(h, 'SELECT client_secret_sealed FROM apps WHERE id = ?', [id]))[0]?.client_secret_sealed;

const auditsOf = (id: string) =>
  queryRows(h, 'SELECT activity, details FROM audit_logs WHERE target_id = ? ORDER BY activity_at, rowid', [
    id,
  ]);

describe('registering an app', () => {
  test('a public app: PKCE, no secret, a url-safe client id and the discovery URL for its developer', async () => {
    const app = await register({
      displayName: 'Shift swap',
      postLogoutRedirectUris: ['https://swap.example.com/signed-out'],
      backchannelLogoutUri: 'https://swap.example.com/backchannel-logout',
      homeUrl: 'https://swap.example.com/start',
      groupIds: [storeId],
    });
    expect(app).toMatchObject({
      displayName: 'Shift swap',
      clientType: 'public',
      tokenEndpointAuthMethod: 'none',
      hasSecret: false,
      jwks: null,
      redirectUris: ['https://rota.example.com/callback'],
      postLogoutRedirectUris: ['https://swap.example.com/signed-out'],
      backchannelLogoutUri: 'https://swap.example.com/backchannel-logout',
      homeUrl: 'https://swap.example.com/start',
      groupIds: [storeId],
      enabled: true,
      discoveryUrl: 'http://localhost:3000/oidc/.well-known/openid-configuration',
    });
    expect(app.clientId).toBe(app.id);
    expect(app.id).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(app).not.toHaveProperty('clientSecret');
    expect(await sealedSecretOf(app.id)).toBeNull();
  });

  test('a confidential app: the secret is in the create answer only, sealed at rest, never listed or read', async () => {
    const app = await register({ clientType: 'confidential' });
    expect(app.tokenEndpointAuthMethod).toBe('client_secret_basic');
    expect(app.hasSecret).toBe(true);
    expect(app.clientSecret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const secret = app.clientSecret!;

    const sealed = String(await sealedSecretOf(app.id));
    expect(sealed).not.toContain(secret);
    expect(h.runtime.deps.oidcSecrets.openClientSecret(sealed, app.id)).toBe(secret);
    // Bound to the app: the same sealed value does not open for another app id.
    expect(h.runtime.deps.oidcSecrets.openClientSecret(sealed, 'another-app')).toBeNull();

    const read = await (await h.request('GET', `${APPS}/${app.id}`)).text();
    const list = await (await h.request('GET', APPS)).text();
    for (const answer of [read, list]) {
      expect(answer).not.toContain(secret);
      expect(answer).not.toContain(sealed);
      expect(answer).not.toContain('clientSecret"');
    }
    expect(JSON.parse(read)).toMatchObject({ id: app.id, hasSecret: true });
  });

  test('a private_key_jwt app keeps its public keys and has no secret', async () => {
    const { publicKey } = await generateKeyPair('ES256', { extractable: true });
    const jwk = { ...(await exportJWK(publicKey)), kid: 'app-key-1', use: 'sig' };
    const app = await register({
      clientType: 'confidential',
      tokenEndpointAuthMethod: 'private_key_jwt',
      jwks: { keys: [jwk] },
    });
    expect(app).toMatchObject({ tokenEndpointAuthMethod: 'private_key_jwt', hasSecret: false });
    expect(app.jwks).toEqual({ keys: [jwk] });
    expect(app).not.toHaveProperty('clientSecret');
  });

  test('apps are listed by name', async () => {
    const zulu = await register({ displayName: 'Zulu timesheets' });
    const alpha = await register({ displayName: 'Alpha training' });
    const { value } = await readJson<{ value: AppView[] }>(await h.request('GET', APPS));
    const names = value.map((app) => app.displayName);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'en')));
    expect(names.indexOf(alpha.displayName)).toBeLessThan(names.indexOf(zulu.displayName));
  });

  test('http is accepted on localhost and 127.0.0.1, for development', async () => {
    const app = await register({
      redirectUris: ['http://localhost:5173/callback', 'http://127.0.0.1:8080/cb'],
      homeUrl: 'http://localhost:5173/',
    });
    expect(app.redirectUris).toEqual(['http://localhost:5173/callback', 'http://127.0.0.1:8080/cb']);
  });
});

describe('refusals name the field', () => {
  test('a second app with the same name → 409 NAME_ALREADY_EXISTS on displayName, on create and rename', async () => {
    const first = await register();
    const again = await h.request('POST', APPS, {
      body: { displayName: first.displayName, clientType: 'public', redirectUris: ['https://a.example/cb'] },
    });
    const error = await expectRefusal(again, 409, 'NAME_ALREADY_EXISTS', 'displayName');
    expect(error.message).toContain(`'${first.displayName}' already exists`);
    const other = await register();
    const rename = await h.request('PATCH', `${APPS}/${other.id}`, {
      body: { displayName: first.displayName },
    });
    await expectRefusal(rename, 409, 'NAME_ALREADY_EXISTS', 'displayName');
  });

  test.each([
    ['http on a public host', { redirectUris: ['http://rota.example.com/cb'] }, 'redirectUris.0', 'https://'],
    ['a fragment', { redirectUris: ['https://rota.example.com/cb#x'] }, 'redirectUris.0', 'fragment'],
    ['javascript:', { redirectUris: ['javascript:alert(1)'] }, 'redirectUris.0', 'https://'],
    ['a relative address', { redirectUris: ['/callback'] }, 'redirectUris.0', 'full web address'],
    ['no redirect URI', { redirectUris: [] }, 'redirectUris', 'at least one'],
    [
      'a second bad address',
      { redirectUris: ['https://ok.example/cb', 'ftp://files.example/cb'] },
      'redirectUris.1',
      'https://',
    ],
    [
      'http post-logout address on a public host',
      { postLogoutRedirectUris: ['http://rota.example.com/bye'] },
      'postLogoutRedirectUris.0',
      'https://',
    ],
    [
      'a back-channel logout URI with a fragment',
      { backchannelLogoutUri: 'https://rota.example.com/logout#now' },
      'backchannelLogoutUri',
      'fragment',
    ],
    ['a relative home URL', { homeUrl: 'start' }, 'homeUrl', 'full web address'],
    ['an empty name', { displayName: '  ' }, 'displayName', 'Enter a name'],
    ['an unknown type', { clientType: 'secret' }, 'clientType', "'public' or 'confidential'"],
    [
      'a public app with a secret method',
      { tokenEndpointAuthMethod: 'client_secret_basic' },
      'tokenEndpointAuthMethod',
      'PKCE',
    ],
    [
      'private_key_jwt without keys',
      { clientType: 'confidential', tokenEndpointAuthMethod: 'private_key_jwt' },
      'jwks',
      'required',
    ],
  ])('%s → 400 VALIDATION_FAILED on %s', async (_name, body, field, words) => {
    const res = await h.request('POST', APPS, {
      body: {
        displayName: uniqueName('Bad'),
        clientType: 'public',
        redirectUris: ['https://a.example/cb'],
        ...body,
      },
    });
    const error = await expectRefusal(res, 400, 'VALIDATION_FAILED', field);
    expect(error.message).toContain(words);
  });

  test('a private key, a symmetric key or a broken key is refused naming the key', async () => {
    const { privateKey } = await generateKeyPair('ES256', { extractable: true });
    const privateJwk = await exportJWK(privateKey);
    const { publicKey } = await generateKeyPair('ES256', { extractable: true });
    const publicJwk = await exportJWK(publicKey);
    for (const [keys, field, words] of [
      [[privateJwk], 'jwks.keys.0.d', 'private key'],
      [[{ kty: 'oct', k: 'c2VjcmV0' }], 'jwks.keys.0.kty', 'EC or RSA'],
      [[publicJwk, { ...publicJwk, x: 'AAAA' }], 'jwks.keys.1', 'not a valid public key'],
      [[{ ...publicJwk, crv: 'secp256k1' }], 'jwks.keys.0', 'curve'],
      [[{ kty: 'RSA', n: 'AQAB', e: 'AQAB' }], 'jwks.keys.0', '2048 bits'],
    ] as const) {
      const res = await h.request('POST', APPS, {
        body: {
          displayName: uniqueName('Keyed'),
          clientType: 'confidential',
          tokenEndpointAuthMethod: 'private_key_jwt',
          redirectUris: ['https://a.example/cb'],
          jwks: { keys },
        },
      });
      const error = await expectRefusal(res, 400, 'VALIDATION_FAILED', field);
      expect(error.message).toContain(words);
    }
  });

  test('an unknown store → 400 GROUP_NOT_FOUND on groupIds, and nothing is saved', async () => {
    const name = uniqueName('Nowhere');
    const res = await h.request('POST', APPS, {
      body: {
        displayName: name,
        clientType: 'public',
        redirectUris: ['https://a.example/cb'],
        groupIds: ['no-such-store'],
      },
    });
    await expectRefusal(res, 400, 'GROUP_NOT_FOUND', 'groupIds');
    expect(await queryRows(h, 'SELECT id FROM apps WHERE display_name = ?', [name])).toEqual([]);
    const app = await register();
    const patch = await h.request('PATCH', `${APPS}/${app.id}`, { body: { groupIds: [storeId, 'gone'] } });
    await expectRefusal(patch, 400, 'GROUP_NOT_FOUND', 'groupIds');
  });

  test('the type is fixed at registration; keys only for a private_key_jwt app', async () => {
    const app = await register();
    const retype = await h.request('PATCH', `${APPS}/${app.id}`, { body: { clientType: 'confidential' } });
    await expectRefusal(retype, 400, 'VALIDATION_FAILED', 'clientType');
    const { publicKey } = await generateKeyPair('ES256', { extractable: true });
    const keys = await h.request('PATCH', `${APPS}/${app.id}`, {
      body: { jwks: { keys: [await exportJWK(publicKey)] } },
    });
    await expectRefusal(keys, 400, 'VALIDATION_FAILED', 'jwks');
  });
});

describe('looking after an app', () => {
  test('edits, disable and delete are audited with before and after, never with the secret', async () => {
    const app = await register({ clientType: 'confidential', displayName: 'Payroll' });
    const secret = app.clientSecret!;

    const patched = await h.request('PATCH', `${APPS}/${app.id}`, {
      body: {
        displayName: 'Payroll (Porto)',
        redirectUris: ['https://payroll.example.com/cb'],
        backchannelLogoutUri: 'https://payroll.example.com/logout',
        groupIds: [storeId],
      },
    });
    expect(patched.status).toBe(200);
    expect(await readJson<AppView>(patched)).toMatchObject({
      displayName: 'Payroll (Porto)',
      redirectUris: ['https://payroll.example.com/cb'],
      backchannelLogoutUri: 'https://payroll.example.com/logout',
      groupIds: [storeId],
      hasSecret: true,
    });
    const disabled = await h.request('PATCH', `${APPS}/${app.id}`, { body: { enabled: false } });
    expect((await readJson<AppView>(disabled)).enabled).toBe(false);
    const cleared = await h.request('PATCH', `${APPS}/${app.id}`, { body: { backchannelLogoutUri: null } });
    expect((await readJson<AppView>(cleared)).backchannelLogoutUri).toBeNull();

    expect((await h.request('DELETE', `${APPS}/${app.id}`)).status).toBe(204);
    expect((await h.request('GET', `${APPS}/${app.id}`)).status).toBe(404);
    expect(await queryRows(h, 'SELECT id FROM apps WHERE id = ?', [app.id])).toEqual([]);

    const audits = await auditsOf(app.id);
    expect(audits.map((a) => a.activity)).toEqual([
      'app.created',
      'app.updated',
      'app.updated',
      'app.updated',
      'app.deleted',
    ]);
    const update = JSON.parse(String(audits[1]!.details)) as { before: AppView; after: AppView };
    expect([update.before.displayName, update.after.displayName]).toEqual(['Payroll', 'Payroll (Porto)']);
    expect(update.after.hasSecret).toBe(true);
    const sealed = String(await sealedSecretOf(app.id));
    for (const audit of audits) {
      expect(String(audit.details)).not.toContain(secret);
      expect(String(audit.details)).not.toContain(sealed);
    }
  });

  test('rotating gives a new secret once; the sealed value changes and the old secret no longer opens', async () => {
    const app = await register({ clientType: 'confidential' });
    const oldSealed = String(await sealedSecretOf(app.id));

    const res = await h.request('POST', `${APPS}/${app.id}/rotate-secret`);
    expect(res.status).toBe(200);
    const rotated = await readJson<AppWithSecret>(res);
    expect(rotated.clientSecret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(rotated.clientSecret).not.toBe(app.clientSecret);

    const newSealed = String(await sealedSecretOf(app.id));
    expect(newSealed).not.toBe(oldSealed);
    expect(h.runtime.deps.oidcSecrets.openClientSecret(newSealed, app.id)).toBe(rotated.clientSecret);
    expect(h.runtime.deps.oidcSecrets.openClientSecret(newSealed, app.id)).not.toBe(app.clientSecret);
    expect(await (await h.request('GET', `${APPS}/${app.id}`)).text()).not.toContain(rotated.clientSecret!);

    const audits = await auditsOf(app.id);
    expect(audits.map((a) => a.activity)).toEqual(['app.created', 'app.secretRotated']);
    for (const audit of audits) {
      expect(String(audit.details)).not.toContain(rotated.clientSecret!);
      expect(String(audit.details)).not.toContain(app.clientSecret!);
    }
  });

  test('an app without a secret has none to rotate → 409 APP_HAS_NO_SECRET', async () => {
    const app = await register();
    await expectRefusal(await h.request('POST', `${APPS}/${app.id}/rotate-secret`), 409, 'APP_HAS_NO_SECRET');
    expect(await sealedSecretOf(app.id)).toBeNull();
  });

  test('unknown apps → 404', async () => {
    for (const [method, path, body] of [
      ['GET', `${APPS}/no-such-app`, undefined],
      ['PATCH', `${APPS}/no-such-app`, { enabled: true }],
      ['POST', `${APPS}/no-such-app/rotate-secret`, undefined],
      ['DELETE', `${APPS}/no-such-app`, undefined],
    ] as const) {
      await expectRefusal(await h.request(method, path, { body }), 404, 'NOT_FOUND');
    }
  });
});

describe('who may change apps', () => {
  test('managers and workers → 403 on every route; without a session → 401', async () => {
    const app = await register();
    const manager = await signedInUser(h, { role: 'manager' });
    const worker = await signedInUser(h);
    for (const cookie of [manager.cookie, worker.cookie]) {
      for (const [method, path] of [
        ['GET', APPS],
        ['POST', APPS],
        ['GET', `${APPS}/${app.id}`],
        ['PATCH', `${APPS}/${app.id}`],
        ['POST', `${APPS}/${app.id}/rotate-secret`],
        ['DELETE', `${APPS}/${app.id}`],
      ] as const) {
        const res = await h.request(method, path, {
          token: null,
          cookie,
          body: method === 'GET' ? undefined : {},
        });
        expect(res.status, `${method} ${path}`).toBe(403);
      }
    }
    expect((await h.request('GET', APPS, { token: null })).status).toBe(401);
  });

  test('a console admin must have re-authenticated within 5 minutes to register, edit, rotate or delete', async () => {
    const { cookie } = await signedInAdmin(h);
    const asConsole = { token: null, cookie };
    const created = await h.request('POST', APPS, {
      ...asConsole,
      body: {
        displayName: uniqueName('Fresh'),
        clientType: 'confidential',
        redirectUris: ['https://a.example/cb'],
      },
    });
    expect(created.status).toBe(201);
    const app = await readJson<AppWithSecret>(created);
    const sealed = await sealedSecretOf(app.id);

    h.clock.advanceSeconds(301);
    for (const [method, path, body] of [
      ['POST', APPS, { displayName: 'Stale', clientType: 'public', redirectUris: ['https://a.example/cb'] }],
      ['PATCH', `${APPS}/${app.id}`, { redirectUris: ['https://attacker.example/cb'] }],
      ['POST', `${APPS}/${app.id}/rotate-secret`, undefined],
      ['DELETE', `${APPS}/${app.id}`, undefined],
    ] as const) {
      const res = await h.request(method, path, { ...asConsole, body });
      expect(res.status, `${method} ${path}`).toBe(401);
      expect((await readError(res)).error.code).toBe('REAUTHENTICATION_REQUIRED');
    }
    expect(await sealedSecretOf(app.id)).toBe(sealed);
    expect(
      (await readJson<AppView>(await h.request('GET', `${APPS}/${app.id}`, asConsole))).redirectUris,
    ).toEqual(['https://a.example/cb']);
    expect((await h.request('GET', APPS, asConsole)).status).toBe(200);
  });
});
