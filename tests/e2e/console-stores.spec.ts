/**
 * The Stores pages, as an admin and a store's manager use them, in English and Spanish, on a laptop
 * and a phone (screenshots under test-results/screens/, axe on each): the store list with its search,
 * the new-store form and the edit dialog fed bad input (refused in the product's words next to the
 * field), a time zone found by typing a city, the kiosk language, deleting a store after a confirmation
 * that names it, and a store's badges page saying "badge" throughout, its new people waiting for their
 * first badge listed and badged from that line.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './console-fixtures.js';
import {
  chooseConsoleLanguage,
  expectProductWords,
  screens,
  screensInBothLanguages,
} from './console-screens.js';

const WORDS = {
  en: {
    heading: 'Stores',
    newStore: 'New store',
    name: 'Name',
    create: 'Create store',
    timeZone: 'Time zone',
    language: 'Kiosk language',
    save: 'Save',
  },
  es: {
    heading: 'Tiendas',
    newStore: 'Nueva tienda',
    name: 'Nombre',
    create: 'Crear tienda',
    timeZone: 'Zona horaria',
    language: 'Idioma del quiosco',
    save: 'Guardar',
  },
} as const;

async function searchStores(page: Page, label: string, button: string, text: string) {
  await page.getByLabel(label).fill(text);
  await page.getByRole('button', { name: button, exact: true }).click();
}

test('an admin finds, adds, edits and deletes stores, in both languages, refused in words', async ({
  signedInConsole,
  adminApi,
}) => {
  const tag = Date.now().toString(36);
  const lisbon = `Lisboa Baixa ${tag}`;
  expect((await adminApi.post('/api/admin/groups', { data: { displayName: lisbon } })).status()).toBe(201);
  const found: string[] = [];
  const { page } = await signedInConsole({ role: 'admin' });
  await page.goto(`/admin/groups?search=${encodeURIComponent(lisbon)}`);
  await screensInBothLanguages(page, 'stores', found, () =>
    page.getByRole('row', { name: new RegExp(lisbon) }),
  );
  await expect(page.getByRole('row', { name: new RegExp(lisbon) })).toContainText(
    'Each phone’s own language',
  );

  // A new store with only spaces for a name: refused next to the name, in each language.
  for (const locale of ['es', 'en'] as const) {
    const w = WORDS[locale];
    await chooseConsoleLanguage(page, locale);
    const form = page.getByRole('region', { name: w.newStore });
    await form.getByLabel(w.name, { exact: true }).fill('   ');
    await form.getByRole('button', { name: w.create }).click();
    await expect(form.getByLabel(w.name, { exact: true })).toHaveAttribute('aria-invalid', 'true');
    await expectProductWords(page, `new store (${locale})`);
    await form.scrollIntoViewIfNeeded();
    await screens(page, 'stores-new-store-errors', found, locale);
  }

  // A real one: a time zone found by typing a city, the kiosks in Spanish.
  const madrid = `Madrid Sol ${tag}`;
  const form = page.getByRole('region', { name: 'New store' });
  await form.getByLabel('Name', { exact: true }).fill(madrid);
  const zone = form.getByLabel('Time zone', { exact: true });
  await zone.fill('');
  await zone.pressSequentially('madrid');
  await page.getByRole('option', { name: 'Europe/Madrid' }).click();
  await form.getByLabel('Kiosk language', { exact: true }).click();
  await page.getByRole('option', { name: 'Spanish (Español)' }).click();
  await form.getByRole('button', { name: 'Create store' }).click();
  await expect(page.getByRole('status').filter({ hasText: `${madrid} was created.` })).toBeVisible();
  await expect(form.getByLabel('Name', { exact: true })).toHaveValue('');
  await searchStores(page, 'Search stores', 'Search', madrid);
  const row = page.getByRole('row', { name: new RegExp(madrid) });
  await expect(row).toContainText('Europe/Madrid');
  await expect(row).toContainText('Spanish (Español)');

  // Renaming to nothing is refused in the dialog, in Spanish too; a real name is saved.
  await chooseConsoleLanguage(page, 'es');
  await page.getByRole('button', { name: `Editar ${madrid}` }).click();
  const edit = page.getByRole('dialog', { name: `Editar ${madrid}` });
  await edit.getByLabel('Nombre', { exact: true }).fill('');
  await edit.getByRole('button', { name: 'Guardar' }).click();
  await expect(edit.getByLabel('Nombre', { exact: true })).toHaveAttribute('aria-invalid', 'true');
  await expectProductWords(page, 'edit store (es)');
  await screens(page, 'stores-edit-errors', found, 'es');
  const renamed = `Madrid Centro ${tag}`;
  await edit.getByLabel('Nombre', { exact: true }).fill(renamed);
  await edit.getByRole('button', { name: 'Guardar' }).click();
  await expect(page.getByRole('status').filter({ hasText: `Se guardó ${renamed}.` })).toBeVisible();
  await expect(edit).toBeHidden();

  // Deleting asks first, naming the store, with a red button; Cancel keeps it.
  await searchStores(page, 'Buscar tiendas', 'Buscar', renamed);
  await page.getByRole('button', { name: `Eliminar ${renamed}` }).click();
  const confirm = page
    .getByRole('alertdialog', { name: `¿Eliminar ${renamed}?` })
    .or(page.getByRole('dialog', { name: `¿Eliminar ${renamed}?` }));
  await expect(confirm).toContainText('No se puede deshacer.');
  await screens(page, 'stores-delete-confirm', found, 'es');
  await confirm.getByRole('button', { name: 'Eliminar tienda' }).click();
  await expect(page.getByRole('status').filter({ hasText: `Se eliminó ${renamed}.` })).toBeVisible();
  await expect(page.getByText('Ninguna tienda coincide.')).toBeVisible();
  await screens(page, 'stores-none-match', found, 'es');
  await chooseConsoleLanguage(page, 'en');

  expect(found).toEqual([]);
});

test('a manager sees their own stores and a store’s badges page speaks of badges, in both languages', async ({
  signedInConsole,
  adminApi,
}) => {
  const tag = Date.now().toString(36);
  const store = (await (
    await adminApi.post('/api/admin/groups', { data: { displayName: `Sevilla Triana ${tag}` } })
  ).json()) as { id: string; displayName: string };
  for (const name of ['Lucía', 'Mateo']) {
    const res = await adminApi.post('/api/admin/users', {
      data: {
        userPrincipalName: `${name.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase()}.${tag}@example.test`,
        displayName: `${name} ${tag}`,
        groupIds: [store.id],
      },
    });
    expect(res.status()).toBe(201);
  }
  const found: string[] = [];
  const { page } = await signedInConsole({ role: 'manager', groupIds: [store.id] });

  await page.goto('/admin/groups');
  await screensInBothLanguages(page, 'stores-manager', found, (locale) =>
    page.getByRole('link', {
      name: locale === 'en' ? `Badges for ${store.displayName}` : `Credenciales de ${store.displayName}`,
    }),
  );
  await expect(page.getByRole('button', { name: 'Create store' })).toHaveCount(0);

  await page.getByRole('link', { name: `Badges for ${store.displayName}` }).click();
  const preview = page.getByTestId('badge-preview');
  await expect(preview.getByRole('row', { name: new RegExp(`Lucía ${tag}`) })).toContainText(
    'Issue gives a badge and a temporary PIN.',
  );
  await expect(page.getByRole('button', { name: 'Issue 2 new badges' })).toBeVisible();
  // Both were just added: the page says they wait for their first badge, by name.
  const queue = page.getByRole('region', { name: '2 new people need badges' });
  await expect(queue.getByRole('list', { name: 'New people without a badge' })).toContainText(`Lucía ${tag}`);
  await expect(queue).toContainText(`Mateo ${tag}`);
  await screensInBothLanguages(page, 'store-badges-preview', found, (locale) =>
    page.getByRole('button', {
      name: locale === 'en' ? 'Issue 2 new badges' : 'Emitir 2 credenciales nuevas',
    }),
  );
  await chooseConsoleLanguage(page, 'es');
  await expect(page.getByRole('heading', { name: `Credenciales de ${store.displayName}` })).toBeVisible();
  await expect(preview).toContainText('Al emitir recibe una credencial y un PIN temporal.');
  await expect(page.getByRole('region', { name: '2 personas nuevas necesitan credencial' })).toContainText(
    'Alta:',
  );
  await expect(page.locator('main, #main').first()).not.toContainText(/\blabel|etiqueta|group/i);
  await chooseConsoleLanguage(page, 'en');

  // Their badges are issued from the line itself: shown to print, and nobody is waiting any more.
  await queue.getByRole('button', { name: 'Issue badges for these 2 people' }).click();
  await expect(page.getByRole('region', { name: '2 badges issued' })).toBeVisible({ timeout: 30_000 });
  await page.getByRole('button', { name: 'Issue or reprint more' }).click();
  await page
    .getByRole('dialog', { name: 'Leave without saving?' })
    .getByRole('button', { name: 'Leave anyway' })
    .click();
  await expect(page.getByText('Everyone who can have a badge has one.')).toBeVisible();
  await expect(page.getByRole('region', { name: /new people? needs? badges?/ })).toHaveCount(0);

  expect(found).toEqual([]);
});
