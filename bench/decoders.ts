/**
 * Decoder bench (docs/decoding.md): degraded badge frames, the kiosk's shipped decoder vs html5-qrcode.
 *
 * Frames: real badge payloads (`SP1:<issuer>:<codeId>:<secret>`) as the API issues them (same QR
 * matrix and mask, server/platform/qr-image.ts) on a card in a 640×480 shop scene, degraded per
 * category (bench/decoders/categories.ts). The decoders run in headless Debian Chromium on the same
 * canvas (bench/decoders/page.ts): the shipped path (the frame as a transferred ImageBitmap to the
 * decode worker: BarcodeDetector where the worker has one, zxing-wasm), html5-qrcode's own per-frame
 * decoder (the kiosk's fallback where no worker runs), and zxing-wasm on the page's thread (what the
 * kiosk ran before the worker, for reference).
 *
 * Prints a table, the figure line "shipped decoder (worker) frames decoded: N/192 (target ≥ 170/192)"
 * — 170 is what the kiosk read before decoding moved to the worker (html5-qrcode, then zxing-wasm) —
 * and "shipped decodes every frame html5-qrcode or zxing-wasm on the page decodes: yes/no"; exits 1
 * on "no" (and when a decoder returns a wrong text, which counts as not decoded).
 */
import { chromium } from '@playwright/test';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Rollup } from 'vite';
import { findChromium } from '../scripts/find-chromium.js';
import { CATEGORIES } from './decoders/categories.js';
import {
  badgeMatrix,
  badgeText,
  renderFrame,
  seededRandom,
  type BadgeMatrix,
} from '../tests/support/badge-frames.js';
import type { BenchPage, DecodeOutcome } from './decoders/page.js';

const BADGES_PER_VARIANT = 8;
const DISTINCT_BADGES = 24;
const ORIGIN = 'http://localhost:9';
const root = resolve(fileURLToPath(import.meta.url), '../..');

/** Frames the kiosk read before decoding moved to the worker (docs/benchmarks.md, 2026-11-28). */
const DECODED_BEFORE = 170;

interface Measured {
  category: string;
  variant: string;
  shipped: DecodeOutcome & { ok: boolean };
  html5: DecodeOutcome & { ok: boolean };
  wasm: DecodeOutcome & { ok: boolean };
}

const started = performance.now();

// 1. The page, bundled by Vite as the kiosk is (the .wasm becomes an asset it fetches).
const bundled = (await build({
  configFile: false,
  root,
  logLevel: 'silent',
  build: {
    write: false,
    target: 'es2022',
    modulePreload: false,
    rollupOptions: { input: resolve(root, 'bench/decoders/page.ts'), onwarn: () => undefined },
  },
})) as Rollup.RollupOutput;
const files = new Map<string, { body: Buffer; type: string }>();
let entry = '';
for (const item of bundled.output) {
  const body = Buffer.from(item.type === 'chunk' ? item.code : item.source);
  const type = item.fileName.endsWith('.wasm')
    ? 'application/wasm'
    : item.fileName.endsWith('.js')
      ? 'text/javascript'
      : 'application/octet-stream';
  files.set(`/${item.fileName}`, { body, type });
  if (item.type === 'chunk' && item.isEntry) entry = `/${item.fileName}`;
}

// 2. The frames.
const random = seededRandom(20261128);
const badges: BadgeMatrix[] = Array.from({ length: DISTINCT_BADGES }, () => badgeMatrix(badgeText(random)));
const plan: { category: string; variant: string; badge: BadgeMatrix }[] = [];
const frames: Buffer[] = [];
let next = 0;
for (const category of CATEGORIES) {
  for (const variant of category.variants) {
    for (let i = 0; i < BADGES_PER_VARIANT; i++) {
      const badge = badges[next++ % badges.length]!;
      // A hand-held badge is never quite square to the camera: a few degrees either way.
      const wobble = variant.degradation.rotation === 0 ? (random() - 0.5) * 10 : 0;
      const frame = renderFrame(badge, { ...variant.degradation, rotation: wobble }, random);
      plan.push({ category: category.name, variant: variant.label, badge });
      frames.push(Buffer.from(frame.grey));
    }
  }
}
const generatedMs = performance.now() - started;

