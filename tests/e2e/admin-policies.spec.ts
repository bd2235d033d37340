/**
 * The policy page: every field with its range and help, the server's verdict next to the field it is
 * about, a saved change, and the kiosk's store apps list. The test server is shared, so every value
 * changed here is put back before the journey ends.
 */
import { expect, seriousViolations, test } from './console-fixtures.js';
import { SCAN_TIMEOUT, signInToHome } from './fixtures.js';

test('an admin reads the policies, is told next to the field what is out of range, saves a change and edits the store apps', async ({
  signedInConsole,
  adminApi,
}) => {
  const before = (await (await adminApi.get('/api/admin/policies/qr-code-pin')).json()) as {
    temporaryQRCodeLifetimeInHours: number;
  };
  const { page } = await signedInConsole({ role: 'admin' });
  await page.getByRole('navigation', { name: 'Console' }).getByRole('link', { name: 'Policies' }).click();
  await expect(page.getByRole('heading', { name: 'Policies' })).toBeVisible();

  const pinLength = page.getByLabel('PIN length (digits)');
  await expect(pinLength).toHaveValue(/^\d+$/);
  await expect(page.getByText(/How many digits a PIN has.*Between 8 and 20 digits\./)).toBeVisible();
  for (const label of [
    'Standard badge lifetime (days)',
    'Temporary badge lifetime (hours)',
    'Wrong PINs before a lock (attempts)',
    'First lock (seconds)',
    'Growth factor (× per lock)',
    'Longest lock (seconds)',
    'Wrong PINs before a manager must unlock (attempts)',
    'Failed sign-ins per phone or network (attempts)',
    'Window for failed sign-ins per phone or network (seconds)',
    'Kiosk sign-out after no activity (seconds)',
    '"Still there?" warning before that (seconds)',
    'Offline grace period (seconds)',
    'Server-side idle limit for kiosk sessions (minutes)',
    'Console idle limit (minutes)',
    'Longest session (hours)',
  ]) {
    await expect(page.getByLabel(label)).toBeVisible();
  }
  // Off by default: badge sign-in from any browser, as before the setting existed.
  await expect(page.getByRole('checkbox', { name: 'Phones and tablets only' })).not.toBeChecked();
  const found = await seriousViolations(page, 'policies');

  // Out of range: the server refuses, the page says so under that field and nothing is saved.
  await pinLength.fill('30');
  await page.getByRole('button', { name: 'Save QR code + PIN policy' }).click();
  await expect(page.getByText('Enter a number from the range: Between 8 and 20 digits.')).toBeVisible();
  await expect(pinLength).toHaveAttribute('aria-invalid', 'true');
  found.push(...(await seriousViolations(page, 'policies with an error')));

  // A rule between two fields: named by the labels people see.
  const offline = await page.getByLabel('Offline grace period (seconds)').inputValue();
  await page.getByLabel('"Still there?" warning before that (seconds)').fill('299');
  await page.getByLabel('Kiosk sign-out after no activity (seconds)').fill('60');
  await page.getByRole('button', { name: 'Save session settings' }).click();
  await expect(page.getByLabel('"Still there?" warning before that (seconds)')).toHaveAttribute(
    'aria-invalid',
    'true',
  );
  await expect(page.getByText(/must be shorter than/)).toBeVisible();
  expect(offline).toMatch(/^\d+$/);

  // A valid change saves (and is put back).
  await pinLength.fill('8');
  const temporary = page.getByLabel('Temporary badge lifetime (hours)');
  await temporary.fill(String(before.temporaryQRCodeLifetimeInHours === 4 ? 5 : 4));
  await page.getByRole('button', { name: 'Save QR code + PIN policy' }).click();
  await expect(page.getByText('The QR code + PIN policy was saved.', { exact: false })).toBeVisible();
  await expect(pinLength).not.toHaveAttribute('aria-invalid', 'true');
  const saved = (await (await adminApi.get('/api/admin/policies/qr-code-pin')).json()) as {
    temporaryQRCodeLifetimeInHours: number;
  };
  expect(saved.temporaryQRCodeLifetimeInHours).toBe(Number(await temporary.inputValue()));
  await adminApi.patch('/api/admin/policies/qr-code-pin', {
    data: { temporaryQRCodeLifetimeInHours: before.temporaryQRCodeLifetimeInHours },
  });

  // The console's own lockout: shown in its own section and saved once (then put back).
  const consolePolicy = async () =>
    (
      (await (await adminApi.get('/api/admin/policies/console-sign-in')).json()) as {
        lockout: { threshold: number };
      }
    ).lockout;
  const consoleBefore = await consolePolicy();
  const consoleThreshold = page.getByLabel('Wrong passwords or codes before a lock (attempts)');
  await expect(consoleThreshold).toHaveValue(String(consoleBefore.threshold));
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.locator('#console-policy-title').evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await page.screenshot({ path: test.info().outputPath('policies-console-sign-in.png') });
  await consoleThreshold.fill(String(consoleBefore.threshold === 9 ? 8 : 9));
  await page.getByRole('button', { name: 'Save console sign-in settings' }).click();
  await expect(page.getByText('The console sign-in settings were saved.', { exact: false })).toBeVisible();
  expect((await consolePolicy()).threshold).toBe(Number(await consoleThreshold.inputValue()));
  await adminApi.patch('/api/admin/policies/console-sign-in', {
    data: { lockout: { threshold: consoleBefore.threshold } },
  });

  // Store apps: an http address is refused next to its field; an https one saves.
  const appsBefore = await (await adminApi.get('/api/admin/kiosk/apps')).json();
  try {
    await page.getByRole('button', { name: 'Add a store app' }).click();
    const count = await page.getByRole('group', { name: /^Store app \d+$/ }).count();
    const last = page.getByRole('group', { name: `Store app ${count}` });
    await last.getByLabel('Name').fill('Rota');
    await last.getByLabel('Address').fill('http://rota.example.com/');
    await page.getByRole('button', { name: 'Save store apps' }).click();
    await expect(last.getByText(/must be an absolute https:\/\/ address/)).toBeVisible();
    await expect(last.getByLabel('Address')).toHaveAttribute('aria-invalid', 'true');
    await last.getByLabel('Address').fill('https://rota.example.com/');
    await page.getByRole('button', { name: 'Save store apps' }).click();
    await expect(page.getByText(/^Saved\. The kiosk shows \d+ store apps?\.$/)).toBeVisible();
    const apps = (
      (await (await adminApi.get('/api/admin/kiosk/apps')).json()) as { apps: { name: string }[] }
    ).apps;
    expect(apps.map((a) => a.name)).toContain('Rota');
  } finally {
    await adminApi.put('/api/admin/kiosk/apps', { data: appsBefore });
  }

  // A console address that does not exist: words and a way back, inside the console.
  await page.goto('/admin/no-such-page');
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Go to the dashboard' })).toBeVisible();
  found.push(...(await seriousViolations(page, 'console page not found')));
  expect(found).toEqual([]);
});

