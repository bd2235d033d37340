/**
 * Store apps in the console: an admin registers a confidential app (told next to the field what is
 * wrong with an http address), copies the client ID and the secret shown once, rotates the secret
 * (the old one stops working, a new one is shown once) and deletes the app. The e2e server is shared,
 * so the app made here is deleted even when a step fails.
 */
import { expect, seriousViolations, test } from './console-fixtures.js';

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
