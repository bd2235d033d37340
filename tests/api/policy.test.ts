/**
 * The QR-code + PIN method policy and the session policy, as an admin API client and a worker see them:
 * defaults, ranges, target groups, pinLength raises, who may change them, and the audit trail.
 */
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import {
  addGroup,
  createUser,
  createWorker,
  getSession,
  issueMethod,
  queryRows,
  readError,
  readJson,
  signedInAdmin,
  signedInUser,
  signIn,
  startHarness,
  type Harness,
} from '../support/api-harness.js';

const QR_POLICY = '/api/admin/policies/qr-code-pin';
const SESSION_POLICY = '/api/admin/policies/sessions';

const DEFAULT_LOCKOUT = {
  threshold: 10,
  baseDelaySeconds: 60,
  growthFactor: 2,
  maxDelaySeconds: 86_400,
  hardLimit: 100,
  clientThreshold: 100,
  clientWindowSeconds: 900,
};

const DEFAULT_POLICY = {
  state: 'disabled',
  includeTargets: [{ id: 'all_users' }],
  excludeTargets: [],
  pinLength: 8,
  standardQRCodeLifetimeInDays: 365,
  temporaryQRCodeLifetimeInHours: 3,
  mobileDevicesOnly: false,
  lockout: DEFAULT_LOCKOUT,
};

type Json = Record<string, unknown>;

/** `{a: {b: value}}` for the path 'a.b'. */
function bodyAt(path: string, value: unknown): Json {
  const keys = path.split('.');
  return keys.reduceRight<unknown>((inner, key) => ({ [key]: inner }), value) as Json;
}

function valueAt(object: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((o, key) => (o as Json)[key], object);
}

let h: Harness;
let hd: Harness;
beforeAll(async () => {
  [h, hd] = await Promise.all([startHarness(), startHarness({}, { methodPolicy: 'default' })]);
});
afterAll(() => {
  h.close();
  hd.close();
});

const getPolicy = async (harness: Harness) => {
  const res = await harness.request('GET', QR_POLICY);
  expect(res.status).toBe(200);
  return readJson<typeof DEFAULT_POLICY>(res);
};

async function patchPolicy(harness: Harness, body: unknown) {
  const res = await harness.request('PATCH', QR_POLICY, { body });
  expect(res.status, JSON.stringify(body)).toBe(200);
  return readJson<typeof DEFAULT_POLICY>(res);
}

async function expectSignInError(harness: Harness, qr: string, pin: string, status: number, code: string) {
  const { res, cookie } = await signIn(harness, qr, pin);
  expect(res.status).toBe(status);
  expect(await readError(res)).toEqual({ error: { code, message: expect.any(String) } });
  expect(cookie).toBeUndefined();
}

/** Puts the enabled harness back to the shipped defaults plus state enabled. */
async function restorePolicy() {
  await patchPolicy(h, { ...DEFAULT_POLICY, state: 'enabled' });
  await h.request('PATCH', SESSION_POLICY, {
    body: {
      idleTimeoutInMinutes: 15,
      consoleIdleTimeoutInMinutes: 10,
      absoluteTimeoutInHours: 12,
      kioskIdleSignOutInSeconds: 300,
      kioskIdleWarningInSeconds: 60,
      kioskOfflineGraceInSeconds: 300,
    },
  });
}

