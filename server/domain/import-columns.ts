/**
 * The header row of a people CSV: which column holds which field. Names match case-insensitively and
 * ignoring spaces, dashes and underscores ("User Principal Name", "user_principal_name"); columns in any
 * order; unknown columns are reported and left unread.
 */
export type ColumnMap<F extends string> = Partial<Record<F, number>>;

export type ColumnMapping<F extends string> =
  { ok: true; columns: ColumnMap<F>; ignored: string[] } | { ok: false; message: string };

const normalize = (name: string) => name.replace(/[\s_-]+/g, '').toLowerCase();

export function mapColumns<F extends string>(
  header: readonly string[],
  fields: readonly F[],
  required: readonly F[],
): ColumnMapping<F> {
  const byName = new Map(fields.map((field) => [normalize(field), field]));
  const columns: ColumnMap<F> = {};
  const ignored: string[] = [];
  for (const [index, raw] of header.entries()) {
    const name = raw.trim();
    const field = byName.get(normalize(name));
    if (field === undefined) {
      if (name !== '') ignored.push(name);
      continue;
    }
    if (columns[field] !== undefined) {
      return { ok: false, message: `The header names the column ${field} twice.` };
    }
    columns[field] = index;
  }
  const missing = required.filter((field) => columns[field] === undefined);
  if (missing.length > 0) {
    return { ok: false, message: `The header row needs a column named ${missing.join(', ')}.` };
  }
  return { ok: true, columns, ignored };
}

/** The trimmed cell of each mapped column; an empty cell is absent. */
export function cellsOf<F extends string>(
  record: readonly string[],
  columns: ColumnMap<F>,
): Partial<Record<F, string>> {
  const cells: Partial<Record<F, string>> = {};
  for (const [field, index] of Object.entries(columns) as [F, number][]) {
    const value = record[index]?.trim() ?? '';
    if (value !== '') cells[field] = value;
  }
  return cells;
}

/** True for a row with no content at all (an empty line, or only separators): skipped, not an error. */
export const isBlankRecord = (record: readonly string[]): boolean =>
  record.every((cell) => cell.trim() === '');

/** `true`/`false` as people type them in a spreadsheet; undefined when it is neither. */
export function parseBooleanCell(value: string): boolean | undefined {
  const v = value.trim().toLowerCase();
  if (['true', 'yes', '1'].includes(v)) return true;
  if (['false', 'no', '0'].includes(v)) return false;
  return undefined;
}

/** `Lisbon; Porto;` → ['Lisbon', 'Porto']. */
export const splitList = (value: string): string[] =>
  value
    .split(';')
    .map((part) => part.trim())
    .filter((part) => part !== '');
