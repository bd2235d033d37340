/**
 * The console's frame and its entry pages, at 1366×768 and 390×844, in English and Spanish, with axe:
 * - the sign-in page: empty fields and a wrong password refused in the product's words;
 * - the invitation and setup pages without a working link, and the invitation form's bad input;
 * - the dashboard with its first steps, the menu open on a phone (the header on one line), the error page;
 * - the language switch in the navigation: the page changes at once, and the pick survives a reload
 *   and a sign-out and sign-in;
 * - Sign out while an import's badges and temporary PINs are unsaved asks first.
 */
import type { Page } from '@playwright/test';
import type { ConsoleInvitationView } from '../../server/contracts/console-auth.js';
import type { UserView } from '../../server/contracts/schemas.js';
import { expect, test } from './console-fixtures.js';
import {
  chooseConsoleLanguage,
  consoleNav,
  expectProductWords,
  screens,
  screensInBothLanguages,
  type ConsoleLocale,
} from './console-screens.js';

const SPANISH = { en: 'English', es: 'Español' } as const;

/** The page never scrolls sideways and the header stays one line (its height is the bar's own). */
async function expectFrameFits(page: Page) {
  const sizes = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    width: window.innerWidth,
    header: document.querySelector('header')?.getBoundingClientRect().height ?? 0,
  }));
  expect(sizes.scroll).toBeLessThanOrEqual(sizes.width);
  expect(sizes.header).toBeLessThan(64);
}

test('the sign-in page refuses empty fields and a wrong password in words, in both languages', async ({
  openConsole,
}) => {
  const page = await openConsole();
  const found: string[] = [];
  await page.goto('/admin/login');
  await screensInBothLanguages(page, 'console-sign-in', found, (l) =>
    page.getByRole('heading', {
      name: l === 'en' ? 'Sign in to the console' : 'Iniciar sesión en la consola',
    }),
  );

  const words = {
    en: {
      name: 'Sign-in name',
      submit: 'Sign in',
      missing: 'Type your sign-in name.',
      wrong: 'The sign-in name or password is incorrect.',
    },
    es: {
      name: 'Nombre de inicio de sesión',
      submit: 'Iniciar sesión',
      missing: 'Escribe tu nombre de inicio de sesión.',
      wrong: 'El nombre de inicio de sesión o la contraseña no son correctos.',
    },
  } as const;
  for (const locale of ['en', 'es'] as const) {
    const w = words[locale];
    await chooseConsoleLanguage(page, locale);
    await page.getByRole('button', { name: w.submit, exact: true }).click();
    await expect(page.getByLabel(w.name)).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByLabel(w.name)).toHaveAccessibleDescription(w.missing);
    await expectProductWords(page, `sign-in, empty (${locale})`);
    await screens(page, 'console-sign-in-empty', found, locale);

    await page.getByLabel(w.name).fill(`nobody.${Date.now()}@shiftpass.example`);
    await page.getByLabel(locale === 'en' ? 'Password' : 'Contraseña').fill('not the password at all');
    await page.getByRole('button', { name: w.submit, exact: true }).click();
    await expect(page.getByRole('alert')).toHaveText(w.wrong);
    await expectProductWords(page, `sign-in, wrong password (${locale})`);
    await screens(page, 'console-sign-in-wrong', found, locale);
  }
  expect(found).toEqual([]);
});

