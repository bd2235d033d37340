/**
 * Renders a badge payload as a PNG. Error correction "Q" (25 % recovery) survives a scuffed
 * lanyard badge while keeping modules large; 8 px per module gives ~300 px for a 37-module code,
 * crisp when printed at 2"×2" (150 dpi) and still small to download.
 */
import QRCode from 'qrcode';

export const QR_ERROR_CORRECTION = 'Q' as const;
const ERROR_CORRECTION_NAMES = { L: 'low', M: 'medium', Q: 'quartile', H: 'high' } as const;

export interface QrImage {
  binaryValue: string;
  rawContent: string;
  errorCorrectionLevel: (typeof ERROR_CORRECTION_NAMES)[keyof typeof ERROR_CORRECTION_NAMES];
}

export async function renderQrPng(rawContent: string): Promise<QrImage> {
  const png = await QRCode.toBuffer(rawContent, {
    type: 'png',
    errorCorrectionLevel: QR_ERROR_CORRECTION,
    scale: 8,
    margin: 4,
  });
  return {
    binaryValue: png.toString('base64'),
    rawContent,
    errorCorrectionLevel: ERROR_CORRECTION_NAMES[QR_ERROR_CORRECTION],
  };
}
