/**
 * "Forgot PIN?" with a manager, on a 390×844 phone, with real badges on the fake camera: the worker's
 * badge, then (the camera file swapped while the PIN screen shows, so the next camera start reads it)
 * the manager's. Approved on the phone → new PIN → signed in with it; approved from the console by a
 * manager in a second browser → new PIN; refused for a manager of another store. Screenshots of every
 * kiosk step and of the console panel, in English and Spanish (test-results/screens/forgot-pin-*).
 */
import { renameSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { messagesFor } from '../../src/lib/i18n/catalogue.js';
import { consoleCatalogue } from '../../src/lib/admin/i18n/catalogue.js';
import { writeBadgeVideo } from '../support/fake-camera.js';
import { expect, test } from './console-fixtures.js';
import { SCAN_TIMEOUT, type ProvisionedWorker } from './fixtures.js';
import { addStore } from './kiosk-device.js';
import { consoleNav } from './console-screens.js';

const en = messagesFor('en');
const es = messagesFor('es');
const PHONE = { width: 390, height: 844 };
const NEW_PIN = '58203917';

const shot = (page: Page, name: string) =>
  page.screenshot({ path: `test-results/screens/forgot-pin-${name}.png`, fullPage: true });

/**
 * The badge the fake camera shows from its next start on (written beside and renamed over, as
 * fixtures.ts does): the kiosk's camera is off while the PIN screen shows, and starts again for the
 * manager's badge.
 */
function showOnCamera(video: { path: string; shows: string | null }, badge: ProvisionedWorker): void {
  writeBadgeVideo(`${video.path}.next`, badge.rawContent);
  renameSync(`${video.path}.next`, video.path);
  video.shows = JSON.stringify([badge.rawContent, null]);
}

async function forgotPin(page: Page, m = en) {
  await expect(page.getByRole('heading', { name: m.pin.title })).toBeVisible({ timeout: SCAN_TIMEOUT });
  await shot(page, `1-pin-${m === en ? 'en' : 'es'}`);
  await page.getByRole('button', { name: m.forgotPin.link }).click();
  await expect(page.getByRole('heading', { name: m.forgotPin.title })).toBeVisible();
}

async function chooseNewPin(page: Page, m = en) {
  await expect(page.getByRole('heading', { name: m.changePin.title })).toBeVisible({ timeout: 15_000 });
  await page.getByLabel(m.changePin.newPin, { exact: true }).fill(NEW_PIN);
  await page.getByRole('button', { name: m.changePin.next }).click();
  await page.getByLabel(m.changePin.confirmPin, { exact: true }).fill(NEW_PIN);
  await page.getByRole('button', { name: m.changePin.save }).click();
  await expect(page.getByRole('status').filter({ hasText: m.forgotPin.done })).toBeVisible();
}

async function signInWithNewPin(page: Page, worker: ProvisionedWorker, m = en) {
  await page.getByLabel(m.pin.label, { exact: true }).fill(NEW_PIN);
  await page.getByRole('button', { name: m.pin.signIn }).click();
  await expect(page.getByRole('heading', { name: m.home.hello(worker.displayName) })).toBeVisible();
}

test('a manager of the store approves on the phone; the worker chooses a new PIN and signs in with it', async ({
  adminApi,
  provisionWorker,
  openKiosk,
  sharedBrowser,
}) => {
  const store = await addStore(adminApi, `Forgot store ${Date.now()}`);
  const worker = await provisionWorker('Lucía Olvido', { groupIds: [store] });
  const manager = await provisionWorker('Marta Encargada', { role: 'manager', groupIds: [store] });
  const page = await openKiosk({ badge: worker.rawContent });
  await page.setViewportSize(PHONE);
  await forgotPin(page);
  await shot(page, '2-ask-en');

  showOnCamera(sharedBrowser.video, manager);
  await page.getByRole('button', { name: en.managerConfirm.ask }).click();
  await expect(page.getByRole('heading', { name: en.managerConfirm.pinTitle })).toBeVisible({
    timeout: SCAN_TIMEOUT,
  });
  await shot(page, '3-manager-pin-en');
  await page.getByLabel(en.pin.label, { exact: true }).fill(manager.pin);
  await page.getByRole('button', { name: en.managerConfirm.confirm }).click();

  await expect(page.getByText(en.forgotPin.approvedBy(manager.displayName))).toBeVisible();
  await shot(page, '4-new-pin-en');
  await chooseNewPin(page);
  await shot(page, '5-done-en');
  await signInWithNewPin(page, worker);

  const audit = await adminApi.get(`/api/admin/audit-logs?userId=${worker.id}`);
  expect(JSON.stringify(await audit.json())).toContain(manager.displayName);
});

test('a manager approves from the console while the kiosk waits; the worker then chooses a new PIN', async ({
  adminApi,
  provisionWorker,
  openKiosk,
  signedInConsole,
}) => {
  const store = await addStore(adminApi, `Forgot console store ${Date.now()}`);
  const worker = await provisionWorker('Iker Consola', { groupIds: [store] });
  const page = await openKiosk({ badge: worker.rawContent, locale: 'es-ES' });
  await page.setViewportSize(PHONE);
  await forgotPin(page, es);
  await shot(page, '2-ask-es');
  await page.getByRole('button', { name: es.forgotPin.consoleInstead }).click();
  await expect(page.getByRole('heading', { name: es.forgotPin.waitingTitle })).toBeVisible();
  await expect(page.getByText(/Tiempo restante: (9:5\d|10:00)/)).toBeVisible();
  await shot(page, '6-waiting-es');

  const manager = await signedInConsole({ role: 'manager', groupIds: [store] });
  const consolePage = manager.page;
  const c = consoleCatalogue.en.pinReset;
  await consolePage.setViewportSize({ width: 1366, height: 768 });
  await consolePage.goto(`/admin/people/${worker.id}`);
  await expect(consolePage.getByRole('heading', { name: c.title })).toBeVisible();
  await expect(consolePage.getByText(/not a store kiosk/)).toBeVisible();
  await shot(consolePage, 'console-1366-en');
  await consolePage.setViewportSize(PHONE);
  await shot(consolePage, 'console-390-en');
  const nav = await consoleNav(consolePage);
  await nav.getByRole('combobox', { name: /^(Language|Idioma)$/ }).click();
  await consolePage.getByRole('option', { name: 'Español' }).click();
  const ces = consoleCatalogue.es.pinReset;
  // The phone's menu, opened to switch the language, is closed again before the screenshot.
  const menu = consolePage.getByRole('button', { name: /Console menu|Menú de la consola/ });
  if ((await menu.getAttribute('aria-expanded')) === 'true') await menu.click();
  await expect(consolePage.getByRole('heading', { name: ces.title })).toBeVisible();
  await shot(consolePage, 'console-390-es');
  await consolePage.setViewportSize({ width: 1366, height: 768 });
  await shot(consolePage, 'console-1366-es');
  await consolePage.getByRole('button', { name: ces.approve }).click();
  await expect(consolePage.getByText(ces.approved(worker.displayName))).toBeVisible();

  // The kiosk learns of the approval on its next poll.
  await expect(page.getByText(es.forgotPin.approvedBy(manager.user.displayName))).toBeVisible({
    timeout: 15_000,
  });
  await chooseNewPin(page, es);
  await signInWithNewPin(page, worker, es);
});

test('a manager of another store is refused in words, and the worker can still ask the right one', async ({
  adminApi,
  provisionWorker,
  openKiosk,
  sharedBrowser,
}) => {
  const store = await addStore(adminApi, `Forgot refused store ${Date.now()}`);
  const otherStore = await addStore(adminApi, `Other store ${Date.now()}`);
  const worker = await provisionWorker('Nora Tienda', { groupIds: [store] });
  const stranger = await provisionWorker('Otto Ajeno', { role: 'manager', groupIds: [otherStore] });
  const page = await openKiosk({ badge: worker.rawContent });
  await page.setViewportSize(PHONE);
  await forgotPin(page);

  showOnCamera(sharedBrowser.video, stranger);
  await page.getByRole('button', { name: en.managerConfirm.ask }).click();
  await expect(page.getByRole('heading', { name: en.managerConfirm.pinTitle })).toBeVisible({
    timeout: SCAN_TIMEOUT,
  });
  await page.getByLabel(en.pin.label, { exact: true }).fill(stranger.pin);
  await page.getByRole('button', { name: en.managerConfirm.confirm }).click();

  await expect(page.getByRole('alert')).toHaveText(en.signInErrors.APPROVER_NOT_OF_STORE);
  await expect(page.getByRole('heading', { name: en.managerConfirm.scanTitle })).toBeVisible();
  await shot(page, '7-refused-en');

  // Cancel ends the request and returns to the PIN screen with the worker's badge still held.
  await page.getByRole('button', { name: en.managerConfirm.cancel }).click();
  await expect(page.getByRole('heading', { name: en.pin.title })).toBeVisible();
  const logs = await adminApi.get(`/api/admin/sign-in-logs?userId=${stranger.id}`);
  expect(JSON.stringify(await logs.json())).toContain('APPROVER_NOT_OF_STORE');
});
