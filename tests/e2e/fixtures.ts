/**
 * Journey fixtures: an admin API client on the test server, worker provisioning, and kiosk browsers
 * whose fake camera shows a given badge.
 *
 * One Chromium per worker process (`sharedBrowser`) serves every kiosk and console page: each kiosk or
 * console is a new browser context (its own storage, service worker, cookies, permissions, locale). The
 * fake camera's video file is fixed per launch, but Chromium opens that file again each time the
 * capture device starts (a getUserMedia when no other page of the browser is using the camera; the
 * device stops when the last track stops or its page's context closes). So `openKiosk` rewrites the
 * one video file before it opens the kiosk, and the kiosk's real camera pipeline reads the new badge.
 * Measured with Debian's Chromium: the new file is read even when it is renamed in right after the
 * previous kiosk's context closed; a page that starts the camera while another page still has it open
 * gets that page's frames, not the new file; and a file rewritten in place under a running camera
 * turns its frames black — so the file is written beside and renamed over.
 * A kiosk gets a Chromium of its own only when it must differ from the others in a way a context
 * cannot: several built-in cameras, or a different badge while another kiosk of the same test is open
 * (and so may be holding the camera).
 */
import {
  chromium,
  request,
  test as base,
  type APIRequestContext,
  type Browser,
  type BrowserContext,
  type Page,
} from '@playwright/test';
import { mkdtempSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findChromium } from '../../scripts/find-chromium.js';
import type { UserView } from '../../server/contracts/schemas.js';
import type { Degradation } from '../support/badge-frames.js';
import { writeBadgeVideo } from '../support/fake-camera.js';

export interface ProvisionedWorker {
  id: string;
  displayName: string;
  rawContent: string;
  /** The short code printed under the badge's QR image, as issued (`ABCDE-FGHJK`). */
  shortCode: string;
  pin: string;
}

export interface KioskOptions {
  /** The QR text the camera shows; null shows a blank frame. */
  badge: string | null;
  /** Whether the camera permission is granted (default true). */
  camera?: boolean;
  /** The browser's language, e.g. "es-MX" (default en-US). */
  locale?: string;
  /** "block" keeps the service worker from registering (default "allow"). */
  serviceWorkers?: 'allow' | 'block';
  /** Where the kiosk opens (default: the test server). */
  origin?: string;
  /** Show the badge degraded (rotated, noisy, …) instead of crisp and square. */
  degradation?: Partial<Degradation>;
  /**
   * Use Chromium's own fake cameras (a moving test pattern, no badge) instead of the badge video,
   * this many of them. The badge video is a single camera.
   */
  builtInCameras?: number;
  /** Run in the page, in order, before any of its scripts (test doubles for browser APIs). */
  initScripts?: (() => void)[];
}

/** New contexts in the worker's shared browser, closed at the end of the test that opened them. */
export interface TestContexts {
  browser: Browser;
  newContext(options: Parameters<Browser['newContext']>[0]): Promise<BrowserContext>;
}

interface Fixtures {
  adminApi: APIRequestContext;
  /** A worker (or `role`) with a fresh badge and admin-issued PIN; `groupIds` puts them in those groups (stores). */
  provisionWorker(
    displayName: string,
    options?: { groupIds?: string[]; role?: 'worker' | 'manager' | 'admin' },
  ): Promise<ProvisionedWorker>;
  openKiosk(options: KioskOptions): Promise<Page>;
  /** Contexts this test opened in the shared browser (closed after the test). */
  testContexts: TestContexts;
}

/** A console person signed in once, kept for the worker's later journeys (console-fixtures.ts). */
export interface SharedConsoleAccount {
  user: UserView;
  password: string;
  totpSecret: string;
  storageState: Awaited<ReturnType<BrowserContext['storageState']>>;
  unusedTotpCode(): string;
}

interface WorkerFixtures {
  /**
   * Filled by console-fixtures.ts. Declared here so that kiosk and console journeys have the same
   * worker fixtures, and so run in the same worker process (and browser).
   */
  consoleAccounts: Partial<Record<'admin' | 'manager', SharedConsoleAccount>>;
  /** The worker process's Chromium and the video file its fake camera plays. */
  sharedBrowser: {
    browser: Browser;
    /** The file the fake camera plays, and what is written in it now. */
    video: { path: string; shows: string | null };
  };
}

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** Contexts that have been closed (by the test or by the fixture). */
const closed = new WeakSet<BrowserContext>();

