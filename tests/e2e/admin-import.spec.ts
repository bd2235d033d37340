/**
 * CSV import and store badges, in Chromium against the production build: the badges and temporary
 * PINs a run issues are saved and printed from the page that shows them, which cannot be left by
 * accident while they are unsaved.
 * - Import: a file with a `stores` column and three bad rows is checked (rows and columns named),
 *   imported; leaving (a link, Back, a reload) asks first and dismissing keeps the results; the PIN
 *   file downloads; the badge sheet prints from the page (2 US Letter sheets in Chromium's PDF) and
 *   the results and the PIN download are still there afterwards; nothing is in web storage.
 * - Store badges: a manager sees who gets what, issues, then reprints two chosen labels without PINs.
 * Screenshots at 1366×768 and 390×844, axe on every screen.
 */
import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { expect, seriousViolations, test } from './console-fixtures.js';

const PEOPLE = 16;
/** Data rows (0-based) that are bad, and what is wrong with each; spreadsheet row = index + 2. */
const BAD = new Map<number, { column: string; cells: (i: number, upn: string, store: string) => string }>([
  [2, { column: 'role', cells: (i, upn, store) => `${upn},Bulk Person ${i},boss,${store}` }],
  [7, { column: 'displayName', cells: (_i, upn, store) => `${upn},,worker,${store}` }],
  [11, { column: 'stores', cells: (i, upn) => `${upn},Bulk Person ${i},worker,Atlantis` }],
]);
const GOOD = PEOPLE - BAD.size;

/** Phone first, so each page is left at the laptop size. */
const VIEWPORTS = [
  ['390', { width: 390, height: 844 }],
  ['1366', { width: 1366, height: 768 }],
] as const;

/** Screenshots of the page at both console viewports, and axe at each; back to the wide one after. */
async function screens(page: Page, screen: string, found: string[]) {
  for (const [name, size] of VIEWPORTS) {
    await page.setViewportSize(size);
    await page.screenshot({ path: `test-results/screens/${screen}-${name}.png`, fullPage: true });
    found.push(...(await seriousViolations(page, `${screen} at ${name}`)));
  }
}

/** window.print() opens the browser's own dialog, which a test cannot press: count the calls instead. */
async function countPrints(page: Page) {
  await page.evaluate(() => {
    const w = window as unknown as { prints: number };
    w.prints = 0;
    window.print = () => {
      w.prints += 1;
    };
  });
  return () => page.evaluate(() => (window as unknown as { prints: number }).prints);
}

