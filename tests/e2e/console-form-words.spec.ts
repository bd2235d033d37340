/**
 * The console's main forms fed bad input (a new person, a new store, the policies, a new API token):
 * every refusal on screen is in the product's words next to its field, never a validation library's
 * phrasing ("Too small: expected string to have >=1 characters"), an API field name or error code, or
 * a label quoted twice. Screenshots of two forms with their errors, on a laptop and a phone, and axe.
 */
import { expect, test } from './console-fixtures.js';
import { expectProductWords, screens } from './console-screens.js';

test('bad input in the main console forms is refused in words a store manager reads, next to the field', async ({
  signedInConsole,
  adminApi,
}) => {
  const found: string[] = [];
  const { page } = await signedInConsole({ role: 'admin' });
  const nav = page.getByRole('navigation', { name: 'Console' });

  // A new person: a sign-in name with a space and no display name.
  await nav.getByRole('link', { name: 'People' }).click();
  await expect(page.getByRole('heading', { name: 'New person' })).toBeVisible();
  await page.getByLabel('Sign-in name').fill('rita sousa');
  await page.getByRole('button', { name: 'Create person' }).click();
  await expect(page.getByLabel('Sign-in name')).toHaveAttribute('aria-invalid', 'true');
  expect((await expectProductWords(page, 'new person')).join(' ')).toMatch(/without spaces/);
  await page
    .locator('#main, main')
    .first()
    .evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await screens(page, 'people-new-person-errors', found);

  // A new store: only spaces for a name.
  await nav.getByRole('link', { name: 'Stores' }).click();
  const storeName = page.getByLabel('Name', { exact: true });
  await storeName.fill('   ');
  await page.getByRole('button', { name: 'Create store' }).click();
  await expect(storeName).toHaveAttribute('aria-invalid', 'true');
  expect((await expectProductWords(page, 'new store')).join(' ')).toMatch(/name/i);
  await screens(page, 'groups-new-store-errors', found);

  // Policies: a number out of range, a rule between two fields, a store app on http://.
  await nav.getByRole('link', { name: 'Policies' }).click();
  await page.getByLabel('PIN length (digits)').fill('30');
  await page.getByRole('button', { name: 'Save QR code + PIN policy' }).click();
  await expect(page.getByText('Enter a number from the range: Between 8 and 20 digits.')).toBeVisible();
  await expectProductWords(page, 'QR code + PIN policy');

  const warning = page.getByLabel('"Still there?" warning before that (seconds)');
  const signOut = page.getByLabel('Kiosk sign-out after no activity (seconds)');
  const sessionsBefore = [await warning.inputValue(), await signOut.inputValue()];
  await warning.fill('299');
  await signOut.fill('60');
  await page.getByRole('button', { name: 'Save session settings' }).click();
  await expect(warning).toHaveAttribute('aria-invalid', 'true');
  await expect(warning).toHaveAccessibleDescription(
    /The “Still there\?” warning must be shorter than the time before a kiosk signs out\./,
  );
  await expectProductWords(page, 'session settings');
  await warning.fill(sessionsBefore[0]!);
  await signOut.fill(sessionsBefore[1]!);

  const appsBefore = await (await adminApi.get('/api/admin/kiosk/apps')).json();
  try {
    await page.getByRole('button', { name: 'Add a store app' }).click();
    const count = await page.getByRole('group', { name: /^Store app \d+$/ }).count();
    const last = page.getByRole('group', { name: `Store app ${count}` });
    await last.getByLabel('Name').fill('Rota');
    await last.getByLabel('Address').fill('http://rota.example.com/');
    await page.getByRole('button', { name: 'Save store apps' }).click();
    await expect(last.getByLabel('Address')).toHaveAttribute('aria-invalid', 'true');
    expect((await expectProductWords(page, 'store apps')).join(' ')).toMatch(
      /must be an absolute https:\/\/ address/,
    );
  } finally {
    await adminApi.put('/api/admin/kiosk/apps', { data: appsBefore });
  }

  // A new API token: nothing it may do, then a name the server refuses (the length limit bypassed).
  await nav.getByRole('link', { name: 'API tokens' }).click();
  const tokenName = page.getByLabel('Name');
  await tokenName.fill('Payroll sync');
  await page.getByRole('button', { name: 'Create token' }).click();
  await expect(page.getByText('Choose at least one thing this token may do.')).toBeVisible();
  await page.getByLabel('Read people', { exact: true }).check();
  await tokenName.evaluate((el) => el.removeAttribute('maxlength'));
  await tokenName.fill('n'.repeat(81));
  await page.getByRole('button', { name: 'Create token' }).click();
  await expect(tokenName).toHaveAttribute('aria-invalid', 'true');
  await expectProductWords(page, 'new API token');

  expect(found).toEqual([]);
});
