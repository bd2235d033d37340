/**
 * The kiosk's language: the phone's (English or Spanish), a worker's pick on the scan screen for their
 * own session, and a kiosk's language that sticks across sign-outs and reloads — its own, chosen at
 * set-up, or its store's, set in the console (src/lib/i18n/README.md has the order).
 */
import { request, type APIRequestContext, type Page } from '@playwright/test';
import { messagesFor } from '../../src/lib/i18n/catalogue.js';
import type { GroupView } from '../../server/contracts/directory.js';
import { seriousViolations } from './axe.js';
import { expect, test } from './console-fixtures.js';
import { SCAN_TIMEOUT, signInWithOwnPin, type ProvisionedWorker } from './fixtures.js';
import { addStore, KIOSK_NAME, revokeQuietly, storedEnrolment } from './kiosk-device.js';

const en = messagesFor('en');
const es = messagesFor('es');
type Messages = typeof en;

/** The PIN the kiosk-language journeys' people chose (through the API) before they reach the kiosk. */
const OWN_PIN = '58203917';

/**
 * Someone of `storeId` whose admin-issued PIN was already changed through the API, as if they had
 * signed in once before: on the kiosk they go straight from their PIN to their home screen.
 */
async function personWithOwnPin(
  provisionWorker: (
    name: string,
    options?: { groupIds?: string[]; role?: 'worker' | 'manager' | 'admin' },
  ) => Promise<ProvisionedWorker>,
  baseURL: string,
  name: string,
  storeId: string,
  role: 'worker' | 'manager' = 'worker',
): Promise<ProvisionedWorker> {
  const person = await provisionWorker(name, { groupIds: [storeId], role });
  const api = await request.newContext({ baseURL, extraHTTPHeaders: { origin: baseURL } });
  const signIn = await api.post('/api/auth/qr-pin/sign-in', {
    data: { qr: person.rawContent, pin: person.pin },
  });
  expect(signIn.status()).toBe(200);
  const change = await api.post('/api/auth/qr-pin/change-pin', {
    data: { currentPin: person.pin, newPin: OWN_PIN },
  });
  expect(change.status()).toBe(204);
  expect((await api.post('/api/auth/sign-out')).status()).toBe(204);
  await api.dispose();
  return person;
}

/** On the kiosk's scan screen in `m`'s language: the typed badge code, the PIN, and the home screen. */
async function signInByCode(page: Page, person: ProvisionedWorker, m: Messages) {
  await page.getByRole('button', { name: m.typeCode.instead }).click();
  await page.getByLabel(m.typeCode.label).fill(person.shortCode);
  await page.getByRole('button', { name: m.typeCode.next }).click();
  await page.getByLabel(m.pin.label, { exact: true }).fill(OWN_PIN);
  await page.getByRole('button', { name: m.pin.signIn }).click();
  await expect(page.getByRole('heading', { name: m.home.hello(person.displayName) })).toBeVisible();
}

/** A screenshot for people to look at (test-results/screens/) and axe's serious violations. */
async function lookAt(page: Page, screen: string): Promise<string[]> {
  await page.screenshot({ path: `test-results/screens/${screen}.png`, fullPage: true });
  return seriousViolations(page, screen);
}

async function storeIdNamed(adminApi: APIRequestContext, name: string): Promise<GroupView> {
  const res = await adminApi.get(`/api/admin/groups?${new URLSearchParams({ search: name })}`);
  expect(res.status()).toBe(200);
  const [store] = ((await res.json()) as { value: GroupView[] }).value;
  expect(store?.displayName).toBe(name);
  return store!;
}

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

