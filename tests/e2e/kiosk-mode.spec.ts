/**
 * Kiosk mode on a real browser against the real server: a manager sets the phone up as a kiosk, workers
 * sign in on it with the device binding, the key survives a reload and cannot be exported, a revoked
 * device is refused at once, and a manager leaves kiosk mode (remove, or suspend).
 *
 * The fake camera plays the MANAGER's badge for the whole launch; workers type their badge code. The
 * camera permission is taken away whenever the kiosk must stay on its scan screen (else it would read
 * the manager's badge again at once) and given back for the manager's exit scan.
 * Every device made here is revoked at the end: devices enforce nothing by themselves, and no policy is
 * created, so other journeys on the shared server are not affected.
 */
import type { Page } from '@playwright/test';
import { expect, SCAN_TIMEOUT, signInToHome, test } from './fixtures.js';
import {
  MANAGER_PIN,
  KIOSK_NAME,
  storedEnrolment,
  databaseNames,
  deviceStatus,
  signInLogs,
  expectNoSeriousViolations,
  typeBadgeCode,
  enrolKiosk,
  revokeQuietly,
} from './kiosk-device.js';

test('without a signed-in manager, the set-up page explains and leads back to the kiosk', async ({
  openKiosk,
}) => {
  const page = await openKiosk({ badge: null });
  await page.goto('/manager/kiosk');
  await expect(page.getByText('Only a signed-in manager can set up a kiosk.')).toBeVisible();
  await expectNoSeriousViolations(page, 'kiosk set-up, signed out');
  await page.getByRole('link', { name: 'Scan your manager badge' }).click();
  await expect(page.getByRole('heading', { name: 'Scan your badge' })).toBeVisible();
});

test('a Spanish phone explains the set-up page in Spanish', async ({ openKiosk }) => {
  const page = await openKiosk({ badge: null, locale: 'es-ES' });
  await page.goto('/manager/kiosk');
  await expect(page.getByRole('heading', { name: 'Configurar este teléfono como quiosco' })).toBeVisible();
  await expect(
    page.getByText('Solo un responsable con la sesión iniciada puede configurar un quiosco.'),
  ).toBeVisible();
  await expect(page.getByRole('link', { name: 'Escanear su credencial de responsable' })).toBeVisible();
  await expectNoSeriousViolations(page, 'kiosk set-up, signed out, es');
});

test('a manager sets the phone up as a kiosk; a worker of the store signs in on it and the log names the device', async ({
  adminApi,
  provisionWorker,
  openKiosk,
}) => {
  let deviceId: string | undefined;
  try {
    const kiosk = await enrolKiosk({ adminApi, provisionWorker, openKiosk }, 'Enrol', {
      checkAccessibility: true,
    });
    deviceId = kiosk.deviceId;
    const { page, worker, manager } = kiosk;
    await expectNoSeriousViolations(page, 'kiosk-mode scan screen');
    // The manager was signed out by the set-up, as at any kiosk sign-out.
    expect((await page.context().cookies()).filter((c) => c.name.includes('session'))).toEqual([]);
    expect(await deviceStatus(adminApi, deviceId)).toBe('active');

    await typeBadgeCode(page, worker);
    await signInToHome(page, worker);
    const [latest] = await signInLogs(adminApi, `userId=${worker.id}`);
    expect(latest).toMatchObject({ result: 'success', deviceId });
    // The manager's own enrolling sign-in came from a plain browser: no device then.
    const [managerSignIn] = await signInLogs(adminApi, `userId=${manager.id}`);
    expect(managerSignIn).toMatchObject({ result: 'success', deviceId: null });

    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(page.getByText(`Kiosk: ${KIOSK_NAME}`)).toBeVisible();
    expect(await databaseNames(page)).toContain('shiftpass-device');
  } finally {
    await revokeQuietly(adminApi, deviceId);
  }
});

