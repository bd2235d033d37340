/**
 * html5-qrcode behind start/stop/onDecode. The library is loaded lazily (it is large) and decodes
 * from the rear camera; camera failures are reported as a small set of reasons the UI can word.
 */
export type CameraProblem = 'denied' | 'no_camera' | 'busy' | 'insecure' | 'unknown';

export interface ScannerHandle {
  stop(): Promise<void>;
}

export interface ScannerOptions {
  elementId: string;
  onDecode(text: string): void;
}

export function cameraProblemOf(error: unknown): CameraProblem {
  const text = String(error instanceof Error ? `${error.name} ${error.message}` : error);
  if (/NotAllowedError|Permission|denied/i.test(text)) return 'denied';
  if (/NotFoundError|OverconstrainedError|no camera|Requested device not found/i.test(text))
    return 'no_camera';
  if (/NotReadableError|TrackStartError|Could not start video source/i.test(text)) return 'busy';
  return 'unknown';
}

export async function startScanner(options: ScannerOptions): Promise<ScannerHandle> {
  if (!window.isSecureContext || !navigator.mediaDevices?.getUserMedia) {
    throw Object.assign(new Error('insecure'), { problem: 'insecure' as CameraProblem });
  }
  const { Html5Qrcode, Html5QrcodeSupportedFormats } = await import('html5-qrcode');
  const scanner = new Html5Qrcode(options.elementId, {
    verbose: false,
    formatsToSupport: [Html5QrcodeSupportedFormats.QR_CODE],
    useBarCodeDetectorIfSupported: true,
  });
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    try {
      await scanner.stop();
      scanner.clear();
    } catch {
      // Already stopped or never started: nothing to release.
    }
  };
  try {
    await scanner.start(
      { facingMode: 'environment' },
      // No qrbox: the whole frame is decoded. A scan box crops the image before decoding, and a badge
      // held close fills the box and loses its quiet zone, which made decodes fail intermittently.
      { fps: 10 },
      (text) => {
        if (!stopped) options.onDecode(text);
      },
      undefined,
    );
  } catch (error) {
    stopped = true;
    throw Object.assign(new Error(String(error)), { problem: cameraProblemOf(error) });
  }
  return { stop };
}

export const problemOf = (error: unknown): CameraProblem =>
  (error as { problem?: CameraProblem })?.problem ?? cameraProblemOf(error);