describe('GET /api/admin/policies/qr-code-pin', () => {
  test('on a new installation: disabled, all users, PIN 8, 365 days, 3 hours, 10 failures → 60 s doubling', async () => {
    expect(await getPolicy(hd)).toEqual(DEFAULT_POLICY);
  });

  test('with the method still disabled, a worker with a badge gets 403 METHOD_DISABLED_BY_POLICY', async () => {
    const worker = await createWorker(hd);
    await expectSignInError(hd, worker.qr, worker.pin, 403, 'METHOD_DISABLED_BY_POLICY');
    // The same answer with a wrong PIN: the PIN is not what is being refused.
    await expectSignInError(hd, worker.qr, '56473829', 403, 'METHOD_DISABLED_BY_POLICY');
  });

  test('enabling the policy lets that worker sign in on the very next try', async () => {
    const worker = await createWorker(hd);
    await expectSignInError(hd, worker.qr, worker.pin, 403, 'METHOD_DISABLED_BY_POLICY');
    expect(await patchPolicy(hd, { state: 'enabled' })).toEqual({ ...DEFAULT_POLICY, state: 'enabled' });
    const { res } = await signIn(hd, worker.qr, worker.pin);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ user: { id: worker.user.id }, mustChangePin: true });
    // And switching it off again stops the next sign-in at once.
    await patchPolicy(hd, { state: 'disabled' });
    await expectSignInError(hd, worker.qr, worker.pin, 403, 'METHOD_DISABLED_BY_POLICY');
  });

  test('without credentials both policies are 401 UNAUTHENTICATED', async () => {
    for (const [method, path] of [
      ['GET', QR_POLICY],
      ['PATCH', QR_POLICY],
      ['GET', SESSION_POLICY],
      ['PATCH', SESSION_POLICY],
    ] as const) {
      const res = await h.request(method, path, { token: null, body: method === 'PATCH' ? {} : undefined });
      expect(res.status, `${method} ${path}`).toBe(401);
      expect((await readError(res)).error.code).toBe('UNAUTHENTICATED');
    }
  });
});

describe('PATCH /api/admin/policies/qr-code-pin: ranges', () => {
  afterEach(restorePolicy);

  // [field, min, max, other fields the boundary needs (maxDelaySeconds must not be below baseDelaySeconds)]
  const ranges: [string, number, number, Json?][] = [
    ['pinLength', 8, 20],
    ['standardQRCodeLifetimeInDays', 1, 395],
    ['temporaryQRCodeLifetimeInHours', 1, 12],
    ['lockout.threshold', 3, 100],
    ['lockout.baseDelaySeconds', 1, 86_400],
    ['lockout.growthFactor', 1, 10],
    ['lockout.maxDelaySeconds', 1, 7 * 86_400, { baseDelaySeconds: 1 }],
    ['lockout.hardLimit', 10, 100],
    ['lockout.clientThreshold', 10, 10_000],
    ['lockout.clientWindowSeconds', 60, 86_400],
  ];

  const withContext = (field: string, value: number, context?: Json): Json => {
    const body = bodyAt(field, value);
    if (context) body.lockout = { ...context, ...(body.lockout as Json) };
    return body;
  };

  test.each(ranges)('%s accepts its minimum %d and maximum %d', async (field, min, max, context) => {
    for (const value of [min, max]) {
      const returned = await patchPolicy(h, withContext(field, value, context));
      expect(valueAt(returned, field)).toBe(value);
      expect(valueAt(await getPolicy(h), field)).toBe(value);
    }
  });

  test.each(ranges)(
    '%s refuses min − 1 and max + 1 with 400 VALIDATION_FAILED naming it, changing nothing',
    async (field, min, max, context) => {
      const before = await getPolicy(h);
      for (const value of [min - 1, max + 1]) {
        const res = await h.request('PATCH', QR_POLICY, { body: withContext(field, value, context) });
        expect(res.status, `${field} = ${value}`).toBe(400);
        expect(await readError(res)).toEqual({
          error: { code: 'VALIDATION_FAILED', message: expect.any(String), field },
        });
      }
      expect(await getPolicy(h)).toEqual(before);
    },
  );

  test('hardLimit 101 is refused: NIST allows at most 100 consecutive failures', async () => {
    const res = await h.request('PATCH', QR_POLICY, { body: { lockout: { hardLimit: 101 } } });
    expect(res.status).toBe(400);
    expect(await readError(res)).toMatchObject({
      error: { code: 'VALIDATION_FAILED', field: 'lockout.hardLimit' },
    });
  });

  test('whole numbers only, except the growth factor', async () => {
    for (const [field, value] of [
      ['pinLength', 8.5],
      ['standardQRCodeLifetimeInDays', 30.5],
      ['lockout.threshold', 5.5],
      ['lockout.hardLimit', 50.5],
    ] as const) {
      const res = await h.request('PATCH', QR_POLICY, { body: bodyAt(field, value) });
      expect(res.status, field).toBe(400);
      expect(await readError(res)).toMatchObject({ error: { code: 'VALIDATION_FAILED', field } });
    }
    expect((await patchPolicy(h, { lockout: { growthFactor: 1.5 } })).lockout.growthFactor).toBe(1.5);
  });

  test('wrong types are 400 naming the field', async () => {
    for (const [field, value] of [
      ['state', 'on'],
      ['pinLength', '10'],
      ['includeTargets', 'all_users'],
      ['lockout', 10],
    ] as const) {
      const res = await h.request('PATCH', QR_POLICY, { body: bodyAt(field, value) });
      expect(res.status, field).toBe(400);
      expect(await readError(res)).toMatchObject({ error: { code: 'VALIDATION_FAILED', field } });
    }
  });

  test('a bad field refuses the whole PATCH, valid fields included', async () => {
    const before = await getPolicy(h);
    const res = await h.request('PATCH', QR_POLICY, {
      body: { pinLength: 12, lockout: { threshold: 5, hardLimit: 101 } },
    });
    expect(res.status).toBe(400);
    expect(await getPolicy(h)).toEqual(before);
  });

  test('hardLimit below threshold, or maxDelaySeconds below baseDelaySeconds, is 400 naming the field', async () => {
    const cases: [Json, string][] = [
      [{ lockout: { threshold: 20, hardLimit: 15 } }, 'lockout.hardLimit'],
      [{ lockout: { threshold: 50 } }, 'lockout.hardLimit'],
      [{ lockout: { maxDelaySeconds: 30 } }, 'lockout.maxDelaySeconds'],
      [{ lockout: { baseDelaySeconds: 100, maxDelaySeconds: 99 } }, 'lockout.maxDelaySeconds'],
    ];
    // The second case only conflicts after lowering the hard limit first.
    await patchPolicy(h, { lockout: { hardLimit: 40 } });
    for (const [body, field] of cases) {
      const res = await h.request('PATCH', QR_POLICY, { body });
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(await readError(res)).toMatchObject({ error: { code: 'VALIDATION_FAILED', field } });
    }
  });

  test('unknown fields are 400 VALIDATION_FAILED naming them', async () => {
    for (const [body, field] of [
      [{ lockoutThreshold: 5 }, 'lockoutThreshold'],
      [{ state: 'enabled', id: 'qr-code-pin' }, 'id'],
      // Nested unknown keys are named by their full path, like every other field.
      [{ lockout: { threshold: 5, delay: 30 } }, 'lockout.delay'],
      [{ includeTargets: [{ id: 'all_users', type: 'group' }] }, 'includeTargets.0.type'],
    ] as const) {
      const res = await h.request('PATCH', QR_POLICY, { body });
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(await readError(res)).toMatchObject({ error: { code: 'VALIDATION_FAILED', field } });
    }
  });

  test('a partial lockout PATCH keeps the other lockout settings', async () => {
    const returned = await patchPolicy(h, { lockout: { threshold: 5 } });
    expect(returned).toEqual({
      ...DEFAULT_POLICY,
      state: 'enabled',
      lockout: { ...DEFAULT_LOCKOUT, threshold: 5 },
    });
    expect(await getPolicy(h)).toEqual(returned);
  });
});

