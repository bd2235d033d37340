/** The worker journey of the HTTP contract, end to end, exactly as docs/api.md describes it. */
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { UserView } from '../../server/contracts/schemas.js';
import type { IssuedQrPinMethod } from '../../server/features/badges/qr-pin-method.js';
import {
  createWorker,
  getSession,
  readError,
  readJson,
  SESSION_COOKIE_NAME,
  sessionCookieFrom,
  signIn,
  startHarness,
  type Harness,
} from '../support/api-harness.js';

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ ISSUER_ID: 'ACMESTORE1' });
});
afterAll(() => h.close());

test('create a worker, issue a badge, sign in, use the session, sign out', async () => {
  // 1. An admin creates the worker.
  const created = await h.request('POST', '/api/admin/users', {
    body: { userPrincipalName: 'ana.lima@example.test', displayName: 'Ana Lima', employeeId: 'E-1001' },
  });
  expect(created.status).toBe(201);
  const user = await readJson<UserView>(created);
  expect(user).toEqual({
    id: expect.any(String),
    userPrincipalName: 'ana.lima@example.test',
    displayName: 'Ana Lima',
    employeeId: 'E-1001',
    role: 'worker',
    groupIds: [],
    accountEnabled: true,
    offboarded: null,
    createdDateTime: h.clock.now().toISOString(),
  });

  // 2. The admin issues the QR code + PIN method: badge image and PIN, shown this once.
  const put = await h.request('PUT', `/api/admin/users/${user.id}/qr-code-pin-method`, { body: {} });
  expect(put.status).toBe(201);
  const issued = await readJson<IssuedQrPinMethod>(put);
  expect(Object.keys(issued).sort()).toEqual(['createdDateTime', 'id', 'pin', 'standardQRCode']);
  expect(issued.id).toEqual(expect.any(String));
  const code = issued.standardQRCode;
  expect(Object.keys(code).sort()).toEqual([
    'createdDateTime',
    'expireDateTime',
    'id',
    'image',
    'shortCode',
    'startDateTime',
  ]);
  const now = h.clock.now();
  expect(code.createdDateTime).toBe(now.toISOString());
  expect(code.startDateTime).toBe(now.toISOString());
  expect(code.expireDateTime).toMatch(ISO_UTC);
  expect(Date.parse(code.expireDateTime) - Date.parse(code.startDateTime)).toBe(365 * 24 * 3600 * 1000);

  expect(Object.keys(code.image).sort()).toEqual(['binaryValue', 'errorCorrectionLevel', 'rawContent']);
  const png = Buffer.from(code.image.binaryValue, 'base64');
  expect(png.toString('base64')).toBe(code.image.binaryValue);
  expect([...png.subarray(0, 8)]).toEqual(PNG_SIGNATURE);
  expect(png.subarray(12, 16).toString('latin1')).toBe('IHDR');
  expect(code.image.errorCorrectionLevel).toBe('quartile');
  expect(code.image.rawContent).toMatch(/^SP1:ACMESTORE1:[A-Z2-7]{16}:[A-Z2-7]{26}$/);
  expect(code.image.rawContent.split(':')[2]).toBe(code.id);
  // The typed fallback printed under the image: 10 Crockford base32 characters in two groups.
  expect(code.shortCode).toMatch(/^[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}$/);

  expect(issued.pin).toEqual({
    code: expect.stringMatching(/^[0-9]{8}$/),
    forceChangePinNextSignIn: true,
    createdDateTime: expect.any(String),
    updatedDateTime: expect.any(String),
  });

  // 3. The worker scans the badge at a kiosk and types the PIN.
  const signIn = await h.request('POST', '/api/auth/qr-pin/sign-in', {
    body: { qr: code.image.rawContent, pin: issued.pin.code },
    token: null,
  });
  expect(signIn.status).toBe(200);
  expect(await signIn.json()).toEqual({
    user: { id: user.id, displayName: 'Ana Lima', role: 'worker' },
    mustChangePin: true,
  });
  const setCookies = signIn.headers.getSetCookie();
  expect(setCookies).toHaveLength(1);
  const [pair, ...attributes] = setCookies[0]!.split(/;\s*/);
  expect(pair).toMatch(new RegExp(`^${SESSION_COOKIE_NAME}=[A-Za-z0-9_-]+$`));
  expect(attributes).toEqual(expect.arrayContaining(['HttpOnly', 'Secure', 'SameSite=Strict', 'Path=/']));
  expect(attributes.some((a) => /^domain=/i.test(a))).toBe(false);
  const cookie = sessionCookieFrom(signIn)!;

  // 4. The session is live.
  const session = await getSession(h, cookie);
  expect(session.status).toBe(200);
  expect(await session.json()).toMatchObject({
    user: { id: user.id, displayName: 'Ana Lima', role: 'worker' },
    mustChangePin: true,
  });

  // 5. Sign out: 204, the browser is told to drop cache and cookies.
  const signOut = await h.request('POST', '/api/auth/sign-out', { token: null, cookie });
  expect(signOut.status).toBe(204);
  expect(signOut.headers.get('clear-site-data')).toBe('"cache", "cookies"');
  expect(await signOut.text()).toBe('');
  const cleared = signOut.headers.getSetCookie().find((c) => c.startsWith(`${SESSION_COOKIE_NAME}=`));
  expect(cleared).toMatch(new RegExp(`^${SESSION_COOKIE_NAME}=;`));
  expect(cleared).toMatch(/Max-Age=0/);

  // 6. The old cookie no longer works, even if the browser kept it.
  const after = await getSession(h, cookie);
  expect(after.status).toBe(401);
  expect(await readError(after)).toEqual({ error: { code: 'UNAUTHENTICATED', message: expect.any(String) } });
});

test('the session view says when the session ends and how long it may idle', async () => {
  const worker = await createWorker(h, { user: { displayName: 'Bo' } });
  const { cookie } = await signIn(h, worker.qr, worker.pin);
  const signedInAt = h.clock.now();
  const session = await getSession(h, cookie!);
  expect(await session.json()).toEqual({
    user: { id: worker.user.id, displayName: 'Bo', role: 'worker', groups: [] },
    kind: 'kiosk',
    reauthenticatedDateTime: null,
    mustChangePin: true,
    createdDateTime: signedInAt.toISOString(),
    expiresDateTime: new Date(signedInAt.getTime() + 12 * 3600 * 1000).toISOString(),
    expiresInSeconds: 12 * 3600,
    idleTimeoutSeconds: 900,
    kioskIdle: { signOutAfterSeconds: 300, warningSeconds: 60 },
    kioskOfflineGraceSeconds: 300,
    kioskApps: [],
    signInApps: [],
  });
});

test('API answers are not cached by a shared phone or a proxy', async () => {
  const res = await h.request('GET', '/api/auth/session', { token: null });
  expect(res.headers.get('cache-control')).toBe('no-store');
  expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  expect(res.headers.get('referrer-policy')).toBe('no-referrer');
});

test('the kiosk learns the issuer id and PIN length without signing in', async () => {
  const res = await h.request('GET', '/api/kiosk/config', { token: null });
  expect(res.status).toBe(200);
  expect(await res.json()).toEqual({ issuerId: 'ACMESTORE1', pinLength: 8 });
});
