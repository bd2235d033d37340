/**
 * POST /api/admin/users/import: people from a CSV file. A dry run plans every row and writes nothing;
 * a real run applies the valid rows through the same services as the single-user routes (one
 * atomic write per person, with their audit entries) and skips the bad ones. Running the same file
 * again finds everyone unchanged, so a run cut short is completed by running it again.
 */
import type { z } from 'zod';
import {
  IMPORT_COLUMN_ALIASES,
  IMPORT_COLUMNS,
  IMPORT_MAX_BYTES,
  IMPORT_MAX_ROWS,
  type ImportResult,
  type ImportRowError,
  type ImportRowResult,
  type importUsersBody,
} from '../../contracts/bulk.js';
import { ApiError } from '../../contracts/errors.js';
import { errorBodyIn, say, type ErrorLanguage, type Words } from '../../contracts/error-words.js';
import { isBlankRecord, mapColumns } from '../../domain/import-columns.js';
import { LookalikeIndex } from '../../domain/confusable-names.js';
import { normalizeText } from '../../domain/text.js';
import { newId } from '../../platform/crypto.js';
import { readCsv } from '../../platform/csv.js';
import { recordAudit } from '../../core/audit.js';
import { issueStandardBadges, type BadgePerson, type IssuedBadges } from '../badges/badge-issuing.js';
import type { Actor, ServiceDeps } from '../../core/deps.js';
import { updateUser } from './user-directory.js';
import { GroupIndex, planImport, type DataRecord, type PlannedRow } from './user-import-rows.js';
import { createUser, toUserView } from './create-user.js';

type ImportInput = z.output<typeof importUsersBody>;

const utf8Length = (text: string) => new TextEncoder().encode(text).length;

function fileError(message: Words): ApiError {
  return new ApiError('VALIDATION_FAILED', message, { field: 'csv' });
}

/** The header and the non-blank data rows, numbered as a spreadsheet shows them. */
function readFile(csv: string): { header: string[]; records: DataRecord[] } {
  if (utf8Length(csv) > IMPORT_MAX_BYTES) {
    throw new ApiError('PAYLOAD_TOO_LARGE', say.importTooBig(IMPORT_MAX_BYTES / 1024 / 1024), {
      field: 'csv',
      maxBytes: IMPORT_MAX_BYTES,
    });
  }
  const table = readCsv(csv);
  if (!table.ok) throw fileError(say.importUnreadable(table.message));
  const [header, ...rest] = table.rows;
  if (!header || isBlankRecord(header)) throw fileError(say.importEmpty);
  const records = rest
    .map((cells, index) => ({ row: index + 2, cells }))
    .filter((record) => !isBlankRecord(record.cells));
  if (records.length > IMPORT_MAX_ROWS) {
    throw new ApiError('PAYLOAD_TOO_LARGE', say.importTooManyRows(IMPORT_MAX_ROWS, records.length), {
      field: 'csv',
      maxRows: IMPORT_MAX_ROWS,
    });
  }
  return { header, records };
}

/** The column a service refusal belongs to, for a row error. */
const FIELD_OF_CODE: Partial<Record<string, ImportRowError['field']>> = {
  USER_ALREADY_EXISTS: 'userPrincipalName',
  GROUP_NOT_FOUND: 'groups',
  LAST_ADMIN: 'role',
  CANNOT_REMOVE_SELF: 'accountEnabled',
};

async function applyRow(
  deps: ServiceDeps,
  actor: Actor,
  planned: PlannedRow,
  language: ErrorLanguage,
): Promise<{ result: ImportRowResult; person?: BadgePerson }> {
  const base = { row: planned.row, userPrincipalName: planned.userPrincipalName };
  try {
    switch (planned.action) {
      case 'error':
        return { result: { ...base, action: 'error', errors: planned.errors } };
      case 'create': {
        const user = await createUser(deps, actor, planned.input);
        const warnings = planned.warnings && { warnings: planned.warnings };
        return { result: { ...base, action: 'create', errors: [], ...warnings }, person: user };
      }
      case 'update': {
        const user = await updateUser(deps, actor, planned.userId, planned.patch);
        return { result: { ...base, action: 'update', errors: [] }, person: user };
      }
      case 'unchanged': {
        const user = await deps.repos.users.findById(planned.userId);
        if (!user) throw new ApiError('NOT_FOUND', say.personDeletedDuringImport);
        return { result: { ...base, action: 'unchanged', errors: [] }, person: user };
      }
    }
  } catch (error) {
    // Another request changed the directory between planning and writing: this row fails, the rest go on.
    if (!(error instanceof ApiError)) throw error;
    const field = FIELD_OF_CODE[error.code] ?? 'row';
    return {
      result: {
        ...base,
        action: 'error',
        errors: [{ field, message: errorBodyIn(error, language).error.message }],
      },
    };
  }
}

