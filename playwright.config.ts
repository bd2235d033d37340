import { defineConfig } from '@playwright/test';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// Set once in the runner process; the workers inherit them, so every test talks to one server.
process.env.E2E_PORT ??= '4317';
process.env.E2E_DATA_DIR ??= mkdtempSync(join(tmpdir(), 'shiftpass-e2e-'));
process.env.E2E_ADMIN_TOKEN ??= 'e2e-admin-token-0123456789abcdef';
// The first admin, with a console password (tests/e2e/admin-login.spec.ts signs in with it).
process.env.E2E_ADMIN_USERNAME ??= 'admin@shiftpass.example';
process.env.E2E_ADMIN_PASSWORD ??= 'e2e admin password 0123';

const baseURL = `http://localhost:${process.env.E2E_PORT}`;

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: true,
  // One browser at a time: with two Chromiums, the server and argon2 on two cores, the camera decoder
  // now and then went more than 25 s without a decode.
  workers: 1,
  forbidOnly: true,
  // No retries: every journey must pass first time. (The decoder misses that once needed a retry are
  // gone since zxing-wasm backs html5-qrcode, docs/decoding.md; the notice a re-read badge used to
  // replace now stays on the PIN screen.)
  retries: 0,
  reporter: process.env.CI ? [['list']] : [['list']],
  timeout: 60_000,
  expect: { timeout: 10_000 },
  use: { baseURL },
  webServer: {
    // The production build (npm run test:e2e builds it first) served as `npm start` serves it (the
    // kiosk, the API and the OpenID provider at /oidc from one server), on a temporary database.
    command: 'node scripts/start.js',
    url: `${baseURL}/api/kiosk/config`,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: 'ignore',
    stderr: 'pipe',
    env: {
      PORT: process.env.E2E_PORT,
      DATA_DIR: process.env.E2E_DATA_DIR,
      BOOTSTRAP_API_TOKEN: process.env.E2E_ADMIN_TOKEN,
      BOOTSTRAP_ADMIN_USERNAME: process.env.E2E_ADMIN_USERNAME,
      BOOTSTRAP_ADMIN_PASSWORD: process.env.E2E_ADMIN_PASSWORD,
    },
  },
});
