/**
 * A hardware barcode scanner in keyboard-wedge mode (Zebra DataWedge, Honeywell): the badge payload
 * arrives as keystrokes a few milliseconds apart, then Enter, with no field focused. Playwright types it
 * at that speed; the fake camera shows a blank frame, so whatever is read here came from the keys.
 */
import type { Page } from '@playwright/test';
import { expect, test, type ProvisionedWorker } from './fixtures.js';
import {
  addStore,
  expectNoSeriousViolations,
  KIOSK_NAME,
  MANAGER_PIN,
  revokeQuietly,
  storedEnrolment,
} from './kiosk-device.js';

/** Keys this far apart are a scanner's (the recogniser takes a median gap of up to 50 ms). */
const SCANNER_DELAY_MS = 5;
/** A person typing: far slower than any scanner. */
const PERSON_DELAY_MS = 90;

async function scan(page: Page, payload: string, delay = SCANNER_DELAY_MS) {
  await page.keyboard.type(`${payload}\n`, { delay });
}

/**
 * The kiosk at phone size, its scan screen up and its camera running. Playwright sends each key only
 * after the page took the one before, so while the camera starts (the page busy for a moment) its keys
 * come slower than a scanner's, which queue in the browser whatever the page does.
 */
async function openScanScreen(
  openKiosk: (options: { badge: null; locale?: string }) => Promise<Page>,
  locale?: string,
) {
  const page = await openKiosk({ badge: null, locale });
  await page.setViewportSize({ width: 390, height: 844 });
  await cameraRunning(page);
  return page;
}

async function cameraRunning(page: Page) {
  await expect
    .poll(() =>
      page.evaluate(
        () => (document.querySelector('#viewfinder video') as HTMLVideoElement | null)?.readyState ?? 0,
      ),
    )
    .toBeGreaterThanOrEqual(2);
}

test('a badge typed by a scanner signs the worker in; the PIN field still takes typed digits', async ({
  provisionWorker,
  openKiosk,
}) => {
  const worker = await provisionWorker('Wanda Wedge');
  const page = await openScanScreen(openKiosk);
  await expect(page.getByRole('heading', { name: 'Scan your badge' })).toBeVisible();
  // The scanner's Enter does not press the focused button: the scan goes on to the PIN.
  await page.getByRole('button', { name: 'Type code instead' }).focus();

  await scan(page, worker.rawContent);
  await expect(page.getByRole('heading', { name: 'Enter your PIN' })).toBeVisible();
  await expect(page.getByText(worker.rawContent)).toHaveCount(0);
  expect(await page.getByLabel('PIN', { exact: true }).inputValue()).toBe('');

  // Digits typed fast into the PIN field are the PIN, as before.
  await page.getByLabel('PIN', { exact: true }).click();
  await page.keyboard.type(`${worker.pin}\n`, { delay: SCANNER_DELAY_MS });
  await expect(page.getByRole('heading', { name: 'Choose your own PIN' })).toBeVisible();
  await page.getByLabel('New PIN', { exact: true }).fill('58203917');
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByLabel('Confirm new PIN').fill('58203917');
  await page.getByRole('button', { name: 'Save PIN' }).click();
  await expect(page.getByRole('heading', { name: 'Hello, Wanda Wedge' })).toBeVisible();
});

test('the badge typed at a person’s speed does nothing; garbage or half a badge at scanner speed gets the bad-scan words', async ({
  provisionWorker,
  openKiosk,
}) => {
  const worker = await provisionWorker('Sam Slow');
  const page = await openScanScreen(openKiosk);
  await expect(page.getByRole('heading', { name: 'Scan your badge' })).toBeVisible();

  await scan(page, worker.rawContent, PERSON_DELAY_MS);
  // Had the slow keys been taken for a scan, the PIN screen would be showing, not these words.
  await scan(page, '4006381333931');
  const notRecognized = 'This badge is not recognized. Ask your manager for a new badge.';
  await expect(page.getByRole('alert')).toHaveText(notRecognized);
  await expect(page.getByRole('heading', { name: 'Scan your badge' })).toBeVisible();
  await expect(page.getByLabel('PIN', { exact: true })).toHaveCount(0);
  await expectNoSeriousViolations(page, 'hardware scanner bad scan');

  await page.reload();
  await cameraRunning(page);
  await scan(page, worker.rawContent.slice(0, 30));
  await expect(page.getByRole('alert')).toHaveText(notRecognized);

  // Another installation's badge: the words a camera scan of it gets.
  await scan(page, worker.rawContent.replace(/^SP1:[A-Z0-9]+:/, 'SP1:OTHERSITE:'));
  await expect(page.getByRole('alert')).toHaveText(/belongs to another organization/);
  await expect(page.getByText('SP1:', { exact: false })).toHaveCount(0);
});

