/**
 * SCIM Groups are stores (/scim/v2/Groups). Replays the request sequence Microsoft Entra's
 * provisioning service sends for a group (Microsoft's "Tutorial: Develop and plan provisioning for a
 * SCIM endpoint", Group operations: create, get with excludedAttributes=members, find by
 * displayName, PATCH Replace displayName, PATCH Add / Remove members with `"$ref": null`, delete),
 * and checks every answer's shape against RFC 7643 §4.2 / RFC 7644 §3; then the other path forms,
 * filters, pages, ETags, each refusal with its scimType (nothing written), the admin rule, the
 * audit, and a new member showing up in the store's badge queue.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { NewPeopleView } from '../../server/contracts/badge-queue.js';
import {
  addGroup,
  createUser,
  queryRows,
  readJson,
  startHarness,
  type Harness,
} from '../support/api-harness.js';
import {
  expectList,
  expectScimError,
  scimBody,
  scimClient,
  scimToken,
  type Json,
  type ScimClient,
} from '../support/scim.js';

const GROUP_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:Group';
/** The extra schema Entra names in a new group's body. */
const ENTRA_GROUP_SCHEMA = 'http://schemas.microsoft.com/2006/11/ResourceManagement/ADSCIM/2.0/Group';
const ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/;

let h: Harness;
let scim: ScimClient;
let seq = 0;
/** Where resources are linked from: the server's configured origin. */
let BASE: string;

beforeAll(async () => {
  h = await startHarness();
  scim = scimClient(h, await scimToken(h));
  BASE = `${h.runtime.deps.settings.linkOrigin}/scim/v2`;
});
afterAll(() => h.close());

const unique = (name: string) => `${name} ${++seq}`;

/** RFC 7643 §4.2 / §3.1: a Group with id, displayName, members with value/$ref/display, and meta. */
function expectGroupShape(group: Json, members = true) {
  expect(group.schemas).toEqual([GROUP_SCHEMA]);
  expect(typeof group.id).toBe('string');
  expect(typeof group.displayName).toBe('string');
  expect(group.meta.resourceType).toBe('Group');
  expect(group.meta.location).toBe(`${BASE}/Groups/${group.id}`);
  expect(group.meta.created).toMatch(ISO);
  expect(group.meta.version).toMatch(/^W\/".+"$/);
  if (!members) {
    expect(group.members).toBeUndefined();
    return;
  }
  for (const member of group.members ?? []) {
    expect(member).toEqual({
      value: expect.any(String),
      display: expect.any(String),
      type: 'User',
      $ref: `${BASE}/Users/${member.value}`,
    });
  }
}

const memberIds = (group: Json) => ((group.members ?? []) as Json[]).map((m) => m.value as string);

async function createStore(body: Json = {}) {
  const res = await scim.post('/Groups', {
    schemas: [GROUP_SCHEMA],
    displayName: unique('Store'),
    ...body,
  });
  expect(res.status).toBe(201);
  return scimBody(res);
}

async function getStore(id: string) {
  const res = await scim.get(`/Groups/${id}`);
  expect(res.status).toBe(200);
  return scimBody(res);
}

const auditOf = (groupId: string) =>
  queryRows(h, 'SELECT activity, details FROM audit_logs WHERE target_id = ? ORDER BY activity_at, rowid', [
    groupId,
  ]);

