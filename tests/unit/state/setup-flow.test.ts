/**
 * The one-time setup page (SetupFlow): the link is checked before the form shows, the form's own words
 * instead of the browser's bubbles, the server's refusals next to their field, and a link used
 * meanwhile landing on "already used".
 */
import { describe, expect, test } from 'vitest';
import { SetupFlow } from '../../../src/lib/admin/setup-flow.svelte.js';
import { checkSetupForm, setupRefusal } from '../../../src/lib/admin/setup-form.js';
import { setupText } from '../../../src/lib/admin/setup-text.js';
import type { ApiResult, ClientError } from '../../../src/lib/api/client.js';

type Answer = ApiResult<unknown>;
const ok = (data: unknown, status = 200): Answer => ({ ok: true, status, data });
const refused = (status: number, error: ClientError): Answer => ({ ok: false, status, error });

/** A fake server: each path answers from its queue, in order; every request is recorded. */
function fakeServer(answers: Record<string, Answer[]>) {
  const calls: { path: string; body: unknown }[] = [];
  const post = async <T>(path: string, body: unknown) => {
    calls.push({ path, body });
    const answer = answers[path]?.shift();
    if (!answer) throw new Error(`no answer left for ${path}`);
    return answer as ApiResult<T>;
  };
  return { post, calls };
}

const TOKEN = 'A'.repeat(43);
const CREATED = {
  user: { id: 'u1', userPrincipalName: 'root@store.example' },
  apiToken: 'sp_secret',
  apiTokenExpireDateTime: '2026-07-01T08:00:00.000Z',
};

function fill(flow: SetupFlow) {
  flow.userPrincipalName = 'root@store.example';
  flow.password = 'correct horse battery';
  flow.confirmation = 'correct horse battery';
}

describe('opening the page', () => {
  test.each([
    ['ready', 'ready'],
    ['used', 'used'],
    ['expired', 'expired'],
    ['unknown', 'unknown'],
  ])('a link the server calls %s shows the %s page', async (state, step) => {
    const server = fakeServer({ '/setup/status': [ok({ state })] });
    const flow = new SetupFlow(server.post);
    await flow.open(`#${TOKEN}`);
    expect(flow.step).toBe(step);
    expect(server.calls).toEqual([{ path: '/setup/status', body: { token: TOKEN } }]);
  });

  test('without a token, or with a damaged one, nothing is asked of the server', async () => {
    const server = fakeServer({});
    const none = new SetupFlow(server.post);
    await none.open('');
    expect(none.step).toBe('none');
    const damaged = new SetupFlow(server.post);
    await damaged.open('#%E0%A4%A');
    expect(damaged.step).toBe('damaged');
    expect(server.calls).toEqual([]);
  });

  test('when the check cannot be made, the form shows (its submit decides)', async () => {
    const server = fakeServer({
      '/setup/status': [refused(0, { code: 'NETWORK_ERROR', message: 'The server could not be reached.' })],
    });
    const flow = new SetupFlow(server.post);
    await flow.open(`#${TOKEN}`);
    expect(flow.step).toBe('ready');
  });
});

describe('submitting', () => {
  test('creates the admin: the token is kept for the page, the passwords and the link token dropped', async () => {
    const server = fakeServer({ '/setup/status': [ok({ state: 'ready' })], '/setup': [ok(CREATED, 201)] });
    const flow = new SetupFlow(server.post);
    await flow.open(`#${TOKEN}`);
    fill(flow);
    flow.displayName = '  ';
    await flow.submit();
    expect(server.calls.at(-1)).toEqual({
      path: '/setup',
      body: { token: TOKEN, userPrincipalName: 'root@store.example', password: 'correct horse battery' },
    });
    expect(flow.step).toBe('created');
    expect(flow.created).toEqual({
      userPrincipalName: 'root@store.example',
      apiToken: 'sp_secret',
      apiTokenExpireDateTime: '2026-07-01T08:00:00.000Z',
    });
    expect([flow.password, flow.confirmation]).toEqual(['', '']);
  });

  test('a form that breaks a rule is not sent; each field says what is wrong', async () => {
    const server = fakeServer({ '/setup/status': [ok({ state: 'ready' })] });
    const flow = new SetupFlow(server.post);
    await flow.open(`#${TOKEN}`);
    flow.password = 'short';
    await flow.submit();
    expect(flow.errors).toEqual({
      userPrincipalName: setupText.usernameMissing,
      password: setupText.passwordTooShort,
    });
    expect(server.calls).toHaveLength(1);
  });

  test('a taken sign-in name is said next to the sign-in name; the passwords stay typed', async () => {
    const server = fakeServer({
      '/setup/status': [ok({ state: 'ready' })],
      '/setup': [
        refused(409, { code: 'USER_ALREADY_EXISTS', message: 'A user with this name already exists.' }),
      ],
    });
    const flow = new SetupFlow(server.post);
    await flow.open(`#${TOKEN}`);
    fill(flow);
    await flow.submit();
    expect(flow.step).toBe('ready');
    expect(flow.errors).toEqual({ userPrincipalName: setupText.usernameTaken });
    expect(flow.password).toBe('correct horse battery');
  });

  test('a link used meanwhile (another tab) lands on "already used", not on an error', async () => {
    const server = fakeServer({
      '/setup/status': [ok({ state: 'ready' }), ok({ state: 'used' })],
      '/setup': [refused(410, { code: 'SETUP_LINK_INVALID', message: 'This setup link is invalid.' })],
    });
    const flow = new SetupFlow(server.post);
    await flow.open(`#${TOKEN}`);
    fill(flow);
    await flow.submit();
    expect(flow.step).toBe('used');
    expect(flow.formError).toBeNull();
  });
});

describe('the form rules and refusals, in words', () => {
  test('the passwords must match once long enough', () => {
    expect(
      checkSetupForm({
        userPrincipalName: 'root',
        displayName: '',
        password: 'x'.repeat(12),
        confirmation: 'y',
      }),
    ).toEqual({ confirmation: setupText.mismatch });
    expect(
      checkSetupForm({
        userPrincipalName: 'root',
        displayName: '',
        password: 'x'.repeat(12),
        confirmation: 'x'.repeat(12),
      }),
    ).toEqual({});
  });

  test("a field the server names gets the server's reason in a sentence, without the API's field name", () => {
    expect(
      setupRefusal({
        code: 'VALIDATION_FAILED',
        message: 'Sign-in name must not contain spaces',
        field: 'userPrincipalName',
      }),
    ).toEqual({ field: 'userPrincipalName', message: 'Sign-in name must not contain spaces.' });
  });
});
