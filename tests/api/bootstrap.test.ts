/** First start: the BOOTSTRAP_* variables, or a one-time setup link that creates the first admin. */
import { afterEach, describe, expect, test } from 'vitest';
import {
  ADMIN_TOKEN,
  queryRows,
  readError,
  readJson,
  startHarness,
  TestClock,
  type Harness,
} from '../support/api-harness.js';

const DAY_SECONDS = 24 * 3600;
const PASSWORD = 'correct horse battery staple';

const open: Harness[] = [];
async function start(...args: Parameters<typeof startHarness>): Promise<Harness> {
  const h = await startHarness(...args);
  open.push(h);
  return h;
}
afterEach(() => {
  for (const h of open.splice(0)) h.close();
});

function setupTokenOf(h: Harness): string {
  const b = h.runtime.bootstrap;
  const token = b.kind === 'setup_link' || b.kind === 'bootstrapped' ? b.setupToken : undefined;
  if (!token) throw new Error(`no setup token (bootstrap kind ${b.kind})`);
  return token;
}

const completeSetup = (h: Harness, body: Record<string, unknown>) =>
  h.request('POST', '/api/setup', { body, token: null });

const createUserWith = (h: Harness, token: string | null, upn: string) =>
  h.request('POST', '/api/admin/users', { body: { userPrincipalName: upn, displayName: upn }, token });

describe('BOOTSTRAP_ADMIN_USERNAME + BOOTSTRAP_ADMIN_PASSWORD', () => {
  test('create the first admin, with the password kept only as an argon2id verifier', async () => {
    const h = await start(
      { BOOTSTRAP_ADMIN_USERNAME: 'boss@example.test', BOOTSTRAP_ADMIN_PASSWORD: PASSWORD },
      { bootstrapApiToken: false },
    );
    expect(h.runtime.bootstrap).toEqual({
      kind: 'bootstrapped',
      adminUsername: 'boss@example.test',
      apiToken: false,
      apiTokenExpiresAt: null,
    });

    const admins = await queryRows(
      h,
      'SELECT user_principal_name, role, account_enabled, password_hash FROM users',
    );
    expect(admins).toHaveLength(1);
    expect(admins[0]).toMatchObject({
      user_principal_name: 'boss@example.test',
      role: 'admin',
      account_enabled: 1,
    });
    expect(String(admins[0]!.password_hash)).toMatch(/^\$argon2id\$/);
    expect(String(admins[0]!.password_hash)).not.toContain(PASSWORD);

    // No setup link is offered once an admin exists, and none can be redeemed.
    expect(await queryRows(h, 'SELECT id FROM setup_tokens')).toEqual([]);
    const setup = await completeSetup(h, {
      token: 'x'.repeat(43),
      userPrincipalName: 'eve',
      password: PASSWORD,
    });
    expect(setup.status).toBe(410);
    expect((await readError(setup)).error.code).toBe('SETUP_LINK_INVALID');
  });

  test('with BOOTSTRAP_API_TOKEN as well, that token is an admin API token', async () => {
    const h = await start({ BOOTSTRAP_ADMIN_USERNAME: 'boss', BOOTSTRAP_ADMIN_PASSWORD: PASSWORD });
    expect(h.runtime.bootstrap).toMatchObject({ kind: 'bootstrapped', apiToken: true });
    expect((await createUserWith(h, ADMIN_TOKEN, 'ana')).status).toBe(201);
  });

  test('a restart on the same data keeps the admin and does not create another', async () => {
    const env = { BOOTSTRAP_ADMIN_USERNAME: 'boss', BOOTSTRAP_ADMIN_PASSWORD: PASSWORD };
    const first = await startHarness(env);
    first.stop();
    const second = await start(env, { dataDir: first.dir });
    expect(second.runtime.bootstrap).toEqual({ kind: 'admin_exists', ignoredApiToken: false });
    expect(await queryRows(second, "SELECT id FROM users WHERE role = 'admin'")).toHaveLength(1);
    expect((await createUserWith(second, ADMIN_TOKEN, 'ana')).status).toBe(201);
  });
});