test('import with badges: leaving asks first, the PINs download and the sheet prints from the results, which stay', async ({
  signedInConsole,
  adminApi,
}) => {
  const run = Date.now().toString(36);
  const storeName = `Bulk Store ${run}`;
  const store = await adminApi.post('/api/admin/groups', { data: { displayName: storeName } });
  expect(store.status()).toBe(201);
  const policy = await adminApi.patch('/api/admin/policies/qr-code-pin', {
    data: { state: 'enabled', includeTargets: [{ id: 'all_users' }] },
  });
  expect(policy.status()).toBe(200);

  const lines = ['userPrincipalName,displayName,role,stores'];
  for (let i = 0; i < PEOPLE; i++) {
    const upn = `bulk${i}.${run}@example.test`;
    const bad = BAD.get(i);
    lines.push(
      bad
        ? bad.cells(i, upn, storeName)
        : `${upn},Bulk${run} Person ${String(i).padStart(2, '0')},worker,${storeName}`,
    );
  }
  const csv = `${lines.join('\r\n')}\r\n`;

  const { page } = await signedInConsole({ role: 'admin' });
  const found: string[] = [];

  // In the app from People, so Back is the app's own navigation.
  await page.goto('/admin/people');
  await page.getByRole('link', { name: 'Import from CSV' }).click();
  await expect(page.getByRole('heading', { name: 'Import people' })).toBeVisible();
  await page.getByText('Columns the file may have').click();
  await expect(page.getByText('The two names mean the same: use one of them, not both.')).toBeVisible();
  await screens(page, 'import', found);

  await page
    .getByLabel('CSV file')
    .setInputFiles({ name: 'people.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await page.getByLabel('Issue badges for new people').check();
  await page.getByRole('button', { name: 'Check file' }).click();

  // The dry run: exactly the three bad rows, by spreadsheet row number and by the file's column names.
  const errors = page.getByTestId('import-errors');
  await expect(errors).toBeVisible();
  const rows = await errors
    .locator('tbody tr')
    .evaluateAll((trs) =>
      trs.map((tr) => [...tr.querySelectorAll('th, td')].map((cell) => cell.textContent?.trim() ?? '')),
    );
  expect(rows.map(([row, column]) => [row, column])).toEqual(
    [...BAD].map(([index, bad]) => [String(index + 2), bad.column]),
  );
  const counts = page.getByTestId('import-counts');
  await expect(counts.locator('div', { hasText: 'New people' }).locator('dd')).toHaveText(String(GOOD));
  await expect(counts.locator('div', { hasText: 'Rows with errors' }).locator('dd')).toHaveText('3');
  await expect(page.getByText('These columns were not read')).toHaveCount(0);
  await screens(page, 'import-check', found);

  await page.getByRole('button', { name: `Import ${GOOD} people` }).click();
  await expect(page.getByRole('heading', { name: 'Import finished' })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText(`Imported: ${GOOD} new, 0 updated, 0 unchanged, 3 skipped.`)).toBeVisible();
  const panel = page.getByRole('region', { name: `${GOOD} badges issued` });
  await expect(panel.getByRole('alert')).toContainText('cannot be shown again');
  await expect(panel.getByTestId('pins-state')).toHaveText('Not saved yet.');
  await expect(panel.getByTestId('sheet-state')).toHaveText('Not printed yet.');
  await screens(page, 'import-results', found);

  // The people are in the store (the stores column was read).
  const storeId = ((await store.json()) as { id: string }).id;
  const listed = await adminApi.get(`/api/admin/users?search=${encodeURIComponent(`Bulk${run}`)}&limit=50`);
  const people = ((await listed.json()) as { value: { groupIds: string[] }[] }).value;
  expect(people).toHaveLength(GOOD);
  expect(people.every((p) => p.groupIds.includes(storeId))).toBe(true);

  // Leaving asks first; dismissing keeps the results: a link, Back, a reload.
  const leave = page.getByRole('dialog', { name: 'Leave without saving?' });
  await page.getByRole('navigation').getByRole('link', { name: 'People', exact: true }).click();
  await expect(leave).toBeVisible();
  await expect(leave).toContainText('The temporary PINs were not saved and the badges were not printed.');
  await screens(page, 'import-leave-question', found);
  await leave.getByRole('button', { name: 'Stay on this page' }).click();
  await expect(leave).toBeHidden();
  await expect(page).toHaveURL(/\/admin\/people\/import$/);
  await page.evaluate(() => history.back());
  await expect(leave).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(leave).toBeHidden();
  await expect(page).toHaveURL(/\/admin\/people\/import$/);
  // A reload: the browser's own question (beforeunload), dismissed here, as "Stay" would be.
  const asked = new Promise<string>((resolve) => {
    page.once('dialog', (dialog) => {
      resolve(dialog.type());
      void dialog.dismiss();
    });
  });
  await page.evaluate(() => location.reload());
  expect(await asked).toBe('beforeunload');
  await expect(panel.getByRole('button', { name: 'Download temporary PINs (CSV)' })).toBeVisible();

  // The temporary PINs, built in the browser.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    panel.getByRole('button', { name: 'Download temporary PINs (CSV)' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^shiftpass-temporary-pins-\d{4}-\d{2}-\d{2}\.csv$/);
  const pins = (await readFile((await download.path())!, 'utf8'))
    .replace(/^\uFEFF/, '')
    .trimEnd()
    .split('\r\n');
  expect(pins[0]).toBe('name,userPrincipalName,shortCode,pin');
  expect(pins.slice(1)).toHaveLength(GOOD);
  expect(
    pins
      .slice(1)
      .every((line) => /^Bulk\S+ Person \d{2},bulk\d+\.\S+,[0-9A-Z]{5}-[0-9A-Z]{5},\d{6,}$/.test(line)),
  ).toBe(true);
  await expect(panel.getByTestId('pins-state')).toHaveText(/^PIN file downloaded at /);
  // The sheet is still unprinted: leaving still asks, now about the badges only.
  await page.getByRole('navigation').getByRole('link', { name: 'People', exact: true }).click();
  await expect(leave).toContainText('The badge sheet was not printed.');
  await leave.getByRole('button', { name: 'Stay on this page' }).click();

  // The badge sheet prints from the results page, which stays.
  const prints = await countPrints(page);
  await panel.getByLabel('US Letter').check();
  await panel.getByRole('button', { name: 'Print badge sheet' }).click();
  await expect.poll(prints).toBe(1);
  await expect(panel.getByTestId('sheet-state')).toHaveText(/^Badge sheet sent to the printer at /);
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('heading', { name: 'Import finished' })).toBeHidden();
  await expect(page.getByRole('navigation')).toBeHidden();
  await expect(page.locator('.sheet')).toHaveCount(2);
  await expect(page.getByRole('img', { name: /^Badge QR code for Bulk/ })).toHaveCount(GOOD);
  expect(await page.locator('.sheet .mark').count()).toBe(GOOD * 4);
  // Labels carry no PIN.
  const sheetText = (await page.locator('.sheet').allInnerTexts()).join('\n');
  for (const line of pins.slice(1)) expect(sheetText).not.toContain(line.split(',')[3]!);
  await page.locator('.sheet').first().screenshot({ path: 'test-results/screens/badge-sheet-print.png' });
  const pdf = (await page.pdf({ preferCSSPageSize: true, printBackground: true })).toString('latin1');
  expect(pdf.match(/\/Type\s*\/Page(?!s)/g)).toHaveLength(2);
  expect(pdf).toMatch(/\/MediaBox\s*\[0 0 612 792\]/);
  await page.emulateMedia({ media: 'screen' });

  // Back from printing: the results and the PIN download are all still there.
  await expect(page.getByRole('heading', { name: 'Import finished' })).toBeVisible();
  await expect(panel.getByRole('button', { name: 'Download temporary PINs (CSV)' })).toBeEnabled();
  await expect(panel.getByRole('status')).toContainText('cannot be shown again once you leave');
  await screens(page, 'import-results-saved', found);

  // Never in web storage.
  const stored = await page.evaluate(
    () => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }),
  );
  for (const line of pins.slice(1)) expect(stored).not.toContain(line.split(',')[3]!);

  // Everything saved: leaving no longer asks, and coming back shows an empty form (memory only).
  await page.getByRole('navigation').getByRole('link', { name: 'People', exact: true }).click();
  await expect(page).toHaveURL(/\/admin\/people$/);
  await expect(leave).toHaveCount(0);
  await page.goBack();
  await expect(page.getByLabel('CSV file')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Import finished' })).toHaveCount(0);

  expect(found).toEqual([]);
});

