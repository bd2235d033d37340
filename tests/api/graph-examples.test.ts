/**
 * The request bodies of Microsoft Graph's documentation examples for the QR code + PIN resources,
 * sent as they are written there to the Shiftpass route that does the same thing (docs/api.md,
 * "Differences from Microsoft Graph", maps each Graph path to ours). The test clock stands before the
 * examples' dates (2025), so they are as valid here as when they were written; the one change is that
 * trailing commas some of the docs' JSON has (which no JSON parser takes) are left out, noted where
 * it happens. Source: the v1.0 pages of learn.microsoft.com/graph/api (microsoftgraph/microsoft-graph-docs-contrib,
 * api-reference/v1.0/api/*.md).
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { IssuedQrCode, IssuedQrPinMethod } from '../../server/features/badges/qr-pin-method.js';
import {
  createUser,
  readJson,
  sessionCookieFrom,
  startHarness,
  TestClock,
  type Harness,
} from '../support/api-harness.js';

let h: Harness;
beforeAll(async () => {
  // Before the examples' dates: the examples' codes start on 1 January and end on 19 December.
  h = await startHarness({}, { clock: new TestClock(new Date('2024-12-01T08:00:00.000Z')) });
});
afterAll(() => h.close());

const methodPath = (userId: string, suffix = '') => `/api/admin/users/${userId}/qr-code-pin-method${suffix}`;

async function expectStatus(res: Response, status: number) {
  expect(res.status, await res.clone().text()).toBe(status);
}

describe("Graph's documentation examples", () => {
  test('Create qrCodePinAuthenticationMethod (PUT …/authentication/qrCodePinMethod)', async () => {
    const user = await createUser(h);
    // https://learn.microsoft.com/graph/api/authentication-put-qrcodepinmethod?view=graph-rest-1.0
    const body = {
      '@odata.type': '#microsoft.graph.qrCodePinAuthenticationMethod',
      standardQRCode: {
        expireDateTime: '2025-12-19T12:00:00Z',
        startDateTime: '2025-01-01T12:00:00Z',
      },
      pin: {
        code: '09599786',
      },
    };
    const res = await h.request('PUT', methodPath(user.id), { body });
    await expectStatus(res, 201);
    const method = await readJson<IssuedQrPinMethod>(res);
    // The answer's fields as Graph's example answer has them.
    expect(method.standardQRCode).toMatchObject({
      expireDateTime: '2025-12-19T12:00:00.000Z',
      startDateTime: '2025-01-01T12:00:00.000Z',
      createdDateTime: '2024-12-01T08:00:00.000Z',
      image: { binaryValue: expect.any(String), rawContent: expect.any(String) },
    });
    expect(method.pin).toEqual({
      code: '09599786',
      forceChangePinNextSignIn: true,
      createdDateTime: '2024-12-01T08:00:00.000Z',
      updatedDateTime: '2024-12-01T08:00:00.000Z',
    });
  });

  test('Create or update qrCode: create a standard QR code, then update its expiry (PATCH …/standardQRCode)', async () => {
    const user = await createUser(h);
    await expectStatus(
      await h.request('PUT', methodPath(user.id), { body: { pin: { code: '09599786' } } }),
      201,
    );
    await expectStatus(await h.request('DELETE', methodPath(user.id, '/standard-qr-code')), 204);

    // https://learn.microsoft.com/graph/api/qrcode-update?view=graph-rest-1.0 ("Examples to create a
    // standard QR code"; the docs' trailing comma after startDateTime left out).
    const create = {
      '@odata.type': '#microsoft.graph.qrCode',
      expireDateTime: '2025-12-19T12:00:00Z',
      startDateTime: '2025-01-01T12:00:00Z',
    };
    const created = await h.request('PATCH', methodPath(user.id, '/standard-qr-code'), { body: create });
    await expectStatus(created, 201);
    const code = await readJson<IssuedQrCode>(created);
    expect(code).toMatchObject({
      expireDateTime: '2025-12-19T12:00:00.000Z',
      startDateTime: '2025-01-01T12:00:00.000Z',
      image: { binaryValue: expect.any(String) },
    });

    // The same page, "Examples to update a standard QR code" (its trailing comma left out).
    const update = {
      '@odata.type': '#microsoft.graph.qrCode',
      expireDateTime: '2025-12-01T12:00:00Z',
    };
    const updated = await h.request('PATCH', methodPath(user.id, '/standard-qr-code'), { body: update });
    await expectStatus(updated, 200);
    expect(await readJson<Record<string, unknown>>(updated)).toMatchObject({
      id: code.id,
      expireDateTime: '2025-12-01T12:00:00.000Z',
      startDateTime: '2025-01-01T12:00:00.000Z',
      image: null,
    });
  });

  test('Update qrPin (PATCH …/qrCodePinMethod/pin): a new temporary PIN', async () => {
    const user = await createUser(h);
    await expectStatus(await h.request('PUT', methodPath(user.id), { body: {} }), 201);
    // https://learn.microsoft.com/graph/api/qrpin-update?view=graph-rest-1.0 (its trailing comma left out).
    const body = {
      '@odata.type': '#microsoft.graph.qrPin',
      code: '09599786',
    };
    const res = await h.request('PATCH', methodPath(user.id, '/pin'), { body });
    await expectStatus(res, 201);
    expect(await readJson<Record<string, unknown>>(res)).toEqual({
      code: '09599786',
      forceChangePinNextSignIn: true,
      createdDateTime: '2024-12-01T08:00:00.000Z',
      updatedDateTime: '2024-12-01T08:00:00.000Z',
    });
  });

  test("qrPin: updatePin (the worker's own PIN change, POST /api/auth/qr-pin/change-pin)", async () => {
    const user = await createUser(h);
    const issued = await readJson<IssuedQrPinMethod>(
      await h.request('PUT', methodPath(user.id), {
        body: { standardQRCode: { startDateTime: '2024-12-01T08:00:00Z' }, pin: { code: '09599786' } },
      }),
    );
    const signIn = await h.request('POST', '/api/auth/qr-pin/sign-in', {
      body: { qr: issued.standardQRCode.image.rawContent, pin: '09599786' },
      token: null,
    });
    await expectStatus(signIn, 200);
    // https://learn.microsoft.com/graph/api/qrpin-updatepin?view=graph-rest-1.0
    const body = {
      currentPin: '09599786',
      newPin: '56745755',
    };
    const res = await h.request('POST', '/api/auth/qr-pin/change-pin', {
      body,
      token: null,
      cookie: sessionCookieFrom(signIn),
    });
    await expectStatus(res, 204);
  });

  test('Update qrCodePinAuthenticationMethodConfiguration (PATCH …/authenticationMethodConfigurations/qrCodePin)', async () => {
    // https://learn.microsoft.com/graph/api/qrcodepinauthenticationmethodconfiguration-update?view=graph-rest-1.0
    const body = {
      '@odata.type': '#microsoft.graph.qrCodePinAuthenticationMethodConfiguration',
      state: 'enabled',
      standardQRCodeLifetimeInDays: 180,
      pinLength: 10,
    };
    const res = await h.request('PATCH', '/api/admin/policies/qr-code-pin', { body });
    await expectStatus(res, 200);
    expect(await readJson<Record<string, unknown>>(res)).toMatchObject({
      state: 'enabled',
      standardQRCodeLifetimeInDays: 180,
      pinLength: 10,
      excludeTargets: [],
    });
    // A new badge now lives the policy's 180 days by default.
    const user = await createUser(h);
    const method = await readJson<IssuedQrPinMethod>(
      await h.request('PUT', methodPath(user.id), { body: { pin: { code: '0959978612' } } }),
    );
    const { startDateTime, expireDateTime } = method.standardQRCode;
    expect(Date.parse(expireDateTime) - Date.parse(startDateTime)).toBe(180 * 24 * 3_600_000);
  });

  test("the policy's default targets as Graph answers them (authenticationMethodTarget with targetType)", async () => {
    // The includeTargets of an authentication method configuration, as Graph's GET answers it
    // (https://learn.microsoft.com/graph/api/resources/authenticationmethodtarget?view=graph-rest-1.0).
    const body = {
      '@odata.type': '#microsoft.graph.qrCodePinAuthenticationMethodConfiguration',
      id: 'QRCodePin',
      includeTargets: [{ targetType: 'group', id: 'all_users', isRegistrationRequired: false }],
      excludeTargets: [],
    };
    const res = await h.request('PATCH', '/api/admin/policies/qr-code-pin', { body });
    await expectStatus(res, 200);
    expect(await readJson<Record<string, unknown>>(res)).toMatchObject({
      includeTargets: [{ id: 'all_users' }],
      excludeTargets: [],
    });
  });
});
