/**
 * Every kiosk screen on a 390×844 phone, in English and in Spanish (the phone's language): the set-up
 * page without a manager, scan, typed code, a wrong PIN, both steps of the forced PIN change, home, the
 * idle warning and the sign-out it ends in, a manager setting the phone up as a kiosk, the kiosk's scan
 * screen, the manager's exit (scan, then their typed code and PIN up to the choice), and a store app
 * waiting for a sign-in. Each screen is saved to test-results/screens/kiosk-<screen>-390x844[-es].png
 * for people to look at, and checked with axe. The camera shows nothing: badges are typed.
 */
import { request, type Page } from '@playwright/test';
import { createServer } from 'node:net';
import { startSampleApp } from '../../examples/sample-store-app/app.js';
import { messagesFor } from '../../src/lib/i18n/catalogue.js';
import { seriousViolations } from './axe.js';
import { expect, test, type ProvisionedWorker } from './fixtures.js';
import { addStore, KIOSK_NAME, revokeQuietly, storedEnrolment } from './kiosk-device.js';

const PHONE = { width: 390, height: 844 };
const OWN_PIN = '58203917';
type Messages = ReturnType<typeof messagesFor>;

/** A port nobody listens on now (the app is registered with its address before it starts). */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, 'localhost', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Changes `person`'s admin-issued PIN through the API, as a first sign-in would have. */
async function chooseOwnPin(baseURL: string, person: ProvisionedWorker) {
  const api = await request.newContext({ baseURL, extraHTTPHeaders: { origin: baseURL } });
  const signIn = await api.post('/api/auth/qr-pin/sign-in', {
    data: { qr: person.rawContent, pin: person.pin },
  });
  expect(signIn.status()).toBe(200);
  const changed = await api.post('/api/auth/qr-pin/change-pin', {
    data: { currentPin: person.pin, newPin: OWN_PIN },
  });
  expect(changed.status()).toBe(204);
  expect((await api.post('/api/auth/sign-out')).status()).toBe(204);
  await api.dispose();
}

async function typeCode(page: Page, m: Messages, code: string) {
  await page.getByRole('button', { name: m.typeCode.instead }).click();
  await page.getByLabel(m.typeCode.label).fill(code);
  await page.getByRole('button', { name: m.typeCode.next }).click();
}

