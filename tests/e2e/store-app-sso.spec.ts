/**
 * Single sign-on into a store app: the sample store app (examples/sample-store-app, openid-client)
 * runs in this test process on a free port, registered through the admin API; the kiosk is the
 * provider's sign-in screen, with a real badge in front of the fake camera.
 */
import { createServer } from 'node:net';
import * as jose from 'jose';
import { startSampleApp } from '../../examples/sample-store-app/app.js';
import { expect, SCAN_TIMEOUT, signInToHome, test, type ProvisionedWorker } from './fixtures.js';
import { enrolKiosk, MANAGER_PIN, revokeQuietly, typeBadgeCode } from './kiosk-device.js';
import { request, type Page } from '@playwright/test';

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
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByLabel('Confirm new PIN').fill('58203917');
  await page.getByRole('button', { name: 'Save PIN' }).click();
}

/** What the server answers a kiosk session token at GET /api/auth/session (asked directly, cookie in hand). */
async function sessionStatus(baseURL: string, token: string): Promise<number> {
  const api = await request.newContext({
    baseURL,
    extraHTTPHeaders: { cookie: `__Host-shiftpass_session=${token}` },
  });
  const status = (await api.get('/api/auth/session')).status();
  await api.dispose();
  return status;
}

type StoreApp = Awaited<ReturnType<typeof startSampleApp>>;

/** The app's last logout token is a verified back-channel logout for `sid` (openid-client/jose checked it in the app). */
function expectLogoutTokenFor(app: StoreApp, sid: string | undefined, clientId: string, issuer: string) {
  const logout = app.lastLogoutToken!;
  expect(logout).toBeTruthy();
  expect(logout.iss).toBe(issuer);
  expect(logout.aud).toBe(clientId);
  expect(logout.sid).toBe(sid);
  expect(logout.events).toHaveProperty([BACKCHANNEL_LOGOUT_EVENT]);
  expect(logout).not.toHaveProperty('nonce');
}