function summarize(rows: ImportRowResult[]): ImportResult['summary'] {
  const count = (action: ImportRowResult['action']) => rows.filter((r) => r.action === action).length;
  return {
    created: count('create'),
    updated: count('update'),
    unchanged: count('unchanged'),
    failed: count('error'),
  };
}

export async function importUsers(
  deps: ServiceDeps,
  actor: Actor,
  input: ImportInput,
  language: ErrorLanguage = 'en',
): Promise<ImportResult> {
  const { header, records } = readFile(input.csv);
  const mapping = mapColumns(header, IMPORT_COLUMNS, ['userPrincipalName'], IMPORT_COLUMN_ALIASES);
  if (!mapping.ok) throw fileError(say.importHeader(mapping.message));

  const upnColumn = mapping.columns.userPrincipalName!;
  const upns = records
    .map((r) => normalizeText(r.cells[upnColumn]?.trim() ?? ''))
    .filter((upn) => upn !== '');
  const users = await deps.repos.users.findManyByPrincipalNames(upns);
  const groupIds = await deps.repos.users.groupIdsOfMany(users.map((u) => u.id));
  const existing = new Map(
    users.map((u) => [u.userPrincipalName.toLowerCase(), toUserView(u, groupIds.get(u.id) ?? [])]),
  );
  const groups = new GroupIndex(await deps.repos.groups.listAllNames());
  const plan = planImport(records, mapping.columns, header.length, {
    existing,
    groups,
    actorUserId: actor.userId,
    lookalikes: new LookalikeIndex(await deps.repos.users.listSignInNames()),
    language,
  });

  if (input.dryRun) {
    const rows = plan.map(({ row, userPrincipalName, action, ...rest }) => ({
      row,
      userPrincipalName,
      action,
      errors: 'errors' in rest ? rest.errors : [],
      ...('warnings' in rest && rest.warnings && { warnings: rest.warnings }),
    }));
    return {
      dryRun: true,
      summary: summarize(rows),
      rows,
      ignoredColumns: mapping.ignored,
      columnHeaders: mapping.headers,
    };
  }

  // One person at a time: each is one atomic write, and the order of the audit log follows the file.
  const rows: ImportRowResult[] = [];
  const people: BadgePerson[] = [];
  for (const planned of plan) {
    const { result, person } = await applyRow(deps, actor, planned, language);
    rows.push(result);
    if (person) {
      people.push({
        id: person.id,
        userPrincipalName: person.userPrincipalName,
        displayName: person.displayName,
      });
    }
  }
  let issued: IssuedBadges | undefined;
  if (input.issueBadges) issued = await issueStandardBadges(deps, actor, people, { replace: false });

  const summary = summarize(rows);
  await recordAudit(
    deps,
    actor,
    'users.imported',
    { type: 'import', id: newId() },
    {
      rows: rows.length,
      ...summary,
      ignoredColumns: mapping.ignored,
      ...(issued && {
        badgesIssued: issued.badges.length,
        badgesAlreadyPresent: issued.alreadyHadBadge,
        badgesRefused: issued.failures.length,
        badgesRemaining: issued.remaining,
      }),
    },
  );
  return {
    dryRun: false,
    summary,
    rows,
    ignoredColumns: mapping.ignored,
    columnHeaders: mapping.headers,
    ...(issued && {
      badges: issued.badges,
      badgeFailures: issued.failures,
      badgesRemaining: issued.remaining,
    }),
  };
}
