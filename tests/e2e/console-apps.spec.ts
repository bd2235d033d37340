/**
 * The Apps, API tokens and Policies pages in both languages, on a laptop and a phone (screenshots
 * under test-results/screens/, axe on each): the app list, the credentials shown once after
 * registering and after rotating a secret, an app's edit form, the API tokens with a new token's
 * panel, the policies; and each page's form fed bad input, refused in the product's words in English
 * and in Spanish. The e2e server is shared: the apps and tokens made here are removed at the end.
 */
import { expect, test } from './console-fixtures.js';
import {
  chooseConsoleLanguage,
  expectProductWords,
  screens,
  screensInBothLanguages,
  type ConsoleLocale,
} from './console-screens.js';

const tag = `${Date.now()}`;

const words = {
  en: {
    apps: 'Apps',
    register: 'Register app',
    redirects: 'Redirect URIs (one per line)',
    confidential: 'Confidential app with a client secret',
    registered: (name: string) => `“${name}” is registered`,
    done: 'Done, I have copied it',
    rotate: 'Rotate secret',
    rotated: (name: string) => `New client secret for “${name}”`,
    edit: 'Edit',
    tokens: 'API tokens',
    createToken: 'Create token',
    tokenName: 'Name',
    readPeople: 'Read people',
    newToken: (name: string) => `Your new token “${name}”`,
    tokenDone: 'I have copied the token',
    policies: 'Policies',
    pinLength: 'PIN length (digits)',
    saveQr: 'Save QR code + PIN policy',
    range: 'Enter a number from the range: Between 8 and 20 digits.',
  },
  es: {
    apps: 'Aplicaciones',
    register: 'Registrar la app',
    redirects: 'URI de redirección (una por línea)',
    confidential: 'App confidencial con secreto de cliente',
    registered: (name: string) => `«${name}» está registrada`,
    done: 'Hecho, ya lo he copiado',
    rotate: 'Cambiar el secreto',
    rotated: (name: string) => `Nuevo secreto de cliente para «${name}»`,
    edit: 'Editar',
    tokens: 'Tokens de API',
    createToken: 'Crear token',
    tokenName: 'Nombre',
    readPeople: 'Ver personas',
    newToken: (name: string) => `Tu nuevo token «${name}»`,
    tokenDone: 'He copiado el token',
    policies: 'Políticas',
    pinLength: 'Longitud del PIN (dígitos)',
    saveQr: 'Guardar la política QR + PIN',
    range: 'Escribe un número dentro del rango: Entre 8 y 20 dígitos.',
  },
} satisfies Record<ConsoleLocale, unknown>;

test.afterAll(async ({ adminApi }) => {
  const apps = (await (await adminApi.get('/api/admin/apps')).json()) as {
    value: { id: string; displayName: string }[];
  };
  for (const app of apps.value.filter((a) => a.displayName.includes(tag))) {
    await adminApi.delete(`/api/admin/apps/${app.id}`);
  }
  const tokens = (await (await adminApi.get('/api/admin/api-tokens')).json()) as {
    value: { id: string; displayName: string; state: string }[];
  };
  for (const token of tokens.value.filter((t) => t.displayName.includes(tag) && t.state !== 'revoked')) {
    await adminApi.delete(`/api/admin/api-tokens/${token.id}`);
  }
});

