/**
 * API tokens act only inside the scopes chosen when they were made (issue 13, finding 7): a token
 * given to an MDM for the compliance webhook reports compliance and cannot invite itself an admin or
 * read people; a read-only token cannot write; every admin route that does not open to a narrower
 * scope needs admin.full; tokens expire, the first-run token included; tokens made before scopes
 * existed keep working with full admin access.
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { CreatedApiToken } from '../../server/contracts/api-tokens.js';
import { API_TOKEN_SCOPES, type ApiTokenScope } from '../../server/contracts/api-tokens.js';
import {
  addGroup,
  createUser,
  queryRows,
  readError,
  readJson,
  signedInAdmin,
  startHarness,
  type Harness,
} from '../support/api-harness.js';
import { enrolDevice } from '../support/device.js';

const DAY_SECONDS = 24 * 60 * 60;

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ PUBLIC_ORIGIN: 'https://shiftpass.example' });
});
afterAll(() => h.close());

async function tokenWith(scopes: ApiTokenScope[], displayName = scopes.join(' ')): Promise<string> {
  const res = await h.request('POST', '/api/admin/api-tokens', { body: { displayName, scopes } });
  expect(res.status, await res.clone().text()).toBe(201);
  const created = await readJson<CreatedApiToken>(res);
  expect(created.scopes).toEqual(scopes);
  return created.token;
}

async function expectScopeMissing(res: Response, scope: ApiTokenScope): Promise<void> {
  expect(res.status).toBe(403);
  expect((await readError(res)).error).toMatchObject({ code: 'TOKEN_SCOPE_MISSING', scope });
}

describe('a token for an MDM (devices.compliance.write)', () => {
  test('reports a device non-compliant and finds the phones, but cannot invite an admin or read people', async () => {
    const mdm = await tokenWith(['devices.compliance.write'], 'Example MDM');
    const store = await addGroup(h);
    const device = await enrolDevice(h, { groupId: store.id });

    const listed = await h.request('GET', '/api/admin/devices', { token: mdm });
    expect(listed.status).toBe(200);
    const report = await h.request('POST', `/api/admin/devices/${device.id}/compliance`, {
      token: mdm,
      body: { compliant: false, reasons: ['OS out of date'], source: 'Example MDM' },
    });
    expect(report.status).toBe(200);
    expect(await report.json()).toMatchObject({ compliance: { state: 'noncompliant' } });

    // The takeover the review found: invite an admin to the console, then redeem the link.
    const admin = await createUser(h, { role: 'admin' });
    const invite = await h.request('POST', `/api/admin/users/${admin.id}/console-invitation`, {
      token: mdm,
    });
    await expectScopeMissing(invite, 'admin.full');
    expect(await queryRows(h, 'SELECT id FROM console_invitations WHERE user_id = ?', [admin.id])).toEqual(
      [],
    );
    await expectScopeMissing(
      await h.request('POST', `/api/admin/users/${admin.id}/console-sign-in/unlock`, { token: mdm }),
      'admin.full',
    );
    await expectScopeMissing(await h.request('GET', '/api/admin/users', { token: mdm }), 'users.read');
    await expectScopeMissing(
      await h.request('POST', '/api/admin/api-tokens', {
        token: mdm,
        body: { displayName: 'Wider', scopes: ['admin.full'] },
      }),
      'admin.full',
    );
    // Changing the phone itself is not a compliance report.
    await expectScopeMissing(
      await h.request('POST', `/api/admin/devices/${device.id}/revoke`, { token: mdm }),
      'admin.full',
    );

    // The same invitation with a full-admin token works: the refusal is the scope, not the route.
    const full = await h.request('POST', `/api/admin/users/${admin.id}/console-invitation`);
    expect(full.status).toBe(201);
  });
});

describe('a read-only token (users.read)', () => {
  test('reads people and stores but cannot create, change or delete them, or issue a badge', async () => {
    const reader = await tokenWith(['users.read'], 'Directory reader');
    const person = await createUser(h, { displayName: 'Ana Silva' });

    expect((await h.request('GET', '/api/admin/users', { token: reader })).status).toBe(200);
    const one = await h.request('GET', `/api/admin/users/${person.id}`, { token: reader });
    expect(one.status).toBe(200);
    expect(await one.json()).toMatchObject({ displayName: 'Ana Silva' });
    expect((await h.request('GET', '/api/admin/groups', { token: reader })).status).toBe(200);

    const created = await h.request('POST', '/api/admin/users', {
      token: reader,
      body: { userPrincipalName: 'eve@example.test', displayName: 'Eve' },
    });
    await expectScopeMissing(created, 'users.write');
    expect(
      await queryRows(h, 'SELECT id FROM users WHERE user_principal_name = ?', ['eve@example.test']),
    ).toEqual([]);
    const renamed = await h.request('PATCH', `/api/admin/users/${person.id}`, {
      token: reader,
      body: { displayName: 'Changed' },
    });
    await expectScopeMissing(renamed, 'users.write');
    await expectScopeMissing(
      await h.request('DELETE', `/api/admin/users/${person.id}`, { token: reader }),
      'users.write',
    );
    await expectScopeMissing(
      await h.request('PUT', `/api/admin/users/${person.id}/qr-code-pin-method`, { token: reader, body: {} }),
      'users.write',
    );
    const after = await h.request('GET', `/api/admin/users/${person.id}`, { token: reader });
    expect(await after.json()).toMatchObject({ displayName: 'Ana Silva' });
    // Logs are another scope.
    await expectScopeMissing(await h.request('GET', '/api/admin/audit-logs', { token: reader }), 'logs.read');
  });

  test('a person signed in to the console is not narrowed by scopes', async () => {
    const admin = await signedInAdmin(h);
    const res = await h.request('GET', '/api/admin/audit-logs', { token: null, cookie: admin.cookie });
    expect(res.status).toBe(200);
  });
});

describe('a token that changes people (users.write)', () => {
  test('looks after workers but cannot change an admin, badge one, or make anyone an admin', async () => {
    const hr = await tokenWith(['users.write'], 'HR sync');
    const worker = await h.request('POST', '/api/admin/users', {
      token: hr,
      body: { userPrincipalName: 'new.worker@example.test', displayName: 'New Worker' },
    });
    expect(worker.status).toBe(201);
    const workerId = (await readJson<{ id: string }>(worker)).id;
    expect(
      (await h.request('PUT', `/api/admin/users/${workerId}/qr-code-pin-method`, { token: hr, body: {} }))
        .status,
    ).toBe(201);

    const admin = await createUser(h, { role: 'admin', displayName: 'Store Admin' });
    expect(
      (await h.request('PUT', `/api/admin/users/${admin.id}/qr-code-pin-method`, { body: {} })).status,
    ).toBe(201);
    const attempts: [string, string, unknown][] = [
      ['POST', `/api/admin/users/${admin.id}/qr-code-pin-method/pin/reset`, {}],
      ['DELETE', `/api/admin/users/${admin.id}/qr-code-pin-method/standard-qr-code`, undefined],
      ['PUT', `/api/admin/users/${admin.id}/qr-code-pin-method/temporary-qr-code`, {}],
      ['PATCH', `/api/admin/users/${admin.id}`, { displayName: 'Renamed' }],
      ['PATCH', `/api/admin/users/${admin.id}`, { accountEnabled: false }],
      ['POST', `/api/admin/users/${admin.id}/revoke-sign-in-sessions`, undefined],
      ['POST', `/api/admin/users/${admin.id}/offboard`, undefined],
      ['POST', `/api/admin/users/${admin.id}/reactivate`, undefined],
      ['DELETE', `/api/admin/users/${admin.id}`, undefined],
      ['PATCH', `/api/admin/users/${workerId}`, { role: 'admin' }],
      [
        'POST',
        '/api/admin/users',
        { userPrincipalName: 'boss@example.test', displayName: 'B', role: 'admin' },
      ],
    ];
    for (const [method, path, body] of attempts) {
      await expectScopeMissing(await h.request(method, path, { token: hr, body }), 'admin.full');
    }
    const imported = await h.request('POST', '/api/admin/users/import', {
      token: hr,
      body: { csv: 'userPrincipalName,displayName,role\nchief@example.test,Chief,admin\n', dryRun: false },
    });
    expect(imported.status).toBe(200);
    expect(await imported.json()).toMatchObject({ summary: { created: 0, failed: 1 } });

    // Nothing changed: the admin is as they were, nobody new is an admin, the worker is still a worker.
    const after = await readJson<{ displayName: string; accountEnabled: boolean }>(
      await h.request('GET', `/api/admin/users/${admin.id}`, { token: hr }),
    );
    expect(after).toMatchObject({ displayName: 'Store Admin', accountEnabled: true });
    expect(
      await queryRows(h, 'SELECT user_principal_name FROM users WHERE user_principal_name IN (?, ?)', [
        'boss@example.test',
        'chief@example.test',
      ]),
    ).toEqual([]);
    expect(await queryRows(h, 'SELECT role FROM users WHERE id = ?', [workerId])).toEqual([
      { role: 'worker' },
    ]);
  });
});

/**
 * The routes a token without admin.full may use, and the scope each needs. Every other route under
 * /api/admin and /api/manager must refuse a token holding every narrow scope: a new route is
 * full-admin only until it is added here and declares its scope.
 */
