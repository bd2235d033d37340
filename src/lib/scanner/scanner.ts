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
import { supportsTorch, type CameraChoice } from './camera-controls';
import { createDecodeGate } from './decode-gate';
import type { Decoding } from './decode-loop';

export type { CameraProblem } from './camera-problem';
export type { CameraChoice } from './camera-controls';

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
  // Load the decode loop and start the decode worker (or learn there is none) while the camera
  // starts. (Imported here, each on its own, so the up-front JavaScript holds none of it.)
  const loop = import('./decode-loop').catch(() => null);
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
  // Without the decode loop (offline before the precache was filled) the typed code still works.
  void loop.then((module) =>
    module?.startDecoding({
      video,
      track,
      worker,
      loadFallback: () => import('./html5-qrcode-decoder'),
      offer: gate.offer,
      stopped: () => stopped,
      run,
    }),
  );

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
