/**
 * Step-up by a manager on a 390×844 phone: a policy needs a second factor for the workers of one store
 * ("the cash office needs a manager"); the worker's real badge on the fake camera and their PIN bring
 * "A manager must confirm this sign-in"; the manager's own real badge on the same camera and their PIN
 * sign the worker in (through the first sign-in's PIN change) to their home screen. The sign-in log
 * names both people. In English and Spanish, each screen screenshotted and checked with axe.
 *
 * The phone is a Chromium of this file's own: its fake camera plays a video file this test rewrites
 * between the two badges (written beside and renamed over, while no camera is running; Chromium opens
 * the file again when the manager's scan starts the camera). The policy names only this test's store
 * (the e2e server is shared) and is deleted at the end.
 */
import { chromium, type APIRequestContext, type Browser, type Page } from '@playwright/test';
import { mkdtempSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SignInLogView } from '../../server/contracts/logs.js';
import { messagesFor } from '../../src/lib/i18n/catalogue.js';
import { findChromium } from '../../scripts/find-chromium.js';
import { writeBadgeVideo } from '../support/fake-camera.js';
import { seriousViolations } from './axe.js';
import { CHROMIUM_ARGS, expect, SCAN_TIMEOUT, test } from './fixtures.js';
import { addStore, signInLogs } from './kiosk-device.js';

const PHONE = { width: 390, height: 844 };
const NEW_PIN = '58203917';
const CA = '/api/admin/conditional-access';

/** A phone whose camera shows what `show` last wrote. */
async function phoneWithCamera(locale: string, baseURL: string) {
  const dir = mkdtempSync(join(tmpdir(), 'shiftpass-step-up-'));
  const video = join(dir, 'camera.y4m');
  const show = (badge: string | null) => {
    writeBadgeVideo(`${video}.next`, badge);
    renameSync(`${video}.next`, video);
  };
  show(null);
  const browser: Browser = await chromium.launch({
    executablePath: findChromium(),
    args: [
      ...CHROMIUM_ARGS,
      '--use-fake-device-for-media-stream',
      `--use-file-for-fake-video-capture=${video}`,
    ],
  });
  const context = await browser.newContext({
    baseURL,
    locale,
    viewport: PHONE,
    permissions: ['camera'],
  });
  const page = await context.newPage();
  const close = async () => {
    await browser.close();
    rmSync(dir, { recursive: true, force: true });
  };
  return { page, show, close };
}

async function screen(page: Page, name: string) {
  await page.screenshot({ path: test.info().outputPath(`${name}.png`) });
  expect(await seriousViolations(page, name)).toEqual([]);
}

async function cashOfficePolicy(adminApi: APIRequestContext, storeId: string, storeName: string) {
  const res = await adminApi.post(`${CA}/policies`, {
    data: {
      displayName: `Cash office needs a manager (${storeName})`,
      state: 'enabled',
      grant: 'requireSecondFactor',
      conditions: { roles: { include: ['worker'] }, groups: { include: [storeId] } },
    },
  });
  expect(res.status(), await res.text()).toBe(201);
  return ((await res.json()) as { id: string }).id;
}

