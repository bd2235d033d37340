/**
 * SCIM as `npm start` serves it (scripts/start.js → the API's Node handler → the SCIM app): an admin
 * makes a provisioning token on the API tokens page, in either language, and an HR tool can use it at
 * /scim/v2 at once, while a request without it gets a SCIM error. The rules themselves are API tests
 * (tests/api/scim-*.test.ts).
 */
import { apiTokensText } from '../../src/lib/admin/api-tokens-text.js';
import { apiTokensText as apiTokensTextEs } from '../../src/lib/admin/i18n/es/api-tokens-text.js';
import { expect, test } from './console-fixtures.js';
import { chooseConsoleLanguage, screens } from './console-screens.js';

const tag = `${Date.now()}`;
const words = {
  en: { t: apiTokensText, createToken: 'Create token', tokenName: 'Name', done: 'I have copied the token' },
  es: { t: apiTokensTextEs, createToken: 'Crear token', tokenName: 'Nombre', done: 'He copiado el token' },
};

test.afterAll(async ({ adminApi }) => {
  const tokens = (await (await adminApi.get('/api/admin/api-tokens')).json()) as {
    value: { id: string; displayName: string; state: string }[];
  };
  for (const token of tokens.value.filter((t) => t.displayName.includes(tag) && t.state !== 'revoked')) {
    await adminApi.delete(`/api/admin/api-tokens/${token.id}`);
  }
});

test('a provisioning token made on the API tokens page opens /scim/v2 and nothing else', async ({
  signedInConsole,
}) => {
  const found: string[] = [];
  const { page } = await signedInConsole({ role: 'admin' });
  await page.goto('/admin/api-tokens');
  for (const locale of ['en', 'es'] as const) {
    const w = words[locale];
    const scim = w.t.scopeWords.scim;
    const admins = w.t.scopeWords['scim.admins'];
    await chooseConsoleLanguage(page, locale);
    await expect(page.getByText(scim.hint)).toBeVisible();
    await expect(page.getByText(admins.hint)).toBeVisible();
    const name = `Entra provisioning ${locale} ${tag}`;
    await page.getByLabel(w.tokenName, { exact: true }).fill(name);
    await page.getByLabel(scim.label, { exact: true }).check();
    await screens(page, 'api-tokens-scim', found, locale);
    await page.getByRole('button', { name: w.createToken }).click();
    const secret = await page.locator('#new-token-value').inputValue();
    expect(secret).toMatch(/^sp_\S{20,}$/);
    await expect(page.getByRole('row', { name: new RegExp(name) })).toContainText(scim.short);

    const config = await page.request.get('/scim/v2/ServiceProviderConfig', {
      headers: { authorization: `Bearer ${secret}` },
    });
    expect(config.status()).toBe(200);
    expect(config.headers()['content-type']).toMatch(/^application\/scim\+json/);
    expect(await config.json()).toMatchObject({ patch: { supported: true }, etag: { supported: true } });
    const users = await page.request.get(
      `/scim/v2/Users?filter=${encodeURIComponent('userName eq "nobody"')}`,
      {
        headers: { authorization: `Bearer ${secret}` },
      },
    );
    expect(await users.json()).toMatchObject({ totalResults: 0, Resources: [] });
    // The same token opens no admin API route; the console's own session cookie does not open SCIM.
    const people = await page.request.get('/api/admin/users', {
      headers: { authorization: `Bearer ${secret}` },
    });
    expect(people.status()).toBe(403);
    const none = await page.request.get('/scim/v2/Users');
    expect(none.status()).toBe(401);
    expect(await none.json()).toMatchObject({
      schemas: ['urn:ietf:params:scim:api:messages:2.0:Error'],
      status: '401',
    });

    await page.getByRole('button', { name: w.done }).click();
  }
  await chooseConsoleLanguage(page, 'en');
  expect(found).toEqual([]);
});
