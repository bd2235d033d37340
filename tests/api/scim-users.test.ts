/**
 * SCIM 2.0 Users (RFC 7643/7644) as a provisioning client uses them: discovery, who may call,
 * create / read / list with filters and pages / replace / PATCH / delete, ETags, and every error
 * type with the RFC's status and body, nothing written on a refusal. Entra's own request sequences
 * are in scim-entra-users.test.ts.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { sha256 } from '../../server/platform/crypto.js';
import {
  createUser,
  queryRows,
  readJson,
  signedInAdmin,
  startHarness,
  type Harness,
} from '../support/api-harness.js';
import {
  ENTERPRISE,
  expectList,
  expectScimError,
  LIST_RESPONSE,
  scimBody,
  scimClient,
  scimToken,
  USER_SCHEMA,
  type Json,
  type ScimClient,
} from '../support/scim.js';

const ORIGIN = 'https://shiftpass.example.test';
let h: Harness;
let scim: ScimClient;
let counter = 0;

beforeAll(async () => {
  h = await startHarness({ PUBLIC_ORIGIN: ORIGIN });
  scim = scimClient(h, await scimToken(h));
});
afterAll(() => h.close());

/** A User body with unique names; `extra` overrides. */
function userBody(extra: Json = {}): Json {
  counter += 1;
  return {
    schemas: [USER_SCHEMA, ENTERPRISE],
    userName: `person${counter}@example.test`,
    externalId: `ext-${counter}`,
    name: { givenName: 'Ana', familyName: `García ${counter}` },
    displayName: `Ana García ${counter}`,
    emails: [{ value: `ana${counter}@work.example.test`, type: 'work', primary: true }],
    active: true,
    [ENTERPRISE]: { employeeNumber: `E${1000 + counter}` },
    ...extra,
  };
}

async function created(body: Json = userBody(), client = scim): Promise<Json> {
  const res = await client.post('/Users', body);
  const json = await scimBody(res);
  expect(res.status, JSON.stringify(json)).toBe(201);
  return json;
}

const userRow = async (id: string) => (await queryRows(h, 'SELECT * FROM users WHERE id = ?', [id]))[0]!;

describe('discovery', () => {
  test('ServiceProviderConfig says what is supported, as RFC 7643 §5 shapes it', async () => {
    const res = await scim.get('/ServiceProviderConfig');
    const body = await scimBody(res);
    expect(res.status).toBe(200);
    expect(body).toMatchObject({
      schemas: ['urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig'],
      patch: { supported: true },
      bulk: { supported: false },
      filter: { supported: true, maxResults: 200 },
      changePassword: { supported: false },
      sort: { supported: false },
      etag: { supported: true },
      meta: { resourceType: 'ServiceProviderConfig', location: `${ORIGIN}/scim/v2/ServiceProviderConfig` },
    });
    expect(body.authenticationSchemes).toEqual([
      expect.objectContaining({ type: 'oauthbearertoken', name: expect.any(String) }),
    ]);
  });

  test('ResourceTypes and Schemas describe User with the enterprise extension', async () => {
    const types = await expectList(await scim.get('/ResourceTypes'), 1);
    expect(types[0]).toMatchObject({
      schemas: ['urn:ietf:params:scim:schemas:core:2.0:ResourceType'],
      id: 'User',
      name: 'User',
      endpoint: '/Users',
      schema: USER_SCHEMA,
      schemaExtensions: [{ schema: ENTERPRISE, required: false }],
      meta: { resourceType: 'ResourceType', location: `${ORIGIN}/scim/v2/ResourceTypes/User` },
    });
    expect(await scimBody(await scim.get('/ResourceTypes/User'))).toMatchObject({ id: 'User' });

    const schemas = await expectList(await scim.get('/Schemas'), 2);
    const core = schemas.find((schema) => schema.id === USER_SCHEMA)!;
    const names = (core.attributes as Json[]).map((attribute) => attribute.name);
    expect(names).toEqual(
      expect.arrayContaining(['userName', 'name', 'displayName', 'active', 'emails', 'roles']),
    );
    expect(names.some((name: string) => name.startsWith('urn:'))).toBe(false);
    const enterprise = await scimBody(await scim.get(`/Schemas/${ENTERPRISE}`));
    expect((enterprise.attributes as Json[]).map((a) => a.name)).toContain('employeeNumber');

    await expectScimError(await scim.get('/ResourceTypes/Printer'), 404);
    await expectScimError(await scim.get('/Schemas/urn:nothing'), 404);
    await expectScimError(await scim.get('/Bulk'), 404);
  });
});

