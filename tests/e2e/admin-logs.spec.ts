/**
 * Logs, reports and dashboard in the console: a store's workers sign in (one success, two wrong
 * PINs) and their manager sees exactly that — the dashboard's chart and totals, the sign-in log
 * filtered to failures, a CSV export with the same filter, the expiry report. An admin also sees
 * the audit log. axe on every view.
 */
import { readFile } from 'node:fs/promises';
import { request } from '@playwright/test';
import { expect, seriousViolations, test } from './console-fixtures.js';

const CSV_HEADER =
  'createdDateTime,result,failureCode,failureReason,userId,userDisplayName,userPrincipalName,authMethod,codeId,deviceId,ipAddress,userAgent,id';

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

  // Sign-ins as a kiosk makes them (no admin token): Ana succeeds, Bruno types a wrong PIN twice.
  const kiosk = await request.newContext({ baseURL, extraHTTPHeaders: { origin: baseURL! } });
  const signIn = (qr: string, pin: string) => kiosk.post('/api/auth/qr-pin/sign-in', { data: { qr, pin } });
  expect((await signIn(ana.rawContent, ana.pin)).status()).toBe(200);
  const wrongPin = bruno.pin === '90817263' ? '81726354' : '90817263';
  expect((await signIn(bruno.rawContent, wrongPin)).status()).toBe(401);
  expect((await signIn(bruno.rawContent, wrongPin)).status()).toBe(401);
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

  // The sign-in log, filtered to failures; the filter lands in the address.
  await page.getByRole('navigation', { name: 'Console' }).getByRole('link', { name: 'Logs' }).click();
  await expect(page.getByRole('heading', { name: 'Logs', level: 1 })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Audit log' })).toHaveCount(0);
  const rows = page.getByRole('table', { name: 'Sign-ins, newest first' }).locator('tbody tr');
  await expect(rows).toHaveCount(3);
  await page.getByLabel('Result').selectOption('failure');
  await page.getByRole('button', { name: 'Show entries' }).click();
  await expect(page).toHaveURL(/[?&]result=failure/);
  await expect(rows).toHaveCount(2);
  for (const row of await rows.all()) {
    await expect(row).toContainText('Bruno Logs');
    await expect(row).toContainText('Failure');
    await expect(row).toContainText('Wrong PIN');
  }
  found.push(...(await seriousViolations(page, 'sign-in log')));
  await page.screenshot({ path: testInfo.outputPath('sign-in-log.png'), fullPage: true });

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

  // An admin switches to the audit log (the badges issued above are in it).
  const admin = await signedInConsole({ role: 'admin' });
  await admin.page.goto('/admin/logs');
  await admin.page.getByRole('button', { name: 'Audit log' }).click();
  await expect(admin.page).toHaveURL(/view=audit/);
  const audit = admin.page.getByRole('table', { name: 'Audit log, newest first' });
  await expect(audit.locator('tbody tr').first()).toBeVisible();
  found.push(...(await seriousViolations(admin.page, 'audit log')));
  await admin.page.screenshot({ path: testInfo.outputPath('audit-log.png'), fullPage: true });

  expect(found).toEqual([]);
});
