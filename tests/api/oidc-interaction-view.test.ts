/**
 * GET /api/oidc/interactions/{uid}: the kiosk's scan screen names the app waiting for a sign-in,
 * before anyone signs in, and says nothing for an interaction that is gone.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import type * as client from 'openid-client';
import {
  CookieJar,
  discoverAs,
  registerApp,
  startAuthorization,
  startOidcServer,
} from '../support/oidc-harness.js';

let s: Awaited<ReturnType<typeof startOidcServer>>;
let config: client.Configuration;
let appId: string;

beforeAll(async () => {
  s = await startOidcServer();
  const { app, secret } = await registerApp(s.h, { displayName: 'Rota' });
  appId = app.id;
  config = await discoverAs(s.issuer, app, secret);
});
afterAll(async () => {
  await s.close();
});

const view = (uid: string) => fetch(`${s.origin}/api/oidc/interactions/${encodeURIComponent(uid)}`);

test('a waiting app sign-in is named for the kiosk with nobody signed in, and nothing else is said', async () => {
  const { landing } = await startAuthorization(config, new CookieJar(), s.origin);
  const res = await view(landing.searchParams.get('oidc')!);
  expect(res.status).toBe(200);
  expect(await res.json()).toEqual({ appName: 'Rota' });
});

test('an app disabled while the worker scans is no longer named', async () => {
  const { landing } = await startAuthorization(config, new CookieJar(), s.origin);
  await s.h.runtime.deps.repos.apps.update(appId, { enabled: false, updatedAt: new Date() });
  const res = await view(landing.searchParams.get('oidc')!);
  expect(res.status).toBe(410);
  expect(((await res.json()) as { error: { code: string } }).error.code).toBe('OIDC_INTERACTION_NOT_FOUND');
  await s.h.runtime.deps.repos.apps.update(appId, { enabled: true, updatedAt: new Date() });
});