describe('the one-time setup link', () => {
  test('is issued when no bootstrap variables are set', async () => {
    const h = await start({}, { bootstrapApiToken: false });
    expect(h.runtime.bootstrap.kind).toBe('setup_link');
    const token = setupTokenOf(h);
    expect(Buffer.from(token, 'base64url').length * 8).toBeGreaterThanOrEqual(128);
    // Nothing can use the admin API yet.
    expect((await createUserWith(h, ADMIN_TOKEN, 'ana')).status).toBe(401);
  });

  test('creates the first admin and an API token that works; the link then stops working', async () => {
    const h = await start({}, { bootstrapApiToken: false });
    const token = setupTokenOf(h);

    const res = await completeSetup(h, {
      token,
      userPrincipalName: 'root@example.test',
      displayName: 'Root',
      password: PASSWORD,
    });
    expect(res.status).toBe(201);
    const body = await readJson<{ user: { id: string; userPrincipalName: string }; apiToken: string }>(res);
    expect(body).toEqual({
      user: { id: expect.any(String), userPrincipalName: 'root@example.test' },
      apiToken: expect.stringMatching(/^sp_[A-Za-z0-9_-]{43}$/),
      // Full admin access for 30 days (tests/api/api-token-scopes.test.ts: it then stops working).
      apiTokenExpireDateTime: '2026-07-01T08:00:00.000Z',
    });

    const created = await createUserWith(h, body.apiToken, 'ana');
    expect(created.status).toBe(201);
    const admin = await h.request('GET', `/api/admin/users/${body.user.id}`, { token: body.apiToken });
    expect(admin.status).toBe(200);
    expect(await admin.json()).toMatchObject({
      userPrincipalName: 'root@example.test',
      displayName: 'Root',
      role: 'admin',
    });

    const again = await completeSetup(h, { token, userPrincipalName: 'second', password: PASSWORD });
    expect(again.status).toBe(410);
    expect(await readError(again)).toEqual({
      error: { code: 'SETUP_LINK_INVALID', message: expect.any(String) },
    });
    expect(await queryRows(h, "SELECT id FROM users WHERE role = 'admin'")).toHaveLength(1);
  });

  test('a wrong token is 410 and leaves the real link usable', async () => {
    const h = await start({}, { bootstrapApiToken: false });
    const token = setupTokenOf(h);
    const wrong = await completeSetup(h, {
      token: `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`,
      userPrincipalName: 'eve',
      password: PASSWORD,
    });
    expect(wrong.status).toBe(410);
    expect((await readError(wrong)).error.code).toBe('SETUP_LINK_INVALID');
    expect((await completeSetup(h, { token, userPrincipalName: 'root', password: PASSWORD })).status).toBe(
      201,
    );
  });

  test('a taken username is 409 and the link still works with another name', async () => {
    const h = await start();
    const token = setupTokenOf(h);
    expect((await createUserWith(h, ADMIN_TOKEN, 'ana')).status).toBe(201);
    const taken = await completeSetup(h, { token, userPrincipalName: 'ANA', password: PASSWORD });
    expect(taken.status).toBe(409);
    expect((await readError(taken)).error.code).toBe('USER_ALREADY_EXISTS');
    expect((await completeSetup(h, { token, userPrincipalName: 'root', password: PASSWORD })).status).toBe(
      201,
    );
  });

  test('still works 1 s before its 24 h expiry', async () => {
    const h = await start({}, { bootstrapApiToken: false });
    h.clock.advanceSeconds(DAY_SECONDS - 1);
    expect(
      (await completeSetup(h, { token: setupTokenOf(h), userPrincipalName: 'root', password: PASSWORD }))
        .status,
    ).toBe(201);
  });

  test('is 410 at its 24 h expiry and after', async () => {
    const h = await start({}, { bootstrapApiToken: false });
    const token = setupTokenOf(h);
    h.clock.advanceSeconds(DAY_SECONDS);
    const res = await completeSetup(h, { token, userPrincipalName: 'root', password: PASSWORD });
    expect(res.status).toBe(410);
    expect((await readError(res)).error.code).toBe('SETUP_LINK_INVALID');
    h.clock.advanceSeconds(DAY_SECONDS);
    expect((await completeSetup(h, { token, userPrincipalName: 'root', password: PASSWORD })).status).toBe(
      410,
    );
    expect(await queryRows(h, "SELECT id FROM users WHERE role = 'admin'")).toEqual([]);
  });

  test('a restart before setup replaces the link: the old one stops working', async () => {
    const clock = new TestClock();
    const first = await startHarness({}, { bootstrapApiToken: false, clock });
    const oldToken = setupTokenOf(first);
    first.stop();
    const second = await start({}, { bootstrapApiToken: false, dataDir: first.dir, clock });
    const newToken = setupTokenOf(second);
    expect(newToken).not.toBe(oldToken);
    expect(
      (await completeSetup(second, { token: oldToken, userPrincipalName: 'root', password: PASSWORD }))
        .status,
    ).toBe(410);
    expect(
      (await completeSetup(second, { token: newToken, userPrincipalName: 'root', password: PASSWORD }))
        .status,
    ).toBe(201);
  });

  test('with only BOOTSTRAP_API_TOKEN, the token works and a setup link is still offered for a person', async () => {
    const h = await start();
    expect(h.runtime.bootstrap).toMatchObject({
      kind: 'bootstrapped',
      adminUsername: undefined,
      apiToken: true,
    });
    expect((await createUserWith(h, ADMIN_TOKEN, 'ana')).status).toBe(201);
    const res = await completeSetup(h, {
      token: setupTokenOf(h),
      userPrincipalName: 'root',
      password: PASSWORD,
    });
    expect(res.status).toBe(201);
  });
});

