/**
 * The fallback decoder, for browsers where the decode worker cannot run (no Web Workers, no
 * WebAssembly, no OffscreenCanvas or ImageBitmap, or a worker that failed to start): html5-qrcode's
 * own per-frame decoder (the object `Html5Qrcode.start()` calls on every frame), with the settings
 * the kiosk always used — QR only, the native BarcodeDetector where the browser has one, its bundled
 * ZXing-js otherwise. It runs on the page's main thread, so the scan loop paces it more gently.
 * Imported dynamically: html5-qrcode is large and most browsers never need it.
 */
import { BaseLoggger, Html5QrcodeSupportedFormats } from 'html5-qrcode/esm/core.js';
import { Html5QrcodeShim } from 'html5-qrcode/esm/code-decoder.js';

export interface CanvasDecoder {
  decode(canvas: HTMLCanvasElement): Promise<string | null>;
}

export function html5QrcodeDecoder(): CanvasDecoder {
  const shim = new Html5QrcodeShim(
    [Html5QrcodeSupportedFormats.QR_CODE],
    true,
    false,
    new BaseLoggger(false),
  );
  return {
    async decode(canvas) {
      try {
        return (await shim.decodeAsync(canvas)).text || null;
      } catch {
        return null; // html5-qrcode rejects when the frame holds no code
      }
    },
  };
}
