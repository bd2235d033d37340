/**
 * Pure part of the CSV import: each data row → what it would do (create, update, unchanged) or why it
 * cannot (errors naming the column). Rows are checked with the very schemas of POST and PATCH
 * /api/admin/users, so a row the import accepts is one the API would accept.
 *
 * Empty cells mean "not given": a new person gets the default (role worker, enabled, no stores), an
 * existing one keeps the value. userPrincipalName is the key and is never changed by an import.
 */
import type { z } from 'zod';
import { IMPORT_COLUMNS, type ImportColumn, type ImportRowError } from '../../contracts/bulk.js';
import { patchUserBody, type UserWarning } from '../../contracts/directory.js';
import { createUserBody, type UserView } from '../../contracts/schemas.js';
import { cellsOf, parseBooleanCell, splitList, type ColumnMap } from '../../domain/import-columns.js';
import { normalizeText } from '../../domain/text.js';
import type { LookalikeIndex, NamedAccount } from '../../domain/confusable-names.js';
import { lookalikeWarning } from './lookalike-names.js';
import type { ErrorLanguage } from '../../contracts/error-words.js';
import { NOTICE_TEXT, noticeText, type NoticeText } from '../../contracts/notice-text.js';

export type CreateUserInput = z.output<typeof createUserBody>;
export type PatchUserInput = z.output<typeof patchUserBody>;

export type PlannedRow = { row: number; userPrincipalName: string } & (
  | { action: 'create'; input: CreateUserInput; warnings?: UserWarning[] }
  | { action: 'update'; userId: string; patch: PatchUserInput }
  | { action: 'unchanged'; userId: string }
  | { action: 'error'; errors: ImportRowError[] }
);

export interface ImportLookups {
  /** Existing users by lower-cased userPrincipalName. */
  existing: Map<string, UserView>;
  groups: GroupIndex;
  /** Who imports: they may not disable themselves. */
  actorUserId: string;
  /** Everyone's sign-in names, to report a new one that looks like someone else's. */
  lookalikes?: LookalikeIndex<NamedAccount>;
  /** The language the row problems and warnings are worded in (the request's); English when not given. */
  language?: ErrorLanguage;
}

export interface DataRecord {
  /** Spreadsheet row number (header = 1). */
  row: number;
  cells: string[];
}

/** Store names (case-insensitive) and ids → group ids. */
export class GroupIndex {
  private readonly ids = new Set<string>();
  private readonly byName = new Map<string, string[]>();
  constructor(groups: { id: string; displayName: string }[]) {
    for (const group of groups) {
      this.ids.add(group.id);
      const key = normalizeText(group.displayName.trim()).toLowerCase();
      this.byName.set(key, [...(this.byName.get(key) ?? []), group.id]);
    }
  }
  /** One group id for a store name or id; a message when none or several match. */
  resolve(nameOrId: string, text: NoticeText = noticeText): { id: string } | { message: string } {
    const named = this.byName.get(normalizeText(nameOrId).toLowerCase()) ?? [];
    if (named.length === 1) return { id: named[0]! };
    if (named.length > 1) return { message: text.importSeveralStoresNamed(nameOrId) };
    if (this.ids.has(nameOrId)) return { id: nameOrId };
    return { message: text.importNoStoreNamed(nameOrId) };
  }
}

const fieldOfPath = (path: PropertyKey[]): ImportColumn | 'row' => {
  const head = String(path[0] ?? '');
  if (head === 'groupIds') return 'groups';
  return (IMPORT_COLUMNS as readonly string[]).includes(head) ? (head as ImportColumn) : 'row';
};

/** A zod issue in the words a person fixing a spreadsheet needs. */
function describeIssue(issue: z.core.$ZodIssue, text: NoticeText): string {
  if (issue.code === 'too_small' && issue.origin === 'string' && Number(issue.minimum) <= 1)
    return text.importRequired;
  if (issue.code === 'too_big' && issue.origin === 'string') return text.importTooLong(Number(issue.maximum));
  if (issue.code === 'too_big' && issue.origin === 'array')
    return text.importTooManyStores(Number(issue.maximum));
  if (issue.code === 'invalid_value') return text.importOneOf(issue.values.map(String));
  if (issue.code === 'invalid_type' && issue.input === undefined) return text.importRequired;
  return text.importOther(issue.message);
}

/** One error per column (the first zod found): an empty name is "required", not also "has spaces". */
function issuesToErrors(error: z.ZodError, text: NoticeText): ImportRowError[] {
  const byField = new Map<ImportRowError['field'], string>();
  for (const issue of error.issues) {
    const field = fieldOfPath(issue.path);
    if (!byField.has(field)) byField.set(field, describeIssue(issue, text));
  }
  return [...byField].map(([field, message]) => ({ field, message }));
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  const [x, y] = [new Set(a), new Set(b)];
  return x.size === y.size && [...x].every((item) => y.has(item));
}

