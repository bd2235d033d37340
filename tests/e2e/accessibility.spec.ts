/** WCAG 2.2 AA checks with axe-core on every kiosk screen a worker sees. */
import { seriousViolations } from './axe.js';
import { messagesFor } from '../../src/lib/i18n/catalogue.js';
import { pickLocale } from '../../src/lib/i18n/locale.js';
import { expect, SCAN_TIMEOUT, test } from './fixtures.js';

for (const locale of ['en-US', 'es-ES']) {
  const m = messagesFor(pickLocale([locale]));

  test(`[${locale}] scan, PIN, change-PIN, home and "Still there?" screens have no serious accessibility violations`, async ({
    provisionWorker,
    openKiosk,
  }) => {
    const worker = await provisionWorker('Gil Axe');
    const page = await openKiosk({ badge: worker.rawContent, locale });
    const found: string[] = [];

    await expect(page.getByRole('heading', { name: m.pin.title })).toBeVisible({ timeout: SCAN_TIMEOUT });
    found.push(...(await seriousViolations(page, 'PIN')));
    await page.getByLabel(m.pin.label, { exact: true }).fill(worker.pin);
    await page.getByRole('button', { name: m.pin.signIn }).click();

    await expect(page.getByRole('heading', { name: m.changePin.title })).toBeVisible();
    found.push(...(await seriousViolations(page, 'change PIN')));
    await page.clock.install();
    await page.getByLabel(m.changePin.newPin, { exact: true }).fill('58203917');
    await page.getByLabel(m.changePin.confirmPin).fill('58203917');
    await page.getByRole('button', { name: m.changePin.save }).click();

    await expect(page.getByRole('heading', { name: m.home.hello('Gil Axe') })).toBeVisible();
    found.push(...(await seriousViolations(page, 'home')));
    await page.clock.fastForward('04:10');
    await expect(page.getByRole('alertdialog', { name: m.idle.title })).toBeVisible();
    found.push(...(await seriousViolations(page, 'still there')));

    expect(found).toEqual([]);
  });

  test(`[${locale}] the scan screen and its camera-blocked message have no serious accessibility violations`, async ({
    openKiosk,
  }) => {
    const page = await openKiosk({ badge: null, camera: false, locale });
    await expect(page.getByRole('button', { name: m.scan.tryAgain })).toBeVisible();
    expect(await seriousViolations(page, 'scan, camera blocked')).toEqual([]);
  });
}
