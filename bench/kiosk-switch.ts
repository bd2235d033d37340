/**
 * Kiosk user switch and cold start (issue 14 target 4), in headless Chromium with a fake camera that
 * shows a real badge (tests/support/fake-camera.ts, as the e2e journeys do).
 *
 * Starts Shiftpass as `npm start` does (`node scripts/start.js`) on a temporary DATA_DIR and a free
 * port with the bootstrap admin token, from a copy of the working tree's sources in a temporary
 * directory with the checkout's build (bench/source-copy.ts), like bench/sso.ts.
 * `--in <dir>` runs start.js in `dir` instead (a tree kept between runs, e.g. an older commit's
 * `git archive` for before/after runs; it is built there once). The worker is seeded through the admin
 * API (policy on, user, badge + PIN, forced PIN change done through the API).
 *
 * Every time is read in the page, on its own clock (performance.now(), 0 = navigation start), by an
 * init script: the click on "Sign out" (capture listener), the moment the PIN screen's heading
 * (`#pin-title`) is in the DOM (MutationObserver), and each `playing` event of a video element.
 * Playwright's round trips are not in the figures.
 *
 * - **User switch** (scanner warm): the worker is on the kiosk home; click "Sign out"; the kiosk signs
 *   out, returns to the scan screen, and the camera reads the badge it shows → the PIN screen. Measured:
 *   click → PIN screen. Then the PIN is typed and the worker is home again for the next round. One
 *   unmeasured round first, then 20.
 * - **Cold start** (the service worker's cache warm: it installed and controls the origin): a new page
 *   of the same browser context (the previous one closed, so the camera starts from nothing) opens
 *   `/` → the PIN screen for the shown badge. Measured: navigation start → PIN screen, and navigation
 *   start → the video's first `playing`. 10 runs.
 *
 * `--latency <ms>` emulates a store network's round trip for the API (see LATENCY_MS).
 *
 * Prints each run, medians and p90s on stderr; on stdout (the rows of `npm run bench`) the two figure
 * lines with PASS/MISS (targets 500 ms and 1.5 s) and the cold start's time to the video playing.
 * Never asserts a time; exits 1 only when the journey itself fails.
 */
import { chromium, type Page } from '@playwright/test';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { findChromium } from '../scripts/find-chromium.js';
import { BOOTSTRAP_ADMIN_ENV, type ProductServer, seedWorker, startProductServer } from './product-server.js';
import { copySources } from './source-copy.js';
import { writeBadgeVideo } from '../tests/support/fake-camera.js';

const SWITCH_RUNS = Number(process.env.KIOSK_SWITCH_RUNS ?? 20);
const COLD_RUNS = Number(process.env.KIOSK_COLD_RUNS ?? 10);
const SWITCH_TARGET_MS = 500;
const COLD_TARGET_MS = 1500;
const TOKEN = 'bench-kiosk-switch-admin-token-0123456789';
const WORKER = 'Switch Worker';
const NEW_PIN = '58203917';
const root = resolve(fileURLToPath(import.meta.url), '../..');
/**
 * `--latency <ms>`: Chromium's network emulation adds this round-trip latency to every request that
 * reaches the network (the API; not what the service worker answers from its cache), as on a store's
 * Wi-Fi. Default 0: localhost.
 */
const latencyAt = process.argv.indexOf('--latency');
const LATENCY_MS = latencyAt > 0 ? Number(process.argv[latencyAt + 1]) : 0;

const loadavg = () => readFileSync('/proc/loadavg', 'utf8').trim();
const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
};
const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};
const summary = (values: number[]) =>
  `median ${median(values).toFixed(0)} ms, p90 ${percentile(values, 90).toFixed(0)} ms, ` +
  `min ${Math.min(...values).toFixed(0)} ms, max ${Math.max(...values).toFixed(0)} ms`;

/** What the page records on its own clock (installed before any of the page's scripts). */
function instrument() {
  const marks = { signOutAt: NaN, pinAt: [] as number[], playingAt: [] as number[] };
  (window as unknown as { __kioskMarks: typeof marks }).__kioskMarks = marks;
  document.addEventListener(
    'click',
    (event) => {
      const button = (event.target as Element | null)?.closest?.('button');
      if (button?.textContent?.trim() === 'Sign out') marks.signOutAt = window.performance.now();
    },
    true,
  );
  document.addEventListener('playing', () => marks.playingAt.push(window.performance.now()), true);
  let pinShown = false;
  new MutationObserver(() => {
    const shown = document.getElementById('pin-title') !== null;
    if (shown && !pinShown) marks.pinAt.push(window.performance.now());
    pinShown = shown;
  }).observe(document, { childList: true, subtree: true });
}

interface Marks {
  signOutAt: number;
  pinAt: number[];
  playingAt: number[];
}
const readMarks = (page: Page) =>
  page.evaluate(() => (window as unknown as { __kioskMarks: Marks }).__kioskMarks);
