/**
 * The badge label a person page downloads: a 2"×2" PNG at 300 dpi with the QR code, the name and the
 * short code under it, drawn in the browser; its QR reads back as the same badge as the bare QR
 * ("Download QR only"), and it is larger than it.
 */
import { readFile } from 'node:fs/promises';
import { PNG } from 'pngjs';
import { labelLayout } from '../../src/lib/admin/badge-label-layout.js';
import { readQrPng } from '../support/qr-read.js';
import { expect, test } from './console-fixtures.js';

/** The `width`×`height` rectangle of `png` at (`x`, `y`), as a PNG file. */
function crop(png: PNG, x: number, y: number, width: number, height: number): Buffer {
  const out = new PNG({ width, height });
  PNG.bitblt(png, out, x, y, width, height, 0, 0);
  return PNG.sync.write(out);
}

/** Dark pixels in a rectangle (text is dark ink on the white label). */
function darkPixels(png: PNG, x: number, y: number, width: number, height: number): number {
  let dark = 0;
  for (let row = y; row < y + height; row++) {
    for (let col = x; col < x + width; col++) if (png.data[(row * png.width + col) * 4]! < 128) dark++;
  }
  return dark;
}

test('the downloaded label is the printable badge: QR, name and short code at 300 dpi; the bare QR is still there', async ({
  adminApi,
  signedInConsole,
}) => {
  const policy = await adminApi.patch('/api/admin/policies/qr-code-pin', {
    data: { state: 'enabled', includeTargets: [{ id: 'all_users' }] },
  });
  expect(policy.status()).toBe(200);
  const run = Date.now().toString(36);
  const displayName = `Lea Label ${run}`;
  const created = await adminApi.post('/api/admin/users', {
    data: { userPrincipalName: `lea.${run}@example.test`, displayName },
  });
  expect(created.status()).toBe(201);
  const { id } = (await created.json()) as { id: string };

  const { page } = await signedInConsole({ role: 'admin' });
  await page.goto(`/admin/people/${id}`);
  await page.getByRole('button', { name: 'Issue badge' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Issue badge' }).click();
  const panel = page.getByRole('region', { name: `New badge for ${displayName}` });
  const shortCode = await panel.getByTestId('secret-short-code').innerText();

  const download = async (name: string) => {
    const [file] = await Promise.all([
      page.waitForEvent('download'),
      panel.getByRole('button', { name }).click(),
    ]);
    return { name: file.suggestedFilename(), bytes: await readFile((await file.path())!) };
  };
  const label = await download('Download label (PNG)');
  const bare = await download('Download QR only');
  const slug = displayName.toLowerCase().replace(/[^a-z0-9]+/g, '-');
  expect(label.name).toBe(`badge-${slug}-${shortCode}.png`);
  expect(bare.name).toBe(`badge-${slug}-${shortCode}-qr.png`);

  const qr = readQrPng(bare.bytes);
  expect(qr).toMatch(/^SP1:/);
  const labelPng = PNG.sync.read(label.bytes);
  const barePng = PNG.sync.read(bare.bytes);
  // 2"×2" at 300 dpi, larger than the bare QR, marked as 300 dpi (11 811 dots a metre) for printing.
  expect([labelPng.width, labelPng.height]).toEqual([600, 600]);
  expect(labelPng.width).toBeGreaterThan(barePng.width);
  const phys = label.bytes.indexOf('pHYs');
  expect(phys).toBeGreaterThan(0);
  expect(label.bytes.readUInt32BE(phys + 4)).toBe(11811);

  // The QR where the layout puts it (a one-line name) reads back as the same badge.
  const layout = labelLayout({ displayName, shortCode }, barePng.width, () => 0);
  expect(readQrPng(crop(labelPng, layout.qr.x, layout.qr.y, layout.qr.size, layout.qr.size))).toBe(qr);
  // Under it, the name and the short code are drawn (ink), and nothing is drawn beside the QR.
  const below = layout.qr.y + layout.qr.size;
  expect(darkPixels(labelPng, 0, below, 600, 600 - below)).toBeGreaterThan(500);
  expect(darkPixels(labelPng, 0, 0, layout.qr.x, below)).toBe(0);
  await page.setViewportSize({ width: 600, height: 600 });
  await page.goto('about:blank');
  await page.setContent(
    `<img alt="label" style="display:block" src="data:image/png;base64,${label.bytes.toString('base64')}">`,
  );
  await page.screenshot({ path: 'test-results/screens/badge-label-png.png' });
});
