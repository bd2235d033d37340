/**
 * The badge scanner. The page opens the camera (getUserMedia, rear camera, up to 1280×720) into a
 * <video> in the viewfinder; decoding runs in a Web Worker (wasm-decoder.ts → decode-worker.ts: the
 * native BarcodeDetector where the worker has one, zxing-cpp compiled to WebAssembly otherwise and for
 * what it misses), so none of it runs on the page's main thread, where taps are handled:
 * - Chromium: the camera's frames go to the worker as a stream (MediaStreamTrackProcessor), and the
 *   page does nothing per frame;
 * - elsewhere, frames go over one at a time, transferred: a WebCodecs VideoFrame of the <video> where
 *   the browser has one (it copies nothing), else an ImageBitmap. (Chromium's createImageBitmap(video)
 *   copies the frame on the page's thread: 7–90 ms a frame at a 4× CPU slowdown.)
 * Either way the next frame is read only once the worker is free, paced by how long decoding took
 * (throttled-loop.ts), so a slow phone decodes fewer frames instead of queueing them. Where no worker
 * runs (no Workers, no WebAssembly, no OffscreenCanvas), html5-qrcode's decoder reads frames on the
 * main thread, more gently paced. Decoders load lazily (they are large); the first text the consumer
 * accepts wins, once (decode-gate.ts). Camera failures are reduced to a few reasons the UI can word
 * (camera-problem.ts).
 */
import { cameraError, cameraProblemOf, type CameraProblem } from './camera-problem';
import { sampleSize, supportsTorch, type CameraChoice } from './camera-controls';
import { createDecodeGate } from './decode-gate';
import { startThrottledLoop, type ThrottledLoop } from './throttled-loop';
import { DECODE_MAX_SIDE, FRAME_INTERVAL_MS, REST_SHARE, type Frame } from './decode-protocol';
import type { WorkerDecoder } from './wasm-decoder';
import type { CanvasDecoder } from './html5-qrcode-decoder';

export type { CameraProblem } from './camera-problem';
export type { CameraChoice } from './camera-controls';

/** The fallback decodes on the main thread: at most 4 frames a second, busy at most half the time. */
export const FALLBACK_FRAME_INTERVAL_MS = 250;
/** Long side of the fallback's canvas: about the viewfinder's size, as html5-qrcode always drew it. */
const FALLBACK_MAX_SIDE = 640;

export interface ScannerHandle {
  stop(): Promise<void>;
  /** The running camera's device id, when the browser tells. */
  readonly deviceId: string | null;
  readonly torchSupported: boolean;
  /** Turns the torch on or off; false when the camera refused. */
  setTorch(on: boolean): Promise<boolean>;
}

export interface ScannerOptions {
  elementId: string;
  /** A specific camera, or null for the rear one. */
  deviceId?: string | null;
  /** Called with each text read; return true to accept it, which stops further decodes. */
  onDecode(text: string): boolean | void;
}

export async function startScanner(options: ScannerOptions): Promise<ScannerHandle> {
  if (!window.isSecureContext || !navigator.mediaDevices?.getUserMedia) throw cameraError('insecure');
  const container = document.getElementById(options.elementId);
  if (!container) throw cameraError('unknown', `no element #${options.elementId}`);
  const gate = createDecodeGate(options.onDecode);
  // Start the decode worker (or learn there is none) while the camera starts.
  const worker = import('./wasm-decoder').then(
    (module) => module.workerDecoder(),
    () => null,
  );

  const camera: MediaTrackConstraints = options.deviceId
    ? { deviceId: { exact: options.deviceId } }
    : { facingMode: 'environment' };
  let stream: MediaStream;
  try {
    stream = await navigator.mediaDevices.getUserMedia({
      audio: false,
      video: { ...camera, width: { ideal: 1280 }, height: { ideal: 720 } },
    });
  } catch (error) {
    gate.close();
    throw cameraError(cameraProblemOf(error), error);
  }
  const track = stream.getVideoTracks()[0];
  const video = document.createElement('video');
  video.muted = true;
  video.playsInline = true;
  video.autoplay = true;
  video.setAttribute('playsinline', '');
  video.style.display = 'block';
  video.style.width = '100%';
  video.srcObject = stream;
  container.replaceChildren(video);
  const release = () => {
    for (const t of stream.getTracks()) t.stop();
    video.srcObject = null;
    video.remove();
  };
  try {
    await video.play();
  } catch (error) {
    gate.close();
    release();
    throw cameraError(cameraProblemOf(error), error);
  }

  let stopped = false;
  let decoding: Decoding | null = null;
  const run = (next: Decoding | null) => {
    if (stopped) next?.stop();
    else decoding = next;
  };
  void startDecoding(video, track, worker, gate.offer, () => stopped, run);

  return {
    deviceId: safely(() => track?.getSettings().deviceId, undefined) ?? null,
    torchSupported: supportsTorch(safely(() => track?.getCapabilities?.(), {})),
    async setTorch(on) {
      try {
        await track!.applyConstraints({ advanced: [{ torch: on } as MediaTrackConstraintSet] });
        return true;
      } catch {
        return false;
      }
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      gate.close();
      decoding?.stop();
      release();
    },
  };
}

