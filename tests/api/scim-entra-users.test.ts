/**
 * Microsoft Entra's provisioning client, replayed: the requests it sends for users, in its order and
 * with its exact bodies (Microsoft's "Tutorial: Develop and plan provisioning for a SCIM endpoint",
 * "User Operations", and the non-compliant forms listed in "Known issues and resolutions with SCIM
 * 2.0 protocol compliance": capitalised ops, "False" as a string, PATCH without a path), each answer
 * checked against the RFC's shapes. And what a deactivation means at a kiosk: the badge fails at once,
 * the open session ends, and turning the person on again does not bring the badge back.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  getSession,
  issueMethod,
  readJson,
  signIn,
  startHarness,
  type Harness,
} from '../support/api-harness.js';
import {
  ENTERPRISE,
  expectList,
  LIST_RESPONSE,
  PATCH_OP,
  scimBody,
  scimClient,
  scimToken,
  USER_SCHEMA,
  type Json,
  type ScimClient,
} from '../support/scim.js';

const ORIGIN = 'https://shiftpass.example.test';
let h: Harness;
let entra: ScimClient;

beforeAll(async () => {
  h = await startHarness({ PUBLIC_ORIGIN: ORIGIN });
  entra = scimClient(h, await scimToken(h, ['scim'], 'Microsoft Entra provisioning'));
});
afterAll(() => h.close());

const byFilter = (filter: string) => entra.get(`/Users?filter=${encodeURIComponent(filter)}`);

/** Entra's own PATCH body: the PatchOp schema and its Operations, as it sends them. */
const patchBody = (Operations: Json[]) => ({ schemas: [PATCH_OP], Operations });

