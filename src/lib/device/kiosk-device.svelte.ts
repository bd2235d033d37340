/**
 * This phone as a kiosk: whether it is enrolled, what it is called, its language (its own, else its
 * store's: src/lib/i18n/README.md), and the device binding each worker sign-in carries. Keeps the
 * attestation fresh in the background (at start, on a timer, and when the app comes back to the
 * foreground) and follows the server's word when it refuses the device.
 */
import { api, type ApiResult, type ClientError } from '$lib/api/client';
import { i18n } from '$lib/i18n/i18n.svelte';
import type { Locale } from '$lib/i18n/locale';
import { APP_VERSION } from '$server/contracts/app-version';
import type { DeviceAttestationResponse, DeviceProofBody, KioskDeviceView } from '$server/contracts/devices';
import { deleteDeviceDatabase, deviceDatabaseExists, deviceSupport } from './device-presence';
import type { StoredEnrolment } from './device-store';
import { nextCheckSeconds, refreshIsDue } from './refresh-timing';

/** The device database's code (idb) and the proofs: loaded only on a phone that has the database. */
type EnrolledKioskCode = typeof import('./enrolled-kiosk');

/** `none`: a plain kiosk (not enrolled); `unknown`: not read yet. */
export type DeviceMode = 'unknown' | 'none' | 'active' | 'suspended';

/** Codes by which the server says this phone is no kiosk (any more): the binding is forgotten. */
const GONE_CODES = new Set(['DEVICE_REVOKED', 'DEVICE_NOT_ENROLLED']);

const MIN_CHECK_SECONDS = 60;
const MAX_CHECK_SECONDS = 60 * 60;
/** A suspended kiosk asks this often whether it was resumed. */
const SUSPENDED_CHECK_SECONDS = 60;

const epochSeconds = (iso: string): number => Math.floor(Date.parse(iso) / 1000);

