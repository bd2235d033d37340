/**
 * The header row of a people CSV: which column holds which field. Names match case-insensitively and
 * ignoring spaces, dashes and underscores ("User Principal Name", "user_principal_name"); columns in any
 * order; unknown columns are reported and left unread. A field may have other names (`stores` for
 * `groups`: the console calls groups stores); a header naming one field twice, under the same name or
 * two of its names, is refused, since which cell wins would be a guess.
 */
export type ColumnMap<F extends string> = Partial<Record<F, number>>;

export type ColumnMapping<F extends string> =
  | {
      ok: true;
      columns: ColumnMap<F>;
      /** Each mapped field's header as the file wrote it (trimmed), for messages about that column. */
      headers: Partial<Record<F, string>>;
      ignored: string[];
    }
  | { ok: false; message: string };

const normalize = (name: string) => name.replace(/[\s_-]+/g, '').toLowerCase();

export function mapColumns<F extends string>(
  header: readonly string[],
  fields: readonly F[],
  required: readonly F[],
  aliases: Readonly<Record<string, F>> = {},
): ColumnMapping<F> {
  const byName = new Map<string, F>([
    ...fields.map((field): [string, F] => [normalize(field), field]),
    ...Object.entries(aliases).map(([alias, field]): [string, F] => [normalize(alias), field]),
  ]);
  const columns: ColumnMap<F> = {};
  const headers: Partial<Record<F, string>> = {};
  const ignored: string[] = [];
  for (const [index, raw] of header.entries()) {
    const name = raw.trim();
    const field = byName.get(normalize(name));
    if (field === undefined) {
      if (name !== '') ignored.push(name);
      continue;
    }
    const earlier = headers[field];
    if (earlier !== undefined) {
      return {
        ok: false,
        message:
          normalize(earlier) === normalize(name)
            ? `The header names the column ${name} twice.`
            : `The header has both a ${earlier} and a ${name} column, which mean the same. Keep one of them.`,
      };
    }
    columns[field] = index;
    headers[field] = name;
  }
  const missing = required.filter((field) => columns[field] === undefined);
  if (missing.length > 0) {
    return { ok: false, message: `The header row needs a column named ${missing.join(', ')}.` };
  }
  return { ok: true, columns, headers, ignored };
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