test('the invitation and setup pages say what is wrong with a link, and the invitation form refuses bad passwords', async ({
  openConsole,
  adminApi,
}) => {
  const page = await openConsole();
  const found: string[] = [];

  await page.goto('/admin/invitation');
  await screensInBothLanguages(page, 'console-invitation-no-link', found, (l) =>
    page.getByRole('alert').filter({
      hasText:
        l === 'en' ? 'This page needs the invitation link' : 'Esta página necesita el enlace de invitación',
    }),
  );
  await page.goto('/setup');
  await screensInBothLanguages(page, 'setup-no-link', found, (l) =>
    page.getByRole('alert').filter({
      hasText: l === 'en' ? 'one-time setup link' : 'enlace de configuración de un solo uso',
    }),
  );
  // The shared server has its admin already: an unknown link says what to do instead. (A reload
  // loses the link, which leaves the address bar at once: each language opens it anew.)
  for (const locale of ['en', 'es'] as const) {
    await page.goto('/admin/login');
    await chooseConsoleLanguage(page, locale);
    await page.goto(`/setup#${'A'.repeat(43)}`);
    await expect(
      page.getByRole('heading', {
        name: locale === 'en' ? /This setup link/ : /Este enlace de configuración/,
      }),
    ).toBeVisible();
    await screens(page, 'setup-link-refused', found, locale);
  }

  // A real invitation: too short, then two passwords that differ, in both languages.
  const created = await adminApi.post('/api/admin/users', {
    data: {
      userPrincipalName: `invited.${Date.now()}@shiftpass.example`,
      displayName: 'Invited Ines',
      role: 'manager',
    },
  });
  expect(created.status()).toBe(201);
  const user = (await created.json()) as UserView;
  const invited = await adminApi.post(`/api/admin/users/${user.id}/console-invitation`);
  const link = new URL(((await invited.json()) as ConsoleInvitationView).invitationUrl);
  const form = {
    en: {
      password: 'New password',
      again: 'Type the password again',
      submit: 'Set password',
      short: 'The password needs at least 12 characters.',
      differ: 'The two passwords are not the same.',
    },
    es: {
      password: 'Contraseña nueva',
      again: 'Vuelve a escribir la contraseña',
      submit: 'Guardar la contraseña',
      short: 'La contraseña necesita al menos 12 caracteres.',
      differ: 'Las dos contraseñas no coinciden.',
    },
  } as const;
  for (const locale of ['en', 'es'] as const) {
    const w = form[locale];
    await page.goto('/admin/login');
    await chooseConsoleLanguage(page, locale);
    await page.goto(link.pathname + link.hash);
    await page.getByLabel(w.password).fill('short');
    await page.getByRole('button', { name: w.submit }).click();
    await expect(page.getByLabel(w.password)).toHaveAccessibleDescription(new RegExp(`^${w.short}`));
    await expectProductWords(page, `invitation, short (${locale})`);
    await page.getByLabel(w.password).fill('twelve chars long');
    await page.getByLabel(w.again).fill('twelve chars lung');
    await page.getByRole('button', { name: w.submit }).click();
    await expect(page.getByLabel(w.again)).toHaveAccessibleDescription(w.differ);
    await expectProductWords(page, `invitation, differ (${locale})`);
    await screens(page, 'console-invitation-errors', found, locale);
  }
  expect(found).toEqual([]);
});

test('the dashboard with first steps, the menu on a phone and the error page, in both languages', async ({
  signedInConsole,
}) => {
  const { page } = await signedInConsole({ role: 'admin' });
  const found: string[] = [];
  const dashboard = (l: ConsoleLocale) =>
    page.getByRole('heading', { name: l === 'en' ? 'Dashboard' : 'Panel', level: 1 });
  await screensInBothLanguages(page, 'console-dashboard', found, dashboard);

  for (const locale of ['en', 'es'] as const) {
    await chooseConsoleLanguage(page, locale);
    await expect(dashboard(locale)).toBeVisible();
    await expect(
      page.getByRole('heading', {
        name: locale === 'en' ? /Sign-ins in the last 24 hours/ : /Inicios de sesión en las últimas 24 horas/,
      }),
    ).toBeVisible();
    await page.setViewportSize({ width: 390, height: 844 });
    await expectFrameFits(page);
    const nav = await consoleNav(page);
    await expect(nav.getByRole('link', { name: locale === 'en' ? 'Stores' : 'Tiendas' })).toBeVisible();
    await page.screenshot({
      path: `test-results/screens/console-menu-open-390x844${locale === 'en' ? '' : '-es'}.png`,
    });
    await page.keyboard.press('Escape');
    await expect(nav).toBeHidden();
    await page.setViewportSize({ width: 1366, height: 768 });
    await expectFrameFits(page);
  }

  await page.goto('/admin/no-such-page');
  await screensInBothLanguages(page, 'console-not-found', found, (l) =>
    page.getByRole('heading', { name: l === 'en' ? 'Page not found' : 'Página no encontrada' }),
  );
  await page.getByRole('link', { name: 'Go to the dashboard' }).click();
  await expect(dashboard('en')).toBeVisible();
  expect(found).toEqual([]);
});

