/**
 * Console journey fixtures: a console page (a context in the worker's shared Chromium, see
 * fixtures.ts) on the test server, the first admin's
 * credentials (playwright.config.ts starts the server with BOOTSTRAP_ADMIN_USERNAME/PASSWORD), and
 * `consoleAs`: a new manager or admin signed in to the console the way a real one gets there (invited
 * through the API, password chosen on the invitation page, authenticator enrolled at first sign-in).
 */
import { expect, type Page } from '@playwright/test';
import type { ConsoleInvitationView } from '../../server/contracts/console-auth.js';
import type { UserView } from '../../server/contracts/schemas.js';
import { totpCode } from '../support/totp.js';
import { test as base } from './fixtures.js';

export const firstAdmin = {
  userPrincipalName: process.env.E2E_ADMIN_USERNAME!,
  password: process.env.E2E_ADMIN_PASSWORD!,
};

export interface ConsolePerson {
  page: Page;
  user: UserView;
  password: string;
  /** The authenticator's seed, for re-authentication prompts. */
  totpSecret: string;
}

interface ConsoleFixtures {
  /** A fresh browser context with downloads allowed, on the test server. */
  openConsole(): Promise<Page>;
  /** A new person with this role (and stores), signed in to the console on the dashboard. */
  consoleAs(options: {
    role: 'admin' | 'manager';
    groupIds?: string[];
    displayName?: string;
  }): Promise<ConsolePerson>;
}

let people = 0;

export const test = base.extend<ConsoleFixtures>({
  openConsole: async ({ baseURL, testContexts }, use) => {
    await use(async () => {
      const context = await testContexts.newContext({ baseURL, acceptDownloads: true });
      return context.newPage();
    });
  },
  consoleAs: async ({ openConsole, adminApi }, use, testInfo) => {
    await use(async ({ role, groupIds = [], displayName }) => {
      people += 1;
      const tag = `${testInfo.workerIndex}-${people}-${Date.now()}`;
      const created = await adminApi.post('/api/admin/users', {
        data: {
          userPrincipalName: `${role}.${tag}@shiftpass.example`,
          displayName: displayName ?? `${role === 'admin' ? 'Admin' : 'Manager'} ${people}`,
          role,
          groupIds,
        },
      });
      expect(created.status(), await created.text()).toBe(201);
      const user = (await created.json()) as UserView;
      const invited = await adminApi.post(`/api/admin/users/${user.id}/console-invitation`);
      expect(invited.status(), await invited.text()).toBe(201);
      const { invitationUrl } = (await invited.json()) as ConsoleInvitationView;

      const page = await openConsole();
      const password = `console password ${tag}`;
      await page.goto(new URL(invitationUrl).pathname + new URL(invitationUrl).hash);
      await page.getByLabel('New password').fill(password);
      await page.getByLabel('Type the password again').fill(password);
      await page.getByRole('button', { name: 'Set password' }).click();
      await page.getByRole('link', { name: 'Go to sign-in' }).click();

      await page.getByLabel('Username').fill(user.userPrincipalName);
      await page.getByLabel('Password').fill(password);
      await page.getByRole('button', { name: 'Sign in' }).click();
      const setupKey = page.locator('#setup-key');
      await expect(setupKey).toBeVisible();
      const totpSecret = (await setupKey.innerText()).replace(/\s/g, '');
      await page.getByLabel('Authentication code').fill(totpCode(totpSecret, new Date()));
      await page.getByRole('button', { name: 'Verify and continue' }).click();
      await page.getByLabel('I have saved these codes').check();
      await page.getByRole('button', { name: 'Continue to the console' }).click();
      await expect(page.getByRole('heading', { name: 'Dashboard' })).toBeVisible();
      return { page, user, password, totpSecret };
    });
  },
});

export { expect };

export { seriousViolations } from './axe.js';
