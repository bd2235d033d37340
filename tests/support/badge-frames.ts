/**
 * Degraded badge frames for the decoder bench: a Shiftpass badge (the same QR matrix the API issues:
 * error correction Q, the mask `readableMaskFor` picks) printed on a white card, seen by a 640×480
 * camera in a shop — placed, rotated and tilted in 3-D, then blurred, washed out, glared or noised.
 * Grey levels only (a badge is black on white). Deterministic: the same seed gives the same frames.
 */
import QRCode from 'qrcode';
import { encodeBase32 } from '../../server/domain/base32.js';
import { CODE_ID_LENGTH, SECRET_LENGTH, formatQrPayload } from '../../server/domain/qr-payload.js';
import { QR_ERROR_CORRECTION, readableMaskFor } from '../../server/platform/qr-image.js';

export const FRAME_WIDTH = 640;
export const FRAME_HEIGHT = 480;
const QUIET_ZONE = 4;
/** White card margin around the quiet zone, in modules. */
const CARD_MARGIN = 2;
const INK = 20;
const PAPER = 235;

export interface Degradation {
  /** Pixels per module at the badge's centre. */
  moduleSize: number;
  /** In-plane rotation, degrees. */
  rotation: number;
  /** Tilt of the badge away from the camera, degrees (perspective), about an axis at `tiltAxis`°. */
  tilt: number;
  tiltAxis: number;
  /** Gaussian blur sigma, px (out of focus, motion). */
  blur: number;
  /** Contrast kept, 0..1 (1 = ink 20 / paper 235). */
  contrast: number;
  /** Peak brightness added by a specular highlight (0 = none), and its radius in modules. */
  glare: number;
  glareRadius: number;
  /** Sensor noise sigma, grey levels. */
  noise: number;
}

export const CAMERA_BASELINE: Degradation = {
  moduleSize: 6,
  rotation: 0,
  tilt: 0,
  tiltAxis: 0,
  blur: 0.6,
  contrast: 1,
  glare: 0,
  glareRadius: 8,
  noise: 3,
};

export interface Frame {
  text: string;
  /** One grey byte per pixel, row-major, FRAME_WIDTH × FRAME_HEIGHT. */
  grey: Uint8Array;
}

/** A small seeded PRNG (mulberry32): the frames are the same on every run. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A badge payload in the issued format (`SP1:<issuer>:<codeId16>:<secret26>`), from the PRNG. */
export function badgeText(random: () => number, issuer = 'SHIFTPASS'): string {
  const bytes = (n: number) => Uint8Array.from({ length: n }, () => Math.floor(random() * 256));
  return formatQrPayload({
    issuer,
    codeId: encodeBase32(bytes(10)).slice(0, CODE_ID_LENGTH),
    secret: encodeBase32(bytes(17)).slice(0, SECRET_LENGTH),
  });
}

const gaussian = (random: () => number) =>
  Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());

export interface BadgeMatrix {
  text: string;
  size: number;
  /** 1 where a module is dark, row-major. */
  dark: Uint8Array;
}

/** The module matrix of an issued badge: the API's error correction level and mask choice. */
export function badgeMatrix(text: string): BadgeMatrix {
  const { modules } = QRCode.create(text, {
    errorCorrectionLevel: QR_ERROR_CORRECTION,
    maskPattern: readableMaskFor(text),
  });
  const dark = new Uint8Array(modules.size * modules.size);
  for (let row = 0; row < modules.size; row++)
    for (let col = 0; col < modules.size; col++)
      dark[row * modules.size + col] = modules.get(row, col) ? 1 : 0;
  return { text, size: modules.size, dark };
}