describe("Entra's group sequence", () => {
  test('create, read without members, find by displayName, rename, add and remove members, delete', async () => {
    const ana = await createUser(h, { displayName: 'Ana Entra' });
    const bo = await createUser(h, { displayName: 'Bo Entra' });
    const externalId = '8aa1a0c0-c4c3-4bc0-b4a5-2ef676900159';
    const name = unique('Lisboa Baixa');

    // Create Group.
    const created = await scim.post('/Groups', {
      schemas: [GROUP_SCHEMA, ENTRA_GROUP_SCHEMA],
      externalId,
      displayName: name,
      meta: { resourceType: 'Group' },
    });
    expect(created.status).toBe(201);
    const group = await scimBody(created);
    expectGroupShape(group);
    expect(group).toMatchObject({ externalId, displayName: name, members: [] });
    expect(created.headers.get('location')).toBe(group.meta.location);
    expect(created.headers.get('etag')).toBe(group.meta.version);
    // It is a store: the admin API and console see it.
    const store = await h.request('GET', `/api/admin/groups/${group.id}`);
    expect((await readJson<{ displayName: string }>(store)).displayName).toBe(name);

    // Get Group, members excluded (Entra asks so).
    const read = await scim.get(`/Groups/${group.id}?excludedAttributes=members`);
    expect(read.status).toBe(200);
    expectGroupShape(await scimBody(read), false);

    // Get Group by displayName (and by externalId).
    const byName = await expectList(
      await scim.get(
        `/Groups?excludedAttributes=members&filter=${encodeURIComponent(`displayName eq "${name}"`)}`,
      ),
      1,
    );
    expect(byName.map((g) => g.id)).toEqual([group.id]);
    expectGroupShape(byName[0]!, false);
    const byExternalId = await expectList(
      await scim.get(`/Groups?filter=${encodeURIComponent(`externalId eq "${externalId}"`)}`),
      1,
    );
    expect(byExternalId[0]!.id).toBe(group.id);

    // Update Group [non-member attributes]: Replace displayName.
    const renamed = `${name} Centro`;
    const rename = await scim.patch(`/Groups/${group.id}`, [
      { op: 'Replace', path: 'displayName', value: renamed },
    ]);
    expect(rename.status).toBe(200);
    expect((await scimBody(rename)).displayName).toBe(renamed);

    // Update Group [Add Members], as Entra sends it: "$ref": null.
    const add = await scim.patch(`/Groups/${group.id}`, [
      { op: 'Add', path: 'members', value: [{ $ref: null, value: ana.id }] },
    ]);
    expect(add.status).toBe(200);
    const withAna = await scimBody(add);
    expectGroupShape(withAna);
    expect(withAna.members).toEqual([
      { value: ana.id, display: 'Ana Entra', type: 'User', $ref: `${BASE}/Users/${ana.id}` },
    ]);
    await scim.patch(`/Groups/${group.id}`, [
      { op: 'Add', path: 'members', value: [{ $ref: null, value: bo.id }] },
    ]);
    expect(memberIds(await getStore(group.id)).sort()).toEqual([ana.id, bo.id].sort());
    // The person's own stores say so too.
    const person = await readJson<{ groupIds: string[] }>(
      await h.request('GET', `/api/admin/users/${ana.id}`),
    );
    expect(person.groupIds).toEqual([group.id]);

    // Update Group [Remove Members], as Entra sends it: path members, the member in value.
    const remove = await scim.patch(`/Groups/${group.id}`, [
      { op: 'Remove', path: 'members', value: [{ $ref: null, value: ana.id }] },
    ]);
    expect(remove.status).toBe(200);
    expect(memberIds(await scimBody(remove))).toEqual([bo.id]);
    await scim.patch(`/Groups/${group.id}`, [{ op: 'Remove', path: `members[value eq "${bo.id}"]` }]);
    expect(memberIds(await getStore(group.id))).toEqual([]);

    // Delete Group, then it is gone.
    const deleted = await scim.delete(`/Groups/${group.id}`);
    expect(deleted.status).toBe(204);
    await expectScimError(await scim.get(`/Groups/${group.id}`), 404);
    expect((await h.request('GET', `/api/admin/groups/${group.id}`)).status).toBe(404);

    // Audited: created, renamed, the externalId set, every member change, deleted.
    const activities = (await auditOf(group.id)).map((row) => row.activity);
    expect(activities).toEqual([
      'group.created',
      'group.updated',
      'group.updated',
      'group.membersChanged',
      'group.membersChanged',
      'group.membersChanged',
      'group.membersChanged',
      'group.deleted',
    ]);
  });
});

