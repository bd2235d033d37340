/**
 * The second decoder: zxing-cpp (zxing-wasm, reader build). Loaded only when the camera starts —
 * this module is imported dynamically — and its `.wasm` is a build asset served by Shiftpass itself
 * (no CDN), which the CSP allows with 'wasm-unsafe-eval'.
 */
import { prepareZXingModule, readBarcodes } from 'zxing-wasm/reader';
import wasmUrl from 'zxing-wasm/reader/zxing_reader.wasm?url';
import { WASM_READER_OPTIONS } from './wasm-reader-options';

prepareZXingModule({
  overrides: {
    locateFile: (path: string, prefix: string) => (path.endsWith('.wasm') ? wasmUrl : prefix + path),
  },
});

/** The QR text in the frame, or null. */
export async function decodeFrame(frame: ImageData): Promise<string | null> {
  const results = await readBarcodes(frame, WASM_READER_OPTIONS);
  const hit = results.find((result) => result.isValid && result.text);
  return hit ? hit.text : null;
}
