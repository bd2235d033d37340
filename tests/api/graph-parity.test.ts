/**
 * Parity with Microsoft Entra's QR code + PIN method as Microsoft Graph describes it
 * (qrCodePinAuthenticationMethod, qrCode, qrPin, qrCodePinAuthenticationMethodConfiguration):
 * the lifetimes' lower bounds, the temporary code's default from the policy, changing a standard
 * code's expiry (PATCH), Graph's OData annotations and PIN times, and the policy's optional
 * "phones and tablets only". docs/api.md, "Differences from Microsoft Graph", lists what still differs.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { IssuedQrCode } from '../../server/features/badges/qr-pin-method.js';
import { enrolDevice, signInOnDevice } from '../support/device.js';
import {
  addGroup,
  createUser,
  createWorker,
  signedInUser,
  readError,
  readJson,
  startHarness,
  type Harness,
} from '../support/api-harness.js';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

const methodPath = (userId: string, suffix = '') => `/api/admin/users/${userId}/qr-code-pin-method${suffix}`;
const iso = (ms: number) => new Date(ms).toISOString();
const now = () => h.clock.now().getTime();

async function expectError(res: Response, status: number, code: string, field?: string) {
  expect(res.status, await res.clone().text()).toBe(status);
  const { error } = await readError(res);
  expect(error.code).toBe(code);
  if (field !== undefined) expect(error.field).toBe(field);
  return error;
}

async function patchPolicy(body: Record<string, unknown>) {
  const res = await h.request('PATCH', '/api/admin/policies/qr-code-pin', { body });
  expect(res.status, await res.clone().text()).toBe(200);
  return readJson<Record<string, unknown>>(res);
}

interface CodeState {
  id: string;
  startDateTime: string;
  expireDateTime: string;
  status: string;
}
interface MethodState {
  standardQRCode: CodeState | null;
  temporaryQRCode: CodeState | null;
  pin: Record<string, unknown>;
  lockout: { failedAttempts: number };
}
const methodState = async (userId: string) =>
  readJson<MethodState>(await h.request('GET', methodPath(userId)));

describe('minimum lifetimes, as Entra', () => {
  test('a standard code living less than 1 day is refused, in English and Spanish, naming the field', async () => {
    const user = await createUser(h);
    const body = { standardQRCode: { expireDateTime: iso(now() + 5 * 60_000) } };
    const en = await expectError(
      await h.request('PUT', methodPath(user.id), { body }),
      400,
      'VALIDATION_FAILED',
      'standardQRCode.expireDateTime',
    );
    expect(en.message).toBe('A standard QR code lives at least 1 day from its start.');
    const es = await expectError(
      await h.request('PUT', methodPath(user.id), { body, headers: { 'accept-language': 'es' } }),
      400,
      'VALIDATION_FAILED',
    );
    expect(es.message).toBe('Una credencial estándar dura como mínimo 1 día desde su inicio.');
  });

  test('a standard code of exactly 1 day is issued; 1 day less a second is not', async () => {
    const { user } = await createWorker(h);
    await h.request('DELETE', methodPath(user.id, '/standard-qr-code'));
    const start = now() + HOUR_MS;
    const short = { startDateTime: iso(start), expireDateTime: iso(start + DAY_MS - 1000) };
    await expectError(
      await h.request('PUT', methodPath(user.id, '/standard-qr-code'), { body: short }),
      400,
      'VALIDATION_FAILED',
      'standardQRCode.expireDateTime',
    );
    const day = { startDateTime: iso(start), expireDateTime: iso(start + DAY_MS) };
    const res = await h.request('PUT', methodPath(user.id, '/standard-qr-code'), { body: day });
    expect(res.status).toBe(201);
  });

  test('a temporary code living less than 1 hour is refused; exactly 1 hour is issued', async () => {
    const { user } = await createWorker(h);
    const error = await expectError(
      await h.request('PUT', methodPath(user.id, '/temporary-qr-code'), {
        body: { expireDateTime: iso(now() + 59 * 60_000) },
        headers: { 'accept-language': 'es' },
      }),
      400,
      'VALIDATION_FAILED',
      'temporaryQRCode.expireDateTime',
    );
    expect(error.message).toBe('Una credencial temporal dura como mínimo 1 hora desde su inicio.');
    const res = await h.request('PUT', methodPath(user.id, '/temporary-qr-code'), {
      body: { expireDateTime: iso(now() + HOUR_MS) },
    });
    expect(res.status).toBe(201);
  });
});

describe("the temporary code's default lifetime comes from the policy", () => {
  test('3 hours by default, then what the policy says, by PUT and by PATCH', async () => {
    const { user } = await createWorker(h);
    const first = await readJson<IssuedQrCode>(
      await h.request('PUT', methodPath(user.id, '/temporary-qr-code'), { body: {} }),
    );
    expect(Date.parse(first.expireDateTime) - Date.parse(first.startDateTime)).toBe(3 * HOUR_MS);

    await patchPolicy({ temporaryQRCodeLifetimeInHours: 5 });
    try {
      await h.request('DELETE', methodPath(user.id, '/temporary-qr-code'));
      const res = await h.request('PATCH', methodPath(user.id, '/temporary-qr-code'), { body: {} });
      expect(res.status).toBe(201);
      const second = await readJson<IssuedQrCode>(res);
      expect(second.image.rawContent).toBeTruthy();
      expect(Date.parse(second.expireDateTime) - Date.parse(second.startDateTime)).toBe(5 * HOUR_MS);
    } finally {
      await patchPolicy({ temporaryQRCodeLifetimeInHours: 3 });
    }
  });
});

describe('PATCH …/standard-qr-code changes the expiry of the standard code', () => {
  test('the same badge keeps working with its new expiry; audited with before and after', async () => {
    const worker = await createWorker(h);
    const code = worker.issued.standardQRCode;
    const expire = iso(now() + 30 * DAY_MS);
    const res = await h.request('PATCH', methodPath(worker.user.id, '/standard-qr-code'), {
      body: { expireDateTime: expire },
    });
    expect(res.status, await res.clone().text()).toBe(200);
    const changed = await readJson<Record<string, unknown>>(res);
    expect(changed).toMatchObject({
      id: code.id,
      startDateTime: code.startDateTime,
      expireDateTime: expire,
      status: 'active',
      image: null,
    });
    expect(changed).not.toHaveProperty('shortCode');
    expect((await methodState(worker.user.id)).standardQRCode).toMatchObject({
      id: code.id,
      expireDateTime: expire,
    });

    const audit = await readJson<{ value: { activity: string; details: Record<string, unknown> }[] }>(
      await h.request('GET', `/api/admin/audit-logs?userId=${worker.user.id}`),
    );
    const entry = audit.value.find((e) => e.activity === 'qrCode.standard.expiryChanged');
    expect(entry?.details).toMatchObject({
      code: { id: code.id, expireDateTime: { before: code.expireDateTime, after: expire } },
    });

    // The printed badge still signs in until its new expiry, and not after it.
    const signIn = await h.request('POST', '/api/auth/qr-pin/sign-in', {
      body: { qr: worker.qr, pin: worker.pin },
      token: null,
      clientAddress: '10.9.0.1',
    });
    expect(signIn.status).toBe(200);
  });

  test('refuses an expiry in the past, less than 1 day after the start, or more than 395 days after it', async () => {
    const worker = await createWorker(h);
    const path = methodPath(worker.user.id, '/standard-qr-code');
    const start = Date.parse(worker.issued.standardQRCode.startDateTime);
    const cases: [string, string][] = [
      [iso(now() - 60_000), 'The expiry date must be in the future and after the start date.'],
      [iso(start + DAY_MS - 1000), 'A standard QR code lives at least 1 day from its start.'],
      [iso(start + 395 * DAY_MS + 1000), 'A standard QR code lives at most 395 days.'],
    ];
    for (const [expireDateTime, message] of cases) {
      const error = await expectError(
        await h.request('PATCH', path, { body: { expireDateTime } }),
        400,
        'VALIDATION_FAILED',
        'standardQRCode.expireDateTime',
      );
      expect(error.message).toBe(message);
    }
    // The longest allowed is taken: 395 days from the start.
    const longest = iso(start + 395 * DAY_MS);
    expect((await h.request('PATCH', path, { body: { expireDateTime: longest } })).status).toBe(200);
  });

  test('only the expiry changes: another start or no expiry is refused, in Spanish too', async () => {
    const worker = await createWorker(h);
    const path = methodPath(worker.user.id, '/standard-qr-code');
    const error = await expectError(
      await h.request('PATCH', path, {
        body: { startDateTime: iso(now() + DAY_MS), expireDateTime: iso(now() + 30 * DAY_MS) },
        headers: { 'accept-language': 'es' },
      }),
      400,
      'VALIDATION_FAILED',
      'standardQRCode.startDateTime',
    );
    expect(error.message).toMatch(/solo se puede cambiar la caducidad/);
    await expectError(
      await h.request('PATCH', path, { body: {} }),
      400,
      'VALIDATION_FAILED',
      'standardQRCode.expireDateTime',
    );
    // The same start, as Graph's answer gave it, is fine.
    const same = {
      startDateTime: worker.issued.standardQRCode.startDateTime,
      expireDateTime: iso(now() + 10 * DAY_MS),
    };
    expect((await h.request('PATCH', path, { body: same })).status).toBe(200);
  });

  test('404 for a person without a method; an unknown person is 404 too', async () => {
    const user = await createUser(h);
    await expectError(
      await h.request('PATCH', methodPath(user.id, '/standard-qr-code'), {
        body: { expireDateTime: iso(now() + 30 * DAY_MS) },
      }),
      404,
      'NOT_FOUND',
    );
    await expectError(
      await h.request('PATCH', methodPath('no-such-user', '/standard-qr-code'), {
        body: { expireDateTime: iso(now() + 30 * DAY_MS) },
      }),
      404,
      'NOT_FOUND',
    );
  });

  test('with no unexpired standard code, PATCH issues a new one (Graph: create or update); an expired one is not revived', async () => {
    const worker = await createWorker(h, {
      method: { standardQRCode: { expireDateTime: iso(now() + DAY_MS) } },
    });
    h.clock.advanceMs(DAY_MS + 1000);
    const res = await h.request('PATCH', methodPath(worker.user.id, '/standard-qr-code'), {
      body: { expireDateTime: iso(now() + 60 * DAY_MS) },
    });
    expect(res.status).toBe(201);
    const created = await readJson<IssuedQrCode>(res);
    expect(created.id).not.toBe(worker.issued.standardQRCode.id);
    expect(created.image.binaryValue).toBeTruthy();
    expect(created.shortCode).toMatch(/^[A-Z0-9]{5}-[A-Z0-9]{5}$/);
    const old = await h.request('POST', '/api/auth/qr-pin/sign-in', {
      body: { qr: worker.qr, pin: worker.pin },
      token: null,
      clientAddress: '10.9.0.2',
    });
    expect(old.status).toBe(401);
  });

  test('a temporary code cannot be changed (Graph neither): 409 while one is unexpired', async () => {
    const { user } = await createWorker(h);
    await h.request('PUT', methodPath(user.id, '/temporary-qr-code'), { body: {} });
    const error = await expectError(
      await h.request('PATCH', methodPath(user.id, '/temporary-qr-code'), {
        body: { expireDateTime: iso(now() + 4 * HOUR_MS) },
      }),
      409,
      'ACTIVE_QR_CODE_EXISTS',
    );
    expect(error.message).toBe('A temporary QR code cannot be changed. Delete it and issue a new one.');
  });

  test("a manager changes the expiry for their store's workers; another store's worker is an unknown id", async () => {
    const store = await addGroup(h);
    const other = await addGroup(h);
    const manager = await signedInUser(h, { role: 'manager', groupIds: [store.id] });
    const own = await createWorker(h, { user: { groupIds: [store.id] } });
    const outside = await createWorker(h, { user: { groupIds: [other.id] } });
    const body = { expireDateTime: iso(now() + 20 * DAY_MS) };
    const asManager = (userId: string) =>
      h.request('PATCH', methodPath(userId, '/standard-qr-code'), {
        body,
        token: null,
        cookie: manager.cookie,
      });
    expect((await asManager(own.user.id)).status).toBe(200);
    await expectError(await asManager(outside.user.id), 404, 'NOT_FOUND');
    expect((await methodState(outside.user.id)).standardQRCode?.expireDateTime).toBe(
      outside.issued.standardQRCode.expireDateTime,
    );
  });
});

describe('Graph bodies and answers', () => {
  test('@odata annotations are taken; a wrong @odata.type or an unknown field is still refused', async () => {
    const user = await createUser(h);
    const wrong = await expectError(
      await h.request('PUT', methodPath(user.id), { body: { '@odata.type': '#microsoft.graph.user' } }),
      400,
      'VALIDATION_FAILED',
      '@odata.type',
    );
    expect(wrong.message).toBeTruthy();
    await expectError(
      await h.request('PUT', methodPath(user.id), { body: { isUsable: true } }),
      400,
      'VALIDATION_FAILED',
      'isUsable',
    );
    const res = await h.request('PUT', methodPath(user.id), {
      body: {
        '@odata.type': 'microsoft.graph.qrCodePinAuthenticationMethod',
        '@odata.context': 'https://graph.microsoft.com/v1.0/$metadata#users/authentication/qrCodePinMethod',
        standardQRCode: { '@odata.type': '#microsoft.graph.qrCode' },
        pin: { '@odata.type': '#microsoft.graph.qrPin', code: '71846203' },
      },
    });
    expect(res.status, await res.clone().text()).toBe(201);
  });

  test('pin.createdDateTime and updatedDateTime in the create, reset and read answers', async () => {
    const { user, issued } = await createWorker(h);
    const created = h.clock.now().toISOString();
    expect(issued.pin).toMatchObject({
      forceChangePinNextSignIn: true,
      createdDateTime: created,
      updatedDateTime: created,
    });
    h.clock.advanceMs(HOUR_MS);
    const reset = await h.request('PATCH', methodPath(user.id, '/pin'), {
      body: { '@odata.type': '#microsoft.graph.qrPin' },
    });
    expect(reset.status).toBe(201);
    const pin = await readJson<Record<string, unknown>>(reset);
    const resetAt = h.clock.now().toISOString();
    expect(pin).toMatchObject({
      forceChangePinNextSignIn: true,
      createdDateTime: resetAt,
      updatedDateTime: resetAt,
    });
    expect(pin.code).toMatch(/^\d{8}$/);
    expect((await methodState(user.id)).pin).toEqual({
      code: null,
      forceChangePinNextSignIn: true,
      createdDateTime: created,
      updatedDateTime: resetAt,
    });
  });

  test('the policy takes @odata.type, its id, and targets with targetType "group"; a user target is refused', async () => {
    const store = await addGroup(h);
    const policy = await patchPolicy({
      '@odata.type': '#microsoft.graph.qrCodePinAuthenticationMethodConfiguration',
      id: 'qrCodePin',
      includeTargets: [{ id: 'all_users', targetType: 'group', isRegistrationRequired: false }],
      excludeTargets: [{ id: store.id, targetType: 'group' }],
    });
    expect(policy).not.toHaveProperty('@odata.type');
    expect(policy).not.toHaveProperty('id');
    expect(policy.includeTargets).toEqual([{ id: 'all_users' }]);
    expect(policy.excludeTargets).toEqual([{ id: store.id }]);
    await expectError(
      await h.request('PATCH', '/api/admin/policies/qr-code-pin', {
        body: { includeTargets: [{ id: 'some-user-id', targetType: 'user' }] },
      }),
      400,
      'VALIDATION_FAILED',
      'includeTargets.0.targetType',
    );
    await patchPolicy({ excludeTargets: [] });
  });
});

describe('policy: phones and tablets only', () => {
  const DESKTOP =
    'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';
  const ANDROID_PHONE =
    'Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36';
  let client = 0;
  const signInFrom = (qr: string, pin: string, headers: Record<string, string>) => {
    client += 1;
    return h.request('POST', '/api/auth/qr-pin/sign-in', {
      body: { qr, pin },
      token: null,
      headers,
      clientAddress: `10.8.0.${client}`,
    });
  };

  test('off by default: a desktop browser signs in', async () => {
    expect(
      (await readJson<Record<string, unknown>>(await h.request('GET', '/api/admin/policies/qr-code-pin')))
        .mobileDevicesOnly,
    ).toBe(false);
    const worker = await createWorker(h);
    expect((await signInFrom(worker.qr, worker.pin, { 'user-agent': DESKTOP })).status).toBe(200);
  });

  test('on: a desktop browser is refused with its own code, in English and Spanish, and logged; phones pass', async () => {
    const policy = await patchPolicy({ mobileDevicesOnly: true });
    expect(policy.mobileDevicesOnly).toBe(true);
    try {
      const worker = await createWorker(h);
      const en = await expectError(
        await signInFrom(worker.qr, worker.pin, { 'user-agent': DESKTOP, 'sec-ch-ua-mobile': '?0' }),
        403,
        'MOBILE_DEVICE_REQUIRED',
      );
      expect(en.message).toMatch(/phones, tablets and store kiosks/);
      const es = await expectError(
        await signInFrom(worker.qr, worker.pin, { 'user-agent': DESKTOP, 'accept-language': 'es' }),
        403,
        'MOBILE_DEVICE_REQUIRED',
      );
      expect(es.message).toMatch(/teléfonos, tabletas y quioscos/);

      // A wrong PIN from a desktop is refused the same way and counts nothing against the badge.
      await expectError(
        await signInFrom(worker.qr, '00000000', { 'user-agent': DESKTOP }),
        403,
        'MOBILE_DEVICE_REQUIRED',
      );
      expect((await methodState(worker.user.id)).lockout.failedAttempts).toBe(0);

      const logs = await readJson<{ value: { failureCode: string | null; userId: string | null }[] }>(
        await h.request('GET', `/api/admin/sign-in-logs?userId=${worker.user.id}`),
      );
      expect(logs.value.filter((row) => row.failureCode === 'MOBILE_DEVICE_REQUIRED')).toHaveLength(3);

      expect((await signInFrom(worker.qr, worker.pin, { 'user-agent': ANDROID_PHONE })).status).toBe(200);
      expect(
        (await signInFrom(worker.qr, worker.pin, { 'user-agent': DESKTOP, 'sec-ch-ua-mobile': '?1' })).status,
      ).toBe(200);
      expect(
        (
          await signInFrom(worker.qr, worker.pin, {
            'user-agent': DESKTOP.replace('Windows NT 10.0; Win64; x64', 'X11; Linux x86_64'),
            'sec-ch-ua-platform': '"Android"',
          })
        ).status,
      ).toBe(200);
    } finally {
      await patchPolicy({ mobileDevicesOnly: false });
    }
  });

  test('on: an enrolled kiosk signs in whatever its browser says', async () => {
    const store = await addGroup(h);
    const kiosk = await enrolDevice(h, { groupId: store.id });
    await patchPolicy({ mobileDevicesOnly: true });
    try {
      const worker = await createWorker(h, { user: { groupIds: [store.id] } });
      // The harness sends no User-Agent at all: not a phone by anything it says.
      const { res } = await signInOnDevice(h, kiosk, { qr: worker.qr }, worker.pin, {
        clientAddress: '10.7.0.1',
      });
      expect(res.status, await res.clone().text()).toBe(200);
    } finally {
      await patchPolicy({ mobileDevicesOnly: false });
    }
  });

  test('the setting must be true or false', async () => {
    await expectError(
      await h.request('PATCH', '/api/admin/policies/qr-code-pin', { body: { mobileDevicesOnly: 'yes' } }),
      400,
      'VALIDATION_FAILED',
      'mobileDevicesOnly',
    );
  });
});
