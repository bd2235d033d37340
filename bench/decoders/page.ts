/**
 * Runs in headless Chromium for `bench/decoders.ts` (bundled by Vite like the kiosk). Three decoders
 * on the same 640×480 canvas:
 * - the shipped path: `src/lib/scanner/wasm-decoder.ts` as the kiosk runs it — the frame as an
 *   ImageBitmap (createImageBitmap, as the scan loop takes it from the <video>) transferred to the
 *   decode worker (the native BarcodeDetector where the worker has one, zxing-wasm otherwise and for
 *   what it misses); the time is what the scan loop waits for, bitmap and round trip included.
 * - html5-qrcode's own decoder object (Html5QrcodeShim, the one `Html5Qrcode.start()` calls on every
 *   frame it draws), built with the kiosk's settings — the kiosk's fallback where the worker cannot
 *   run (src/lib/scanner/html5-qrcode-decoder.ts).
 * - zxing-wasm on this page's thread (same reader options), for reference: what the kiosk ran before
 *   the worker, so the two columns show the worker reads exactly what zxing-wasm reads.
 */
import { prepareZXingModule, readBarcodes } from 'zxing-wasm/reader';
import wasmUrl from 'zxing-wasm/reader/zxing_reader.wasm?url';
import { workerDecoder, type WorkerDecoder } from '../../src/lib/scanner/wasm-decoder';
import { html5QrcodeDecoder } from '../../src/lib/scanner/html5-qrcode-decoder';
import { WASM_READER_OPTIONS } from '../../src/lib/scanner/wasm-reader-options';

const WIDTH = 640;
const HEIGHT = 480;

export interface DecodeOutcome {
  text: string | null;
  ms: number;
}

export interface BenchPage {
  barcodeDetector: boolean;
  /** What the decode worker said it decodes with, and how long it took to say so (.wasm compile). */
  worker: { detector: boolean; wasm: boolean; readyMs: number } | null;
  shipped(frame: number): Promise<DecodeOutcome>;
  html5qrcode(frame: number): Promise<DecodeOutcome>;
  zxingWasm(frame: number): Promise<DecodeOutcome>;
}

prepareZXingModule({
  overrides: {
    locateFile: (path: string, prefix: string) => (path.endsWith('.wasm') ? wasmUrl : prefix + path),
  },
});
const html5qrcode = html5QrcodeDecoder();
const workerStarted = performance.now();
const worker: WorkerDecoder | null = await workerDecoder();
const workerReadyMs = performance.now() - workerStarted;
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
  worker: worker && { ...worker.capabilities, readyMs: workerReadyMs },
  async shipped(frame) {
    await show(frame);
    return timed(async () => (worker ? worker.decode(await createImageBitmap(canvas)) : null));
  },
  async html5qrcode(frame) {
    await show(frame);
    return timed(() => html5qrcode.decode(canvas));
  },
  async zxingWasm(frame) {
    await show(frame);
    return timed(async () => {
      const results = await readBarcodes(context.getImageData(0, 0, WIDTH, HEIGHT), WASM_READER_OPTIONS);
      return results.find((result) => result.isValid && result.text)?.text ?? null;
    });
  },
};

(window as unknown as { bench: BenchPage }).bench = page;
document.title = 'ready';
