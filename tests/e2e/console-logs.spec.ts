/**
 * The devices page, the sign-in log, the audit log (its detail panel open) and the badge expiry report,
 * in English and Spanish at 1366×768 and 390×844, with axe; suspend asks first and names the kiosk; the
 * logs' time range and the report's days refuse bad input in the product's words, in both languages.
 */
import { request, type APIRequestContext } from '@playwright/test';
import { enrolApiKiosk, postFromKiosk } from './api-kiosk.js';
import { expect, test } from './console-fixtures.js';
import type { ProvisionedWorker } from './fixtures.js';
import {
  chooseConsoleLanguage,
  expectProductWords,
  screens,
  screensInBothLanguages,
} from './console-screens.js';

/** A store with one worker who signed in once on its kiosk "Front till" and once with a wrong PIN. */
interface Setup {
  adminApi: APIRequestContext;
  provisionWorker(name: string, options?: { groupIds?: string[] }): Promise<ProvisionedWorker>;
  baseURL: string | undefined;
}

async function storeWithActivity({ adminApi, provisionWorker, baseURL }: Setup, name: string) {
  const created = await adminApi.post('/api/admin/groups', {
    data: { displayName: `${name} ${Date.now()}` },
  });
  expect(created.status()).toBe(201);
  const store = (await created.json()) as { id: string; displayName: string };
  const worker = await provisionWorker('Lucía Núñez', { groupIds: [store.id] });
  const kiosk = await enrolApiKiosk(adminApi, { groupId: store.id, displayName: 'Front till' });
  const phone = await request.newContext({ baseURL, extraHTTPHeaders: { origin: baseURL! } });
  const signIn = await postFromKiosk(phone, baseURL!, kiosk, '/api/auth/qr-pin/sign-in', {
    qr: worker.rawContent,
    pin: worker.pin,
  });
  expect(signIn.status()).toBe(200);
  const wrong = worker.pin === '90817263' ? '81726354' : '90817263';
  expect(
    (await phone.post('/api/auth/qr-pin/sign-in', { data: { qr: worker.rawContent, pin: wrong } })).status(),
  ).toBe(401);
  await phone.dispose();
  return { store, worker, kiosk };
}

test('devices: a kiosk’s state as badges, suspend asks first and names it, in both languages', async ({
  adminApi,
  provisionWorker,
  baseURL,
  signedInConsole,
}) => {
  const setup = { adminApi, provisionWorker, baseURL };
  const { store, kiosk } = await storeWithActivity(setup, 'Devices store');
  try {
    const { page } = await signedInConsole({ role: 'admin' });
    const found: string[] = [];
    await page.goto(`/admin/devices?groupId=${store.id}`);
    const row = page.getByRole('row', { name: /Front till/ });
    await expect(row).toContainText('Active');
    await expect(row).toContainText('Compliant');
    await screensInBothLanguages(page, 'console-devices', found, (locale) =>
      page.getByRole('heading', { name: locale === 'en' ? 'Kiosk devices' : 'Quioscos', level: 1 }),
    );

    // Suspend is a danger action behind "Are you sure?" naming the kiosk; Cancel changes nothing.
    for (const [locale, button, title] of [
      ['en', 'Suspend Front till', 'Suspend Front till?'],
      ['es', 'Suspender Front till', '¿Suspender Front till?'],
    ] as const) {
      await chooseConsoleLanguage(page, locale);
      await page.getByRole('button', { name: button }).click();
      const dialog = page.getByRole('alertdialog').or(page.getByRole('dialog'));
      await expect(dialog.getByRole('heading', { name: title })).toBeVisible();
      await screens(page, 'console-devices-suspend', found, locale);
      await dialog.getByRole('button', { name: locale === 'en' ? 'Cancel' : 'Cancelar' }).click();
      await expect(dialog).toBeHidden();
    }
    const device = await adminApi.get(`/api/admin/devices/${kiosk.id}`);
    expect(((await device.json()) as { status: string }).status).toBe('active');
    expect(found).toEqual([]);
  } finally {
    await adminApi.post(`/api/admin/devices/${kiosk.id}/revoke`, { data: {} });
  }
});

