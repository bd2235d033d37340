/**
 * The temporary-PIN list an admin downloads after issuing badges: built in the browser from the
 * answer that carried the PINs (never sent anywhere, never stored by Shiftpass).
 */
import type { IssuedBadgeView } from '$server/contracts/bulk';

/** The PIN file's header: column names a spreadsheet or script reads, the same in every language. */
export const PIN_CSV_COLUMNS = ['name', 'userPrincipalName', 'shortCode', 'pin'] as const;

/** A CSV cell: quoted when needed, and never read as a formula by a spreadsheet. */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export const csvLine = (cells: readonly string[]): string => cells.map(csvCell).join(',');

/** Header + one line per badge, CRLF (what spreadsheets expect), with a BOM so Excel reads UTF-8. */
export function temporaryPinsCsv(
  badges: readonly IssuedBadgeView[],
  words: { columns: readonly string[]; keepsPin: string },
): string {
  const lines = [
    csvLine(words.columns),
    ...badges.map((b) => csvLine([b.displayName, b.userPrincipalName, b.shortCode, b.pin ?? words.keepsPin])),
  ];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** Starts the download of `text` as a file, from memory (a Blob URL revoked right after). */
export function downloadText(text: string, fileName: string, type = 'text/csv;charset=utf-8'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
