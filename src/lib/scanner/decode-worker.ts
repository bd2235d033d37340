/// <reference lib="webworker" />
/**
 * The scan screen's decoder, off the page's main thread: frames arrive transferred (VideoFrames, or
 * ImageBitmaps where the browser lacks WebCodecs);
 * the browser's native BarcodeDetector reads them where it exists in a worker (Android Chrome), and
 * zxing-cpp (zxing-wasm, reader build) reads every frame the detector did not. The `.wasm` is a build
 * asset served by Shiftpass itself (no CDN); its URL comes from the page in the first message.
 */
import { prepareZXingModule, readBarcodes } from 'zxing-wasm/reader';
import { sampleSize } from './camera-controls';
import { restAfter } from './throttled-loop';
import {
  DECODE_MAX_SIDE,
  FRAME_INTERVAL_MS,
  REST_SHARE,
  type Found,
  type DecodeResult,
  type Frame,
  type ToWorker,
  type WorkerInit,
  type WorkerReady,
} from './decode-protocol';
import { nativeQrDetector, type QrDetector } from './native-qr-detector';
import { WASM_READER_OPTIONS } from './wasm-reader-options';

const scope = self as unknown as DedicatedWorkerGlobalScope;

async function wasmReader(wasmUrl: string): Promise<boolean> {
  if (typeof WebAssembly === 'undefined' || typeof OffscreenCanvas === 'undefined') return false;
  try {
    await prepareZXingModule({
      overrides: {
        locateFile: (path: string, prefix: string) => (path.endsWith('.wasm') ? wasmUrl : prefix + path),
      },
      fireImmediately: true,
    });
    return true;
  } catch {
    return false;
  }
}

let ready: Promise<[QrDetector | null, boolean]> | null = null;

function start(init: WorkerInit): void {
  ready = Promise.all([nativeQrDetector(), wasmReader(new URL(init.wasmUrl, scope.location.href).href)]);
  void ready.then(([detector, wasm]) =>
    scope.postMessage({ type: 'ready', detector: detector !== null, wasm } satisfies WorkerReady),
  );
}

let canvas: OffscreenCanvas | null = null;
let context: OffscreenCanvasRenderingContext2D | null = null;

/** The frame's pixels (long side at most DECODE_MAX_SIDE), through one reused OffscreenCanvas. */
function pixels(frame: Frame): ImageData | null {
  const size =
    'displayWidth' in frame
      ? sampleSize(frame.displayWidth, frame.displayHeight, DECODE_MAX_SIDE)
      : sampleSize(frame.width, frame.height, DECODE_MAX_SIDE);
  if (!size) return null;
  if (!canvas || canvas.width !== size.width || canvas.height !== size.height) {
    canvas = new OffscreenCanvas(size.width, size.height);
    context = canvas.getContext('2d', { willReadFrequently: true });
  }
  if (!context) return null;
  context.drawImage(frame, 0, 0, size.width, size.height);
  return context.getImageData(0, 0, size.width, size.height);
}

async function decode(frame: Frame): Promise<string | null> {
  if (!ready) return null;
  const [detector, wasm] = await ready;
  if (detector) {
    try {
      const hit = (await detector.detect(frame)).find((code) => code.rawValue);
      if (hit) return hit.rawValue;
    } catch {
      // A frame the detector refused: zxing-wasm still gets it.
    }
  }
  if (!wasm) return null;
  const image = pixels(frame);
  if (!image) return null;
  const results = await readBarcodes(image, WASM_READER_OPTIONS);
  return results.find((result) => result.isValid && result.text)?.text ?? null;
}

const watching = new Map<number, ReadableStreamDefaultReader<VideoFrame>>();

/** Reads a camera's frame stream until it ends or the page unwatches it, paced by decode time. */
async function watch(run: number, frames: ReadableStream<VideoFrame>): Promise<void> {
  const reader = frames.getReader();
  watching.set(run, reader);
  try {
    while (watching.has(run)) {
      const { value: frame, done } = await reader.read();
      if (done) break;
      if (!watching.has(run)) {
        frame.close();
        break;
      }
      const started = performance.now();
      let text: string | null = null;
      try {
        text = await decode(frame);
      } catch {
        text = null;
      } finally {
        frame.close();
      }
      if (text && watching.has(run)) scope.postMessage({ type: 'found', run, text } satisfies Found);
      const rest = restAfter(performance.now() - started, FRAME_INTERVAL_MS, REST_SHARE);
      await new Promise((resume) => setTimeout(resume, rest));
    }
  } catch {
    // The camera stopped under the reader: nothing more to read.
  } finally {
    watching.delete(run);
    void reader.cancel().catch(() => undefined);
  }
}

scope.onmessage = async (event: MessageEvent<ToWorker>) => {
  const message = event.data;
  if (message.type === 'init') return start(message);
  if (message.type === 'watch') return void watch(message.run, message.frames);
  if (message.type === 'unwatch') {
    const reader = watching.get(message.run);
    watching.delete(message.run);
    void reader?.cancel().catch(() => undefined);
    return;
  }
  const { id, frame } = message;
  let text: string | null = null;
  try {
    text = await decode(frame);
  } catch {
    text = null; // a failed frame is a frame without a code
  } finally {
    frame.close();
  }
  scope.postMessage({ type: 'result', id, text } satisfies DecodeResult);
};
