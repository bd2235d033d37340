/**
 * Shared-device hygiene: whatever ends a worker's time on the phone (the button, inactivity, the server
 * revoking the session, a sign-out in another tab) leaves nothing of them behind.
 */
import { request, type Page } from '@playwright/test';
import { seriousViolations } from './axe.js';
import { expect, SCAN_TIMEOUT, signInToHome, signInWithOwnPin, test } from './fixtures.js';

async function sessionCookieValue(page: Page): Promise<string> {
  const cookie = (await page.context().cookies()).find((c) => c.name === '__Host-shiftpass_session');
  if (!cookie) throw new Error('no session cookie');
  return cookie.value;
}

/** Asks the server directly whether a captured session token still works. */
async function serverAccepts(baseURL: string, token: string): Promise<boolean> {
  const api = await request.newContext({
    baseURL,
    extraHTTPHeaders: { cookie: `__Host-shiftpass_session=${token}` },
  });
  const status = (await api.get('/api/auth/session')).status();
  await api.dispose();
  return status === 200;
}

/** What a worker's apps might leave behind, next to what belongs to the phone. */
async function leaveWorkerTraces(page: Page): Promise<void> {
  await page.evaluate(async () => {
    sessionStorage.setItem('draft', 'notes of the worker');
    await caches.open('worker-data').then((c) => c.put('/worker/profile', new Response('profile')));
    const open = (name: string) =>
      new Promise<void>((resolve, reject) => {
        const req = indexedDB.open(name);
        req.onsuccess = () => {
          req.result.close();
          resolve();
        };
        req.onerror = () => reject(req.error);
      });
    await open('shiftpass-worker-notes');
    await open('shiftpass-device');
  });
}

/** After a sign-out: no cookie, no worker storage; the shell cache and the device database stay. */
async function expectOnlyDeviceDataLeft(page: Page): Promise<void> {
  await expect.poll(() => page.context().cookies()).toEqual([]);
  const left = await page.evaluate(async () => ({
    sessionStorage: sessionStorage.length,
    caches: (await caches.keys()).filter((name) => !name.startsWith('shell-')),
    databases: (await indexedDB.databases()).map((d) => d.name).sort(),
  }));
  expect(left).toEqual({ sessionStorage: 0, caches: [], databases: ['shiftpass-device'] });
}

test('an idle kiosk asks "Still there?", and signs the worker out when nobody answers', async ({
  provisionWorker,
  openKiosk,
  baseURL,
}) => {
  const worker = await provisionWorker('Dana Idle');
  const page = await openKiosk({ badge: worker.rawContent });
  await expect(page.getByRole('heading', { name: 'Enter your PIN' })).toBeVisible({ timeout: SCAN_TIMEOUT });
  // Each screen on the way has no serious accessibility violations (axe, WCAG 2.2 AA); the same
  // screens in Spanish are checked in language.spec.ts.
  const found = await seriousViolations(page, 'PIN');
  // The fake clock goes in after the scan: the decoder's own timers keep running on real time, and
  // every timer the kiosk starts at sign-in runs on the clock the test moves.
  await page.clock.install();
  await page.getByLabel('PIN', { exact: true }).fill(worker.pin);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { name: 'Choose your own PIN' })).toBeVisible();
  found.push(...(await seriousViolations(page, 'change PIN')));
  await page.getByLabel('New PIN', { exact: true }).fill('58203917');
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByLabel('Confirm new PIN').fill('58203917');
  await page.getByRole('button', { name: 'Save PIN' }).click();
  await expect(page.getByRole('heading', { name: 'Hello, Dana Idle' })).toBeVisible();
  found.push(...(await seriousViolations(page, 'home')));
  const token = await sessionCookieValue(page);
  await leaveWorkerTraces(page);
  const dialog = page.getByRole('alertdialog', { name: 'Still there?' });

  // Default policy: warn after 4 idle minutes, sign out after 5.
  await page.clock.fastForward('03:30');
  await expect(page.getByRole('heading', { name: 'Hello, Dana Idle' })).toBeVisible();
  await expect(dialog).toBeHidden();

  await page.clock.fastForward('00:45');
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText(/signed out in \d+ seconds/);
  found.push(...(await seriousViolations(page, 'still there')));
  await page.getByRole('button', { name: "I'm still here" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('heading', { name: 'Hello, Dana Idle' })).toBeVisible();

  await page.clock.fastForward('05:05');
  await expect(page.getByRole('heading', { name: 'Hello, Dana Idle' })).toBeHidden();
  await expectOnlyDeviceDataLeft(page);
  expect(await serverAccepts(baseURL!, token)).toBe(false);
  expect(found).toEqual([]);
});

test('signing out wipes the worker’s browser data, keeps the device’s, and signs out every other tab', async ({
  provisionWorker,
  openKiosk,
  baseURL,
}) => {
  const worker = await provisionWorker('Eli Tabs');
  const page = await openKiosk({ badge: worker.rawContent });
  await expect(page.getByRole('heading', { name: 'Enter your PIN' })).toBeVisible({ timeout: SCAN_TIMEOUT });
  await signInToHome(page, worker);
  const token = await sessionCookieValue(page);

  const second = await page.context().newPage();
  await second.goto('/');
  await expect(second.getByRole('heading', { name: 'Hello, Eli Tabs' })).toBeVisible();

  await leaveWorkerTraces(page);

  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('heading', { name: 'Hello, Eli Tabs' })).toBeHidden();
  await expect(second.getByRole('heading', { name: 'Hello, Eli Tabs' })).toBeHidden();

  expect(await page.context().cookies()).toEqual([]);
  expect(await serverAccepts(baseURL!, token)).toBe(false);
  await expectOnlyDeviceDataLeft(page);
});