const NARROW_ROUTES: Record<string, ApiTokenScope> = {
  'GET /api/admin/users': 'users.read',
  'GET /api/admin/users/:id': 'users.read',
  'GET /api/admin/users/:id/sessions': 'users.read',
  'GET /api/admin/users/:id/qr-code-pin-method': 'users.read',
  'GET /api/admin/groups': 'users.read',
  'GET /api/admin/groups/:id': 'users.read',
  'POST /api/admin/users': 'users.write',
  'POST /api/admin/users/import': 'users.write',
  'PATCH /api/admin/users/:id': 'users.write',
  'DELETE /api/admin/users/:id': 'users.write',
  'POST /api/admin/users/:id/revoke-sign-in-sessions': 'users.write',
  'POST /api/admin/users/:id/offboard': 'users.write',
  'POST /api/admin/users/:id/reactivate': 'users.write',
  'PUT /api/admin/users/:id/qr-code-pin-method': 'users.write',
  'DELETE /api/admin/users/:id/qr-code-pin-method': 'users.write',
  'PUT /api/admin/users/:id/qr-code-pin-method/standard-qr-code': 'users.write',
  'DELETE /api/admin/users/:id/qr-code-pin-method/standard-qr-code': 'users.write',
  'PUT /api/admin/users/:id/qr-code-pin-method/temporary-qr-code': 'users.write',
  'DELETE /api/admin/users/:id/qr-code-pin-method/temporary-qr-code': 'users.write',
  'POST /api/admin/users/:id/qr-code-pin-method/pin/reset': 'users.write',
  'PATCH /api/admin/users/:id/qr-code-pin-method/standard-qr-code': 'users.write',
  'PATCH /api/admin/users/:id/qr-code-pin-method/temporary-qr-code': 'users.write',
  'PATCH /api/admin/users/:id/qr-code-pin-method/pin': 'users.write',
  'POST /api/admin/users/:id/qr-code-pin-method/unlock': 'users.write',
  // Read with users.read; approving or declining needs users.write and then a console session.
  'GET /api/admin/users/:id/pin-reset-requests': 'users.read',
  'POST /api/admin/users/:id/pin-reset-requests/:requestId/approve': 'users.write',
  'POST /api/admin/users/:id/pin-reset-requests/:requestId/decline': 'users.write',
  'GET /api/admin/groups/:id/badges': 'users.read',
  'GET /api/admin/groups/:id/badges/new-people': 'users.read',
  'POST /api/admin/groups/:id/badges': 'users.write',
  'POST /api/admin/groups': 'users.write',
  'PATCH /api/admin/groups/:id': 'users.write',
  'DELETE /api/admin/groups/:id': 'users.write',
  'GET /api/admin/devices': 'devices.read',
  'GET /api/admin/devices/:id': 'devices.read',
  'POST /api/admin/devices/:id/compliance': 'devices.compliance.write',
  'GET /api/admin/audit-logs': 'logs.read',
  'GET /api/admin/audit-logs/export': 'logs.read',
  'GET /api/admin/sign-in-logs': 'logs.read',
  'GET /api/admin/sign-in-logs/export': 'logs.read',
  'GET /api/admin/reports/qr-code-expirations': 'logs.read',
  'GET /api/admin/reports/qr-code-expirations/export': 'logs.read',
  'GET /api/admin/reports/sign-in-activity': 'logs.read',
};

