/**
 * This phone as a kiosk (KioskDevice): whether it is one, the proof each request carries, the
 * attestation kept fresh in the background, what it does when the server refuses the device, and the
 * language it starts each worker in.
 * The device database (IndexedDB) and the proof signing (WebCrypto) are replaced by fakes; the server
 * is the fake behind `fetch`, time the fake clock.
 */
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import type { ApiResult } from '../../../src/lib/api/client.js';
import type { StoredEnrolment } from '../../../src/lib/device/device-store.js';
import { i18n } from '../../../src/lib/i18n/i18n.svelte.js';
import type { Locale } from '../../../src/lib/i18n/locale.js';
import type { DeviceProofBody, KioskDeviceView } from '../../../server/contracts/devices.js';
import { FakeServer, installBrowser, ok, refusal, settle, type FakeBrowser } from './fakes.js';

/** The device database, in memory. */
const store = vi.hoisted(() => ({
  support: 'ok' as 'ok' | 'insecure-context' | 'no-webcrypto' | 'no-indexeddb',
  exists: false,
  enrolment: undefined as StoredEnrolment | undefined,
  keyPair: undefined as CryptoKeyPair | undefined,
  /** The kiosk's own language, chosen at set-up. */
  language: undefined as Locale | undefined,
  deletions: 0,
}));
/** What the proof signer answers; `null` means a good proof over the stored attestation. */
const signer = vi.hoisted(() => ({
  answer: null as ApiResult<DeviceProofBody> | null,
  paths: [] as string[],
}));

vi.mock('../../../src/lib/device/device-presence.js', () => ({
  DEVICE_DATABASE: 'shiftpass-device',
  deviceSupport: () => store.support,
  deviceDatabaseExists: () => Promise.resolve(store.exists),
  deleteDeviceDatabase: () => {
    store.exists = false;
    store.enrolment = undefined;
    store.keyPair = undefined;
    store.language = undefined;
    store.deletions += 1;
    return Promise.resolve();
  },
}));

vi.mock('../../../src/lib/device/device-store.js', () => ({
  readEnrolment: () => Promise.resolve(store.enrolment),
  readKeyPair: () => Promise.resolve(store.keyPair),
  readKioskLanguage: () => Promise.resolve(store.language),
  saveEnrolment: (enrolment: StoredEnrolment) => {
    store.enrolment = enrolment;
    return Promise.resolve();
  },
}));

vi.mock('../../../src/lib/device/device-proof.js', () => ({
  makeDeviceProof: (_method: 'POST', path: string, enrolment: StoredEnrolment) => {
    signer.paths.push(path);
    return Promise.resolve(
      signer.answer ?? {
        ok: true,
        status: 200,
        data: { attestation: enrolment.attestation, proof: `jws(${path})` },
      },
    );
  },
}));

const { KioskDevice } = await import('../../../src/lib/device/kiosk-device.svelte.js');

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const ATTESTATION = 'POST /devices/attestation';

let server: FakeServer;
let browser: FakeBrowser;
let kiosks: InstanceType<typeof KioskDevice>[];

const deviceView = (
  status: KioskDeviceView['status'] = 'active',
  storeLanguage: Locale | null = null,
): KioskDeviceView => ({
  id: 'device-1',
  displayName: 'Till 2',
  group: { id: 'group-harbour', displayName: 'Harbour Mall' },
  status,
  compliance: { state: 'compliant', reasons: [] },
  storeLanguage,
});

/** A phone set up as a kiosk whose attestation ends `expiresIn` ms from now. */
function enrolledPhone(
  expiresIn: number,
  status: KioskDeviceView['status'] = 'active',
  storeLanguage: Locale | null = null,
) {
  store.exists = true;
  store.keyPair = { privateKey: {}, publicKey: {} } as CryptoKeyPair;
  store.enrolment = {
    deviceId: 'device-1',
    attestation: 'attestation-1',
    attestationExpiresDateTime: new Date(Date.now() + expiresIn).toISOString(),
    device: deviceView(status, storeLanguage),
  };
}

