/**
 * The console's badge issue dialog, as an admin uses it: a first badge that starts tomorrow, stops on
 * a chosen day and comes with a PIN the admin typed; the API then holds exactly those times, and the
 * typed PIN signs the person in (with a temporary badge issued from the same dialog, which works from
 * now for the policy's hours). A badge that would work for less than a day is refused in words before
 * anything is sent, in English and Spanish. Screenshots at 1366×768 and 390×844, axe on each.
 */
import { request, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { readQrPng } from '../support/qr-read.js';
import { expect, test } from './console-fixtures.js';
import { chooseConsoleLanguage, expectProductWords, screens } from './console-screens.js';

interface Policy {
  pinLength: number;
  temporaryQRCodeLifetimeInHours: number;
}

/** A moment `days` from today at `hour`:00 in the browser's time zone: the field's value and the instant it names. */
const localMoment = (page: Page, days: number, hour: number) =>
  page.evaluate(
    ([d, h]) => {
      const moment = new Date();
      moment.setDate(moment.getDate() + d!);
      moment.setHours(h!, 0, 0, 0);
      const two = (n: number) => String(n).padStart(2, '0');
      const value = `${moment.getFullYear()}-${two(moment.getMonth() + 1)}-${two(moment.getDate())}T${two(h!)}:00`;
      return { value, iso: moment.toISOString() };
    },
    [days, hour],
  );

/** Picks an option of a labelled `$lib/ui` Select. */
async function choose(page: Page, label: string, option: string) {
  await page.getByRole('dialog').getByLabel(label, { exact: true }).click();
  await page.getByRole('option', { name: option }).click();
}

test('the issue dialog sets when a badge starts and stops and takes a typed PIN; too short a badge is refused in words', async ({
  adminApi,
  baseURL,
  signedInConsole,
}) => {
  test.setTimeout(90_000);
  const enabled = await adminApi.patch('/api/admin/policies/qr-code-pin', {
    data: { state: 'enabled', includeTargets: [{ id: 'all_users' }] },
  });
  expect(enabled.status()).toBe(200);
  const policy = (await enabled.json()) as Policy;
  const run = Date.now().toString(36);
  const displayName = `Iris Dialog ${run}`;
  const created = await adminApi.post('/api/admin/users', {
    data: { userPrincipalName: `iris.${run}@example.test`, displayName },
  });
  expect(created.status()).toBe(201);
  const person = (await created.json()) as { id: string };
  const found: string[] = [];

  const { page } = await signedInConsole({ role: 'admin' });
  await page.goto(`/admin/people/${person.id}`);
  const tomorrow9 = await localMoment(page, 1, 9);
  const tomorrow21 = await localMoment(page, 1, 21);
  const inAMonth = await localMoment(page, 31, 17);

  // Spanish: a badge that would work for 12 hours is refused next to its end, before anything is sent.
  await chooseConsoleLanguage(page, 'es');
  await page.getByRole('button', { name: 'Emitir credencial' }).click();
  const dialogEs = page.getByRole('dialog', { name: `Emitir una credencial para ${displayName}` });
  await expect(dialogEs).toBeVisible();
  await choose(page, 'Empieza a funcionar', 'En una fecha y hora');
  await dialogEs.getByLabel('Fecha y hora de inicio').fill(tomorrow9.value);
  await choose(page, 'Deja de funcionar', 'En una fecha y hora');
  await dialogEs.getByLabel('Fecha y hora de fin').fill(tomorrow21.value);
  await dialogEs.getByRole('button', { name: 'Emitir credencial' }).click();
  const endEs = dialogEs.getByLabel('Fecha y hora de fin');
  await expect(endEs).toHaveAttribute('aria-invalid', 'true');
  await expect(endEs).toHaveAccessibleDescription(/Una credencial debe funcionar al menos 1 día/);
  await expectProductWords(page, 'issue dialog es');
  await screens(page, 'badge-issue-too-short', found, 'es');
  await dialogEs.getByRole('button', { name: 'Cancelar' }).click();
  await expect(page.getByText('Todavía no tiene credencial.')).toBeVisible();

  // English: the same refusal, then a good window and a typed PIN (a weak one refused first).
  await chooseConsoleLanguage(page, 'en');
  await page.getByRole('button', { name: 'Issue badge' }).click();
  const dialog = page.getByRole('dialog', { name: `Issue a badge for ${displayName}` });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText(/Policy default: \d+ days?/);
  await expect(dialog).toContainText(/Stops working on /);
  await screens(page, 'badge-issue', found);
  await choose(page, 'Starts working', 'At a date and time');
  await dialog.getByLabel('Start date and time').fill(tomorrow9.value);
  await choose(page, 'Stops working', 'At a date and time');
  const end = dialog.getByLabel('End date and time');
  await end.fill(tomorrow21.value);
  await choose(page, 'PIN', 'I will type it');
  const pinField = dialog.getByLabel('PIN for the person');
  await pinField.fill('12345678');
  await dialog.getByRole('button', { name: 'Issue badge' }).click();
  await expect(end).toHaveAccessibleDescription(
    /A badge must work for at least 1 day\. Choose a later end\./,
  );
  await expect(pinField).toHaveAccessibleDescription(/digits in a row going up or down/);
  await expectProductWords(page, 'issue dialog en');
  await screens(page, 'badge-issue-too-short', found);

  await end.fill(inAMonth.value);
  const pin = '5830164927'.slice(0, Math.max(policy.pinLength, 8));
  await pinField.fill(pin);
  await expect(end).not.toHaveAttribute('aria-invalid');
  await expect(pinField).not.toHaveAttribute('aria-invalid');
  await dialog.getByRole('button', { name: 'Issue badge' }).click();
  const panel = page.getByRole('region', { name: `New badge for ${displayName}` });
  await expect(panel.getByTestId('secret-pin')).toHaveText(pin);
  await panel.getByRole('button', { name: 'Done' }).click();
  await expect(page.getByTestId('standard-code')).toContainText('Not active yet');

  // The API holds the chosen times.
  const state = async () =>
    (await (await adminApi.get(`/api/admin/users/${person.id}/qr-code-pin-method`)).json()) as {
      standardQRCode: { status: string; startDateTime: string; expireDateTime: string };
      temporaryQRCode: { status: string; startDateTime: string; expireDateTime: string } | null;
    };
  const issued = await state();
  expect(issued.standardQRCode).toMatchObject({
    status: 'notYetActive',
    startDateTime: tomorrow9.iso,
    expireDateTime: inAMonth.iso,
  });

  // A temporary badge from the same dialog works from now for the policy's hours, with the typed PIN.
  await page.getByRole('button', { name: 'Issue temporary badge' }).click();
  const temporary = page.getByRole('dialog', { name: `Issue a temporary badge for ${displayName}` });
  const hours = policy.temporaryQRCodeLifetimeInHours;
  await expect(temporary).toContainText(
    hours === 1 ? 'Policy default: 1 hour' : `Policy default: ${hours} hours`,
  );
  await expect(temporary.getByLabel('PIN', { exact: true })).toHaveCount(0);
  await temporary.getByRole('button', { name: 'Issue temporary badge' }).click();
  await expect(panel).toBeVisible();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    panel.getByRole('button', { name: 'Download QR only' }).click(),
  ]);
  const qr = readQrPng(readFileSync((await download.path())!));
  expect(qr).not.toBeNull();
  await panel.getByRole('button', { name: 'Done' }).click();
  const { temporaryQRCode } = await state();
  expect(temporaryQRCode?.status).toBe('active');
  const lifetime =
    new Date(temporaryQRCode!.expireDateTime).getTime() - new Date(temporaryQRCode!.startDateTime).getTime();
  expect(lifetime).toBe(hours * 3600 * 1000);

  const phone = await request.newContext({ baseURL, extraHTTPHeaders: { origin: baseURL! } });
  const signIn = await phone.post('/api/auth/qr-pin/sign-in', { data: { qr, pin } });
  expect(signIn.status(), await signIn.text()).toBe(200);
  expect(await signIn.json()).toMatchObject({ mustChangePin: true });
  await phone.dispose();

  expect(found).toEqual([]);
});