/** Writes the badge video beside `path` and renames it over: a running camera never reads half a file. */
function replaceBadgeVideo(path: string, badge: string | null, degradation?: Partial<Degradation>) {
  writeBadgeVideo(`${path}.next`, badge, degradation);
  renameSync(`${path}.next`, path);
}

export const test = base.extend<Fixtures, WorkerFixtures>({
  consoleAccounts: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      await use({});
    },
    { scope: 'worker' },
  ],

  sharedBrowser: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const dir = mkdtempSync(join(tmpdir(), 'shiftpass-camera-'));
      const video = { path: join(dir, 'camera.y4m'), shows: JSON.stringify([null, null]) };
      writeBadgeVideo(video.path, null);
      const browser = await chromium.launch({
        executablePath: findChromium(),
        args: [
          ...CHROMIUM_ARGS,
          '--use-fake-device-for-media-stream',
          `--use-file-for-fake-video-capture=${video.path}`,
        ],
      });
      await use({ browser, video });
      await browser.close();
      rmSync(dir, { recursive: true, force: true });
    },
    { scope: 'worker' },
  ],

  testContexts: async ({ sharedBrowser }, use) => {
    const contexts: BrowserContext[] = [];
    await use({
      browser: sharedBrowser.browser,
      async newContext(options) {
        const context = await sharedBrowser.browser.newContext(options);
        contexts.push(context);
        return context;
      },
    });
    for (const context of contexts) await context.close().catch(() => undefined);
  },

  adminApi: async ({ baseURL }, use) => {
    const api = await request.newContext({
      baseURL,
      extraHTTPHeaders: { authorization: `Bearer ${process.env.E2E_ADMIN_TOKEN}` },
    });
    await use(api);
    await api.dispose();
  },

  provisionWorker: async ({ adminApi }, use, testInfo) => {
    // The method policy ships disabled (as in Entra); an admin turns it on for everyone.
    const policy = await adminApi.patch('/api/admin/policies/qr-code-pin', {
      data: { state: 'enabled', includeTargets: [{ id: 'all_users' }] },
    });
    if (policy.status() !== 200) throw new Error(`enable policy: ${policy.status()} ${await policy.text()}`);
    await use(async (displayName, { groupIds = [], role = 'worker' } = {}) => {
      // Unique per test, repetition and retry: they all share one server.
      const run = `${testInfo.testId}.${testInfo.repeatEachIndex}.${testInfo.retry}`;
      const upn = `${displayName.toLowerCase().replace(/\W+/g, '.')}.${run}@store.example`;
      const created = await adminApi.post('/api/admin/users', {
        data: { userPrincipalName: upn, displayName, groupIds, role },
      });
      if (created.status() !== 201)
        throw new Error(`create user: ${created.status()} ${await created.text()}`);
      const user = (await created.json()) as { id: string };
      const issued = await adminApi.put(`/api/admin/users/${user.id}/qr-code-pin-method`, { data: {} });
      if (issued.status() !== 201) throw new Error(`issue method: ${issued.status()} ${await issued.text()}`);
      const method = (await issued.json()) as {
        standardQRCode: { image: { rawContent: string }; shortCode: string };
        pin: { code: string };
      };
      return {
        id: user.id,
        displayName,
        rawContent: method.standardQRCode.image.rawContent,
        shortCode: method.standardQRCode.shortCode,
        pin: method.pin.code,
      };
    });
  },

  openKiosk: async ({ baseURL, sharedBrowser, testContexts }, use, testInfo) => {
    /** Every kiosk page's context, in the order opened (for the evidence below). */
    const kiosks: BrowserContext[] = [];
    const ownBrowsers: Browser[] = [];
    await use(async (options) => {
      const {
        badge,
        camera = true,
        locale = 'en-US',
        serviceWorkers = 'allow',
        origin = baseURL,
        degradation,
        builtInCameras,
        initScripts = [],
      } = options;
      const contextOptions = {
        baseURL: origin,
        locale,
        serviceWorkers,
        permissions: camera ? ['camera'] : [],
      };
      const shows = JSON.stringify([badge, degradation ?? null]);
      const othersOpen = kiosks.some((context) => !closed.has(context));
      let context: BrowserContext;
      if (builtInCameras || (shows !== sharedBrowser.video.shows && othersOpen)) {
        // Chromium's own cameras, or another badge while a kiosk of this test may hold the camera.
        const cameraArgs = builtInCameras
          ? [`--use-fake-device-for-media-stream=device-count=${builtInCameras}`]
          : [
              '--use-fake-device-for-media-stream',
              `--use-file-for-fake-video-capture=${writeBadgeVideo(
                testInfo.outputPath(`camera-${ownBrowsers.length}.y4m`),
                badge,
                degradation,
              )}`,
            ];
        const browser = await chromium.launch({
          executablePath: findChromium(),
          args: [...CHROMIUM_ARGS, ...cameraArgs],
        });
        ownBrowsers.push(browser);
        context = await browser.newContext(contextOptions);
      } else {
        if (shows !== sharedBrowser.video.shows) {
          replaceBadgeVideo(sharedBrowser.video.path, badge, degradation);
          sharedBrowser.video.shows = shows;
        }
        context = await testContexts.newContext(contextOptions);
      }
      kiosks.push(context);
      context.on('close', () => closed.add(context));
      for (const script of initScripts) await context.addInitScript(script);
      const page = await context.newPage();
      await page.goto('/');
      return page;
    });
    if (testInfo.status !== testInfo.expectedStatus) {
      // Evidence for camera trouble: what each kiosk showed and what its <video> was doing.
      for (const [i, context] of kiosks.entries()) {
        if (closed.has(context)) continue;
        for (const [j, page] of context.pages().entries()) {
          await page.screenshot({ path: testInfo.outputPath(`kiosk-${i}-${j}.png`) }).catch(() => undefined);
          const video = await page
            .evaluate(() => {
              const v = document.querySelector('#viewfinder video') as HTMLVideoElement | null;
              return v
                ? {
                    readyState: v.readyState,
                    width: v.videoWidth,
                    currentTime: v.currentTime,
                    paused: v.paused,
                  }
                : null;
            })
            .catch((error: unknown) => String(error));
          await testInfo.attach(`kiosk-${i}-${j}-video`, {
            body: JSON.stringify(video),
            contentType: 'application/json',
          });
        }
      }
    }
    for (const browser of ownBrowsers) await browser.close();
  },
});