describe('who may call', () => {
  test('no token, an unknown token, a cookie: 401 with a SCIM body and a Bearer challenge', async () => {
    const none = await scim.get('/Users', { token: null });
    await expectScimError(none, 401);
    expect(none.headers.get('www-authenticate')).toMatch(/^Bearer/);
    await expectScimError(await scim.get('/Users', { token: 'sp_not-a-real-token-0123456789' }), 401);
    const { cookie } = await signedInAdmin(h);
    await expectScimError(await scim.get('/Users', { token: null, headers: { cookie } }), 401);
  });

  test('a token without the scim scope, or owned by someone who is no longer an admin: 403', async () => {
    const people = await scimToken(h, ['users.write'], 'HR sync (admin API)');
    await expectScimError(await scimClient(h, people).get('/Users'), 403);

    // A scim token whose owner was made a manager acts as a manager: refused.
    const owner = await createUser(h, { role: 'admin' });
    const token = 'sp_scim-token-of-a-demoted-admin-0001';
    await h.runtime.deps.repos.credentials.insertApiToken({
      id: 'demoted-owner-token',
      displayName: 'Old provisioning',
      tokenHash: sha256(token),
      userId: owner.id,
      createdAt: h.clock.now(),
      expiresAt: null,
      scopes: ['scim'],
    });
    expect((await scimClient(h, token).get('/Users')).status).toBe(200);
    const demoted = await h.request('PATCH', `/api/admin/users/${owner.id}`, { body: { role: 'manager' } });
    expect(demoted.status).toBe(200);
    await expectScimError(await scimClient(h, token).get('/Users'), 403);
  });

  test('a scim token opens SCIM only, not the admin API; admin.full opens both', async () => {
    const res = await h.request('GET', '/api/admin/users', { token: await scimToken(h) });
    expect(res.status).toBe(403);
    const full = scimClient(h, await scimToken(h, ['admin.full'], 'Everything'));
    expect((await full.get('/Users?count=1')).status).toBe(200);
  });

  test('answers carry the API security headers and no cookie', async () => {
    const res = await scim.get('/ServiceProviderConfig');
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('set-cookie')).toBeNull();
  });
});

