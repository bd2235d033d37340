/**
 * Removes what a worker may have left in this browser profile. Device-level data (the app shell cache
 * `shell-*`, and the kiosk's key and attestation database `shiftpass-device`, src/lib/device) stays: it
 * belongs to the phone. Only leaving kiosk mode deletes it (src/lib/device/leave-kiosk-mode.ts).
 * The server's `Clear-Site-Data: "cache", "cookies"` on sign-out does the cookie and HTTP cache.
 */
const WORKER_DATABASE_PREFIX = 'shiftpass-worker';
const DEVICE_CACHE_PREFIX = 'shell-';

export async function wipeWorkerData(): Promise<void> {
  try {
    sessionStorage.clear();
  } catch {
    // Storage can be unavailable (private mode); nothing to clear then.
  }
  if ('caches' in self) {
    for (const name of await caches.keys()) {
      if (!name.startsWith(DEVICE_CACHE_PREFIX)) await caches.delete(name);
    }
  }
  if ('indexedDB' in self && typeof indexedDB.databases === 'function') {
    for (const { name } of await indexedDB.databases()) {
      if (name?.startsWith(WORKER_DATABASE_PREFIX)) indexedDB.deleteDatabase(name);
    }
  }
}
