/**
 * NFC badges with Web NFC, in Chromium with a stand-in `NDEFReader` (desktop Chromium has none): the
 * test plays the phone's NFC chip through `window.__nfc` — tags held to the phone, the site's "nfc"
 * permission, scan() refusals, tags offered to a write. The kiosk's sign-in after the tag is the real
 * one; the camera shows nothing.
 */
import type { APIRequestContext, Page } from '@playwright/test';
import { seriousViolations } from './axe.js';
import { expect, test } from './console-fixtures.js';
import { signInToHome } from './fixtures.js';
import { enrolKiosk, MANAGER_PIN, revokeQuietly } from './kiosk-device.js';

const BADGE_TYPE = 'application/vnd.shiftpass.badge';

interface TagRecord {
  recordType: string;
  mediaType?: string;
  text: string;
}

/** The stand-in, the browser's side. Runs in the page before its scripts; refers to nothing outside. */
function nfcStandIn() {
  type Reader = EventTarget & { listening: boolean; signal?: AbortSignal };
  const state = {
    permission: 'prompt' as PermissionState,
    /** A DOMException name scan() rejects with, or null to start listening. */
    scanError: null as string | null,
    readers: [] as Reader[],
    written: [] as { recordType: string; mediaType?: string; text: string }[],
    pendingWrites: [] as (() => void)[],
    /** How many readers listen now (a scan started, not aborted). */
    listening(): number {
      return state.readers.filter((r) => r.listening && !r.signal?.aborted).length;
    },
    /** A tag with these records is held to the phone. */
    hold(records: { recordType: string; mediaType?: string; text: string }[]) {
      for (const reader of state.readers) {
        if (!reader.listening || reader.signal?.aborted) continue;
        const event = new Event('reading') as Event & { message: unknown; serialNumber: string };
        event.serialNumber = '04:a2:19:5c:7e:61:80';
        event.message = {
          records: records.map((r) => ({
            recordType: r.recordType,
            mediaType: r.mediaType ?? null,
            encoding: r.recordType === 'text' ? 'utf-8' : null,
            data: new DataView(new TextEncoder().encode(r.text).buffer),
          })),
        };
        reader.dispatchEvent(event);
      }
    },
    /** A blank tag is held to the phone while a write waits. */
    holdBlankTag() {
      state.pendingWrites.splice(0).forEach((finish) => finish());
    },
  };
  class NDEFReader extends EventTarget {
    listening = false;
    signal?: AbortSignal;
    constructor() {
      super();
      state.readers.push(this);
    }
    scan(options: { signal?: AbortSignal } = {}): Promise<void> {
      if (state.scanError) return Promise.reject(new DOMException('NFC refused', state.scanError));
      // As a browser does once the person allowed it: the site keeps the permission.
      state.permission = 'granted';
      this.listening = true;
      this.signal = options.signal;
      return Promise.resolve();
    }
    write(
      message: { records: { recordType: string; mediaType?: string; data: Uint8Array }[] },
      options: { signal?: AbortSignal } = {},
    ): Promise<void> {
      return new Promise((resolve, reject) => {
        options.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
        state.pendingWrites.push(() => {
          for (const r of message.records) {
            state.written.push({
              recordType: r.recordType,
              mediaType: r.mediaType,
              text: new TextDecoder().decode(r.data),
            });
          }
          resolve();
        });
      });
    }
  }
  Object.assign(window, { NDEFReader, __nfc: state });
  const query = navigator.permissions.query.bind(navigator.permissions);
  navigator.permissions.query = ((descriptor: { name: string }) =>
    descriptor.name === 'nfc'
      ? Promise.resolve({ state: state.permission })
      : query(descriptor as PermissionDescriptor)) as typeof navigator.permissions.query;
}

type StandIn = {
  permission: PermissionState;
  scanError: string | null;
  written: TagRecord[];
  listening(): number;
  hold(records: TagRecord[]): void;
  holdBlankTag(): void;
};

/** A tag with `records` is held to the phone. */
const holdTag = (page: Page, records: TagRecord[]) =>
  page.evaluate((held) => (window as unknown as { __nfc: StandIn }).__nfc.hold(held), records);
