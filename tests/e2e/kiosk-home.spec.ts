/**
 * The number pad, the live PIN-rule checklist and the signed-in home (store, time left, store apps).
 * The kiosk apps list is one setting for the whole (shared) test server: each test puts it back.
 */
import type { APIRequestContext, Page } from '@playwright/test';
import { expect, SCAN_TIMEOUT, signInToHome, test } from './fixtures.js';

const APPS = [
  { name: 'Schedule', url: 'https://schedule.example.com/my-shifts' },
  { name: 'Stock check', url: 'https://stock.example.com/' },
];

async function setApps(adminApi: APIRequestContext, apps: { name: string; url: string }[]) {
  const res = await adminApi.put('/api/admin/kiosk/apps', { data: { apps } });
  expect(res.status()).toBe(200);
}

async function addStore(adminApi: APIRequestContext, displayName: string): Promise<string> {
  const res = await adminApi.post('/api/admin/groups', { data: { displayName } });
  expect(res.status()).toBe(201);
  return ((await res.json()) as { id: string }).id;
}

/** Presses the on-screen keys for each digit, as a thumb would. */
async function pressDigits(page: Page, digits: string) {
  for (const digit of digits) await page.getByRole('button', { name: digit, exact: true }).click();
}

/** The checklist item for a rule, found by its words. */
const rule = (page: Page, words: string) =>
  page.getByRole('list', { name: 'Rules for your new PIN' }).getByRole('listitem').filter({ hasText: words });

test('a worker signs in with the on-screen pad only, watches the PIN rules turn met, and finds their store, time left and apps', async ({
  adminApi,
  provisionWorker,
  openKiosk,
}) => {
  const storeId = await addStore(adminApi, 'Harbour Mall');
  await setApps(adminApi, APPS);
  try {
    const worker = await provisionWorker('Pia Pad', { groupIds: [storeId] });
    const page = await openKiosk({ badge: worker.rawContent });
    await expect(page.getByRole('heading', { name: 'Enter your PIN' })).toBeVisible({
      timeout: SCAN_TIMEOUT,
    });
    const pinField = page.getByLabel('PIN', { exact: true });

    // Clear and Delete last digit work; the field stays masked.
    await pressDigits(page, '12');
    await expect(pinField).toHaveValue('12');
    await page.getByRole('button', { name: 'Clear' }).click();
    await expect(pinField).toHaveValue('');
    await pressDigits(page, `${worker.pin}7`);
    await page.getByRole('button', { name: 'Delete last digit' }).click();
    await expect(pinField).toHaveValue(worker.pin);
    await expect(pinField).toHaveAttribute('type', 'password');
    await page.getByRole('button', { name: 'Sign in' }).click();

    // The forced PIN change: the pad types into the new PIN, and the rules show what it still needs.
    await expect(page.getByRole('heading', { name: 'Choose your own PIN' })).toBeVisible();
    const newPin = page.getByLabel('New PIN', { exact: true });
    const stillNeeded = page.getByRole('list', { name: 'Rules not met yet:' });
    await expect(stillNeeded).toContainText('8 to 20 digits');

    await pressDigits(page, '12345');
    await expect(newPin).toHaveValue('12345');
    await expect(stillNeeded).toContainText('No 5 digits in a row going up or down');
    await expect(stillNeeded).toContainText('8 to 20 digits');
    await page.getByRole('button', { name: 'Clear' }).click();

    await pressDigits(page, '5820391');
    await expect(stillNeeded).not.toContainText('No 5 digits in a row going up or down');
    await expect(stillNeeded).toContainText('8 to 20 digits');
    await pressDigits(page, '7');
    await expect(stillNeeded).toBeHidden();
    // Every rule, met, behind "All PIN rules".
    await page.getByText('All PIN rules').click();
    await expect(rule(page, '8 to 20 digits')).toContainText('Met:');
    await expect(page.getByRole('list', { name: 'Rules for your new PIN' })).not.toContainText('Not met:');
    // Said once, politely, when typing pauses; never the PIN itself.
    const summary = page.locator('[aria-live]').filter({ hasText: 'Your new PIN meets every rule.' });
    await expect(summary).toHaveAttribute('aria-live', 'polite');
    await expect(page.locator('[aria-live]').filter({ hasText: '58203917' })).toHaveCount(0);

    // Step 2: the pad now types into the confirmation.
    await page.getByRole('button', { name: 'Next' }).click();
    await pressDigits(page, '58203917');
    await expect(page.getByLabel('Confirm new PIN')).toHaveValue('58203917');
    await page.getByRole('button', { name: 'Save PIN' }).click();

    await expect(page.getByRole('heading', { name: 'Hello, Pia Pad' })).toBeVisible();
    await expect(page.getByText('Store: Harbour Mall')).toBeVisible();
    await expect(page.getByText(/^Session time left: (11 h 59|12 h 0) min$/)).toBeVisible();

    const apps = page.getByRole('list', { name: 'Store apps' }).getByRole('link');
    await expect(apps).toHaveCount(2);
    await expect(apps.nth(0)).toHaveAccessibleName('Schedule (opens in a new tab)');
    await expect(apps.nth(1)).toHaveAccessibleName('Stock check (opens in a new tab)');
    const schedule = page.getByRole('link', { name: 'Schedule (opens in a new tab)' });
    await expect(schedule).toHaveAttribute('href', APPS[0]!.url);
    await expect(schedule).toHaveAttribute('target', '_blank');
    await expect(schedule).toHaveAttribute('rel', 'external noopener noreferrer');

    // The app opens in a tab of its own, without a handle on the kiosk; the kiosk stays signed in.
    await page
      .context()
      .route('https://schedule.example.com/**', (route) =>
        route.fulfill({ contentType: 'text/html', body: '<title>Schedule</title><p>My shifts</p>' }),
      );
    const [app] = await Promise.all([page.context().waitForEvent('page'), schedule.click()]);
    await expect(app).toHaveURL(APPS[0]!.url);
    expect(await app.evaluate(() => window.opener)).toBeNull();
    await app.close();
    await expect(page.getByRole('heading', { name: 'Hello, Pia Pad' })).toBeVisible();

    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(page.getByRole('heading', { name: 'Hello, Pia Pad' })).toBeHidden();
    await expect(page.getByText('Harbour Mall')).toHaveCount(0);
    expect(await page.context().cookies()).toEqual([]);
  } finally {
    await setApps(adminApi, []);
  }
});