describe('PATCH /api/admin/policies/qr-code-pin: targets', () => {
  afterEach(restorePolicy);

  test('an unknown group id in includeTargets or excludeTargets is 400 GROUP_NOT_FOUND', async () => {
    const store = await addGroup(h);
    const before = await getPolicy(h);
    for (const body of [
      { includeTargets: [{ id: 'no-such-group' }] },
      { includeTargets: [{ id: store.id }, { id: 'no-such-group' }] },
      { excludeTargets: [{ id: 'no-such-group' }] },
    ]) {
      const res = await h.request('PATCH', QR_POLICY, { body });
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect((await readError(res)).error.code).toBe('GROUP_NOT_FOUND');
    }
    expect(await getPolicy(h)).toEqual(before);
  });

  test('the target group is named in the error', async () => {
    const include = await h.request('PATCH', QR_POLICY, {
      body: { includeTargets: [{ id: 'no-such-group' }] },
    });
    expect(await readError(include)).toMatchObject({ error: { field: 'includeTargets' } });
    const exclude = await h.request('PATCH', QR_POLICY, {
      body: { excludeTargets: [{ id: 'no-such-group' }] },
    });
    expect(await readError(exclude)).toMatchObject({ error: { field: 'excludeTargets' } });
  });

  test('existing groups are accepted and repeated ids are stored once', async () => {
    const store = await addGroup(h);
    const temps = await addGroup(h);
    const returned = await patchPolicy(h, {
      includeTargets: [{ id: store.id }, { id: store.id }],
      excludeTargets: [{ id: temps.id }],
    });
    expect(returned.includeTargets).toEqual([{ id: store.id }]);
    expect(returned.excludeTargets).toEqual([{ id: temps.id }]);
    expect(await getPolicy(h)).toEqual(returned);
  });

  test('a group not included, an excluded group, all_users excluded: 403 METHOD_DISABLED_BY_POLICY', async () => {
    const store = await addGroup(h);
    const other = await addGroup(h);
    const temps = await addGroup(h);
    const inStore = await createWorker(h, { user: { groupIds: [store.id] } });
    const inOther = await createWorker(h, { user: { groupIds: [other.id] } });
    const inNoGroup = await createWorker(h);
    const inStoreAndTemps = await createWorker(h, { user: { groupIds: [store.id, temps.id] } });

    await patchPolicy(h, { includeTargets: [{ id: store.id }] });
    expect((await signIn(h, inStore.qr, inStore.pin)).res.status).toBe(200);
    await expectSignInError(h, inOther.qr, inOther.pin, 403, 'METHOD_DISABLED_BY_POLICY');
    await expectSignInError(h, inNoGroup.qr, inNoGroup.pin, 403, 'METHOD_DISABLED_BY_POLICY');
    expect((await signIn(h, inStoreAndTemps.qr, inStoreAndTemps.pin)).res.status).toBe(200);

    // Included and also excluded: exclusion wins.
    await patchPolicy(h, { excludeTargets: [{ id: temps.id }] });
    expect((await signIn(h, inStore.qr, inStore.pin)).res.status).toBe(200);
    await expectSignInError(h, inStoreAndTemps.qr, inStoreAndTemps.pin, 403, 'METHOD_DISABLED_BY_POLICY');

    // all_users included, one group excluded.
    await patchPolicy(h, { includeTargets: [{ id: 'all_users' }] });
    expect((await signIn(h, inOther.qr, inOther.pin)).res.status).toBe(200);
    expect((await signIn(h, inNoGroup.qr, inNoGroup.pin)).res.status).toBe(200);
    await expectSignInError(h, inStoreAndTemps.qr, inStoreAndTemps.pin, 403, 'METHOD_DISABLED_BY_POLICY');

    // all_users excluded: nobody, even an explicitly included group.
    await patchPolicy(h, {
      includeTargets: [{ id: 'all_users' }, { id: store.id }],
      excludeTargets: [{ id: 'all_users' }],
    });
    for (const worker of [inStore, inOther, inNoGroup]) {
      await expectSignInError(h, worker.qr, worker.pin, 403, 'METHOD_DISABLED_BY_POLICY');
    }

    // And the policy switched off refuses an otherwise included worker.
    await patchPolicy(h, { state: 'disabled', includeTargets: [{ id: 'all_users' }], excludeTargets: [] });
    await expectSignInError(h, inStore.qr, inStore.pin, 403, 'METHOD_DISABLED_BY_POLICY');
  });

  test('a brand-new worker in an included group signs in on the first try right after the PATCH', async () => {
    const store = await addGroup(h);
    await patchPolicy(h, { includeTargets: [{ id: store.id }] });
    const user = await createUser(h, { groupIds: [store.id] });
    const issued = await issueMethod(h, user.id);
    const { res, cookie } = await signIn(h, issued.standardQRCode.image.rawContent, issued.pin.code);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      user: { id: user.id, displayName: user.displayName, role: 'worker' },
      mustChangePin: true,
    });
    expect((await getSession(h, cookie!)).status).toBe(200);
  });
});