type Offer = (text: string) => boolean;

/** A running decode: a page-driven loop, or a frame stream the worker reads. */
type Decoding = { stop(): void };

/**
 * Picks how frames are decoded and hands the running decode to `run` (which stops it if the camera
 * was stopped meanwhile):
 * 1. the camera's frame stream to the worker (MediaStreamTrackProcessor: Chromium), which paces
 *    itself — no work per frame on the page's thread;
 * 2. else frames one at a time from the page (VideoFrame or ImageBitmap) to the worker — also where
 *    only the page has a BarcodeDetector, which then looks first;
 * 3. else, and if the worker dies, html5-qrcode on the page's thread.
 */
async function startDecoding(
  video: HTMLVideoElement,
  track: MediaStreamTrack | undefined,
  worker: Promise<WorkerDecoder | null>,
  offer: Offer,
  stopped: () => boolean,
  run: (decoding: Decoding | null) => void,
): Promise<void> {
  const decoder = await worker;
  if (stopped()) return;
  if (!decoder) return run(await startFallback(video, offer, stopped));
  const detector = decoder.capabilities.detector ? null : await pageDetector();
  if (stopped()) return;
  let failedOver = false;
  const failOver = async (current: Decoding) => {
    if (failedOver) return;
    failedOver = true;
    current.stop();
    run(await startFallback(video, offer, stopped));
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
  detector: PageDetector | null,
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

interface PageDetector {
  detect(image: Frame): Promise<{ rawValue: string }[]>;
}

/** The page's own BarcodeDetector for QR codes, if the browser has one. */
async function pageDetector(): Promise<PageDetector | null> {
  const Native = (
    globalThis as unknown as {
      BarcodeDetector?: {
        new (options: { formats: string[] }): PageDetector;
        getSupportedFormats(): Promise<string[]>;
      };
    }
  ).BarcodeDetector;
  if (!Native) return null;
  try {
    return (await Native.getSupportedFormats()).includes('qr_code')
      ? new Native({ formats: ['qr_code'] })
      : null;
  } catch {
    return null;
  }
}

/** html5-qrcode's decoder on the main thread, on a canvas about the viewfinder's size. */
async function startFallback(
  video: HTMLVideoElement,
  offer: Offer,
  stopped: () => boolean,
): Promise<ThrottledLoop | null> {
  let decoder: CanvasDecoder;
  try {
    decoder = (await import('./html5-qrcode-decoder')).html5QrcodeDecoder();
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

/** The cameras this device has (labels are known once the camera permission is granted). */
export async function listCameras(): Promise<CameraChoice[]> {
  try {
    const devices = await navigator.mediaDevices.enumerateDevices();
    return devices
      .filter((device) => device.kind === 'videoinput' && device.deviceId)
      .map((device, index) => ({ id: device.deviceId, label: device.label || `Camera ${index + 1}` }));
  } catch {
    return [];
  }
}

function safely<T>(read: () => T, fallback: T): T {
  try {
    return read() ?? fallback;
  } catch {
    return fallback;
  }
}

export const problemOf = (error: unknown): CameraProblem => cameraProblemOf(error);