describe('discovery', () => {
  test('ResourceTypes and Schemas name Group at /Groups', async () => {
    const types = await scimBody(await scim.get('/ResourceTypes'));
    const group = (types.Resources as Json[]).find((t) => t.id === 'Group');
    expect(group).toMatchObject({ name: 'Group', endpoint: '/Groups', schema: GROUP_SCHEMA });
    const schemas = await scimBody(await scim.get('/Schemas'));
    const definition = (schemas.Resources as Json[]).find((s) => s.id === GROUP_SCHEMA);
    expect((definition?.attributes as Json[]).map((a) => a.name)).toEqual(['displayName', 'members']);
  });
});

describe('members', () => {
  test('a POST may bring members; a PUT replaces them; leaving members out of a PUT keeps them', async () => {
    const [a, b, c] = await Promise.all(
      ['Cy', 'Di', 'Ed'].map((n) => createUser(h, { displayName: `${n} Put` })),
    );
    const group = await createStore({ members: [{ value: a!.id }, { value: b!.id }] });
    expect(memberIds(group).sort()).toEqual([a!.id, b!.id].sort());

    const put = await scim.put(`/Groups/${group.id}`, {
      schemas: [GROUP_SCHEMA],
      displayName: group.displayName,
      members: [{ value: b!.id }, { value: c!.id }],
    });
    expect(put.status).toBe(200);
    expect(memberIds(await scimBody(put)).sort()).toEqual([b!.id, c!.id].sort());

    const rename = await scim.put(`/Groups/${group.id}`, {
      schemas: [GROUP_SCHEMA],
      displayName: `${group.displayName} B`,
    });
    expect(rename.status).toBe(200);
    expect(memberIds(await scimBody(rename)).sort()).toEqual([b!.id, c!.id].sort());

    const audit = await auditOf(group.id);
    const changes = audit
      .filter((row) => row.activity === 'group.membersChanged')
      .map((row) => JSON.parse(String(row.details)));
    expect(changes[1]).toEqual({
      added: ['Ed Put'],
      removed: ['Cy Put'],
      addedIds: [c!.id],
      removedIds: [a!.id],
    });
  });

  test('adding someone twice, or removing someone who is not a member, changes nothing', async () => {
    const person = await createUser(h);
    const group = await createStore({ members: [{ value: person.id }] });
    const again = await scim.patch(`/Groups/${group.id}`, [
      { op: 'add', path: 'members', value: [{ value: person.id }] },
    ]);
    expect(again.status).toBe(200);
    expect(memberIds(await scimBody(again))).toEqual([person.id]);
    const stranger = await createUser(h);
    const none = await scim.patch(`/Groups/${group.id}`, [
      { op: 'remove', path: `members[value eq "${stranger.id}"]` },
    ]);
    expect(none.status).toBe(200);
    expect(memberIds(await scimBody(none))).toEqual([person.id]);
    expect((await auditOf(group.id)).filter((row) => row.activity === 'group.membersChanged')).toHaveLength(
      1,
    );
  });

  test('a member who is no SCIM user is invalidValue, and nothing of the request is written', async () => {
    const person = await createUser(h);
    const group = await createStore();
    const res = await scim.patch(`/Groups/${group.id}`, [
      { op: 'Replace', path: 'displayName', value: 'Never Renamed' },
      { op: 'Add', path: 'members', value: [{ value: person.id }, { value: 'no-such-person' }] },
    ]);
    const error = await expectScimError(res, 400, 'invalidValue');
    expect(error.detail).toContain('no-such-person');
    const after = await getStore(group.id);
    expect(after.displayName).toBe(group.displayName);
    expect(memberIds(after)).toEqual([]);

    const posted = await scim.post('/Groups', {
      schemas: [GROUP_SCHEMA],
      displayName: 'Never Created',
      members: [{ value: 'no-such-person' }],
    });
    await expectScimError(posted, 400, 'invalidValue');
    const found = await scim.get(`/Groups?filter=${encodeURIComponent('displayName eq "Never Created"')}`);
    await expectList(found, 0);
  });

  test('a person a SCIM client deleted can no longer be added, and is no longer listed', async () => {
    const person = await createUser(h, { displayName: 'Gil Gone' });
    const group = await createStore({ members: [{ value: person.id }] });
    expect((await scim.delete(`/Users/${person.id}`)).status).toBe(204);
    expect(memberIds(await getStore(group.id))).toEqual([]);
    const res = await scim.patch(`/Groups/${group.id}`, [
      { op: 'Add', path: 'members', value: [{ value: person.id }] },
    ]);
    await expectScimError(res, 400, 'invalidValue');
    // The store can go: the person SCIM can no longer see is taken out first, on the record.
    expect((await scim.delete(`/Groups/${group.id}`)).status).toBe(204);
    const audit = await auditOf(group.id);
    expect(audit.slice(-2).map((row) => row.activity)).toEqual(['group.membersChanged', 'group.deleted']);
    expect(JSON.parse(String(audit.at(-2)!.details))).toMatchObject({ removed: ['Gil Gone'], added: [] });
  });

  test("an admin's stores change only with a token that may change admins (scim.admins)", async () => {
    const admin = await createUser(h, { role: 'admin', displayName: 'Ada Admin' });
    const group = await createStore();
    const res = await scim.patch(`/Groups/${group.id}`, [
      { op: 'Add', path: 'members', value: [{ value: admin.id }] },
    ]);
    const error = await expectScimError(res, 403);
    expect(error.detail).toContain('scim.admins');
    expect(memberIds(await getStore(group.id))).toEqual([]);

    const wide = scimClient(h, await scimToken(h, ['scim.admins'], 'Entra (admins too)'));
    const allowed = await wide.patch(`/Groups/${group.id}`, [
      { op: 'Add', path: 'members', value: [{ value: admin.id }] },
    ]);
    expect(allowed.status).toBe(200);
    expect(memberIds(await scimBody(allowed))).toEqual([admin.id]);
  });

  test('a person added by SCIM waits in the store badge queue until their badge is issued', async () => {
    const user = await scim.post('/Users', {
      schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
      userName: `new.hire.${++seq}@example.test`,
      displayName: 'Hana Hire',
      active: true,
    });
    expect(user.status).toBe(201);
    const hire = await scimBody(user);
    const group = await createStore();
    await scim.patch(`/Groups/${group.id}`, [
      { op: 'Add', path: 'members', value: [{ $ref: null, value: hire.id }] },
    ]);
    const queue = await readJson<NewPeopleView>(
      await h.request('GET', `/api/admin/groups/${group.id}/badges/new-people`),
    );
    expect(queue.value.map((p) => p.displayName)).toEqual(['Hana Hire']);
  });
});

