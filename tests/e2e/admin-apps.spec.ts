/**
 * Store apps in the console: an admin registers a confidential app (told next to the field what is
 * wrong with an http address), copies the client ID and the secret shown once, rotates the secret
 * (the old one stops working, a new one is shown once) and deletes the app. An app's sign-out notices
 * (back-channel logouts) are read in words on its edit form, after a real worker signed in to it
 * through the kiosk (the sample store app, examples/sample-store-app) and signed out of the phone.
 * The e2e server is shared, so the apps made here are deleted even when a step fails.
 */
import { createServer as createHttpServer } from 'node:http';
import { createServer as createNetServer } from 'node:net';
import { startSampleApp } from '../../examples/sample-store-app/app.js';
import { expect, seriousViolations, test } from './console-fixtures.js';
import { SCAN_TIMEOUT, signInToHome } from './fixtures.js';

const tag = `${Date.now()}`;

test.afterEach(async ({ adminApi }) => {
  const list = (await (await adminApi.get('/api/admin/apps')).json()) as {
    value: { id: string; displayName: string }[];
  };
  for (const app of list.value.filter((entry) => entry.displayName.includes(tag))) {
    await adminApi.delete(`/api/admin/apps/${app.id}`);
  }
});

test('an admin registers an app, sees its secret once, rotates it and deletes the app', async ({
  signedInConsole,
  adminApi,
}) => {
  const name = `Rota ${tag}`;
  const { page } = await signedInConsole({ role: 'admin' });
  await page.getByRole('navigation', { name: 'Console' }).getByRole('link', { name: 'Apps' }).click();
  await expect(page.getByRole('heading', { name: 'Apps', level: 1 })).toBeVisible();
  const found = await seriousViolations(page, 'apps');

  await page.getByLabel('App name').fill(name);
  await page.getByLabel('Confidential app with a client secret').check();
  const redirects = page.getByLabel('Redirect URIs (one per line)');
  await redirects.fill('https://rota.example.com/callback\nhttp://rota.example.com/callback');
  await page.getByRole('button', { name: 'Register app' }).click();
  await expect(page.getByText('Line 2: Must start with https://')).toBeVisible();
  await expect(redirects).toHaveAttribute('aria-invalid', 'true');
  found.push(...(await seriousViolations(page, 'apps form with an error')));

  await redirects.fill('https://rota.example.com/callback');
  await page.getByLabel('Back-channel logout URI (optional)').fill('https://rota.example.com/logout');
  await page.getByRole('button', { name: 'Register app' }).click();
  await expect(page.getByRole('heading', { name: `“${name}” is registered` })).toBeVisible();
  await expect(page.getByText('It will not be shown again')).toBeVisible();
  const clientId = await page.getByRole('textbox', { name: 'Client ID' }).inputValue();
  const secret = await page.getByRole('textbox', { name: 'Client secret' }).inputValue();
  expect(secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
  await expect(page.getByLabel('Discovery URL (for the developer)')).toHaveValue(
    /\/oidc\/\.well-known\/openid-configuration$/,
  );
  found.push(...(await seriousViolations(page, 'apps secret panel')));
  await page.getByRole('button', { name: 'Done, I have copied it' }).click();
  await expect(page.getByRole('textbox', { name: 'Client secret' })).toHaveCount(0);

  // The API never shows the secret again.
  const read = await adminApi.get(`/api/admin/apps/${clientId}`);
  expect(await read.text()).not.toContain(secret);

  await page.getByRole('button', { name: `Rotate secret ${name}` }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Rotate secret' }).click();
  await expect(page.getByRole('heading', { name: `New client secret for “${name}”` })).toBeVisible();
  const rotated = await page.getByRole('textbox', { name: 'Client secret' }).inputValue();
  expect(rotated).not.toBe(secret);
  await page.getByRole('button', { name: 'Done, I have copied it' }).click();

  await page.getByRole('button', { name: `Delete ${name}` }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Delete app' }).click();
  await expect(page.getByText(`Deleted “${name}”.`)).toBeVisible();
  expect((await adminApi.get(`/api/admin/apps/${clientId}`)).status()).toBe(404);
  expect(found).toEqual([]);
});

/** A port nobody listens on now (the app is registered with its address before it starts). */
async function freePort(): Promise<number> {
  const server = createNetServer();
  await new Promise<void>((resolve) => server.listen(0, 'localhost', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** An app's back-channel logout endpoint that answers 500 to the first notice and 200 to the next ones. */
async function flakyLogoutEndpoint() {
  let received = 0;
  const server = createHttpServer((req, res) => {
    req.resume();
    req.on('end', () => {
      received += 1;
      res.statusCode = received === 1 ? 500 : 200;
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, 'localhost', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://localhost:${port}/backchannel-logout`,
    received: () => received,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

test('an admin reads an app’s sign-out notices in words: the app’s error, the retry, then delivered', async ({
  signedInConsole,
  adminApi,
  provisionWorker,
  openKiosk,
  baseURL,
}) => {
  const name = `Stock ${tag}`;
  const silent = `Notes ${tag}`;
  const endpoint = await flakyLogoutEndpoint();
  const port = await freePort();
  const appUrl = `http://localhost:${port}`;
  let storeApp: Awaited<ReturnType<typeof startSampleApp>> | undefined;
  try {
    const registered = await adminApi.post('/api/admin/apps', {
      data: {
        displayName: name,
        clientType: 'confidential',
        redirectUris: [`${appUrl}/callback`],
        backchannelLogoutUri: endpoint.url,
        homeUrl: `${appUrl}/login`,
      },
    });
    expect(registered.status(), await registered.text()).toBe(201);
    const { clientId, clientSecret } = (await registered.json()) as {
      clientId: string;
      clientSecret: string;
    };
    storeApp = await startSampleApp({ issuer: `${baseURL}/oidc`, clientId, clientSecret, port });
    const plain = await adminApi.post('/api/admin/apps', {
      data: {
        displayName: silent,
        clientType: 'public',
        redirectUris: ['https://notes.example.com/callback'],
      },
    });
    expect(plain.status(), await plain.text()).toBe(201);

    // The admin opens the app before anyone used it: nothing to show yet.
    const { page } = await signedInConsole({ role: 'admin' });
    await page.getByRole('navigation', { name: 'Console' }).getByRole('link', { name: 'Apps' }).click();
    await page.getByRole('button', { name: `Edit ${name}` }).click();
    const notices = page.getByRole('region', { name: 'Sign-out notices', exact: true });
    await expect(
      notices.getByText(
        "When a worker's session on a phone ends, Shiftpass tells this app so the next person never finds them signed in.",
      ),
    ).toBeVisible();
    await expect(notices.getByText('No sign-out notices yet.')).toBeVisible();
    const found = await seriousViolations(page, 'apps with no sign-out notices yet');

    // A worker signs in to the app from the kiosk home, then signs out of the phone.
    const worker = await provisionWorker(`Noor Notice ${tag}`);
    const kiosk = await openKiosk({ badge: worker.rawContent });
    await expect(kiosk.getByRole('heading', { name: 'Enter your PIN' })).toBeVisible({
      timeout: SCAN_TIMEOUT,
    });
    await signInToHome(kiosk, worker);
    await kiosk.getByRole('list', { name: 'Your apps' }).getByRole('link', { name }).click();
    await expect(kiosk.getByRole('heading', { name: `Signed in as ${worker.displayName}` })).toBeVisible();
    await kiosk.goto('/');
    await kiosk.getByRole('button', { name: 'Sign out' }).click();
    await expect(kiosk.getByRole('heading', { name: `Hello, ${worker.displayName}` })).toBeHidden();
    // The app's endpoint answered the first notice with an error; the next try is 10 s later.
    await expect.poll(() => endpoint.received(), { timeout: 20_000 }).toBe(1);

    const refresh = notices.getByRole('button', { name: 'Refresh sign-out notices' });
    const row = notices.getByRole('row', { name: new RegExp(`^${worker.displayName}`) });
    const cells = row.getByRole('cell');
    await expect(async () => {
      await refresh.click();
      await expect(cells.nth(3)).toHaveText('App answered 500 (server error)', { timeout: 1000 });
    }).toPass({ timeout: 8000 });
    await expect(cells.nth(1)).toHaveText(/^Retrying — next try at \d{1,2}:\d{2}/);
    await expect(cells.nth(2)).toHaveText('1');
    await expect(row).not.toContainText(worker.id);
    await expect(notices.getByRole('status')).toHaveText('Showing the only sign-out notice.');
    found.push(...(await seriousViolations(page, 'apps sign-out notices')));

    // The retry is answered 200: after a refresh the notice reads delivered, on the second attempt.
    await expect(async () => {
      await refresh.click();
      await expect(cells.nth(1)).toHaveText('Delivered', { timeout: 1000 });
    }).toPass({ timeout: 30_000 });
    await expect(cells.nth(2)).toHaveText('2');
    await expect(cells.nth(3)).toHaveText('App answered 200 OK');
    expect(endpoint.received()).toBe(2);

    // An app without a back-channel logout URI says it is not told, and how to fix that.
    await page.getByRole('button', { name: `Edit ${silent}` }).click();
    await expect(page.getByRole('heading', { name: `Edit “${silent}”` })).toBeVisible();
    await expect(page.getByRole('region', { name: 'Sign-out notices', exact: true })).toContainText(
      'Shiftpass does not tell this app when a worker signs out of a phone',
    );
    await expect(
      page.getByRole('region', { name: 'Sign-out notices', exact: true }).getByRole('table'),
    ).toHaveCount(0);
    found.push(...(await seriousViolations(page, 'apps without sign-out notices')));
    expect(found).toEqual([]);
  } finally {
    await storeApp?.close();
    await endpoint.close();
  }
});