describe('PATCH /api/admin/policies/qr-code-pin: lifetimes and PIN length take effect', () => {
  afterEach(restorePolicy);

  test('standardQRCodeLifetimeInDays and temporaryQRCodeLifetimeInHours set the default expiry of new codes', async () => {
    await patchPolicy(h, { standardQRCodeLifetimeInDays: 30, temporaryQRCodeLifetimeInHours: 5 });
    const user = await createUser(h);
    const issued = await issueMethod(h, user.id);
    const standard = issued.standardQRCode;
    expect(Date.parse(standard.expireDateTime) - Date.parse(standard.startDateTime)).toBe(30 * 86_400_000);

    const res = await h.request('PUT', `/api/admin/users/${user.id}/qr-code-pin-method/temporary-qr-code`, {
      body: {},
    });
    expect(res.status).toBe(201);
    const temporary = await readJson<{ startDateTime: string; expireDateTime: string }>(res);
    expect(Date.parse(temporary.startDateTime)).toBe(h.clock.now().getTime());
    expect(Date.parse(temporary.expireDateTime) - Date.parse(temporary.startDateTime)).toBe(5 * 3_600_000);
  });

  test('raising pinLength to 10 makes an 8-digit PIN holder change it at the next sign-in; 8 digits are then refused', async () => {
    const worker = await signedInUser(h);
    expect(worker.pin).toHaveLength(8);
    expect(await (await signIn(h, worker.qr, worker.pin)).res.json()).toMatchObject({ mustChangePin: false });

    await patchPolicy(h, { pinLength: 10 });
    const { res, cookie } = await signIn(h, worker.qr, worker.pin);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ user: { id: worker.user.id }, mustChangePin: true });

    const state = await h.request('GET', `/api/admin/users/${worker.user.id}/qr-code-pin-method`);
    expect(await state.json()).toMatchObject({ pin: { forceChangePinNextSignIn: true } });

    // The pending change blocks everything else.
    const admin = await h.request('GET', `/api/admin/users/${worker.user.id}`, { token: null, cookie });
    expect(admin.status).toBe(403);
    expect((await readError(admin)).error.code).toBe('PIN_CHANGE_REQUIRED');

    const tooShort = await h.request('POST', '/api/auth/qr-pin/change-pin', {
      body: { currentPin: worker.pin, newPin: '73920581' },
      token: null,
      cookie,
    });
    expect(tooShort.status).toBe(400);
    expect(await readError(tooShort)).toEqual({
      error: { code: 'PIN_POLICY_VIOLATION', message: expect.any(String), rule: 'length', field: 'newPin' },
    });

    const ok = await h.request('POST', '/api/auth/qr-pin/change-pin', {
      body: { currentPin: worker.pin, newPin: '7392058143' },
      token: null,
      cookie,
    });
    expect(ok.status).toBe(204);
    const next = await signIn(h, worker.qr, '7392058143');
    expect(await next.res.json()).toMatchObject({ mustChangePin: false });
  });

  test('with pinLength 10, issued PINs have 10 digits and an 8-digit admin PIN is refused', async () => {
    await patchPolicy(h, { pinLength: 10 });
    const user = await createUser(h);
    const refused = await h.request('PUT', `/api/admin/users/${user.id}/qr-code-pin-method`, {
      body: { pin: { code: '73920581' } },
    });
    expect(refused.status).toBe(400);
    expect(await readError(refused)).toMatchObject({
      error: { code: 'PIN_POLICY_VIOLATION', rule: 'length', field: 'pin.code' },
    });
    const issued = await issueMethod(h, user.id);
    expect(issued.pin.code).toMatch(/^[0-9]{10}$/);
    const reset = await h.request('POST', `/api/admin/users/${user.id}/qr-code-pin-method/pin/reset`, {
      body: {},
    });
    expect((await readJson<{ code: string }>(reset)).code).toMatch(/^[0-9]{10}$/);
  });
});

