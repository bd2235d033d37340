/**
 * Every route of the API, fed bad input: malformed JSON, wrong types, unknown fields, Unicode digits,
 * oversized bodies, bad query strings and unknown ids. Every answer is a 4xx in the error envelope;
 * nothing ever reaches the 500 path.
 *
 * "Every route" is checked against the app itself: the routes Hono registered (`app.routes`) must be
 * exactly the routes with a case below, so a new route without bad-input cases fails here, and so does
 * a case left behind for a route that is gone.
 */
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { addGroup, createWorker, signedInUser, startHarness, type Harness } from '../support/api-harness.js';
import { enrolDevice } from '../support/device.js';

let h: Harness;
let userId: string;
let groupId: string;
let workerCookie: string;
let policyId: string;
let locationId: string;
let serverErrors: unknown[];
let deviceId: string;
let appId: string;
let webhookId: string;

beforeAll(async () => {
  h = await startHarness();
  groupId = (await addGroup(h)).id;
  userId = (await createWorker(h, { user: { groupIds: [groupId] } })).user.id;
  workerCookie = (await signedInUser(h)).cookie;
  deviceId = (await enrolDevice(h, { groupId })).id;
  const location = await h.request('POST', `${CA}/named-locations`, {
    body: { displayName: 'Store network', cidrs: ['192.0.2.0/24'], groupId },
  });
  locationId = ((await location.json()) as { id: string }).id;
  const policy = await h.request('POST', `${CA}/policies`, {
    body: { displayName: 'Policy', state: 'disabled', grant: 'block', conditions: {} },
  });
  policyId = ((await policy.json()) as { id: string }).id;
  const app = await h.request('POST', APPS, {
    body: { displayName: 'Rota', clientType: 'confidential', redirectUris: ['https://rota.example/cb'] },
  });
  appId = ((await app.json()) as { id: string }).id;
  // An address written as a public IP: registering it resolves nothing.
  const webhook = await h.request('POST', HOOKS, {
    body: { url: 'https://93.184.216.34/hook', events: ['badge.issued'] },
  });
  webhookId = ((await webhook.json()) as { id: string }).id;
  serverErrors = [];
  vi.spyOn(console, 'error').mockImplementation((...args) => {
    serverErrors.push(args);
  });
});
afterAll(() => {
  vi.restoreAllMocks();
  h.close();
});

interface Route {
  method: string;
  /** The route as documented, for test names; `{id}` is filled in at run time. */
  name: string;
  path: () => string;
  body: boolean;
  session?: boolean;
  namesUser?: boolean;
  /** The route's own body limit when it is not the API's default (64 KiB). */
  bodyLimitKiB?: number;
}

