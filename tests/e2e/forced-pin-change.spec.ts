/**
 * The forced PIN change of a first sign-in, on a 390×844 phone: two steps (a new PIN, then the same
 * again) that the number pad fills one at a time, with the step's button in view; refusals in the
 * product's words; Cancel and a reload both sign the worker out, and nobody ever finds someone else's
 * change screen. Screenshots of both steps in English and Spanish, checked with axe.
 */
import { request, type Page } from '@playwright/test';
import { messagesFor } from '../../src/lib/i18n/catalogue.js';
import { seriousViolations } from './axe.js';
import { expect, SCAN_TIMEOUT, test, type ProvisionedWorker } from './fixtures.js';

const en = messagesFor('en');
const es = messagesFor('es');
const PHONE = { width: 390, height: 844 };
const NEW_PIN = '58203917';

/** Presses the on-screen keys for each digit, as a thumb would. */
async function pressDigits(page: Page, digits: string) {
  for (const digit of digits) await page.getByRole('button', { name: digit, exact: true }).click();
}

/** Scan (the real badge on the fake camera), the admin-issued PIN, and on to the change screen. */
async function signInWithIssuedPin(page: Page, worker: ProvisionedWorker, m = en) {
  await expect(page.getByRole('heading', { name: m.pin.title })).toBeVisible({ timeout: SCAN_TIMEOUT });
  await page.getByLabel(m.pin.label, { exact: true }).fill(worker.pin);
  await page.getByRole('button', { name: m.pin.signIn }).click();
  await expect(page.getByRole('heading', { name: m.changePin.title })).toBeVisible();
}

/** The step's buttons and the whole number pad are on the screen without scrolling. */
async function expectAllInView(page: Page, buttons: string[]) {
  for (const name of [...buttons, '1', '0']) {
    await expect(page.getByRole('button', { name, exact: true })).toBeInViewport({ ratio: 1 });
  }
  expect(await page.evaluate(() => document.documentElement.scrollHeight <= window.innerHeight)).toBe(true);
}

/** Asks the server directly whether a captured session token still works. */
async function sessionStatus(baseURL: string, token: string): Promise<number> {
  const api = await request.newContext({
    baseURL,
    extraHTTPHeaders: { cookie: `__Host-shiftpass_session=${token}` },
  });
  const status = (await api.get('/api/auth/session')).status();
  await api.dispose();
  return status;
}

async function sessionToken(page: Page): Promise<string> {
  const cookie = (await page.context().cookies()).find((c) => c.name === '__Host-shiftpass_session');
  if (!cookie) throw new Error('no session cookie');
  return cookie.value;
}

test('a new worker chooses a PIN in two steps on the pad, with words for every mistake, and reaches home', async ({
  provisionWorker,
  openKiosk,
}) => {
  const worker = await provisionWorker('Tomás Steps');
  const page = await openKiosk({ badge: worker.rawContent });
  await page.setViewportSize(PHONE);
  await signInWithIssuedPin(page, worker);
  const found = await seriousViolations(page, 'change PIN, step 1');

  // Step 1: one field, filled by the pad; the rules show only what is still needed.
  await expect(page.getByText(en.changePin.step(1, 2))).toBeVisible();
  const newPin = page.getByLabel(en.changePin.newPin, { exact: true });
  await expect(page.getByText(en.pinHints.stillNeeded)).toBeVisible();
  await expect(page.getByText('8 to 20 digits', { exact: true })).toBeVisible();
  await expectAllInView(page, [en.changePin.next, en.changePin.cancel]);

  // Next with nothing typed: the product's words under the field, no browser bubble.
  await page.getByRole('button', { name: en.changePin.next }).click();
  await expect(page.getByRole('alert')).toHaveText(en.changePin.emptyNew);
  await expect(newPin).toHaveAttribute('aria-invalid', 'true');
  await expect(newPin).toHaveAccessibleDescription(new RegExp(`^${en.changePin.emptyNew}`));

  // A PIN a rule refuses stops at step 1, in the words the server would use.
  await pressDigits(page, '12345');
  await expect(newPin).toHaveValue('12345');
  await expect(
    page.getByText('No 5 digits in a row going up or down (like 12345)', { exact: true }),
  ).toBeVisible();
  await pressDigits(page, '678');
  await page.getByRole('button', { name: en.changePin.next }).click();
  await expect(page.getByRole('alert')).toHaveText(en.pinRules.sequential_digits(5));
  // The most a refusal shows (four rules still needed, a long reason): the buttons stay in view.
  await page.getByRole('button', { name: en.pinPad.clear }).click();
  await pressDigits(page, '12121212');
  await page.getByRole('button', { name: en.changePin.next }).click();
  await expect(page.getByRole('alert')).toHaveText(en.pinRules.repeated_pattern);
  await expect(page.getByRole('list', { name: en.pinHints.stillNeeded }).getByRole('listitem')).toHaveCount(
    4,
  );
  await expectAllInView(page, [en.changePin.next, en.changePin.cancel]);
  await page.screenshot({
    path: 'test-results/screens/change-pin-step1-refused-390x844.png',
    fullPage: true,
  });
  await page.getByRole('button', { name: en.pinPad.clear }).click();
  await pressDigits(page, NEW_PIN);
  await expect(page.getByText(en.pinHints.allMet, { exact: true }).first()).toBeVisible();
  await page.screenshot({ path: 'test-results/screens/change-pin-step1-390x844.png', fullPage: true });
  await page.getByRole('button', { name: en.changePin.next }).click();

  // Step 2: the pad now fills the confirmation, and only it.
  await expect(page.getByRole('heading', { name: en.changePin.againTitle })).toBeVisible();
  await expect(page.getByText(en.changePin.step(2, 2))).toBeVisible();
  await expect(page.getByLabel(en.changePin.newPin, { exact: true })).toHaveCount(0);
  const again = page.getByLabel(en.changePin.confirmPin);
  await expect(again).toHaveValue('');
  await expectAllInView(page, [en.changePin.back, en.changePin.save, en.changePin.cancel]);
  await page.getByRole('button', { name: en.changePin.save }).click();
  await expect(page.getByRole('alert')).toHaveText(en.changePin.emptyAgain);
  await pressDigits(page, '58203918');
  await expect(again).toHaveValue('58203918');
  await page.screenshot({ path: 'test-results/screens/change-pin-step2-390x844.png', fullPage: true });
  found.push(...(await seriousViolations(page, 'change PIN, step 2')));

  // A different PIN: back to step 1, both emptied, with words.
  await page.getByRole('button', { name: en.changePin.save }).click();
  await expect(page.getByRole('heading', { name: en.changePin.title })).toBeVisible();
  await expect(page.getByRole('alert')).toHaveText(en.changePin.mismatch);
  await expect(newPin).toHaveValue('');

  // Back keeps the new PIN; then the same PIN twice is saved.
  await pressDigits(page, NEW_PIN);
  await page.getByRole('button', { name: en.changePin.next }).click();
  await page.getByRole('button', { name: en.changePin.back }).click();
  await expect(newPin).toHaveValue(NEW_PIN);
  await page.getByRole('button', { name: en.changePin.next }).click();
  await pressDigits(page, NEW_PIN);
  await page.getByRole('button', { name: en.changePin.save }).click();
  await expect(page.getByRole('heading', { name: 'Hello, Tomás Steps' })).toBeVisible();
  expect(found).toEqual([]);
});

