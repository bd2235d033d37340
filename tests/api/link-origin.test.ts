/**
 * Links handed to people are built on the configured address, never on the request's Host header
 * (issue 13, finding 5): a request that names `Host: evil.example` must not get an invitation link
 * (a one-time secret) pointing at evil.example. Without PUBLIC_ORIGIN, plain HTTP serves the console
 * only on this machine, so links point at http://localhost:PORT; serving TLS without PUBLIC_ORIGIN,
 * the address is unknown and an invitation is refused rather than guessed.
 */
import { afterEach, describe, expect, test } from 'vitest';
import type { ConsoleInvitationView } from '../../server/contracts/console-auth.js';
import type { AppView } from '../../server/contracts/apps.js';
import {
  createUser,
  queryRows,
  readError,
  readJson,
  startHarness,
  type Harness,
} from '../support/api-harness.js';

/** What adapter-node makes of `Host: evil.example` when ORIGIN is not set. */
const SPOOFED = 'http://evil.example';

let h: Harness | undefined;
afterEach(() => h?.close());

async function inviteThroughSpoofedHost(harness: Harness, userId: string): Promise<Response> {
  return harness.request('POST', `${SPOOFED}/api/admin/users/${userId}/console-invitation`);
}

describe('console invitation links', () => {
  test('without PUBLIC_ORIGIN, a spoofed Host still gets a link to this machine on its port', async () => {
    h = await startHarness({ PORT: '4123' });
    const manager = await createUser(h, { role: 'manager' });
    const res = await inviteThroughSpoofedHost(h, manager.id);
    expect(res.status).toBe(201);
    const { invitationUrl } = await readJson<ConsoleInvitationView>(res);
    expect(invitationUrl).toMatch(/^http:\/\/localhost:4123\/admin\/invitation#[A-Za-z0-9_-]{43}$/);
  });

  test('with PUBLIC_ORIGIN, a spoofed Host gets a link to PUBLIC_ORIGIN', async () => {
    h = await startHarness({ PUBLIC_ORIGIN: 'https://shiftpass.example.com' });
    const manager = await createUser(h, { role: 'manager' });
    const res = await inviteThroughSpoofedHost(h, manager.id);
    const { invitationUrl } = await readJson<ConsoleInvitationView>(res);
    expect(invitationUrl.startsWith('https://shiftpass.example.com/admin/invitation#')).toBe(true);
  });

  test('serving TLS without PUBLIC_ORIGIN, an invitation is refused (409 PUBLIC_ORIGIN_REQUIRED) and nothing is stored', async () => {
    h = await startHarness({ TLS_CERT_FILE: '/nonexistent/cert.pem', TLS_KEY_FILE: '/nonexistent/key.pem' });
    const manager = await createUser(h, { role: 'manager' });
    const res = await inviteThroughSpoofedHost(h, manager.id);
    expect(res.status).toBe(409);
    const { error } = await readError(res);
    expect(error.code).toBe('PUBLIC_ORIGIN_REQUIRED');
    expect(error.message).toContain('PUBLIC_ORIGIN');
    expect(await queryRows(h, 'select id from console_invitations where user_id = ?', [manager.id])).toEqual(
      [],
    );
  });
});

describe('the Apps page discovery URL', () => {
  test('names the configured address whatever Host the request names', async () => {
    h = await startHarness({ PORT: '4124' });
    const res = await h.request('POST', `${SPOOFED}/api/admin/apps`, {
      body: {
        displayName: 'Rota',
        clientType: 'public',
        redirectUris: ['https://rota.example.com/callback'],
      },
    });
    expect(res.status).toBe(201);
    const app = await readJson<AppView>(res);
    expect(app.discoveryUrl).toBe('http://localhost:4124/oidc/.well-known/openid-configuration');
    const listed = await readJson<{ value: AppView[] }>(await h.request('GET', `${SPOOFED}/api/admin/apps`));
    expect(listed.value.map((a) => a.discoveryUrl)).toEqual([app.discoveryUrl]);
  });
});
