/**
 * The device-level database `shiftpass-device`: the kiosk's key pair, its enrolment (device id,
 * latest attestation) and its own language (chosen at set-up; not a secret). It belongs to the phone, not to whoever uses it: the worker sign-out wipe
 * (src/lib/session/wipe.ts) leaves it alone; only leaving kiosk mode deletes it.
 *
 * The CryptoKeyPair is stored as is: structured clone keeps a non-extractable key usable for signing
 * while no script can ever read its private half.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { KioskDeviceView } from '$server/contracts/devices';
import { isLocale, type Locale } from '$lib/i18n/locale';
import { DEVICE_DATABASE } from './device-presence';

export {
  DEVICE_DATABASE,
  deleteDeviceDatabase,
  deviceDatabaseExists,
  deviceSupport,
} from './device-presence';

/** What the kiosk knows about its enrolment. */
export interface StoredEnrolment {
  deviceId: string;
  attestation: string;
  /** The attestation's expiry as the server said it (ISO 8601). */
  attestationExpiresDateTime: string;
  device: KioskDeviceView;
}

interface DeviceDb extends DBSchema {
  device: {
    key: 'keyPair' | 'enrolment' | 'language';
    value: CryptoKeyPair | StoredEnrolment | Locale;
  };
}

async function withDb<T>(use: (db: IDBPDatabase<DeviceDb>) => Promise<T>): Promise<T> {
  const db = await openDB<DeviceDb>(DEVICE_DATABASE, 1, {
    upgrade(database) {
      database.createObjectStore('device');
    },
  });
  try {
    return await use(db);
  } finally {
    // Open only while used, so deleting the database (leaving kiosk mode) is never blocked.
    db.close();
  }
}

export const readKeyPair = (): Promise<CryptoKeyPair | undefined> =>
  withDb(async (db) => (await db.get('device', 'keyPair')) as CryptoKeyPair | undefined);

export const saveKeyPair = (keyPair: CryptoKeyPair): Promise<void> =>
  withDb(async (db) => void (await db.put('device', keyPair, 'keyPair')));

export const readEnrolment = (): Promise<StoredEnrolment | undefined> =>
  withDb(async (db) => (await db.get('device', 'enrolment')) as StoredEnrolment | undefined);

export const saveEnrolment = (enrolment: StoredEnrolment): Promise<void> =>
  withDb(async (db) => void (await db.put('device', enrolment, 'enrolment')));

/** The kiosk's own language; undefined when it follows its store's (or the phone's). */
export const readKioskLanguage = (): Promise<Locale | undefined> =>
  withDb(async (db) => {
    const value = await db.get('device', 'language');
    return isLocale(value) ? value : undefined;
  });

/** Sets the kiosk's own language, or (null) lets it follow its store's. */
export const saveKioskLanguage = (language: Locale | null): Promise<void> =>
  withDb(async (db) => {
    if (language) await db.put('device', language, 'language');
    else await db.delete('device', 'language');
  });