for (const language of ['en', 'es'] as const) {
  test(`${language}: a manager of the store confirms a worker's sign-in on the same phone, and the log names both`, async ({
    adminApi,
    provisionWorker,
    baseURL,
  }) => {
    const m = messagesFor(language);
    const storeName = `Porto ${language.toUpperCase()} ${Date.now() % 100_000}`;
    const storeId = await addStore(adminApi, storeName);
    const worker = await provisionWorker('Ana Costa', { groupIds: [storeId] });
    const manager = await provisionWorker('Maria Lopes', { groupIds: [storeId], role: 'manager' });
    const policyId = await cashOfficePolicy(adminApi, storeId, storeName);
    const phone = await phoneWithCamera(language === 'es' ? 'es-ES' : 'en-US', baseURL!);
    try {
      const { page, show } = phone;
      show(worker.rawContent);
      await page.goto('/');
      await expect(page.getByRole('heading', { name: m.pin.title })).toBeVisible({ timeout: SCAN_TIMEOUT });
      await page.getByLabel(m.pin.label, { exact: true }).fill(worker.pin);
      await page.getByRole('button', { name: m.pin.signIn }).click();

      await expect(page.getByRole('heading', { name: m.stepUp.title })).toBeVisible();
      await expect(page.getByText(m.stepUp.explanation('Ana Costa'))).toBeVisible();
      await screen(page, `step-up-1-manager-must-confirm-${language}`);

      // The worker's badge leaves the camera; the manager's is shown when the camera starts again.
      show(manager.rawContent);
      await page.getByRole('button', { name: m.managerConfirm.ask }).click();
      await expect(page.getByRole('heading', { name: m.managerConfirm.pinTitle })).toBeVisible({
        timeout: SCAN_TIMEOUT,
      });
      await expect(page.getByText(m.stepUp.confirming('Ana Costa'))).toBeVisible();
      await screen(page, `step-up-2-manager-pin-${language}`);
      await page.getByLabel(m.pin.label, { exact: true }).fill(manager.pin);
      await page.getByRole('button', { name: m.managerConfirm.confirm }).click();

      // The worker's first sign-in: their own PIN, with the one they typed before the manager came.
      await expect(page.getByRole('heading', { name: m.changePin.title })).toBeVisible();
      await page.getByLabel(m.changePin.newPin, { exact: true }).fill(NEW_PIN);
      await page.getByRole('button', { name: m.changePin.next }).click();
      await page.getByLabel(m.changePin.confirmPin).fill(NEW_PIN);
      await page.getByRole('button', { name: m.changePin.save }).click();
      await expect(page.getByRole('heading', { name: m.home.hello('Ana Costa') })).toBeVisible();
      await screen(page, `step-up-3-home-${language}`);

      const [signedIn] = await signInLogs(adminApi, `userId=${worker.id}`);
      expect(signedIn).toMatchObject({
        result: 'success',
        details: { stepUp: { coSignedBy: { id: manager.id, displayName: 'Maria Lopes' } } },
      } satisfies Partial<SignInLogView>);
      const [check] = await signInLogs(adminApi, `userId=${manager.id}`);
      expect(check).toMatchObject({
        result: 'success',
        details: { purpose: 'stepUpApproval', stepUp: { coSignFor: { id: worker.id } } },
      });
    } finally {
      await phone.close();
      await adminApi.delete(`${CA}/policies/${policyId}`);
    }
  });
}

test('Cancel on the manager step leaves nothing: a fresh scan screen, nobody signed in', async ({
  adminApi,
  provisionWorker,
  baseURL,
}) => {
  const m = messagesFor('en');
  const storeName = `Porto cancel ${Date.now() % 100_000}`;
  const storeId = await addStore(adminApi, storeName);
  const worker = await provisionWorker('Rita Cancel', { groupIds: [storeId] });
  const policyId = await cashOfficePolicy(adminApi, storeId, storeName);
  const phone = await phoneWithCamera('en-US', baseURL!);
  try {
    const { page, show } = phone;
    show(worker.rawContent);
    await page.goto('/');
    await expect(page.getByRole('heading', { name: m.pin.title })).toBeVisible({ timeout: SCAN_TIMEOUT });
    await page.getByLabel(m.pin.label, { exact: true }).fill(worker.pin);
    await page.getByRole('button', { name: m.pin.signIn }).click();
    await expect(page.getByRole('heading', { name: m.stepUp.title })).toBeVisible();
    // Nothing on screen leads back: the badge is off the camera before Cancel.
    show(null);
    await page.getByRole('button', { name: m.managerConfirm.cancel }).click();
    await expect(page.getByRole('heading', { name: m.scan.title })).toBeVisible();
    expect((await page.context().cookies()).filter((c) => c.name.includes('session'))).toEqual([]);
    const session = await page.request.get('/api/auth/session');
    expect(session.status()).toBe(401);
  } finally {
    await phone.close();
    await adminApi.delete(`${CA}/policies/${policyId}`);
  }
});