const badgeTag = (payload: string): TagRecord[] => [
  { recordType: 'mime', mediaType: BADGE_TYPE, text: payload },
];
/** A new person with no badge yet (the method policy on for everyone), named `name` and a run tag. */
async function personWithoutBadge(adminApi: APIRequestContext, name: string) {
  const policy = await adminApi.patch('/api/admin/policies/qr-code-pin', {
    data: { state: 'enabled', includeTargets: [{ id: 'all_users' }] },
  });
  expect(policy.status()).toBe(200);
  const run = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  const displayName = `${name} ${run}`;
  const created = await adminApi.post('/api/admin/users', {
    data: {
      userPrincipalName: `${name.toLowerCase().replace(/\W+/g, '.')}.${run}@example.test`,
      displayName,
    },
  });
  expect(created.status()).toBe(201);
  return { id: ((await created.json()) as { id: string }).id, displayName };
}

const listeningReaders = (page: Page) =>
  page.evaluate(() => (window as unknown as { __nfc: StandIn }).__nfc.listening());

test('a worker holds their NFC badge to the phone: PIN, then home; next time NFC is on by itself', async ({
  provisionWorker,
  openKiosk,
}, testInfo) => {
  const worker = await provisionWorker('Ana Silva');
  const page = await openKiosk({ badge: null, initScripts: [nfcStandIn] });
  await page.setViewportSize({ width: 390, height: 844 });

  // Not allowed yet: the browser asks only after a tap, so the kiosk offers one.
  await expect(page.getByRole('heading', { name: 'Scan your badge' })).toBeVisible();
  await page.getByRole('button', { name: 'Use NFC badges' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: 'Or hold your NFC badge to the back of the phone.' }),
  ).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('kiosk-nfc-listening.png') });
  expect(await seriousViolations(page, 'scan screen listening for NFC')).toEqual([]);

  await holdTag(page, badgeTag(worker.rawContent));
  await expect(page.getByRole('heading', { name: 'Enter your PIN' })).toBeVisible();
  // The scan screen has gone, and its NFC listening with it.
  expect(await listeningReaders(page)).toBe(0);
  await signInToHome(page, worker);

  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('heading', { name: 'Scan your badge' })).toBeVisible();
  // Allowed now: listening starts without a tap.
  await expect(page.getByRole('status').filter({ hasText: 'Or hold your NFC badge' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Use NFC badges' })).toHaveCount(0);
  await holdTag(page, badgeTag(worker.rawContent));
  await expect(page.getByRole('heading', { name: 'Enter your PIN' })).toBeVisible();
});

test('a tag that is not a badge is named as such; a damaged badge gets the words of a bad scan', async ({
  openKiosk,
}, testInfo) => {
  const page = await openKiosk({ badge: null, locale: 'es-ES', initScripts: [nfcStandIn] });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.getByRole('button', { name: 'Usar credenciales NFC' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'acerque su credencial NFC' })).toBeVisible();

  await holdTag(page, [{ recordType: 'text', text: 'Pasillo 7: revisar precios' }]);
  await expect(page.getByRole('alert')).toHaveText('Esta etiqueta no es una credencial de Shiftpass.');
  await page.screenshot({ path: testInfo.outputPath('kiosk-nfc-foreign-es.png') });

  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('alert')).toHaveText('This tag is not a Shiftpass badge.');
  await holdTag(page, badgeTag('SP1:HALF'));
  await expect(page.getByRole('alert')).toHaveText(
    'This badge is not recognized. Ask your manager for a new badge.',
  );
  await expect(page.getByRole('heading', { name: 'Scan your badge' })).toBeVisible();
  await expect(page.getByLabel('PIN', { exact: true })).toHaveCount(0);
});

test('NFC refused by the browser: the kiosk says what to do and offers NFC again', async ({
  openKiosk,
}, testInfo) => {
  const page = await openKiosk({ badge: null, initScripts: [nfcStandIn] });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.evaluate(() => {
    (window as unknown as { __nfc: StandIn }).__nfc.scanError = 'NotAllowedError';
  });
  await page.getByRole('button', { name: 'Use NFC badges' }).click();
  await expect(page.getByRole('alert')).toContainText('NFC is blocked for this site.');
  await expect(page.getByRole('alert')).toContainText('scan the QR code on your badge');
  await expect(page.getByRole('button', { name: 'Use NFC badges' })).toBeVisible();
  expect(await listeningReaders(page)).toBe(0);
  await page.screenshot({ path: testInfo.outputPath('kiosk-nfc-refused.png') });
});

