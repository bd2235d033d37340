/**
 * CSV import and badge sheet, in Chromium against the production build: a 200-row file with exactly
 * three bad rows is checked (the three rows and their columns are listed), imported (197 people,
 * checked through the people API), the temporary-PIN CSV is downloaded (197 lines), and the badge
 * sheet prints 197 labels on 17 sheets. A reload forgets the badges. axe on the import page and sheet.
 */
import { readFile } from 'node:fs/promises';
import { expect, seriousViolations, test } from './console-fixtures.js';

const PEOPLE = 200;
/** Data rows (0-based) that are bad, and what is wrong with each; spreadsheet row = index + 2. */
const BAD = new Map<number, { field: string; cells: (i: number, upn: string, store: string) => string }>([
  [10, { field: 'role', cells: (i, upn, store) => `${upn},Bulk Person ${i},boss,${store}` }],
  [99, { field: 'displayName', cells: (_i, upn, store) => `${upn},,worker,${store}` }],
  [150, { field: 'groups', cells: (i, upn) => `${upn},Bulk Person ${i},worker,Atlantis` }],
]);

test('import 200 people with 3 bad rows, download the PINs, print the badge sheet', async ({
  signedInConsole,
  adminApi,
}) => {
  test.setTimeout(180_000);
  const run = Date.now().toString(36);
  const storeName = `Bulk Store ${run}`;
  const store = await adminApi.post('/api/admin/groups', { data: { displayName: storeName } });
  expect(store.status()).toBe(201);
  const policy = await adminApi.patch('/api/admin/policies/qr-code-pin', {
    data: { state: 'enabled', includeTargets: [{ id: 'all_users' }] },
  });
  expect(policy.status()).toBe(200);

  const lines = ['userPrincipalName,displayName,role,groups'];
  for (let i = 0; i < PEOPLE; i++) {
    const upn = `bulk${i}.${run}@example.test`;
    const bad = BAD.get(i);
    lines.push(
      bad
        ? bad.cells(i, upn, storeName)
        : `${upn},Bulk${run} Person ${String(i).padStart(3, '0')},worker,${storeName}`,
    );
  }
  const csv = `${lines.join('\r\n')}\r\n`;

  const { page } = await signedInConsole({ role: 'admin' });
  const found: string[] = [];

  await page.goto('/admin/people/import');
  await expect(page.getByRole('heading', { name: 'Import people' })).toBeVisible();
  found.push(...(await seriousViolations(page, 'import page')));

  await page
    .getByLabel('CSV file')
    .setInputFiles({ name: 'people.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await page.getByLabel('Issue badges for new people').check();
  await page.getByRole('button', { name: 'Check file' }).click();

  // The dry run: exactly the three bad rows, by spreadsheet row number and column.
  const errors = page.getByTestId('import-errors');
  await expect(errors).toBeVisible();
  const rows = await errors
    .locator('tbody tr')
    .evaluateAll((trs) =>
      trs.map((tr) => [...tr.querySelectorAll('th, td')].map((cell) => cell.textContent?.trim() ?? '')),
    );
  expect(rows.map(([row, field]) => [row, field])).toEqual(
    [...BAD].map(([index, bad]) => [String(index + 2), bad.field]),
  );
  await expect(page.getByText('Row numbers are the ones your spreadsheet shows')).toBeVisible();
  const counts = page.getByTestId('import-counts');
  await expect(counts).toContainText('New people');
  await expect(counts.locator('div', { hasText: 'New people' }).locator('dd')).toHaveText('197');
  await expect(counts.locator('div', { hasText: 'Rows with errors' }).locator('dd')).toHaveText('3');
  found.push(...(await seriousViolations(page, 'import page after the check')));
  await page.screenshot({ path: 'test-results/import-check.png', fullPage: true });

  // Commit.
  await page.getByRole('button', { name: 'Import 197 people' }).click();
  await expect(page.getByRole('heading', { name: 'Import finished' })).toBeVisible({ timeout: 120_000 });
  await expect(page.getByText('Imported: 197 new, 0 updated, 0 unchanged, 3 skipped.')).toBeVisible();
  await expect(page.getByRole('heading', { name: '197 badges issued' })).toBeVisible();
  await expect(page.getByRole('alert').filter({ hasText: 'shown only now' })).toBeVisible();
  found.push(...(await seriousViolations(page, 'import finished')));

  // The people API has them.
  const listed = await adminApi.get(`/api/admin/users?search=${encodeURIComponent(`Bulk${run}`)}&limit=200`);
  expect(listed.status()).toBe(200);
  const people = ((await listed.json()) as { value: { userPrincipalName: string; groupIds: string[] }[] })
    .value;
  expect(people).toHaveLength(197);
  const storeId = ((await store.json()) as { id: string }).id;
  expect(people.every((p) => p.groupIds.includes(storeId))).toBe(true);

  // The temporary PINs, built in the browser.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download temporary PINs (CSV)' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^shiftpass-temporary-pins-\d{4}-\d{2}-\d{2}\.csv$/);
  const pins = (await readFile((await download.path())!, 'utf8'))
    .replace(/^\uFEFF/, '')
    .trimEnd()
    .split('\r\n');
  expect(pins[0]).toBe('name,userPrincipalName,shortCode,pin');
  expect(pins.slice(1)).toHaveLength(197);
  expect(
    pins
      .slice(1)
      .every((line) => /^Bulk\S+ Person \d{3},bulk\d+\.\S+,[0-9A-Z]{5}-[0-9A-Z]{5},\d{6,}$/.test(line)),
  ).toBe(true);

  // The badge sheet, as printed.
  await page.getByRole('button', { name: 'Print badge sheet' }).click();
  await expect(page).toHaveURL(/\/admin\/badges\/sheet$/);
  await expect(page.getByRole('heading', { name: 'Badge sheet' })).toBeVisible();
  await expect(page.getByText('197 badges on 17 sheets.')).toBeVisible();
  found.push(...(await seriousViolations(page, 'badge sheet')));
  await page.screenshot({ path: 'test-results/badge-sheet-screen.png' });
  await page.getByLabel('US Letter').check();
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('button', { name: 'Print' })).toBeHidden();
  await expect(page.getByRole('navigation')).toBeHidden();
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeHidden();
  await expect(page.locator('.sheet')).toHaveCount(17);
  await expect(page.locator('.badge-label')).toHaveCount(197);
  await expect(page.getByRole('img', { name: /^Badge QR code for / })).toHaveCount(197);
  expect(await page.locator('.mark').count()).toBe(197 * 4);
  await page.locator('.sheet').first().screenshot({ path: 'test-results/badge-sheet-print.png' });
  // Printed for real (Chromium's PDF): one US Letter page per sheet, the size taken from @page.
  const pdf = (await page.pdf({ preferCSSPageSize: true, printBackground: true })).toString('latin1');
  expect(pdf.match(/\/Type\s*\/Page(?!s)/g)).toHaveLength(17);
  expect(pdf).toMatch(/\/MediaBox\s*\[0 0 612 792\]/);
  await page.emulateMedia({ media: 'screen' });

  // Memory only: a reload forgets them.
  await page.reload();
  await expect(page.getByText('Badges are shown only once. Issue them again to print.')).toBeVisible();
  await expect(page.locator('.badge-label')).toHaveCount(0);

  expect(found).toEqual([]);
});

test("a store's manager issues and prints badges for the store's workers; the import is for admins only", async ({
  signedInConsole,
  adminApi,
}) => {
  const run = Date.now().toString(36);
  const store = (await (
    await adminApi.post('/api/admin/groups', { data: { displayName: `Badge Store ${run}` } })
  ).json()) as { id: string; displayName: string };
  await adminApi.patch('/api/admin/policies/qr-code-pin', {
    data: { state: 'enabled', includeTargets: [{ id: 'all_users' }] },
  });
  for (const name of ['Ana', 'Bo', 'Cy']) {
    const res = await adminApi.post('/api/admin/users', {
      data: {
        userPrincipalName: `${name}.${run}@example.test`,
        displayName: `${name} ${run}`,
        groupIds: [store.id],
      },
    });
    expect(res.status()).toBe(201);
  }
  const { page } = await signedInConsole({ role: 'manager', groupIds: [store.id] });
  const found: string[] = [];

  await page.goto('/admin/people/import');
  await expect(page.getByRole('alert')).toHaveText('Only admins can import people.');
  await expect(page.getByLabel('CSV file')).toHaveCount(0);

  await page.goto(`/admin/groups/${store.id}/badges`);
  await expect(page.getByRole('heading', { name: `Badges for ${store.displayName}` })).toBeVisible();
  found.push(...(await seriousViolations(page, 'store badges')));
  await page.getByRole('button', { name: 'Issue and print badges for this store' }).click();
  await expect(page.getByRole('heading', { name: '3 badges issued' })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText('3 badges issued; 0 already had one; 1 skipped.')).toBeVisible();
  found.push(...(await seriousViolations(page, 'store badges issued')));

  // (1 skipped: the manager themselves; a manager issues badges for workers only.)
  // Replacing asks first.
  await page.getByLabel('Also replace badges people already have').check();
  await page.getByRole('button', { name: 'Issue and print badges for this store' }).click();
  const dialog = page.getByRole('dialog', { name: 'Replace every badge of this store?' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('heading', { name: '3 badges issued' })).toBeVisible();

  await page.getByRole('button', { name: 'Print badge sheet' }).click();
  await expect(page.getByText('3 badges on 1 sheet.')).toBeVisible();
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('img', { name: /^Badge QR code for / })).toHaveCount(3);

  // Another store's badges are refused in words.
  const other = (await (
    await adminApi.post('/api/admin/groups', { data: { displayName: `Other Store ${run}` } })
  ).json()) as { id: string };
  await page.emulateMedia({ media: 'screen' });
  await page.goto(`/admin/groups/${other.id}/badges`);
  await page.getByRole('button', { name: 'Issue and print badges for this store' }).click();
  await expect(page.getByRole('alert')).toHaveText('You can only issue badges for your own stores.');

  expect(found).toEqual([]);
});