const DEFAULT_BODY_LIMIT_KIB = 64;
/** server/app.ts: the user import takes a CSV file in JSON, up to 3 MiB. */
const IMPORT_BODY_LIMIT_KIB = 3 * 1024;
const m = () => `/api/admin/users/${userId}/qr-code-pin-method`;
const CA = '/api/admin/conditional-access';
const APPS = '/api/admin/apps';
const HOOKS = '/api/admin/webhooks';
const ROUTES: Route[] = [
  { method: 'GET', name: APPS, path: () => APPS, body: false },
  { method: 'POST', name: APPS, path: () => APPS, body: true },
  { method: 'GET', name: `${APPS}/{id}`, path: () => `${APPS}/${appId}`, body: false },
  { method: 'PATCH', name: `${APPS}/{id}`, path: () => `${APPS}/${appId}`, body: true },
  {
    method: 'POST',
    name: `${APPS}/{id}/rotate-secret`,
    path: () => `${APPS}/${appId}/rotate-secret`,
    body: false,
  },
  {
    method: 'GET',
    name: `${APPS}/{id}/logout-deliveries`,
    path: () => `${APPS}/${appId}/logout-deliveries`,
    body: false,
  },
  { method: 'GET', name: HOOKS, path: () => HOOKS, body: false },
  { method: 'POST', name: HOOKS, path: () => HOOKS, body: true },
  { method: 'GET', name: `${HOOKS}/{id}`, path: () => `${HOOKS}/${webhookId}`, body: false },
  { method: 'PATCH', name: `${HOOKS}/{id}`, path: () => `${HOOKS}/${webhookId}`, body: true },
  {
    method: 'POST',
    name: `${HOOKS}/{id}/rotate-secret`,
    path: () => `${HOOKS}/${webhookId}/rotate-secret`,
    body: false,
  },
  { method: 'POST', name: `${HOOKS}/{id}/test`, path: () => `${HOOKS}/${webhookId}/test`, body: false },
  {
    method: 'GET',
    name: `${HOOKS}/{id}/deliveries`,
    path: () => `${HOOKS}/${webhookId}/deliveries`,
    body: false,
  },
  {
    method: 'POST',
    name: `${HOOKS}/{id}/deliveries/{deliveryId}/retry`,
    path: () => `${HOOKS}/${webhookId}/deliveries/no-such-delivery/retry`,
    body: false,
  },
  ...(
    [
      ['GET', '/policies', false],
      ['POST', '/policies', true],
      ['GET', '/policies/{id}', false],
      ['PATCH', '/policies/{id}', true],
      ['GET', '/templates', false],
      ['GET', '/named-locations', false],
      ['POST', '/named-locations', true],
      ['GET', '/named-locations/{id}', false],
      ['PATCH', '/named-locations/{id}', true],
      ['POST', '/what-if', true],
    ] as const
  ).map(([method, route, body]) => ({
    method,
    name: `${CA}${route}`,
    path: () => `${CA}${route}`.replace('{id}', route.startsWith('/policies') ? policyId : locationId),
    body,
  })),
  {
    method: 'GET',
    name: '/api/admin/policies/qr-code-pin',
    path: () => '/api/admin/policies/qr-code-pin',
    body: false,
  },
  {
    method: 'PATCH',
    name: '/api/admin/policies/qr-code-pin',
    path: () => '/api/admin/policies/qr-code-pin',
    body: true,
  },
  {
    method: 'GET',
    name: '/api/admin/policies/sessions',
    path: () => '/api/admin/policies/sessions',
    body: false,
  },
  {
    method: 'PATCH',
    name: '/api/admin/policies/sessions',
    path: () => '/api/admin/policies/sessions',
    body: true,
  },
  {
    method: 'GET',
    name: '/api/admin/policies/console-sign-in',
    path: () => '/api/admin/policies/console-sign-in',
    body: false,
  },
  {
    method: 'PATCH',
    name: '/api/admin/policies/console-sign-in',
    path: () => '/api/admin/policies/console-sign-in',
    body: true,
  },
  {
    method: 'GET',
    name: '/api/admin/policies/log-retention',
    path: () => '/api/admin/policies/log-retention',
    body: false,
  },
  {
    method: 'PATCH',
    name: '/api/admin/policies/log-retention',
    path: () => '/api/admin/policies/log-retention',
    body: true,
  },
  { method: 'GET', name: '/api/admin/api-tokens', path: () => '/api/admin/api-tokens', body: false },
  { method: 'POST', name: '/api/admin/api-tokens', path: () => '/api/admin/api-tokens', body: true },
  { method: 'GET', name: '/api/admin/kiosk/apps', path: () => '/api/admin/kiosk/apps', body: false },
  { method: 'PUT', name: '/api/admin/kiosk/apps', path: () => '/api/admin/kiosk/apps', body: true },
  {
    method: 'GET',
    name: '/api/auth/session',
    path: () => '/api/auth/session',
    body: false,
    session: true,
  },
  { method: 'GET', name: '/api/admin/groups', path: () => '/api/admin/groups', body: false },
  { method: 'POST', name: '/api/admin/groups', path: () => '/api/admin/groups', body: true },
  { method: 'GET', name: '/api/admin/groups/{id}', path: () => `/api/admin/groups/${groupId}`, body: false },
  { method: 'PATCH', name: '/api/admin/groups/{id}', path: () => `/api/admin/groups/${groupId}`, body: true },
  {
    method: 'GET',
    name: '/api/admin/groups/{id}/badges',
    path: () => `/api/admin/groups/${groupId}/badges`,
    body: false,
  },
  {
    method: 'POST',
    name: '/api/admin/groups/{id}/badges',
    path: () => `/api/admin/groups/${groupId}/badges`,
    body: true,
  },
  { method: 'GET', name: '/api/admin/users', path: () => '/api/admin/users', body: false },
  { method: 'POST', name: '/api/admin/users', path: () => '/api/admin/users', body: true },
  {
    method: 'POST',
    name: '/api/admin/users/import',
    path: () => '/api/admin/users/import',
    body: true,
    bodyLimitKiB: IMPORT_BODY_LIMIT_KIB,
  },
  {
    method: 'GET',
    name: '/api/admin/users/{id}',
    path: () => `/api/admin/users/${userId}`,
    namesUser: true,
    body: false,
  },
  {
    method: 'PATCH',
    name: '/api/admin/users/{id}',
    path: () => `/api/admin/users/${userId}`,
    namesUser: true,
    body: true,
  },
  { method: 'PUT', name: '/api/admin/users/{id}/qr-code-pin-method', path: m, namesUser: true, body: true },
  { method: 'GET', name: '/api/admin/users/{id}/qr-code-pin-method', path: m, namesUser: true, body: false },
  {
    method: 'PUT',
    name: '/api/admin/users/{id}/qr-code-pin-method/standard-qr-code',
    path: () => `${m()}/standard-qr-code`,
    namesUser: true,
    body: true,
  },
  {
    method: 'PATCH',
    name: '/api/admin/users/{id}/qr-code-pin-method/standard-qr-code',
    path: () => `${m()}/standard-qr-code`,
    namesUser: true,
    body: true,
  },
  {
    method: 'PUT',
    name: '/api/admin/users/{id}/qr-code-pin-method/temporary-qr-code',
    path: () => `${m()}/temporary-qr-code`,
    namesUser: true,
    body: true,
  },
  {
    method: 'PATCH',
    name: '/api/admin/users/{id}/qr-code-pin-method/temporary-qr-code',
    path: () => `${m()}/temporary-qr-code`,
    namesUser: true,
    body: true,
  },
  {
    method: 'POST',
    name: '/api/admin/users/{id}/qr-code-pin-method/pin/reset',
    path: () => `${m()}/pin/reset`,
    namesUser: true,
    body: true,
  },
  {
    method: 'PATCH',
    name: '/api/admin/users/{id}/qr-code-pin-method/pin',
    path: () => `${m()}/pin`,
    namesUser: true,
    body: true,
  },
  {
    method: 'POST',
    name: '/api/admin/users/{id}/qr-code-pin-method/unlock',
    path: () => `${m()}/unlock`,
    namesUser: true,
    body: false,
  },
  {
    method: 'GET',
    name: '/api/admin/users/{id}/sessions',
    path: () => `/api/admin/users/${userId}/sessions`,
    namesUser: true,
    body: false,
  },
  {
    method: 'POST',
    name: '/api/admin/users/{id}/revoke-sign-in-sessions',
    path: () => `/api/admin/users/${userId}/revoke-sign-in-sessions`,
    namesUser: true,
    body: false,
  },
  {
    method: 'POST',
    name: '/api/admin/users/{id}/console-sign-in/unlock',
    path: () => `/api/admin/users/${userId}/console-sign-in/unlock`,
    namesUser: true,
    body: false,
  },
  {
    method: 'POST',
    name: '/api/admin/users/{id}/console-invitation',
    path: () => `/api/admin/users/${userId}/console-invitation`,
    namesUser: true,
    body: false,
  },
  {
    method: 'GET',
    name: '/api/admin/users/{id}/pin-reset-requests',
    path: () => `/api/admin/users/${userId}/pin-reset-requests`,
    namesUser: true,
    body: false,
  },
  ...['approve', 'decline'].map((decision) => ({
    method: 'POST',
    name: `/api/admin/users/{id}/pin-reset-requests/{requestId}/${decision}`,
    path: () => `/api/admin/users/${userId}/pin-reset-requests/no-such-request/${decision}`,
    namesUser: true,
    body: false,
  })),
  { method: 'GET', name: '/api/admin/audit-logs', path: () => '/api/admin/audit-logs', body: false },
  { method: 'GET', name: '/api/admin/sign-in-logs', path: () => '/api/admin/sign-in-logs', body: false },
  {
    method: 'GET',
    name: '/api/admin/reports/qr-code-expirations',
    path: () => '/api/admin/reports/qr-code-expirations',
    body: false,
  },
  ...[
    '/api/admin/audit-logs/export',
    '/api/admin/sign-in-logs/export',
    '/api/admin/reports/qr-code-expirations/export',
    '/api/admin/reports/sign-in-activity',
  ].map((name) => ({ method: 'GET', name, path: () => name, body: false })),
  { method: 'POST', name: '/api/auth/qr-pin/sign-in', path: () => '/api/auth/qr-pin/sign-in', body: true },
  { method: 'POST', name: '/api/auth/qr-pin/co-sign', path: () => '/api/auth/qr-pin/co-sign', body: true },
  {
    method: 'POST',
    name: '/api/auth/qr-pin/change-pin',
    path: () => '/api/auth/qr-pin/change-pin',
    body: true,
    session: true,
  },
  ...['', '/approve', '/status', '/cancel', '/new-pin'].map((tail) => ({
    method: 'POST',
    name: `/api/auth/qr-pin/forgot-pin${tail}`,
    path: () => `/api/auth/qr-pin/forgot-pin${tail}`,
    body: true,
  })),
  { method: 'POST', name: '/api/auth/sign-out', path: () => '/api/auth/sign-out', body: false },
  { method: 'POST', name: '/api/setup', path: () => '/api/setup', body: true },
  { method: 'POST', name: '/api/setup/status', path: () => '/api/setup/status', body: true },
  { method: 'GET', name: '/api/admin/first-steps', path: () => '/api/admin/first-steps', body: false },
  { method: 'GET', name: '/api/kiosk/config', path: () => '/api/kiosk/config', body: false },
  { method: 'GET', name: '/api/health', path: () => '/api/health', body: false },
  {
    method: 'POST',
    name: '/api/oidc/interactions/{uid}/login',
    path: () => '/api/oidc/interactions/no-such-interaction/login',
    body: false,
    session: true,
  },
  {
    method: 'GET',
    name: '/api/oidc/interactions/{uid}',
    path: () => '/api/oidc/interactions/no-such-interaction',
    body: false,
  },
  { method: 'POST', name: '/api/devices/nonce', path: () => '/api/devices/nonce', body: true },
  {
    method: 'POST',
    name: '/api/devices/attestation',
    path: () => '/api/devices/attestation',
    body: true,
  },
  { method: 'POST', name: '/api/devices/exit-kiosk', path: () => '/api/devices/exit-kiosk', body: true },
  { method: 'POST', name: '/api/manager/devices', path: () => '/api/manager/devices', body: true },
  { method: 'GET', name: '/api/admin/devices', path: () => '/api/admin/devices', body: false },
  {
    method: 'GET',
    name: '/api/admin/devices/{id}',
    path: () => `/api/admin/devices/${deviceId}`,
    body: false,
  },
  {
    method: 'PATCH',
    name: '/api/admin/devices/{id}',
    path: () => `/api/admin/devices/${deviceId}`,
    body: true,
  },
  {
    method: 'POST',
    name: '/api/admin/devices/{id}/revoke',
    path: () => `/api/admin/devices/${deviceId}/revoke`,
    body: false,
  },
  {
    method: 'POST',
    name: '/api/admin/devices/{id}/compliance',
    path: () => `/api/admin/devices/${deviceId}/compliance`,
    body: true,
  },
  {
    method: 'POST',
    name: '/api/auth/console/sign-in',
    path: () => '/api/auth/console/sign-in',
    body: true,
  },
  { method: 'POST', name: '/api/auth/console/totp', path: () => '/api/auth/console/totp', body: true },
  {
    method: 'POST',
    name: '/api/auth/console/totp/enroll',
    path: () => '/api/auth/console/totp/enroll',
    body: true,
  },
  {
    method: 'POST',
    name: '/api/auth/console/totp/enroll/confirm',
    path: () => '/api/auth/console/totp/enroll/confirm',
    body: true,
  },
  {
    method: 'POST',
    name: '/api/auth/console/invitation',
    path: () => '/api/auth/console/invitation',
    body: true,
  },
  {
    method: 'POST',
    name: '/api/auth/console/reauthenticate',
    path: () => '/api/auth/console/reauthenticate',
    body: true,
    session: true,
  },
];

