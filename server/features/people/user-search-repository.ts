/**
 * Listing users in the console's order — lower(displayName), then id — one keyset page at a time,
 * fast at 100 000+ users without OFFSET. Each request takes one of three plans:
 *
 * - walk (no search, no small group): read users_display_name_nocase_idx onwards from the cursor.
 * - members (a group, or a manager's groups, with fewer than `probeLimit` members, counted by a
 *   bounded probe): fetch those members through the membership key and sort them.
 * - search (a prefix, and no small group): four queries merged by sort key. Display-name matches
 *   are one contiguous range of the name index, read in order and cut at the page size. Names that
 *   match only once case and accents are folded ("nunez" → "Núñez", server/domain/search-fold.ts)
 *   come through users_folded_name_idx, which holds only the names lower() does not fold fully.
 *   Users matched only by userPrincipalName or employeeId come through those columns' indexes.
 *   Both are sorted; their count bounds the cost (every user sharing the prefix is the worst case).
 *   Names are compared in folded form: the search is folded, so "José" also finds "Jose".
 *   A search also finds any later word of the name ("silva" → "Ana Silva", "nunez" → "Iván Núñez").
 *   No index can hold every word without a migration, so that fourth query walks the name index in
 *   order and stops at a page of matches: cheap when the word is common, one pass over the names
 *   (never the whole table's rows first, then a sort) when it is rare. The whole-name prefix, the
 *   usual search, keeps its index ranges.
 *
 * A walk is cheap only when matches are common right after the cursor, which no probe can promise
 * for a search (names starting with "m" sit in the middle of the index), hence no walk for one.
 * Unary `+` keeps SQLite off an index where the plan must not use it (SQLite's documented hint).
 */
