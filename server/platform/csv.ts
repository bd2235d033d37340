/**
 * Reading CSV text into rows of cells with csv-parse: quoted fields (commas, quotes and line breaks
 * inside quotes), a UTF-8 byte-order mark, CRLF or LF line ends. Rows keep their position, so an empty
 * line still counts as a row, the way a spreadsheet numbers it.
 */
import { CsvError } from 'csv-parse';
import { parse } from 'csv-parse/sync';

export type CsvReadResult = { ok: true; rows: string[][] } | { ok: false; message: string };

export function readCsv(text: string): CsvReadResult {
  try {
    const rows = parse(text, {
      bom: true,
      // Rows with fewer or more cells than the header are judged per row, not as a broken file.
      relax_column_count: true,
      skip_empty_lines: false,
    }) as string[][];
    return { ok: true, rows };
  } catch (error) {
    if (error instanceof CsvError) return { ok: false, message: error.message };
    throw error;
  }
}