describe('create and read', () => {
  test('POST makes a person the console sees, with every mapped attribute, an ETag and a Location', async () => {
    const body = userBody();
    const res = await scim.post('/Users', body);
    const user = await scimBody(res);
    expect(res.status).toBe(201);
    expect(res.headers.get('location')).toBe(`${ORIGIN}/scim/v2/Users/${user.id}`);
    expect(res.headers.get('etag')).toMatch(/^W\/".+"$/);
    expect(user).toEqual({
      schemas: [USER_SCHEMA, ENTERPRISE],
      id: expect.any(String),
      externalId: body.externalId,
      userName: body.userName,
      name: { givenName: 'Ana', familyName: body.name.familyName, formatted: body.displayName },
      displayName: body.displayName,
      active: true,
      emails: [{ value: body.emails[0].value, type: 'work', primary: true }],
      roles: [{ value: 'worker', primary: true }],
      [ENTERPRISE]: { employeeNumber: body[ENTERPRISE].employeeNumber },
      meta: {
        resourceType: 'User',
        created: h.clock.now().toISOString(),
        lastModified: h.clock.now().toISOString(),
        location: `${ORIGIN}/scim/v2/Users/${user.id}`,
        version: res.headers.get('etag'),
      },
    });

    const console = await readJson<Json>(await h.request('GET', `/api/admin/users/${user.id}`));
    expect(console).toMatchObject({
      userPrincipalName: body.userName,
      displayName: body.displayName,
      employeeId: body[ENTERPRISE].employeeNumber,
      role: 'worker',
      accountEnabled: true,
    });
    const [audit] = await queryRows(
      h,
      "SELECT actor_type FROM audit_logs WHERE activity = 'user.created' AND target_id = ?",
      [user.id],
    );
    expect(audit).toMatchObject({ actor_type: 'api_token' });

    const read = await scim.get(`/Users/${user.id}`);
    expect(await scimBody(read)).toEqual(user);
    expect(read.headers.get('etag')).toBe(res.headers.get('etag'));
  });

  test('displayName comes from the name parts, or the userName, when not sent; name parts from displayName', async () => {
    const fromParts = await created(
      userBody({ displayName: undefined, name: { givenName: 'Luz', familyName: 'Prado' } }),
    );
    expect(fromParts.displayName).toBe('Luz Prado');
    const bare = await created({ schemas: [USER_SCHEMA], userName: 'bare.person@example.test' });
    expect(bare).toMatchObject({
      displayName: 'bare.person@example.test',
      active: true,
      roles: [{ value: 'worker' }],
    });
    expect(bare.emails).toBeUndefined();
    expect(bare.externalId).toBeUndefined();
    const consoleMade = await createUser(h, { displayName: 'Marta Ruiz Soto' });
    const read = await scimBody(await scim.get(`/Users/${consoleMade.id}`));
    expect(read.name).toEqual({ givenName: 'Marta', familyName: 'Ruiz Soto', formatted: 'Marta Ruiz Soto' });
  });

  test('userName and externalId are unique: 409 uniqueness, nothing written', async () => {
    const first = await created();
    const before = (await queryRows(h, 'SELECT count(*) AS n FROM users'))[0]!.n;
    await expectScimError(
      await scim.post('/Users', userBody({ userName: first.userName.toUpperCase() })),
      409,
      'uniqueness',
    );
    await expectScimError(
      await scim.post('/Users', userBody({ externalId: first.externalId })),
      409,
      'uniqueness',
    );
    expect((await queryRows(h, 'SELECT count(*) AS n FROM users'))[0]!.n).toBe(before);
  });

  test('roles: worker by default, manager allowed, admin only with scim.admins', async () => {
    expect((await created(userBody({ roles: [{ value: 'manager', primary: true }] }))).roles).toEqual([
      { value: 'manager', primary: true },
    ]);
    await expectScimError(await scim.post('/Users', userBody({ roles: [{ value: 'admin' }] })), 403);
    await expectScimError(
      await scim.post('/Users', userBody({ roles: [{ value: 'owner' }] })),
      400,
      'invalidValue',
    );
    await expectScimError(
      await scim.post('/Users', userBody({ roles: [{ value: 'worker' }, { value: 'manager' }] })),
      400,
      'invalidValue',
    );

    const admins = scimClient(h, await scimToken(h, ['scim.admins'], 'Entra (admins too)'));
    const admin = await created(userBody({ roles: [{ value: 'admin' }] }), admins);
    expect(admin.roles).toEqual([{ value: 'admin', primary: true }]);
    // A plain scim token may read an admin but not change one.
    expect((await scim.get(`/Users/${admin.id}`)).status).toBe(200);
    await expectScimError(
      await scim.patch(`/Users/${admin.id}`, [{ op: 'replace', path: 'displayName', value: 'X' }]),
      403,
    );
    await expectScimError(await scim.delete(`/Users/${admin.id}`), 403);
    const demote = await admins.patch(`/Users/${admin.id}`, [
      { op: 'replace', path: 'roles', value: [{ value: 'manager' }] },
    ]);
    expect((await scimBody(demote)).roles).toEqual([{ value: 'manager', primary: true }]);
  });

  test('bad bodies: invalidSyntax or invalidValue, nothing written', async () => {
    const before = (await queryRows(h, 'SELECT count(*) AS n FROM users'))[0]!.n;
    await expectScimError(await scim.send('POST', '/Users', { raw: '{"userName": ' }), 400, 'invalidSyntax');
    await expectScimError(await scim.send('POST', '/Users', { raw: '[1]' }), 400, 'invalidSyntax');
    await expectScimError(
      await scim.send('POST', '/Users', { raw: '{}', headers: { 'content-type': 'text/plain' } }),
      400,
      'invalidSyntax',
    );
    await expectScimError(await scim.post('/Users', { schemas: [USER_SCHEMA] }), 400, 'invalidValue');
    await expectScimError(
      await scim.post('/Users', userBody({ userName: 'has space@example.test' })),
      400,
      'invalidValue',
    );
    await expectScimError(await scim.post('/Users', userBody({ userName: 42 })), 400, 'invalidValue');
    await expectScimError(await scim.post('/Users', userBody({ active: 'maybe' })), 400, 'invalidValue');
    await expectScimError(
      await scim.post('/Users', userBody({ emails: [{ value: 'not-an-email', type: 'work' }] })),
      400,
      'invalidValue',
    );
    await expectScimError(
      await scim.post('/Users', userBody({ displayName: 'x'.repeat(300) })),
      400,
      'invalidValue',
    );
    await expectScimError(
      await scim.post('/Users', { ...userBody(), schemas: ['urn:example:Printer'] }),
      400,
      'invalidSyntax',
    );
    expect((await queryRows(h, 'SELECT count(*) AS n FROM users'))[0]!.n).toBe(before);
    // A JSON body sent as application/json is read (Entra does so).
    const plain = await scim.send('POST', '/Users', {
      raw: JSON.stringify(userBody()),
      headers: { 'content-type': 'application/json; charset=utf-8' },
    });
    expect(plain.status).toBe(201);
  });

  test('an unknown id: 404 on every method', async () => {
    for (const res of [
      await scim.get('/Users/no-such-id'),
      await scim.put('/Users/no-such-id', userBody()),
      await scim.patch('/Users/no-such-id', [{ op: 'replace', path: 'displayName', value: 'X' }]),
      await scim.delete('/Users/no-such-id'),
    ]) {
      await expectScimError(res, 404);
    }
  });

  test('attributes and excludedAttributes choose what comes back; id and schemas always do', async () => {
    const user = await created();
    const only = await scimBody(await scim.get(`/Users/${user.id}?attributes=userName,emails.value`));
    expect(Object.keys(only).sort()).toEqual(['emails', 'id', 'meta', 'schemas', 'userName']);
    expect(only.emails).toEqual([{ value: user.emails[0].value }]);
    const without = await scimBody(await scim.get(`/Users/${user.id}?excludedAttributes=emails,name`));
    expect(without.emails).toBeUndefined();
    expect(without.name).toBeUndefined();
    expect(without.userName).toBe(user.userName);
    await expectScimError(await scim.get(`/Users/${user.id}?attributes=`), 400, 'invalidFilter');
    await expectScimError(await scim.get(`/Users/${user.id}?attributes=a%20b`), 400, 'invalidFilter');
  });
});

