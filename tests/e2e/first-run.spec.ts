/**
 * A first run as a newcomer has it: `npm start` on an empty data directory (scripts/start.js, the build
 * the suite made, no BOOTSTRAP_* variables, a port of its own) prints the one-time setup link; the
 * setup page creates the first admin and shows the API token once with Copy and "Go to the console";
 * the same link again says it was used; the first admin's dashboard lists the first steps, QR sign-in
 * switched off until it is switched on.
 * The suite's shared server cannot play this: it starts with an admin already there.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { freePort } from '../support/server-process.js';
import { totpCode } from '../support/totp.js';
import { expect, seriousViolations, test } from './console-fixtures.js';

test.describe.configure({ mode: 'serial' });

let server: ChildProcess | undefined;
let dataDir: string;
let origin: string;
let setupLink: string;
let output = '';
const admin = { username: 'owner@store.example', password: 'first admin password 2026', apiToken: '' };

test.beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'shiftpass-first-run-'));
  const port = await freePort();
  origin = `http://localhost:${port}`;
  server = spawn(process.execPath, ['scripts/start.js'], {
    env: { PATH: process.env.PATH, PORT: String(port), DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const printed = new Promise<string>((resolve, reject) => {
    const read = (chunk: Buffer) => {
      output += String(chunk);
      const link = /^ {4}(http:\/\/\S+\/setup#[A-Za-z0-9_-]+)$/m.exec(output)?.[1];
      if (link && output.includes('Listening on')) resolve(link);
    };
    server!.stdout!.on('data', read);
    server!.stderr!.on('data', read);
    server!.once('exit', (code) => reject(new Error(`npm start exited ${code}:\n${output}`)));
  });
  setupLink = await printed;
});

test.afterAll(async () => {
  if (server && server.exitCode === null) {
    const exited = new Promise((done) => server!.once('exit', done));
    server.kill('SIGTERM');
    await exited;
  }
  rmSync(dataDir, { recursive: true, force: true });
});

async function screens(page: Page, name: string, found: string[]) {
  for (const [width, height] of [
    [1366, 768],
    [390, 844],
  ] as const) {
    await page.setViewportSize({ width, height });
    await page.screenshot({ path: `test-results/screens/${name}-${width}x${height}.png`, fullPage: true });
    found.push(...(await seriousViolations(page, `${name} at ${width}×${height}`)));
  }
}

test('the setup link creates the first admin, shows the token once with Copy, and then says it was used', async ({
  testContexts,
}) => {
  // npm start printed the link set apart: a blank line before it, indented.
  expect(output).toMatch(/No admin yet\. Open this one-time link.*\n\n {4}http:\/\/localhost:\d+\/setup#/);
  const context = await testContexts.newContext({
    baseURL: origin,
    permissions: ['clipboard-read', 'clipboard-write'],
  });
  const page = await context.newPage();
  const found: string[] = [];
  await page.goto(setupLink);
  await expect(page.getByRole('heading', { name: 'Create the first admin' })).toBeVisible();
  await expect(page).toHaveURL(/\/setup$/);
  await expect(page.getByText('Shiftpass', { exact: true })).toBeVisible();
  await expect(page.getByText('This page creates the first admin: you.')).toBeVisible();
  await screens(page, 'setup', found);

  // The page's own words, not the browser's bubbles.
  await page.getByRole('button', { name: 'Create the first admin' }).click();
  await expect(page.getByText('Type a sign-in name.')).toBeVisible();
  await expect(page.getByLabel('Sign-in name')).toHaveAttribute('aria-invalid', 'true');

  await page.getByLabel('Sign-in name').fill(admin.username);
  await page.getByLabel('Your name (optional)').fill('Olivia Owner');
  await page.getByLabel('Password', { exact: true }).fill(admin.password);
  await page.getByLabel('Type the password again').fill(admin.password);
  await page.getByRole('button', { name: 'Create the first admin' }).click();

  await expect(page.getByRole('heading', { name: 'Admin created' })).toBeVisible();
  await expect(page.getByText('Shown only now')).toBeVisible();
  admin.apiToken = await page.getByRole('textbox', { name: 'Admin API token' }).inputValue();
  expect(admin.apiToken).toMatch(/^sp_[A-Za-z0-9_-]{43}$/);
  await page.getByRole('button', { name: 'Copy token' }).click();
  await expect(page.getByText('Copied to the clipboard.')).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(admin.apiToken);
  await screens(page, 'setup-admin-created', found);

  // The same link again, in a new tab: no form, a way to sign in instead.
  const again = await context.newPage();
  await again.goto(setupLink);
  await expect(again.getByRole('heading', { name: 'This setup link has already been used' })).toBeVisible();
  await expect(again.getByLabel('Sign-in name')).toHaveCount(0);
  await screens(again, 'setup-link-used', found);
  await again.getByRole('link', { name: 'Sign in to the console' }).click();
  await expect(again).toHaveURL(/\/admin\/login$/);

  await page.getByRole('link', { name: 'Go to the console' }).click();
  await expect(page).toHaveURL(/\/admin\/login$/);
  await expect(page.getByRole('heading', { name: 'Sign in to the console' })).toBeVisible();
  expect(found).toEqual([]);
});

test("the first admin's dashboard lists the first steps: QR sign-in off until it is switched on", async ({
  testContexts,
}) => {
  const page = await (await testContexts.newContext({ baseURL: origin })).newPage();
  await page.goto('/admin/login');
  await page.getByLabel('Sign-in name').fill(admin.username);
  await page.getByLabel('Password').fill(admin.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  const setupKey = (await page.locator('#setup-key').innerText()).replace(/\s/g, '');
  await page.getByLabel('Authentication code').fill(totpCode(setupKey, new Date()));
  await page.getByRole('button', { name: 'Verify and continue' }).click();
  await page.getByLabel('I have saved these codes').check();
  await page.getByRole('button', { name: 'Continue to the console' }).click();
  await expect(page.getByRole('heading', { name: 'Dashboard' })).toBeVisible();

  const banner = page.getByTestId('qr-sign-in-banner');
  await expect(banner.getByRole('heading', { name: 'QR sign-in is switched off' })).toBeVisible();
  const firstSteps = page.getByRole('region', { name: 'First steps' });
  await expect(firstSteps).toContainText('0 of 5 done');
  await expect(page.getByTestId('first-step-qrSignIn')).toContainText('Not yet');
  await expect(firstSteps.getByRole('link', { name: 'Switch QR sign-in on' })).toHaveAttribute(
    'href',
    '/admin/policies',
  );
  const found: string[] = [];
  await screens(page, 'dashboard-first-steps', found);

  // Switched on through the API with the token the setup page showed, as the README does it.
  const switched = await fetch(`${origin}/api/admin/policies/qr-code-pin`, {
    method: 'PATCH',
    headers: { authorization: `Bearer ${admin.apiToken}`, 'content-type': 'application/json' },
    body: JSON.stringify({ state: 'enabled', includeTargets: [{ id: 'all_users' }] }),
  });
  expect(switched.status).toBe(200);
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Dashboard' })).toBeVisible();
  await expect(page.getByTestId('first-step-qrSignIn')).toContainText('Done');
  await expect(firstSteps).toContainText('1 of 5 done');
  await expect(banner).toHaveCount(0);
  await expect(page.getByTestId('first-step-stores')).toContainText('Not yet');
  // Still at the phone size the last screenshot left.
  await page.screenshot({
    path: 'test-results/screens/dashboard-first-steps-one-done-390x844.png',
    fullPage: true,
  });
  expect(found).toEqual([]);
});