export class KioskDevice {
  mode = $state<DeviceMode>('unknown');
  view = $state<KioskDeviceView | null>(null);
  /** Set when the server said this phone is no longer a kiosk (revoked, unknown): shown until reload. */
  lost = $state(false);
  #enrolment: StoredEnrolment | null = null;
  /** The language chosen at set-up; null: the store's (or the phone's). */
  #language: Locale | null = null;
  #keyPair: CryptoKeyPair | null = null;
  #code: EnrolledKioskCode | null = null;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #refreshing: Promise<void> | null = null;
  #started = false;
  readonly #onVisible = () => {
    if (document.visibilityState === 'visible') void this.#refreshIfDue();
  };

  /**
   * Reads the device database and starts the background refresh. A plain browser stays `none`, and
   * never loads the database's code: it only asks whether the database exists.
   */
  async load(): Promise<void> {
    if (deviceSupport() !== 'ok') {
      this.mode = 'none';
      return;
    }
    try {
      if (!(await deviceDatabaseExists())) {
        this.mode = 'none';
        return;
      }
      // Unreadable, like a database that cannot be opened: the phone acts as a plain kiosk (the
      // server's policies decide whether it may). The service worker precaches the chunk.
      this.#code ??= await import('./enrolled-kiosk');
      const { readEnrolment, readKeyPair, readKioskLanguage } = this.#code;
      const [enrolment, keyPair, language] = await Promise.all([
        readEnrolment(),
        readKeyPair(),
        readKioskLanguage(),
      ]);
      this.#enrolment = enrolment ?? null;
      this.#keyPair = keyPair ?? null;
      this.#language = language ?? null;
    } catch {
      this.#enrolment = null;
    }
    if (!this.#enrolment || !this.#keyPair) {
      this.mode = 'none';
      return;
    }
    // The first screen shows in the kiosk's language, not the phone's for a moment first.
    await this.#useLanguages(this.#enrolment.device);
    this.#show(this.#enrolment.device);
    if (!this.#started) {
      this.#started = true;
      document.addEventListener('visibilitychange', this.#onVisible);
    }
    await this.#refreshIfDue();
  }

  stop(): void {
    this.#started = false;
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    this.#timer = undefined;
    if (typeof document !== 'undefined') document.removeEventListener('visibilitychange', this.#onVisible);
  }

  get enrolled(): boolean {
    return this.mode === 'active' || this.mode === 'suspended';
  }

  /**
   * The binding for one request to `apiPath`: null on a plain kiosk, else the attestation and a proof
   * over a nonce fetched just now.
   */
  async proofFor(apiPath: string): Promise<ApiResult<DeviceProofBody> | null> {
    if (!this.#enrolment || !this.#keyPair || !this.#code) return null;
    return this.#code.makeDeviceProof('POST', apiPath, this.#enrolment, this.#keyPair);
  }

  /** The server refused this device (at sign-in, refresh or exit): the kiosk follows. */
  async refused(error: ClientError): Promise<void> {
    if (GONE_CODES.has(error.code)) {
      await this.forget();
      this.lost = true;
    } else if (error.code === 'DEVICE_SUSPENDED') {
      this.mode = 'suspended';
      if (this.view) this.view = { ...this.view, status: 'suspended' };
      this.#schedule();
    } else if (error.code === 'DEVICE_ATTESTATION_EXPIRED') {
      await this.refresh();
    }
  }

  /** Marks the kiosk suspended after a manager suspended it here. */
  suspended(): void {
    void this.refused({ code: 'DEVICE_SUSPENDED', message: '' });
  }

  /** Asks for a new attestation now (also how a suspended kiosk learns it was resumed). */
  refresh(): Promise<void> {
    this.#refreshing ??= this.#refresh().finally(() => (this.#refreshing = null));
    return this.#refreshing;
  }

  /** Drops the binding here: the key and the enrolment are deleted; the phone is a plain kiosk. */
  async forget(): Promise<void> {
    this.stop();
    this.#enrolment = null;
    this.#keyPair = null;
    this.#language = null;
    this.view = null;
    this.mode = 'none';
    void i18n.useKiosk({ own: null, store: null });
    await deleteDeviceDatabase().catch(() => undefined);
  }

  async #refresh(): Promise<void> {
    const device = await this.proofFor('/devices/attestation');
    if (!device) return;
    if (!device.ok) return this.#schedule();
    const result = await api<DeviceAttestationResponse>('POST', '/devices/attestation', {
      device: device.data,
      appVersion: APP_VERSION,
    });
    if (result.ok && this.#enrolment) {
      this.#enrolment = {
        ...this.#enrolment,
        attestation: result.data.attestation,
        attestationExpiresDateTime: result.data.attestationExpiresDateTime,
        device: result.data.device,
      };
      await this.#code?.saveEnrolment(this.#enrolment).catch(() => undefined);
      // A store default changed in the console reaches the kiosk here.
      void this.#useLanguages(result.data.device);
      this.#show(result.data.device);
    } else if (!result.ok) {
      await this.refused(result.error);
    }
    this.#schedule();
  }

  async #refreshIfDue(): Promise<void> {
    const enrolment = this.#enrolment;
    if (!enrolment) return;
    const due = refreshIsDue(epochSeconds(enrolment.attestationExpiresDateTime), Date.now() / 1000);
    if (due || this.mode === 'suspended') await this.refresh();
    else this.#schedule();
  }

  #useLanguages(device: KioskDeviceView): Promise<void> {
    // An enrolment stored before stores had a language has no storeLanguage.
    return i18n.useKiosk({ own: this.#language, store: device.storeLanguage ?? null });
  }

  #show(device: KioskDeviceView): void {
    this.view = device;
    this.mode = device.status === 'suspended' ? 'suspended' : 'active';
  }

  #schedule(): void {
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    this.#timer = undefined;
    const enrolment = this.#enrolment;
    if (!enrolment || !this.#started) return;
    const seconds =
      this.mode === 'suspended'
        ? SUSPENDED_CHECK_SECONDS
        : nextCheckSeconds(
            epochSeconds(enrolment.attestationExpiresDateTime),
            Date.now() / 1000,
            MIN_CHECK_SECONDS,
            MAX_CHECK_SECONDS,
          );
    this.#timer = setTimeout(() => void this.#refreshIfDue(), seconds * 1000);
  }
}

export const kioskDevice = new KioskDevice();
