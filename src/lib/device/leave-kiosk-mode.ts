/**
 * After "Remove kiosk mode from this phone": the server's `Clear-Site-Data: "*"` has told the browser
 * to forget this site's storage, caches and service worker; the same is done here in script too (not
 * every browser honours the header), then the page reloads as a plain kiosk.
 */
import { deleteDeviceDatabase } from './device-presence';

export async function wipeEverythingHere(): Promise<void> {
  await deleteDeviceDatabase().catch(() => undefined);
  if ('caches' in self) {
    for (const name of await caches.keys()) await caches.delete(name);
  }
  if ('indexedDB' in self && typeof indexedDB.databases === 'function') {
    for (const { name } of await indexedDB.databases()) if (name) indexedDB.deleteDatabase(name);
  }
  for (const storage of [() => sessionStorage, () => localStorage]) {
    try {
      storage().clear();
    } catch {
      // Unavailable storage holds nothing.
    }
  }
  if ('serviceWorker' in navigator) {
    for (const registration of await navigator.serviceWorker.getRegistrations())
      await registration.unregister();
  }
}