describe('who may read and change the policies', () => {
  test('a manager’s or a worker’s session gets 403 FORBIDDEN on both policies', async () => {
    const manager = await signedInUser(h, { role: 'manager' });
    const worker = await signedInUser(h);
    for (const { cookie } of [manager, worker]) {
      for (const [method, path, body] of [
        ['GET', QR_POLICY, undefined],
        ['PATCH', QR_POLICY, { state: 'disabled' }],
        ['GET', SESSION_POLICY, undefined],
        ['PATCH', SESSION_POLICY, { idleTimeoutInMinutes: 480 }],
      ] as const) {
        const res = await h.request(method, path, { body, token: null, cookie });
        expect(res.status, `${method} ${path}`).toBe(403);
        expect(await readError(res)).toEqual({ error: { code: 'FORBIDDEN', message: expect.any(String) } });
      }
    }
    expect((await getPolicy(h)).state).toBe('enabled');
  });

  test('an admin’s session may change the policy', async () => {
    const admin = await signedInAdmin(h);
    try {
      const res = await h.request('PATCH', QR_POLICY, {
        body: { temporaryQRCodeLifetimeInHours: 4 },
        token: null,
        cookie: admin.cookie,
      });
      expect(res.status).toBe(200);
      expect((await getPolicy(h)).temporaryQRCodeLifetimeInHours).toBe(4);
    } finally {
      await restorePolicy();
    }
  });
});

