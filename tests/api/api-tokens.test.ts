/**
 * Admin API tokens: created with a name, scopes and an expiry by an admin, the secret shown once and stored
 * only as a hash, usable as a Bearer token until it expires or is revoked, last use recorded (at most
 * once a minute), creating one from the console needs a recent re-authentication.
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { ApiTokenView, CreatedApiToken } from '../../server/contracts/api-tokens.js';
import {
  queryRows,
  readError,
  readJson,
  signedInAdmin,
  signedInUser,
  startHarness,
  type Harness,
} from '../support/api-harness.js';

const TOKENS = '/api/admin/api-tokens';
const DAY_MS = 24 * 60 * 60 * 1000;

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

const inDays = (days: number) => new Date(h.clock.now().getTime() + days * DAY_MS).toISOString();

async function create(body: Record<string, unknown>, token?: string): Promise<CreatedApiToken> {
  const res = await h.request('POST', TOKENS, { body: { scopes: ['users.read'], ...body }, token });
  expect(res.status, await res.clone().text()).toBe(201);
  return readJson<CreatedApiToken>(res);
}

async function list(): Promise<ApiTokenView[]> {
  const res = await h.request('GET', TOKENS);
  expect(res.status).toBe(200);
  return (await readJson<{ value: ApiTokenView[] }>(res)).value;
}

const whoCanList = (token: string) => h.request('GET', '/api/admin/groups', { token });

test('create → use → last use recorded → listed without the secret → revoke → refused at once', async () => {
  const admin = await signedInAdmin(h, { displayName: 'Token Admin' });
  const res = await h.request('POST', TOKENS, {
    body: { displayName: '  Payroll sync  ', expireDateTime: inDays(30), scopes: ['users.read'] },
    token: null,
    cookie: admin.cookie,
  });
  expect(res.status).toBe(201);
  const created = await readJson<CreatedApiToken>(res);
  expect(created).toMatchObject({
    displayName: 'Payroll sync',
    expireDateTime: inDays(30),
    scopes: ['users.read'],
    createdDateTime: h.clock.now().toISOString(),
    lastUsedDateTime: null,
    revokedDateTime: null,
    state: 'active',
    createdBy: { id: admin.user.id, displayName: 'Token Admin' },
  });
  expect(created.token).toMatch(/^sp_[A-Za-z0-9_-]{43}$/);

  expect((await whoCanList(created.token)).status).toBe(200);
  const firstUse = h.clock.now().toISOString();
  let mine = (await list()).find((t) => t.id === created.id)!;
  expect(mine.lastUsedDateTime).toBe(firstUse);

  // Within a minute the recorded time stays; after a minute it moves.
  h.clock.advanceSeconds(30);
  expect((await whoCanList(created.token)).status).toBe(200);
  expect((await list()).find((t) => t.id === created.id)!.lastUsedDateTime).toBe(firstUse);
  h.clock.advanceSeconds(31);
  expect((await whoCanList(created.token)).status).toBe(200);
  mine = (await list()).find((t) => t.id === created.id)!;
  expect(mine.lastUsedDateTime).toBe(h.clock.now().toISOString());

  const listed = await h.request('GET', TOKENS);
  const text = await listed.text();
  expect(text).not.toContain(created.token);
  expect(text).not.toContain(createHash('sha256').update(created.token).digest('hex'));
  expect(Object.keys(mine).sort()).toEqual(
    [
      'createdBy',
      'createdDateTime',
      'displayName',
      'expireDateTime',
      'id',
      'lastUsedDateTime',
      'revokedDateTime',
      'scopes',
      'state',
    ].sort(),
  );

  const revoke = await h.request('DELETE', `${TOKENS}/${created.id}`);
  expect(revoke.status).toBe(204);
  const refused = await whoCanList(created.token);
  expect(refused.status).toBe(401);
  expect((await readError(refused)).error.code).toBe('UNAUTHENTICATED');
  expect((await list()).find((t) => t.id === created.id)).toMatchObject({
    state: 'revoked',
    revokedDateTime: h.clock.now().toISOString(),
  });
  // Revoking again is not an error; an unknown id is.
  expect((await h.request('DELETE', `${TOKENS}/${created.id}`)).status).toBe(204);
  const unknown = await h.request('DELETE', `${TOKENS}/no-such-token`);
  expect(unknown.status).toBe(404);
  expect((await readError(unknown)).error.code).toBe('NOT_FOUND');

  const audit = await queryRows(
    h,
    'SELECT activity, actor_type, actor_id, details FROM audit_logs WHERE target_id = ? ORDER BY rowid',
    [created.id],
  );
  expect(audit.map((row) => [row.activity, row.actor_type])).toEqual([
    ['apiToken.created', 'user'],
    ['apiToken.revoked', 'api_token'],
  ]);
  expect(audit[0]!.actor_id).toBe(admin.user.id);
  expect(JSON.stringify(audit)).not.toContain(created.token.slice(3));
});

test('without an expiry a token lasts 90 days, and stops working when it expires', async () => {
  const created = await create({ displayName: 'Default expiry' });
  expect(created.expireDateTime).toBe(inDays(90));

  const short = await create({ displayName: 'One day', expireDateTime: inDays(1) });
  expect((await whoCanList(short.token)).status).toBe(200);
  h.clock.advanceMs(DAY_MS - 1000);
  expect((await whoCanList(short.token)).status).toBe(200);
  h.clock.advanceSeconds(1);
  const expired = await whoCanList(short.token);
  expect(expired.status).toBe(401);
  expect((await readError(expired)).error.code).toBe('UNAUTHENTICATED');
  expect((await list()).find((t) => t.id === short.id)!.state).toBe('expired');
});

test.each([
  ['an expiry in the past', () => ({ displayName: 'x', expireDateTime: inDays(-1) }), 'expireDateTime'],
  ['an expiry of now', () => ({ displayName: 'x', expireDateTime: inDays(0) }), 'expireDateTime'],
  ['an expiry beyond a year', () => ({ displayName: 'x', expireDateTime: inDays(366) }), 'expireDateTime'],
  ['an expiry that is not a date', () => ({ displayName: 'x', expireDateTime: 'soon' }), 'expireDateTime'],
  ['an empty name', () => ({ displayName: '   ' }), 'displayName'],
  ['a name of 81 characters', () => ({ displayName: 'n'.repeat(81) }), 'displayName'],
  ['no name', () => ({}), 'displayName'],
  ['the token given in', () => ({ displayName: 'x', token: 'sp_mine' }), 'token'],
  ['no scopes', () => ({ displayName: 'x', scopes: undefined }), 'scopes'],
  ['an empty list of scopes', () => ({ displayName: 'x', scopes: [] }), 'scopes'],
  ['an unknown scope', () => ({ displayName: 'x', scopes: ['users.read', 'everything'] }), 'scopes.1'],
])('%s → 400 naming the field', async (_name, body, field) => {
  const before = (await list()).length;
  const res = await h.request('POST', TOKENS, { body: { scopes: ['logs.read'], ...body() } });
  expect(res.status).toBe(400);
  expect((await readError(res)).error).toMatchObject({ code: 'VALIDATION_FAILED', field });
  expect(await list()).toHaveLength(before);
});

test('an expiry exactly a year away and a name of 80 characters are accepted', async () => {
  const created = await create({ displayName: 'n'.repeat(80), expireDateTime: inDays(365) });
  expect(created.expireDateTime).toBe(inDays(365));
});

test('workers, managers and an admin on a badge session are refused (403); no credentials → 401', async () => {
  for (const role of ['worker', 'manager', 'admin'] as const) {
    const { cookie } = await signedInUser(h, { role });
    for (const [method, path, body] of [
      ['GET', TOKENS, undefined],
      ['POST', TOKENS, { displayName: 'mine', scopes: ['logs.read'] }],
      ['DELETE', `${TOKENS}/anything`, undefined],
    ] as const) {
      const res = await h.request(method, path, { body, token: null, cookie });
      expect(res.status, `${role} ${method}`).toBe(403);
      expect((await readError(res)).error.code).toBe('FORBIDDEN');
    }
  }
  const anonymous = await h.request('GET', TOKENS, { token: null });
  expect(anonymous.status).toBe(401);
});

test('a console session must have re-authenticated within 5 minutes to create a token', async () => {
  const admin = await signedInAdmin(h);
  h.clock.advanceSeconds(300);
  const before = (await list()).length;
  const stale = await h.request('POST', TOKENS, {
    body: { displayName: 'Stale', scopes: ['logs.read'] },
    token: null,
    cookie: admin.cookie,
  });
  expect(stale.status).toBe(401);
  expect((await readError(stale)).error).toMatchObject({
    code: 'REAUTHENTICATION_REQUIRED',
    maxAgeSeconds: 300,
  });
  expect(await list()).toHaveLength(before);
  // Listing and revoking are not gated.
  expect((await h.request('GET', TOKENS, { token: null, cookie: admin.cookie })).status).toBe(200);
});

test('only the SHA-256 of the secret is stored', async () => {
  const created = await create({ displayName: 'At rest' });
  const [row] = await queryRows(h, 'SELECT * FROM api_tokens WHERE id = ?', [created.id]);
  expect(row!.token_hash).toBe(createHash('sha256').update(created.token).digest('hex'));
  expect(JSON.stringify(row)).not.toContain(created.token.slice(3));
});

test('a token acts for its creator: it stops working when the creator is disabled', async () => {
  const admin = await signedInAdmin(h);
  const res = await h.request('POST', TOKENS, {
    body: { displayName: 'Owned', scopes: ['users.read'] },
    token: null,
    cookie: admin.cookie,
  });
  const created = await readJson<CreatedApiToken>(res);
  expect((await whoCanList(created.token)).status).toBe(200);
  const disable = await h.request('PATCH', `/api/admin/users/${admin.user.id}`, {
    body: { accountEnabled: false },
  });
  expect(disable.status).toBe(200);
  expect((await whoCanList(created.token)).status).toBe(401);
});