const BAD_BODIES: [string, string][] = [
  ['malformed JSON', '{"a":'],
  ['a JSON array', '[1,2,3]'],
  ['a JSON string', '"x"'],
  ['null', 'null'],
  ['an unknown field', '{"definitelyNotAField":1}'],
  [
    'Arabic-Indic digits where digits go',
    '{"pin":"١٢٣٤٥٦٧٨","code":"١٢٣٤٥٦٧٨","newPin":"١٢٣٤٥٦٧٨","currentPin":"١٢٣٤٥٦٧٨"}',
  ],
  [
    'wrong types everywhere',
    '{"state":1,"displayName":[],"userPrincipalName":{},"pinLength":"8","qr":5,"pin":8,"startDateTime":7,"idleTimeoutInMinutes":"x","token":1,"password":2,"challenge":[],"code":123456,"recoveryCode":{}}',
  ],
  ['deeply nested junk', `{"lockout":${'{"a":'.repeat(200)}1${'}'.repeat(200)}}`],
];

const BAD_QUERIES = [
  'limit=0',
  'limit=abc',
  'cursor=%%%',
  'cursor=eyJ4IjoxfQ',
  'from=yesterday',
  'withinDays=-1',
  'nope=1',
  'limit=1&limit=2',
];

/** zod's own wording ("Too small: expected string to have >=1 characters"), which must never be sent. */
const ZOD_PHRASING = /expected|received|>=|<=|Invalid input|Too small|Too big|Unrecognized key/i;

