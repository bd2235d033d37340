/**
 * What only an enrolled kiosk needs: the device database (idb) and the proof each request carries.
 * One chunk, loaded by kiosk-device.svelte.ts when the device database exists; the service worker
 * precaches it with the rest of the build.
 */
export { readEnrolment, readKeyPair, readKioskLanguage, saveEnrolment } from './device-store';
export { makeDeviceProof } from './device-proof';
