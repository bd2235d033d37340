/**
 * SCIM filters on Groups (RFC 7644 §3.4.2.2), after scimmy has parsed them and scim-user-filter.ts's
 * `canonicalFilter` has checked them against the Group schema. The stores a filter can select are
 * narrowed first by an indexed lookup: each OR-ed term is an AND, so any one of its `id eq`,
 * `externalId eq` or `displayName eq` conditions names a superset of what the term selects (the
 * filter a provisioning client sends for every group is exactly one of those). scimmy's matcher then
 * settles the exact answer over those few stores. A term with none of them: every store is matched.
 */
import type { FilterTerm } from './scim-user-filter.js';

/** One indexed lookup: stores whose column equals the value (displayName: caseless, ASCII only). */
export interface GroupLookup {
  column: 'id' | 'externalId' | 'displayName';
  value: string;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The value of a plain `[eq, "x"]` condition; null for anything else (`not`, other ops, lists). */
function equalTo(condition: unknown): string | null {
  if (!Array.isArray(condition) || condition.length !== 2) return null;
  const [op, value] = condition as [unknown, unknown];
  return op === 'eq' && typeof value === 'string' ? value : null;
}

// SQLite's lower() folds ASCII letters only: a caseless lookup by name is exact for ASCII names.
const ASCII = /^[\x20-\x7e]*$/;

function lookupOf(term: FilterTerm): GroupLookup | null {
  const id = equalTo(term.id);
  if (id !== null) return { column: 'id', value: id };
  const externalId = equalTo(term.externalId);
  if (externalId !== null) return { column: 'externalId', value: externalId };
  const displayName = equalTo(term.displayName);
  if (displayName !== null && ASCII.test(displayName)) return { column: 'displayName', value: displayName };
  return null;
}

/** One lookup per OR-ed term, or null when some term has none (then every store is a candidate). */
export function groupLookupsOf(terms: readonly FilterTerm[]): GroupLookup[] | null {
  const lookups: GroupLookup[] = [];
  for (const term of terms) {
    const lookup = isRecord(term) ? lookupOf(term) : null;
    if (!lookup) return null;
    lookups.push(lookup);
  }
  return lookups;
}
