/**
 * The console's People and Groups pages: an admin adds a person, issues their badge (shown once,
 * downloaded as a PNG that decodes to the badge's own payload), the worker signs in with it at a
 * kiosk, the admin resets the PIN and the worker must choose a new one. A manager opening another
 * store's worker is told so in words.
 */
import { readFileSync } from 'node:fs';
import { parseQrPayload } from '../../server/contracts/badge.js';
import { readQrPng } from '../support/qr-read.js';
import { expect, seriousViolations, test } from './console-fixtures.js';
import { SCAN_TIMEOUT } from './fixtures.js';

test('an admin adds a person, issues a badge the worker signs in with, and resets the PIN', async ({
  adminApi,
  signedInConsole,
  openKiosk,
}, testInfo) => {
  // Two kiosks and a console in one journey: 55–80 s on two busy cores.
  test.setTimeout(180_000);
  const policy = await adminApi.patch('/api/admin/policies/qr-code-pin', {
    data: { state: 'enabled', includeTargets: [{ id: 'all_users' }] },
  });
  expect(policy.status()).toBe(200);
  const tag = `${testInfo.repeatEachIndex}-${Date.now()}`;
  const storeName = `Porto ${tag}`;
  const store = await adminApi.post('/api/admin/groups', { data: { displayName: storeName } });
  expect(store.status()).toBe(201);

  const { page } = await signedInConsole({ role: 'admin' });
  await page.getByRole('navigation', { name: 'Console' }).getByRole('link', { name: 'People' }).click();
  await expect(page.getByRole('heading', { name: 'People', level: 1 })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'New person' })).toBeVisible();
  expect(await seriousViolations(page, 'people list')).toEqual([]);

  // The server's refusal shows next to the field it is about.
  const displayName = `Rita Sousa ${tag}`;
  await page.getByLabel('Sign-in name').fill('rita sousa');
  await page.getByLabel('Display name').fill(displayName);
  await page.getByLabel('Employee ID').fill(`E-${tag}`);
  await page.getByRole('checkbox', { name: storeName }).check();
  await page.getByRole('button', { name: 'Create person' }).click();
  const upnField = page.getByLabel('Sign-in name');
  await expect(upnField).toHaveAttribute('aria-invalid', 'true');
  await expect(upnField).toHaveAccessibleDescription(/without spaces/);

  await upnField.fill(`rita.sousa.${tag}@store.example`);
  await page.getByRole('button', { name: 'Create person' }).click();
  await expect(page.getByText(`${displayName} was added.`)).toBeVisible();

  // The list finds her by employee id, with her store by name.
  await page.getByLabel('Search').fill(`E-${tag}`);
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  await expect(page).toHaveURL(/\/admin\/people\?search=E-/);
  const row = page.getByRole('row', { name: new RegExp(displayName) });
  await expect(row).toContainText(storeName);
  await expect(row).toContainText('Worker');
  await page.screenshot({ path: testInfo.outputPath('people-list.png'), fullPage: true });
  await row.getByRole('link', { name: displayName }).click();

  await expect(page.getByRole('heading', { name: displayName, level: 1 })).toBeVisible();
  await expect(page.getByText('No badge yet.')).toBeVisible();
  await page.getByRole('button', { name: 'Issue badge' }).click();
  await page
    .getByRole('dialog', { name: `Issue a badge for ${displayName}` })
    .getByRole('button', { name: 'Issue badge' })
    .click();

  const panel = page.getByRole('region', { name: `New badge for ${displayName}` });
  await expect(panel).toBeVisible();
  await expect(panel.getByRole('alert')).toContainText('will not be shown again');
  const shortCode = await panel.getByTestId('secret-short-code').innerText();
  const pin = await panel.getByTestId('secret-pin').innerText();
  expect(shortCode).toMatch(/^[A-Z0-9]{5}-[A-Z0-9]{5}$/);
  expect(pin).toMatch(/^\d{6,}$/);
  await expect(panel.getByRole('figure')).toContainText(shortCode);
  expect(await seriousViolations(page, 'person page with the new badge')).toEqual([]);
  await page.screenshot({ path: testInfo.outputPath('person-page.png'), fullPage: true });

  // The downloaded bare QR is the badge: it decodes to an SP1 payload (the label: admin-badge-label.spec.ts).
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    panel.getByRole('button', { name: 'Download QR only' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe(
    `badge-${displayName.toLowerCase().replace(/[^a-z0-9]+/g, '-')}-${shortCode}-qr.png`,
  );
  const rawContent = readQrPng(readFileSync((await download.path())!));
  expect(rawContent).not.toBeNull();
  expect(parseQrPayload(rawContent!)).not.toBeNull();

  // Printing shows the label alone.
  await page.emulateMedia({ media: 'print' });
  await page.screenshot({ path: testInfo.outputPath('label-print.png') });
  await page.emulateMedia({ media: 'screen' });
  await panel.screenshot({ path: testInfo.outputPath('secret-panel.png') });

  await panel.getByRole('button', { name: 'Done' }).click();
  await expect(panel).toBeHidden();
  await expect(page.getByText(shortCode)).toHaveCount(0);
  await expect(page.getByText(pin, { exact: true })).toHaveCount(0);
  await expect(page.getByTestId('standard-code')).toContainText('Active');

  // The profile form: a refusal shows next to its field; a good change is saved with PATCH.
  const nameField = page.getByLabel('Display name');
  await nameField.fill('   ');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(nameField).toHaveAttribute('aria-invalid', 'true');
  await expect(nameField).toHaveAccessibleDescription(
    'Enter a display name of 1 to 256 characters, without hidden formatting characters (often pasted along with the text).',
  );
  await nameField.fill(displayName);
  await page.getByLabel('Employee ID').fill(`F-${tag}`);
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Changes saved.' })).toBeVisible();
  await expect(nameField).not.toHaveAttribute('aria-invalid');

  // The worker signs in at a kiosk with the downloaded badge and the PIN shown once.
  const kiosk = await openKiosk({ badge: rawContent });
  await expect(kiosk.getByRole('heading', { name: 'Enter your PIN' })).toBeVisible({ timeout: SCAN_TIMEOUT });
  await kiosk.getByLabel('PIN', { exact: true }).fill(pin);
  await kiosk.getByRole('button', { name: 'Sign in' }).click();
  await expect(kiosk.getByRole('heading', { name: 'Choose your own PIN' })).toBeVisible();
  await kiosk.getByLabel('New PIN', { exact: true }).fill('58203917');
  await kiosk.getByRole('button', { name: 'Next' }).click();
  await kiosk.getByLabel('Confirm new PIN').fill('58203917');
  await kiosk.getByRole('button', { name: 'Save PIN' }).click();
  await expect(kiosk.getByRole('heading', { name: `Hello, ${displayName}` })).toBeVisible();

  // Her session shows on her page; resetting the PIN shows a new one once and ends it.
  await page.reload();
  await page.getByRole('tab', { name: 'Sessions' }).click();
  await expect(page.getByRole('cell', { name: 'Kiosk (badge + PIN)' })).toBeVisible();
  await expect(page.getByTestId('standard-code')).not.toContainText('Never');
  await page.getByRole('button', { name: 'Reset PIN' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Reset PIN' }).click();
  const pinPanel = page.getByRole('region', { name: `New PIN for ${displayName}` });
  const newPin = await pinPanel.getByTestId('secret-pin').innerText();
  expect(newPin).toMatch(/^\d{6,}$/);
  await expect(page.getByText('Not signed in anywhere.')).toBeVisible();
  await pinPanel.getByRole('button', { name: 'Done' }).click();
  await expect(page.getByText('Must choose a new PIN at the next sign-in.')).toBeVisible();

  const kiosk2 = await openKiosk({ badge: rawContent });
  await expect(kiosk2.getByRole('heading', { name: 'Enter your PIN' })).toBeVisible({
    timeout: SCAN_TIMEOUT,
  });
  await kiosk2.getByLabel('PIN', { exact: true }).fill(newPin);
  await kiosk2.getByRole('button', { name: 'Sign in' }).click();
  await expect(kiosk2.getByRole('heading', { name: 'Choose your own PIN' })).toBeVisible();

  // A second standard code is refused while one works; replacing it (after confirming) issues a new one.
  await page.getByRole('button', { name: 'Replace badge' }).click();
  await expect(page.getByRole('dialog', { name: `Replace ${displayName}’s badge?` })).toBeVisible();
  await page.getByRole('dialog').getByRole('button', { name: 'Replace badge' }).click();
  await expect(panel).toBeVisible();
  expect(await panel.getByTestId('secret-short-code').innerText()).not.toBe(shortCode);
  await expect(panel.getByTestId('secret-pin')).toHaveCount(0);
  await panel.getByRole('button', { name: 'Done' }).click();

  // A temporary badge, from now for the policy's hours (the dialog's rules: console-badge-issue.spec.ts).
  await page.getByRole('button', { name: 'Issue temporary badge' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Issue temporary badge' }).click();
  await expect(panel.getByText('Temporary badge')).toBeVisible();
  await panel.getByRole('button', { name: 'Done' }).click();
  await expect(page.getByTestId('temporary-code')).toContainText('Active');

  // Stores: the new store is listed, links to its people, and the page passes axe.
  await page.getByRole('navigation', { name: 'Console' }).getByRole('link', { name: 'Stores' }).click();
  await page.getByLabel('Search stores').fill(storeName);
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  await page.getByRole('link', { name: `People in ${storeName}` }).click();
  await expect(page.getByRole('row', { name: new RegExp(displayName) })).toBeVisible();
  await page.goBack();
  await expect(page.getByRole('link', { name: `People in ${storeName}` })).toBeVisible();
  expect(await seriousViolations(page, 'stores page')).toEqual([]);

  // Editing a store: its time zone is found by typing a city, and kept.
  await page.getByRole('button', { name: `Edit ${storeName}` }).click();
  const edit = page.getByRole('dialog', { name: `Edit ${storeName}` });
  const zone = edit.getByLabel('Time zone', { exact: true });
  await zone.fill('');
  await zone.pressSequentially('Lisbon');
  await page.getByRole('option', { name: 'Europe/Lisbon' }).click();
  await edit.getByRole('button', { name: 'Save' }).click();
  await expect(edit).toBeHidden();
  await expect(page.getByRole('row', { name: new RegExp(storeName) })).toContainText('Europe/Lisbon');

  // A store created here can be deleted after confirming.
  const spare = `Spare ${tag}`;
  await page.getByLabel('Name', { exact: true }).fill(spare);
  await page.getByRole('button', { name: 'Create store' }).click();
  await expect(page.getByRole('status').filter({ hasText: `${spare} was created.` })).toBeVisible();
  await page.getByLabel('Search stores').fill(spare);
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  await page.getByRole('button', { name: `Delete ${spare}` }).click();
  await page
    .getByRole('dialog', { name: `Delete ${spare}?` })
    .getByRole('button', { name: 'Delete store' })
    .click();
  await expect(page.getByText('No store matches.')).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('groups-page.png'), fullPage: true });
});

test('a manager pages through their own stores’ workers and is told so for another store’s', async ({
  adminApi,
  signedInConsole,
}, testInfo) => {
  const tag = Date.now();
  const mine = (await (
    await adminApi.post('/api/admin/groups', { data: { displayName: `Braga ${tag}` } })
  ).json()) as {
    id: string;
  };
  const other = (await (
    await adminApi.post('/api/admin/groups', { data: { displayName: `Faro ${tag}` } })
  ).json()) as {
    id: string;
  };
  const newWorker = async (name: string, groupId: string) => {
    const res = await adminApi.post('/api/admin/users', {
      data: {
        userPrincipalName: `${name.toLowerCase()}.${tag}@store.example`,
        displayName: `${name} ${tag}`,
        groupIds: [groupId],
      },
    });
    expect(res.status()).toBe(201);
    return (await res.json()) as { id: string; displayName: string };
  };
  const own = await newWorker('Nuno', mine.id);
  const foreign = await newWorker('Olga', other.id);
  // 26 workers in the manager's store: one more than a page (25), sorted by name.
  for (let i = 1; i <= 25; i++) await newWorker(`Ze${String(i).padStart(2, '0')}`, mine.id);
  const lastName = `Ze25 ${tag}`;

  const { page } = await signedInConsole({ role: 'manager', groupIds: [mine.id] });
  await page.goto('/admin/people');
  await expect(page.getByRole('link', { name: own.displayName })).toBeVisible();
  await expect(page.getByRole('link', { name: foreign.displayName })).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'New person' })).toHaveCount(0);

  // Pages are keyset pages kept in the address, so the browser's Back and Forward work.
  await expect(page.getByRole('link', { name: lastName })).toHaveCount(0);
  await page.getByRole('button', { name: 'Next page' }).click();
  await expect(page).toHaveURL(/[?&]pages=/);
  await expect(page.getByRole('link', { name: lastName })).toBeVisible();
  await expect(page.getByRole('link', { name: own.displayName })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Next page' })).toHaveCount(0);
  await page.goBack();
  await expect(page.getByRole('link', { name: own.displayName })).toBeVisible();
  await page.goForward();
  await expect(page.getByRole('link', { name: lastName })).toBeVisible();
  await page.getByRole('button', { name: 'Previous page' }).click();
  await expect(page.getByRole('link', { name: own.displayName })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Previous page' })).toHaveCount(0);

  await page.getByRole('link', { name: own.displayName }).click();
  await expect(page.getByText('Only admins can change a person’s profile.')).toBeVisible();
  await expect(page.getByLabel('Role')).toBeDisabled();
  await expect(page.getByRole('button', { name: 'Delete person' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Issue badge' })).toBeVisible();
  expect(await seriousViolations(page, 'person page as a manager')).toEqual([]);
  await page.screenshot({ path: testInfo.outputPath('person-page-manager.png'), fullPage: true });

  await page.goto(`/admin/people/${foreign.id}`);
  await expect(page.getByRole('alert')).toHaveText('You can only see people in your own stores.');
  // The page's words come from the API's refusal, which holds whatever the page does: another store's
  // person is answered as an unknown id, so a manager cannot tell who exists elsewhere.
  for (const path of [
    `/api/admin/users/${foreign.id}`,
    `/api/admin/users/${foreign.id}/qr-code-pin-method`,
  ]) {
    expect((await page.request.get(path)).status(), path).toBe(404);
  }
  const reset = await page.request.post(`/api/admin/users/${foreign.id}/qr-code-pin-method/pin/reset`, {
    data: {},
    headers: { origin: new URL(page.url()).origin },
  });
  expect(reset.status()).toBe(404);

  await page.goto('/admin/groups');
  await expect(page.getByRole('link', { name: `People in Braga ${tag}` })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Create store' })).toHaveCount(0);
  expect(await seriousViolations(page, 'stores page as a manager')).toEqual([]);
});