test('sign-in log: names, times and results in both languages; a time range that ends first is refused', async ({
  adminApi,
  provisionWorker,
  baseURL,
  signedInConsole,
}) => {
  const setup = { adminApi, provisionWorker, baseURL };
  const { worker, kiosk } = await storeWithActivity(setup, 'Sign-in log store');
  try {
    const { page } = await signedInConsole({ role: 'admin' });
    const found: string[] = [];
    await page.goto(`/admin/logs?userId=${worker.id}`);
    const rows = page.getByRole('table', { name: /^(Sign-ins|Inicios de sesión)/ }).locator('tbody tr');
    await expect(rows).toHaveCount(2);
    await expect(rows.filter({ hasText: 'Front till' })).toHaveCount(1);
    await screensInBothLanguages(page, 'console-logs-sign-ins', found, (locale) =>
      rows.filter({ hasText: locale === 'en' ? 'Wrong PIN' : 'PIN incorrecto' }),
    );

    for (const locale of ['en', 'es'] as const) {
      await chooseConsoleLanguage(page, locale);
      await page
        .getByLabel(locale === 'en' ? 'From (your local time)' : 'Desde (tu hora local)')
        .fill('2026-03-02T10:00');
      await page
        .getByLabel(locale === 'en' ? 'Until (your local time)' : 'Hasta (tu hora local)')
        .fill('2026-03-01T10:00');
      await page.getByRole('button', { name: locale === 'en' ? 'Show entries' : 'Mostrar entradas' }).click();
      const words = await expectProductWords(page, `sign-in log filters (${locale})`);
      expect(words).toContain(
        locale === 'en' ? 'Choose a time after “From”.' : 'Elige una hora posterior a «Desde».',
      );
      await expect(page).not.toHaveURL(/from=/);
    }
    await chooseConsoleLanguage(page, 'en');
    expect(found).toEqual([]);
  } finally {
    await adminApi.post(`/api/admin/devices/${kiosk.id}/revoke`, { data: {} });
  }
});

test('audit log: sentences and the detail panel in both languages', async ({ adminApi, signedInConsole }) => {
  const created = await adminApi.post('/api/admin/groups', {
    data: { displayName: `Audit store ${Date.now()}` },
  });
  expect(created.status()).toBe(201);
  const store = (await created.json()) as { id: string; displayName: string };
  const renamed = await adminApi.patch(`/api/admin/groups/${store.id}`, {
    data: { displayName: `${store.displayName} 2` },
  });
  expect(renamed.status()).toBe(200);

  const { page } = await signedInConsole({ role: 'admin' });
  const found: string[] = [];
  await page.goto('/admin/logs?view=audit');
  for (const [locale, sentence, open, panelName] of [
    ['en', `Store “${store.displayName} 2” changed by`, /^Details/, 'Audit entry details'],
    ['es', `cambió la tienda “${store.displayName} 2”`, /^Detalles/, 'Detalles de la entrada de auditoría'],
  ] as const) {
    await chooseConsoleLanguage(page, locale);
    const entry = page.getByRole('row').filter({ hasText: sentence });
    await expect(entry).toHaveCount(1);
    await screens(page, 'console-logs-audit', found, locale);
    await entry.getByRole('button', { name: open }).click();
    const panel = page.getByRole('dialog', { name: panelName });
    await expect(panel).toContainText(sentence);
    await expect(panel.getByRole('row', { name: locale === 'en' ? /Name/ : /Nombre/ })).toContainText(
      `${store.displayName} 2`,
    );
    await screens(page, 'console-logs-audit-detail', found, locale);
    await page.keyboard.press('Escape');
    await expect(panel).toBeHidden();
  }
  await chooseConsoleLanguage(page, 'en');
  expect(found).toEqual([]);
});

test('expiry report: badges in both languages; days outside 1–395 are refused in words', async ({
  adminApi,
  provisionWorker,
  baseURL,
  signedInConsole,
}) => {
  const setup = { adminApi, provisionWorker, baseURL };
  const { store, kiosk } = await storeWithActivity(setup, 'Expiry store');
  try {
    const { page } = await signedInConsole({ role: 'admin' });
    const found: string[] = [];
    await page.goto(`/admin/reports/expiry?withinDays=395&groupId=${store.id}`);
    const rows = page.getByRole('table', { name: /395/ }).locator('tbody tr');
    await expect(rows.filter({ hasText: 'Lucía Núñez' })).toHaveCount(1);
    await screensInBothLanguages(page, 'console-expiry', found, (locale) =>
      page.getByRole('heading', {
        name: locale === 'en' ? 'Badge expiry report' : 'Informe de credenciales que caducan',
        level: 1,
      }),
    );
    for (const locale of ['en', 'es'] as const) {
      await chooseConsoleLanguage(page, locale);
      await page
        .getByLabel(locale === 'en' ? 'Expiring within (days)' : 'Caducan en los próximos (días)')
        .fill('0');
      await page
        .getByRole('button', { name: locale === 'en' ? 'Show badges' : 'Mostrar credenciales' })
        .click();
      const words = await expectProductWords(page, `expiry report (${locale})`);
      expect(words).toContain(
        locale === 'en'
          ? 'Enter a whole number of days from 1 to 395.'
          : 'Escribe un número entero de días entre 1 y 395.',
      );
    }
    await chooseConsoleLanguage(page, 'en');
    expect(found).toEqual([]);
  } finally {
    await adminApi.post(`/api/admin/devices/${kiosk.id}/revoke`, { data: {} });
  }
});