describe('filters and pages', () => {
  test('displayName is matched without case; id, externalId and members filters; and/or', async () => {
    const person = await createUser(h);
    const name = unique('Ávila Centro');
    const group = await createStore({
      displayName: name,
      externalId: `ext-${seq}`,
      members: [{ value: person.id }],
    });
    const other = await createStore({ externalId: `other-${seq}` });
    const ids = async (filter: string) => {
      const res = await scim.get(`/Groups?filter=${encodeURIComponent(filter)}&count=200`);
      const body = await scimBody(res);
      expect(res.status, JSON.stringify(body)).toBe(200);
      return (body.Resources as Json[]).map((g) => g.id);
    };
    expect(await ids(`displayName eq "${name.toLowerCase()}"`)).toEqual([group.id]);
    expect(await ids(`DISPLAYNAME eq "${name.toUpperCase()}"`)).toEqual([group.id]);
    expect(await ids(`id eq "${group.id}"`)).toEqual([group.id]);
    expect(await ids(`externalId eq "EXT-${seq - 1}"`)).toEqual([]);
    expect(await ids(`id eq "${group.id}" and members eq "${person.id}"`)).toEqual([group.id]);
    expect(await ids(`id eq "${other.id}" and members[value eq "${person.id}"]`)).toEqual([]);
    expect((await ids(`id eq "${group.id}" or id eq "${other.id}"`)).sort()).toEqual(
      [group.id, other.id].sort(),
    );
    expect(await ids(`displayName sw "${name.slice(0, 5).toLowerCase()}"`)).toEqual([group.id]);
  });

  test('startIndex and count page the stores, oldest first, with the total', async () => {
    const first = await scimBody(await scim.get('/Groups?count=2&excludedAttributes=members'));
    const total = first.totalResults as number;
    expect(total).toBeGreaterThanOrEqual(3);
    expect(first).toMatchObject({ startIndex: 1, itemsPerPage: 2 });
    const second = await scimBody(await scim.get('/Groups?startIndex=3&count=2'));
    expect(second).toMatchObject({ startIndex: 3, totalResults: total });
    const everyone = await scimBody(await scim.get('/Groups?count=200'));
    const order = (everyone.Resources as Json[]).map((g) => g.id);
    expect((first.Resources as Json[]).map((g) => g.id)).toEqual(order.slice(0, 2));
    expect((second.Resources as Json[]).map((g) => g.id)).toEqual(order.slice(2, 4));
    const none = await scimBody(await scim.get('/Groups?count=0'));
    expect(none).toMatchObject({ totalResults: total, itemsPerPage: 0, Resources: [] });
  });

  test('a store made in the console is a Group too', async () => {
    const store = await addGroup(h, unique('Console Store'));
    const [found] = await expectList(
      await scim.get(`/Groups?filter=${encodeURIComponent(`displayName eq "${store.displayName}"`)}`),
      1,
    );
    expect(found!.id).toBe(store.id);
    expect(found!.externalId).toBeUndefined();
  });
});

