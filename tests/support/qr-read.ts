/**
 * Reads a clean, rendered QR image (a PNG the server made) back to its text, as a pure barcode:
 * ZXing-js's finder-pattern search alone misses about 1 in 8 perfectly rendered codes, which made
 * tests fail at random. Camera frames are the scanner's business (tests/unit/scanner, bench/decoders).
 */
import {
  BinaryBitmap,
  DecodeHintType,
  HybridBinarizer,
  QRCodeReader,
  RGBLuminanceSource,
} from '@zxing/library';
import { PNG } from 'pngjs';

export function readQrPng(file: Buffer): string | null {
  const png = PNG.sync.read(file);
  const luminance = new Uint8ClampedArray(png.width * png.height);
  for (let i = 0; i < luminance.length; i++) luminance[i] = png.data[i * 4]!;
  try {
    const bitmap = new BinaryBitmap(
      new HybridBinarizer(new RGBLuminanceSource(luminance, png.width, png.height)),
    );
    return new QRCodeReader().decode(bitmap, new Map([[DecodeHintType.PURE_BARCODE, true]])).getText();
  } catch {
    return null;
  }
}

/** The same for a `data:image/png;base64,…` URL. */
export const readQrDataUrl = (dataUrl: string): string | null =>
  readQrPng(Buffer.from(dataUrl.replace(/^data:image\/png;base64,/, ''), 'base64'));
