/**
 * Single sign-on into a store app: the sample store app (examples/sample-store-app, openid-client)
 * runs in this test process on a free port, registered through the admin API; the kiosk is the
 * provider's sign-in screen, with a real badge in front of the fake camera.
 */
import { createServer } from 'node:net';
import * as jose from 'jose';
import { startSampleApp } from '../../examples/sample-store-app/app.js';
import { expect, SCAN_TIMEOUT, signInToHome, test, type ProvisionedWorker } from './fixtures.js';
import type { Page } from '@playwright/test';

const BACKCHANNEL_LOGOUT_EVENT = 'http://schemas.openid.net/event/backchannel-logout';

/** A port nobody listens on now (the app must be registered with its address before it starts). */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, 'localhost', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

const sampleApp = test.extend<{
  storeApp: {
    app: Awaited<ReturnType<typeof startSampleApp>>;
    name: string;
    clientId: string;
    issuer: string;
  };
}>({
  storeApp: async ({ adminApi, baseURL }, use, testInfo) => {
    const port = await freePort();
    const url = `http://localhost:${port}`;
    // App names are unique across the shared server.
    const name = `Sample store ${testInfo.testId.slice(0, 8)}${testInfo.repeatEachIndex}`;
    const registered = await adminApi.post('/api/admin/apps', {
      data: {
        displayName: name,
        clientType: 'confidential',
        redirectUris: [`${url}/callback`],
        postLogoutRedirectUris: [`${url}/`],
        backchannelLogoutUri: `${url}/backchannel-logout`,
        homeUrl: `${url}/login`,
      },
    });
    expect(registered.status(), await registered.text()).toBe(201);
    const { clientId, clientSecret } = (await registered.json()) as {
      clientId: string;
      clientSecret: string;
    };
    const issuer = `${baseURL}/oidc`;
    const app = await startSampleApp({ issuer, clientId, clientSecret, port });
    await use({ app, name, clientId, issuer });
    await app.close();
    await adminApi.delete(`/api/admin/apps/${clientId}`);
  },
});

async function scanAndSignIn(page: Page, worker: ProvisionedWorker) {
  await expect(page.getByRole('heading', { name: 'Enter your PIN' })).toBeVisible({ timeout: SCAN_TIMEOUT });
  await page.getByLabel('PIN', { exact: true }).fill(worker.pin);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { name: 'Choose your own PIN' })).toBeVisible();
  await page.getByLabel('New PIN', { exact: true }).fill('58203917');
  await page.getByLabel('Confirm new PIN').fill('58203917');
  await page.getByRole('button', { name: 'Save PIN' }).click();
}

sampleApp(
  'a worker taps a store app on the kiosk home and is signed in to it with no second prompt; signing out of the kiosk signs them out of the app',
  async ({ provisionWorker, openKiosk, storeApp }) => {
    const { app, name, clientId, issuer } = storeApp;
    const worker = await provisionWorker('Sofía Reyes');
    const page = await openKiosk({ badge: worker.rawContent });
    await expect(page.getByRole('heading', { name: 'Enter your PIN' })).toBeVisible({
      timeout: SCAN_TIMEOUT,
    });
    await signInToHome(page, worker);

    // The app is listed with the worker's apps and opens in this same tab.
    const tile = page.getByRole('list', { name: 'Your apps' }).getByRole('link', { name });
    await expect(tile).toBeVisible();
    await expect(tile).not.toHaveAttribute('target', '_blank');
    if (process.env.SHOTS_DIR) {
      await page.setViewportSize({ width: 390, height: 844 });
      await page.screenshot({ path: `${process.env.SHOTS_DIR}/kiosk-home-app-tile.png`, fullPage: true });
    }
    await tile.click();

    await expect(page.getByRole('heading', { name: 'Signed in as Sofía Reyes' })).toBeVisible();
    expect(new URL(page.url()).origin).toBe(app.url);

    // The ID token the app received (verified by openid-client in the app) verifies here too.
    const signIn = app.lastSignIn!;
    expect(signIn.claims.iss).toBe(issuer);
    expect(signIn.claims.aud).toBe(clientId);
    expect(signIn.claims.amr).toContain('pin');
    expect(signIn.claims.sid).toEqual(expect.any(String));
    expect(signIn.name).toBe('Sofía Reyes');
    const jwks = jose.createRemoteJWKSet(new URL(`${issuer}/jwks`));
    const { payload } = await jose.jwtVerify(signIn.idToken, jwks, { issuer, audience: clientId });
    expect(payload.sub).toBe(signIn.claims.sub);

    // Back on the kiosk, the worker signs out: the app is told and ends its own session.
    await page.goto('/');
    await expect(page.getByRole('heading', { name: 'Hello, Sofía Reyes' })).toBeVisible();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(page.getByRole('heading', { name: 'Hello, Sofía Reyes' })).toBeHidden();

    await expect.poll(() => app.signedInCount(), { timeout: 20_000 }).toBe(0);
    const logout = app.lastLogoutToken!;
    expect(logout.iss).toBe(issuer);
    expect(logout.aud).toBe(clientId);
    expect(logout.sid).toBe(signIn.sid);
    expect(logout.events).toHaveProperty([BACKCHANNEL_LOGOUT_EVENT]);
    expect(logout).not.toHaveProperty('nonce');

    const appPage = await page.context().newPage();
    await appPage.goto(`${app.url}/`);
    await expect(appPage.getByRole('heading', { name: 'Signed out' })).toBeVisible();
  },
);

sampleApp(
  'an app opened when nobody is signed in leads to the kiosk scan + PIN screen and back to the app',
  async ({ provisionWorker, openKiosk, storeApp }) => {
    const { app, name } = storeApp;
    const worker = await provisionWorker('Tomás Vidal');
    const page = await openKiosk({ badge: worker.rawContent });

    await page.goto(`${app.url}/login`);
    await expect(page.getByText(`Sign in to continue to ${name}`)).toBeVisible();
    await scanAndSignIn(page, worker);

    await expect(page.getByRole('heading', { name: 'Signed in as Tomás Vidal' })).toBeVisible();
    expect(new URL(page.url()).origin).toBe(app.url);
    expect(app.lastSignIn?.claims.amr).toContain('pin');
  },
);
