/**
 * ZXing-js configured as html5-qrcode 2.3.8 configures its bundled copy (QR only, TRY_HARDER false,
 * HybridBinarizer), reading a grey frame scaled as html5-qrcode's canvas would be (it draws the video
 * at the viewfinder's display size). Used by e2e specs to show a frame is beyond html5-qrcode alone.
 */
import {
  BarcodeFormat,
  BinaryBitmap,
  DecodeHintType,
  HybridBinarizer,
  MultiFormatReader,
  RGBLuminanceSource,
} from '@zxing/library';

export function html5QrcodeDecoderReads(
  grey: Uint8Array,
  width: number,
  height: number,
  scale = 1,
): string | null {
  const w = Math.round(width * scale);
  const h = Math.round(height * scale);
  const pixels = new Uint8ClampedArray(w * h);
  // Area average, as a canvas downscale roughly does.
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const x0 = Math.floor(x / scale);
      const x1 = Math.max(x0 + 1, Math.floor((x + 1) / scale));
      const y0 = Math.floor(y / scale);
      const y1 = Math.max(y0 + 1, Math.floor((y + 1) / scale));
      let sum = 0;
      for (let sy = y0; sy < y1; sy++) for (let sx = x0; sx < x1; sx++) sum += grey[sy * width + sx]!;
      pixels[y * w + x] = sum / ((x1 - x0) * (y1 - y0));
    }
  }
  const hints = new Map<DecodeHintType, unknown>([
    [DecodeHintType.POSSIBLE_FORMATS, [BarcodeFormat.QR_CODE]],
    [DecodeHintType.TRY_HARDER, false],
  ]);
  const reader = new MultiFormatReader();
  reader.setHints(hints);
  try {
    return reader
      .decode(new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(pixels, w, h))))
      .getText();
  } catch {
    return null;
  }
}