test('a manager writes a badge just issued to an NFC tag from their phone: the tag gets exactly the badge', async ({
  adminApi,
  signedInConsole,
}, testInfo) => {
  const { id, displayName } = await personWithoutBadge(adminApi, 'Ana Silva');

  const { page } = await signedInConsole({ role: 'admin' });
  await page.context().addInitScript(nfcStandIn);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`/admin/people/${id}`);
  // The issue dialog opens; its defaults (from now, the policy's lifetime, a PIN made up) are kept.
  await page.getByRole('button', { name: 'Issue badge' }).click();
  const [issued] = await Promise.all([
    page.waitForResponse(
      (r) => r.request().method() === 'PUT' && r.url().endsWith(`/users/${id}/qr-code-pin-method`),
    ),
    page.getByRole('dialog').getByRole('button', { name: 'Issue badge' }).click(),
  ]);
  const rawContent = ((await issued.json()) as { standardQRCode: { image: { rawContent: string } } })
    .standardQRCode.image.rawContent;
  const panel = page.getByRole('region', { name: `New badge for ${displayName}` });

  await panel.getByRole('button', { name: 'Write to NFC tag' }).click();
  await expect(panel.getByRole('status')).toHaveText('Hold the tag to the back of the phone.');
  await panel.screenshot({ path: testInfo.outputPath('console-nfc-waiting.png') });
  await page.evaluate(() => (window as unknown as { __nfc: StandIn }).__nfc.holdBlankTag());
  await expect(panel.getByRole('status')).toHaveText(`Written. This tag now signs ${displayName} in.`);
  expect(await page.evaluate(() => (window as unknown as { __nfc: StandIn }).__nfc.written)).toEqual([
    { recordType: 'mime', mediaType: BADGE_TYPE, text: rawContent },
  ]);
  expect(await seriousViolations(page, 'person page, badge written to a tag')).toEqual([]);
  await panel.screenshot({ path: testInfo.outputPath('console-nfc-written.png') });
  // Nothing of the badge was kept in the browser's storage.
  const stored = await page.evaluate(
    () => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }),
  );
  expect(stored).not.toContain(rawContent.split(':')[3]!);
});

test('where the browser has no Web NFC, nothing about NFC shows on the kiosk or the console', async ({
  adminApi,
  openKiosk,
  signedInConsole,
}) => {
  const kiosk = await openKiosk({ badge: null });
  await expect(kiosk.getByRole('heading', { name: 'Scan your badge' })).toBeVisible();
  await expect(kiosk.getByRole('button', { name: 'Type code instead' })).toBeVisible();
  await expect(kiosk.getByText(/NFC/)).toHaveCount(0);

  const { id, displayName } = await personWithoutBadge(adminApi, 'Noel Nonfc');
  const { page } = await signedInConsole({ role: 'admin' });
  await page.goto(`/admin/people/${id}`);
  await page.getByRole('button', { name: 'Issue badge' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Issue badge' }).click();
  const panel = page.getByRole('region', { name: `New badge for ${displayName}` });
  await expect(panel.getByRole('button', { name: 'Done' })).toBeVisible();
  await expect(page.getByText(/NFC/)).toHaveCount(0);
});

test("a manager's NFC badge also opens the way out of kiosk mode (the same scan screen)", async ({
  adminApi,
  provisionWorker,
  openKiosk,
}) => {
  let deviceId: string | undefined;
  try {
    const kiosk = await enrolKiosk(
      {
        adminApi,
        provisionWorker,
        openKiosk: (options) => openKiosk({ ...options, initScripts: [nfcStandIn] }),
      },
      'Nfc exit',
    );
    deviceId = kiosk.deviceId;
    const { page, manager } = kiosk;
    // No camera from here (enrolKiosk took it away): only the tag can get the manager on.
    await page.getByRole('button', { name: 'Manager: exit kiosk mode' }).click();
    await expect(page.getByRole('heading', { name: 'Manager: scan your badge' })).toBeVisible();
    await page.getByRole('button', { name: 'Use NFC badges' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Or hold your NFC badge' })).toBeVisible();
    await holdTag(page, badgeTag(manager.rawContent));
    await expect(page.getByRole('heading', { name: 'Manager: enter your PIN' })).toBeVisible();
    await page.getByLabel('PIN', { exact: true }).fill(MANAGER_PIN);
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect(page.getByRole('heading', { name: 'Exit kiosk mode' })).toBeVisible();
  } finally {
    await revokeQuietly(adminApi, deviceId);
  }
});