test('the device key survives a reload and no script can export its private half', async ({
  adminApi,
  provisionWorker,
  openKiosk,
}) => {
  let deviceId: string | undefined;
  try {
    const kiosk = await enrolKiosk({ adminApi, provisionWorker, openKiosk }, 'Reload');
    deviceId = kiosk.deviceId;
    const { page, worker } = kiosk;

    await page.reload();
    await expect(page.getByText(`Kiosk: ${KIOSK_NAME} · ${kiosk.storeName}`)).toBeVisible();
    expect((await storedEnrolment(page))?.deviceId).toBe(deviceId);

    const exported = await page.evaluate(async () => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const req = indexedDB.open('shiftpass-device');
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
      const pair = await new Promise<CryptoKeyPair>((resolve, reject) => {
        const req = db.transaction('device').objectStore('device').get('keyPair');
        req.onsuccess = () => resolve(req.result as CryptoKeyPair);
        req.onerror = () => reject(req.error);
      });
      db.close();
      const facts = {
        isCryptoKey: pair.privateKey instanceof CryptoKey,
        extractable: pair.privateKey.extractable,
        algorithm: (pair.privateKey.algorithm as EcKeyAlgorithm).namedCurve,
      };
      try {
        await crypto.subtle.exportKey('jwk', pair.privateKey);
        return { ...facts, rejected: false, error: null };
      } catch (error) {
        return { ...facts, rejected: true, error: (error as DOMException).name };
      }
    });
    expect(exported).toEqual({
      isCryptoKey: true,
      extractable: false,
      algorithm: 'P-256',
      rejected: true,
      error: 'InvalidAccessError',
    });

    await typeBadgeCode(page, worker);
    await signInToHome(page, worker);
    const [latest] = await signInLogs(adminApi, `userId=${worker.id}`);
    expect(latest).toMatchObject({ result: 'success', deviceId });
  } finally {
    await revokeQuietly(adminApi, deviceId);
  }
});

test('a device revoked in the console is refused at the next sign-in, its attestation still valid', async ({
  adminApi,
  provisionWorker,
  openKiosk,
}) => {
  const kiosk = await enrolKiosk({ adminApi, provisionWorker, openKiosk }, 'Revoked');
  const { page, worker, deviceId } = kiosk;
  const revoked = await adminApi.post(`/api/admin/devices/${deviceId}/revoke`, { data: {} });
  expect(revoked.status()).toBe(200);

  await typeBadgeCode(page, worker);
  await page.getByLabel('PIN', { exact: true }).fill(worker.pin);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).toHaveText(
    'This phone is no longer set up as a kiosk. Ask a manager.',
  );
  await page.screenshot({ path: test.info().outputPath('revoked-refusal.png'), fullPage: true });
  await expect(page.getByRole('heading', { name: `Hello, ${worker.displayName}` })).toBeHidden();
  // The device is checked before the badge: the refusal names the device (the worker is not looked up).
  const [latest] = await signInLogs(adminApi, `deviceId=${deviceId}`);
  expect(latest).toMatchObject({ result: 'failure', failureCode: 'DEVICE_REVOKED', deviceId });
  // The phone forgets the binding the server no longer honours.
  await expect.poll(() => databaseNames(page)).not.toContain('shiftpass-device');
});

/** From the kiosk's scan screen: the manager's exit, up to the choice. */
async function managerExitToChoice(page: Page) {
  await page.getByRole('button', { name: 'Manager: exit kiosk mode' }).click();
  await expect(page.getByRole('heading', { name: 'Manager: scan your badge' })).toBeVisible();
  // Only now the camera: given earlier, the worker scan screen could read the manager's badge first.
  await page.context().grantPermissions(['camera']);
  const pinHeading = page.getByRole('heading', { name: 'Manager: enter your PIN' });
  const tryAgain = page.getByRole('button', { name: 'Try the camera again' });
  await expect(pinHeading.or(tryAgain)).toBeVisible({ timeout: SCAN_TIMEOUT });
  // The camera was refused when the exit scan opened; Chromium may or may not retry by itself.
  if (await tryAgain.isVisible()) await tryAgain.click().catch(() => undefined);
  await expect(pinHeading).toBeVisible({ timeout: SCAN_TIMEOUT });
  await expectNoSeriousViolations(page, 'exit kiosk mode: PIN');
  await page.getByLabel('PIN', { exact: true }).fill(MANAGER_PIN);
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('heading', { name: 'Exit kiosk mode' })).toBeVisible();
  await expectNoSeriousViolations(page, 'exit kiosk mode: choice');
  // What follows must stay on screen, not read the manager's badge again.
  await page.context().clearPermissions();
}