for (const language of ['en', 'es'] as const) {
  const m = messagesFor(language);
  const suffix = language === 'en' ? '' : '-es';
  const named = language === 'en' ? 'English' : 'Spanish';
  const locale = language === 'en' ? 'en-US' : 'es-MX';

  /** A screenshot for people to look at, and axe's serious violations added to `found`. */
  const lookAt = (found: string[]) => async (page: Page, screen: string) => {
    const name = `kiosk-${screen}-390x844${suffix}`;
    await page.screenshot({ path: `test-results/screens/${name}.png`, fullPage: true });
    found.push(...(await seriousViolations(page, name)));
  };

  test(`a worker's kiosk screens on a phone in ${named}: scan, typed code, a wrong PIN, the PIN change, home, idle`, async ({
    provisionWorker,
    openKiosk,
  }) => {
    const found: string[] = [];
    const look = lookAt(found);
    const worker = await provisionWorker(language === 'en' ? 'Grace Okafor' : 'Lucía Fernández');
    const page = await openKiosk({ badge: null, locale });
    await page.setViewportSize(PHONE);

    await expect(page.getByRole('heading', { name: m.scan.title })).toBeVisible();
    await look(page, 'scan');

    await page.goto('/manager/kiosk');
    await expect(page.getByRole('heading', { name: m.kioskSetup.title })).toBeVisible();
    await look(page, 'setup-no-manager');
    await page.getByRole('link', { name: m.kioskSetup.scanManagerBadge }).click();
    await expect(page.getByRole('heading', { name: m.scan.title })).toBeVisible();

    await page.getByRole('button', { name: m.typeCode.instead }).click();
    await expect(page.getByRole('heading', { name: m.typeCode.title })).toBeVisible();
    await look(page, 'type-code');
    await page.getByLabel(m.typeCode.label).fill(worker.shortCode);
    await page.getByRole('button', { name: m.typeCode.next }).click();

    await page.getByLabel(m.pin.label, { exact: true }).fill('00000000');
    await page.getByRole('button', { name: m.pin.signIn }).click();
    await expect(page.getByRole('alert')).toBeVisible();
    await look(page, 'pin-error');

    await page.getByLabel(m.pin.label, { exact: true }).fill(worker.pin);
    await page.getByRole('button', { name: m.pin.signIn }).click();
    await expect(page.getByRole('heading', { name: m.changePin.title })).toBeVisible();
    await look(page, 'change-pin-step-1');
    await page.getByLabel(m.changePin.newPin, { exact: true }).fill(OWN_PIN);
    await page.getByRole('button', { name: m.changePin.next }).click();
    await expect(page.getByRole('heading', { name: m.changePin.againTitle })).toBeVisible();
    await look(page, 'change-pin-step-2');

    // The idle timers start at sign-in; they run on a clock the test moves.
    await page.clock.install();
    await page.getByLabel(m.changePin.confirmPin).fill(OWN_PIN);
    await page.getByRole('button', { name: m.changePin.save }).click();
    await expect(page.getByRole('heading', { name: m.home.hello(worker.displayName) })).toBeVisible();
    await look(page, 'home');

    await page.clock.fastForward('04:10');
    await expect(page.getByRole('alertdialog', { name: m.idle.title })).toBeVisible();
    await look(page, 'idle-warning');
    // Nobody answers: the kiosk signs the worker out and says why.
    await page.clock.fastForward('01:00');
    await page.clock.resume();
    await expect(page.getByText(m.signOut.idle)).toBeVisible();
    await expect(page.getByRole('heading', { name: m.scan.title })).toBeVisible();
    await look(page, 'signed-out');
    expect(found).toEqual([]);
  });

  test(`a manager's kiosk screens on a phone in ${named}: set-up, the kiosk, the way out, an app waiting`, async ({
    adminApi,
    provisionWorker,
    openKiosk,
    baseURL,
  }, testInfo) => {
    const found: string[] = [];
    const look = lookAt(found);
    const run = `${testInfo.testId.slice(0, 8)}${testInfo.repeatEachIndex}`;
    const storeName = language === 'en' ? `Riverside ${run}` : `Triana ${run}`;
    const storeId = await addStore(adminApi, storeName);
    const manager = await provisionWorker(language === 'en' ? 'Sam Rivers' : 'Marta Jiménez', {
      groupIds: [storeId],
      role: 'manager',
    });
    await chooseOwnPin(baseURL!, manager);
    const page = await openKiosk({ badge: null, locale });
    await page.setViewportSize(PHONE);
    let deviceId: string | undefined;
    let app: Awaited<ReturnType<typeof startSampleApp>> | undefined;
    let clientId: string | undefined;
    try {
      await expect(page.getByRole('heading', { name: m.scan.title })).toBeVisible();
      // A manager sets the phone up as a kiosk of their store.
      await typeCode(page, m, manager.shortCode);
      await page.getByLabel(m.pin.label, { exact: true }).fill(OWN_PIN);
      await page.getByRole('button', { name: m.pin.signIn }).click();
      await expect(page.getByRole('heading', { name: m.home.hello(manager.displayName) })).toBeVisible();
      await look(page, 'home-manager');
      await page.getByRole('link', { name: m.home.setUpKiosk }).click();
      await expect(page.getByRole('heading', { name: m.kioskSetup.title })).toBeVisible();
      await page.getByRole('button', { name: m.kioskSetup.submit }).click();
      await expect(page.getByText(m.kioskSetup.nameRequired)).toBeVisible();
      await look(page, 'setup-errors');
      await page.getByLabel(m.kioskSetup.nameLabel).fill(KIOSK_NAME);
      await page.getByLabel(m.kioskSetup.storeLabel).selectOption({ label: storeName });
      await look(page, 'setup');
      await page.getByRole('button', { name: m.kioskSetup.submit }).click();
      await expect(page.getByText(m.kioskMode.identity(KIOSK_NAME, storeName))).toBeVisible();
      deviceId = (await storedEnrolment(page))?.deviceId;
      await look(page, 'scan-kiosk');

      // The manager's way out, up to the choice, then back.
      await page.getByRole('button', { name: m.kioskMode.exit }).click();
      await expect(page.getByRole('heading', { name: m.kioskMode.exitScanTitle })).toBeVisible();
      await look(page, 'exit-scan');
      await typeCode(page, m, manager.shortCode);
      await expect(page.getByRole('heading', { name: m.kioskMode.exitPinTitle })).toBeVisible();
      await look(page, 'exit-pin');
      await page.getByLabel(m.pin.label, { exact: true }).fill(OWN_PIN);
      await page.getByRole('button', { name: m.kioskMode.continue }).click();
      await expect(page.getByRole('heading', { name: m.kioskMode.chooseTitle })).toBeVisible();
      await look(page, 'exit-choice');
      await page.getByRole('button', { name: m.kioskMode.cancel }).click();
      await expect(page.getByRole('heading', { name: m.scan.title })).toBeVisible();

      // A store app sends someone to the kiosk to sign in.
      const port = await freePort();
      const url = `http://localhost:${port}`;
      const appName = language === 'en' ? `Rota ${run}` : `Turnos ${run}`;
      const registered = await adminApi.post('/api/admin/apps', {
        data: {
          displayName: appName,
          clientType: 'confidential',
          redirectUris: [`${url}/callback`],
          postLogoutRedirectUris: [`${url}/`],
          homeUrl: `${url}/login`,
        },
      });
      expect(registered.status(), await registered.text()).toBe(201);
      const created = (await registered.json()) as { clientId: string; clientSecret: string };
      clientId = created.clientId;
      app = await startSampleApp({
        issuer: `${baseURL}/oidc`,
        clientId,
        clientSecret: created.clientSecret,
        port,
      });
      await page.goto(`${url}/login`);
      await expect(page.getByText(m.appSignIn.waitingFor(appName))).toBeVisible();
      await look(page, 'app-sign-in');

      expect(found).toEqual([]);
    } finally {
      await revokeQuietly(adminApi, deviceId);
      await app?.close();
      if (clientId) await adminApi.delete(`/api/admin/apps/${clientId}`);
    }
  });
}