/** The app's own page, in a new tab of the same phone, says nobody is signed in. */
async function expectAppSignedOut(page: Page, app: StoreApp) {
  const appPage = await page.context().newPage();
  await appPage.goto(`${app.url}/`);
  await expect(appPage.getByRole('heading', { name: 'Signed out' })).toBeVisible();
  await appPage.close();
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

sampleApp(
  'an app an access policy blocks: the kiosk says why and keeps the worker signed in, every time the app is opened',
  async ({ provisionWorker, openKiosk, storeApp, adminApi }) => {
    const { app, name, clientId } = storeApp;
    const created = await adminApi.post('/api/admin/conditional-access/policies', {
      data: {
        displayName: `No ${name} on kiosks`,
        state: 'enabled',
        grant: 'block',
        conditions: { apps: { include: [clientId] } },
      },
    });
    expect(created.status(), await created.text()).toBe(201);
    const policy = (await created.json()) as { id: string };
    try {
      const worker = await provisionWorker('Inés Prado');
      const page = await openKiosk({ badge: worker.rawContent });
      await page.goto(`${app.url}/login`);
      await expect(page.getByText(`Sign in to continue to ${name}`)).toBeVisible();
      await scanAndSignIn(page, worker);

      await expect(page.getByRole('heading', { name: 'Hello, Inés Prado' })).toBeVisible();
      await expect(page.getByRole('alert')).toHaveText(
        `Your organization’s access rules do not allow ${name} on this phone right now. Your other apps still work. Ask your manager.`,
      );
      expect(app.lastSignIn).toBeNull();
      if (process.env.SHOTS_DIR) {
        await page.setViewportSize({ width: 390, height: 844 });
        await page.screenshot({ path: `${process.env.SHOTS_DIR}/kiosk-app-blocked.png`, fullPage: true });
      }

      // Tapped again from the home: the same words, still signed in, and the app still has nobody.
      const reloaded = page.waitForEvent('load');
      await page.getByRole('list', { name: 'Your apps' }).getByRole('link', { name }).click();
      await reloaded;
      await expect(page.getByRole('alert')).toContainText(`do not allow ${name} on this phone`);
      await expect(page.getByRole('heading', { name: 'Hello, Inés Prado' })).toBeVisible();
      expect(app.lastSignIn).toBeNull();
    } finally {
      await adminApi.delete(`/api/admin/conditional-access/policies/${policy.id}`);
    }
  },
);

sampleApp(
  'a kiosk that signs an idle worker out signs them out of the store app too',
  async ({ provisionWorker, openKiosk, storeApp }) => {
    const { app, name, clientId, issuer } = storeApp;
    const worker = await provisionWorker('Iris Idle');
    const page = await openKiosk({ badge: worker.rawContent });
    await expect(page.getByRole('heading', { name: 'Enter your PIN' })).toBeVisible({
      timeout: SCAN_TIMEOUT,
    });
    // As in shared-device.spec.ts: the fake clock goes in after the scan, before the kiosk's timers start.
    await page.clock.install();
    await signInToHome(page, worker);
    await page.getByRole('list', { name: 'Your apps' }).getByRole('link', { name }).click();
    await expect(page.getByRole('heading', { name: 'Signed in as Iris Idle' })).toBeVisible();
    const sid = app.lastSignIn!.sid;
    expect(sid).toEqual(expect.any(String));

    // Back on the kiosk home, nobody touches the phone.
    await page.goto('/');
    await expect(page.getByRole('heading', { name: 'Hello, Iris Idle' })).toBeVisible();
    await page.clock.fastForward('04:05');
    await expect(page.getByRole('alertdialog', { name: 'Still there?' })).toBeVisible();
    await page.clock.fastForward('01:00');
    await expect(page.getByRole('heading', { name: 'Hello, Iris Idle' })).toBeHidden();

    await expect.poll(() => app.signedInCount(), { timeout: 20_000 }).toBe(0);
    expectLogoutTokenFor(app, sid, clientId, issuer);
    await expectAppSignedOut(page, app);
  },
);

sampleApp(
  'the next worker signing in on an enrolled kiosk signs the previous worker out of the store app, and the app then signs in the next worker',
  async ({ adminApi, provisionWorker, openKiosk, storeApp, baseURL }) => {
    const { app, name, clientId, issuer } = storeApp;
    let deviceId: string | undefined;
    try {
      const kiosk = await enrolKiosk({ adminApi, provisionWorker, openKiosk }, 'Handover');
      deviceId = kiosk.deviceId;
      const { page, worker: first, manager: next } = kiosk;
      await typeBadgeCode(page, first);
      await signInToHome(page, first);
      await page.getByRole('list', { name: 'Your apps' }).getByRole('link', { name }).click();
      await expect(page.getByRole('heading', { name: `Signed in as ${first.displayName}` })).toBeVisible();
      const firstSid = app.lastSignIn!.sid;
      expect(firstSid).toEqual(expect.any(String));
      const firstToken = (await page.context().cookies()).find(
        (c) => c.name === '__Host-shiftpass_session',
      )!.value;

      // The first worker never signs out. The phone loses their kiosk cookie (its cookies cleared, the
      // device enrolment kept), so the kiosk opens on its scan screen with their session still open on
      // the server: only the next sign-in on this device can end it.
      await page.context().clearCookies({ name: '__Host-shiftpass_session' });
      await page.goto('/');
      await expect(page.getByRole('heading', { name: 'Scan your badge' })).toBeVisible();
      expect(await sessionStatus(baseURL!, firstToken)).toBe(200);
      expect(app.signedInCount()).toBe(1);

      await typeBadgeCode(page, next);
      await page.getByLabel('PIN', { exact: true }).fill(MANAGER_PIN);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await expect(page.getByRole('heading', { name: `Hello, ${next.displayName}` })).toBeVisible();

      expect(await sessionStatus(baseURL!, firstToken)).toBe(401);
      await expect.poll(() => app.signedInCount(), { timeout: 20_000 }).toBe(0);
      expectLogoutTokenFor(app, firstSid, clientId, issuer);
      await expectAppSignedOut(page, app);

      await page.getByRole('list', { name: 'Your apps' }).getByRole('link', { name }).click();
      await expect(page.getByRole('heading', { name: `Signed in as ${next.displayName}` })).toBeVisible();
      expect(app.lastSignIn!.name).toBe(next.displayName);
      expect(app.lastSignIn!.sid).not.toBe(firstSid);
    } finally {
      await revokeQuietly(adminApi, deviceId);
    }
  },
);

sampleApp(
  'a store app’s own sign-out, confirmed on the phone, ends the kiosk session too',
  async ({ provisionWorker, openKiosk, storeApp, baseURL }) => {
    const { app, name } = storeApp;
    const worker = await provisionWorker('Rosa Salida');
    const page = await openKiosk({ badge: worker.rawContent });
    await expect(page.getByRole('heading', { name: 'Enter your PIN' })).toBeVisible({
      timeout: SCAN_TIMEOUT,
    });
    await signInToHome(page, worker);
    const token = (await page.context().cookies()).find((c) => c.name === '__Host-shiftpass_session')!.value;
    await page.getByRole('list', { name: 'Your apps' }).getByRole('link', { name }).click();
    await expect(page.getByRole('heading', { name: 'Signed in as Rosa Salida' })).toBeVisible();
    expect(await sessionStatus(baseURL!, token)).toBe(200);

    await page.getByRole('link', { name: 'Sign out' }).click();
    await expect(page.getByRole('heading', { name: 'Sign out of this phone?' })).toBeVisible();
    await page.getByRole('button', { name: 'Yes, sign me out' }).click();

    await expect(page.getByRole('heading', { name: 'Signed out' })).toBeVisible();
    expect(new URL(page.url()).origin).toBe(app.url);
    expect(app.signedInCount()).toBe(0);
    // The kiosk session is over: the server refuses it, and the kiosk opens on its scan screen.
    expect(await sessionStatus(baseURL!, token)).toBe(401);
    // The worker's badge is still in front of the fake camera: without the camera the fresh scan screen
    // stays on screen instead of reading it again at once (as the admin-policies and kiosk-mode journeys do).
    await page.context().clearPermissions();
    await page.goto('/');
    await expect(page.getByRole('heading', { name: 'Scan your badge' })).toBeVisible();
  },
);