const resetMarks = (page: Page) =>
  page.evaluate(() => {
    const marks = (window as unknown as { __kioskMarks: Marks }).__kioskMarks;
    marks.signOutAt = NaN;
    marks.pinAt.length = 0;
    marks.playingAt.length = 0;
    window.performance.clearMarks();
  });

/**
 * Where the time went, when the build under test sets `performance.mark`s (a profiling copy of the
 * tree; the product sets none): each mark's first time after `since`, per run, for the medians below.
 */
const pageMarks = (page: Page, since: number) =>
  page.evaluate((since) => {
    const found: Record<string, number> = {};
    for (const mark of window.performance.getEntriesByType('mark'))
      if (mark.startTime >= since && !(mark.name in found)) found[mark.name] = mark.startTime - since;
    if (since === 0 && Object.keys(found).length > 0) {
      const nav = window.performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
      found['nav: worker start'] = nav.workerStart;
      found['nav: HTML response start'] = nav.responseStart;
      found['nav: HTML response end'] = nav.responseEnd;
      found['nav: DOM interactive'] = nav.domInteractive;
      found['nav: DOMContentLoaded'] = nav.domContentLoadedEventEnd;
      const scripts = window.performance
        .getEntriesByType('resource')
        .filter((entry) => entry.name.endsWith('.js')) as PerformanceResourceTiming[];
      const upFront = scripts.filter((entry) => entry.startTime <= nav.domInteractive);
      found['up-front scripts: first start'] = Math.min(...upFront.map((entry) => entry.startTime));
      found['up-front scripts: last response end'] = Math.max(...upFront.map((entry) => entry.responseEnd));
    }
    return found;
  }, since);
const markRuns = { switch: [] as Record<string, number>[], cold: [] as Record<string, number>[] };
function printMarks(label: string, runs: Record<string, number>[]) {
  const names = [...new Set(runs.flatMap((run) => Object.keys(run)))];
  if (names.length === 0) return;
  const medians = names
    .map((name) => ({ name, ms: median(runs.map((run) => run[name]).filter((v) => v !== undefined)) }))
    .sort((a, b) => a.ms - b.ms);
  console.error(`${label}, page marks (median ms from the start):`);
  for (const { name, ms } of medians) console.error(`  ${name.padEnd(28)} ${ms.toFixed(0)}`);
}

console.error(`kiosk-switch bench: load before ${loadavg()}`);
const dir = mkdtempSync(join(tmpdir(), 'shiftpass-bench-kiosk-switch-'));
const inAt = process.argv.indexOf('--in');
let tree: string;
if (inAt > 0 && process.argv[inAt + 1]) {
  tree = resolve(process.argv[inAt + 1]!);
} else {
  // What `vite build` and the server read, copied; the build is made there.
  tree = join(dir, 'tree');
  copySources(root, tree);
}
mkdirSync(join(dir, 'data'));

