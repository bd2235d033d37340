/** Messages between the scan screen and its decode worker (decode-worker.ts). */

/**
 * The page's first message: where the zxing-wasm `.wasm` is. The page imports its URL (so the build
 * lists it with the page's assets and the service worker precaches it) and hands it over.
 */
export interface WorkerInit {
  type: 'init';
  wasmUrl: string;
}

/** The worker's first message: what it can decode with. Neither → the page falls back to html5-qrcode. */
export interface WorkerReady {
  type: 'ready';
  /** The browser's native BarcodeDetector is available in the worker and reads QR codes. */
  detector: boolean;
  /** zxing-wasm compiled, and OffscreenCanvas is there to get a frame's pixels. */
  wasm: boolean;
}

/**
 * A frame to decode, transferred (the worker closes it): a VideoFrame of the <video> where the
 * browser has WebCodecs (taking one copies nothing on the page's thread), else an ImageBitmap.
 */
export type Frame = VideoFrame | ImageBitmap;

export interface DecodeRequest {
  type: 'decode';
  id: number;
  frame: Frame;
}

/** Long side of the pixels the worker decodes (small, distant badges need them). */
export const DECODE_MAX_SIDE = 1280;

export interface DecodeResult {
  type: 'result';
  id: number;
  /** The QR text, or null when the frame holds none the decoders could read. */
  text: string | null;
}

/**
 * Where the browser has MediaStreamTrackProcessor (Chromium), the camera's frames go to the worker as
 * a stream and the worker paces itself: the page's thread does no work per frame at all.
 */
export interface WatchRequest {
  type: 'watch';
  run: number;
  frames: ReadableStream<VideoFrame>;
}

export interface UnwatchRequest {
  type: 'unwatch';
  run: number;
}

/** A text the worker read from a watched stream. */
export interface Found {
  type: 'found';
  run: number;
  text: string;
}

/**
 * The decode rate: at most a frame every 100 ms (html5-qrcode's 10 fps), and after a slow decode a
 * rest of a quarter of its time (the worker busy at most 80 %): on a phone where a frame takes 300 ms
 * that is about 2.7 frames a second, with the page's thread free throughout.
 */
export const FRAME_INTERVAL_MS = 100;
export const REST_SHARE = 0.25;

export type FromWorker = WorkerReady | DecodeResult | Found;
export type ToWorker = WorkerInit | DecodeRequest | WatchRequest | UnwatchRequest;