test('a badge scanned while the code field has the focus goes on to the PIN, not into the field', async ({
  provisionWorker,
  openKiosk,
}) => {
  const worker = await provisionWorker('Cody Field');
  const page = await openScanScreen(openKiosk);
  await page.getByRole('button', { name: 'Type code instead' }).click();
  await expect(page.getByLabel('Badge code')).toBeFocused();
  await scan(page, worker.rawContent);
  await expect(page.getByRole('heading', { name: 'Enter your PIN' })).toBeVisible();
  await page.getByRole('button', { name: 'Scan a different badge' }).click();
  await page.getByRole('button', { name: 'Type code instead' }).click();
  await expect(page.getByLabel('Badge code')).toHaveValue('');
});

test('a Spanish kiosk says why a scanned label is not a badge, in Spanish', async ({ openKiosk }) => {
  const page = await openScanScreen(openKiosk, 'es-ES');
  await expect(page.getByRole('heading', { name: 'Escanee su credencial' })).toBeVisible();
  await scan(page, 'PRODUCT-12345');
  await expect(page.getByRole('alert')).toHaveText(
    'No se reconoce esta credencial. Pida una nueva a su responsable.',
  );
  await page.screenshot({ path: test.info().outputPath('hardware-scanner-bad-scan-es.png'), fullPage: true });
});

/** The manager signs in by scanner and sets the phone up as the kiosk of their store. */
async function enrolByScanner(page: Page, manager: ProvisionedWorker, storeName: string) {
  await expect(page.getByRole('heading', { name: 'Scan your badge' })).toBeVisible();
  await scan(page, manager.rawContent);
  await page.getByLabel('PIN', { exact: true }).fill(manager.pin);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByLabel('New PIN', { exact: true }).fill(MANAGER_PIN);
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByLabel('Confirm new PIN').fill(MANAGER_PIN);
  await page.getByRole('button', { name: 'Save PIN' }).click();
  await page.getByRole('link', { name: 'Set up this phone as a kiosk' }).click();
  await page.getByLabel('Kiosk name').fill(KIOSK_NAME);
  await page.getByLabel('Store').selectOption({ label: storeName });
  await page.getByRole('button', { name: 'Set up kiosk' }).click();
  await expect(page.getByText(`Kiosk: ${KIOSK_NAME} · ${storeName}`)).toBeVisible();
  await cameraRunning(page);
}

test('a manager leaves kiosk mode by scanning their badge with the scanner', async ({
  adminApi,
  provisionWorker,
  openKiosk,
}) => {
  const storeName = `Wedge ${test.info().testId}.${test.info().repeatEachIndex}`;
  const storeId = await addStore(adminApi, storeName);
  const manager = await provisionWorker('Wedge Manager', { groupIds: [storeId], role: 'manager' });
  const page = await openScanScreen(openKiosk);
  let deviceId: string | undefined;
  try {
    await enrolByScanner(page, manager, storeName);
    deviceId = (await storedEnrolment(page))?.deviceId;
    expect(deviceId).toBeTruthy();

    await page.getByRole('button', { name: 'Manager: exit kiosk mode' }).click();
    await expect(page.getByRole('heading', { name: 'Manager: scan your badge' })).toBeVisible();
    await cameraRunning(page);
    await scan(page, 'not a badge at all');
    await expect(page.getByRole('alert')).toHaveText(
      'This badge is not recognized. Ask your manager for a new badge.',
    );
    await scan(page, manager.rawContent);
    await expect(page.getByRole('heading', { name: 'Manager: enter your PIN' })).toBeVisible();
    await page.getByLabel('PIN', { exact: true }).fill(MANAGER_PIN);
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('button', { name: 'Remove kiosk mode from this phone' }).click();
    await expect(page.getByRole('heading', { name: 'Scan your badge' })).toBeVisible();
    await expect(page.getByText('Kiosk:')).toHaveCount(0);
  } finally {
    await revokeQuietly(adminApi, deviceId);
  }
});
