/**
 * Renders a badge payload as a PNG the kiosk is known to read. Error correction "Q" (25 % recovery)
 * survives a scuffed lanyard badge; 8 px per module gives ~300 px for a 33-module code, crisp at
 * 2"×2" and small to download.
 *
 * Why the decode check: the ZXing decoder inside html5-qrcode misses about 7 % of perfectly rendered
 * codes of our size (a second decoder, jsQR, reads them all); which ones depends on the mask and on
 * the module size in pixels. Trying the masks until ZXing reads the code back at every module size
 * from 3 to 12 px costs a few ms per badge.
 */
import { BinaryBitmap, HybridBinarizer, QRCodeReader, RGBLuminanceSource } from '@zxing/library';
import QRCode, { type QRCodeMaskPattern } from 'qrcode';

export const QR_ERROR_CORRECTION = 'Q' as const;
const ERROR_CORRECTION_NAMES = { L: 'low', M: 'medium', Q: 'quartile', H: 'high' } as const;
const MASKS: (QRCodeMaskPattern | undefined)[] = [undefined, 0, 1, 2, 3, 4, 5, 6, 7];

export interface QrImage {
  binaryValue: string;
  rawContent: string;
  errorCorrectionLevel: (typeof ERROR_CORRECTION_NAMES)[keyof typeof ERROR_CORRECTION_NAMES];
}

/** Module sizes (px) the check covers: the PNG's 8, and what a phone camera sees of a 2" badge. */
const CHECKED_SCALES = [3, 4, 5, 6, 7, 8, 9, 10, 11, 12];

function zxingReads(text: string, maskPattern: QRCodeMaskPattern | undefined): boolean {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: QR_ERROR_CORRECTION, maskPattern });
  return CHECKED_SCALES.every((scale) => zxingReadsAtScale(text, modules, scale));
}

function zxingReadsAtScale(
  text: string,
  modules: { size: number; get(row: number, col: number): number | boolean },
  scale: number,
): boolean {
  const quiet = 4;
  const width = (modules.size + 2 * quiet) * scale;
  const pixels = new Uint8ClampedArray(width * width).fill(255);
  for (let row = 0; row < modules.size; row++) {
    for (let col = 0; col < modules.size; col++) {
      if (!modules.get(row, col)) continue;
      for (let y = 0; y < scale; y++) {
        const start = ((quiet + row) * scale + y) * width + (quiet + col) * scale;
        pixels.fill(0, start, start + scale);
      }
    }
  }
  try {
    const bitmap = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(pixels, width, width)));
    return new QRCodeReader().decode(bitmap).getText() === text;
  } catch {
    return false;
  }
}

/** The mask the encoder would pick, unless ZXing cannot read that one back; then the first it can. */
export function readableMaskFor(text: string): QRCodeMaskPattern | undefined {
  return MASKS.find((mask) => zxingReads(text, mask));
}

export async function renderQrPng(rawContent: string): Promise<QrImage> {
  const png = await QRCode.toBuffer(rawContent, {
    type: 'png',
    errorCorrectionLevel: QR_ERROR_CORRECTION,
    maskPattern: readableMaskFor(rawContent),
    scale: 8,
    margin: 4,
  });
  return {
    binaryValue: png.toString('base64'),
    rawContent,
    errorCorrectionLevel: ERROR_CORRECTION_NAMES[QR_ERROR_CORRECTION],
  };
}

/**
 * A QR code for a screen, not a badge (the TOTP enrolment's otpauth URI): a PNG data URL, error
 * correction "M", no decoder check (authenticator apps use strong decoders and can be retried).
 */
export async function renderQrDataUrl(text: string): Promise<string> {
  return QRCode.toDataURL(text, { errorCorrectionLevel: 'M', margin: 4, scale: 6 });
}