/** The server's answer to a refresh: a new attestation good for 24 hours. */
function renewals(status: KioskDeviceView['status'] = 'active', storeLanguage: Locale | null = null) {
  let issued = 1;
  return () => {
    issued += 1;
    return ok({
      attestation: `attestation-${issued}`,
      attestationExpiresDateTime: new Date(Date.now() + 24 * HOUR).toISOString(),
      device: deviceView(status, storeLanguage),
    });
  };
}

async function startKiosk() {
  const kiosk = new KioskDevice();
  kiosks.push(kiosk);
  await kiosk.load();
  return kiosk;
}

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(new Date('2026-06-01T08:00:00.000Z'));
  server = new FakeServer();
  browser = installBrowser(server);
  kiosks = [];
  Object.assign(store, {
    support: 'ok',
    exists: false,
    enrolment: undefined,
    keyPair: undefined,
    language: undefined,
    deletions: 0,
  });
  i18n.init();
  void i18n.useKiosk({ own: null, store: null });
  Object.assign(signer, { answer: null, paths: [] });
});

afterEach(() => {
  for (const kiosk of kiosks) kiosk.stop();
  expect(server.unexpected).toEqual([]);
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('whether this phone is a kiosk', () => {
  test('a browser that cannot keep a device key is a plain kiosk, and requests carry no proof', async () => {
    store.support = 'insecure-context';
    enrolledPhone(24 * HOUR);
    const kiosk = await startKiosk();
    expect(kiosk.mode).toBe('none');
    expect(kiosk.enrolled).toBe(false);
    expect(await kiosk.proofFor('/auth/qr-pin/sign-in')).toBeNull();
  });

  test('a phone never set up as a kiosk stays a plain kiosk and asks the server nothing', async () => {
    const kiosk = await startKiosk();
    expect(kiosk.mode).toBe('none');
    expect(kiosk.view).toBeNull();
    expect(await kiosk.proofFor('/auth/qr-pin/sign-in')).toBeNull();
    await vi.advanceTimersByTimeAsync(2 * HOUR);
    expect(server.requests).toEqual([]);
  });

  test('an enrolled kiosk shows its name and store, and each request gets a proof over the stored attestation', async () => {
    enrolledPhone(24 * HOUR);
    const kiosk = await startKiosk();
    expect(kiosk.mode).toBe('active');
    expect(kiosk.enrolled).toBe(true);
    expect(kiosk.view).toMatchObject({ displayName: 'Till 2', group: { displayName: 'Harbour Mall' } });
    expect(await kiosk.proofFor('/auth/qr-pin/sign-in')).toEqual({
      ok: true,
      status: 200,
      data: { attestation: 'attestation-1', proof: 'jws(/auth/qr-pin/sign-in)' },
    });
    // Far from its end: not renewed at start.
    expect(server.count(ATTESTATION)).toBe(0);
  });
});

describe('keeping the attestation fresh', () => {
  test('an attestation close to its end is renewed at start, saved, and used from then on', async () => {
    server.handle(ATTESTATION, renewals());
    enrolledPhone(1 * HOUR);
    const kiosk = await startKiosk();
    expect(server.count(ATTESTATION)).toBe(1);
    expect(server.bodies(ATTESTATION)[0]).toMatchObject({
      device: { attestation: 'attestation-1', proof: 'jws(/devices/attestation)' },
    });
    expect(store.enrolment?.attestation).toBe('attestation-2');
    expect(await kiosk.proofFor('/devices/exit-kiosk')).toMatchObject({
      data: { attestation: 'attestation-2' },
    });
  });

  test('a running kiosk renews its attestation in the background before it runs out', async () => {
    server.handle(ATTESTATION, renewals());
    enrolledPhone(7 * HOUR);
    await startKiosk();
    await vi.advanceTimersByTimeAsync(59 * MINUTE);
    expect(server.count(ATTESTATION)).toBe(0);
    await vi.advanceTimersByTimeAsync(1 * MINUTE);
    expect(server.count(ATTESTATION)).toBe(1);
    expect(store.enrolment?.attestation).toBe('attestation-2');
  });

  test('a phone that slept past the renewal renews as soon as it is in front again', async () => {
    server.handle(ATTESTATION, renewals());
    enrolledPhone(6 * HOUR + 30 * MINUTE);
    await startKiosk();
    vi.setSystemTime(Date.now() + 45 * MINUTE); // asleep: the wall clock moved, no timer ran
    browser.document.dispatchEvent(new Event('visibilitychange'));
    await settle();
    expect(server.count(ATTESTATION)).toBe(1);
  });

  test('without the network the kiosk stays a kiosk and tries again a minute later', async () => {
    server.handle(ATTESTATION, renewals());
    enrolledPhone(1 * HOUR);
    server.offline = true;
    const kiosk = await startKiosk();
    expect(kiosk.mode).toBe('active');
    expect(store.enrolment?.attestation).toBe('attestation-1');

    server.offline = false;
    await vi.advanceTimersByTimeAsync(1 * MINUTE);
    expect(server.count(ATTESTATION)).toBe(1);
    expect(store.enrolment?.attestation).toBe('attestation-2');
  });

  test('“Check again” tapped twice while a check is on its way asks the server once', async () => {
    let answer!: () => void;
    const renew = renewals();
    server.handle(ATTESTATION, () => new Promise((resolve) => (answer = () => resolve(renew()))));
    enrolledPhone(24 * HOUR);
    const kiosk = await startKiosk();
    const first = kiosk.refresh();
    const second = kiosk.refresh();
    await settle();
    answer();
    await Promise.all([first, second]);
    expect(server.count(ATTESTATION)).toBe(1);
  });

  test('leaving the kiosk page stops the background checks', async () => {
    server.handle(ATTESTATION, renewals());
    enrolledPhone(7 * HOUR);
    const kiosk = await startKiosk();
    kiosk.stop();
    await vi.advanceTimersByTimeAsync(3 * HOUR);
    browser.document.dispatchEvent(new Event('visibilitychange'));
    await settle();
    expect(server.count(ATTESTATION)).toBe(0);
  });
});

describe('when the server refuses the device', () => {
  test.each(['DEVICE_REVOKED', 'DEVICE_NOT_ENROLLED'] as const)(
    '%s: the key and enrolment are deleted, and the kiosk says it is no longer one',
    async (code) => {
      enrolledPhone(24 * HOUR);
      const kiosk = await startKiosk();
      await kiosk.refused({ code, message: '' });
      expect(store.deletions).toBe(1);
      expect(kiosk.lost).toBe(true);
      expect(kiosk.mode).toBe('none');
      expect(kiosk.view).toBeNull();
      expect(await kiosk.proofFor('/auth/qr-pin/sign-in')).toBeNull();
    },
  );

  test('a refresh refused as revoked forgets the binding too', async () => {
    server.answer(ATTESTATION, refusal(403, 'DEVICE_REVOKED'));
    enrolledPhone(1 * HOUR);
    const kiosk = await startKiosk();
    expect(kiosk.lost).toBe(true);
    expect(store.deletions).toBe(1);
  });

  test('a suspended kiosk says so, asks every minute whether it was resumed, and takes sign-ins again once it was', async () => {
    const renew = renewals();
    let resumed = false;
    server.handle(ATTESTATION, () => (resumed ? renew() : refusal(403, 'DEVICE_SUSPENDED')));
    enrolledPhone(24 * HOUR);
    const kiosk = await startKiosk();
    await kiosk.refused({ code: 'DEVICE_SUSPENDED', message: '' });
    expect(kiosk.mode).toBe('suspended');
    expect(kiosk.view?.status).toBe('suspended');

    await vi.advanceTimersByTimeAsync(1 * MINUTE);
    expect(server.count(ATTESTATION)).toBe(1);
    expect(kiosk.mode).toBe('suspended');

    resumed = true;
    await vi.advanceTimersByTimeAsync(1 * MINUTE);
    expect(server.count(ATTESTATION)).toBe(2);
    expect(kiosk.mode).toBe('active');
    expect(kiosk.view?.status).toBe('active');
  });

  test('a manager’s suspend on the kiosk shows the suspended screen at once', async () => {
    server.answer(ATTESTATION, refusal(403, 'DEVICE_SUSPENDED'));
    enrolledPhone(24 * HOUR);
    const kiosk = await startKiosk();
    kiosk.suspended();
    expect(kiosk.mode).toBe('suspended');
  });

  test('a kiosk stored as suspended asks at start whether it was resumed', async () => {
    server.handle(ATTESTATION, renewals());
    enrolledPhone(24 * HOUR, 'suspended');
    const kiosk = await startKiosk();
    expect(server.count(ATTESTATION)).toBe(1);
    expect(kiosk.mode).toBe('active');
  });

  test('an attestation the server calls expired is renewed at once', async () => {
    server.handle(ATTESTATION, renewals());
    enrolledPhone(24 * HOUR);
    const kiosk = await startKiosk();
    await kiosk.refused({ code: 'DEVICE_ATTESTATION_EXPIRED', message: '' });
    expect(server.count(ATTESTATION)).toBe(1);
    expect(store.enrolment?.attestation).toBe('attestation-2');
    expect(kiosk.mode).toBe('active');
  });

  test('a proof that cannot be made leaves the kiosk as it was and tries again later', async () => {
    server.handle(ATTESTATION, renewals());
    enrolledPhone(1 * HOUR);
    signer.answer = { ok: false, status: 0, error: { code: 'NETWORK_ERROR', message: 'offline' } };
    const kiosk = await startKiosk();
    expect(server.count(ATTESTATION)).toBe(0);
    expect(kiosk.mode).toBe('active');
    signer.answer = null;
    await vi.advanceTimersByTimeAsync(1 * MINUTE);
    expect(server.count(ATTESTATION)).toBe(1);
  });
});

describe('the language each worker starts in', () => {
  test('a kiosk set up in Spanish shows Spanish, on an English phone, before its first screen', async () => {
    enrolledPhone(24 * HOUR);
    store.language = 'es';
    const kiosk = await startKiosk();
    expect(kiosk.mode).toBe('active');
    expect(i18n.locale).toBe('es');
    expect(i18n.m.scan.title).toBe('Escanee su credencial');
    expect(browser.document.documentElement.lang).toBe('es');
  });

  test('a kiosk without a language of its own takes its store’s; its own beats the store’s', async () => {
    enrolledPhone(24 * HOUR, 'active', 'es');
    await startKiosk();
    expect(i18n.locale).toBe('es');

    store.language = 'en';
    await startKiosk();
    expect(i18n.locale).toBe('en');
  });

  test('a store language set in the console reaches a running kiosk with its next attestation', async () => {
    server.handle(ATTESTATION, renewals('active', 'es'));
    enrolledPhone(7 * HOUR);
    await startKiosk();
    expect(i18n.locale).toBe('en');
    await vi.advanceTimersByTimeAsync(1 * HOUR);
    expect(server.count(ATTESTATION)).toBe(1);
    await settle();
    expect(i18n.locale).toBe('es');
  });

  test('a phone that stops being a kiosk goes back to the phone’s language', async () => {
    enrolledPhone(24 * HOUR);
    store.language = 'es';
    const kiosk = await startKiosk();
    await kiosk.refused({ code: 'DEVICE_REVOKED', message: '' });
    expect(i18n.locale).toBe('en');
  });

  test('a phone that is no kiosk keeps the phone’s language, and a worker’s pick beats the kiosk’s', async () => {
    browser.navigator.languages = ['es-ES'];
    i18n.init();
    await startKiosk();
    expect(i18n.locale).toBe('es');

    enrolledPhone(24 * HOUR);
    store.language = 'es';
    await startKiosk();
    i18n.choose('en');
    expect(i18n.locale).toBe('en');
  });
});