/** Which narrow scopes hold another (admin.full holds all and is not narrow). */
const HOLDS: Record<Exclude<ApiTokenScope, 'admin.full'>, ApiTokenScope[]> = {
  'devices.compliance.write': ['devices.compliance.write', 'devices.read'],
  'devices.read': ['devices.read'],
  'logs.read': ['logs.read'],
  'users.read': ['users.read'],
  'users.write': ['users.write', 'users.read'],
  scim: ['scim'],
  'scim.admins': ['scim.admins', 'scim'],
};

describe('every admin route', () => {
  test('opens to the scope it declares and to nothing narrower; all others need admin.full', async () => {
    const narrowScopes = API_TOKEN_SCOPES.filter((s) => s !== 'admin.full');
    expect(Object.keys(HOLDS).sort()).toEqual([...narrowScopes].sort());
    const tokens = new Map<ApiTokenScope, string>();
    for (const scope of narrowScopes) tokens.set(scope, await tokenWith([scope]));
    const everyNarrow = await tokenWith([...narrowScopes], 'every narrow scope');

    const guarded = [
      ...new Set(
        h.runtime.app.routes
          .filter((r) => r.method !== 'ALL' && /^\/api\/(admin|manager)\//.test(r.path))
          .map((r) => `${r.method} ${r.path}`),
      ),
    ];
    for (const route of Object.keys(NARROW_ROUTES)) expect(guarded, route).toContain(route);

    const problems: string[] = [];
    for (const route of guarded) {
      const [method, pattern] = route.split(' ') as [string, string];
      const path = pattern.replace(/:[a-z]+/gi, 'no-such-id');
      const body = method === 'GET' || method === 'DELETE' ? undefined : {};
      const needed = NARROW_ROUTES[route] ?? 'admin.full';
      const tries: [string, string, boolean][] = [
        ...narrowScopes.map((s): [string, string, boolean] => [
          s,
          tokens.get(s)!,
          HOLDS[s as keyof typeof HOLDS].includes(needed),
        ]),
        ['every narrow scope', everyNarrow, needed !== 'admin.full'],
      ];
      for (const [name, token, opens] of tries) {
        const res = await h.request(method, path, { token, body });
        const error = res.status === 403 ? (await readError(res)).error : undefined;
        const refused = error?.code === 'TOKEN_SCOPE_MISSING';
        if (res.status === 401 || opens === refused || (refused && error.scope !== needed)) {
          problems.push(`${route} with ${name}: ${res.status} ${JSON.stringify(error ?? '')}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });
});

describe('expiry', () => {
  test('an expired token is refused (401), whatever its scopes', async () => {
    const res = await h.request('POST', '/api/admin/api-tokens', {
      body: {
        displayName: 'Short',
        scopes: ['admin.full'],
        expireDateTime: new Date(h.clock.now().getTime() + DAY_SECONDS * 1000).toISOString(),
      },
    });
    const short = await readJson<CreatedApiToken>(res);
    expect((await h.request('GET', '/api/admin/groups', { token: short.token })).status).toBe(200);
    h.clock.advanceSeconds(DAY_SECONDS);
    const expired = await h.request('GET', '/api/admin/groups', { token: short.token });
    expect(expired.status).toBe(401);
    expect((await readError(expired)).error.code).toBe('UNAUTHENTICATED');
  });

  test('the first-run token (BOOTSTRAP_API_TOKEN) has full admin access for 30 days, then stops', async () => {
    const first = await startHarness({}, { adminTokenExpires: true });
    try {
      const admin = await createUser(first, { role: 'admin' });
      const invite = await first.request('POST', `/api/admin/users/${admin.id}/console-invitation`);
      expect(invite.status).toBe(201);
      const [row] = await first
        .request('GET', '/api/admin/api-tokens')
        .then(
          async (r) => (await readJson<{ value: { scopes: string[]; expireDateTime: string }[] }>(r)).value,
        );
      expect(row).toMatchObject({ scopes: ['admin.full'], expireDateTime: '2026-07-01T08:00:00.000Z' });

      first.clock.advanceSeconds(30 * DAY_SECONDS - 1);
      expect((await first.request('GET', '/api/admin/groups')).status).toBe(200);
      first.clock.advanceSeconds(1);
      expect((await first.request('GET', '/api/admin/groups')).status).toBe(401);
    } finally {
      first.close();
    }
  });

  test('BOOTSTRAP_API_TOKEN_LIFETIME_DAYS sets the first-run token’s lifetime', async () => {
    const first = await startHarness({ BOOTSTRAP_API_TOKEN_LIFETIME_DAYS: '7' }, { adminTokenExpires: true });
    try {
      first.clock.advanceSeconds(7 * DAY_SECONDS - 1);
      expect((await first.request('GET', '/api/admin/groups')).status).toBe(200);
      first.clock.advanceSeconds(1);
      expect((await first.request('GET', '/api/admin/groups')).status).toBe(401);
    } finally {
      first.close();
    }
  });
});

describe('tokens made before scopes existed', () => {
  test('keep working with full admin access and are listed as such', async () => {
    const owner = await createUser(h, { role: 'admin' });
    const secret = 'an-old-token-made-before-scopes-0123';
    // The row as the previous version wrote it: no scopes column given, no expiry.
    await h.runtime.database.client.execute({
      sql: 'INSERT INTO api_tokens (id, display_name, token_hash, user_id, created_at) VALUES (?, ?, ?, ?, ?)',
      args: ['old-token', 'Old', createHash('sha256').update(secret).digest('hex'), owner.id, Date.now()],
    });
    const someone = await createUser(h, { role: 'manager' });
    const invite = await h.request('POST', `/api/admin/users/${someone.id}/console-invitation`, {
      token: secret,
    });
    expect(invite.status).toBe(201);
    const list = await readJson<{ value: { id: string; scopes: string[]; expireDateTime: null }[] }>(
      await h.request('GET', '/api/admin/api-tokens'),
    );
    expect(list.value.find((t) => t.id === 'old-token')).toMatchObject({
      scopes: ['admin.full'],
      expireDateTime: null,
    });
  });
});

test('creating a token records its scopes in the audit log', async () => {
  await tokenWith(['logs.read'], 'Log shipper');
  const [row] = await queryRows(
    h,
    "SELECT details FROM audit_logs WHERE activity = 'apiToken.created' ORDER BY rowid DESC LIMIT 1",
  );
  expect(JSON.parse(String(row!.details))).toMatchObject({
    displayName: 'Log shipper',
    scopes: ['logs.read'],
  });
});