test('apps: the list, bad input, the credentials shown once and an app’s form, in both languages', async ({
  signedInConsole,
}) => {
  const found: string[] = [];
  const { page } = await signedInConsole({ role: 'admin' });
  await page.goto('/admin/apps');
  await screensInBothLanguages(page, 'apps', found, (l) =>
    page.getByRole('heading', { name: words[l].apps, level: 1 }),
  );

  for (const locale of ['en', 'es'] as const) {
    const w = words[locale];
    const name = `Rota ${locale} ${tag}`;
    await page.goto('/admin/apps');
    await chooseConsoleLanguage(page, locale);
    // Bad input: no name, an http address on a public host.
    await page.getByLabel(w.redirects).fill('https://rota.example.com/callback\nhttp://rota.example.com/cb');
    await page.getByRole('button', { name: w.register }).click();
    await expect(page.getByLabel(w.redirects)).toHaveAttribute('aria-invalid', 'true');
    expect((await expectProductWords(page, `new app ${locale}`)).join(' ')).toMatch(
      locale === 'en' ? /Line 2: Must start with https:\/\// : /Línea 2: Debe empezar por https:\/\//,
    );
    await screens(page, 'apps-errors', found, locale);

    // Registered: the secret is shown once; rotated: a new one, once.
    await page.locator('#app-name').fill(name);
    await page.getByLabel(w.confidential).check();
    await page.getByLabel(w.redirects).fill('https://rota.example.com/callback');
    await page.getByRole('button', { name: w.register }).click();
    await expect(page.getByRole('heading', { name: w.registered(name) })).toBeVisible();
    await expect(page.locator('#app-client-secret')).toHaveValue(/^[A-Za-z0-9_-]{43}$/);
    await screens(page, 'apps-secret', found, locale);
    await page.getByRole('button', { name: w.done }).click();
    await expect(page.locator('#app-client-secret')).toHaveCount(0);

    await page.getByRole('button', { name: `${w.rotate} ${name}` }).click();
    await expect(page.getByRole('dialog')).toContainText(name);
    await screens(page, 'apps-rotate-confirm', found, locale);
    await page.getByRole('dialog').getByRole('button', { name: w.rotate }).click();
    await expect(page.getByRole('heading', { name: w.rotated(name) })).toBeVisible();
    await page.getByRole('button', { name: w.done }).click();

    await page.getByRole('button', { name: `${w.edit} ${name}` }).click();
    await expect(page.locator('#app-name')).toHaveValue(name);
    await screens(page, 'apps-edit', found, locale);
  }
  await chooseConsoleLanguage(page, 'en');
  expect(found).toEqual([]);
});

test('API tokens: the list, bad input and a new token’s panel, in both languages', async ({
  signedInConsole,
}) => {
  const found: string[] = [];
  const { page } = await signedInConsole({ role: 'admin' });
  await page.goto('/admin/api-tokens');
  await screensInBothLanguages(page, 'api-tokens', found, (l) =>
    page.getByRole('heading', { name: words[l].tokens, level: 1 }),
  );
  for (const locale of ['en', 'es'] as const) {
    const w = words[locale];
    const name = `Payroll ${locale} ${tag}`;
    await chooseConsoleLanguage(page, locale);
    await page.getByRole('button', { name: w.createToken }).click();
    await expect(page.getByLabel(w.tokenName, { exact: true })).toHaveAttribute('aria-invalid', 'true');
    await expectProductWords(page, `new API token ${locale}`);
    await screens(page, 'api-tokens-errors', found, locale);

    await page.getByLabel(w.tokenName, { exact: true }).fill(name);
    await page.getByLabel(w.readPeople, { exact: true }).check();
    await page.getByRole('button', { name: w.createToken }).click();
    await expect(page.getByRole('heading', { name: w.newToken(name) })).toBeVisible();
    await expect(page.locator('#new-token-value')).toHaveValue(/\S{20,}/);
    await expect(page.getByRole('row', { name: new RegExp(name) })).toBeVisible();
    await screens(page, 'api-tokens-new', found, locale);
    await page.getByRole('button', { name: w.tokenDone }).click();
    await expect(page.locator('#new-token-value')).toHaveCount(0);
  }
  await chooseConsoleLanguage(page, 'en');
  expect(found).toEqual([]);
});

test('policies: every section, and a number out of range refused in words, in both languages', async ({
  signedInConsole,
}) => {
  const found: string[] = [];
  const { page } = await signedInConsole({ role: 'admin' });
  await page.goto('/admin/policies');
  await screensInBothLanguages(page, 'policies', found, (l) =>
    page.getByRole('heading', { name: words[l].policies, level: 1 }),
  );
  for (const locale of ['en', 'es'] as const) {
    const w = words[locale];
    await chooseConsoleLanguage(page, locale);
    const pinLength = page.getByLabel(w.pinLength);
    await pinLength.fill('30');
    await page.getByRole('button', { name: w.saveQr }).click();
    await expect(pinLength).toHaveAttribute('aria-invalid', 'true');
    await expect(pinLength).toHaveAccessibleDescription(new RegExp(w.range.replace(/[.+?()]/g, '\\$&')));
    await expectProductWords(page, `QR code + PIN policy ${locale}`);
    // From the top: the phone's sticky header would otherwise cover the controls above the field.
    await page.evaluate(() => window.scrollTo(0, 0));
    await screens(page, 'policies-errors', found, locale);
  }
  await chooseConsoleLanguage(page, 'en');
  expect(found).toEqual([]);
});
