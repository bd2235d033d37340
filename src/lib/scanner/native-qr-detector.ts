/**
 * The browser's own BarcodeDetector set to QR codes, where the global scope (the page or the decode
 * worker) has one that reads them; null otherwise. Both the worker and the page ask it first, since it
 * is native and asynchronous.
 */
import type { Frame } from './decode-protocol';

export interface QrDetector {
  detect(image: Frame): Promise<{ rawValue: string }[]>;
}

interface DetectorClass {
  new (options: { formats: string[] }): QrDetector;
  getSupportedFormats(): Promise<string[]>;
}

export async function nativeQrDetector(): Promise<QrDetector | null> {
  const Native = (globalThis as unknown as { BarcodeDetector?: DetectorClass }).BarcodeDetector;
  if (!Native) return null;
  try {
    return (await Native.getSupportedFormats()).includes('qr_code')
      ? new Native({ formats: ['qr_code'] })
      : null;
  } catch {
    return null;
  }
}