async function expectClientError(res: Response, context: string) {
  expect(res.status, context).toBeGreaterThanOrEqual(400);
  expect(res.status, context).toBeLessThan(500);
  const body = (await res.json()) as { error?: { code?: unknown; message?: unknown } };
  expect(typeof body.error?.code, context).toBe('string');
  expect(typeof body.error?.message, context).toBe('string');
  if (body.error?.code === 'VALIDATION_FAILED') {
    expect(body.error.message, context).not.toMatch(ZOD_PHRASING);
    expect(body.error.message, `${context}: a sentence`).toMatch(/^[A-Z“].*[.]$/);
  }
}

const send = (route: Route, init: { raw?: string; query?: string; headers?: Record<string, string> }) =>
  h.request(route.method, `${route.path()}${init.query ? `?${init.query}` : ''}`, {
    raw: init.raw,
    headers: init.headers,
    cookie: route.session ? workerCookie : undefined,
    token: route.session ? null : undefined,
  });

describe.each(ROUTES.filter((r) => r.body))('$method $name', (route) => {
  test.each(BAD_BODIES)('%s → 4xx with the envelope', async (name, raw) => {
    await expectClientError(await send(route, { raw }), `${route.method} ${route.path()} ${name}`);
  });

  test('a body of another media type → 415', async () => {
    const res = await send(route, { raw: '{}', headers: { 'content-type': 'text/plain' } });
    expect(res.status).toBe(415);
  });

  const oversizedKiB = (route.bodyLimitKiB ?? DEFAULT_BODY_LIMIT_KIB) + 6;
  test(`a ${oversizedKiB} KiB body → 413 PAYLOAD_TOO_LARGE`, async () => {
    const res = await send(route, { raw: JSON.stringify({ displayName: 'x'.repeat(oversizedKiB * 1024) }) });
    expect(res.status).toBe(413);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('PAYLOAD_TOO_LARGE');
  });
});

