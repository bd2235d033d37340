/** The badge payload format, shared with the kiosk so it can refuse a foreign badge before the PIN. */
export { parseQrPayload, type QrPayload } from '../domain/qr-payload.js';
