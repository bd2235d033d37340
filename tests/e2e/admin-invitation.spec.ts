/**
 * A second admin joins the console: invited from their page by an admin, chooses a password on the
 * invitation page (checked and explained next to the fields), enrols an authenticator at first sign-in.
 * The link works once.
 */
import type { UserView } from '../../server/contracts/schemas.js';
import { expect, seriousViolations, test } from './console-fixtures.js';

test('an invited admin chooses a password on the invitation page; the link then stops working', async ({
  openConsole,
  adminApi,
  consoleAs,
  signedInConsole,
}) => {
  const created = await adminApi.post('/api/admin/users', {
    data: {
      userPrincipalName: `invited.${Date.now()}@shiftpass.example`,
      displayName: 'Invited Admin',
      role: 'admin',
    },
  });
  const user = (await created.json()) as UserView;

  // An admin creates the link on the person's page (shown once, with a warning and Copy).
  const admin = await signedInConsole({ role: 'admin' });
  await admin.page.goto(`/admin/people/${user.id}`);
  // Console access is one of the person page's tabs.
  await admin.page.getByRole('tab', { name: 'Console access' }).click();
  const access = admin.page.getByRole('region', { name: 'Console access' });
  await access.getByRole('button', { name: 'Create an invitation link' }).click();
  await expect(access.getByRole('alert')).toContainText('Shown only now');
  const link = new URL(await access.getByLabel('Invitation link').inputValue());
  expect(link.pathname).toBe('/admin/invitation');
  const found = await seriousViolations(admin.page, 'console access panel');
  await access.getByRole('button', { name: 'Done' }).click();
  await expect(access.getByLabel('Invitation link')).toHaveCount(0);

  const page = await openConsole();
  await page.goto(link.pathname + link.hash);
  await expect(page.getByRole('heading', { name: 'Choose your console password' })).toBeVisible();
  // The token leaves the address bar (and so the history) as soon as the page has it.
  await expect(page).toHaveURL(/\/admin\/invitation$/);
  found.push(...(await seriousViolations(page, 'invitation')));

  await page.getByLabel('New password').fill('twelve chars');
  await page.getByLabel('Type the password again').fill('twelve charz');
  await page.getByRole('button', { name: 'Set password' }).click();
  await expect(page.getByText('The two passwords are not the same.')).toBeVisible();
  await expect(page.getByLabel('Type the password again')).toHaveAttribute('aria-invalid', 'true');
  found.push(...(await seriousViolations(page, 'invitation with an error')));

  await page.getByLabel('Type the password again').fill('twelve chars');
  await page.getByRole('button', { name: 'Set password' }).click();
  await expect(page.getByRole('status')).toContainText('Your password is set.');

  // The same link again (opened from the message, in a new tab): refused in words.
  const again = await page.context().newPage();
  await again.goto(link.pathname + link.hash);
  await again.getByLabel('New password').fill('another password here');
  await again.getByLabel('Type the password again').fill('another password here');
  await again.getByRole('button', { name: 'Set password' }).click();
  await expect(again.getByRole('alert')).toHaveText(
    'This invitation link is invalid, expired or already used. Ask an admin for a new one.',
  );

  // Without a link the page says what it needs.
  await again.goto('/admin/invitation');
  await again.reload();
  await expect(again.getByRole('alert')).toContainText('This page needs the invitation link');

  // The whole way in, as the console fixture takes it for other journeys: a manager reaches the dashboard.
  const manager = await consoleAs({ role: 'manager' });
  await expect(manager.page.getByText(`Signed in as ${manager.user.displayName} (Manager)`)).toBeVisible();
  expect(found).toEqual([]);
});

test('a damaged setup or invitation link says so in words, without a page error', async ({ openConsole }) => {
  const page = await openConsole();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto('/admin/invitation#%E0%A4%A');
  await expect(page.getByRole('alert')).toHaveText(/This link is damaged/);
  await page.goto('/setup#%E0%A4%A');
  await expect(page).toHaveURL(/\/setup$/);
  await expect(page.getByRole('alert')).toHaveText(/This link is damaged/);
  expect(errors).toEqual([]);
});
