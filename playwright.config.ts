import { defineConfig } from '@playwright/test';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generate } from 'selfsigned';

// Set once in the runner process; the workers inherit them, so every test talks to one server.
process.env.E2E_PORT ??= '4317';
process.env.E2E_DATA_DIR ??= mkdtempSync(join(tmpdir(), 'shiftpass-e2e-'));
process.env.E2E_ADMIN_TOKEN ??= 'e2e-admin-token-0123456789abcdef';
// The first admin, with a console password (tests/e2e/admin-login.spec.ts signs in with it).
process.env.E2E_ADMIN_USERNAME ??= 'admin@shiftpass.example';
process.env.E2E_ADMIN_PASSWORD ??= 'e2e admin password 0123';
// The webhooks journey's receiver (tests/e2e/console-webhooks.spec.ts) serves https on localhost with
// a certificate made here at run time, before the server starts, so the server trusts it
// (NODE_EXTRA_CA_CERTS) and may send to localhost (SHIFTPASS_WEBHOOK_ALLOWED_HOSTS). No key is committed.
if (!process.env.E2E_WEBHOOK_TLS_DIR) {
  const dir = mkdtempSync(join(tmpdir(), 'shiftpass-e2e-tls-'));
  const pems = await generate([{ name: 'commonName', value: 'localhost' }], {
    keyType: 'ec',
    curve: 'P-256',
    algorithm: 'sha256',
    extensions: [
      { name: 'basicConstraints', cA: true },
      { name: 'subjectAltName', altNames: [{ type: 2, value: 'localhost' }] },
    ],
  });
  writeFileSync(join(dir, 'key.pem'), pems.private, { mode: 0o600 });
  writeFileSync(join(dir, 'cert.pem'), pems.cert);
  process.env.E2E_WEBHOOK_TLS_DIR = dir;
}

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
      NODE_EXTRA_CA_CERTS: join(process.env.E2E_WEBHOOK_TLS_DIR, 'cert.pem'),
      SHIFTPASS_WEBHOOK_ALLOWED_HOSTS: 'localhost',
    },
  },
});