describe('the setup page asks first whether its link still works (POST /api/setup/status)', () => {
  const statusOf = async (h: Harness, token: string) => {
    const res = await h.request('POST', '/api/setup/status', { body: { token }, token: null });
    expect(res.status).toBe(200);
    return (await readJson<{ state: string }>(res)).state;
  };

  test('a fresh link is ready, and asking does not use it up', async () => {
    const h = await start({}, { bootstrapApiToken: false });
    const token = setupTokenOf(h);
    expect(await statusOf(h, token)).toBe('ready');
    expect(await statusOf(h, token)).toBe('ready');
    expect((await completeSetup(h, { token, userPrincipalName: 'root', password: PASSWORD })).status).toBe(
      201,
    );
  });

  test('after the first admin is created, the same link is "used", also after a restart', async () => {
    const clock = new TestClock();
    const first = await startHarness({}, { bootstrapApiToken: false, clock });
    const token = setupTokenOf(first);
    await completeSetup(first, { token, userPrincipalName: 'root', password: PASSWORD });
    expect(await statusOf(first, token)).toBe('used');
    first.stop();
    const second = await start({}, { bootstrapApiToken: false, dataDir: first.dir, clock });
    expect(second.runtime.bootstrap.kind).toBe('admin_exists');
    expect(await statusOf(second, token)).toBe('used');
  });

  test('at its 24 h expiry the link is "expired", as the setup POST then refuses it', async () => {
    const h = await start({}, { bootstrapApiToken: false });
    const token = setupTokenOf(h);
    h.clock.advanceSeconds(DAY_SECONDS - 1);
    expect(await statusOf(h, token)).toBe('ready');
    h.clock.advanceSeconds(1);
    expect(await statusOf(h, token)).toBe('expired');
  });

  test('a link whose setup was done another way (an admin with a password made through the API) is "used"', async () => {
    const h = await start();
    const token = setupTokenOf(h);
    const made = await h.request('POST', '/api/admin/users', {
      body: { userPrincipalName: 'boss', displayName: 'Boss', role: 'admin' },
    });
    const boss = await readJson<{ id: string }>(made);
    const invitation = await h.request('POST', `/api/admin/users/${boss.id}/console-invitation`);
    const { invitationUrl } = await readJson<{ invitationUrl: string }>(invitation);
    const redeemed = await h.request('POST', '/api/auth/console/invitation', {
      body: { token: new URL(invitationUrl).hash.slice(1), password: PASSWORD },
      token: null,
    });
    expect(redeemed.status).toBe(204);
    expect(await statusOf(h, token)).toBe('used');
    expect((await completeSetup(h, { token, userPrincipalName: 'root', password: PASSWORD })).status).toBe(
      410,
    );
  });

  test('a token nobody was given is "unknown", whether or not an admin exists: a stranger learns nothing', async () => {
    const fresh = await start({}, { bootstrapApiToken: false });
    const token = setupTokenOf(fresh);
    const wrong = `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`;
    expect(await statusOf(fresh, wrong)).toBe('unknown');
    const setUp = await start({ BOOTSTRAP_ADMIN_USERNAME: 'boss', BOOTSTRAP_ADMIN_PASSWORD: PASSWORD });
    expect(await statusOf(setUp, wrong)).toBe('unknown');
  });

  test('a restart before setup replaces the link: the old one is "unknown", the new one ready', async () => {
    const clock = new TestClock();
    const first = await startHarness({}, { bootstrapApiToken: false, clock });
    const oldToken = setupTokenOf(first);
    first.stop();
    const second = await start({}, { bootstrapApiToken: false, dataDir: first.dir, clock });
    expect(await statusOf(second, oldToken)).toBe('unknown');
    expect(await statusOf(second, setupTokenOf(second))).toBe('ready');
  });

  test('bad input is a 400 in words, never a 500', async () => {
    const h = await start({}, { bootstrapApiToken: false });
    for (const body of [{}, { token: '' }, { token: 'x'.repeat(129) }, { token: 'ok', extra: 1 }]) {
      const res = await h.request('POST', '/api/setup/status', { body, token: null });
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect((await readError(res)).error.code).toBe('VALIDATION_FAILED');
    }
  });
});
