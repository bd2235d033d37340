/**
 * Logs, reports and dashboard in the console: a store's workers sign in (one success on the store's
 * kiosk "Front till", two wrong PINs) and their manager sees exactly that — the dashboard's chart and
 * totals, the sign-in log with names (the kiosk's too), filtered to one person chosen in the person
 * picker and to failures, "Why?" as a panel, a CSV export with the same filter, the expiry report. An
 * admin reads the audit log as sentences with names, and sees the store manager's kiosk-exit PIN checks
 * in the sign-in log. axe on every view; screenshots at 1366×768 and 390×844.
 */
import { readFile } from 'node:fs/promises';
import { request, type Page } from '@playwright/test';
import { enrolApiKiosk, postFromKiosk } from './api-kiosk.js';
import { expect, seriousViolations, test } from './console-fixtures.js';

const VIEWPORTS = [
  { width: 1366, height: 768 },
  { width: 390, height: 844 },
];

/** Full-page screenshots of the page as it is, at both console sizes (back to the first after). */
async function screens(page: Page, screen: string) {
  for (const size of [...VIEWPORTS].reverse()) {
    await page.setViewportSize(size);
    await page.screenshot({
      path: `test-results/screens/${screen}-${size.width}x${size.height}.png`,
      fullPage: true,
    });
  }
}

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/;
/** An event key such as device.suspendedAtKiosk or qrPinMethod.issued. */
const EVENT_KEY = /\b[a-z]+[A-Z]?[a-z]*\.[a-z]+[A-Z]\w*\b|\b(user|group|device|app|pin)\.[a-z]+\b/;

const CSV_HEADER =
  'createdDateTime,result,failureCode,failureReason,userId,userDisplayName,userPrincipalName,authMethod,codeId,deviceId,deviceDisplayName,ipAddress,userAgent,id';