describe.each(ROUTES.filter((r) => !r.body))('$method $name', (route) => {
  test.each(BAD_QUERIES)('?%s → 2xx or 4xx, never 5xx', async (query) => {
    const res = await send(route, { query });
    if (res.status >= 300) await expectClientError(res, `${route.method} ${route.path()}?${query}`);
  });
});

test.each(ROUTES.filter((r) => r.namesUser))('$method $name with an unknown user id → 404', async (route) => {
  const res = await h.request(route.method, route.path().replace(userId, 'no-such-user'), {
    body: route.body ? {} : undefined,
  });
  expect(res.status).toBe(404);
  expect(((await res.json()) as { error: { code: string } }).error.code).toBe('NOT_FOUND');
});

/** The DELETE routes, each with an id nobody has: their bad input is the unknown id. */
const DELETE_ROUTES: { name: string; unknown: string; code?: string }[] = [
  { name: '/api/admin/users/{id}', unknown: '/api/admin/users/no-such-user' },
  {
    name: '/api/admin/users/{id}/qr-code-pin-method',
    unknown: '/api/admin/users/no-such-user/qr-code-pin-method',
  },
  {
    name: '/api/admin/users/{id}/qr-code-pin-method/standard-qr-code',
    unknown: '/api/admin/users/no-such-user/qr-code-pin-method/standard-qr-code',
  },
  {
    name: '/api/admin/users/{id}/qr-code-pin-method/temporary-qr-code',
    unknown: '/api/admin/users/no-such-user/qr-code-pin-method/temporary-qr-code',
  },
  { name: '/api/admin/groups/{id}', unknown: '/api/admin/groups/no-such-group' },
  { name: '/api/admin/api-tokens/{id}', unknown: '/api/admin/api-tokens/no-such-token' },
  { name: `${CA}/policies/{id}`, unknown: `${CA}/policies/no-such-policy` },
  { name: `${CA}/named-locations/{id}`, unknown: `${CA}/named-locations/no-such-location` },
  { name: `${APPS}/{id}`, unknown: `${APPS}/no-such-app` },
  { name: `${HOOKS}/{id}`, unknown: `${HOOKS}/no-such-webhook`, code: 'WEBHOOK_NOT_FOUND' },
];

