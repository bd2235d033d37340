/**
 * The badge scanner: html5-qrcode runs the rear camera and decodes every frame it draws (with the
 * native BarcodeDetector where the browser has one, its bundled ZXing-js otherwise); zxing-cpp
 * (zxing-wasm) reads the same video a few times a second as a second, stronger decoder. Both are
 * loaded lazily (they are large); whichever reads the badge first wins, once. Camera failures are
 * reduced to a few reasons the UI can word (camera-problem.ts).
 */
import { cameraError, cameraProblemOf, type CameraProblem } from './camera-problem';
import { sampleSize, supportsTorch, type CameraChoice } from './camera-controls';
import { createDecodeGate } from './decode-gate';
import { startThrottledLoop, type ThrottledLoop } from './throttled-loop';

export type { CameraProblem } from './camera-problem';
export type { CameraChoice } from './camera-controls';

/** The second decoder's pace: a frame every 250 ms at most (and at most half the time busy). */
export const WASM_DECODE_INTERVAL_MS = 250;
/**
 * The second decoder is the backup: it starts a second after the camera, so a badge the first
 * decoder reads at once (most of them, and every one on a phone with BarcodeDetector) costs no
 * WebAssembly work at all.
 */
export const WASM_FIRST_DECODE_AFTER_MS = 1000;
/** Long side of the frame handed to the second decoder. */
const WASM_MAX_SIDE = 1280;

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
  const gate = createDecodeGate(options.onDecode);
  // Fetch the second decoder while the camera starts; if it cannot load, html5-qrcode still scans.
  const wasmDecoder = import('./wasm-decoder').catch(() => null);
  const { Html5Qrcode, Html5QrcodeSupportedFormats } = await import('html5-qrcode');
  const scanner = new Html5Qrcode(options.elementId, {
    verbose: false,
    formatsToSupport: [Html5QrcodeSupportedFormats.QR_CODE],
    useBarCodeDetectorIfSupported: true,
  });
  const camera: MediaTrackConstraints = options.deviceId
    ? { deviceId: { exact: options.deviceId } }
    : { facingMode: 'environment' };
  try {
    await scanner.start(
      camera,
      // No qrbox: the whole frame is decoded. A scan box crops the image before decoding, and a badge
      // held close fills the box and loses its quiet zone, which made decodes fail intermittently.
      // Up to 1280×720 where the camera has it: small, distant badges get more pixels per module.
      { fps: 10, videoConstraints: { ...camera, width: { ideal: 1280 }, height: { ideal: 720 } } },
      (text) => void gate.offer(text),
      undefined,
    );
  } catch (error) {
    gate.close();
    throw cameraError(cameraProblemOf(error), error);
  }

  const video = document.querySelector<HTMLVideoElement>(`#${options.elementId} video`);
  let loop: ThrottledLoop | null = null;
  let stopped = false;
  void wasmDecoder.then((decoder) => {
    if (!decoder || !video || stopped) return;
    loop = startThrottledLoop(
      frameReader(video, decoder.decodeFrame, gate.offer),
      WASM_DECODE_INTERVAL_MS,
      undefined,
      WASM_FIRST_DECODE_AFTER_MS,
    );
  });

  const settings = safely(() => scanner.getRunningTrackSettings(), {} as MediaTrackSettings);
  return {
    deviceId: settings.deviceId ?? null,
    torchSupported: supportsTorch(safely(() => scanner.getRunningTrackCapabilities(), {})),
    async setTorch(on) {
      try {
        await scanner.applyVideoConstraints({ advanced: [{ torch: on } as MediaTrackConstraintSet] });
        return true;
      } catch {
        return false;
      }
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      gate.close();
      loop?.stop();
      try {
        await scanner.stop();
        scanner.clear();
      } catch {
        // Already stopped or never started: nothing to release.
      }
    },
  };
}

/** One throttled step of the second decoder: the current video frame, read at its own resolution. */
function frameReader(
  video: HTMLVideoElement,
  decode: (frame: ImageData) => Promise<string | null>,
  offer: (text: string) => boolean,
): () => Promise<void> {
  const canvas = document.createElement('canvas');
  const context = canvas.getContext('2d', { willReadFrequently: true });
  return async () => {
    if (!context || video.readyState < HTMLMediaElement.HAVE_CURRENT_DATA) return;
    const size = sampleSize(video.videoWidth, video.videoHeight, WASM_MAX_SIDE);
    if (!size) return;
    if (canvas.width !== size.width || canvas.height !== size.height) {
      canvas.width = size.width;
      canvas.height = size.height;
    }
    context.drawImage(video, 0, 0, size.width, size.height);
    const text = await decode(context.getImageData(0, 0, size.width, size.height));
    if (text) offer(text);
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
