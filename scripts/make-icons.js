// Draws the app icons (a white badge with a QR-like mark on the brand colour) as PNGs with no dependencies.
// Run once: node scripts/make-icons.js — the PNGs are committed under static/icons.
import { mkdirSync, writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
/** @param {Buffer} buf */
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const b of buf) c = /** @type {number} */ (crcTable[(c ^ b) & 0xff]) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
/** @param {string} type @param {Buffer} data */
const chunk = (type, data) => {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
};

/** @param {number} size @param {number} padding */
function icon(size, padding) {
  const brand = [11, 61, 92];
  const white = [255, 255, 255];
  const rows = [];
  const inner = size * (1 - 2 * padding);
  const cell = inner / 7;
  // A 7×7 finder-pattern-like mark.
  const mark = ['1111111', '1000001', '1011101', '1011101', '1011101', '1000001', '1111111'];
  for (let y = 0; y < size; y++) {
    const row = [0];
    for (let x = 0; x < size; x++) {
      const gx = Math.floor((x - size * padding) / cell);
      const gy = Math.floor((y - size * padding) / cell);
      const onMark = gx >= 0 && gy >= 0 && gx < 7 && gy < 7 && mark[gy]?.[gx] === '1';
      row.push(...(onMark ? white : brand));
    }
    rows.push(Buffer.from(row));
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8;
  header[9] = 2;
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

mkdirSync('static/icons', { recursive: true });
writeFileSync('static/icons/icon-192.png', icon(192, 0.2));
writeFileSync('static/icons/icon-512.png', icon(512, 0.2));
writeFileSync('static/icons/icon-maskable-512.png', icon(512, 0.3));