test('Spanish picked in the navigation shows at once and survives a reload and a sign-out and sign-in', async ({
  consoleAs,
}) => {
  const person = await consoleAs({ role: 'admin' });
  const { page } = person;
  const nav = await consoleNav(page);
  await nav.getByRole('combobox', { name: 'Language' }).click();
  await page.getByRole('option', { name: SPANISH.es }).click();
  await expect(page.getByRole('heading', { name: 'Panel', level: 1 })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'es');
  await expect(nav.getByRole('link', { name: 'Personas' })).toBeVisible();

  await page.reload();
  await expect(page.getByRole('heading', { name: 'Panel', level: 1 })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'es');

  await page.getByRole('button', { name: 'Cerrar sesión' }).click();
  await expect(page.getByRole('heading', { name: 'Iniciar sesión en la consola' })).toBeVisible();
  await page.getByLabel('Nombre de inicio de sesión').fill(person.user.userPrincipalName);
  await page.getByLabel('Contraseña').fill(person.password);
  await page.getByRole('button', { name: 'Iniciar sesión', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Escribe tu código de autenticación' })).toBeVisible();
  await page.getByRole('button', { name: 'Verificar' }).click();
  await expect(page.getByLabel('Código de autenticación')).toHaveAccessibleDescription(
    'Escribe el código de 6 dígitos de tu app de autenticación.',
  );
  await expectProductWords(page, 'authentication code, empty (es)');
  const found: string[] = [];
  await screens(page, 'console-code-step-empty', found, 'es');
  expect(found).toEqual([]);
  await page.getByLabel('Código de autenticación').fill(person.unusedTotpCode());
  await page.getByRole('button', { name: 'Verificar' }).click();
  await expect(page.getByRole('heading', { name: 'Panel', level: 1 })).toBeVisible();

  // Back to English from the switch on the sign-in page's bar, too.
  await page.getByRole('button', { name: 'Cerrar sesión' }).click();
  await page.getByRole('combobox', { name: 'Idioma' }).click();
  await page.getByRole('option', { name: SPANISH.en }).click();
  await expect(page.getByRole('heading', { name: 'Sign in to the console' })).toBeVisible();
});

test('Sign out while imported badges and temporary PINs are unsaved asks first', async ({ consoleAs }) => {
  const { page } = await consoleAs({ role: 'admin' });
  const found: string[] = [];
  const upn = `unsaved.${Date.now()}@shiftpass.example`;
  const csv = `userPrincipalName,displayName,role\r\n${upn},Unsaved Una,worker\r\n`;
  await page.goto('/admin/people/import');
  await page
    .getByLabel('CSV file')
    .setInputFiles({ name: 'one.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await page.getByLabel('Issue badges for new people').check();
  await page.getByRole('button', { name: 'Check file' }).click();
  await page.getByRole('button', { name: /^Import 1 / }).click();
  await expect(page.getByRole('heading', { name: 'Import finished' })).toBeVisible({ timeout: 15_000 });

  await page.getByRole('button', { name: 'Sign out' }).click();
  const question = page.getByRole('dialog', { name: 'Sign out without saving?' });
  await expect(question).toBeVisible();
  await screens(page, 'console-sign-out-unsaved', found);
  await question.getByRole('button', { name: 'Stay signed in' }).click();
  await expect(question).toBeHidden();
  await expect(page).toHaveURL(/\/admin\/people\/import$/);
  await expect(page.getByRole('heading', { name: 'Import finished' })).toBeVisible();

  await page.getByRole('button', { name: 'Sign out' }).click();
  await question.getByRole('button', { name: 'Sign out anyway' }).click();
  await expect(page.getByRole('heading', { name: 'Sign in to the console' })).toBeVisible();
  expect(found).toEqual([]);
});
