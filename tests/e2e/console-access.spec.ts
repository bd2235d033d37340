/**
 * The conditional-access pages as an admin sees them, in English and Spanish, at 1366×768 and
 * 390×844 with axe: the policy list, the policy form refusing bad input (its own rules first, then
 * every server problem next to its field), the named locations refusing a bad address range by line,
 * and what-if answering with one sentence per policy. Every refusal is in the product's words.
 * The e2e server is shared: what is made here is deleted at the end (a report-only policy only).
 */
import type { Page } from '@playwright/test';
import { consoleNav, expectProductWords, screens, type ConsoleLocale } from './console-screens.js';
import { expect, test } from './console-fixtures.js';

const tag = `${Date.now()}`;
const WORDS = {
  en: {
    policies: 'Access policies',
    blank: 'Start from an empty policy',
    people: 'People',
    onlyChosen: 'Only the people chosen below',
    save: 'Save policy',
    addWindow: 'Add a time window',
    zone: 'Time zone (optional)',
    notSaved: 'The policy was not saved',
    locations: 'Named locations',
    locationName: 'Name',
    ranges: 'Address ranges, one per line',
    saveLocation: 'Save named location',
    whatIf: 'Try a sign-in (what-if)',
    person: 'Person',
    address: 'Client address (optional)',
    run: 'Evaluate',
    result: 'Result',
    chosen: 'Chosen:',
  },
  es: {
    policies: 'Directivas de acceso',
    blank: 'Empezar con una directiva vacía',
    people: 'Personas',
    onlyChosen: 'Solo las personas elegidas abajo',
    save: 'Guardar directiva',
    addWindow: 'Añadir una franja horaria',
    zone: 'Zona horaria (opcional)',
    notSaved: 'No se guardó la directiva',
    locations: 'Ubicaciones con nombre',
    locationName: 'Nombre',
    ranges: 'Rangos de direcciones, uno por línea',
    saveLocation: 'Guardar ubicación',
    whatIf: 'Probar un inicio de sesión (simulación)',
    person: 'Persona',
    address: 'Dirección del cliente (opcional)',
    run: 'Evaluar',
    result: 'Resultado',
    chosen: 'Elegida:',
  },
} satisfies Record<ConsoleLocale, Record<string, string>>;

test.afterEach(async ({ adminApi }) => {
  for (const kind of ['policies', 'named-locations']) {
    const list = (await (await adminApi.get(`/api/admin/conditional-access/${kind}`)).json()) as {
      value: { id: string; displayName: string }[];
    };
    for (const item of list.value.filter((entry) => entry.displayName.includes(tag))) {
      await adminApi.delete(`/api/admin/conditional-access/${kind}/${item.id}`);
    }
  }
});