describe('list, filters and pages', () => {
  let people: Json[];
  beforeAll(async () => {
    const fresh = await startHarness({ PUBLIC_ORIGIN: ORIGIN });
    h.close();
    h = fresh;
    scim = scimClient(h, await scimToken(h));
    people = [];
    h.clock.advanceSeconds(1);
    for (const [given, family, active] of [
      ['Ana', 'Lopez', true],
      ['Bruno', 'Diaz', true],
      ['Carla', 'Lopez', false],
      ['Dario', 'Mendez', true],
      ['Elena', 'Ortiz', true],
    ] as const) {
      people.push(
        await created(
          userBody({
            userName: `${given.toLowerCase()}@example.test`,
            externalId: `HR-${given}`,
            displayName: `${given} ${family}`,
            name: { givenName: given, familyName: family },
            emails: [{ value: `${given.toLowerCase()}@work.example.test`, type: 'work' }],
            active,
          }),
        ),
      );
      h.clock.advanceSeconds(1);
    }
  });

  const list = (filter: string, extra = '') =>
    scim.get(`/Users?filter=${encodeURIComponent(filter)}${extra}`);
  const names = (resources: Json[]) => resources.map((resource) => resource.name.givenName);

  test('every person, oldest first, paged by startIndex and count with the total', async () => {
    // The bootstrap admin (made at first start) is a person too.
    const all = await expectList(await scim.get('/Users'), 6);
    expect(names(all.slice(1))).toEqual(['Ana', 'Bruno', 'Carla', 'Dario', 'Elena']);
    const page = await expectList(await scim.get('/Users?startIndex=3&count=2'), 6, 3);
    expect(names(page)).toEqual(['Bruno', 'Carla']);
    expect(await expectList(await scim.get('/Users?startIndex=7&count=2'), 6, 7)).toEqual([]);
    const counted = await scimBody(await scim.get('/Users?count=0'));
    expect(counted).toMatchObject({
      schemas: [LIST_RESPONSE],
      totalResults: 6,
      itemsPerPage: 0,
      Resources: [],
    });
    // Out-of-range values are read as the RFC says: startIndex < 1 is 1, count < 0 is 0, count is capped.
    expect((await expectList(await scim.get('/Users?startIndex=-4&count=500'), 6)).length).toBe(6);
    await expectScimError(await scim.get('/Users?startIndex=two'), 400, 'invalidValue');
    await expectScimError(await scim.get('/Users?count=1.5'), 400, 'invalidValue');
  });

  test('the indexed filters a provisioning client sends: userName, externalId, emails, id, displayName, active', async () => {
    expect(names(await expectList(await list('userName eq "ANA@example.test"'), 1))).toEqual(['Ana']);
    expect(names(await expectList(await list('externalId eq "HR-Bruno"'), 1))).toEqual(['Bruno']);
    // externalId is case-exact (RFC 7643 §3.1).
    await expectList(await list('externalId eq "hr-bruno"'), 0);
    expect(names(await expectList(await list('emails eq "carla@work.example.test"'), 1))).toEqual(['Carla']);
    expect(names(await expectList(await list('emails.value co "DARIO@"'), 1))).toEqual(['Dario']);
    expect(names(await expectList(await list(`id eq "${people[4]!.id}"`), 1))).toEqual(['Elena']);
    expect(names(await expectList(await list('displayName sw "br"'), 1))).toEqual(['Bruno']);
    expect(names(await expectList(await list('active eq false'), 1))).toEqual(['Carla']);
    expect(names(await expectList(await list('userName sw "a" or userName sw "e"'), 2))).toEqual([
      'Ana',
      'Elena',
    ]);
    expect(
      names(
        await expectList(
          await list('(displayName co "lopez" or displayName co "diaz") and active eq true'),
          2,
        ),
      ),
    ).toEqual(['Ana', 'Bruno']);
    // LIKE's own characters are plain text in a filter.
    await expectList(await list('userName co "%"'), 0);
    await expectList(await list('userName sw "_na"'), 0);
    const paged = await expectList(await list('active eq true', '&startIndex=2&count=2'), 5, 2);
    expect(names(paged)).toEqual(['Ana', 'Bruno']);
  });

  test('other filters are matched by scimmy: name parts, not, ew, meta', async () => {
    expect(names(await expectList(await list('name.familyName eq "lopez"'), 2))).toEqual(['Ana', 'Carla']);
    expect(names(await expectList(await list('not (name.familyName eq "Lopez") and emails pr'), 3))).toEqual([
      'Bruno',
      'Dario',
      'Elena',
    ]);
    expect(names(await expectList(await list('userName ew "uno@example.test"'), 1))).toEqual(['Bruno']);
    expect(names(await expectList(await list('emails[type eq "work" and value sw "elena"]'), 1))).toEqual([
      'Elena',
    ]);
    expect(names(await expectList(await list(`${ENTERPRISE}:employeeNumber pr`), 5)).length).toBe(5);
  });

  test('filters that cannot be read: 400 invalidFilter', async () => {
    for (const filter of [
      'userName eq',
      '((userName eq "a"',
      'userName zz "a"',
      'printer eq "x"',
      'name eq "x"',
      'userName eq "a" and',
      ' ',
      `userName eq "${'a'.repeat(2100)}"`,
    ]) {
      await expectScimError(await list(filter), 400, 'invalidFilter');
    }
  });

  test('any filter text answers 200 or a 400 SCIM error, never a 500', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.string({ maxLength: 80 }),
          fc
            .tuple(
              fc.constantFrom(
                'userName',
                'emails',
                'emails.value',
                'externalId',
                'active',
                'name.givenName',
                'x',
                'emails[type',
              ),
              fc.constantFrom('eq', 'co', 'sw', 'pr', 'gt', 'not', 'and', '('),
              fc.oneof(
                fc.string({ maxLength: 10 }).map((s) => JSON.stringify(s)),
                fc.constantFrom('true', '1', 'null', ')', ''),
              ),
              fc.constantFrom('', ' and ', ' or ', ')', ' and active eq true'),
            )
            .map((parts) => parts.join(' ')),
        ),
        async (filter) => {
          const res = await list(filter);
          expect([200, 400], `${filter} → ${res.status}`).toContain(res.status);
          const body = await scimBody(res);
          if (res.status === 400) expect(body.scimType).toMatch(/^(invalidFilter|tooMany|invalidValue)$/);
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe('replace, ETags, patch, delete', () => {
  test('PUT replaces: what it leaves out is cleared, roles and active are kept', async () => {
    const user = await created(userBody({ roles: [{ value: 'manager' }] }));
    const res = await scim.put(`/Users/${user.id}`, {
      schemas: [USER_SCHEMA],
      userName: user.userName,
      displayName: 'Ana Renamed',
    });
    const replaced = await scimBody(res);
    expect(res.status).toBe(200);
    expect(replaced).toMatchObject({
      displayName: 'Ana Renamed',
      active: true,
      roles: [{ value: 'manager' }],
    });
    expect(replaced.emails).toBeUndefined();
    expect(replaced.externalId).toBeUndefined();
    expect(replaced[ENTERPRISE]).toBeUndefined();
    expect(replaced.name).toEqual({ givenName: 'Ana', familyName: 'Renamed', formatted: 'Ana Renamed' });
    expect(replaced.meta.version).not.toBe(user.meta.version);
  });

  test('If-Match: a stale version is refused with 412 and nothing written; the current one and * pass', async () => {
    const user = await created();
    const v1 = user.meta.version as string;
    const changed = await scim.patch(
      `/Users/${user.id}`,
      [{ op: 'replace', path: 'displayName', value: 'Version Two' }],
      {
        headers: { 'if-match': v1 },
      },
    );
    const v2 = (await scimBody(changed)).meta.version as string;
    expect(changed.status).toBe(200);
    expect(changed.headers.get('etag')).toBe(v2);
    expect(v2).not.toBe(v1);

    const stale = await scim.patch(
      `/Users/${user.id}`,
      [{ op: 'replace', path: 'displayName', value: 'Lost' }],
      {
        headers: { 'if-match': v1 },
      },
    );
    await expectScimError(stale, 412);
    await expectScimError(
      await scim.put(`/Users/${user.id}`, userBody(), { headers: { 'if-match': v1 } }),
      412,
    );
    await expectScimError(await scim.delete(`/Users/${user.id}`, { headers: { 'if-match': v1 } }), 412);
    expect((await userRow(user.id)).display_name).toBe('Version Two');
    expect((await scim.get(`/Users/${user.id}`, { headers: { 'if-match': v1 } })).status).toBe(200);
    // A strong form of the same tag and a wildcard match too.
    const strong = v2.replace(/^W\//, '');
    expect(
      (
        await scim.patch(`/Users/${user.id}`, [{ op: 'replace', path: 'displayName', value: 'Three' }], {
          headers: { 'if-match': strong },
        })
      ).status,
    ).toBe(200);
    expect(
      (
        await scim.patch(`/Users/${user.id}`, [{ op: 'replace', path: 'displayName', value: 'Four' }], {
          headers: { 'if-match': '*' },
        })
      ).status,
    ).toBe(200);

    const current = (await scim.get(`/Users/${user.id}`)).headers.get('etag')!;
    const notModified = await scim.get(`/Users/${user.id}`, { headers: { 'if-none-match': current } });
    expect(notModified.status).toBe(304);
    // A change made in the console changes the version too.
    await h.request('PATCH', `/api/admin/users/${user.id}`, { body: { displayName: 'Changed In Console' } });
    expect((await scim.get(`/Users/${user.id}`)).headers.get('etag')).not.toBe(current);
  });

  test('PATCH add / replace / remove on paths, filtered paths, the extension and with no path', async () => {
    const user = await created();
    const res = await scim.patch(`/Users/${user.id}`, [
      { op: 'replace', path: 'name.givenName', value: 'Anabel' },
      { op: 'replace', path: 'emails[type eq "work"].value', value: 'anabel@work.example.test' },
      { op: 'add', path: `${ENTERPRISE}:employeeNumber`, value: 'E-77' },
      { op: 'replace', value: { displayName: 'Anabel García', externalId: 'ext-anabel' } },
      { op: 'add', path: 'roles', value: [{ value: 'manager', primary: true }] },
    ]);
    const patched = await scimBody(res);
    expect(res.status, JSON.stringify(patched)).toBe(200);
    expect(patched).toMatchObject({
      displayName: 'Anabel García',
      externalId: 'ext-anabel',
      name: { givenName: 'Anabel', familyName: user.name.familyName },
      emails: [{ value: 'anabel@work.example.test', type: 'work' }],
      [ENTERPRISE]: { employeeNumber: 'E-77' },
      roles: [{ value: 'manager' }],
    });
    expect(await readJson<Json>(await h.request('GET', `/api/admin/users/${user.id}`))).toMatchObject({
      displayName: 'Anabel García',
      employeeId: 'E-77',
      role: 'manager',
    });

    const removed = await scimBody(
      await scim.patch(`/Users/${user.id}`, [
        { op: 'remove', path: 'emails[type eq "work"]' },
        { op: 'remove', path: 'externalId' },
        { op: 'remove', path: `${ENTERPRISE}:employeeNumber` },
      ]),
    );
    expect(removed.emails).toBeUndefined();
    expect(removed.externalId).toBeUndefined();
    expect(removed[ENTERPRISE]).toBeUndefined();

    // A PATCH that changes nothing answers the person as they are, with the same version.
    const same = await scimBody(
      await scim.patch(`/Users/${user.id}`, [{ op: 'replace', path: 'active', value: true }]),
    );
    expect(same.meta.version).toBe(removed.meta.version);
  });

  test('PATCH errors: invalidPath, noTarget, mutability, invalidSyntax, invalidValue, uniqueness; nothing written', async () => {
    const other = await created();
    const user = await created();
    const before = await userRow(user.id);
    const patch = (operations: unknown[]) => scim.patch(`/Users/${user.id}`, operations);
    await expectScimError(await patch([{ op: 'replace', path: 'printer', value: 'x' }]), 400, 'invalidPath');
    await expectScimError(
      await patch([{ op: 'replace', path: 'emails[type eq ', value: 'x' }]),
      400,
      'invalidPath',
    );
    await expectScimError(await patch([{ op: 'remove' }]), 400, 'noTarget');
    await expectScimError(await patch([{ op: 'replace', path: 'id', value: 'mine' }]), 400, 'mutability');
    await expectScimError(
      await patch([{ op: 'replace', path: 'meta.created', value: 'x' }]),
      400,
      'mutability',
    );
    await expectScimError(
      await patch([{ op: 'add', path: 'groups', value: [{ value: 'g' }] }]),
      400,
      'mutability',
    );
    await expectScimError(await patch([{ op: 'replace', value: { id: 'mine' } }]), 400, 'mutability');
    await expectScimError(await patch([{ op: 'move', path: 'userName', value: 'x' }]), 400, 'invalidSyntax');
    await expectScimError(
      await patch([{ op: 'replace', path: 'active', value: 'perhaps' }]),
      400,
      'invalidValue',
    );
    await expectScimError(await patch([{ op: 'replace', path: 'userName', value: '' }]), 400, 'invalidValue');
    await expectScimError(
      await patch([{ op: 'replace', path: 'userName', value: other.userName }]),
      409,
      'uniqueness',
    );
    await expectScimError(
      await patch([{ op: 'replace', path: 'externalId', value: other.externalId }]),
      409,
      'uniqueness',
    );
    await expectScimError(await patch([]), 400, 'invalidValue');
    await expectScimError(
      await patch(Array.from({ length: 101 }, () => ({ op: 'replace', path: 'displayName', value: 'x' }))),
      400,
      'invalidValue',
    );
    await expectScimError(
      await scim.send('PATCH', `/Users/${user.id}`, {
        body: { Operations: [{ op: 'replace', path: 'displayName', value: 'x' }] },
      }),
      400,
      'invalidSyntax',
    );
    // One bad operation among good ones: none of them is applied.
    await expectScimError(
      await patch([
        { op: 'replace', path: 'displayName', value: 'Half Done' },
        { op: 'replace', path: 'printer', value: 'x' },
      ]),
      400,
      'invalidPath',
    );
    expect(await userRow(user.id)).toEqual(before);
  });

  test('any PATCH body answers 2xx or a 4xx SCIM error, never a 500', async () => {
    const user = await created();
    const op = fc.record(
      {
        op: fc.oneof(
          fc.constantFrom('add', 'Replace', 'remove', 'REMOVE', 'copy'),
          fc.string({ maxLength: 5 }),
        ),
        path: fc.oneof(
          fc.constantFrom(
            'active',
            'userName',
            'displayName',
            'name.givenName',
            'emails[type eq "work"].value',
            'emails[value co "@"]',
            'roles',
            `${ENTERPRISE}:employeeNumber`,
            'meta',
            'groups[value eq "x"]',
          ),
          fc.string({ maxLength: 30 }),
        ),
        value: fc.oneof(
          fc.string({ maxLength: 20 }),
          fc.boolean(),
          fc.integer(),
          fc.constantFrom('False', 'True', null),
          fc.array(
            fc.record({ value: fc.string({ maxLength: 10 }), type: fc.constantFrom('work', 'home') }),
            { maxLength: 2 },
          ),
          fc.dictionary(
            fc.constantFrom('active', 'displayName', 'name.familyName', 'externalId', 'x'),
            fc.oneof(fc.string({ maxLength: 8 }), fc.boolean()),
          ),
        ),
      },
      { requiredKeys: ['op'] },
    );
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 4 }), async (operations) => {
        const res = await scim.patch(`/Users/${user.id}`, operations);
        expect(res.status, JSON.stringify(operations)).toBeLessThan(500);
        if (res.status >= 400) await scimBody(res);
      }),
      { numRuns: 150 },
    );
  });

  test('DELETE offboards, then the person is gone for SCIM but kept, disabled, in the console', async () => {
    const user = await created();
    const res = await scim.delete(`/Users/${user.id}`);
    expect(res.status).toBe(204);
    for (const after of [
      await scim.get(`/Users/${user.id}`),
      await scim.patch(`/Users/${user.id}`, [{ op: 'replace', path: 'active', value: true }]),
      await scim.put(`/Users/${user.id}`, userBody()),
      await scim.delete(`/Users/${user.id}`),
    ]) {
      await expectScimError(after, 404);
    }
    await expectList(
      await scim.get(`/Users?filter=${encodeURIComponent(`userName eq "${user.userName}"`)}`),
      0,
    );
    await expectList(await scim.get(`/Users?filter=${encodeURIComponent(`id eq "${user.id}"`)}`), 0);
    const kept = await readJson<Json>(await h.request('GET', `/api/admin/users/${user.id}`));
    expect(kept).toMatchObject({ displayName: user.displayName, accountEnabled: false });
    const [audit] = await queryRows(
      h,
      "SELECT actor_type FROM audit_logs WHERE activity = 'user.deprovisioned' AND target_id = ?",
      [user.id],
    );
    expect(audit).toMatchObject({ actor_type: 'api_token' });

    // The externalId is free again, and the same userName is a new POST away (RFC 7644 §3.6).
    const again = await created(userBody({ userName: user.userName, externalId: user.externalId }));
    expect(again).toMatchObject({ userName: user.userName, externalId: user.externalId, active: true });
  });
});
