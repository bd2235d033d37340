/**
 * Offboarding as people see it (issue 17): the HR system's SCIM deactivate signs a worker out of the
 * kiosk at its next session check and the same badge, still in front of the camera, is refused in
 * words; the console shows an offboarded person as such and offboards from the person's page behind a
 * confirm dialog. The rules themselves are in tests/api/offboarding*.test.ts.
 */
import type { APIRequestContext } from '@playwright/test';
import { expect, seriousViolations, test } from './console-fixtures.js';
import { screensInBothLanguages } from './console-screens.js';
import { SCAN_TIMEOUT, signInToHome } from './fixtures.js';

/** What Microsoft Entra's provisioning sends when someone leaves, with a token of scope `scim`. */
async function scimDeactivate(adminApi: APIRequestContext, userId: string) {
  const made = await adminApi.post('/api/admin/api-tokens', {
    data: { displayName: `HR provisioning ${Date.now()}`, scopes: ['scim'] },
  });
  expect(made.status(), await made.text()).toBe(201);
  const { token } = (await made.json()) as { token: string };
  const res = await adminApi.patch(`/scim/v2/Users/${userId}`, {
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/scim+json' },
    data: JSON.stringify({
      schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
      Operations: [{ op: 'Replace', path: 'active', value: 'False' }],
    }),
  });
  expect(res.status(), await res.text()).toBe(200);
}

test('an SCIM deactivate signs the worker out of the kiosk and the same badge is refused in words', async ({
  provisionWorker,
  openKiosk,
  adminApi,
}) => {
  const worker = await provisionWorker('Lee Leaving');
  const page = await openKiosk({ badge: worker.rawContent });
  await page.setViewportSize({ width: 390, height: 844 });
  await expect(page.getByRole('heading', { name: 'Enter your PIN' })).toBeVisible({ timeout: SCAN_TIMEOUT });
  // Installed after the scan (the decoder's timers keep real time); the kiosk's session check runs on
  // the clock the test moves.
  await page.clock.install();
  await signInToHome(page, worker);

  await scimDeactivate(adminApi, worker.id);
  await page.clock.fastForward('00:31');
  await expect(page.getByRole('heading', { name: 'Hello, Lee Leaving' })).toBeHidden();
  await expect(page.getByRole('alert')).toHaveText('Your session ended. Scan your badge to sign in again.');
  expect(await page.context().cookies()).toEqual([]);

  // The badge is still in front of the camera: read again, and refused once the PIN is given.
  await expect(page.getByRole('heading', { name: 'Enter your PIN' })).toBeVisible({ timeout: SCAN_TIMEOUT });
  await page.getByLabel('PIN', { exact: true }).fill('58203917');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).toHaveText(
    'This badge is not recognized. Ask your manager for a new badge.',
  );
  await page.screenshot({ path: 'test-results/screens/offboarded-badge-refused-390x844.png' });
  expect(await page.context().cookies()).toEqual([]);
});

test('the console shows who offboarded a person, and offboards from the person page after asking', async ({
  signedInConsole,
  adminApi,
}) => {
  const made = async (displayName: string) => {
    const res = await adminApi.post('/api/admin/users', {
      data: {
        userPrincipalName: `${displayName.replace(/\W/g, '.')}.${Date.now()}@shiftpass.example`,
        displayName,
      },
    });
    expect(res.status(), await res.text()).toBe(201);
    const user = (await res.json()) as { id: string };
    expect(
      (await adminApi.put(`/api/admin/users/${user.id}/qr-code-pin-method`, { data: {} })).status(),
    ).toBe(201);
    return user.id;
  };
  const byHr = await made('Rosa Gone');
  const byAdmin = await made('Tom Leaving');
  await scimDeactivate(adminApi, byHr);
  const { page } = await signedInConsole({ role: 'admin' });
  const found: string[] = [];

  await page.goto(`/admin/people/${byHr}`);
  await screensInBothLanguages(page, 'person-offboarded', found, (locale) =>
    page.getByText(
      locale === 'en'
        ? /^Offboarded by your HR system on .+ — badges revoked\.$/
        : /^Dada de baja por tu sistema de RR\. HH\. el .+: credenciales revocadas\.$/,
    ),
  );
  // Offboarded already: no Offboard action, and allowing sign-in again says old badges stay gone.
  await expect(page.getByRole('button', { name: 'Offboard' })).toHaveCount(0);
  await expect(page.getByText('Allowing sign-in again does not bring their old badges back')).toBeVisible();

  await page.goto(`/admin/people/${byAdmin}`);
  await page.getByRole('button', { name: 'Offboard' }).click();
  const dialog = page.getByRole('dialog', { name: 'Offboard Tom Leaving?' });
  await expect(dialog).toContainText('revokes all their badges and signs them out everywhere');
  found.push(...(await seriousViolations(page, 'offboard dialog')));
  await page.screenshot({ path: 'test-results/screens/person-offboard-dialog-1366x768.png' });
  await dialog.getByRole('button', { name: 'Offboard' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText(/^Offboarded in the console on .+ — badges revoked\.$/)).toBeVisible();
  await expect(page.getByText('No badge yet.')).toBeVisible();

  await page.getByRole('button', { name: 'Allow sign-in again' }).click();
  await expect(page.getByText('Tom Leaving can sign in again. Issue them a new badge.')).toBeVisible();
  await expect(page.getByText(/^Offboarded in the console/)).toBeHidden();
  expect(found).toEqual([]);
});