/** A route as Hono registers it: `METHOD /api/…/:id`. */
const routeKey = (method: string, name: string) => `${method} ${name.replace(/\{(\w+)\}/g, ':$1')}`;

test('every route the app registers has bad-input cases here, and every case has a route', () => {
  // Middleware is registered as method ALL on a wildcard path; the API has no `app.all()` handlers.
  const middleware = h.runtime.app.routes.filter((r) => r.method === 'ALL');
  expect(
    middleware.filter((r) => !r.path.endsWith('*')).map((r) => r.path),
    'an ALL entry on an exact path: a handler for every method, which needs cases here',
  ).toEqual([]);
  // A route with its own middleware is listed once per handler: the set counts it once.
  const registered = new Set(
    h.runtime.app.routes.filter((r) => r.method !== 'ALL').map((r) => `${r.method} ${r.path}`),
  );
  const cases = [
    ...ROUTES.map((r) => routeKey(r.method, r.name)),
    ...DELETE_ROUTES.map((r) => routeKey('DELETE', r.name)),
  ];
  expect(
    cases.filter((key, i) => cases.indexOf(key) !== i),
    'routes with two cases',
  ).toEqual([]);
  expect
    .soft(
      [...registered].filter((key) => !cases.includes(key)),
      'routes without a bad-input case: add one to ROUTES or DELETE_ROUTES',
    )
    .toEqual([]);
  expect
    .soft(
      cases.filter((key) => !registered.has(key)),
      'cases for routes the app does not register',
    )
    .toEqual([]);
});

test.each(DELETE_ROUTES.map((r) => [r.unknown, r.code ?? 'NOT_FOUND']))(
  'DELETE %s → 404 %s',
  async (path, code) => {
    const res = await h.request('DELETE', path);
    expect(res.status).toBe(404);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe(code);
  },
);

test.each([
  ['GET', '/api/admin/devices/no-such-device', undefined],
  ['PATCH', '/api/admin/devices/no-such-device', { displayName: 'x' }],
  ['POST', '/api/admin/devices/no-such-device/revoke', undefined],
  ['POST', '/api/admin/devices/no-such-device/compliance', { compliant: true, source: 'MDM' }],
  ['GET', `${APPS}/no-such-app`, undefined],
  ['PATCH', `${APPS}/no-such-app`, { enabled: false }],
  ['POST', `${APPS}/no-such-app/rotate-secret`, undefined],
  ['GET', `${APPS}/no-such-app/logout-deliveries`, undefined],
])('%s %s → 404', async (method, path, body) => {
  const res = await h.request(method, path, { body });
  expect(res.status).toBe(404);
  expect(((await res.json()) as { error: { code: string } }).error.code).toBe('NOT_FOUND');
});