test('a session the server revokes ends on the kiosk within half a minute', async ({
  provisionWorker,
  openKiosk,
  adminApi,
}) => {
  const worker = await provisionWorker('Fay Revoked');
  const page = await openKiosk({ badge: worker.rawContent });
  await expect(page.getByRole('heading', { name: 'Enter your PIN' })).toBeVisible({ timeout: SCAN_TIMEOUT });
  // The fake clock goes in after the scan: the decoder's own timers keep running on real time, and
  // every timer the kiosk starts at sign-in runs on the clock the test moves.
  await page.clock.install();
  await signInToHome(page, worker);
  await leaveWorkerTraces(page);

  const revoke = await adminApi.post(`/api/admin/users/${worker.id}/revoke-sign-in-sessions`);
  expect(revoke.status()).toBe(204);
  await page.clock.fastForward('00:31');
  await expect(page.getByRole('heading', { name: 'Hello, Fay Revoked' })).toBeHidden();
  await expect(page.getByRole('alert')).toHaveText('Your session ended. Scan your badge to sign in again.');
  await expectOnlyDeviceDataLeft(page);
});

test('offline: a sign-in says the network is needed; an open session outlives a short outage and ends after the grace period', async ({
  provisionWorker,
  openKiosk,
}) => {
  const worker = await provisionWorker('Jo Offline');
  const page = await openKiosk({ badge: worker.rawContent });
  await expect(page.getByRole('heading', { name: 'Enter your PIN' })).toBeVisible({ timeout: SCAN_TIMEOUT });

  await page.context().setOffline(true);
  await page.getByLabel('PIN', { exact: true }).fill(worker.pin);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).toContainText('Signing in needs the network');
  await page.context().setOffline(false);

  await page.clock.install();
  await signInToHome(page, worker);
  await leaveWorkerTraces(page);
  const home = page.getByRole('heading', { name: 'Hello, Jo Offline' });

  // Offline with someone working (touching the screen): fine for the default 5-minute grace period.
  await page.context().setOffline(true);
  for (const step of ['02:00', '02:00']) {
    await page.clock.fastForward(step);
    await home.click();
    await expect(home).toBeVisible();
  }
  await page.clock.fastForward('01:30');
  await expect(home).toBeHidden();

  // The server hears of the sign-out once the network is back, and the cookie goes.
  await page.context().setOffline(false);
  await expectOnlyDeviceDataLeft(page);
});

test('Back after the session ended shows nothing of the worker', async ({
  provisionWorker,
  openKiosk,
  adminApi,
}) => {
  const worker = await provisionWorker('Noa Back');
  // Signed in through the API, then the kiosk opened. (Playwright's Chromium runs without the
  // back/forward cache; a page restored from it comes back veiled until the server answers, see
  // KioskFlow's pagehide/pageshow handlers.)
  const page = await openKiosk({ badge: null, camera: false });
  await expect(page.getByRole('button', { name: 'Try the camera again' })).toBeVisible();
  await signInWithOwnPin(page, worker);
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Hello, Noa Back' })).toBeVisible();

  // The worker leaves the kiosk page in this tab, and an admin ends their sessions meanwhile.
  await page.goto('/manifest.webmanifest');
  const revoke = await adminApi.post(`/api/admin/users/${worker.id}/revoke-sign-in-sessions`);
  expect(revoke.status()).toBe(204);

  await page.goBack();
  await expect(page.getByRole('heading', { name: 'Scan your badge' })).toBeVisible();
  await expect(page.getByText('Noa Back')).toHaveCount(0);
  await expect.poll(() => page.context().cookies()).toEqual([]);
});

test('a reload while the kiosk is still asking who is signed in does not sign anyone out', async ({
  provisionWorker,
  openKiosk,
}) => {
  const worker = await provisionWorker('Ray Reload');
  const page = await openKiosk({ badge: null, camera: false });
  await expect(page.getByRole('button', { name: 'Try the camera again' })).toBeVisible();
  await signInWithOwnPin(page, worker);

  // The next page's question "who is signed in?" is held until the page is reloaded under it, so it
  // fails as a lost network would. The kiosk must not take that for being offline.
  let held = true;
  let arrived!: () => void;
  const requested = new Promise<void>((resolve) => (arrived = resolve));
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/api/auth/session', async (route) => {
    if (!held) return route.fallback();
    held = false;
    arrived();
    await released;
    await route.abort('aborted').catch(() => undefined);
  });
  await page.reload();
  // Only once that page's question is on its way (and held) does the reload cut it short: the browser
  // cancels it as the page goes, as it does any request still running.
  await requested;
  await page.reload();
  release();
  await expect(page.getByRole('heading', { name: 'Hello, Ray Reload' })).toBeVisible();
  expect(await page.evaluate(() => localStorage.getItem('shiftpass.pendingSignOut'))).toBeNull();
});