/** The changes `patch` would make to `user` (fields that already hold the value are dropped). */
function effectivePatch(user: UserView, patch: PatchUserInput): PatchUserInput {
  const changes: PatchUserInput = {};
  if (patch.displayName !== undefined && patch.displayName !== user.displayName) {
    changes.displayName = patch.displayName;
  }
  if (patch.employeeId !== undefined && patch.employeeId !== user.employeeId)
    changes.employeeId = patch.employeeId;
  if (patch.role !== undefined && patch.role !== user.role) changes.role = patch.role;
  if (patch.accountEnabled !== undefined && patch.accountEnabled !== user.accountEnabled) {
    changes.accountEnabled = patch.accountEnabled;
  }
  if (patch.groupIds !== undefined && !sameSet(patch.groupIds, user.groupIds)) {
    changes.groupIds = [...new Set(patch.groupIds)];
  }
  return changes;
}

/** Plans every data row; a userPrincipalName seen on an earlier row makes the later row an error. */
export function planImport(
  records: DataRecord[],
  columns: ColumnMap<ImportColumn>,
  headerLength: number,
  lookups: ImportLookups,
): PlannedRow[] {
  const language = lookups.language ?? 'en';
  const text = NOTICE_TEXT[language];
  const firstRowOf = new Map<string, number>();
  return records.map(({ row, cells: record }) => {
    const cells = cellsOf(record, columns);
    // NFC before the lookup, as the API stores it: a decomposed "é" finds the existing person.
    const userPrincipalName = normalizeText(cells.userPrincipalName ?? '');
    const errors: ImportRowError[] = [];
    if (record.length > headerLength) {
      errors.push({
        field: 'row',
        message: text.importTooManyCells(record.length, headerLength),
      });
    }

    const key = userPrincipalName.toLowerCase();
    const earlier = key === '' ? undefined : firstRowOf.get(key);
    if (earlier !== undefined) {
      errors.push({ field: 'userPrincipalName', message: text.importAppearsAgain(earlier) });
    } else if (key !== '') {
      firstRowOf.set(key, row);
    }

    let accountEnabled: boolean | undefined;
    if (cells.accountEnabled !== undefined) {
      accountEnabled = parseBooleanCell(cells.accountEnabled);
      if (accountEnabled === undefined)
        errors.push({ field: 'accountEnabled', message: text.importTrueOrFalse });
    }

    let groupIds: string[] | undefined;
    if (cells.groups !== undefined) {
      const resolved = splitList(cells.groups).map((name) => lookups.groups.resolve(name, text));
      const unknown = resolved.flatMap((r) => ('message' in r ? [r.message] : []));
      if (unknown.length > 0) errors.push({ field: 'groups', message: unknown.join('; ') });
      else groupIds = resolved.map((r) => (r as { id: string }).id);
    }

    const fields = {
      ...(cells.displayName !== undefined && { displayName: cells.displayName }),
      ...(cells.employeeId !== undefined && { employeeId: cells.employeeId }),
      ...(cells.role !== undefined && { role: cells.role.toLowerCase() }),
      ...(groupIds !== undefined && { groupIds }),
      ...(accountEnabled !== undefined && { accountEnabled }),
    };
    const existing = key === '' ? undefined : lookups.existing.get(key);

    if (!existing) {
      // Both keys are given even when empty, so an empty cell reads "is required", not "expected string".
      const parsed = createUserBody.safeParse({ userPrincipalName, displayName: '', ...fields });
      if (!parsed.success) errors.push(...issuesToErrors(parsed.error, text));
      if (errors.length > 0 || !parsed.success) return { row, userPrincipalName, action: 'error', errors };
      const lookalikes = lookups.lookalikes?.find(parsed.data.userPrincipalName) ?? [];
      return {
        row,
        userPrincipalName,
        action: 'create',
        input: parsed.data,
        ...(lookalikes.length > 0 && {
          warnings: lookalikes.map((account) => lookalikeWarning(account, language)),
        }),
      };
    }

    const parsed = patchUserBody.safeParse(fields);
    if (!parsed.success) errors.push(...issuesToErrors(parsed.error, text));
    if (errors.length > 0 || !parsed.success) return { row, userPrincipalName, action: 'error', errors };
    const patch = effectivePatch(existing, parsed.data);
    if (patch.accountEnabled === false && existing.id === lookups.actorUserId) {
      return {
        row,
        userPrincipalName,
        action: 'error',
        errors: [{ field: 'accountEnabled', message: text.importCannotDisableSelf }],
      };
    }
    if (Object.keys(patch).length === 0)
      return { row, userPrincipalName, action: 'unchanged', userId: existing.id };
    return { row, userPrincipalName, action: 'update', userId: existing.id, patch };
  });
}