test('a reload in the middle of the change signs the worker out: the next screen is never their change, and their session is over', async ({
  provisionWorker,
  openKiosk,
  baseURL,
}) => {
  const worker = await provisionWorker('Rita Reload');
  const page = await openKiosk({ badge: worker.rawContent });
  await page.setViewportSize(PHONE);
  await signInWithIssuedPin(page, worker);
  await pressDigits(page, NEW_PIN);
  await page.getByRole('button', { name: en.changePin.next }).click();
  await expect(page.getByRole('heading', { name: en.changePin.againTitle })).toBeVisible();
  const token = await sessionToken(page);

  await page.reload();
  // Why, in words, on the scan screen (or on the PIN screen, when the badge still in view is read again).
  await expect(page.getByText(en.signOut.pinChangeUnfinished)).toBeVisible();
  await expect(page.getByRole('heading', { name: /^(Scan your badge|Enter your PIN)$/ })).toBeVisible();
  await expect(page.getByRole('heading', { name: en.changePin.title })).toHaveCount(0);
  await expect(page.getByLabel(en.changePin.confirmPin)).toHaveCount(0);
  expect((await page.request.get('/api/auth/session')).status()).toBe(401);
  expect(await sessionStatus(baseURL!, token)).toBe(401);
});

test('in Spanish, both steps speak Spanish, and “Cancelar y cerrar sesión” ends the session and shows the scan screen', async ({
  provisionWorker,
  openKiosk,
  baseURL,
}) => {
  const worker = await provisionWorker('Nuria Cancela');
  const page = await openKiosk({ badge: worker.rawContent, locale: 'es-MX' });
  await page.setViewportSize(PHONE);
  await signInWithIssuedPin(page, worker, es);
  await expect(page.getByText(es.changePin.step(1, 2))).toBeVisible();
  await page.getByRole('button', { name: es.changePin.next }).click();
  await expect(page.getByRole('alert')).toHaveText(es.changePin.emptyNew);
  await pressDigits(page, '1941');
  await expect(page.getByText(es.pinHints.length(8, 20), { exact: true })).toBeVisible();
  await expectAllInView(page, [es.changePin.next, es.changePin.cancel]);
  await page.screenshot({ path: 'test-results/screens/change-pin-step1-390x844-es.png', fullPage: true });
  const found = await seriousViolations(page, 'change PIN, step 1 (es)');

  await page.getByRole('button', { name: es.pinPad.clear }).click();
  await pressDigits(page, NEW_PIN);
  await page.getByRole('button', { name: es.changePin.next }).click();
  await expect(page.getByRole('heading', { name: es.changePin.againTitle })).toBeVisible();
  await pressDigits(page, '5820');
  await expectAllInView(page, [es.changePin.back, es.changePin.save, es.changePin.cancel]);
  await page.screenshot({ path: 'test-results/screens/change-pin-step2-390x844-es.png', fullPage: true });
  found.push(...(await seriousViolations(page, 'change PIN, step 2 (es)')));
  const token = await sessionToken(page);

  await page.getByRole('button', { name: es.changePin.cancel }).click();
  await expect(
    page.getByRole('heading', { name: /^(Escanee su credencial|Introduzca su PIN)$/ }),
  ).toBeVisible();
  await expect(page.getByRole('heading', { name: es.changePin.againTitle })).toHaveCount(0);
  expect(await page.context().cookies()).toEqual([]);
  expect(await sessionStatus(baseURL!, token)).toBe(401);
  expect(found).toEqual([]);
});
