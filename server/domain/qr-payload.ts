/**
 * The badge payload: `SP1:<issuer>:<codeId>:<secret>`.
 * - `SP1` names the format and its version, so a later format can be told apart.
 * - issuer: 4–16 upper-case letters/digits naming the Shiftpass installation that issued the badge,
 *   so a kiosk refuses another site's badge before asking for a PIN.
 * - codeId: 16 base32 characters (80 random bits), the lookup key; not secret.
 * - secret: 26 base32 characters (130 random bits); only its SHA-256 is stored.
 * Every character is in the QR alphanumeric set, which keeps the printed code small.
 */
import { isBase32 } from './base32.js';

export const QR_FORMAT = 'SP1';
export const CODE_ID_LENGTH = 16;
export const SECRET_LENGTH = 26;
const MAX_PAYLOAD_LENGTH = 128;

export interface QrPayload {
  issuer: string;
  codeId: string;
  secret: string;
}

export type ParsedQrPayload = { ok: true; payload: QrPayload } | { ok: false; reason: 'malformed' };

export const formatQrPayload = (p: QrPayload): string => `${QR_FORMAT}:${p.issuer}:${p.codeId}:${p.secret}`;

export const isIssuerId = (text: string): boolean => /^[A-Z0-9]{4,16}$/.test(text);

export function parseQrPayload(text: string): ParsedQrPayload {
  if (text.length > MAX_PAYLOAD_LENGTH) return { ok: false, reason: 'malformed' };
  const parts = text.trim().split(':');
  if (parts.length !== 4) return { ok: false, reason: 'malformed' };
  const [format, issuer, codeId, secret] = parts as [string, string, string, string];
  if (
    format !== QR_FORMAT ||
    !isIssuerId(issuer) ||
    codeId.length !== CODE_ID_LENGTH ||
    !isBase32(codeId) ||
    secret.length !== SECRET_LENGTH ||
    !isBase32(secret)
  ) {
    return { ok: false, reason: 'malformed' };
  }
  return { ok: true, payload: { issuer, codeId, secret } };
}

/** Reads only the issuer, for the kiosk's early "not our badge" check. */
export function issuerOf(text: string): string | undefined {
  const parsed = parseQrPayload(text);
  return parsed.ok ? parsed.payload.issuer : undefined;
}