// 3. Decode every frame with each decoder in Chromium.
const browser = await chromium.launch({
  executablePath: findChromium(),
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
});
const results: Measured[] = [];
let warmUp: { shipped: number; html5: number; wasm: number };
let barcodeDetector: boolean;
let worker: BenchPage['worker'];
try {
  const context = await browser.newContext();
  const page = await context.newPage();
  // On the context, so the decode worker's own requests (its script, the .wasm) are answered too.
  await context.route(`${ORIGIN}/**`, async (route) => {
    const path = new URL(route.request().url()).pathname;
    if (path === '/') {
      return route.fulfill({
        contentType: 'text/html',
        body: `<!doctype html><title>loading</title><script type="module" src="${entry}"></script>`,
      });
    }
    const frame = /^\/frames\/(\d+)$/.exec(path);
    if (frame)
      return route.fulfill({ contentType: 'application/octet-stream', body: frames[Number(frame[1])]! });
    const file = files.get(path);
    return file ? route.fulfill({ contentType: file.type, body: file.body }) : route.fulfill({ status: 404 });
  });
  await page.goto(`${ORIGIN}/`);
  await page.waitForFunction(() => document.title === 'ready');
  ({ barcodeDetector, worker } = await page.evaluate(() => {
    const { bench } = window as unknown as { bench: BenchPage };
    return { barcodeDetector: bench.barcodeDetector, worker: bench.worker };
  }));
  if (!worker) throw new Error('the decode worker did not start: the shipped path cannot be measured');
  // First calls: the worker's first frame, ZXing-js warms up, zxing-wasm on the page compiles its .wasm.
  warmUp = {
    shipped: (await page.evaluate(() => (window as unknown as { bench: BenchPage }).bench.shipped(0))).ms,
    html5: (await page.evaluate(() => (window as unknown as { bench: BenchPage }).bench.html5qrcode(0))).ms,
    wasm: (await page.evaluate(() => (window as unknown as { bench: BenchPage }).bench.zxingWasm(0))).ms,
  };
  for (const [index, item] of plan.entries()) {
    const [shipped, html5, wasm] = await page.evaluate(async (i) => {
      const { bench } = window as unknown as { bench: BenchPage };
      return [await bench.shipped(i), await bench.html5qrcode(i), await bench.zxingWasm(i)];
    }, index);
    results.push({
      category: item.category,
      variant: item.variant,
      shipped: { ...shipped!, ok: shipped!.text === item.badge.text },
      html5: { ...html5!, ok: html5!.text === item.badge.text },
      wasm: { ...wasm!, ok: wasm!.text === item.badge.text },
    });
  }
} finally {
  await browser.close();
}

// 4. Report.
const median = (values: number[]) => {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};
const share = (rows: Measured[], ok: (r: Measured) => boolean) =>
  `${rows.filter(ok).length}/${rows.length} (${((100 * rows.filter(ok).length) / rows.length).toFixed(0)} %)`;
const ms = (values: number[]) => (values.length ? median(values).toFixed(1) : '–');

function row(label: string, rows: Measured[]): string[] {
  return [
    label,
    share(rows, (r) => r.shipped.ok),
    ms(rows.filter((r) => r.shipped.ok).map((r) => r.shipped.ms)),
    share(rows, (r) => r.html5.ok),
    ms(rows.filter((r) => r.html5.ok).map((r) => r.html5.ms)),
    share(rows, (r) => r.wasm.ok),
    ms(rows.filter((r) => r.wasm.ok).map((r) => r.wasm.ms)),
  ];
}

const table: string[][] = [
  [
    'category / variant',
    'shipped (worker)',
    'median ms',
    'html5-qrcode (fallback)',
    'median ms',
    'zxing-wasm on the page',
    'median ms',
  ],
];
for (const category of CATEGORIES) {
  const rows = results.filter((r) => r.category === category.name);
  table.push(row(category.name, rows));
  for (const variant of category.variants)
    table.push(
      row(
        `  ${variant.label}`,
        rows.filter((r) => r.variant === variant.label),
      ),
    );
}
table.push(row('all frames', results));
const widths = table[0]!.map((_, column) => Math.max(...table.map((line) => line[column]!.length)));
// The table and the details go to stderr; stdout carries the figure lines `npm run bench` turns into rows.
const print = (line: string[]) =>
  console.error(
    line
      .map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!)))
      .join('  '),
  );

console.error(
  `\nDecoders on ${results.length} degraded 640×480 badge frames (${CATEGORIES.length} categories × 3 strengths × ${BADGES_PER_VARIANT} badges), headless Chromium ${browser.version()}; BarcodeDetector on the page: ${barcodeDetector ? 'present' : 'absent'}; decode worker: BarcodeDetector ${worker.detector ? 'present' : 'absent'}, zxing-wasm ${worker.wasm ? 'ready' : 'missing'}`,
);
print(table[0]!);
for (const line of table.slice(1)) print(line);

const misreads = results.filter(
  (r) => (r.shipped.text && !r.shipped.ok) || (r.html5.text && !r.html5.ok) || (r.wasm.text && !r.wasm.ok),
).length;
const decoded = results.filter((r) => r.shipped.ok).length;
const missed = results.filter((r) => !r.shipped.ok && (r.html5.ok || r.wasm.ok)).length;
console.error(
  `first decode (warm-up): worker ready ${worker.readyMs.toFixed(0)} ms (fetches and compiles the .wasm) + first frame ${warmUp.shipped.toFixed(0)} ms; html5-qrcode ${warmUp.html5.toFixed(0)} ms; zxing-wasm on the page ${warmUp.wasm.toFixed(0)} ms`,
);
console.error(
  `frames generated in ${(generatedMs / 1000).toFixed(1)} s; bench took ${((performance.now() - started) / 1000).toFixed(1)} s; wrong texts returned: ${misreads}`,
);
console.log(
  `shipped decoder (worker) frames decoded: ${decoded}/${results.length} (target ≥ ${DECODED_BEFORE}/${results.length}) ${decoded >= DECODED_BEFORE ? 'PASS' : 'MISS'}`,
);
console.log(
  `shipped decoder (worker) median ms per decoded frame: ${ms(results.filter((r) => r.shipped.ok).map((r) => r.shipped.ms))} (html5-qrcode ${ms(results.filter((r) => r.html5.ok).map((r) => r.html5.ms))}, zxing-wasm on the page ${ms(results.filter((r) => r.wasm.ok).map((r) => r.wasm.ms))})`,
);
console.log(
  `shipped decodes every frame html5-qrcode or zxing-wasm on the page decodes: ${missed === 0 ? 'yes' : `no (${missed} missed)`}`,
);
if (missed > 0 || misreads > 0) process.exit(1);