test('a manager who signed in at the kiosk with their badge reaches their manager pages, not the admin ones', async ({
  adminApi,
  provisionWorker,
  openKiosk,
}) => {
  const store = await adminApi.post('/api/admin/groups', { data: { displayName: 'Quay Street' } });
  const storeId = ((await store.json()) as { id: string }).id;
  const manager = await provisionWorker('Mona Manager', { groupIds: [storeId], role: 'manager' });
  const page = await openKiosk({ badge: manager.rawContent });
  await expect(page.getByRole('heading', { name: 'Enter your PIN' })).toBeVisible({ timeout: SCAN_TIMEOUT });
  await signInToHome(page, manager);

  await page.getByRole('link', { name: 'Manager pages: your team and badges' }).click();
  await expect(page.getByRole('heading', { name: 'Dashboard' })).toBeVisible();
  await expect(page.getByText('Signed in as Mona Manager (Manager)')).toBeVisible();
  const nav = page.getByRole('navigation', { name: 'Console' });
  for (const name of ['Dashboard', 'People', 'Stores', 'Logs'])
    await expect(nav.getByRole('link', { name })).toBeVisible();
  await expect(nav.getByRole('link', { name: 'Policies' })).toHaveCount(0);
  await expect(nav.getByRole('link', { name: 'API tokens' })).toHaveCount(0);
  const found = await seriousViolations(page, 'manager dashboard from the kiosk');

  // The API refuses what is not theirs, whatever the page shows.
  const policy = await page.request.patch('/api/admin/policies/qr-code-pin', {
    data: { pinLength: 20 },
    headers: { origin: new URL(page.url()).origin },
  });
  expect(policy.status()).toBe(403);

  // Signing out here leaves the phone as the kiosk leaves it: a freshly loaded scan screen (nothing of
  // the manager left in memory), no session, no storage but SvelteKit's own scroll bookkeeping.
  // The manager's badge is still in front of the camera: without the camera the fresh scan screen stays
  // on screen instead of reading it again at once (as the kiosk-mode journeys do).
  await page.context().clearPermissions();
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('heading', { name: 'Scan your badge' })).toBeVisible();
  const left = await page.evaluate(async () => ({
    session: (await fetch('/api/auth/session')).status,
    sessionStorage: Object.entries(sessionStorage),
  }));
  expect(left.session).toBe(401);
  for (const [key, value] of left.sessionStorage) {
    expect(key).toMatch(/^sveltekit:(scroll|snapshot)$/);
    expect(value).not.toContain('Mona');
  }
  expect(found).toEqual([]);
});

