/**
 * The badge formats, shared with the kiosk: the QR payload, so it can refuse a foreign badge before the
 * PIN, and the typed short code, so it can tell a person their typing cannot be a code without asking
 * the server.
 */
export { parseQrPayload, type QrPayload } from '../domain/qr-payload.js';
export { formatShortCode, normaliseShortCode, SHORT_CODE_LENGTH } from '../domain/short-code.js';
