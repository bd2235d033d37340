/** Bad requests get a 4xx in the error envelope, never a 500; admin routes need a valid token. */
import { afterAll, beforeAll, describe, expect, test, vi, type MockInstance } from 'vitest';
import {
  ADMIN_TOKEN,
  createUser,
  createWorker,
  readError,
  signIn,
  startHarness,
  type Harness,
} from '../support/api-harness.js';

let h: Harness;
let userId: string;
/** A worker's session, so the change-pin route gets as far as reading its body. */
let workerCookie: string;
let consoleError: MockInstance<typeof console.error>;

beforeAll(async () => {
  // The app reports unexpected errors (the 500 path) on console.error; nothing here may reach it.
  consoleError = vi.spyOn(console, 'error');
  h = await startHarness();
  userId = (await createUser(h)).id;
  const worker = await createWorker(h);
  workerCookie = (await signIn(h, worker.qr, worker.pin)).cookie!;
});
afterAll(() => {
  h.close();
  expect(consoleError).not.toHaveBeenCalled();
  consoleError.mockRestore();
});

/** Asserts status and the envelope {error:{code,message,...}}, and returns the error object. */
async function expectError(res: Response, status: number, code: string) {
  expect(res.status).toBe(status);
  expect(res.headers.get('content-type')).toMatch(/^application\/json/);
  const body = await readError(res);
  expect(Object.keys(body)).toEqual(['error']);
  expect(body.error.code).toBe(code);
  expect(typeof body.error.message).toBe('string');
  expect(body.error.message.length).toBeGreaterThan(0);
  return body.error;
}

const jsonRoutes: [string, string][] = [
  ['POST', '/api/admin/users'],
  ['PUT', '/api/admin/users/{id}/qr-code-pin-method'],
  ['POST', '/api/auth/qr-pin/sign-in'],
  ['POST', '/api/setup'],
  ['POST', '/api/auth/qr-pin/change-pin'],
];
const pathOf = (path: string) => path.replace('{id}', userId);

describe('malformed JSON', () => {
  test.each(jsonRoutes)('%s %s → 400 INVALID_JSON', async (method, path) => {
    for (const raw of ['{', '{"qr": "x",}', "{'qr': 'x'}", '', 'undefined', '{"a":1}}']) {
      const res = await h.request(method, pathOf(path), { raw, cookie: workerCookie });
      await expectError(res, 400, 'INVALID_JSON');
    }
  });
});