test('the time left counts down on the phone’s monotonic clock, and the kiosk signs out at the session’s limit', async ({
  provisionWorker,
  openKiosk,
}) => {
  const worker = await provisionWorker('Tomás Timer');
  const page = await openKiosk({ badge: worker.rawContent });
  await expect(page.getByRole('heading', { name: 'Enter your PIN' })).toBeVisible({ timeout: SCAN_TIMEOUT });
  await page.clock.install();

  // The server's session really lasts 12 hours; this one is made to end 90 s after sign-in. Every
  // answer counts to the same end on the page's (fake) monotonic clock, as a server would.
  let endsAt: number | null = null;
  await page.route('**/api/auth/session', async (route) => {
    const response = await route.fetch();
    if (response.status() !== 200) return route.fulfill({ response });
    const now = await page.evaluate(() => performance.now());
    endsAt ??= now + 90_000;
    const view = (await response.json()) as { expiresInSeconds: number };
    view.expiresInSeconds = Math.max(0, Math.floor((endsAt - now) / 1000));
    return route.fulfill({ response, json: view });
  });

  await signInToHome(page, worker);
  await expect(page.getByText('Session time left: 1 min')).toBeVisible();
  // The badge is still in front of the camera: the fresh scan screen may read it again at once and
  // move on to the PIN screen, so every alert the kiosk shows is recorded as it appears.
  await page.evaluate(() => {
    const seen: string[] = [];
    Object.assign(window, { alertsSeen: seen });
    new MutationObserver(() => {
      for (const alert of document.querySelectorAll('[role="alert"]')) seen.push(alert.textContent ?? '');
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
  await page.clock.fastForward('00:31');
  await expect(page.getByText('Session time left: less than a minute')).toBeVisible();
  await page.clock.fastForward('01:00');
  await expect(page.getByRole('heading', { name: 'Hello, Tomás Timer' })).toBeHidden();
  await expect
    .poll(() => page.evaluate(() => (window as unknown as { alertsSeen: string[] }).alertsSeen))
    .toContainEqual(
      expect.stringContaining('Your session reached its time limit. Scan your badge to sign in again.'),
    );
  expect(await page.context().cookies()).toEqual([]);
});
