/**
 * The QR code + PIN policy's "Phones and tablets only": an admin switches it on in the console, and a
 * desktop browser (the test's Chromium says it runs on Linux) is told at the kiosk, in words, to use a
 * phone, a tablet or the store's kiosk. The test server is shared: the setting is put back at the end.
 */
import { expect, test } from './console-fixtures.js';
import { SCAN_TIMEOUT } from './fixtures.js';

test('with "Phones and tablets only" on, a desktop browser is refused with words that say where to sign in', async ({
  signedInConsole,
  adminApi,
  provisionWorker,
  openKiosk,
}) => {
  const worker = await provisionWorker('Dana Desktop');
  const { page: console } = await signedInConsole({ role: 'admin' });
  try {
    await console.goto('/admin/policies');
    const mobileOnly = console.getByRole('checkbox', { name: 'Phones and tablets only' });
    await expect(mobileOnly).not.toBeChecked();
    await mobileOnly.check();
    await console.getByRole('button', { name: 'Save QR code + PIN policy' }).click();
    await expect(console.getByText('The QR code + PIN policy was saved.', { exact: false })).toBeVisible();
    const saved = (await (await adminApi.get('/api/admin/policies/qr-code-pin')).json()) as {
      mobileDevicesOnly: boolean;
    };
    expect(saved.mobileDevicesOnly).toBe(true);

    const kiosk = await openKiosk({ badge: worker.rawContent });
    await expect(kiosk.getByRole('heading', { name: 'Enter your PIN' })).toBeVisible({
      timeout: SCAN_TIMEOUT,
    });
    await kiosk.getByLabel('PIN', { exact: true }).fill(worker.pin);
    await kiosk.getByRole('button', { name: 'Sign in' }).click();
    await expect(kiosk.getByRole('alert')).toHaveText(
      'Badge sign-in works only on a phone, a tablet or your store’s kiosk, not on a computer.',
    );
    await kiosk.screenshot({ path: test.info().outputPath('kiosk-desktop-refused.png') });
    expect((await kiosk.request.get('/api/auth/session')).status()).toBe(401);
  } finally {
    await adminApi.patch('/api/admin/policies/qr-code-pin', { data: { mobileDevicesOnly: false } });
  }
});
