/**
 * Writes a Y4M video that Chromium's fake camera plays in a loop (--use-file-for-fake-video-capture):
 * one 640×480 4:2:0 frame showing a real QR code of `text` (or a blank frame), black modules on white.
 */
import { writeFileSync } from 'node:fs';
import QRCode from 'qrcode';
import { QR_ERROR_CORRECTION, readableMaskFor } from '../../server/platform/qr-image.js';

const WIDTH = 640;
const HEIGHT = 480;
const QUIET_ZONE_MODULES = 4;

export function writeBadgeVideo(path: string, text: string | null): string {
  const luma = Buffer.alloc(WIDTH * HEIGHT, 235);
  if (text !== null) {
    // The same module matrix as the badge PNG the API issues (same level, same mask).
    const { modules } = QRCode.create(text, {
      errorCorrectionLevel: QR_ERROR_CORRECTION,
      maskPattern: readableMaskFor(text),
    });
    const span = modules.size + 2 * QUIET_ZONE_MODULES;
    const pixelsPerModule = Math.floor(Math.min(WIDTH, HEIGHT) / span);
    const left = Math.floor((WIDTH - modules.size * pixelsPerModule) / 2);
    const top = Math.floor((HEIGHT - modules.size * pixelsPerModule) / 2);
    for (let row = 0; row < modules.size; row++) {
      for (let col = 0; col < modules.size; col++) {
        if (!modules.get(row, col)) continue;
        for (let y = 0; y < pixelsPerModule; y++) {
          const offset = (top + row * pixelsPerModule + y) * WIDTH + left + col * pixelsPerModule;
          luma.fill(16, offset, offset + pixelsPerModule);
        }
      }
    }
  }
  const chroma = Buffer.alloc((WIDTH / 2) * (HEIGHT / 2), 128);
  const header = `YUV4MPEG2 W${WIDTH} H${HEIGHT} F30:1 Ip A1:1 C420jpeg\n`;
  writeFileSync(path, Buffer.concat([Buffer.from(header), Buffer.from('FRAME\n'), luma, chroma, chroma]));
  return path;
}
