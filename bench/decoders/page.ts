/**
 * Runs in headless Chromium for `bench/decoders.ts` (bundled by Vite like the kiosk). Two decoders on
 * the same 640×480 canvas:
 * - html5-qrcode's own decoder object (Html5QrcodeShim, the one `Html5Qrcode.start()` calls on every
 *   frame it draws), built with the kiosk's settings: QR only, useBarCodeDetectorIfSupported.
 * - the kiosk's second decoder, `src/lib/scanner/wasm-decoder.ts` as shipped (zxing-wasm, its .wasm
 *   a Vite asset), on the canvas's pixels as the kiosk reads the video.
 */
import { Html5QrcodeSupportedFormats } from 'html5-qrcode';
import { Html5QrcodeShim } from 'html5-qrcode/esm/code-decoder.js';
import { BaseLoggger } from 'html5-qrcode/esm/core.js';
import { decodeFrame } from '../../src/lib/scanner/wasm-decoder';

const WIDTH = 640;
const HEIGHT = 480;

export interface DecodeOutcome {
  text: string | null;
  ms: number;
}

export interface BenchPage {
  barcodeDetector: boolean;
  html5qrcode(frame: number): Promise<DecodeOutcome>;
  zxingWasm(frame: number): Promise<DecodeOutcome>;
}

const html5qrcode = new Html5QrcodeShim(
  [Html5QrcodeSupportedFormats.QR_CODE],
  true,
  false,
  new BaseLoggger(false),
);
const canvas = document.createElement('canvas');
canvas.width = WIDTH;
canvas.height = HEIGHT;
const context = canvas.getContext('2d', { willReadFrequently: true })!;

/** Puts frame `index` (grey bytes from the bench) on the canvas, as a camera frame would be drawn. */
async function show(index: number): Promise<void> {
  const grey = new Uint8Array(await (await fetch(`/frames/${index}`)).arrayBuffer());
  const image = context.createImageData(WIDTH, HEIGHT);
  for (let i = 0; i < grey.length; i++) {
    image.data[4 * i] = image.data[4 * i + 1] = image.data[4 * i + 2] = grey[i]!;
    image.data[4 * i + 3] = 255;
  }
  context.putImageData(image, 0, 0);
}

async function timed(decode: () => Promise<string | null>): Promise<DecodeOutcome> {
  const started = performance.now();
  let text: string | null = null;
  try {
    text = await decode();
  } catch {
    text = null; // html5-qrcode rejects when it finds no code
  }
  return { text, ms: performance.now() - started };
}

const page: BenchPage = {
  barcodeDetector: 'BarcodeDetector' in window,
  async html5qrcode(frame) {
    await show(frame);
    return timed(async () => (await html5qrcode.decodeAsync(canvas)).text);
  },
  async zxingWasm(frame) {
    await show(frame);
    return timed(() => decodeFrame(context.getImageData(0, 0, WIDTH, HEIGHT)));
  },
};

(window as unknown as { bench: BenchPage }).bench = page;
document.title = 'ready';