/** What every User answer holds (RFC 7643 §4.1, §3.1 meta). */
function expectUserShape(user: Json, id?: string): void {
  expect(user.schemas).toContain(USER_SCHEMA);
  expect(typeof user.id).toBe('string');
  if (id) expect(user.id).toBe(id);
  expect(user.meta).toEqual({
    resourceType: 'User',
    created: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    lastModified: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    location: `${ORIGIN}/scim/v2/Users/${user.id}`,
    version: expect.stringMatching(/^W\/"/),
  });
}

describe("Entra's user cycle", () => {
  test('test connection, create, find, update, disable, enable and delete, as Entra sends them', async () => {
    // "Test connection": a userName nobody has; an empty ListResponse is the right answer.
    const probe = await byFilter('userName eq "2f7a1c64-5bb4-4a54-9f7e-2f0c2a2d4c11"');
    expect(await scimBody(probe)).toEqual({
      schemas: [LIST_RESPONSE],
      totalResults: 0,
      startIndex: 1,
      itemsPerPage: 0,
      Resources: [],
    });
    await expectList(await byFilter('userName eq "non-existent user"'), 0);

    // Create User (the tutorial's request, word for word).
    const createBody = {
      schemas: [USER_SCHEMA, ENTERPRISE],
      externalId: '0a21f0f2-8d2a-4f8e-bf98-7363c4aed4ef',
      userName: 'Test_User_ab6490ee-1e48-479e-a20b-2d77186b5dd1',
      active: true,
      emails: [
        { primary: true, type: 'work', value: 'Test_User_fd0ea19b-0777-472c-9f96-4f70d2226f2e@testuser.com' },
      ],
      meta: { resourceType: 'User' },
      name: { formatted: 'givenName familyName', familyName: 'familyName', givenName: 'givenName' },
      roles: [],
    };
    const createdRes = await entra.post('/Users', createBody);
    const user = await scimBody(createdRes);
    expect(createdRes.status).toBe(201);
    expectUserShape(user);
    expect(user).toMatchObject({
      externalId: createBody.externalId,
      userName: createBody.userName,
      name: { familyName: 'familyName', givenName: 'givenName' },
      displayName: 'givenName familyName',
      active: true,
      emails: [{ value: createBody.emails[0]!.value, type: 'work', primary: true }],
    });
    const id = user.id as string;

    // Get User by query, on the matching attribute (userName) and on externalId.
    const [byName] = await expectList(await byFilter(`userName eq "${createBody.userName}"`), 1);
    expect(byName).toEqual(user);
    const [byExternalId] = await expectList(await byFilter(`externalId eq "${createBody.externalId}"`), 1);
    expect(byExternalId!.id).toBe(id);
    expectUserShape((await scimBody(await entra.get(`/Users/${id}`))) as Json, id);

    // Update User [Multi-valued properties].
    const multi = await entra.send('PATCH', `/Users/${id}`, {
      body: patchBody([
        { op: 'Replace', path: 'emails[type eq "work"].value', value: 'updatedEmail@microsoft.com' },
        { op: 'Replace', path: 'name.familyName', value: 'updatedFamilyName' },
      ]),
    });
    const afterMulti = await scimBody(multi);
    expect(multi.status).toBe(200);
    expectUserShape(afterMulti, id);
    expect(afterMulti.emails).toEqual([{ value: 'updatedEmail@microsoft.com', type: 'work', primary: true }]);
    expect(afterMulti.name).toMatchObject({ familyName: 'updatedFamilyName', givenName: 'givenName' });

    // Update User [Single-valued properties].
    const single = await entra.send('PATCH', `/Users/${id}`, {
      body: patchBody([
        { op: 'Replace', path: 'userName', value: '5b50642d-79fc-4410-9e90-4c077cdd1a59@testuser.com' },
      ]),
    });
    expect((await scimBody(single)).userName).toBe('5b50642d-79fc-4410-9e90-4c077cdd1a59@testuser.com');
    await expectList(await byFilter(`userName eq "${createBody.userName}"`), 0);

    // An attribute mapped later: the enterprise extension's employeeNumber, by its full path.
    const employee = await entra.send('PATCH', `/Users/${id}`, {
      body: patchBody([{ op: 'Add', path: `${ENTERPRISE}:employeeNumber`, value: '701984' }]),
    });
    expect((await scimBody(employee))[ENTERPRISE]).toEqual({ employeeNumber: '701984' });
    const consoleView = await readJson<Json>(await h.request('GET', `/api/admin/users/${id}`));
    expect(consoleView).toMatchObject({
      userPrincipalName: '5b50642d-79fc-4410-9e90-4c077cdd1a59@testuser.com',
      employeeId: '701984',
    });

    // Disable User.
    const disabled = await entra.send('PATCH', `/Users/${id}`, {
      body: patchBody([{ op: 'Replace', path: 'active', value: false }]),
    });
    expect((await scimBody(disabled)).active).toBe(false);
    await expectList(await byFilter('active eq false'), 1);
    // Enable again.
    const enabled = await entra.send('PATCH', `/Users/${id}`, {
      body: patchBody([{ op: 'Replace', path: 'active', value: true }]),
    });
    expect((await scimBody(enabled)).active).toBe(true);

    // Delete User.
    const deleted = await entra.delete(`/Users/${id}`);
    expect(deleted.status).toBe(204);
    expect(await deleted.text()).toBe('');
    await expectList(await byFilter(`externalId eq "${createBody.externalId}"`), 0);
    expect((await entra.get(`/Users/${id}`)).status).toBe(404);
  });

  test("Entra's older, non-compliant forms: capitalised ops, string booleans, PATCH without a path", async () => {
    const user = await scimBody(
      await entra.post('/Users', {
        schemas: [USER_SCHEMA],
        externalId: 'b4c0e6d5-1e11-4c8e-8a59-54d1c0a1f0a2',
        userName: 'lucia.mora@contoso.example',
        active: 'True',
        displayName: 'Lucía Mora',
        emails: [{ primary: 'True', type: 'work', value: 'lucia.mora@contoso.example' }],
      }),
    );
    expect(user).toMatchObject({ active: true, emails: [{ primary: true }] });
    const patch = (Operations: Json[]) =>
      entra.send('PATCH', `/Users/${user.id}`, { body: patchBody(Operations) });

    // A person with no work email gets one through the filtered path (there is nothing to match yet).
    const bare = await scimBody(
      await entra.post('/Users', { schemas: [USER_SCHEMA], userName: 'no.email@contoso.example' }),
    );
    const withEmail = await scimBody(
      await entra.send('PATCH', `/Users/${bare.id}`, {
        body: patchBody([
          { op: 'Add', path: 'emails[type eq "work"].value', value: 'no.email@work.example' },
        ]),
      }),
    );
    expect(withEmail.emails).toEqual([{ value: 'no.email@work.example', type: 'work', primary: true }]);

    // No path, the value an object of attributes (dotted names and the extension's URN inside).
    const noPath = await scimBody(
      await patch([
        {
          op: 'Add',
          value: {
            displayName: 'Lucía Mora Vidal',
            'name.givenName': 'Lucía',
            'name.familyName': 'Mora Vidal',
            [`${ENTERPRISE}:employeeNumber`]: 'EMP-0042',
          },
        },
      ]),
    );
    expect(noPath).toMatchObject({
      displayName: 'Lucía Mora Vidal',
      name: { givenName: 'Lucía', familyName: 'Mora Vidal' },
      [ENTERPRISE]: { employeeNumber: 'EMP-0042' },
    });

    // "False" as a string, with a path and without one.
    expect((await scimBody(await patch([{ op: 'Replace', path: 'active', value: 'False' }]))).active).toBe(
      false,
    );
    expect((await scimBody(await patch([{ op: 'Replace', value: { active: 'True' } }]))).active).toBe(true);
    // The same with the lowercase ops and real booleans Entra sends once aadOptscim062020 is set.
    expect((await scimBody(await patch([{ op: 'replace', value: { active: false } }]))).active).toBe(false);
    expect((await scimBody(await patch([{ op: 'replace', path: 'active', value: true }]))).active).toBe(true);
    // Attributes Shiftpass does not keep (a manager sent as a bare id, a job title, a work phone) are
    // accepted and change nothing.
    const before = (await scimBody(await entra.get(`/Users/${user.id}`))).meta.version;
    const ignored = await patch([
      { op: 'Add', path: `${ENTERPRISE}:manager`, value: '5f8b1f2c-1111-4c1e-9a7e-0b6a3d2e1f00' },
      { op: 'Add', path: 'title', value: 'Cashier' },
      { op: 'Add', path: 'phoneNumbers[type eq "work"].value', value: '+34 600 000 000' },
    ]);
    expect(ignored.status).toBe(200);
    expect((await scimBody(ignored)).meta.version).toBe(before);
    // Removing a value Entra no longer has for the person.
    const removed = await scimBody(await patch([{ op: 'Remove', path: `${ENTERPRISE}:employeeNumber` }]));
    expect(removed[ENTERPRISE]).toBeUndefined();
  });

  test('a deactivation ends the open kiosk session and the badge at once; re-activation does not bring it back', async () => {
    const user = await scimBody(
      await entra.post('/Users', {
        schemas: [USER_SCHEMA],
        externalId: 'c7d4a1e2-0f5b-4c38-9a11-2b8f2c3d4e5f',
        userName: 'pedro.sanz@contoso.example',
        displayName: 'Pedro Sanz',
        active: true,
      }),
    );
    const issued = await issueMethod(h, user.id);
    const qr = issued.standardQRCode.image.rawContent;
    const { res: first, cookie } = await signIn(h, qr, issued.pin.code);
    expect(first.status).toBe(200);
    expect((await getSession(h, cookie!)).status).toBe(200);

    const off = await entra.send('PATCH', `/Users/${user.id}`, {
      body: patchBody([{ op: 'Replace', path: 'active', value: 'False' }]),
    });
    expect(off.status).toBe(200);
    expect((await getSession(h, cookie!)).status).toBe(401);
    expect((await signIn(h, qr, issued.pin.code)).res.status).toBeGreaterThanOrEqual(400);

    const on = await entra.send('PATCH', `/Users/${user.id}`, {
      body: patchBody([{ op: 'Replace', path: 'active', value: 'True' }]),
    });
    expect((await scimBody(on)).active).toBe(true);
    expect((await signIn(h, qr, issued.pin.code)).res.status).toBeGreaterThanOrEqual(400);
    const method = await h.request('GET', `/api/admin/users/${user.id}/qr-code-pin-method`);
    expect(method.status).toBe(404);
  });
});
