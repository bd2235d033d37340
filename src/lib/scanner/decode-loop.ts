/**
 * The scanner's decode loop (loaded with the camera's start, not up front): picks how the camera's
 * frames reach a decoder and runs it. See scanner.ts for the whole picture.
 */
import { sampleSize } from './camera-controls';
import { DECODE_MAX_SIDE, FRAME_INTERVAL_MS, REST_SHARE, type Frame } from './decode-protocol';
import { nativeQrDetector, type QrDetector } from './native-qr-detector';
import type { CanvasDecoder } from './html5-qrcode-decoder';
import { startThrottledLoop } from './throttled-loop';
import type { WorkerDecoder } from './wasm-decoder';

/** The fallback decodes on the main thread: at most 4 frames a second, busy at most half the time. */
export const FALLBACK_FRAME_INTERVAL_MS = 250;
/** Long side of the fallback's canvas: about the viewfinder's size, as html5-qrcode always drew it. */
const FALLBACK_MAX_SIDE = 640;

export interface DecodingOptions {
  video: HTMLVideoElement;
  track: MediaStreamTrack | undefined;
  /** The decode worker, or null where none runs. */
  worker: Promise<WorkerDecoder | null>;
  /** Imports the fallback decoder (imported by scanner.ts, so the build lists it as the page's). */
  loadFallback: () => Promise<{ html5QrcodeDecoder(): CanvasDecoder }>;
  offer: Offer;
  stopped: () => boolean;
  /** Takes the running decode (and stops it if the camera was stopped meanwhile). */
  run: (decoding: Decoding | null) => void;
}

type Offer = (text: string) => boolean;

/** A running decode: a page-driven loop, or a frame stream the worker reads. */
export type Decoding = { stop(): void };

/**
 * Picks how frames are decoded and hands the running decode to `run` (which stops it if the camera
 * was stopped meanwhile):
 * 1. the camera's frame stream to the worker (MediaStreamTrackProcessor: Chromium), which paces
 *    itself — no work per frame on the page's thread;
 * 2. else frames one at a time from the page (VideoFrame or ImageBitmap) to the worker — also where
 *    only the page has a BarcodeDetector, which then looks first;
 * 3. else, and if the worker dies, html5-qrcode on the page's thread.
 */
export async function startDecoding(options: DecodingOptions): Promise<void> {
  const { video, track, worker, offer, stopped, run } = options;
  const startFallback = () => startFallbackLoop(video, options.loadFallback, offer, stopped);
  const decoder = await worker;
  if (stopped()) return;
  if (!decoder) return run(await startFallback());
  const detector = decoder.capabilities.detector ? null : await nativeQrDetector();
  if (stopped()) return;
  let failedOver = false;
  const failOver = async (current: Decoding) => {
    if (failedOver) return;
    failedOver = true;
    current.stop();
    run(await startFallback());
  };

  const Processor = (
    globalThis as unknown as {
      MediaStreamTrackProcessor?: new (init: { track: MediaStreamTrack; maxBufferSize?: number }) => {
        readable: ReadableStream<VideoFrame>;
      };
    }
  ).MediaStreamTrackProcessor;
  if (Processor && track && !detector) {
    try {
      const { readable } = new Processor({ track, maxBufferSize: 1 });
      const watching: Decoding = {
        stop: decoder.watch(
          readable,
          (text) => void offer(text),
          () => void failOver(watching),
        ),
      };
      return run(watching);
    } catch {
      // A stream that cannot be transferred: frames one by one instead.
    }
  }

  const loop: Decoding = startThrottledLoop(
    async () => {
      try {
        await workerStep(video, decoder, detector, offer);
      } catch {
        // Only a dead worker rejects (a frame without a code is null): html5-qrcode takes over.
        await failOver(loop);
      }
    },
    FRAME_INTERVAL_MS,
    undefined,
    0,
    REST_SHARE,
  );
  run(loop);
}

/** The current video frame, to transfer: a VideoFrame where there is WebCodecs, else an ImageBitmap. */
async function grabFrame(video: HTMLVideoElement): Promise<Frame | null> {
  if (typeof VideoFrame === 'function') {
    try {
      return new VideoFrame(video);
    } catch {
      // No frame to wrap yet, or a browser that cannot wrap a <video>: the ImageBitmap path.
    }
  }
  const size = sampleSize(video.videoWidth, video.videoHeight, DECODE_MAX_SIDE);
  if (!size) return null;
  return createImageBitmap(
    video,
    size.width === video.videoWidth
      ? undefined
      : { resizeWidth: size.width, resizeHeight: size.height, resizeQuality: 'medium' },
  );
}

/** One frame to the worker (after the page's own BarcodeDetector, when only the page has one). */
async function workerStep(
  video: HTMLVideoElement,
  decoder: WorkerDecoder,
  detector: QrDetector | null,
  offer: Offer,
): Promise<void> {
  if (video.readyState < HTMLMediaElement.HAVE_CURRENT_DATA) return;
  const frame = await grabFrame(video);
  if (!frame) return;
  if (detector) {
    // The worker has no BarcodeDetector but the page does: it is native and async, so asking it
    // here costs the page's thread little; zxing-wasm gets the frames it does not read.
    const text = await detector.detect(frame).then(
      (codes) => codes.find((code) => code.rawValue)?.rawValue ?? null,
      () => null,
    );
    if (text) {
      frame.close();
      offer(text);
      return;
    }
  }
  const text = await decoder.decode(frame);
  if (text) offer(text);
}

/** html5-qrcode's decoder on the main thread, on a canvas about the viewfinder's size. */
async function startFallbackLoop(
  video: HTMLVideoElement,
  load: DecodingOptions['loadFallback'],
  offer: Offer,
  stopped: () => boolean,
): Promise<Decoding | null> {
  let decoder: CanvasDecoder;
  try {
    decoder = (await load()).html5QrcodeDecoder();
  } catch {
    return null; // no decoder could load (offline without the precache): the typed code still works
  }
  if (stopped()) return null;
  const canvas = document.createElement('canvas');
  const context = canvas.getContext('2d', { willReadFrequently: true });
  return startThrottledLoop(async () => {
    if (!context || video.readyState < HTMLMediaElement.HAVE_CURRENT_DATA) return;
    const size = sampleSize(video.videoWidth, video.videoHeight, FALLBACK_MAX_SIDE);
    if (!size) return;
    if (canvas.width !== size.width || canvas.height !== size.height) {
      canvas.width = size.width;
      canvas.height = size.height;
    }
    context.drawImage(video, 0, 0, size.width, size.height);
    const text = await decoder.decode(canvas);
    if (text) offer(text);
  }, FALLBACK_FRAME_INTERVAL_MS);
}
