/**
 * The People pages as a store manager's admin sees them, in English and Spanish, on a laptop and a
 * phone (screenshots under test-results/screens/, axe with no serious findings): the list found by a
 * later word of a name, the person page with the badge first and its red actions asking first and
 * naming the person, and the CSV import. Each form fed bad input answers in the product's words.
 */
import { expect, test } from './console-fixtures.js';
import {
  chooseConsoleLanguage,
  expectProductWords,
  screens,
  screensInBothLanguages,
} from './console-screens.js';

test('people list, person page and import read well in both languages and refuse bad input in words', async ({
  signedInConsole,
  adminApi,
}) => {
  test.setTimeout(90_000);
  const found: string[] = [];
  const tag = Date.now();
  const created = await adminApi.post('/api/admin/users', {
    data: { userPrincipalName: `ines.nunez.${tag}@store.example`, displayName: `Inês Núñez ${tag}` },
  });
  expect(created.status()).toBe(201);
  const person = (await created.json()) as { id: string; displayName: string };
  const { page } = await signedInConsole({ role: 'admin' });

  // The list finds a person by a later word of the name, accents ignored.
  await page.goto(`/admin/people?search=nunez`);
  await expect(page.getByRole('link', { name: person.displayName })).toBeVisible();
  await screensInBothLanguages(page, 'people-list', found, (l) =>
    page.getByRole('heading', { name: l === 'en' ? 'People' : 'Personas', level: 1 }),
  );

  // The new-person form with a space in the sign-in name, in each language.
  for (const [locale, label, create] of [
    ['en', 'Sign-in name', 'Create person'],
    ['es', 'Nombre de inicio de sesión', 'Crear persona'],
  ] as const) {
    await chooseConsoleLanguage(page, locale);
    await page.getByLabel(label, { exact: true }).fill('rita sousa');
    await page.getByRole('button', { name: create }).click();
    await expect(page.getByLabel(label, { exact: true })).toHaveAttribute('aria-invalid', 'true');
    const words = (await expectProductWords(page, `new person ${locale}`)).join(' ');
    expect(words).toMatch(locale === 'en' ? /without spaces/ : /sin espacios/);
  }

  // The person page: the badge first; deleting it is red and names the person before anything happens.
  await page.goto(`/admin/people/${person.id}`);
  await screensInBothLanguages(page, 'person', found, (l) =>
    page.getByRole('heading', { name: l === 'en' ? 'Badge and PIN' : 'Credencial y PIN' }),
  );
  await page.getByRole('button', { name: 'Issue badge' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Issue badge' }).click();
  await expect(page.getByRole('region', { name: `New badge for ${person.displayName}` })).toBeVisible();
  await screens(page, 'person-new-badge', found);
  await page.getByRole('button', { name: 'Done' }).click();
  await page.getByRole('button', { name: 'Delete badge and PIN' }).click();
  const dialog = page.getByRole('dialog', { name: `Delete ${person.displayName}’s badge and PIN?` });
  await expect(dialog).toBeVisible();
  await screens(page, 'person-delete-badge', found);
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByTestId('standard-code')).toContainText('Active');

  // A temporary badge that would work for less than an hour is refused in words, in each language.
  for (const [locale, issue, stops, at, end] of [
    ['en', 'Issue temporary badge', 'Stops working', 'At a date and time', 'End date and time'],
    ['es', 'Emitir credencial temporal', 'Deja de funcionar', 'En una fecha y hora', 'Fecha y hora de fin'],
  ] as const) {
    await chooseConsoleLanguage(page, locale);
    await page.getByRole('button', { name: issue }).click();
    const temporary = page.getByRole('dialog');
    await temporary.getByLabel(stops, { exact: true }).click();
    await page.getByRole('option', { name: at }).click();
    const soon = await page.evaluate(() => {
      const moment = new Date(Date.now() + 30 * 60 * 1000);
      const two = (n: number) => String(n).padStart(2, '0');
      return `${moment.getFullYear()}-${two(moment.getMonth() + 1)}-${two(moment.getDate())}T${two(moment.getHours())}:${two(moment.getMinutes())}`;
    });
    await temporary.getByLabel(end).fill(soon);
    await temporary.getByRole('button', { name: issue }).click();
    await expect(temporary.getByLabel(end)).toHaveAttribute('aria-invalid', 'true');
    await expectProductWords(page, `temporary badge ${locale}`);
    await temporary.getByRole('button', { name: locale === 'en' ? 'Cancel' : 'Cancelar' }).click();
  }
  await page.getByRole('button', { name: 'Suspender' }).click();
  await expect(page.getByRole('dialog', { name: `¿Suspender a ${person.displayName}?` })).toBeVisible();
  await page.getByRole('dialog').getByRole('button', { name: 'Cancelar' }).click();
  await screens(page, 'person-errors', found, 'es');

  // The import page, and "Check file" with nothing chosen, in each language.
  await page.goto('/admin/people/import');
  await screensInBothLanguages(page, 'people-import', found, (l) =>
    page.getByRole('heading', { name: l === 'en' ? 'Import people' : 'Importar personas', level: 1 }),
  );
  for (const [locale, check] of [
    ['en', 'Check file'],
    ['es', 'Comprobar archivo'],
  ] as const) {
    await chooseConsoleLanguage(page, locale);
    await page.getByRole('button', { name: check }).click();
    const words = (await expectProductWords(page, `import ${locale}`)).join(' ');
    expect(words).toMatch(locale === 'en' ? /paste the CSV/ : /pega antes el CSV/);
  }
  await screens(page, 'people-import-errors', found, 'es');
  await chooseConsoleLanguage(page, 'en');

  expect(found).toEqual([]);
});