describe('audit', () => {
  afterEach(restorePolicy);

  const auditRows = (activity: string) =>
    queryRows(
      h,
      'SELECT actor_type, actor_id, target_type, target_id, details FROM audit_logs WHERE activity = ? ORDER BY activity_at, rowid',
      [activity],
    );

  test('a PATCH writes one audit row with the policy before and after; a refused PATCH writes none', async () => {
    const before = await getPolicy(h);
    const rowsBefore = await auditRows('policy.qrCodePin.updated');
    const refused = await h.request('PATCH', QR_POLICY, { body: { pinLength: 21 } });
    expect(refused.status).toBe(400);
    expect(await auditRows('policy.qrCodePin.updated')).toHaveLength(rowsBefore.length);

    const after = await patchPolicy(h, { pinLength: 12, lockout: { threshold: 5 } });
    const rows = await auditRows('policy.qrCodePin.updated');
    expect(rows).toHaveLength(rowsBefore.length + 1);
    const row = rows.at(-1)!;
    const [token] = await queryRows(
      h,
      "SELECT id FROM api_tokens WHERE display_name = 'Bootstrap API token'",
    );
    expect(row).toMatchObject({
      actor_type: 'api_token',
      actor_id: token!.id,
      target_type: 'policy',
      target_id: 'qr-code-pin',
    });
    expect(JSON.parse(String(row.details))).toEqual({ before, after });
  });

  test('a session policy PATCH is audited too', async () => {
    const res = await h.request('PATCH', SESSION_POLICY, { body: { idleTimeoutInMinutes: 20 } });
    expect(res.status).toBe(200);
    const row = (await auditRows('policy.sessions.updated')).at(-1)!;
    expect(row).toMatchObject({ target_type: 'policy', target_id: 'sessions' });
    expect(JSON.parse(String(row.details))).toEqual({
      before: {
        idleTimeoutInMinutes: 15,
        consoleIdleTimeoutInMinutes: 10,
        absoluteTimeoutInHours: 12,
        kioskIdleSignOutInSeconds: 300,
        kioskIdleWarningInSeconds: 60,
        kioskOfflineGraceInSeconds: 300,
      },
      after: {
        idleTimeoutInMinutes: 20,
        consoleIdleTimeoutInMinutes: 10,
        absoluteTimeoutInHours: 12,
        kioskIdleSignOutInSeconds: 300,
        kioskIdleWarningInSeconds: 60,
        kioskOfflineGraceInSeconds: 300,
      },
    });
  });
});