test('unknown routes and wrong methods are 404 in the envelope', async () => {
  for (const [method, path] of [
    ['GET', '/api/nope'],
    ['DELETE', '/api/admin/policies/qr-code-pin'],
    ['PUT', '/api/auth/session'],
    ['DELETE', '/api/admin/kiosk/apps'],
    ['DELETE', '/api/admin/api-tokens'],
    ['PATCH', '/api/admin/api-tokens/no-such-token'],
    ['PUT', `${CA}/policies`],
    ['DELETE', `${CA}/templates`],
  ] as const) {
    await expectClientError(await h.request(method, path), `${method} ${path}`);
  }
});

test.each([
  ['/api/auth/console/sign-in', { userPrincipalName: 'x'.repeat(300), password: 'p' }],
  ['/api/auth/console/sign-in', { userPrincipalName: '   ', password: 'p' }],
  ['/api/auth/console/sign-in', { userPrincipalName: 'admin\u0000', password: '' }],
  ['/api/auth/console/sign-in', { userPrincipalName: '١٢٣', password: '١٢٣٤٥٦٧٨' }],
  ['/api/auth/console/totp', { challenge: 'c'.repeat(129), code: '123456' }],
  ['/api/auth/console/totp', { challenge: 'unknown', code: '١٢٣٤٥٦' }],
  ['/api/auth/console/totp', { challenge: 'unknown', recoveryCode: 'x'.repeat(65) }],
  ['/api/auth/console/totp', { challenge: 'unknown', recoveryCode: '\u{1F600}'.repeat(10) }],
  ['/api/auth/console/totp/enroll', { challenge: '' }],
  ['/api/auth/console/totp/enroll/confirm', { challenge: 'unknown', code: '9'.repeat(17) }],
])('POST %s with hostile values of the right types → 4xx', async (path, body) => {
  await expectClientError(
    await h.request('POST', path, { body, token: null }),
    `${path} ${JSON.stringify(body)}`,
  );
});

test.each([
  { displayName: 'x', expireDateTime: '9999-12-31T23:59:59Z' },
  { displayName: 'x', expireDateTime: '2026-02-30T00:00:00Z' },
  { displayName: 'x', expireDateTime: '+275760-09-13T00:00:00Z' },
  { displayName: '\u{1F600}'.repeat(81) },
  { displayName: 'x', expireDateTime: null },
])('POST /api/admin/api-tokens as an admin with hostile values %j → 400', async (body) => {
  const res = await h.request('POST', '/api/admin/api-tokens', { body });
  expect(res.status, JSON.stringify(body)).toBe(400);
});

test.each([
  { userId: 'x'.repeat(65), device: null, method: 'qrPin' },
  { userId: 'x', device: { deviceId: '' }, method: 'qrPin' },
  { userId: 'x', device: { enrolled: 'yes', compliant: true, attestationFresh: true }, method: 'qrPin' },
  { userId: 'x', device: null, method: 'qrPin', ipAddress: 'fe80::1%eth0' },
  { userId: 'x', device: null, method: 'qrPin', dateTime: '2026-02-30T00:00:00Z' },
])('POST /api/admin/conditional-access/what-if with hostile values %j → 400', async (body) => {
  const res = await h.request('POST', `${CA}/what-if`, { body });
  expect(res.status, JSON.stringify(body)).toBe(400);
});

test.each([
  {
    displayName: 'p',
    state: 'enabled',
    grant: 'block',
    conditions: { timeWindows: [{ days: ['mon'], start: '٠٦:٠٠', end: '22:00' }] },
  },
  {
    displayName: 'p',
    state: 'enabled',
    grant: 'block',
    conditions: { locations: { include: 'everywhere' } },
  },
  {
    displayName: 'p',
    state: 'enabled',
    grant: 'block',
    conditions: { users: { include: Array(201).fill('u') } },
  },
  { displayName: ' ', state: 'enabled', grant: 'block', conditions: {} },
])('POST /api/admin/conditional-access/policies with hostile values %j → 400', async (body) => {
  const res = await h.request('POST', `${CA}/policies`, { body });
  expect(res.status, JSON.stringify(body)).toBe(400);
});

