/**
 * Which NDEF record on an NFC tag holds a Shiftpass badge, and the record the console writes.
 *
 * The format (docs/nfc-badges.md): one MIME record of type `application/vnd.shiftpass.badge` whose
 * data is exactly the badge payload the printed QR code holds (`SP1:<issuer>:<codeId>:<secret>`,
 * server/domain/qr-payload.ts), UTF-8, no prefix or newline. A MIME type of our own keeps phones from
 * opening the badge as a link or showing it as text when no Shiftpass page is listening.
 * When reading, a `text` record whose text starts with `SP1:` is also taken, so a badge written by a
 * general-purpose NFC app still works. Anything else is "not a Shiftpass badge". What the record
 * holds is checked as a camera scan is (the kiosk flow), so a damaged badge gets the same words.
 *
 * Pure: no browser globals, so it runs under Vitest.
 */

export const BADGE_MEDIA_TYPE = 'application/vnd.shiftpass.badge';

/** The badge format's tag, as in server/domain/qr-payload.ts (`QR_FORMAT`). */
const BADGE_TEXT_PREFIX = 'SP1:';

/** The part of Web NFC's NDEFRecord read here. */
export interface NdefRecordLike {
  recordType: string;
  mediaType?: string | null;
  encoding?: string | null;
  data?: DataView | null;
}

export type TagReading = { ok: true; payload: string } | { ok: false; reason: 'not-a-badge' };

/** The MIME type without parameters, lower-case (`Application/Vnd.Shiftpass.Badge; x=1` → ours). */
const bareMediaType = (mediaType: string): string => mediaType.split(';')[0]!.trim().toLowerCase();

function textOf(data: DataView | null | undefined, encoding = 'utf-8'): string | null {
  if (!data) return null;
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(data);
  } catch {
    // Not valid in its encoding (or an encoding this browser does not know): not a badge.
    return null;
  }
}

/** The badge payload a tag's records hold: the first Shiftpass record wins. */
export function readBadgeRecords(records: readonly NdefRecordLike[]): TagReading {
  for (const record of records) {
    if (
      record.recordType === 'mime' &&
      record.mediaType &&
      bareMediaType(record.mediaType) === BADGE_MEDIA_TYPE
    ) {
      const payload = textOf(record.data);
      if (payload !== null) return { ok: true, payload };
    }
    if (record.recordType === 'text') {
      const text = textOf(record.data, record.encoding ?? 'utf-8');
      if (text !== null && text.trim().startsWith(BADGE_TEXT_PREFIX))
        return { ok: true, payload: text.trim() };
    }
  }
  return { ok: false, reason: 'not-a-badge' };
}

/** The NDEF message the console writes to a tag: one record, the badge payload and nothing else. */
export function badgeMessage(payload: string): {
  records: { recordType: 'mime'; mediaType: string; data: Uint8Array }[];
} {
  return {
    records: [{ recordType: 'mime', mediaType: BADGE_MEDIA_TYPE, data: new TextEncoder().encode(payload) }],
  };
}
