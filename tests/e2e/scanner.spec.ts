/**
 * The scanner's own behaviour on the production build with Chromium's fake camera: what the fake
 * camera offers (one camera, no torch, or two built-in cameras), the camera released in the
 * background and resumed, the screen wake lock, a badge only zxing-wasm can read, the decode worker
 * precached for offline use, and html5-qrcode reading on the page where there are no Web Workers.
 *
 * Headless Chromium cannot really hide a page (document.visibilityState stays "visible" whatever
 * the window does) and refuses screen wake locks, so those two are test doubles installed before the
 * app loads (see `browserDoubles`); the camera, the decoders and the app's reactions are real.
 */
import type { Page } from '@playwright/test';
import { degradedLuma } from '../support/fake-camera.js';
import { FRAME_HEIGHT, FRAME_WIDTH } from '../support/badge-frames.js';
import { html5QrcodeDecoderReads } from '../support/html5-qrcode-decoder.js';
import { expect, SCAN_TIMEOUT, test } from './fixtures.js';

interface Doubles {
  streams: MediaStream[];
  wakeLock: { requests: number; releases: number };
  applied: string[];
  setVisibility(state: 'visible' | 'hidden'): void;
}

/**
 * - records every camera stream the app opens (to see it released and reopened);
 * - lets the test hide and show the page: document.visibilityState follows `setVisibility`, which
 *   fires visibilitychange as the browser would;
 * - navigator.wakeLock.request hands out a sentinel and counts requests and releases; like the
 *   browser, it drops the lock when the page is hidden.
 */
function browserDoubles() {
  const doubles = {
    streams: [] as MediaStream[],
    wakeLock: { requests: 0, releases: 0 },
    applied: [] as string[],
    visibility: (window as unknown as { __startHidden?: boolean }).__startHidden ? 'hidden' : 'visible',
    setVisibility(state: 'visible' | 'hidden') {
      doubles.visibility = state;
      document.dispatchEvent(new Event('visibilitychange'));
    },
  };
  (window as unknown as { doubles: typeof doubles }).doubles = doubles;
  Object.defineProperty(Document.prototype, 'visibilityState', {
    get: () => doubles.visibility,
    configurable: true,
  });
  Object.defineProperty(Document.prototype, 'hidden', {
    get: () => doubles.visibility === 'hidden',
    configurable: true,
  });

  const getUserMedia = MediaDevices.prototype.getUserMedia;
  MediaDevices.prototype.getUserMedia = async function (constraints) {
    const stream = await getUserMedia.call(this, constraints);
    doubles.streams.push(stream);
    return stream;
  };

  const held: { released: boolean }[] = [];
  Object.defineProperty(Navigator.prototype, 'wakeLock', {
    configurable: true,
    get: () => ({
      async request() {
        doubles.wakeLock.requests++;
        const sentinel = {
          released: false,
          type: 'screen',
          async release() {
            if (sentinel.released) return;
            sentinel.released = true;
            doubles.wakeLock.releases++;
          },
          addEventListener() {},
          removeEventListener() {},
        };
        held.push(sentinel);
        return sentinel;
      },
    }),
  });
  document.addEventListener('visibilitychange', () => {
    // The browser itself drops a screen wake lock when the page is hidden (not counted as a release
    // by the app).
    if (doubles.visibility === 'hidden') for (const sentinel of held) sentinel.released = true;
  });
}

function startHidden() {
  (window as unknown as { __startHidden: boolean }).__startHidden = true;
}

/** The camera as the page holds it: streams opened so far, tracks still live, the live camera's label. */
const camera = (page: Page) =>
  page.evaluate(() => {
    const { streams } = (window as unknown as { doubles: Doubles }).doubles;
    const live = streams.flatMap((s) => s.getVideoTracks()).filter((t) => t.readyState === 'live');
    return { opened: streams.length, live: live.length, label: live[0]?.label ?? null };
  });
const wakeLock = (page: Page) =>
  page.evaluate(() => (window as unknown as { doubles: Doubles }).doubles.wakeLock);
const setVisibility = (page: Page, state: 'visible' | 'hidden') =>
  page.evaluate((s) => (window as unknown as { doubles: Doubles }).doubles.setVisibility(s), state);
/** The camera is running and the scan screen has finished starting it (controls decided). */
const cameraReady = async (page: Page) => {
  await expect(page.locator('#viewfinder video')).toHaveCount(1, { timeout: SCAN_TIMEOUT });
  await expect(page.getByText('Starting the camera…')).toBeHidden({ timeout: SCAN_TIMEOUT });
};