const APP = { displayName: 'a', clientType: 'public', redirectUris: ['https://app.example/cb'] };
test.each([
  { ...APP, redirectUris: [] },
  { ...APP, redirectUris: Array(11).fill('https://app.example/cb') },
  { ...APP, redirectUris: ['https://app.example/cb'.padEnd(2100, 'x')] },
  { ...APP, redirectUris: ['javascript:alert(1)'] },
  { ...APP, redirectUris: ['http://[::1'] },
  { ...APP, redirectUris: [' https://app.example/cb'] },
  { ...APP, homeUrl: 'data:text/html,hi' },
  { ...APP, backchannelLogoutUri: 'https://user:pass@app.example/logout' },
  { ...APP, groupIds: Array(201).fill('g') },
  { ...APP, groupIds: ['x'.repeat(65)] },
  { ...APP, displayName: '\u{1F600}'.repeat(81) },
  { ...APP, clientType: 'confidential', tokenEndpointAuthMethod: 'none' },
  { ...APP, tokenEndpointAuthMethod: 'client_secret_post' },
  { ...APP, clientType: 'confidential', tokenEndpointAuthMethod: 'private_key_jwt', jwks: { keys: [] } },
  {
    ...APP,
    clientType: 'confidential',
    tokenEndpointAuthMethod: 'private_key_jwt',
    jwks: { keys: [{ kty: 'oct', k: 'c2VjcmV0' }] },
  },
  {
    ...APP,
    clientType: 'confidential',
    tokenEndpointAuthMethod: 'private_key_jwt',
    jwks: { keys: [{ kty: 'EC', crv: 'P-256', x: '!!', y: '??' }] },
  },
])('POST /api/admin/apps with hostile values %j → 400', async (body) => {
  const res = await h.request('POST', APPS, { body });
  expect(res.status, JSON.stringify(body)).toBe(400);
});

test.each([
  { lockout: { threshold: -1 } },
  { lockout: { threshold: 1.5 } },
  { lockout: { growthFactor: 1e308 } },
  { lockout: { maxDelaySeconds: '٦٠' } },
  // The client budget belongs to the QR-code + PIN policy, not the console's.
  { lockout: { clientThreshold: 5 } },
  { lockout: null },
])('PATCH /api/admin/policies/console-sign-in with hostile values %j → 400', async (body) => {
  const res = await h.request('PATCH', '/api/admin/policies/console-sign-in', { body });
  expect(res.status, JSON.stringify(body)).toBe(400);
  expect(((await res.json()) as { error: { code: string } }).error.code).toBe('VALIDATION_FAILED');
});

test('nothing above reached the 500 path', () => {
  expect(serverErrors).toEqual([]);
});

test.each([
  'AAAAAAAAAAAAAAAAAAAAA',
  'x'.repeat(300),
  '%00%00%00%00%00%00%00%00%00%00%00%00%00%00%00%00',
  '..%2F..%2Fadmin',
  '%F0%9F%98%80'.repeat(20),
])('POST /api/oidc/interactions/%s/login → 410 OIDC_INTERACTION_NOT_FOUND', async (uid) => {
  const res = await h.request('POST', `/api/oidc/interactions/${uid}/login`, {
    cookie: workerCookie,
    token: null,
  });
  expect(res.status).toBe(410);
  expect(((await res.json()) as { error: { code: string } }).error.code).toBe('OIDC_INTERACTION_NOT_FOUND');
});

test.each(['AAAAAAAAAAAAAAAAAAAAA', 'x'.repeat(300), '..%2F..%2Fadmin', '%F0%9F%98%80'.repeat(20)])(
  'GET /api/oidc/interactions/%s → 410 OIDC_INTERACTION_NOT_FOUND',
  async (uid) => {
    const res = await h.request('GET', `/api/oidc/interactions/${uid}`, { token: null });
    expect(res.status).toBe(410);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('OIDC_INTERACTION_NOT_FOUND');
  },
);
