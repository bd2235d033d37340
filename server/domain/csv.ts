/**
 * CSV (RFC 4180) for exports that people open in spreadsheets. A text cell starting with = + - @ (or
 * a tab or carriage return) would run as a formula there (CSV injection), so it gets a leading `'`,
 * which spreadsheets show as text. Cells holding a quote, comma or line break are quoted.
 */
export type CsvValue = string | number | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`;
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One record, CRLF-terminated. */
export const csvLine = (values: readonly CsvValue[]): string => `${values.map(csvCell).join(',')}\r\n`;

/** A column: its header and how to read it from an item. */
export interface CsvColumn<T> {
  header: string;
  value: (item: T) => CsvValue;
}

export const csvHeader = <T>(columns: readonly CsvColumn<T>[]): string =>
  csvLine(columns.map((c) => c.header));

export const csvRecord = <T>(columns: readonly CsvColumn<T>[], item: T): string =>
  csvLine(columns.map((c) => c.value(item)));
