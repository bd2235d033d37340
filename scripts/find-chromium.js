// Finds a Chromium for the browser tests: $CHROMIUM_PATH, Debian's /usr/bin/chromium, or Playwright's
// own download. Run directly, it exits 1 with one line saying how to get one when none is found.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export function findChromium() {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  for (const path of candidates) if (path && existsSync(path)) return path;
  return undefined; // Playwright's own browser, if `npx playwright install chromium` was run.
}

async function playwrightHasBrowser() {
  try {
    const { chromium } = await import('@playwright/test');
    return existsSync(chromium.executablePath());
  } catch {
    return false;
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  if (!findChromium() && !(await playwrightHasBrowser())) {
    console.error(
      'No Chromium found for the browser tests: install it (Debian: apt-get install -y chromium), set CHROMIUM_PATH, or run npx playwright install chromium.',
    );
    process.exit(1);
  }
}