import { and, eq, inArray, not, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { groupMembers, users } from '../../db/schema.js';
import { foldForSearch } from '../../domain/search-fold.js';
import type { UserRow } from './users-repository.js';

/** Groups this small are sorted in full; larger ones are dense enough to walk. */
const USER_LIST_PROBE_LIMIT = 5000;

/** Sorts after any character a name holds, so [p, p + END) is "starts with p". */
const END = '\u{10FFFF}';
/** employee_id's index is case-sensitive; a case-insensitive prefix becomes ≤ 2^4 ranges on it. */
const MAX_CASED_LETTERS = 4;

export interface UserListOptions {
  /** Case- and accent-insensitive prefix of displayName or of any word of it, or prefix of userPrincipalName or employeeId. */
  search?: string;
  /** Only members of this group. */
  groupId?: string;
  /** A manager's view: only users with this role who share one of these groups. */
  scope?: { groupIds: string[]; role: UserRow['role'] };
  /** The sort key of the last row of the previous page. */
  after?: { sortName: string; id: string };
  limit: number;
  /** Group size up to which members are sorted rather than walked (tests vary it). */
  probeLimit?: number;
}

export interface UserListRow {
  user: UserRow;
  /** lower(displayName) as SQLite computes it: the cursor must compare in SQLite's terms. */
  sortName: string;
}

type Plan = { kind: 'walk' } | { kind: 'search' } | { kind: 'members'; driver: 'group' | 'scope' };

const sortName = sql<string>`lower(${users.displayName})`;

/** `+expr` is the same value, but SQLite will not use an index for it. */
const indexedIf = (expression: SQL | typeof users.id, indexed: boolean): SQL =>
  indexed ? sql`${expression}` : sql`+${expression}`;

/** The prefix's spellings differing in the case of its first letters: "e-1a" → E-1A, E-1a, e-1A, e-1a. */
function caseSpellings(prefix: string, maxLetters = MAX_CASED_LETTERS): string[] {
  let spellings = [''];
  let letters = 0;
  for (const ch of prefix) {
    if (/^[A-Za-z]$/.test(ch)) {
      if (letters === maxLetters) break;
      letters += 1;
      spellings = spellings.flatMap((s) => [s + ch.toUpperCase(), s + ch.toLowerCase()]);
    } else {
      spellings = spellings.map((s) => s + ch);
    }
  }
  return spellings;
}

const startsWith = (expression: SQL, prefix: string): SQL =>
  sql`(${expression} >= lower(${prefix}) AND ${expression} < lower(${prefix}) || ${END})`;

const nameStartsWith = (prefix: string, indexed: boolean) => startsWith(indexedIf(sortName, indexed), prefix);

/** The folded name (stored only where lower() does not fold it fully) starts with the folded prefix. */
const foldedNameStartsWith = (folded: string): SQL =>
  sql`(${users.foldedName} >= ${folded} AND ${users.foldedName} < ${folded + END})`;

/** The name folded as a search is: folded_name where lower() does not fold it fully, else lower(). */
const foldedName = sql`coalesce(${users.foldedName}, lower(${users.displayName}))`;

/**
 * A word of the name after its first starts with the folded search: the word follows a space or a
 * hyphen ("Silva" in "Ana Silva", "Lopes" in "Ana Silva-Lopes"). instr() is literal, so no
 * character of the search acts as a wildcard.
 */
const laterWordStartsWith = (folded: string): SQL =>
  sql`(instr(${foldedName}, ${' ' + folded}) > 0 OR instr(${foldedName}, ${'-' + folded}) > 0)`;

/** userPrincipalName or employeeId starts with the prefix. */
function otherFieldStartsWith(prefix: string, indexed: boolean): SQL {
  const upn = startsWith(indexedIf(sql`lower(${users.userPrincipalName})`, indexed), prefix);
  const employeeId = startsWith(sql`lower(${users.employeeId})`, prefix);
  const employeeIdBranches = indexed
    ? caseSpellings(prefix).map(
        (s) => sql`(${users.employeeId} >= ${s} AND ${users.employeeId} < ${s + END} AND ${employeeId})`,
      )
    : [employeeId];
  return sql`(${sql.join([upn, ...employeeIdBranches], sql` OR `)})`;
}

const membersOf = (groupIds: string[]) =>
  sql`SELECT ${groupMembers.userId} FROM ${groupMembers} WHERE ${inArray(groupMembers.groupId, groupIds)}`;

const memberOf = (groupIds: string[], indexed: boolean): SQL =>
  sql`${indexedIf(users.id, indexed)} IN (${membersOf(groupIds)})`;

function afterCondition(after: { sortName: string; id: string }, indexed: boolean): SQL {
  const name = indexedIf(sortName, indexed);
  // Spelled out rather than a row value: SQLite only turns this form into an index range.
  return sql`(${name} >= ${after.sortName} AND (${name} > ${after.sortName} OR ${users.id} > ${after.id}))`;
}

async function countUpTo(db: Db, subquery: SQL, limit: number): Promise<number> {
  const [row] = await db.all<{ n: number }>(sql`SELECT count(*) AS n FROM (${subquery} LIMIT ${limit})`);
  return Number(row?.n ?? 0);
}

async function choosePlan(db: Db, options: UserListOptions): Promise<Plan> {
  const probeLimit = options.probeLimit ?? USER_LIST_PROBE_LIMIT;
  const drivers: ['group' | 'scope', string[] | undefined][] = [
    ['group', options.groupId === undefined ? undefined : [options.groupId]],
    ['scope', options.scope?.groupIds],
  ];
  let best: { driver: 'group' | 'scope'; size: number } | undefined;
  for (const [driver, groupIds] of drivers) {
    if (!groupIds) continue;
    const size = await countUpTo(db, membersOf(groupIds), probeLimit);
    if (size < probeLimit && (!best || size < best.size)) best = { driver, size };
  }
  if (best) return { kind: 'members', driver: best.driver };
  return options.search ? { kind: 'search' } : { kind: 'walk' };
}

/** SQLite's BINARY collation: UTF-8 bytes, which JavaScript's UTF-16 comparison does not always match. */
const compareBytes = (a: string, b: string) => Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
const compareRows = (a: UserListRow, b: UserListRow) =>
  compareBytes(a.sortName, b.sortName) || compareBytes(a.user.id, b.user.id);

export async function listUsers(db: Db, options: UserListOptions): Promise<UserListRow[]> {
  if (options.scope && options.scope.groupIds.length === 0) return [];
  const plan = await choosePlan(db, options);
  const drivenBy = (driver: 'group' | 'scope') => plan.kind === 'members' && plan.driver === driver;
  const filters: SQL[] = [];
  if (options.groupId) filters.push(memberOf([options.groupId], drivenBy('group')));
  if (options.scope) {
    filters.push(eq(users.role, options.scope.role), memberOf(options.scope.groupIds, drivenBy('scope')));
  }
  /** `inNameOrder`: read the name index from the cursor; otherwise sort whatever the conditions select. */
  const page = (conditions: SQL[], inNameOrder: boolean) =>
    db
      .select({ user: users, sortName })
      .from(users)
      .where(
        and(
          ...filters,
          ...(options.after ? [afterCondition(options.after, inNameOrder)] : []),
          ...conditions,
        ),
      )
      .orderBy(indexedIf(sortName, inNameOrder), users.id)
      .limit(options.limit);

  const folded = options.search === undefined ? undefined : foldForSearch(options.search);
  if (plan.kind !== 'search' || !options.search || !folded) {
    const search =
      options.search && folded !== undefined
        ? [
            sql`(${nameStartsWith(folded, false)} OR ${foldedNameStartsWith(folded)} OR ${laterWordStartsWith(folded)} OR ${otherFieldStartsWith(options.search, false)})`,
          ]
        : [];
    return page(search, plan.kind === 'walk');
  }
  const byName = await page([nameStartsWith(folded, true)], true);
  const byFoldedName = await page([foldedNameStartsWith(folded), not(nameStartsWith(folded, false))], false);
  const notWholeNamePrefix = [
    not(nameStartsWith(folded, false)),
    sql`NOT coalesce(${foldedNameStartsWith(folded)}, 0)`,
  ];
  const byOtherField = await page([otherFieldStartsWith(options.search, true), ...notWholeNamePrefix], false);
  // In name order through the name index: stops after a page of matches.
  // Someone found by both a later word and another field comes once.
  const byLaterWord = await page([laterWordStartsWith(folded), ...notWholeNamePrefix], true);
  const seen = new Set<string>();
  return [...byName, ...byFoldedName, ...byOtherField, ...byLaterWord]
    .filter((row) => !seen.has(row.user.id) && Boolean(seen.add(row.user.id)))
    .sort(compareRows)
    .slice(0, options.limit);
}
