/**
 * The typed fallback: when the camera cannot read a badge (or there is no camera), the worker types
 * the short code printed under the QR image, then the PIN, as with a scanned badge.
 */
import { seriousViolations } from './axe.js';
import type { Page } from '@playwright/test';
import { messagesFor } from '../../src/lib/i18n/catalogue.js';
import { pickLocale } from '../../src/lib/i18n/locale.js';
import { expect, signInToHome, test } from './fixtures.js';

const m = messagesFor('en');

/** Sign-in requests the page sends, to show which refusals never reach the server. */
function countSignIns(page: Page): () => number {
  let count = 0;
  page.on('request', (request) => {
    if (request.url().endsWith('/api/auth/qr-pin/sign-in')) count += 1;
  });
  return () => count;
}

test('with a blank camera, a worker types the badge code as they read it, then the PIN, and signs in', async ({
  provisionWorker,
  openKiosk,
}) => {
  const worker = await provisionWorker('Dara Typed');
  const page = await openKiosk({ badge: null });
  await expect(page.getByRole('heading', { name: m.scan.title })).toBeVisible();

  await page.getByRole('button', { name: 'Type code instead' }).click();
  await expect(page.getByRole('heading', { name: 'Type the code on your badge' })).toBeVisible();
  const field = page.getByLabel('Badge code');
  await expect(field).toBeFocused();
  await expect(field).toHaveAttribute('autocapitalize', 'characters');
  await expect(field).toHaveAttribute('autocomplete', 'off');
  await expect(field).toHaveAttribute('spellcheck', 'false');
  // Lower case, a space for the dash: how a person types "7KQ4M-2XJ9P" on a phone.
  await field.pressSequentially(worker.shortCode.toLowerCase().replace('-', ' '));
  await page.getByRole('button', { name: 'Next' }).click();

  await expect(page.getByRole('heading', { name: m.pin.title })).toBeVisible();
  const wrongPin = worker.pin === '24681357' ? '24681359' : '24681357';
  await page.getByLabel('PIN', { exact: true }).fill(wrongPin);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).toHaveText('That PIN is not right. 9 tries left.');

  // The forced PIN change of a first sign-in, then home.
  await signInToHome(page, worker);
  const session = await page.request.get('/api/auth/session');
  expect(session.status()).toBe(200);
  expect((await session.json()).user.displayName).toBe('Dara Typed');

  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('heading', { name: m.scan.title })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Type code instead' })).toBeVisible();
});

test('with the camera blocked, a mistyped code is caught on the phone and an unknown one by the server', async ({
  openKiosk,
}) => {
  const page = await openKiosk({ badge: null, camera: false });
  const signIns = countSignIns(page);
  // The camera cannot start, and typing is still offered.
  await expect(page.getByRole('button', { name: m.scan.tryAgain })).toBeVisible();
  // Both screens have no serious accessibility violations (axe, WCAG 2.2 AA); in Spanish: below.
  const found = await seriousViolations(page, 'scan, camera blocked');
  await page.getByRole('button', { name: 'Type code instead' }).click();
  await expect(page.getByRole('heading', { name: m.typeCode.title })).toBeVisible();

  const field = page.getByLabel('Badge code');
  // Next on an empty field: the product's words under it, never the browser's own bubble.
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(page.getByRole('alert')).toHaveText(m.typeCode.empty);
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  await field.pressSequentially('7kq4m 2xj9');
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(page.getByRole('alert')).toHaveText(m.typeCode.invalid);
  found.push(...(await seriousViolations(page, 'type code')));
  expect(found).toEqual([]);
  expect(signIns()).toBe(0);

  // Ten characters, but no badge has them: the server says so after the PIN, like an unknown badge.
  await field.fill('zzzzz zzzzz');
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).toHaveText(m.pin.empty);
  await expect(page.getByLabel('PIN', { exact: true })).toHaveAttribute('aria-invalid', 'true');
  expect(signIns()).toBe(0);
  await page.getByLabel('PIN', { exact: true }).fill('58203917');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).toHaveText(
    'This code is not recognized. Check it against your badge and type it again, or ask your manager.',
  );
  expect(signIns()).toBe(1);
  // Back on the code, as typed, to compare with the badge.
  await expect(page.getByRole('heading', { name: 'Type the code on your badge' })).toBeVisible();
  await expect(field).toHaveValue('zzzzz zzzzz');
  expect(await page.context().cookies()).toEqual([]);

  await page.getByRole('button', { name: 'Scan instead' }).click();
  await expect(page.getByRole('heading', { name: m.scan.title })).toBeVisible();
  await expect(page.getByRole('alert')).toContainText(m.camera.denied);
  await expect(page.getByRole('button', { name: 'Type code instead' })).toBeVisible();
});

test('[es-ES] the scan screen with the camera blocked and the type-code screen have no serious accessibility violations', async ({
  openKiosk,
}) => {
  const words = messagesFor(pickLocale(['es-ES']));
  const page = await openKiosk({ badge: null, camera: false, locale: 'es-ES' });
  await expect(page.getByRole('button', { name: words.scan.tryAgain })).toBeVisible();
  const found = await seriousViolations(page, 'scan, camera blocked');
  await page.getByRole('button', { name: words.typeCode.instead }).click();
  await expect(page.getByRole('heading', { name: words.typeCode.title })).toBeVisible();
  await page.getByRole('button', { name: words.typeCode.next }).click();
  await expect(page.getByRole('alert')).toHaveText(words.typeCode.empty);
  await page.getByLabel(words.typeCode.label).fill('123');
  await page.getByRole('button', { name: words.typeCode.next }).click();
  await expect(page.getByRole('alert')).toHaveText(words.typeCode.invalid);

  found.push(...(await seriousViolations(page, 'type code')));
  expect(found).toEqual([]);
});