test('saving a policy after the 5-minute window asks for the password and a code, then saves; cancelling saves nothing', async ({
  signedInConsole,
  adminApi,
}) => {
  const before = (await (await adminApi.get('/api/admin/policies/sessions')).json()) as {
    consoleIdleTimeoutInMinutes: number;
  };
  const admin = await signedInConsole({ role: 'admin' });
  const { page } = admin;
  await page.goto('/admin/policies');
  const idle = page.getByLabel('Console idle limit (minutes)');
  await expect(idle).toHaveValue(/^\d+$/);

  // The server's 5-minute window cannot be moved from a browser: its answer to the first save is
  // replaced by the one it gives once the window has passed. Everything after that is the real server.
  let refused = 0;
  await page.route('**/api/admin/policies/sessions', async (route) => {
    if (route.request().method() === 'PATCH' && refused++ < 2) {
      await route.fulfill({
        status: 401,
        contentType: 'application/json',
        body: JSON.stringify({
          error: {
            code: 'REAUTHENTICATION_REQUIRED',
            message: 'Confirm your password and authentication code to continue.',
            maxAgeSeconds: 300,
          },
        }),
      });
    } else {
      await route.continue();
    }
  });

  // Cancel: nothing is saved and the page says why.
  await idle.fill(String(before.consoleIdleTimeoutInMinutes === 9 ? 8 : 9));
  await page.getByRole('button', { name: 'Save session settings' }).click();
  const dialog = page.getByRole('dialog', { name: 'Confirm it’s you' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByText('Nothing was saved: confirming it’s you is needed first.')).toBeVisible();

  // Confirm: a wrong password is refused in the dialog, then the password and a code the app has not
  // used yet (each 30-second step's code works once) re-authenticate for real and the save goes through.
  await page.getByRole('button', { name: 'Save session settings' }).click();
  await expect(dialog).toBeVisible();
  const code = admin.unusedTotpCode();
  await dialog.getByLabel('Password').fill('not my password');
  await dialog.getByLabel('Authentication code').fill(code);
  await dialog.getByRole('button', { name: 'Confirm' }).click();
  await expect(dialog.getByText('The password is incorrect.')).toBeVisible();
  // The dialog empties both fields after a refusal; type them again.
  await dialog.getByLabel('Password').fill(admin.password);
  await dialog.getByLabel('Authentication code').fill(code);
  await dialog.getByRole('button', { name: 'Confirm' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText('The session settings were saved.', { exact: false })).toBeVisible();
  const saved = (await (await adminApi.get('/api/admin/policies/sessions')).json()) as {
    consoleIdleTimeoutInMinutes: number;
  };
  expect(saved.consoleIdleTimeoutInMinutes).toBe(Number(await idle.inputValue()));
  await adminApi.patch('/api/admin/policies/sessions', {
    data: { consoleIdleTimeoutInMinutes: before.consoleIdleTimeoutInMinutes },
  });
});