describe('/api/admin/policies/sessions', () => {
  afterEach(restorePolicy);

  test('defaults: 15 minutes idle (10 on the console), 12 hours absolute; the kiosk warns at 4 and signs out at 5 idle minutes', async () => {
    const res = await hd.request('GET', SESSION_POLICY);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      idleTimeoutInMinutes: 15,
      consoleIdleTimeoutInMinutes: 10,
      absoluteTimeoutInHours: 12,
      kioskIdleSignOutInSeconds: 300,
      kioskIdleWarningInSeconds: 60,
      kioskOfflineGraceInSeconds: 300,
    });
  });

  test.each([
    ['kioskIdleSignOutInSeconds', { kioskIdleWarningInSeconds: 5 }, 30, 3600],
    ['kioskIdleWarningInSeconds', { kioskIdleSignOutInSeconds: 3600 }, 5, 300],
  ] as const)('%s accepts %d to %d and refuses one beyond either end', async (field, others, min, max) => {
    for (const value of [min, max]) {
      const res = await h.request('PATCH', SESSION_POLICY, { body: { ...others, [field]: value } });
      expect(res.status, `${field} = ${value}`).toBe(200);
    }
    for (const value of [min - 1, max + 1]) {
      const res = await h.request('PATCH', SESSION_POLICY, { body: { ...others, [field]: value } });
      expect(res.status, `${field} = ${value}`).toBe(400);
      expect(await readError(res)).toMatchObject({ error: { code: 'VALIDATION_FAILED', field } });
    }
  });

  test('the kiosk warning must come before the kiosk sign-out', async () => {
    const res = await h.request('PATCH', SESSION_POLICY, {
      body: { kioskIdleSignOutInSeconds: 60, kioskIdleWarningInSeconds: 60 },
    });
    expect(res.status).toBe(400);
    expect(await readError(res)).toMatchObject({
      error: { code: 'VALIDATION_FAILED', field: 'kioskIdleWarningInSeconds' },
    });
  });

  test.each([
    ['idleTimeoutInMinutes', 1, 480],
    ['consoleIdleTimeoutInMinutes', 1, 480],
    ['absoluteTimeoutInHours', 1, 24],
    ['kioskOfflineGraceInSeconds', 0, 3600],
  ] as const)('%s accepts %d to %d and refuses one beyond either end', async (field, min, max) => {
    for (const value of [min, max]) {
      const res = await h.request('PATCH', SESSION_POLICY, { body: { [field]: value } });
      expect(res.status).toBe(200);
      expect(await res.json()).toMatchObject({ [field]: value });
    }
    const before = await (await h.request('GET', SESSION_POLICY)).json();
    for (const value of [min - 1, max + 1, min + 0.5]) {
      const res = await h.request('PATCH', SESSION_POLICY, { body: { [field]: value } });
      expect(res.status, `${field} = ${value}`).toBe(400);
      expect(await readError(res)).toEqual({
        error: { code: 'VALIDATION_FAILED', message: expect.any(String), field },
      });
    }
    expect(await (await h.request('GET', SESSION_POLICY)).json()).toEqual(before);
  });

  test('unknown fields are refused', async () => {
    const res = await h.request('PATCH', SESSION_POLICY, { body: { idleTimeoutInSeconds: 300 } });
    expect(res.status).toBe(400);
    expect(await readError(res)).toMatchObject({
      error: { code: 'VALIDATION_FAILED', field: 'idleTimeoutInSeconds' },
    });
  });

  test('lowering the idle timeout to 5 minutes ends a session that has been idle for 5 minutes', async () => {
    const worker = await createWorker(h);
    const idle = (await signIn(h, worker.qr, worker.pin)).cookie!;
    const probe = (await signIn(h, worker.qr, worker.pin)).cookie!;
    const res = await h.request('PATCH', SESSION_POLICY, { body: { idleTimeoutInMinutes: 5 } });
    expect(await res.json()).toEqual({
      idleTimeoutInMinutes: 5,
      consoleIdleTimeoutInMinutes: 10,
      absoluteTimeoutInHours: 12,
      kioskIdleSignOutInSeconds: 300,
      kioskIdleWarningInSeconds: 60,
      kioskOfflineGraceInSeconds: 300,
    });

    h.clock.advanceMs(5 * 60_000 - 1);
    const alive = await getSession(h, probe);
    expect(alive.status).toBe(200);
    expect(await alive.json()).toMatchObject({ idleTimeoutSeconds: 300 });
    h.clock.advanceMs(1);
    const ended = await getSession(h, idle);
    expect(ended.status).toBe(401);
    expect((await readError(ended)).error.code).toBe('UNAUTHENTICATED');
  });

  test('a 1-hour absolute timeout ends a new, busy session at exactly 1 hour', async () => {
    const worker = await createWorker(h);
    await h.request('PATCH', SESSION_POLICY, { body: { absoluteTimeoutInHours: 1 } });
    const started = h.clock.now().getTime();
    const { res, cookie } = await signIn(h, worker.qr, worker.pin);
    expect(res.headers.getSetCookie()[0]).toMatch(/Max-Age=3600(;|$)/);
    for (let minutes = 10; minutes < 60; minutes += 10) {
      h.clock.setTime(started + minutes * 60_000);
      expect((await getSession(h, cookie!)).status).toBe(200);
    }
    h.clock.setTime(started + 3_600_000 - 1);
    expect((await getSession(h, cookie!)).status).toBe(200);
    h.clock.setTime(started + 3_600_000);
    expect((await getSession(h, cookie!)).status).toBe(401);
  });
});