test('a manager sees their store’s sign-ins on the dashboard, filters the log to failures, exports them; an admin sees the audit log', async ({
  adminApi,
  baseURL,
  provisionWorker,
  signedInConsole,
}, testInfo) => {
  // A manager and an admin on the console (the first journey of a worker signs each in the whole way:
  // invitation, password, authenticator enrolment), on a busy machine.
  test.setTimeout(180_000);
  const created = await adminApi.post('/api/admin/groups', {
    data: { displayName: `Logs store ${Date.now()}` },
  });
  expect(created.status()).toBe(201);
  const store = (await created.json()) as { id: string };
  const ana = await provisionWorker('Ana Logs', { groupIds: [store.id] });
  const bruno = await provisionWorker('Bruno Logs', { groupIds: [store.id] });
  const maria = await provisionWorker('Maria Lopes', { groupIds: [store.id], role: 'manager' });
  const frontTill = await enrolApiKiosk(adminApi, { groupId: store.id, displayName: 'Front till' });

  // Sign-ins as a kiosk makes them (no admin token): Ana succeeds on the store's kiosk, Bruno types a
  // wrong PIN twice; then the store manager ends kiosk mode, with a wrong PIN first.
  const kiosk = await request.newContext({ baseURL, extraHTTPHeaders: { origin: baseURL! } });
  const signIn = (qr: string, pin: string) => kiosk.post('/api/auth/qr-pin/sign-in', { data: { qr, pin } });
  const onKiosk = (path: string, body: Record<string, unknown>) =>
    postFromKiosk(kiosk, baseURL!, frontTill, path, body);
  expect((await onKiosk('/api/auth/qr-pin/sign-in', { qr: ana.rawContent, pin: ana.pin })).status()).toBe(
    200,
  );
  const wrongPin = (pin: string) => (pin === '90817263' ? '81726354' : '90817263');
  expect((await signIn(bruno.rawContent, wrongPin(bruno.pin))).status()).toBe(401);
  expect((await signIn(bruno.rawContent, wrongPin(bruno.pin))).status()).toBe(401);
  const exit = (pin: string) =>
    onKiosk('/api/devices/exit-kiosk', { qr: maria.rawContent, pin, action: 'suspend' });
  expect((await exit(wrongPin(maria.pin))).status()).toBe(401);
  expect((await exit(maria.pin)).status()).toBe(200);
  await kiosk.dispose();

  const { page } = await signedInConsole({ role: 'manager', groupIds: [store.id] });
  const found: string[] = [];

  // Dashboard: the chart and its numbers cover this manager's workers only.
  await expect(page.getByTestId('activity-totals')).toHaveText('3 sign-ins: 1 succeeded, 2 failed.');
  await expect(page.getByRole('img', { name: 'Sign-ins per hour, last 24 hours' })).toBeVisible();
  await expect(page.locator('svg.chart rect.failure')).toHaveCount(24);
  await page.getByText('Sign-ins per hour as a table').click();
  const hourRows = page.getByRole('table').locator('tbody tr');
  await expect(hourRows).toHaveCount(24);
  await expect(page.getByRole('listitem').filter({ hasText: 'Wrong PIN' })).toContainText('2');
  found.push(...(await seriousViolations(page, 'dashboard')));
  await page.screenshot({ path: testInfo.outputPath('dashboard.png'), fullPage: true });

  // The sign-in log with names: Ana's sign-in on "Front till".
  await page.getByRole('navigation', { name: 'Console' }).getByRole('link', { name: 'Logs' }).click();
  await expect(page.getByRole('heading', { name: 'Logs', level: 1 })).toBeVisible();
  await expect(page.getByRole('tab', { name: 'Audit log' })).toHaveCount(0);
  const rows = page.getByRole('table', { name: 'Sign-ins, newest first' }).locator('tbody tr');
  await expect(rows).toHaveCount(3);
  await expect(rows.filter({ hasText: 'Ana Logs' })).toContainText('Front till');
  await expect(rows.first().locator('time')).toHaveText(/^\d{1,2} [A-Z][a-z]{2}, \d{2}:\d{2}$/);

  // Bruno, chosen in the person picker, and failures only; the filters land in the address.
  await page.getByRole('combobox', { name: 'Person' }).fill('Bruno');
  await page.getByRole('option', { name: /Bruno Logs/ }).click();
  await expect(page.getByRole('combobox', { name: 'Person' })).toHaveValue('Bruno Logs');
  await page.getByLabel('Result').click();
  await page.getByRole('option', { name: 'Failure' }).click();
  await page.getByRole('button', { name: 'Show entries' }).click();
  await expect(page).toHaveURL(new RegExp(`[?&]userId=${bruno.id}`));
  await expect(page).toHaveURL(/[?&]result=failure/);
  await expect(rows).toHaveCount(2);
  for (const row of await rows.all()) {
    await expect(row).toContainText('Bruno Logs');
    await expect(row).toContainText('Wrong PIN');
  }
  found.push(...(await seriousViolations(page, 'sign-in log')));
  await screens(page, 'logs-sign-ins');

  // "Why?" opens a panel of labelled facts; Escape closes it.
  await rows
    .first()
    .getByRole('button', { name: /^Why\?/ })
    .click();
  const panel = page.getByRole('dialog', { name: 'Sign-in details' });
  await expect(panel).toBeVisible();
  await expect(panel.getByRole('definition').filter({ hasText: 'Wrong PIN' })).toHaveCount(1);
  await expect(panel).toContainText('Why it failed');
  await expect(panel).toContainText('Not a store kiosk');
  found.push(...(await seriousViolations(page, 'sign-in detail')));
  await screens(page, 'logs-sign-in-detail');
  await page.keyboard.press('Escape');
  await expect(panel).toBeHidden();

  // Export: the same filter, a CSV with the header and Bruno's two failures.
  const exportLink = page.getByRole('link', { name: 'Export CSV' });
  await expect(exportLink).toHaveAttribute('href', /result=failure/);
  const [download] = await Promise.all([page.waitForEvent('download'), exportLink.click()]);
  expect(download.suggestedFilename()).toMatch(/^sign-in-logs-\d{8}T\d{4}Z\.csv$/);
  const csv = (await readFile(await download.path())).toString('utf8').replace(/^\uFEFF/, '');
  const lines = csv.split('\r\n').filter(Boolean);
  expect(lines[0]).toBe(CSV_HEADER);
  expect(lines).toHaveLength(3);
  for (const line of lines.slice(1))
    expect(line).toContain(`,failure,PIN_INCORRECT,The PIN is incorrect.,${bruno.id},Bruno Logs,`);

  // The expiry report: both badges (a new standard badge expires within 395 days).
  await page.getByRole('link', { name: 'Reports' }).click();
  await page.getByLabel('Expiring within (days)').fill('395');
  await page.getByRole('button', { name: 'Show badges' }).click();
  const badges = page.getByRole('table', { name: /Badges expiring within 395 days/ }).locator('tbody tr');
  await expect(badges).toHaveCount(2);
  await expect(badges.filter({ hasText: 'Ana Logs' })).toHaveCount(1);
  found.push(...(await seriousViolations(page, 'expiry report')));
  await page.screenshot({ path: testInfo.outputPath('expiry-report.png'), fullPage: true });

  // An admin sees the store manager's two PIN checks at the kiosk exit, with the kiosk, in the sign-in log.
  const admin = await signedInConsole({ role: 'admin' });
  await admin.page.goto(`/admin/logs?userId=${maria.id}`);
  const mariaRows = admin.page.getByRole('table', { name: 'Sign-ins, newest first' }).locator('tbody tr');
  await expect(mariaRows).toHaveCount(2);
  await expect(admin.page.getByRole('combobox', { name: 'Person' })).toHaveValue('Maria Lopes');
  for (const row of await mariaRows.all()) {
    await expect(row).toContainText('Badge + PIN to exit kiosk mode');
    await expect(row).toContainText('Front till');
  }
  await expect(mariaRows.nth(1)).toContainText('Wrong PIN');
  found.push(...(await seriousViolations(admin.page, 'sign-in log, kiosk exit')));
  await screens(admin.page, 'logs-sign-ins-kiosk-exit');

  // The audit log, as sentences with names: no event key, no id.
  await admin.page.getByRole('tab', { name: 'Audit log' }).click();
  await expect(admin.page).toHaveURL(/view=audit/);
  const audit = admin.page.getByRole('table', { name: 'Audit log, newest first' });
  await expect(audit.locator('tbody tr').first()).toContainText(
    'Kiosk “Front till” suspended at the kiosk by Maria Lopes',
  );
  await expect(audit).not.toContainText(UUID);
  await expect(audit).not.toContainText(EVENT_KEY);
  found.push(...(await seriousViolations(admin.page, 'audit log')));
  await screens(admin.page, 'logs-audit');
  await audit
    .locator('tbody tr')
    .first()
    .getByRole('button', { name: /^Details/ })
    .click();
  const entry = admin.page.getByRole('dialog', { name: 'Audit entry details' });
  await expect(entry).toContainText('Maria Lopes');
  await expect(entry.getByRole('row', { name: /Status/ })).toContainText('suspended');
  found.push(...(await seriousViolations(admin.page, 'audit detail')));
  await screens(admin.page, 'logs-audit-detail');

  expect(found).toEqual([]);
});