test("a store's manager previews, issues, then reprints chosen labels without PINs; the import is admins' only", async ({
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

  // The preview: three workers without a badge; the manager is not theirs to badge.
  await page.goto(`/admin/groups/${store.id}/badges`);
  await expect(page.getByRole('heading', { name: `Badges for ${store.displayName}` })).toBeVisible();
  const preview = page.getByTestId('badge-preview');
  for (const name of ['Ana', 'Bo', 'Cy']) {
    await expect(preview.getByRole('row', { name: new RegExp(`^${name} ${run}`) })).toContainText(
      'Issue gives a badge and a temporary PIN.',
    );
  }
  await expect(preview).toContainText('Not yours to issue');
  await screens(page, 'store-badges', found);

  await page.getByRole('button', { name: 'Issue 3 new badges' }).click();
  const issued = page.getByRole('region', { name: '3 badges issued' });
  await expect(issued).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText('3 badges issued; 0 already had one; 1 skipped.')).toBeVisible();
  const prints = await countPrints(page);
  await issued.getByRole('button', { name: 'Print PIN list' }).click();
  await expect.poll(prints).toBe(1);
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('heading', { name: 'Temporary PINs' })).toBeVisible();
  await expect(page.locator('.pin-list tbody tr')).toHaveCount(3);
  await page.emulateMedia({ media: 'screen' });
  await expect(issued.getByTestId('pins-state')).toHaveText(/^PIN list sent to the printer at /);
  await screens(page, 'store-badges-issued', found);

  // Back to the preview with the sheet unprinted: asked first; then everyone has a badge.
  await page.getByRole('button', { name: 'Issue or reprint more' }).click();
  const leave = page.getByRole('dialog', { name: 'Leave without saving?' });
  await expect(leave).toContainText('The badge sheet was not printed.');
  await leave.getByRole('button', { name: 'Leave anyway' }).click();
  await expect(page.getByText('Everyone who can have a badge has one.')).toBeVisible();
  await expect(preview.getByRole('row', { name: new RegExp(`Bo ${run}`) })).toContainText(
    'Has a badge, works until',
  );
  await screens(page, 'store-badges-reprint', found);

  // Reprint two chosen badges: asked first, no PIN anywhere, the third badge left alone.
  await page.getByLabel(`Reprint the badge of Ana ${run}`).check();
  await page.getByLabel(`Reprint the badge of Cy ${run}`).check();
  await page.getByRole('button', { name: 'Reprint 2 badges' }).click();
  const confirm = page.getByRole('dialog', { name: 'Reprint 2 badges?' });
  await expect(confirm).toContainText('old printed badge stops working at once');
  await confirm.getByRole('button', { name: 'Reprint badges' }).click();
  const reprinted = page.getByRole('region', { name: '2 badges issued' });
  await expect(reprinted).toBeVisible({ timeout: 30_000 });
  await expect(reprinted).toContainText('keep the PIN they already have');
  await expect(reprinted.getByRole('button', { name: 'Download temporary PINs (CSV)' })).toHaveCount(0);
  await reprinted.getByRole('button', { name: 'Print badge sheet' }).click();
  await expect.poll(prints).toBe(2);
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('img', { name: /^Badge QR code for / })).toHaveCount(2);
  await expect(page.locator('.sheet')).toContainText(`Ana ${run}`);
  await expect(page.locator('.sheet')).toContainText(`Cy ${run}`);
  await expect(page.locator('.sheet')).not.toContainText(`Bo ${run}`);
  await page.emulateMedia({ media: 'screen' });
  await screens(page, 'store-badges-reprinted', found);

  // Another store's badges are refused in words.
  const other = (await (
    await adminApi.post('/api/admin/groups', { data: { displayName: `Other Store ${run}` } })
  ).json()) as { id: string };
  await page.goto(`/admin/groups/${other.id}/badges`);
  await expect(page.getByRole('alert')).toHaveText('You can only issue badges for your own stores.');

  expect(found).toEqual([]);
});
