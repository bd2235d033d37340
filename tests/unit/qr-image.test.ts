/**
 * Every badge PNG we issue must scan with the decoder family the kiosk ships (ZXing, inside
 * html5-qrcode): read the real PNG back with ZXing for many random payloads.
 */
import { BinaryBitmap, HybridBinarizer, QRCodeReader, RGBLuminanceSource } from '@zxing/library';
import { randomBytes } from 'node:crypto';
import { PNG } from 'pngjs';
import { expect, test } from 'vitest';
import { encodeBase32 } from '../../server/domain/base32.js';
import { formatQrPayload } from '../../server/domain/qr-payload.js';
import { renderQrPng } from '../../server/platform/qr-image.js';

function readWithZxing(pngBase64: string): string | null {
  const png = PNG.sync.read(Buffer.from(pngBase64, 'base64'));
  const luminance = new Uint8ClampedArray(png.width * png.height);
  for (let i = 0; i < luminance.length; i++) luminance[i] = png.data[i * 4]!;
  try {
    const bitmap = new BinaryBitmap(
      new HybridBinarizer(new RGBLuminanceSource(luminance, png.width, png.height)),
    );
    return new QRCodeReader().decode(bitmap).getText();
  } catch {
    return null;
  }
}

test('200 random badges all read back with ZXing, at error correction "quartile"', async () => {
  const unreadable: string[] = [];
  for (let i = 0; i < 200; i++) {
    const rawContent = formatQrPayload({
      issuer: 'SPHLHJX6RM',
      codeId: encodeBase32(randomBytes(10)),
      secret: encodeBase32(randomBytes(16)),
    });
    const image = await renderQrPng(rawContent);
    expect(image.errorCorrectionLevel).toBe('quartile');
    if (readWithZxing(image.binaryValue) !== rawContent) unreadable.push(rawContent);
  }
  expect(unreadable).toEqual([]);
});