describe('refusals', () => {
  test('a malformed filter is invalidFilter; an unknown attribute too', async () => {
    await expectScimError(
      await scim.get(`/Groups?filter=${encodeURIComponent('displayName eq')}`),
      400,
      'invalidFilter',
    );
    await expectScimError(
      await scim.get(`/Groups?filter=${encodeURIComponent('(displayName eq "x"')}`),
      400,
      'invalidFilter',
    );
    await expectScimError(
      await scim.get(`/Groups?filter=${encodeURIComponent('shoeSize eq "44"')}`),
      400,
      'invalidFilter',
    );
  });

  test('a bad PATCH path is invalidPath, id and meta are mutability, an unknown op invalidSyntax', async () => {
    const group = await createStore();
    await expectScimError(
      await scim.patch(`/Groups/${group.id}`, [{ op: 'Replace', path: 'shoeSize', value: 1 }]),
      400,
      'invalidPath',
    );
    await expectScimError(
      await scim.patch(`/Groups/${group.id}`, [{ op: 'Replace', path: 'id', value: 'mine' }]),
      400,
      'mutability',
    );
    await expectScimError(
      await scim.patch(`/Groups/${group.id}`, [{ op: 'Replace', value: { meta: {} } }]),
      400,
      'mutability',
    );
    await expectScimError(
      await scim.patch(`/Groups/${group.id}`, [{ op: 'Move', path: 'displayName', value: 'x' }]),
      400,
      'invalidSyntax',
    );
    expect((await getStore(group.id)).displayName).toBe(group.displayName);
  });

  test('a name the stores service refuses is invalidValue; a missing one too', async () => {
    await expectScimError(
      await scim.post('/Groups', { schemas: [GROUP_SCHEMA], displayName: '' }),
      400,
      'invalidValue',
    );
    await expectScimError(await scim.post('/Groups', { schemas: [GROUP_SCHEMA] }), 400, 'invalidValue');
    await expectScimError(
      await scim.post('/Groups', { schemas: [GROUP_SCHEMA], displayName: 'Bad\u202Ename' }),
      400,
      'invalidValue',
    );
  });

  test('an externalId another group holds is uniqueness (409), nothing written', async () => {
    const first = await createStore({ externalId: `taken-${++seq}` });
    const res = await scim.post('/Groups', {
      schemas: [GROUP_SCHEMA],
      displayName: 'Second',
      externalId: first.externalId,
    });
    await expectScimError(res, 409, 'uniqueness');
    const second = await createStore();
    const patch = await scim.patch(`/Groups/${second.id}`, [
      { op: 'Replace', path: 'externalId', value: first.externalId },
    ]);
    await expectScimError(patch, 409, 'uniqueness');
    expect((await getStore(second.id)).externalId).toBeUndefined();
  });

  test('a store that still has people is not deleted (409); emptied, it is', async () => {
    const person = await createUser(h);
    const group = await createStore({ members: [{ value: person.id }] });
    const refused = await expectScimError(await scim.delete(`/Groups/${group.id}`), 409);
    expect(refused.detail).toContain('1 person');
    expect((await getStore(group.id)).id).toBe(group.id);
    await scim.patch(`/Groups/${group.id}`, [{ op: 'Remove', path: 'members' }]);
    expect((await scim.delete(`/Groups/${group.id}`)).status).toBe(204);
  });

  test('unknown ids are 404; a token without the scim scope is 403', async () => {
    await expectScimError(await scim.get('/Groups/no-such-group'), 404);
    await expectScimError(
      await scim.patch('/Groups/no-such-group', [{ op: 'Replace', path: 'displayName', value: 'x' }]),
      404,
    );
    await expectScimError(await scim.delete('/Groups/no-such-group'), 404);
    const narrow = scimClient(h, await scimToken(h, ['users.write'], 'Not SCIM'));
    await expectScimError(await narrow.get('/Groups'), 403);
  });
});