export function renderFrame(badge: BadgeMatrix, d: Degradation, random: () => number): Frame {
  const { text, dark: darkModules } = badge;
  const n = badge.size;
  const half = n / 2 + QUIET_ZONE + CARD_MARGIN; // card half-width, modules
  // Somewhere in the frame with the whole card in view (at the nominal scale).
  const reach = half * d.moduleSize * 1.2;
  const cx = FRAME_WIDTH / 2 + (random() - 0.5) * Math.max(0, FRAME_WIDTH - 2 * reach);
  const cy = FRAME_HEIGHT / 2 + (random() - 0.5) * Math.max(0, FRAME_HEIGHT - 2 * reach);
  const forward = homography(d, cx, cy);
  const inverse = invert3(forward);

  const light = sceneBackground(random);
  // Only the card's bounding box in the image needs the badge drawn.
  const corners = [-1, 1].flatMap((sa) =>
    [-1, 1].map((sb) => project(forward, sa * half * d.moduleSize, sb * half * d.moduleSize)),
  );
  const x0 = Math.max(0, Math.floor(Math.min(...corners.map((p) => p[0])) - 1));
  const x1 = Math.min(FRAME_WIDTH, Math.ceil(Math.max(...corners.map((p) => p[0])) + 1));
  const y0 = Math.max(0, Math.floor(Math.min(...corners.map((p) => p[1])) - 1));
  const y1 = Math.min(FRAME_HEIGHT, Math.ceil(Math.max(...corners.map((p) => p[1])) + 1));
  const background = light.slice();
  // 2×2 supersampling: a camera pixel averages the light that falls on it.
  const offsets = [0.25, 0.75];
  for (let y = y0; y < y1; y++) {
    for (let x = x0; x < x1; x++) {
      let sum = 0;
      for (const oy of offsets) {
        for (const ox of offsets) {
          const px = x + ox;
          const py = y + oy;
          const w = inverse[6]! * px + inverse[7]! * py + inverse[8]!;
          const a = (inverse[0]! * px + inverse[1]! * py + inverse[2]!) / w / d.moduleSize;
          const b = (inverse[3]! * px + inverse[4]! * py + inverse[5]!) / w / d.moduleSize;
          if (w <= 0 || Math.abs(a) > half || Math.abs(b) > half) {
            sum += background[y * FRAME_WIDTH + x]!;
            continue;
          }
          const col = Math.floor(a + n / 2);
          const row = Math.floor(b + n / 2);
          const dark = row >= 0 && col >= 0 && row < n && col < n && darkModules[row * n + col] === 1;
          sum += dark ? INK : PAPER;
        }
      }
      light[y * FRAME_WIDTH + x] = sum / 4;
    }
  }

  if (d.contrast < 1) {
    const middle = (INK + PAPER) / 2;
    for (let i = 0; i < light.length; i++) light[i] = middle + (light[i]! - middle) * d.contrast;
  }
  if (d.glare > 0) {
    // A highlight over part of the code (a laminated badge under shop lights).
    const angle = random() * 2 * Math.PI;
    const gx = cx + Math.cos(angle) * (n / 4) * d.moduleSize;
    const gy = cy + Math.sin(angle) * (n / 4) * d.moduleSize;
    const radius = d.glareRadius * d.moduleSize;
    for (let y = 0; y < FRAME_HEIGHT; y++) {
      for (let x = 0; x < FRAME_WIDTH; x++) {
        const r2 = ((x - gx) ** 2 + (y - gy) ** 2) / (2 * radius * radius);
        if (r2 < 12) light[y * FRAME_WIDTH + x]! += d.glare * Math.exp(-r2);
      }
    }
    for (let i = 0; i < light.length; i++) light[i] = Math.min(255, light[i]!);
  }
  const blurred = d.blur > 0 ? gaussianBlur(light, d.blur) : light;
  const grey = new Uint8Array(blurred.length);
  for (let i = 0; i < grey.length; i++) {
    const value = blurred[i]! + (d.noise > 0 ? gaussian(random) * d.noise : 0);
    grey[i] = Math.max(0, Math.min(255, Math.round(value)));
  }
  return { text, grey };
}

/** A plausible shop behind the badge: a shaded wall with a few darker shelves and boxes. */
function sceneBackground(random: () => number): Float32Array {
  const values = new Float32Array(FRAME_WIDTH * FRAME_HEIGHT);
  const base = 110 + random() * 40;
  for (let y = 0; y < FRAME_HEIGHT; y++)
    for (let x = 0; x < FRAME_WIDTH; x++)
      values[y * FRAME_WIDTH + x] = base + 25 * Math.sin(x / 90 + y / 140) - 0.05 * y;
  for (let box = 0; box < 8; box++) {
    const w = 30 + random() * 150;
    const h = 20 + random() * 100;
    const x0 = random() * (FRAME_WIDTH - w);
    const y0 = random() * (FRAME_HEIGHT - h);
    const shade = 40 + random() * 160;
    for (let y = Math.floor(y0); y < y0 + h; y++)
      for (let x = Math.floor(x0); x < x0 + w; x++) values[y * FRAME_WIDTH + x] = shade;
  }
  return values;
}

