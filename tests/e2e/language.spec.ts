/** The kiosk speaks the phone's language (English or Spanish), and a worker can switch on the scan screen. */
import { messagesFor } from '../../src/lib/i18n/catalogue.js';
import { seriousViolations } from './axe.js';
import { expect, SCAN_TIMEOUT, signInWithOwnPin, test } from './fixtures.js';

const es = messagesFor('es');

test('a Spanish phone shows the whole journey in Spanish, "¿Sigue ahí?" included, and sign-out keeps the phone language', async ({
  provisionWorker,
  openKiosk,
}) => {
  const worker = await provisionWorker('Lucía Ortega');
  const page = await openKiosk({ badge: worker.rawContent, locale: 'es-MX' });

  await expect(page.locator('html')).toHaveAttribute('lang', 'es');
  await expect(page.getByRole('heading', { name: 'Introduzca su PIN' })).toBeVisible({
    timeout: SCAN_TIMEOUT,
  });
  // Each screen has no serious accessibility violations in Spanish either (axe, WCAG 2.2 AA; the
  // English ones are checked in shared-device.spec.ts).
  const found = await seriousViolations(page, 'PIN (es)');
  await page.getByLabel('PIN', { exact: true }).fill('00000000');
  await page.getByRole('button', { name: 'Iniciar sesión' }).click();
  await expect(page.getByRole('alert')).toHaveText(/^El PIN no es correcto\. Le quedan \d+ intentos\.$/);

  await page.getByLabel('PIN', { exact: true }).fill(worker.pin);
  await page.getByRole('button', { name: 'Iniciar sesión' }).click();
  await expect(page.getByRole('heading', { name: 'Elija su propio PIN' })).toBeVisible();
  found.push(...(await seriousViolations(page, 'change PIN (es)')));
  // The idle timers the kiosk starts at sign-in run on a clock the test moves.
  await page.clock.install();
  await page.getByLabel('PIN nuevo', { exact: true }).fill('12345678');
  await page.getByRole('button', { name: 'Siguiente' }).click();
  await expect(page.getByRole('alert')).toHaveText(es.pinRules.sequential_digits(5));

  await page.getByLabel('PIN nuevo', { exact: true }).fill('58203917');
  await page.getByRole('button', { name: 'Siguiente' }).click();
  await page.getByLabel('Confirme el PIN nuevo').fill('58203917');
  await page.getByRole('button', { name: 'Guardar PIN' }).click();
  await expect(page.getByRole('heading', { name: 'Hola, Lucía Ortega' })).toBeVisible();
  found.push(...(await seriousViolations(page, 'home (es)')));
  await page.clock.fastForward('04:10');
  const stillThere = page.getByRole('alertdialog', { name: es.idle.title });
  await expect(stillThere).toBeVisible();
  found.push(...(await seriousViolations(page, 'still there (es)')));
  await stillThere.getByRole('button', { name: es.idle.stay }).click();
  await expect(stillThere).toBeHidden();
  await page.getByRole('button', { name: 'Cerrar sesión' }).click();
  await expect(page.getByRole('heading', { name: 'Hola, Lucía Ortega' })).toBeHidden();
  // The badge is still in front of the camera, so the fresh scan screen may already have read it
  // again: either way the next screen is in Spanish.
  await expect(
    page.getByRole('heading', { name: /^(Escanee su credencial|Introduzca su PIN)$/ }),
  ).toBeVisible();
  expect(found).toEqual([]);
});

test('the language switch on the scan screen changes every word, and sign-out returns to the phone language', async ({
  provisionWorker,
  openKiosk,
}) => {
  const worker = await provisionWorker('Mateo Ruiz');
  // A blank camera first: the switch is used before the badge is shown.
  const page = await openKiosk({ badge: null, locale: 'en-US' });
  await expect(page.getByRole('heading', { name: 'Scan your badge' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'English' })).toHaveAttribute('aria-pressed', 'true');

  await page.getByRole('button', { name: 'Español' }).click();
  await expect(page.getByRole('heading', { name: 'Escanee su credencial' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Español' })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.locator('html')).toHaveAttribute('lang', 'es');
  // The pick lasts through a reload while this person uses the phone.
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Escanee su credencial' })).toBeVisible();

  // Sign in through the API in this browser (the camera shows nothing), then sign out on the kiosk.
  await signInWithOwnPin(page, worker);
  await page.reload();
  await page.getByRole('button', { name: 'Cerrar sesión' }).click();
  await expect(page.getByRole('heading', { name: 'Scan your badge' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
});
