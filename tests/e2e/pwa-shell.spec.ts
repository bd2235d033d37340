import { expect, test } from './fixtures.js';

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