test('a kiosk set up in Spanish stays Spanish after each sign-out and a reload; a worker’s English lasts their session only', async ({
  adminApi,
  provisionWorker,
  openKiosk,
  baseURL,
}, testInfo) => {
  const storeName = `Sevilla ${testInfo.testId}.${testInfo.repeatEachIndex}`;
  const storeId = await addStore(adminApi, storeName);
  const manager = await personWithOwnPin(provisionWorker, baseURL!, 'Sevilla Manager', storeId, 'manager');
  const ana = await personWithOwnPin(provisionWorker, baseURL!, 'Ana Sevilla', storeId);
  const luis = await personWithOwnPin(provisionWorker, baseURL!, 'Luis Sevilla', storeId);
  // An English phone; its camera shows nothing, so everyone types their badge code.
  const page = await openKiosk({ badge: null, locale: 'en-US' });
  await page.setViewportSize({ width: 390, height: 844 });
  let deviceId: string | undefined;
  try {
    // The manager reads Spanish for their own session, and gives the kiosk Spanish as its language.
    await page.getByRole('button', { name: 'Español' }).click();
    await signInByCode(page, manager, es);
    await page.getByRole('link', { name: es.home.setUpKiosk }).click();
    await expect(page.getByRole('heading', { name: es.kioskSetup.title })).toBeVisible();
    await page.getByLabel(es.kioskSetup.nameLabel).fill(KIOSK_NAME);
    await page.getByLabel(es.kioskSetup.storeLabel).selectOption({ label: storeName });
    const language = page.getByLabel(es.kioskSetup.languageLabel);
    await expect(language).toHaveValue('');
    await language.selectOption({ label: 'Español' });
    expect(await lookAt(page, 'kiosk-setup-390x844-es')).toEqual([]);
    await page.getByRole('button', { name: es.kioskSetup.submit }).click();

    // The manager's own pick went with their sign-out: the Spanish now is the kiosk's.
    await expect(page.getByRole('heading', { name: es.scan.title })).toBeVisible();
    expect(await page.evaluate(() => sessionStorage.getItem('shiftpass-locale'))).toBeNull();
    deviceId = (await storedEnrolment(page))?.deviceId;
    expect(deviceId).toBeTruthy();
    await signInByCode(page, ana, es);
    await page.getByRole('button', { name: es.home.signOut }).click();
    await expect(page.getByRole('heading', { name: es.scan.title })).toBeVisible();
    await page.reload();
    await expect(page.getByRole('heading', { name: es.scan.title })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'es');

    // Luis picks English for his session: it lasts through a reload, and goes with him.
    await page.getByRole('button', { name: 'English' }).click();
    await signInByCode(page, luis, en);
    await page.reload();
    await expect(page.getByRole('heading', { name: en.home.hello(luis.displayName) })).toBeVisible();
    await page.getByRole('button', { name: en.home.signOut }).click();
    await expect(page.getByRole('heading', { name: es.scan.title })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Español' })).toHaveAttribute('aria-pressed', 'true');
    await signInByCode(page, ana, es);
    await page.getByRole('button', { name: es.home.signOut }).click();

    // A manager changes the kiosk's language later, on the set-up page of a phone that is a kiosk.
    await signInByCode(page, manager, es);
    await page.goto('/manager/kiosk');
    await expect(page.getByText(es.kioskSetup.alreadyKiosk(KIOSK_NAME))).toBeVisible();
    await expect(page.getByLabel(es.kioskSetup.languageLabel)).toHaveValue('es');
    await page.getByLabel(es.kioskSetup.languageLabel).selectOption({ label: 'English' });
    await page.getByRole('button', { name: es.kioskSetup.saveLanguage }).click();
    // Saved, and the page follows the kiosk's new language at once (the manager picked none).
    await expect(page.getByRole('status')).toHaveText(en.kioskSetup.languageSaved);
    await page.getByRole('link', { name: en.kioskSetup.backToKiosk }).click();
    await page.getByRole('button', { name: en.home.signOut }).click();
    await expect(page.getByRole('heading', { name: en.scan.title })).toBeVisible();
  } finally {
    await revokeQuietly(adminApi, deviceId);
  }
});

test('a store’s language set in the console is the language of a new kiosk of the store that has none of its own', async ({
  adminApi,
  provisionWorker,
  openKiosk,
  signedInConsole,
  baseURL,
}, testInfo) => {
  const storeName = `Málaga ${testInfo.testId}.${testInfo.repeatEachIndex}`;
  const { page: consolePage } = await signedInConsole({ role: 'admin' });
  await consolePage.setViewportSize({ width: 1366, height: 768 });
  await consolePage.goto('/admin/groups');
  await expect(consolePage.getByRole('heading', { name: 'New store' })).toBeVisible();
  await consolePage.getByLabel('Name', { exact: true }).fill(storeName);
  const language = consolePage.getByLabel('Kiosk language', { exact: true });
  await expect(language).toHaveText(/Each phone’s own language/);
  await language.click();
  await consolePage.getByRole('option', { name: 'Spanish (Español)' }).click();
  await expect(language).toHaveText(/Spanish \(Español\)/);
  const found = await lookAt(consolePage, 'store-form-1366x768');
  await consolePage.setViewportSize({ width: 390, height: 844 });
  found.push(...(await lookAt(consolePage, 'store-form-390x844')));
  expect(found).toEqual([]);
  await consolePage.getByRole('button', { name: 'Create store' }).click();
  await expect(
    consolePage.getByRole('status').filter({ hasText: `${storeName} was created.` }),
  ).toBeVisible();
  const store = await storeIdNamed(adminApi, storeName);
  expect(store.kioskLanguage).toBe('es');

  const manager = await personWithOwnPin(provisionWorker, baseURL!, 'Málaga Manager', store.id, 'manager');
  const worker = await personWithOwnPin(provisionWorker, baseURL!, 'Pilar Málaga', store.id);
  const page = await openKiosk({ badge: null, locale: 'en-US' });
  await page.setViewportSize({ width: 390, height: 844 });
  let deviceId: string | undefined;
  try {
    await signInByCode(page, manager, en);
    await page.getByRole('link', { name: en.home.setUpKiosk }).click();
    await page.getByLabel(en.kioskSetup.nameLabel).fill(KIOSK_NAME);
    await page.getByLabel(en.kioskSetup.storeLabel).selectOption({ label: storeName });
    // Left as it comes: the store's language.
    await expect(page.getByLabel(en.kioskSetup.languageLabel)).toHaveValue('');
    expect(await lookAt(page, 'kiosk-setup-390x844')).toEqual([]);
    await page.getByRole('button', { name: en.kioskSetup.submit }).click();

    await expect(page.getByRole('heading', { name: es.scan.title })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'es');
    deviceId = (await storedEnrolment(page))?.deviceId;
    await signInByCode(page, worker, es);
    await page.getByRole('button', { name: es.home.signOut }).click();
    await expect(page.getByRole('heading', { name: es.scan.title })).toBeVisible();
  } finally {
    await revokeQuietly(adminApi, deviceId);
  }
});
