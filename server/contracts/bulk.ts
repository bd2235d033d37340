/** Request and response shapes of the bulk routes (CSV import of people, badge sheets), shared with src/. */
import { z } from 'zod';
import type { UserWarning } from './directory.js';

/** A file holds at most this many people; bigger ones are refused (413 PAYLOAD_TOO_LARGE), split them. */
export const IMPORT_MAX_ROWS = 5000;
/** …and at most this many bytes of CSV (UTF-8). */
export const IMPORT_MAX_BYTES = 2 * 1024 * 1024;

/**
 * Badges one request issues at most (import or store): each costs ~70 ms of CPU, and the answer that
 * carries them must arrive. Who still needs one is counted (`badgesRemaining`); running again issues
 * the next ones, since those done have a badge by then. Replacing is refused beyond it instead.
 */
export const BADGES_PER_RUN = 500;

/** The CSV columns an import reads (header names match case-insensitively, in any order). */
export const IMPORT_COLUMNS = [
  'userPrincipalName',
  'displayName',
  'employeeId',
  'role',
  'groups',
  'accountEnabled',
] as const;
export type ImportColumn = (typeof IMPORT_COLUMNS)[number];

/** Other header names a column may have: the console calls groups "stores". A file may use one of each. */
export const IMPORT_COLUMN_ALIASES: Readonly<Record<string, ImportColumn>> = { stores: 'groups' };

export const importUsersBody = z.strictObject({
  // Capped at IMPORT_MAX_BYTES of UTF-8 in the service (413); the route's body limit bounds it before.
  csv: z.string(),
  dryRun: z.boolean(),
  issueBadges: z.boolean().default(false),
});

export const groupBadgesBody = z.strictObject({
  replaceExisting: z.boolean().default(false),
  /** Only these members (a reprint of chosen people's labels); every member when absent. */
  userIds: z.array(z.string().min(1).max(64)).min(1).max(BADGES_PER_RUN).optional(),
});

/** `field` is a CSV column, or `row` for the row as a whole (e.g. more cells than the header has). */
export interface ImportRowError {
  field: ImportColumn | 'row';
  message: string;
}

export type ImportAction = 'create' | 'update' | 'unchanged' | 'error';

export interface ImportRowResult {
  /** The row number a spreadsheet shows: the header is row 1, the first person row 2. */
  row: number;
  userPrincipalName: string;
  action: ImportAction;
  errors: ImportRowError[];
  /** A new person whose sign-in name looks like someone else's, or like an earlier row's: only when there is one. */
  warnings?: UserWarning[];
}

/**
 * A badge as issued, in the one answer that carries it. `pin` is the new temporary PIN, or null when
 * the person kept the PIN they had (only the QR code is new).
 */
export interface IssuedBadgeView {
  userId: string;
  userPrincipalName: string;
  displayName: string;
  shortCode: string;
  image: { binaryValue: string; rawContent: string };
  expireDateTime: string;
  pin: string | null;
}

/** A person who got no badge because the issuing service refused (the reason in its words). */
export interface BadgeFailure {
  userId: string;
  displayName: string;
  message: string;
}

export interface ImportResult {
  dryRun: boolean;
  summary: { created: number; updated: number; unchanged: number; failed: number };
  rows: ImportRowResult[];
  /** Header columns that are not import columns; their cells were not read. */
  ignoredColumns: string[];
  /** Each read column's header as the file wrote it (`stores` for the groups column), for row errors. */
  columnHeaders: Partial<Record<ImportColumn, string>>;
  /** Only when `issueBadges` was asked for and the import was not a dry run; shown once, never stored. */
  badges?: IssuedBadgeView[];
  badgeFailures?: BadgeFailure[];
  /** People in the file still without a badge because this run issued BADGES_PER_RUN: run it again. */
  badgesRemaining?: number;
}

/**
 * What issuing would do for one member of a store (GET /api/admin/groups/{id}/badges):
 * - `newBadgeAndPin`: no badge or PIN yet: a badge and a temporary PIN;
 * - `newBadge`: a PIN but no working badge: a badge, the PIN stays;
 * - `hasBadge`: a working badge until `expireDateTime`: left alone, or replaced by a reprint (PIN stays);
 * - `notAllowed`: the caller may not issue theirs (a manager, for someone who is not a worker).
 */
export type GroupBadgeStatus = 'newBadgeAndPin' | 'newBadge' | 'hasBadge' | 'notAllowed';

export interface GroupBadgePreviewPerson {
  userId: string;
  displayName: string;
  userPrincipalName: string;
  status: GroupBadgeStatus;
  /** The working badge's end, for `hasBadge` (null when it never ends). */
  expireDateTime: string | null;
}

export interface GroupBadgesPreview {
  group: { id: string; displayName: string };
  people: GroupBadgePreviewPerson[];
}

export interface GroupBadgesResult {
  summary: {
    /** Badges in `badges`. */
    issued: number;
    /** Members who already had an unexpired standard badge (left alone unless replaceExisting). */
    alreadyHadBadge: number;
    /** Members the caller may not issue for (a manager: members who are not workers), or who failed. */
    skipped: number;
    /** Members still without a badge because this run issued BADGES_PER_RUN: run it again. */
    remaining: number;
  };
  badges: IssuedBadgeView[];
  badgeFailures: BadgeFailure[];
}