test('with the fake camera (one camera, no torch) neither control is offered, and the badge still scans', async ({
  provisionWorker,
  openKiosk,
}) => {
  const worker = await provisionWorker('Bea Torres');
  const page = await openKiosk({ badge: null, initScripts: [browserDoubles] });
  await cameraReady(page);
  expect(await camera(page)).toMatchObject({ live: 1 });
  // What Chromium's file-backed fake camera reports: a single device and no torch capability.
  const reported = await page.evaluate(async () => ({
    cameras: (await navigator.mediaDevices.enumerateDevices()).filter((d) => d.kind === 'videoinput').length,
    torch:
      'torch' in
      (document.querySelector('#viewfinder video') as HTMLVideoElement & { srcObject: MediaStream }).srcObject
        .getVideoTracks()[0]!
        .getCapabilities(),
  }));
  expect(reported).toEqual({ cameras: 1, torch: false });
  await expect(page.getByRole('button', { name: 'Flashlight' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Switch camera' })).toHaveCount(0);

  // Closed, so the next kiosk starts the camera afresh (one browser: see openKiosk).
  await page.context().close();
  const scanning = await openKiosk({ badge: worker.rawContent });
  await expect(scanning.getByRole('heading', { name: 'Enter your PIN' })).toBeVisible({
    timeout: SCAN_TIMEOUT,
  });
});

test('two cameras: "Switch camera" moves to the other one and back, one camera open at a time', async ({
  openKiosk,
}) => {
  const page = await openKiosk({ badge: null, builtInCameras: 2, initScripts: [browserDoubles] });
  const switchCamera = page.getByRole('button', { name: 'Switch camera' });
  await expect(switchCamera).toBeVisible({ timeout: SCAN_TIMEOUT });
  const first = await camera(page);
  expect(first).toMatchObject({ live: 1 });

  await switchCamera.click();
  await expect(switchCamera).toBeEnabled({ timeout: SCAN_TIMEOUT });
  await expect.poll(async () => (await camera(page)).label).not.toBe(first.label);
  expect(await camera(page)).toMatchObject({ live: 1, opened: 2 });

  await switchCamera.click();
  await expect.poll(async () => (await camera(page)).label).toBe(first.label);
  expect(await camera(page)).toMatchObject({ live: 1, opened: 3 });
});

test('the torch button appears when the camera reports a torch, and turns it on and off', async ({
  openKiosk,
}) => {
  // Chromium's fake camera has no torch (and refuses torch constraints); this double makes its track
  // report one and accept torch settings, and records what the app asks of it.
  function trackWithTorch() {
    const getCapabilities = MediaStreamTrack.prototype.getCapabilities;
    MediaStreamTrack.prototype.getCapabilities = function () {
      return { ...getCapabilities.call(this), torch: true } as MediaTrackCapabilities;
    };
    const applyConstraints = MediaStreamTrack.prototype.applyConstraints;
    MediaStreamTrack.prototype.applyConstraints = function (constraints) {
      (window as unknown as { doubles: Doubles }).doubles.applied.push(JSON.stringify(constraints));
      if (JSON.stringify(constraints).includes('torch')) return Promise.resolve();
      return applyConstraints.call(this, constraints);
    };
  }
  const page = await openKiosk({ badge: null, initScripts: [browserDoubles, trackWithTorch] });
  const torch = page.getByRole('button', { name: 'Flashlight' });
  await expect(torch).toBeVisible({ timeout: SCAN_TIMEOUT });
  await expect(torch).toHaveAttribute('aria-pressed', 'false');

  await torch.click();
  await expect(torch).toHaveAttribute('aria-pressed', 'true');
  await torch.click();
  await expect(torch).toHaveAttribute('aria-pressed', 'false');
  const applied = await page.evaluate(() => (window as unknown as { doubles: Doubles }).doubles.applied);
  expect(applied.filter((c) => c.includes('torch'))).toEqual([
    JSON.stringify({ advanced: [{ torch: true }] }),
    JSON.stringify({ advanced: [{ torch: false }] }),
  ]);
});

test('in the background the camera is released and the wake lock dropped; back in front both return, once', async ({
  openKiosk,
}) => {
  const page = await openKiosk({ badge: null, initScripts: [browserDoubles] });
  await cameraReady(page);
  expect(await camera(page)).toMatchObject({ opened: 1, live: 1 });
  expect(await wakeLock(page)).toEqual({ requests: 1, releases: 0 });

  await setVisibility(page, 'hidden');
  await expect.poll(async () => (await camera(page)).live).toBe(0);

  // Shown, hidden and shown again quickly: the camera ends up open once, not twice.
  await setVisibility(page, 'visible');
  await setVisibility(page, 'hidden');
  await setVisibility(page, 'visible');
  await cameraReady(page);
  await expect.poll(async () => (await camera(page)).live).toBe(1);
  await expect(page.locator('#viewfinder video')).toHaveCount(1);
  expect((await wakeLock(page)).requests).toBeGreaterThanOrEqual(2);
  await expect(page.getByRole('alert')).toHaveCount(0);
});

test('a kiosk opened in the background starts the camera when shown, scans, and lets the screen sleep after', async ({
  provisionWorker,
  openKiosk,
}) => {
  const worker = await provisionWorker('Caro Diaz');
  const page = await openKiosk({ badge: worker.rawContent, initScripts: [startHidden, browserDoubles] });
  await expect(page.getByRole('heading', { name: 'Scan your badge' })).toBeVisible();
  expect(await camera(page)).toMatchObject({ opened: 0 });

  await setVisibility(page, 'visible');
  await expect(page.getByRole('heading', { name: 'Enter your PIN' })).toBeVisible({ timeout: SCAN_TIMEOUT });
  // Leaving the scan screen releases the wake lock and the camera.
  await expect.poll(() => wakeLock(page)).toEqual({ requests: 1, releases: 1 });
  await expect.poll(async () => (await camera(page)).live).toBe(0);
});

test('a rotated, tilted, noisy badge that html5-qrcode alone cannot read still signs in', async ({
  provisionWorker,
  openKiosk,
}) => {
  const worker = await provisionWorker('Dani Ortiz');
  const degradation = { rotation: 25, tilt: 25, tiltAxis: 30, noise: 25 };
  // html5-qrcode's decoder (ZXing-js with its settings) reads this frame at none of the scales its
  // viewfinder canvas might have; only zxing-wasm (in the decode worker) can.
  const frame = degradedLuma(worker.rawContent, degradation);
  for (const scale of [1, 0.75, 0.5])
    expect(html5QrcodeDecoderReads(frame, FRAME_WIDTH, FRAME_HEIGHT, scale), `scale ${scale}`).toBeNull();

  const page = await openKiosk({ badge: worker.rawContent, degradation });
  await expect(page.getByRole('heading', { name: 'Enter your PIN' })).toBeVisible({ timeout: SCAN_TIMEOUT });
  await page.getByLabel('PIN', { exact: true }).fill(worker.pin);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { name: 'Choose your own PIN' })).toBeVisible();
});

test('the kiosk decodes in a Web Worker, which the service worker precaches with its .wasm, so it scans offline', async ({
  provisionWorker,
  openKiosk,
}) => {
  const worker = await provisionWorker('Wen Li');
  const page = await openKiosk({ badge: worker.rawContent });
  await expect(page.getByRole('heading', { name: 'Enter your PIN' })).toBeVisible({ timeout: SCAN_TIMEOUT });
  // The page started one decode worker (and kept it for the next camera start).
  expect(page.workers()).toHaveLength(1);
  const workerPath = new URL(page.workers()[0]!.url()).pathname;

  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  const cachedPaths = await page.evaluate(async () => {
    const paths: string[] = [];
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      for (const request of await cache.keys()) paths.push(new URL(request.url).pathname);
    }
    return paths;
  });
  expect(cachedPaths).toContain(workerPath);
  expect(cachedPaths.filter((path) => /zxing_reader.*\.wasm$/.test(path))).toHaveLength(1);
});

test('where the browser has no Web Workers, html5-qrcode reads the badge on the page', async ({
  provisionWorker,
  openKiosk,
}) => {
  function noWorkers() {
    Object.defineProperty(window, 'Worker', { value: undefined, configurable: true });
  }
  const worker = await provisionWorker('Ivo Fallback');
  const page = await openKiosk({ badge: worker.rawContent, initScripts: [noWorkers] });
  await expect(page.getByRole('heading', { name: 'Enter your PIN' })).toBeVisible({ timeout: SCAN_TIMEOUT });
  expect(page.workers()).toHaveLength(0);
  await page.getByLabel('PIN', { exact: true }).fill(worker.pin);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { name: 'Choose your own PIN' })).toBeVisible();
});
