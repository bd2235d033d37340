/** The installed app: offline shell, offline start, and updates offered when a new version is deployed. */
import { startReleaseProxy } from '../support/release-proxy.js';
import { expect, SCAN_TIMEOUT, test } from './fixtures.js';

test('the installed app shell opens offline and no API answer is ever cached', async ({ openKiosk }) => {
  const page = await openKiosk({ badge: null });
  await expect(page.getByRole('heading', { name: 'Scan your badge' })).toBeVisible();

  const manifest = await page.request.get('/manifest.webmanifest');
  expect(manifest.ok()).toBe(true);
  expect(await manifest.json()).toMatchObject({ display: 'standalone', start_url: '/' });

  // The service worker, registered through workbox-window, takes control of this first visit.
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);

  await page.context().setOffline(true);
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Scan your badge' })).toBeVisible();

  const cachedPaths = await page.evaluate(async () => {
    const paths: string[] = [];
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      for (const request of await cache.keys()) paths.push(new URL(request.url).pathname);
    }
    return paths;
  });
  expect(cachedPaths).toContain('/');
  expect(cachedPaths.filter((path) => path.startsWith('/api'))).toEqual([]);
});

test('without the service worker the same offline reload fails: the offline shell is its doing', async ({
  openKiosk,
}) => {
  const page = await openKiosk({ badge: null, serviceWorkers: 'block' });
  await expect(page.getByRole('heading', { name: 'Scan your badge' })).toBeVisible();
  expect(await page.evaluate(() => navigator.serviceWorker.controller)).toBeNull();

  await page.context().setOffline(true);
  await expect(page.reload()).rejects.toThrow(/ERR_INTERNET_DISCONNECTED/);
});

test('started offline: the scan and PIN screens work, sign-in says the network is needed', async ({
  provisionWorker,
  openKiosk,
}) => {
  const worker = await provisionWorker('Olu Offline');
  const page = await openKiosk({ badge: worker.rawContent });
  await expect(page.getByRole('heading', { name: 'Enter your PIN' })).toBeVisible({ timeout: SCAN_TIMEOUT });
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);

  await page.context().setOffline(true);
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Enter your PIN' })).toBeVisible({ timeout: SCAN_TIMEOUT });
  await page.getByLabel('PIN', { exact: true }).fill(worker.pin);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).toContainText('Signing in needs the network');

  // Back online, the same screen signs in.
  await page.context().setOffline(false);
  await page.getByLabel('PIN', { exact: true }).fill(worker.pin);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { name: 'Choose your own PIN' })).toBeVisible();
});

test('started offline, a kiosk still refuses another organization’s badge before the PIN', async ({
  provisionWorker,
  openKiosk,
}) => {
  const worker = await provisionWorker('Ama Foreign');
  const foreign = worker.rawContent.replace(/^SP1:[A-Z0-9]+:/, 'SP1:OTHERSITE:');
  const page = await openKiosk({ badge: foreign });
  await expect(page.getByRole('alert')).toHaveText(/belongs to another organization/, {
    timeout: SCAN_TIMEOUT,
  });
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);

  await page.context().setOffline(true);
  await page.reload();
  await expect(page.getByRole('alert')).toHaveText(/belongs to another organization/, {
    timeout: SCAN_TIMEOUT,
  });
  await expect(page.getByLabel('PIN', { exact: true })).toHaveCount(0);
});

test('a kiosk left open offers a newly deployed version, and "Update now" switches to it', async ({
  openKiosk,
  baseURL,
}) => {
  const server = await startReleaseProxy(baseURL!);
  try {
    const page = await openKiosk({ badge: null, origin: server.url });
    await expect(page.getByRole('heading', { name: 'Scan your badge' })).toBeVisible();
    // Fully activated first: an update check while the first worker is still activating is dropped.
    // (Awaited in the page: a waitForFunction predicate returning a promise counts as truthy at once,
    // which let the check below run before the first worker had installed its cache.)
    await page.evaluate(async () => {
      const worker = (await navigator.serviceWorker.ready).active!;
      if (worker.state === 'activated') return;
      await new Promise<void>((done) =>
        worker.addEventListener('statechange', () => worker.state === 'activated' && done()),
      );
    });
    const versionOf = () =>
      page.evaluate(async () => (await caches.keys()).filter((name) => name.startsWith('shell-')));
    expect(await versionOf()).toHaveLength(1);

    server.release();
    // The kiosk looks for a new version when it comes back to the foreground (and every hour).
    await page.evaluate(() => document.dispatchEvent(new Event('visibilitychange')));
    // The new worker installs first: it fetches and caches every asset again (30 s allows a loaded machine).
    await expect(page.getByText('A new version of Shiftpass is ready.')).toBeVisible({ timeout: 30_000 });

    const reloaded = page.waitForEvent('load');
    await page.getByRole('button', { name: 'Update now' }).click();
    await reloaded;
    await expect(page.getByRole('heading', { name: 'Scan your badge' })).toBeVisible();
    await expect(page.getByText('A new version of Shiftpass is ready.')).toBeHidden();
    const registration = await page.evaluate(async () => {
      const found = await navigator.serviceWorker.getRegistration();
      return { waiting: found?.waiting ?? null, controlled: navigator.serviceWorker.controller !== null };
    });
    expect(registration).toEqual({ waiting: null, controlled: true });
  } finally {
    await server.close();
  }
});