describe('wrong media type', () => {
  test.each(jsonRoutes)('%s %s with text/plain → 415', async (method, path) => {
    const res = await h.request(method, pathOf(path), {
      raw: '{"qr":"x","pin":"1"}',
      headers: { 'content-type': 'text/plain' },
      cookie: workerCookie,
    });
    await expectError(res, 415, 'UNSUPPORTED_MEDIA_TYPE');
  });

  test('a form post → 415', async () => {
    const res = await h.request('POST', '/api/auth/qr-pin/sign-in', {
      raw: 'qr=x&pin=1',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    await expectError(res, 415, 'UNSUPPORTED_MEDIA_TYPE');
  });

  test('application/json with a charset is accepted', async () => {
    const res = await h.request('POST', '/api/auth/qr-pin/sign-in', {
      raw: JSON.stringify({ qr: 'x', pin: '1' }),
      headers: { 'content-type': 'application/json; charset=utf-8' },
      token: null,
    });
    await expectError(res, 401, 'QR_CODE_NOT_RECOGNIZED');
  });
});

describe('validation', () => {
  const cases: [string, string, string, unknown, string][] = [
    ['sign-in qr is a number', 'POST', '/api/auth/qr-pin/sign-in', { qr: 123, pin: '19283746' }, 'qr'],
    ['sign-in pin is a number', 'POST', '/api/auth/qr-pin/sign-in', { qr: 'x', pin: 19283746 }, 'pin'],
    ['sign-in pin missing', 'POST', '/api/auth/qr-pin/sign-in', { qr: 'x' }, 'pin'],
    [
      'sign-in unknown field',
      'POST',
      '/api/auth/qr-pin/sign-in',
      { qr: 'x', pin: '1', remember: true },
      'remember',
    ],
    ['sign-in qr too long', 'POST', '/api/auth/qr-pin/sign-in', { qr: 'A'.repeat(513), pin: '1' }, 'qr'],
    ['sign-in pin too long', 'POST', '/api/auth/qr-pin/sign-in', { qr: 'x', pin: '1'.repeat(65) }, 'pin'],
    ['sign-in neither qr nor shortCode', 'POST', '/api/auth/qr-pin/sign-in', { pin: '1' }, 'qr'],
    [
      'sign-in both qr and shortCode',
      'POST',
      '/api/auth/qr-pin/sign-in',
      { qr: 'x', shortCode: 'ABCDE-FGHJK', pin: '1' },
      'shortCode',
    ],
    [
      'sign-in shortCode is a number',
      'POST',
      '/api/auth/qr-pin/sign-in',
      { shortCode: 7, pin: '1' },
      'shortCode',
    ],
    [
      'sign-in shortCode too long',
      'POST',
      '/api/auth/qr-pin/sign-in',
      { shortCode: 'A'.repeat(65), pin: '1' },
      'shortCode',
    ],
    ['user displayName missing', 'POST', '/api/admin/users', { userPrincipalName: 'a' }, 'displayName'],
    [
      'user role unknown',
      'POST',
      '/api/admin/users',
      { userPrincipalName: 'a', displayName: 'A', role: 'root' },
      'role',
    ],
    [
      'user unknown field',
      'POST',
      '/api/admin/users',
      { userPrincipalName: 'a', displayName: 'A', isAdmin: true },
      'isAdmin',
    ],
    [
      'user name with a space',
      'POST',
      '/api/admin/users',
      { userPrincipalName: 'a b', displayName: 'A' },
      'userPrincipalName',
    ],
    [
      'user accountEnabled as text',
      'POST',
      '/api/admin/users',
      { userPrincipalName: 'a', displayName: 'A', accountEnabled: 'yes' },
      'accountEnabled',
    ],
    [
      'method start not a date',
      'PUT',
      '/api/admin/users/{id}/qr-code-pin-method',
      { standardQRCode: { startDateTime: 'tomorrow' } },
      'standardQRCode.startDateTime',
    ],
    [
      'method unknown nested field',
      'PUT',
      '/api/admin/users/{id}/qr-code-pin-method',
      { standardQRCode: { lifetime: 3 } },
      'standardQRCode.lifetime',
    ],
    [
      'method pin code a number',
      'PUT',
      '/api/admin/users/{id}/qr-code-pin-method',
      { pin: { code: 19283746 } },
      'pin.code',
    ],
    [
      'setup password too short',
      'POST',
      '/api/setup',
      { token: 't', userPrincipalName: 'root', password: 'short' },
      'password',
    ],
  ];
  test.each(cases)('%s → 400 VALIDATION_FAILED with field', async (_name, method, path, body, field) => {
    const error = await expectError(
      await h.request(method, pathOf(path), { body }),
      400,
      'VALIDATION_FAILED',
    );
    expect(error.field).toBe(field);
  });

  test.each([
    [
      'an empty display name',
      'POST',
      '/api/admin/users',
      { userPrincipalName: 'ana', displayName: ' ' },
      'Enter a name.',
    ],
    ['no sign-in name', 'POST', '/api/admin/users', { displayName: 'Ana' }, 'Enter a sign-in name.'],
    [
      'a sign-in name too long',
      'POST',
      '/api/admin/users',
      { userPrincipalName: 'a'.repeat(257), displayName: 'Ana' },
      'Sign-in name is too long (at most 256 characters).',
    ],
    [
      'a sign-in name with a space',
      'POST',
      '/api/admin/users',
      { userPrincipalName: 'ana silva', displayName: 'Ana' },
      'Sign-in name must not contain spaces.',
    ],
    [
      'too many stores',
      'POST',
      '/api/admin/users',
      {
        userPrincipalName: 'ana',
        displayName: 'Ana',
        groupIds: Array.from({ length: 101 }, (_, i) => `g${i}`),
      },
      'Too many stores (at most 100).',
    ],
    [
      'an unknown role',
      'POST',
      '/api/admin/users',
      { userPrincipalName: 'ana', displayName: 'Ana', role: 'boss' },
      'Role must be one of: worker, manager, admin.',
    ],
    [
      'a PIN length out of range',
      'PATCH',
      '/api/admin/policies/qr-code-pin',
      { pinLength: 30 },
      'PIN length must be at most 20.',
    ],
    [
      'a lockout threshold that is text',
      'PATCH',
      '/api/admin/policies/qr-code-pin',
      { lockout: { threshold: 'ten' } },
      'Wrong attempts before a lock must be a number.',
    ],
    [
      'an unknown field',
      'POST',
      '/api/admin/groups',
      { displayName: 'Porto', colour: 'red' },
      'This request does not take “colour”: remove it.',
    ],
  ])('%s → the sentence %j', async (_name, method, path, body, words) => {
    const error = await expectError(
      await h.request(method, pathOf(path), { body }),
      400,
      'VALIDATION_FAILED',
    );
    expect(error.message).toBe(words);
  });

  test('a query parameter given twice is named in words', async () => {
    const error = await expectError(
      await h.request('GET', '/api/admin/users?limit=5&limit=6'),
      400,
      'VALIDATION_FAILED',
    );
    expect(error).toMatchObject({
      field: 'limit',
      message: 'Page size is given more than once: give it once.',
    });
  });

  test.each([
    ['null', 'null'],
    ['an array', '[]'],
    ['a string', '"hello"'],
    ['a number', '42'],
  ])('a body that is %s → 400 VALIDATION_FAILED', async (_name, raw) => {
    await expectError(
      await h.request('POST', '/api/auth/qr-pin/sign-in', { raw, token: null }),
      400,
      'VALIDATION_FAILED',
    );
  });
});

describe('odd but well-formed input', () => {
  test('an impossible calendar date → 400 VALIDATION_FAILED naming the field', async () => {
    const res = await h.request('PUT', pathOf('/api/admin/users/{id}/qr-code-pin-method'), {
      body: { standardQRCode: { startDateTime: '2026-02-30T08:00:00Z' } },
    });
    const error = await expectError(res, 400, 'VALIDATION_FAILED');
    expect(error.field).toBe('standardQRCode.startDateTime');
  });

  test('deeply nested JSON is handled, not a crash', async () => {
    const depth = 5000;
    const raw = `{"qr":"x","pin":"1","device":{"a":${'['.repeat(depth)}${']'.repeat(depth)}}}`;
    const error = await expectError(
      await h.request('POST', '/api/auth/qr-pin/sign-in', { raw, token: null }),
      400,
      'VALIDATION_FAILED',
    );
    expect(error.field).toMatch(/^device\./);
  });

  test.each([
    ['control characters', 'SP1:\u0000\u0001:AAAA'],
    ['emoji', '🙂🙂🙂:SP1'],
    ['only colons', ':::'],
    ['a lone surrogate', 'SP1:\ud800'],
  ])('a scan of %s → 401 QR_CODE_NOT_RECOGNIZED', async (_name, qr) => {
    await expectError(
      await h.request('POST', '/api/auth/qr-pin/sign-in', { body: { qr, pin: '19283746' }, token: null }),
      401,
      'QR_CODE_NOT_RECOGNIZED',
    );
  });
});

describe('body size', () => {
  const bigBody = JSON.stringify({ qr: 'x', pin: '1', padding: 'A'.repeat(64 * 1024) });

  test('a body over 64 KiB → 413 PAYLOAD_TOO_LARGE (streamed, no Content-Length)', async () => {
    await expectError(
      await h.request('POST', '/api/auth/qr-pin/sign-in', { raw: bigBody, token: null }),
      413,
      'PAYLOAD_TOO_LARGE',
    );
  });

  test('a body over 64 KiB → 413 PAYLOAD_TOO_LARGE (with Content-Length)', async () => {
    const res = await h.request('POST', '/api/admin/users', {
      raw: bigBody,
      headers: { 'content-length': String(Buffer.byteLength(bigBody)) },
    });
    await expectError(res, 413, 'PAYLOAD_TOO_LARGE');
  });

  test('a body of exactly 64 KiB is read normally', async () => {
    const base = JSON.stringify({ qr: '', pin: '1' });
    // Whitespace between JSON tokens pads the body without breaking any field limit.
    const padded = `${' '.repeat(64 * 1024 - base.length)}${base}`;
    expect(Buffer.byteLength(padded)).toBe(64 * 1024);
    await expectError(
      await h.request('POST', '/api/auth/qr-pin/sign-in', { raw: padded, token: null }),
      401,
      'QR_CODE_NOT_RECOGNIZED',
    );
  });
});

describe('unknown routes', () => {
  test.each([
    ['GET', '/api/nope'],
    ['GET', '/api'],
    ['POST', '/api/auth/qr-pin/sign-up'],
    ['DELETE', '/api/auth/session'],
    ['GET', '/api/admin/users/{id}/something'],
    ['GET', '/not-api'],
  ])('%s %s → 404 NOT_FOUND', async (method, path) => {
    await expectError(await h.request(method, pathOf(path)), 404, 'NOT_FOUND');
  });

  test('an unknown user id → 404 NOT_FOUND', async () => {
    await expectError(await h.request('GET', '/api/admin/users/no-such-user'), 404, 'NOT_FOUND');
    await expectError(
      await h.request('PUT', '/api/admin/users/no-such-user/qr-code-pin-method', { body: {} }),
      404,
      'NOT_FOUND',
    );
  });
});

describe('admin authentication', () => {
  const adminCalls: [string, string, unknown][] = [
    ['POST', '/api/admin/users', { userPrincipalName: 'mallory', displayName: 'Mallory' }],
    ['GET', '/api/admin/users/{id}', undefined],
    ['PUT', '/api/admin/users/{id}/qr-code-pin-method', {}],
  ];

  test.each(adminCalls)('%s %s without a token → 401 UNAUTHENTICATED', async (method, path, body) => {
    await expectError(await h.request(method, pathOf(path), { body, token: null }), 401, 'UNAUTHENTICATED');
  });

  test.each([
    ['a wrong token', { authorization: 'Bearer wrong-token-0123456789abcdef' }],
    ['the right token with one character changed', { authorization: `Bearer ${ADMIN_TOKEN.slice(0, -1)}X` }],
    ['a prefix of the right token', { authorization: `Bearer ${ADMIN_TOKEN.slice(0, 20)}` }],
    ['a short token', { authorization: 'Bearer abc' }],
    ['a huge token', { authorization: `Bearer ${'A'.repeat(5000)}` }],
    [
      'Basic credentials',
      { authorization: `Basic ${Buffer.from(`admin:${ADMIN_TOKEN}`).toString('base64')}` },
    ],
    ['the bare token without a scheme', { authorization: ADMIN_TOKEN }],
    ['an empty header', { authorization: '' }],
  ])('%s → 401 UNAUTHENTICATED', async (_name, headers) => {
    for (const [method, path, body] of adminCalls) {
      const res = await h.request(method, pathOf(path), { body, token: null, headers });
      await expectError(res, 401, 'UNAUTHENTICATED');
    }
  });

  test('nothing was created by the refused calls', async () => {
    const rows = await h.runtime.database.client.execute(
      "SELECT count(*) AS n FROM users WHERE user_principal_name = 'mallory'",
    );
    expect(Number(rows.rows[0]!.n)).toBe(0);
  });

  test('the scheme name is case-insensitive', async () => {
    const res = await h.request('GET', pathOf('/api/admin/users/{id}'), {
      token: null,
      headers: { authorization: `bearer ${ADMIN_TOKEN}` },
    });
    expect(res.status).toBe(200);
  });
});
