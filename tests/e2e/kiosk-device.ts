/**
 * Kiosk-mode journey helpers shared by the kiosk-mode and access-policy journeys: a store with a
 * manager and a worker, the manager setting the phone up as a kiosk through the real pages, and what
 * the page and the admin API say about the device afterwards.
 */
import type { APIRequestContext, Page } from '@playwright/test';
import type { AdminDeviceView } from '../../server/contracts/devices.js';
import type { SignInLogView } from '../../server/contracts/logs.js';
import { seriousViolations } from './axe.js';
import { expect, SCAN_TIMEOUT, signInToHome, test, type ProvisionedWorker } from './fixtures.js';

export const MANAGER_PIN = '58203917';
export const KIOSK_NAME = 'Front till';

export interface EnrolledKiosk {
  page: Page;
  storeName: string;
  manager: ProvisionedWorker;
  worker: ProvisionedWorker;
  deviceId: string;
}

export async function addStore(adminApi: APIRequestContext, displayName: string): Promise<string> {
  const res = await adminApi.post('/api/admin/groups', { data: { displayName } });
  expect(res.status()).toBe(201);
  return ((await res.json()) as { id: string }).id;
}

/** The enrolment record in the device database, read as the page sees it (null when there is none). */
export async function storedEnrolment(page: Page): Promise<{ deviceId: string } | null> {
  return page.evaluate(async () => {
    if (!(await indexedDB.databases()).some((d) => d.name === 'shiftpass-device')) return null;
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('shiftpass-device');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const value = await new Promise<unknown>((resolve, reject) => {
      const req = db.transaction('device').objectStore('device').get('enrolment');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    db.close();
    return (value as { deviceId: string } | undefined) ?? null;
  });
}

export const databaseNames = (page: Page) =>
  page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name));

export async function deviceStatus(adminApi: APIRequestContext, id: string): Promise<string> {
  const res = await adminApi.get(`/api/admin/devices/${id}`);
  expect(res.status()).toBe(200);
  return ((await res.json()) as AdminDeviceView).status;
}

/** Newest first; `filter` is `userId=…` or `deviceId=…`. */
export async function signInLogs(adminApi: APIRequestContext, filter: string): Promise<SignInLogView[]> {
  const res = await adminApi.get(`/api/admin/sign-in-logs?${filter}`);
  expect(res.status()).toBe(200);
  return ((await res.json()) as { value: SignInLogView[] }).value;
}

/** axe on a new screen, and a screenshot of it (test-results/) for a person to look at. */
export async function expectNoSeriousViolations(page: Page, screen: string) {
  await page.screenshot({
    path: test.info().outputPath(`${screen.replace(/\W+/g, '-')}.png`),
    fullPage: true,
  });
  expect(await seriousViolations(page, screen)).toEqual([]);
}

/** A worker types their badge code on the scan screen and reaches the PIN screen. */
export async function typeBadgeCode(page: Page, worker: ProvisionedWorker) {
  await page.getByRole('button', { name: 'Type code instead' }).click();
  await page.getByLabel('Badge code').fill(worker.shortCode);
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(page.getByRole('heading', { name: 'Enter your PIN' })).toBeVisible();
}

/**
 * A store with a manager and a worker; the manager scans their badge, signs in, and sets the phone up
 * as the kiosk "Front till" of the store. Ends on the kiosk's scan screen (camera permission taken away).
 */
export async function enrolKiosk(
  fixtures: {
    adminApi: APIRequestContext;
    provisionWorker: (
      name: string,
      options?: { groupIds?: string[]; role?: 'worker' | 'manager' | 'admin' },
    ) => Promise<ProvisionedWorker>;
    openKiosk: (options: { badge: string | null }) => Promise<Page>;
  },
  label: string,
  options: { checkAccessibility?: boolean } = {},
): Promise<EnrolledKiosk> {
  const { adminApi, provisionWorker, openKiosk } = fixtures;
  const storeName = `${label} ${test.info().testId}.${test.info().repeatEachIndex}`;
  const storeId = await addStore(adminApi, storeName);
  const manager = await provisionWorker(`${label} Manager`, { groupIds: [storeId], role: 'manager' });
  const worker = await provisionWorker(`${label} Worker`, { groupIds: [storeId] });
  const page = await openKiosk({ badge: manager.rawContent });
  await expect(page.getByRole('heading', { name: 'Enter your PIN' })).toBeVisible({ timeout: SCAN_TIMEOUT });
  await signInToHome(page, manager, MANAGER_PIN);

  await page.getByRole('link', { name: 'Set up this phone as a kiosk' }).click();
  await expect(page.getByRole('heading', { name: 'Set up this phone as a kiosk' })).toBeVisible();
  await page.getByLabel('Kiosk name').fill(KIOSK_NAME);
  await page.getByLabel('Store').selectOption({ label: storeName });
  if (options.checkAccessibility) await expectNoSeriousViolations(page, 'kiosk set-up');
  // From here the kiosk must stay on its scan screen, not read the manager's badge again.
  await page.context().clearPermissions();
  await page.getByRole('button', { name: 'Set up kiosk' }).click();

  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole('heading', { name: 'Scan your badge' })).toBeVisible();
  await expect(page.getByText(`Kiosk: ${KIOSK_NAME} · ${storeName}`)).toBeVisible();
  await expect(
    page.getByRole('status').filter({ hasText: `This phone is now the kiosk “${KIOSK_NAME}”` }),
  ).toBeVisible();
  const enrolment = await storedEnrolment(page);
  expect(enrolment?.deviceId).toBeTruthy();
  return { page, storeName, manager, worker, deviceId: enrolment!.deviceId };
}

export async function revokeQuietly(adminApi: APIRequestContext, deviceId: string | undefined) {
  if (deviceId) await adminApi.post(`/api/admin/devices/${deviceId}/revoke`, { data: {} });
}
