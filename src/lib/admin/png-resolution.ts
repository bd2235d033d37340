/**
 * Marks a PNG with its print resolution (a pHYs chunk): a canvas's PNG has none, so image viewers and
 * print dialogs would size a 600-px label by screen pixels instead of as the 2"×2" label it is.
 */
const PNG_SIGNATURE_BYTES = 8;
const IHDR_BYTES = 4 + 4 + 13 + 4;

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

export function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

const isPng = (png: Uint8Array) =>
  png.length > PNG_SIGNATURE_BYTES + IHDR_BYTES &&
  png[0] === 0x89 &&
  String.fromCharCode(...png.subarray(12, 16)) === 'IHDR';

/** `png` with a pHYs chunk for `dpi` right after its header (an existing pHYs, if any, is left as is). */
export function withPrintResolution(png: Uint8Array, dpi: number): Uint8Array {
  if (!isPng(png)) throw new Error('not a PNG');
  const perMetre = Math.round(dpi / 0.0254);
  const chunk = new Uint8Array(4 + 4 + 9 + 4);
  const view = new DataView(chunk.buffer);
  view.setUint32(0, 9);
  chunk.set([0x70, 0x48, 0x59, 0x73], 4); // "pHYs"
  view.setUint32(8, perMetre);
  view.setUint32(12, perMetre);
  chunk[16] = 1; // unit: metre
  view.setUint32(17, crc32(chunk.subarray(4, 17)));
  const at = PNG_SIGNATURE_BYTES + IHDR_BYTES;
  const out = new Uint8Array(png.length + chunk.length);
  out.set(png.subarray(0, at));
  out.set(chunk, at);
  out.set(png.subarray(at), at + chunk.length);
  return out;
}