/**
 * Badge plane (pixels at nominal scale, origin at the badge centre) → image, as a 3×3 homography:
 * tilt about an in-plane axis, rotate, put the plane at a viewing distance, project with a pinhole.
 */
function homography(d: Degradation, cx: number, cy: number): number[] {
  const distance = 700; // px: the focal length equals it, so an untilted badge keeps its size
  const rad = Math.PI / 180;
  const axis = d.tiltAxis * rad;
  const tilt = d.tilt * rad;
  // Rotation about the unit axis (cos axis, sin axis, 0) by `tilt` (Rodrigues), then about z.
  const [ux, uy] = [Math.cos(axis), Math.sin(axis)];
  const c = Math.cos(tilt);
  const s = Math.sin(tilt);
  const t = [
    [c + ux * ux * (1 - c), ux * uy * (1 - c), uy * s],
    [ux * uy * (1 - c), c + uy * uy * (1 - c), -ux * s],
    [-uy * s, ux * s, c],
  ];
  const rz = d.rotation * rad;
  const [cz, sz] = [Math.cos(rz), Math.sin(rz)];
  const r = [
    [cz * t[0]![0]! - sz * t[1]![0]!, cz * t[0]![1]! - sz * t[1]![1]!],
    [sz * t[0]![0]! + cz * t[1]![0]!, sz * t[0]![1]! + cz * t[1]![1]!],
    [t[2]![0]!, t[2]![1]!],
  ];
  const f = distance;
  return [
    f * r[0]![0]! + cx * r[2]![0]!,
    f * r[0]![1]! + cx * r[2]![1]!,
    cx * distance,
    f * r[1]![0]! + cy * r[2]![0]!,
    f * r[1]![1]! + cy * r[2]![1]!,
    cy * distance,
    r[2]![0]!,
    r[2]![1]!,
    distance,
  ];
}

function project(m: number[], a: number, b: number): [number, number] {
  const w = m[6]! * a + m[7]! * b + m[8]!;
  return [(m[0]! * a + m[1]! * b + m[2]!) / w, (m[3]! * a + m[4]! * b + m[5]!) / w];
}

function invert3(m: number[]): number[] {
  const [a, b, c, d, e, f, g, h, i] = m as [
    number,
    number,
    number,
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const A = e * i - f * h;
  const B = -(d * i - f * g);
  const C = d * h - e * g;
  const det = a * A + b * B + c * C;
  return [
    A / det,
    -(b * i - c * h) / det,
    (b * f - c * e) / det,
    B / det,
    (a * i - c * g) / det,
    -(a * f - c * d) / det,
    C / det,
    -(a * h - b * g) / det,
    (a * e - b * d) / det,
  ];
}

function gaussianBlur(source: Float32Array, sigma: number): Float32Array {
  const radius = Math.ceil(sigma * 3);
  const kernel = Array.from({ length: 2 * radius + 1 }, (_, k) =>
    Math.exp(-((k - radius) ** 2) / (2 * sigma * sigma)),
  );
  const total = kernel.reduce((x, y) => x + y, 0);
  const weights = kernel.map((k) => k / total);
  const pass = (input: Float32Array, dx: number, dy: number) => {
    const output = new Float32Array(input.length);
    for (let y = 0; y < FRAME_HEIGHT; y++) {
      for (let x = 0; x < FRAME_WIDTH; x++) {
        let sum = 0;
        for (let k = -radius; k <= radius; k++) {
          const sx = Math.min(FRAME_WIDTH - 1, Math.max(0, x + k * dx));
          const sy = Math.min(FRAME_HEIGHT - 1, Math.max(0, y + k * dy));
          sum += input[sy * FRAME_WIDTH + sx]! * weights[k + radius]!;
        }
        output[y * FRAME_WIDTH + x] = sum;
      }
    }
    return output;
  };
  return pass(pass(source, 1, 0), 0, 1);
}