/** The console's own language switch in the navigation, as an admin uses it (no reload). */
async function switchLanguage(page: Page, locale: ConsoleLocale) {
  const nav = await consoleNav(page);
  await nav.getByRole('combobox', { name: /^(Language|Idioma)$/ }).click();
  await page.getByRole('option', { name: locale === 'es' ? 'Español' : 'English' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', locale);
}

async function openIn(page: Page, path: string, locale: ConsoleLocale, heading: string) {
  await page.goto(path);
  await switchLanguage(page, locale);
  await expect(page.getByRole('heading', { name: heading, level: 1 })).toBeVisible();
}

test('the policy list and the policy form refusing bad input, in both languages', async ({
  signedInConsole,
  adminApi,
}) => {
  const policyName = `Report-only night ${tag}`;
  const made = await adminApi.post('/api/admin/conditional-access/policies', {
    data: {
      displayName: policyName,
      state: 'reportOnly',
      grant: 'block',
      conditions: { roles: { include: ['worker'] }, locations: { include: 'ownStores' } },
    },
  });
  expect(made.status(), await made.text()).toBe(201);
  const { page } = await signedInConsole({ role: 'admin' });
  const found: string[] = [];
  for (const locale of ['en', 'es'] as const) {
    const w = WORDS[locale];
    await openIn(page, '/admin/conditional-access', locale, w.policies);
    await expect(page.getByRole('row', { name: new RegExp(policyName) })).toBeVisible();
    await screens(page, 'console-access-policies', found, locale);

    // The form's own rule: "only these people" with nobody chosen.
    await page.getByRole('button', { name: w.blank }).click();
    const form = page.locator('section.policy-form');
    await form.getByRole('combobox', { name: w.people, exact: true }).click();
    await page.getByRole('option', { name: w.onlyChosen }).click();
    await form.getByRole('button', { name: w.save }).click();
    await expect(form.getByRole('alert')).toContainText(w.notSaved);
    await expectProductWords(page, `policy form, nobody chosen (${locale})`);

    // The server's problems: no name, a time zone that is none.
    await form.getByRole('combobox', { name: w.people, exact: true }).click();
    await page.getByRole('option', { name: locale === 'en' ? 'Everyone' : 'Todo el mundo' }).click();
    await form.getByRole('button', { name: w.addWindow }).click();
    await form.getByLabel(w.zone).fill('Mars/Olympus');
    await form.getByRole('button', { name: w.save }).click();
    await expect(form.getByLabel(w.zone)).toHaveAttribute('aria-invalid', 'true');
    const words = await expectProductWords(page, `policy form, server problems (${locale})`);
    expect(words.length).toBeGreaterThanOrEqual(3);
    await screens(page, 'console-access-policy-form-problems', found, locale);
  }
  await switchLanguage(page, 'en');
  expect(found).toEqual([]);
});

test('named locations refuse a bad address range by its line, in both languages', async ({
  signedInConsole,
}) => {
  const { page } = await signedInConsole({ role: 'admin' });
  const found: string[] = [];
  for (const locale of ['en', 'es'] as const) {
    const w = WORDS[locale];
    await openIn(page, '/admin/conditional-access/locations', locale, w.locations);
    await screens(page, 'console-access-locations', found, locale);
    await page.getByRole('textbox', { name: w.locationName, exact: true }).fill(`Bad ranges ${tag}`);
    await page.getByLabel(w.ranges).fill('192.0.2.0/24\n10.0.0.1/8\n300.1.1.1');
    await page.getByRole('button', { name: w.saveLocation }).click();
    await expect(page.getByLabel(w.ranges)).toHaveAttribute('aria-invalid', 'true');
    const words = await expectProductWords(page, `named location (${locale})`);
    expect(words.join(' ')).toContain(locale === 'en' ? 'Line 2:' : 'Línea 2:');
    expect(words.join(' ')).toContain(locale === 'en' ? 'Line 3:' : 'Línea 3:');
    await screens(page, 'console-access-locations-problems', found, locale);
  }
  await switchLanguage(page, 'en');
  expect(found).toEqual([]);
});

test('what-if refuses bad input and answers with one sentence per policy, in both languages', async ({
  signedInConsole,
  adminApi,
}) => {
  const workerName = `What-if Worker ${tag}`;
  const person = await adminApi.post('/api/admin/users', {
    data: { userPrincipalName: `whatif.${tag}@access.example`, displayName: workerName, role: 'worker' },
  });
  expect(person.status(), await person.text()).toBe(201);
  const { page } = await signedInConsole({ role: 'admin' });
  const found: string[] = [];
  for (const locale of ['en', 'es'] as const) {
    const w = WORDS[locale];
    await openIn(page, '/admin/conditional-access/what-if', locale, w.whatIf);
    await page.getByRole('button', { name: w.run }).click();
    await expect(page.getByRole('combobox', { name: w.person })).toHaveAttribute('aria-invalid', 'true');
    await expectProductWords(page, `what-if, nobody chosen (${locale})`);

    await page.getByRole('combobox', { name: w.person }).fill(workerName);
    await page.getByRole('option', { name: new RegExp(workerName) }).click();
    await expect(page.getByText(`${w.chosen} ${workerName}`)).toBeVisible();
    await page.getByLabel(w.address).fill('999.1.1.1');
    await page.getByRole('button', { name: w.run }).click();
    await expect(page.getByLabel(w.address)).toHaveAttribute('aria-invalid', 'true');
    await expectProductWords(page, `what-if, bad address (${locale})`);

    await page.getByLabel(w.address).fill('192.0.2.40');
    await page.getByRole('button', { name: w.run }).click();
    const result = page.getByRole('region', { name: w.result });
    await expect(result.getByRole('status')).toBeVisible();
    await screens(page, 'console-access-what-if', found, locale);
  }
  await switchLanguage(page, 'en');
  expect(found).toEqual([]);
});