describe('ETags', () => {
  test('a change moves the version; If-Match with an old one is 412 and writes nothing; If-None-Match is 304', async () => {
    const person = await createUser(h);
    const group = await createStore();
    const before = group.meta.version as string;
    const added = await scimBody(
      await scim.patch(
        `/Groups/${group.id}`,
        [{ op: 'Add', path: 'members', value: [{ value: person.id }] }],
        {
          headers: { 'if-match': before },
        },
      ),
    );
    expect(added.meta.version).not.toBe(before);
    const stale = await scim.patch(
      `/Groups/${group.id}`,
      [{ op: 'Replace', path: 'displayName', value: 'Stale' }],
      {
        headers: { 'if-match': before },
      },
    );
    await expectScimError(stale, 412);
    expect((await getStore(group.id)).displayName).toBe(group.displayName);
    const unchanged = await scim.get(`/Groups/${group.id}`, {
      headers: { 'if-none-match': added.meta.version },
    });
    expect(unchanged.status).toBe(304);
  });
});

describe('whatever a client sends', () => {
  const SEED = 20261206;
  const words = [
    'displayName',
    'externalId',
    'id',
    'members',
    'members.value',
    'meta',
    'schemas',
    'value',
    'display',
  ];
  const ops = ['eq', 'ne', 'co', 'sw', 'ew', 'pr', 'gt', 'and', 'or', 'not', 'Add', 'Remove', 'Replace'];
  const piece = fc.oneof(
    fc.constantFrom(
      ...words,
      ...ops,
      '"x"',
      '[',
      ']',
      '(',
      ')',
      '"',
      '\\',
      ' ',
      '.',
      ':',
      '\u0000',
      '\u202e',
    ),
    fc.string({ maxLength: 8 }),
  );
  const text = fc.array(piece, { maxLength: 10 }).map((parts) => parts.join(' '));
  const value = fc.oneof(
    fc.jsonValue({ maxDepth: 3 }),
    fc.array(fc.record({ value: fc.oneof(fc.string(), fc.constant(null)), $ref: fc.constant(null) }), {
      maxLength: 3,
    }),
  );

  test('a filter is answered 200 or a SCIM 4xx, never a 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(text, async (filter) => {
        const res = await scim.get(`/Groups?filter=${encodeURIComponent(filter)}`);
        expect(res.status).toBeLessThan(500);
        if (res.status >= 400) await expectScimError(res, res.status, (await res.clone().json()).scimType);
      }),
      { seed: SEED, numRuns: 150 },
    );
  });

  test('a PATCH is answered 200 or a SCIM 4xx, never a 5xx', async () => {
    const group = await createStore();
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.record(
            {
              op: fc.oneof(
                fc.constantFrom('add', 'Add', 'remove', 'Remove', 'replace', 'Replace'),
                fc.string(),
              ),
              path: text,
              value,
            },
            { requiredKeys: ['op'] },
          ),
          { minLength: 1, maxLength: 3 },
        ),
        async (operations) => {
          const res = await scim.patch(`/Groups/${group.id}`, operations);
          expect(res.status).toBeLessThan(500);
        },
      ),
      { seed: SEED, numRuns: 150 },
    );
  });
});