test('a manager, who may not read the policies, is told the policy decides the end, and issues a badge', async ({
  adminApi,
  signedInConsole,
}) => {
  test.setTimeout(60_000);
  const run = Date.now().toString(36);
  const store = await adminApi.post('/api/admin/groups', { data: { displayName: `Dialog store ${run}` } });
  expect(store.status()).toBe(201);
  const { id: storeId } = (await store.json()) as { id: string };
  const displayName = `Teo Dialog ${run}`;
  const created = await adminApi.post('/api/admin/users', {
    data: { userPrincipalName: `teo.${run}@example.test`, displayName, groupIds: [storeId] },
  });
  expect(created.status()).toBe(201);
  const person = (await created.json()) as { id: string };

  const { page } = await signedInConsole({ role: 'manager', groupIds: [storeId] });
  await page.goto(`/admin/people/${person.id}`);
  await page.getByRole('button', { name: 'Issue badge' }).click();
  const dialog = page.getByRole('dialog', { name: `Issue a badge for ${displayName}` });
  await expect(dialog.getByLabel('Stops working', { exact: true })).toHaveText(
    /Policy default \(set by an admin\)/,
  );
  await dialog.getByRole('button', { name: 'Issue badge' }).click();
  await expect(page.getByRole('region', { name: `New badge for ${displayName}` })).toBeVisible();
});
