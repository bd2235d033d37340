/**
 * Whether this phone is (or can be) a kiosk, without the device database's code: a plain kiosk asks
 * only "does the device database exist?" and so never loads idb or the proof signing
 * (kiosk-device.svelte.ts loads them when it does). Leaving kiosk mode deletes the database from here.
 */
export const DEVICE_DATABASE = 'shiftpass-device';

/** Whether the database exists, without creating it (a plain kiosk never gets an empty one). */
export async function deviceDatabaseExists(): Promise<boolean> {
  if (typeof indexedDB.databases !== 'function') return true;
  return (await indexedDB.databases()).some((database) => database.name === DEVICE_DATABASE);
}

/** Whether this browser can hold a device key at all (WebCrypto in a secure context, IndexedDB). */
export function deviceSupport(): 'ok' | 'insecure-context' | 'no-webcrypto' | 'no-indexeddb' {
  if (!globalThis.isSecureContext) return 'insecure-context';
  if (!globalThis.crypto?.subtle) return 'no-webcrypto';
  if (!('indexedDB' in globalThis)) return 'no-indexeddb';
  return 'ok';
}

/** Deletes the whole device database (the key and the enrolment). Resolves once it is gone. */
export function deleteDeviceDatabase(): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.deleteDatabase(DEVICE_DATABASE);
    request.onsuccess = () => resolve();
    request.onerror = () => reject(request.error ?? new Error('could not delete the device database'));
  });
}