export { expect } from '@playwright/test';

/**
 * Camera start plus the first decode. About 0.3 s on an idle machine; seen past 10 s once in ~30 runs
 * with two Chromiums, the server and argon2 sharing two cores, so the scan step gets more room.
 */
export const SCAN_TIMEOUT = 25_000;

/** From the PIN screen of a freshly provisioned worker to their home screen, choosing `newPin`. */
export async function signInToHome(
  page: Page,
  worker: ProvisionedWorker,
  newPin = '58203917',
): Promise<void> {
  await page.getByLabel('PIN', { exact: true }).fill(worker.pin);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByLabel('New PIN', { exact: true }).fill(newPin);
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByLabel('Confirm new PIN').fill(newPin);
  await page.getByRole('button', { name: 'Save PIN' }).click();
  await page.getByRole('heading', { name: `Hello, ${worker.displayName}` }).waitFor();
}

/**
 * Signs `worker` in through the API in the page's browser and sets their own PIN, as a finished first
 * sign-in leaves them (a kiosk opened on a PIN change it did not start signs it out).
 */
export async function signInWithOwnPin(page: Page, worker: ProvisionedWorker, newPin = '58203917') {
  const signIn = await page.request.post('/api/auth/qr-pin/sign-in', {
    data: { qr: worker.rawContent, pin: worker.pin },
  });
  if (signIn.status() !== 200) throw new Error(`sign in: ${signIn.status()} ${await signIn.text()}`);
  const changed = await page.request.post('/api/auth/qr-pin/change-pin', {
    data: { currentPin: worker.pin, newPin },
    headers: { origin: new URL(page.url()).origin },
  });
  if (changed.status() !== 204) throw new Error(`change PIN: ${changed.status()} ${await changed.text()}`);
}
