/**
 * The Webhooks pages as an admin uses them: the empty list, a new endpoint refused in words (an http
 * address before sending, an address inside the network by the server), then added with every event,
 * its signing secret shown once (never in web storage or the address), a test event sent and seen
 * delivered with 200 in the log, signed with that secret. The receiver is a local https server with
 * the certificate playwright.config.ts made (the test server trusts it and may send to localhost).
 * Screenshots of each screen at both sizes, axe on each, English and Spanish.
 */
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { verifyShiftpassSignature } from '../support/webhook-receiver.js';
import { expect, test } from './console-fixtures.js';
import { chooseConsoleLanguage, expectProductWords, screens } from './console-screens.js';

interface Received {
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** An https receiver on localhost that answers 200 and keeps what it got. */
async function startReceiver(): Promise<{ url: string; received: Received[]; close: () => Promise<void> }> {
  const dir = process.env.E2E_WEBHOOK_TLS_DIR!;
  const received: Received[] = [];
  const server: Server = createServer(
    { key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) },
    (req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
        res.writeHead(200).end();
      });
    },
  );
  // Both address families where the machine has IPv6 (localhost may resolve to ::1 first), else IPv4.
  await new Promise<void>((resolve) => {
    server.once('error', () => server.listen(0, '127.0.0.1', resolve));
    server.listen(0, '::', resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `https://localhost:${port}/shiftpass`,
    received,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

const tag = `${Date.now()}`;

test.afterAll(async ({ adminApi }) => {
  const list = (await (await adminApi.get('/api/admin/webhooks')).json()) as {
    value: { id: string; description: string }[];
  };
  for (const endpoint of list.value.filter((e) => e.description.includes(tag))) {
    await adminApi.delete(`/api/admin/webhooks/${endpoint.id}`);
  }
});

test('an admin adds an endpoint, copies its secret once, and sees a test event delivered with 200', async ({
  signedInConsole,
}) => {
  const found: string[] = [];
  const receiver = await startReceiver();
  try {
    const { page } = await signedInConsole({ role: 'admin' });

    // The empty list says what webhooks are for, in both languages.
    await page.goto('/admin/webhooks');
    await chooseConsoleLanguage(page, 'es');
    await expect(page.getByText('Todavía no hay destinos.')).toBeVisible();
    await screens(page, 'webhooks-empty', found, 'es');
    await chooseConsoleLanguage(page, 'en');
    await expect(page.getByText('No endpoints yet.')).toBeVisible();
    await screens(page, 'webhooks-empty', found, 'en');
    await page.getByRole('link', { name: 'Add endpoint' }).click();

    // An http address is refused before sending; an address inside the network by the server.
    const url = page.getByLabel('Endpoint address');
    await url.fill('http://alerts.example.com/shiftpass');
    await page.getByRole('button', { name: 'Add endpoint' }).click();
    await expect(url).toHaveAccessibleDescription(/must start with https:\/\//);
    await url.fill('https://10.0.0.5/shiftpass');
    await page.getByLabel('Lockout burst in a store').check();
    await page.getByRole('button', { name: 'Add endpoint' }).click();
    await expect(url).toHaveAccessibleDescription(/This address points inside your network\./);
    await expectProductWords(page, 'new endpoint');
    await screens(page, 'webhooks-new-refused', found, 'en');

    // Added with every event: the secret is shown once, held only in the page.
    await url.fill(receiver.url);
    await page.getByLabel('Description (optional)').fill(`Security team ${tag}`);
    await page.getByLabel('Select all events').check();
    await expect(page.getByLabel('Device not compliant')).toBeChecked();
    await page.getByRole('button', { name: 'Add endpoint' }).click();
    await expect(page.getByRole('heading', { name: 'Signing secret for the new endpoint' })).toBeVisible();
    const secret = await page.getByLabel('Signing secret', { exact: true }).inputValue();
    expect(secret).toMatch(/^whsec_/);
    const stored = await page.evaluate(() => JSON.stringify({ ...localStorage, ...sessionStorage }));
    expect(stored).not.toContain(secret);
    expect(page.url()).not.toContain(secret);
    await screens(page, 'webhooks-secret', found, 'en');
    await page.getByRole('button', { name: 'Done, I have copied it' }).click();

    // The endpoint's page: a test event, followed in the log until it is delivered with 200.
    await expect(page.getByRole('heading', { name: `Security team ${tag}`, level: 1 })).toBeVisible();
    await expect(page.getByText(receiver.url, { exact: true })).toBeVisible();
    await expect(page.getByLabel('Signing secret', { exact: true })).toHaveCount(0);
    await page.getByRole('button', { name: 'Send test event' }).click();
    const row = page.getByRole('row', { name: /Test event/ });
    await expect(row).toContainText('Delivered', { timeout: 20_000 });
    await expect(row).toContainText('200');
    const [delivered] = receiver.received;
    expect(delivered?.headers['shiftpass-event-type']).toBe('webhook.test');
    const signature = String(delivered?.headers['shiftpass-signature']);
    expect(verifyShiftpassSignature(secret, signature, delivered!.body, Date.now() / 1000)).toBe(true);
    await screens(page, 'webhooks-endpoint', found, 'en');
    await chooseConsoleLanguage(page, 'es');
    await expect(page.getByRole('row', { name: /Evento de prueba/ })).toContainText('Entregado');
    await screens(page, 'webhooks-endpoint', found, 'es');

    // Back on the list: the endpoint with its events and last delivery in words.
    await page.getByRole('link', { name: 'Todos los destinos' }).click();
    await expect(page.getByRole('row', { name: /Todos los eventos/ })).toContainText('Entregado · 200');
    await screens(page, 'webhooks-list', found, 'es');
    await chooseConsoleLanguage(page, 'en');
    await expect(page.getByRole('row', { name: /All events/ })).toContainText('Delivered · 200');
    await screens(page, 'webhooks-list', found, 'en');
    expect(found).toEqual([]);
  } finally {
    await receiver.close();
  }
});