let failed = false;
let server: ProductServer | undefined;
let browser: Awaited<ReturnType<typeof chromium.launch>> | undefined;
try {
  const buildStart = performance.now();
  server = await startProductServer({
    tree,
    dataDir: join(dir, 'data'),
    token: TOKEN,
    env: BOOTSTRAP_ADMIN_ENV,
  });
  console.error(`built and started in ${((performance.now() - buildStart) / 1000).toFixed(1)} s`);
  const { base } = server;
  const method = await seedWorker(server, { userPrincipalName: 'switch.worker@store1', displayName: WORKER });

  const video = writeBadgeVideo(join(dir, 'camera.y4m'), method.standardQRCode.image.rawContent);
  browser = await chromium.launch({
    executablePath: findChromium(),
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--use-fake-device-for-media-stream',
      `--use-file-for-fake-video-capture=${video}`,
    ],
  });
  const context = await browser.newContext({ permissions: ['camera'], serviceWorkers: 'allow' });
  await context.addInitScript(instrument);
  // The admin-issued PIN changed as the kiosk's forced change would, then signed out: the kiosk opens
  // on the scan screen and the worker's own PIN goes straight to the home screen.
  const signIn = await context.request.post(`${base}/api/auth/qr-pin/sign-in`, {
    data: { qr: method.standardQRCode.image.rawContent, pin: method.pin.code },
  });
  if (!signIn.ok()) throw new Error(`sign-in: ${signIn.status()} ${await signIn.text()}`);
  const changed = await context.request.post(`${base}/api/auth/qr-pin/change-pin`, {
    data: { currentPin: method.pin.code, newPin: NEW_PIN },
    headers: { origin: base },
  });
  if (!changed.ok()) throw new Error(`change-pin: ${changed.status()} ${await changed.text()}`);
  await context.clearCookies();

  const newPage = async () => {
    const created = await context.newPage();
    if (LATENCY_MS > 0) {
      const cdp = await context.newCDPSession(created);
      await cdp.send('Network.enable');
      await cdp.send('Network.emulateNetworkConditions', {
        offline: false,
        latency: LATENCY_MS,
        downloadThroughput: -1,
        uploadThroughput: -1,
      });
    }
    return created;
  };
  if (LATENCY_MS > 0) console.error(`network latency emulated: ${LATENCY_MS} ms`);
  let page = await newPage();
  const pinHeading = (p: Page) => p.getByRole('heading', { name: 'Enter your PIN' });
  const hello = (p: Page) => p.getByRole('heading', { name: `Hello, ${WORKER}` });
  const signInWithPin = async (p: Page) => {
    await pinHeading(p).waitFor({ timeout: 30_000 });
    await p.getByLabel('PIN', { exact: true }).fill(NEW_PIN);
    await p.getByRole('button', { name: 'Sign in' }).click();
    await hello(p).waitFor({ timeout: 30_000 });
  };

  // First open: the service worker installs and precaches; the first decode warms the scanner.
  await page.goto(`${base}/`);
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await signInWithPin(page);

  const switches: number[] = [];
  for (let i = 0; i <= SWITCH_RUNS; i++) {
    await resetMarks(page);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await pinHeading(page).waitFor({ timeout: 30_000 });
    const marks = await readMarks(page);
    const ms = marks.pinAt[0]! - marks.signOutAt;
    if (!Number.isFinite(ms)) throw new Error(`round ${i}: no sign-out click or PIN screen recorded`);
    if (i > 0) {
      markRuns.switch.push(await pageMarks(page, marks.signOutAt));
      switches.push(ms);
      console.error(`  switch ${String(i).padStart(2)}: ${ms.toFixed(0)} ms`);
    }
    await signInWithPin(page);
  }
  // Signed out again, on the PIN screen: the next page starts signed out.
  await page.getByRole('button', { name: 'Sign out' }).click();
  await pinHeading(page).waitFor({ timeout: 30_000 });
  const controlled = await page.evaluate(() => navigator.serviceWorker.controller !== null);
  if (!controlled) throw new Error('the service worker does not control the kiosk');

  const cold: number[] = [];
  const playing: number[] = [];
  for (let i = 0; i < COLD_RUNS; i++) {
    await page.close();
    page = await newPage();
    await page.goto(`${base}/`);
    await pinHeading(page).waitFor({ timeout: 30_000 });
    const marks = await readMarks(page);
    const fromSw = await page.evaluate(() => {
      const nav = window.performance.getEntriesByType('navigation')[0] as
        PerformanceNavigationTiming | undefined;
      return (nav?.workerStart ?? 0) > 0;
    });
    if (!fromSw) throw new Error(`cold start ${i + 1}: the page did not go through the service worker`);
    markRuns.cold.push(await pageMarks(page, 0));
    cold.push(marks.pinAt[0]!);
    playing.push(marks.playingAt[0] ?? NaN);
    console.error(
      `  cold start ${String(i + 1).padStart(2)}: PIN screen ${marks.pinAt[0]!.toFixed(0)} ms, ` +
        `video playing ${(marks.playingAt[0] ?? NaN).toFixed(0)} ms`,
    );
  }

  printMarks('user switch', markRuns.switch);
  printMarks('cold start', markRuns.cold);
  console.error(`user switch, ${SWITCH_RUNS} rounds: ${summary(switches)}`);
  console.error(`cold start → PIN screen, ${COLD_RUNS} runs: ${summary(cold)}`);
  console.error(`cold start → video playing, ${COLD_RUNS} runs: ${summary(playing)}`);
  const switchMedian = median(switches);
  const coldMedian = median(cold);
  const on = LATENCY_MS > 0 ? ` with ${LATENCY_MS} ms network latency` : '';
  console.log(
    `kiosk user switch${on}, sign out → next badge read: median ${Math.round(switchMedian)} ms ` +
      `(target < ${SWITCH_TARGET_MS} ms) ${switchMedian < SWITCH_TARGET_MS ? 'PASS' : 'MISS'}`,
  );
  console.log(
    `kiosk cold start${on} (service worker cache warm), open → badge read: median ${Math.round(coldMedian)} ms ` +
      `(target < ${COLD_TARGET_MS} ms) ${coldMedian < COLD_TARGET_MS ? 'PASS' : 'MISS'}`,
  );
  console.log(`kiosk cold start${on}, open → camera video playing: median ${Math.round(median(playing))} ms`);
} catch (error) {
  failed = true;
  console.error(`kiosk-switch bench failed: ${error instanceof Error ? error.message : String(error)}`);
} finally {
  await browser?.close();
  await server?.stop();
  rmSync(dir, { recursive: true, force: true });
  console.error(`kiosk-switch bench: load after ${loadavg()}`);
}
process.exit(failed ? 1 : 0);
