import type { ReaderOptions } from 'zxing-wasm/reader';

/**
 * How the second decoder (zxing-cpp compiled to WebAssembly) reads a camera frame. Shared by the
 * kiosk and `bench/decoders.ts`, so the bench measures exactly what ships.
 * - QR only, one symbol: the badge is the only thing we look for.
 * - tryHarder + tryDownscale (defaults): the slower, more thorough search; downscaling helps blurred
 *   and noisy frames.
 * - tryRotate/tryInvert off: a QR code is found at any angle anyway, and badges are dark on light.
 */
export const WASM_READER_OPTIONS: ReaderOptions = {
  formats: ['QRCode'],
  tryHarder: true,
  tryDownscale: true,
  tryRotate: false,
  tryInvert: false,
  maxNumberOfSymbols: 1,
};