test('a manager removes kiosk mode with their badge and PIN: the device database is gone, the plain kiosk shows', async ({
  adminApi,
  provisionWorker,
  openKiosk,
}) => {
  let deviceId: string | undefined;
  try {
    const kiosk = await enrolKiosk({ adminApi, provisionWorker, openKiosk }, 'Unenrol');
    deviceId = kiosk.deviceId;
    const { page } = kiosk;

    // Cancel goes back to the scan screen, still a kiosk.
    await page.getByRole('button', { name: 'Manager: exit kiosk mode' }).click();
    await expect(page.getByRole('heading', { name: 'Manager: scan your badge' })).toBeVisible();
    await expectNoSeriousViolations(page, 'exit kiosk mode: scan');
    await page.getByRole('button', { name: 'Cancel' }).click();
    await expect(page.getByText(`Kiosk: ${KIOSK_NAME}`)).toBeVisible();

    await managerExitToChoice(page);
    await page.getByRole('button', { name: 'Remove kiosk mode from this phone' }).click();

    await expect(page.getByRole('heading', { name: 'Scan your badge' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Manager: exit kiosk mode' })).toHaveCount(0);
    await expect(page.getByText('Kiosk:')).toHaveCount(0);
    expect(await databaseNames(page)).not.toContain('shiftpass-device');
    expect(await deviceStatus(adminApi, deviceId)).toBe('revoked');
  } finally {
    await revokeQuietly(adminApi, deviceId);
  }
});

test('a manager suspends the kiosk: it says so until resumed in the console, then takes sign-ins again', async ({
  adminApi,
  provisionWorker,
  openKiosk,
}) => {
  let deviceId: string | undefined;
  try {
    const kiosk = await enrolKiosk({ adminApi, provisionWorker, openKiosk }, 'Suspend');
    deviceId = kiosk.deviceId;
    const { page, worker } = kiosk;

    await managerExitToChoice(page);
    await page.getByRole('button', { name: 'Suspend this kiosk' }).click();
    await expect(page.getByRole('heading', { name: 'This kiosk is suspended' })).toBeVisible();
    await expectNoSeriousViolations(page, 'suspended kiosk');
    expect(await deviceStatus(adminApi, deviceId)).toBe('suspended');
    await expect(page.getByRole('button', { name: 'Manager: exit kiosk mode' })).toBeVisible();
    expect((await storedEnrolment(page))?.deviceId).toBe(deviceId);

    // Still suspended: checking again changes nothing.
    const checkAgain = page.getByRole('button', { name: 'Check again' });
    await checkAgain.click();
    // The check is over when the button is back; the kiosk still says it is suspended.
    await expect(checkAgain).toBeEnabled();
    await expect(page.getByRole('heading', { name: 'This kiosk is suspended' })).toBeVisible();

    const resumed = await adminApi.patch(`/api/admin/devices/${deviceId}`, { data: { status: 'active' } });
    expect(resumed.status()).toBe(200);
    await checkAgain.click();
    await expect(page.getByText(`Kiosk: ${KIOSK_NAME}`)).toBeVisible();
    await typeBadgeCode(page, worker);
    await signInToHome(page, worker);
    const [latest] = await signInLogs(adminApi, `userId=${worker.id}`);
    expect(latest).toMatchObject({ result: 'success', deviceId });
  } finally {
    await revokeQuietly(adminApi, deviceId);
  }
});
