/**
 * Console journey fixtures: console pages on the test server (a context in the worker's shared
 * Chromium, see fixtures.ts), the first admin's credentials (playwright.config.ts starts the server
 * with BOOTSTRAP_ADMIN_USERNAME/PASSWORD), and two ways onto the dashboard:
 * - `consoleAs`: a new manager or admin signed in the way a real one gets there (invited through the
 *   API, password chosen on the invitation page, authenticator enrolled at first sign-in);
 * - `signedInConsole`: for journeys that are not about getting in, one admin and one manager per
 *   worker process, each signed in once through `consoleAs`; every later journey opens a new context
 *   with that sign-in's cookies (storageState). The manager's stores are set to the journey's own
 *   (through the API, as an admin would) before the page opens. A session whose password and code are
 *   older than two minutes is re-authenticated first (POST /api/auth/console/reauthenticate, as the
 *   console's "Confirm it's you" dialog does), so the journey has the 5-minute window for sensitive
 *   actions a fresh sign-in has; a session the server no longer accepts is replaced by a new sign-in.
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
  /**
   * The authenticator's code for a 30-second step this person has not used yet (each step's code
   * works once): this step's, or the next one's, which the server also accepts.
   */
  unusedTotpCode(): string;
}

type Role = 'admin' | 'manager';

interface ConsoleFixtures {
  /** A fresh browser context with downloads allowed, on the test server. */
  openConsole(): Promise<Page>;
  /** A new person with this role (and stores), signed in to the console on the dashboard. */
  consoleAs(options: { role: Role; groupIds?: string[]; displayName?: string }): Promise<ConsolePerson>;
  /** The worker's signed-in admin or manager (in exactly `groupIds`), on the dashboard in a new context. */
  signedInConsole(options: { role: Role; groupIds?: string[] }): Promise<ConsolePerson>;
}

const STEP_MS = 30_000;
/** Re-authenticate a shared session whose last password-and-code is older than this. */
const REAUTHENTICATE_AFTER_MS = 120_000;

/** Hands out codes for steps after `lastStep` (the one the enrolment used), never one twice. */
function totpSteps(secret: string, lastStep: number): () => string {
  return () => {
    const now = Math.floor(Date.now() / STEP_MS);
    const step = Math.max(now, lastStep + 1);
    if (step > now + 1) throw new Error('no unused authenticator code until the next 30-second step');
    lastStep = step;
    return totpCode(secret, new Date(step * STEP_MS));
  };
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

      await page.getByLabel('Sign-in name').fill(user.userPrincipalName);
      await page.getByLabel('Password').fill(password);
      await page.getByRole('button', { name: 'Sign in' }).click();
      const setupKey = page.locator('#setup-key');
      await expect(setupKey).toBeVisible();
      const totpSecret = (await setupKey.innerText()).replace(/\s/g, '');
      const enrolledAt = Date.now();
      await page.getByLabel('Authentication code').fill(totpCode(totpSecret, new Date(enrolledAt)));
      await page.getByRole('button', { name: 'Verify and continue' }).click();
      await page.getByLabel('I have saved these codes').check();
      await page.getByRole('button', { name: 'Continue to the console' }).click();
      await expect(page.getByRole('heading', { name: 'Dashboard' })).toBeVisible();
      const unusedTotpCode = totpSteps(totpSecret, Math.floor(enrolledAt / STEP_MS));
      return { page, user, password, totpSecret, unusedTotpCode };
    });
  },
  signedInConsole: async ({ consoleAs, adminApi, testContexts, baseURL, consoleAccounts }, use) => {
    const signedIn = async ({ role, groupIds = [] }: { role: Role; groupIds?: string[] }) => {
      const account = consoleAccounts[role];
      if (!account) {
        const person = await consoleAs({ role, groupIds });
        const { page, ...kept } = person;
        consoleAccounts[role] = { ...kept, storageState: await page.context().storageState() };
        return person;
      }
      if (role === 'manager') {
        const moved = await adminApi.patch(`/api/admin/users/${account.user.id}`, { data: { groupIds } });
        expect(moved.status(), await moved.text()).toBe(200);
      }
      const context = await testContexts.newContext({
        baseURL,
        acceptDownloads: true,
        storageState: account.storageState,
      });
      const page = await context.newPage();
      const session = await page.request.get('/api/auth/session');
      if (session.status() !== 200) {
        // Ended (idle or too long): sign a new person in the whole way.
        delete consoleAccounts[role];
        await context.close();
        return signedIn({ role, groupIds });
      }
      const { reauthenticatedDateTime } = (await session.json()) as {
        reauthenticatedDateTime: string | null;
      };
      if (
        !reauthenticatedDateTime ||
        Date.now() - Date.parse(reauthenticatedDateTime) > REAUTHENTICATE_AFTER_MS
      ) {
        const confirmed = await page.request.post('/api/auth/console/reauthenticate', {
          data: { password: account.password, code: account.unusedTotpCode() },
          headers: { origin: new URL(baseURL!).origin },
        });
        expect(confirmed.status(), await confirmed.text()).toBe(200);
      }
      await page.goto('/admin');
      await expect(page.getByRole('heading', { name: 'Dashboard' })).toBeVisible();
      return { ...account, page };
    };
    await use(signedIn);
  },
});

export { expect };

export { seriousViolations } from './axe.js';
