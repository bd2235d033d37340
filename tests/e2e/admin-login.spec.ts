/**
 * The first admin's first console sign-in, in Chromium against the production build: password, TOTP
 * enrolment (the test plays the authenticator app: it reads the setup key off the page and computes
 * the code), recovery codes saved by download, the dashboard; then sign-out and sign-ins with a code
 * and with a recovery code.
 * axe checks every screen on the way.
 */
import { readFile } from 'node:fs/promises';
import { totpCode } from '../support/totp.js';
import { expect, firstAdmin, seriousViolations, test } from './console-fixtures.js';

test('first admin sign-in: TOTP enrolment, recovery codes, dashboard; then sign-out and sign-ins with a code and a recovery code; an API token created, used and revoked', async ({
  openConsole,
}) => {
  const page = await openConsole();
  const found: string[] = [];

  // Signed out, the console sends people to the sign-in page.
  await page.goto('/admin');
  await expect(page).toHaveURL(/\/admin\/login$/);
  await expect(page.getByRole('heading', { name: 'Sign in to the console' })).toBeVisible();
  found.push(...(await seriousViolations(page, 'sign-in')));

  // A wrong password is refused in words next to the form.
  await page.getByLabel('Sign-in name').fill(firstAdmin.userPrincipalName);
  await page.getByLabel('Password').fill('not the password at all');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).toHaveText('The sign-in name or password is incorrect.');
  await expect(page.getByLabel('Password')).toHaveAttribute('aria-invalid', 'true');
  found.push(...(await seriousViolations(page, 'sign-in with an error')));

  await page.getByLabel('Password').fill(firstAdmin.password);
  await page.getByRole('button', { name: 'Sign in' }).click();

  // Enrolment: QR code with alt text, the setup key as text, a code to confirm.
  await expect(page.getByRole('heading', { name: 'Set up your authenticator app' })).toBeVisible();
  const qr = page.getByRole('img', { name: /QR code that adds Shiftpass to your authenticator app/ });
  await expect(qr).toBeVisible();
  expect(await qr.getAttribute('src')).toMatch(/^data:image\/png;base64,/);
  const setupKey = (await page.locator('#setup-key').innerText()).replace(/\s/g, '');
  expect(setupKey).toMatch(/^[A-Z2-7]{32}$/);
  found.push(...(await seriousViolations(page, 'enrolment')));

  const code = page.getByLabel('Authentication code');
  await expect(code).toHaveAttribute('inputmode', 'numeric');
  await expect(code).toHaveAttribute('autocomplete', 'one-time-code');
  const enrolledCode = totpCode(setupKey, new Date());
  await code.fill(enrolledCode === '000000' ? '000001' : '000000');
  await page.getByRole('button', { name: 'Verify and continue' }).click();
  await expect(page.getByText(/The code is not correct/)).toBeVisible();
  await expect(page.getByLabel('Authentication code')).toHaveAttribute('aria-invalid', 'true');
  await page.getByLabel('Authentication code').fill(totpCode(setupKey, new Date()));
  await page.getByRole('button', { name: 'Verify and continue' }).click();

  // Recovery codes, shown once: downloaded, confirmed saved.
  await expect(page.getByRole('heading', { name: 'Save your recovery codes' })).toBeVisible();
  const shown = await page
    .getByRole('list', { name: 'Recovery codes' })
    .getByRole('listitem')
    .allInnerTexts();
  expect(shown).toHaveLength(10);
  for (const recoveryCode of shown) expect(recoveryCode).toMatch(/^[0-9A-Z]{5}-[0-9A-Z]{5}$/);
  found.push(...(await seriousViolations(page, 'recovery codes')));
  const continueButton = page.getByRole('button', { name: 'Continue to the console' });
  await expect(continueButton).toBeDisabled();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('shiftpass-recovery-codes.txt');
  const saved = await readFile((await download.path())!, 'utf8');
  for (const recoveryCode of shown) expect(saved).toContain(recoveryCode);
  await page.getByLabel('I have saved these codes').check();
  await continueButton.click();

  // The console.
  await expect(page).toHaveURL(/\/admin$/);
  await expect(page.getByRole('heading', { name: 'Dashboard' })).toBeVisible();
  await expect(page.getByText(`Signed in as ${firstAdmin.userPrincipalName} (Admin)`)).toBeVisible();
  const nav = page.getByRole('navigation', { name: 'Console' });
  for (const name of ['Dashboard', 'People', 'Stores', 'Policies', 'Logs', 'API tokens']) {
    await expect(nav.getByRole('link', { name })).toBeVisible();
  }
  await expect(nav.getByRole('link', { name: 'Dashboard' })).toHaveAttribute('aria-current', 'page');
  found.push(...(await seriousViolations(page, 'dashboard')));

  // Sign out: back to the sign-in page, and the console is closed to this browser.
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/admin\/login$/);
  await page.goto('/admin');
  await expect(page).toHaveURL(/\/admin\/login$/);

  // Sign in again, with a code. The enrolment used up this 30-second step's code (each works once), so
  // type the app's next one: the server accepts one step of drift.
  await page.getByLabel('Sign-in name').fill(firstAdmin.userPrincipalName);
  await page.getByLabel('Password').fill(firstAdmin.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { name: 'Enter your authentication code' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Use a recovery code instead' })).toBeVisible();
  found.push(...(await seriousViolations(page, 'authentication code')));
  await page.getByLabel('Authentication code').fill(totpCode(setupKey, new Date(Date.now() + 30_000)));
  await page.getByRole('button', { name: 'Verify' }).click();
  await expect(page.getByRole('heading', { name: 'Dashboard' })).toBeVisible();
  await expect(page).toHaveURL(/\/admin$/);

  // Lost phone: a recovery code instead, once.
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.getByLabel('Sign-in name').fill(firstAdmin.userPrincipalName);
  await page.getByLabel('Password').fill(firstAdmin.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('button', { name: 'Use a recovery code instead' }).click();
  await expect(page.getByRole('heading', { name: 'Enter a recovery code' })).toBeVisible();
  found.push(...(await seriousViolations(page, 'recovery code')));
  await page.getByLabel('Recovery code').fill(shown[0]!.toLowerCase());
  await page.getByRole('button', { name: 'Verify' }).click();
  await expect(page.getByRole('heading', { name: 'Dashboard' })).toBeVisible();

  // The service worker (registered by the shared root layout) never keeps a console page or API answer.
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Dashboard' })).toBeVisible();
  const cached = await page.evaluate(async () => {
    const paths: string[] = [];
    for (const name of await caches.keys()) {
      for (const request of await (await caches.open(name)).keys()) paths.push(new URL(request.url).pathname);
    }
    return paths;
  });
  expect(cached).toContain('/');
  expect(cached.filter((path) => path.startsWith('/admin') || path.startsWith('/api'))).toEqual([]);

  // API tokens: a named token, shown once, works as a Bearer token until it is revoked.
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.getByRole('navigation', { name: 'Console' }).getByRole('link', { name: 'API tokens' }).click();
  await expect(page.getByRole('heading', { name: 'API tokens', level: 1 })).toBeVisible();
  found.push(...(await seriousViolations(page, 'API tokens')));
  // Nothing is ticked at first: the token's access must be chosen.
  await page.getByLabel('Name').fill('Payroll sync');
  await page.getByRole('button', { name: 'Create token' }).click();
  await expect(page.getByText('Choose at least one thing this token may do.')).toBeVisible();
  await page.getByLabel('Read people', { exact: true }).check();
  // A name the server refuses (maxlength bypassed) is explained next to the field.
  await page.getByLabel('Name').evaluate((el) => el.removeAttribute('maxlength'));
  await page.getByLabel('Name').fill('n'.repeat(81));
  await page.getByRole('button', { name: 'Create token' }).click();
  await expect(page.getByText('Enter a name of 1 to 80 characters.')).toBeVisible();
  await expect(page.getByLabel('Name')).toHaveAttribute('aria-invalid', 'true');
  await page.getByLabel('Name').fill('Payroll sync');
  await page.getByRole('button', { name: 'Create token' }).click();
  await expect(page.getByRole('heading', { name: 'Your new token “Payroll sync”' })).toBeVisible();
  const token = await page.getByLabel('Token', { exact: true }).inputValue();
  await page.getByRole('button', { name: 'Copy' }).click();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(token);
  found.push(...(await seriousViolations(page, 'new API token')));
  const bearer = { authorization: `Bearer ${token}` };
  expect((await page.request.get('/api/admin/groups', { headers: bearer })).status()).toBe(200);
  // It may read people, nothing more.
  // (page.request carries the console's cookie, so it says where it comes from, as a browser would.)
  const write = await page.request.post('/api/admin/groups', {
    headers: { ...bearer, origin: new URL(page.url()).origin },
    data: { displayName: 'X' },
  });
  expect([write.status(), ((await write.json()) as { error: { code: string } }).error.code]).toEqual([
    403,
    'TOKEN_SCOPE_MISSING',
  ]);
  await expect(page.getByRole('row', { name: /Payroll sync/ })).toContainText('Read people');
  await expect(page.getByRole('row', { name: /Payroll sync/ })).toContainText(/Expires in 90 days/);
  await page.getByRole('button', { name: 'I have copied the token' }).click();
  await expect(page.getByLabel('Token', { exact: true })).toHaveCount(0);
  await page.getByRole('button', { name: 'Revoke Payroll sync' }).click();
  await expect(page.getByRole('dialog', { name: 'Revoke this token?' })).toBeVisible();
  await page.getByRole('button', { name: 'Revoke token' }).click();
  await expect(page.getByRole('row', { name: /Payroll sync/ })).toContainText('Revoked');
  expect((await page.request.get('/api/admin/groups', { headers: bearer })).status()).toBe(401);

  expect(found).toEqual([]);
});
