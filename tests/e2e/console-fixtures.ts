/**
 * Console journey fixtures: a plain Chromium (no camera) on the test server, and the first admin's
 * credentials (playwright.config.ts starts the server with BOOTSTRAP_ADMIN_USERNAME/PASSWORD).
 */
import { chromium, type Browser, type Page } from '@playwright/test';
import { findChromium } from '../../scripts/find-chromium.js';
import { test as base } from './fixtures.js';

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export const firstAdmin = {
  userPrincipalName: process.env.E2E_ADMIN_USERNAME!,
  password: process.env.E2E_ADMIN_PASSWORD!,
};

interface ConsoleFixtures {
  /** A fresh browser context with downloads allowed, on the test server. */
  openConsole(): Promise<Page>;
}

export const test = base.extend<ConsoleFixtures>({
  openConsole: async ({ baseURL }, use) => {
    const browsers: Browser[] = [];
    await use(async () => {
      const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
      browsers.push(browser);
      const context = await browser.newContext({ baseURL, acceptDownloads: true });
      return context.newPage();
    });
    for (const browser of browsers) await browser.close();
  },
});

export { expect } from '@playwright/test';

export { seriousViolations } from './axe.js';
