/** /api/admin/users and issuing the QR-code + PIN method, as an admin API client sees them. */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { UserView } from '../../server/contracts/schemas.js';
import { checkPin } from '../../server/domain/pin-rules.js';
import {
  createUser,
  createWorker,
  issueMethod,
  readError,
  readJson,
  signIn,
  startHarness,
  type Harness,
} from '../support/api-harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

describe('users', () => {
  test('a new user defaults to an enabled worker in no group', async () => {
    const res = await h.request('POST', '/api/admin/users', {
      body: { userPrincipalName: 'ana', displayName: 'Ana' },
    });
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({
      userPrincipalName: 'ana',
      displayName: 'Ana',
      employeeId: null,
      role: 'worker',
      groupIds: [],
      accountEnabled: true,
    });
  });

  test('can be read back by id', async () => {
    const user = await createUser(h, { role: 'manager', employeeId: 'E-7' });
    const res = await h.request('GET', `/api/admin/users/${user.id}`);
    expect(res.status).toBe(200);
    expect(await readJson<UserView>(res)).toEqual(user);
  });

  test('a userPrincipalName is unique regardless of case: 409 USER_ALREADY_EXISTS', async () => {
    await createUser(h, { userPrincipalName: 'Bo.Silva@Example.test' });
    const res = await h.request('POST', '/api/admin/users', {
      body: { userPrincipalName: 'bo.silva@example.TEST', displayName: 'Other Bo' },
    });
    expect(res.status).toBe(409);
    expect((await readError(res)).error.code).toBe('USER_ALREADY_EXISTS');
  });

  test('an unknown group is 400 GROUP_NOT_FOUND and creates nobody', async () => {
    const res = await h.request('POST', '/api/admin/users', {
      body: { userPrincipalName: 'grouped', displayName: 'Grouped', groupIds: ['no-such-group'] },
    });
    expect(res.status).toBe(400);
    expect((await readError(res)).error.code).toBe('GROUP_NOT_FOUND');
    const retry = await h.request('POST', '/api/admin/users', {
      body: { userPrincipalName: 'grouped', displayName: 'Grouped' },
    });
    expect(retry.status).toBe(201);
  });

  test('reading a user never shows PIN or badge material', async () => {
    const worker = await createWorker(h);
    const text = await (await h.request('GET', `/api/admin/users/${worker.user.id}`)).text();
    expect(text).not.toContain(worker.pin);
    expect(text).not.toContain(worker.qr.split(':').at(-1));
  });
});

describe('issuing the QR-code + PIN method', () => {
  test('generated PINs are 8 digits that pass the PIN rules, different per worker', async () => {
    const pins = new Set<string>();
    for (let i = 0; i < 8; i++) {
      const { pin } = await createWorker(h);
      expect(pin).toMatch(/^[0-9]{8}$/);
      expect(checkPin(pin, { minLength: 8 })).toEqual({ ok: true });
      pins.add(pin);
    }
    expect(pins.size).toBeGreaterThan(1);
  });

  test('an admin-chosen PIN is used as given', async () => {
    const worker = await createWorker(h, { method: { pin: { code: '60539184' } } });
    expect(worker.issued.pin).toEqual({ code: '60539184', forceChangePinNextSignIn: true });
    expect((await signIn(h, worker.qr, '60539184')).res.status).toBe(200);
  });

  test.each([
    ['11111111', 'repeated_pattern'],
    ['12345678', 'sequential_digits'],
    ['1928374', 'length'],
    ['١٩٢٨٣٧٤٦', 'digits_only'],
  ])('an admin-chosen PIN %j that breaks the rules is 400 PIN_POLICY_VIOLATION (%s)', async (code, rule) => {
    const user = await createUser(h);
    const res = await h.request('PUT', `/api/admin/users/${user.id}/qr-code-pin-method`, {
      body: { pin: { code } },
    });
    expect(res.status).toBe(400);
    expect(await readError(res)).toEqual({
      error: { code: 'PIN_POLICY_VIOLATION', message: expect.any(String), rule, field: 'pin.code' },
    });
  });

  test('times with an offset come back as UTC instants', async () => {
    const user = await createUser(h);
    const issued = await issueMethod(h, user.id, {
      standardQRCode: {
        startDateTime: '2026-06-01T12:00:00+02:00',
        expireDateTime: '2026-07-01T12:00:00+02:00',
      },
    });
    expect(issued.standardQRCode.startDateTime).toBe('2026-06-01T10:00:00.000Z');
    expect(issued.standardQRCode.expireDateTime).toBe('2026-07-01T10:00:00.000Z');
  });

  test('a standard code may live 395 days but not longer', async () => {
    const user = await createUser(h);
    const start = h.clock.now().getTime();
    const day = 24 * 3600 * 1000;
    const at = (days: number, extraMs = 0) => new Date(start + days * day + extraMs).toISOString();
    const tooLong = await h.request('PUT', `/api/admin/users/${user.id}/qr-code-pin-method`, {
      body: { standardQRCode: { startDateTime: at(0), expireDateTime: at(395, 1) } },
    });
    expect(tooLong.status).toBe(400);
    expect(await readError(tooLong)).toMatchObject({
      error: { code: 'VALIDATION_FAILED', field: 'standardQRCode.expireDateTime' },
    });
    const longest = await issueMethod(h, user.id, {
      standardQRCode: { startDateTime: at(0), expireDateTime: at(395) },
    });
    expect(longest.standardQRCode.expireDateTime).toBe(at(395));
  });
});

describe('a restart on the same data', () => {
  test('keeps issued badges working: the issuer id comes from the stored server key', async () => {
    const first = await startHarness();
    const worker = await createWorker(first);
    const issuer = first.runtime.deps.settings.issuerId;
    first.stop();
    const second = await startHarness({}, { dataDir: first.dir });
    try {
      expect(second.runtime.deps.settings.issuerId).toBe(issuer);
      expect(worker.qr.split(':')[1]).toBe(issuer);
      const { res } = await signIn(second, worker.qr, worker.pin);
      expect(res.status).toBe(200);
    } finally {
      second.close();
    }
  });
});
