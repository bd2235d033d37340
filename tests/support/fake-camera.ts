/**
 * Writes a Y4M video that Chromium's fake camera plays in a loop (--use-file-for-fake-video-capture):
 * one 640×480 4:2:0 frame showing a real QR code of `text` (or a blank frame), black modules on white.
 * With `degradation`, the badge is seen as a camera would see it on a bad day (rotated, tilted, blurred,
 * noisy, glared: tests/support/badge-frames.ts, the frames `npm run bench` measures).
 */
import { writeFileSync } from 'node:fs';
import QRCode from 'qrcode';
import { QR_ERROR_CORRECTION, readableMaskFor } from '../../server/platform/qr-image.js';
import {
  CAMERA_BASELINE,
  FRAME_HEIGHT,
  FRAME_WIDTH,
  badgeMatrix,
  renderFrame,
  seededRandom,
  type Degradation,
} from './badge-frames.js';

const WIDTH = FRAME_WIDTH;
const HEIGHT = FRAME_HEIGHT;
const QUIET_ZONE_MODULES = 4;

export function writeBadgeVideo(
  path: string,
  text: string | null,
  degradation?: Partial<Degradation>,
): string {
  const luma = text !== null && degradation ? Buffer.from(degradedLuma(text, degradation)) : cleanLuma(text);
  const chroma = Buffer.alloc((WIDTH / 2) * (HEIGHT / 2), 128);
  const header = `YUV4MPEG2 W${WIDTH} H${HEIGHT} F30:1 Ip A1:1 C420jpeg\n`;
  writeFileSync(path, Buffer.concat([Buffer.from(header), Buffer.from('FRAME\n'), luma, chroma, chroma]));
  return path;
}

/** The grey frame a degraded badge video shows (the same bytes the Y4M carries). */
export function degradedLuma(text: string, degradation: Partial<Degradation>, seed = 4): Uint8Array {
  return renderFrame(badgeMatrix(text), { ...CAMERA_BASELINE, ...degradation }, seededRandom(seed)).grey;
}

function cleanLuma(text: string | null): Buffer {
  const luma = Buffer.alloc(WIDTH * HEIGHT, 235);
  if (text === null) return luma;
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
  return luma;
}
