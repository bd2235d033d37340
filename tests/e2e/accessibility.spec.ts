/** WCAG 2.2 AA checks with axe-core on every kiosk screen a worker sees. */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, SCAN_TIMEOUT, test } from './fixtures.js';

async function seriousViolations(page: Page, screen: string) {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${screen}: ${v.id} (${v.impact}) on ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

test('scan, PIN, change-PIN, home and "Still there?" screens have no serious accessibility violations', async ({
  provisionWorker,
  openKiosk,
}) => {
  const worker = await provisionWorker('Gil Axe');
  const page = await openKiosk({ badge: worker.rawContent });
  const found: string[] = [];

  await expect(page.getByRole('heading', { name: 'Enter your PIN' })).toBeVisible({ timeout: SCAN_TIMEOUT });
  found.push(...(await seriousViolations(page, 'PIN')));
  await page.getByLabel('PIN', { exact: true }).fill(worker.pin);
  await page.getByRole('button', { name: 'Sign in' }).click();

  await expect(page.getByRole('heading', { name: 'Choose your own PIN' })).toBeVisible();
  found.push(...(await seriousViolations(page, 'change PIN')));
  await page.clock.install();
  await page.getByLabel('New PIN', { exact: true }).fill('58203917');
  await page.getByLabel('Confirm new PIN').fill('58203917');
  await page.getByRole('button', { name: 'Save PIN' }).click();

  await expect(page.getByRole('heading', { name: 'Hello, Gil Axe' })).toBeVisible();
  found.push(...(await seriousViolations(page, 'home')));
  await page.clock.fastForward('04:10');
  await expect(page.getByRole('alertdialog', { name: 'Still there?' })).toBeVisible();
  found.push(...(await seriousViolations(page, 'still there')));

  expect(found).toEqual([]);
});

test('the scan screen and its camera-blocked message have no serious accessibility violations', async ({
  openKiosk,
}) => {
  const page = await openKiosk({ badge: null, camera: false });
  await expect(page.getByRole('button', { name: 'Try the camera again' })).toBeVisible();
  expect(await seriousViolations(page, 'scan, camera blocked')).toEqual([]);
});
