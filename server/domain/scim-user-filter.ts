/**
 * SCIM filters on Users (RFC 7644 §3.4.2.2), after scimmy has parsed them: checked against the User
 * schema, put in one canonical form, and — for the filters provisioning clients send for every
 * person (`userName eq "x"`, `externalId eq "x"`) — turned into a plan the repository runs as an
 * indexed SQL query. Anything else is matched by scimmy over a bounded set of people.
 *
 * scimmy parses a filter into OR-ed terms, each an AND of `attribute: condition`, a condition being
 * `[op, value]`, `["not", op, value]`, a list of conditions (AND on one attribute), or an object of
 * sub-attributes (`emails: { value: [op, value] }`). Its matcher compares names and text exactly,
 * while SCIM compares attribute names without case, and the text of `caseExact: false` attributes
 * too; `canonicalFilter` fixes both: names as the schema spells them, caseless text lowercased (the
 * people are matched in the same lowercased form, `caselessView`).
 */
import { ENTERPRISE_USER_SCHEMA } from './scim-users.js';

export type FilterTerm = Record<string, unknown>;

/** What the schema says of an attribute: its own spelling, whether complex, whether case matters. */
export interface AttributeFacts {
  name: string;
  complex: boolean;
  caseExact: boolean;
  type: string;
}

/** Looks an attribute path up in the User schema (with extensions); null: no such attribute. */
export type AttributeLookup = (path: string) => AttributeFacts | null;

/** A filter scimmy parsed but the schema refuses (an invalidFilter error). */
export class FilterError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FilterError';
  }
}

const COMPARATORS = new Set(['eq', 'ne', 'co', 'sw', 'ew', 'gt', 'lt', 'ge', 'le', 'pr', 'np']);
const NO_VALUE = new Set(['pr', 'np']);

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** One condition checked and, for caseless text, lowercased: `[op, value]` or `["not", op, value]`. */
function canonicalCondition(condition: unknown, facts: AttributeFacts, path: string): unknown[] {
  if (!Array.isArray(condition) || condition.length === 0) {
    throw new FilterError(`The condition on ${path} could not be read.`);
  }
  if (Array.isArray(condition[0])) {
    return condition.map((each) => canonicalCondition(each, facts, path));
  }
  const negated = condition[0] === 'not';
  const [op, ...rest] = negated ? condition.slice(1) : condition;
  if (typeof op !== 'string' || !COMPARATORS.has(op.toLowerCase())) {
    throw new FilterError(`Unknown comparison on ${path}.`);
  }
  const comparator = op.toLowerCase();
  if (NO_VALUE.has(comparator)) return negated ? ['not', comparator] : [comparator];
  if (rest.length !== 1) throw new FilterError(`The comparison "${comparator}" on ${path} needs a value.`);
  let [value] = rest;
  if (facts.complex) throw new FilterError(`${path} has sub-attributes; filter on one of them.`);
  if (typeof value === 'string' && !facts.caseExact) value = value.toLowerCase();
  return negated ? ['not', comparator, value] : [comparator, value];
}

/** The enterprise extension's attributes, spelled `urn:…:User:employeeNumber`, nest under its URN. */
function splitExtension(key: string): [string, string] | null {
  const prefix = `${ENTERPRISE_USER_SCHEMA}:`;
  return key.toLowerCase().startsWith(prefix.toLowerCase())
    ? [ENTERPRISE_USER_SCHEMA, key.slice(prefix.length)]
    : null;
}

/**
 * The filter with every attribute spelled as the schema spells it, `emails eq "x"` read as
 * `emails.value eq "x"` (RFC 7644 §3.4.2.2: a complex attribute compares its `value`), caseless text
 * lowercased. Unknown attributes and malformed conditions: FilterError.
 */
export function canonicalFilter(terms: readonly FilterTerm[], lookup: AttributeLookup): FilterTerm[] {
  return terms.map((term) => {
    if (!isRecord(term)) throw new FilterError('The filter could not be read.');
    const canonical: FilterTerm = {};
    const put = (key: string, value: unknown) => {
      const existing = canonical[key];
      if (isRecord(existing) && isRecord(value)) canonical[key] = { ...existing, ...value };
      else if (existing !== undefined)
        throw new FilterError(`${key} is named twice in one part of the filter.`);
      else canonical[key] = value;
    };
    for (const [key, condition] of Object.entries(term)) {
      const extension = splitExtension(key);
      if (extension) {
        const [urn, sub] = extension;
        const facts = lookup(`${urn}:${sub}`);
        if (!facts) throw new FilterError(`Unknown attribute ${key}.`);
        put(urn, { [facts.name]: canonicalCondition(condition, facts, key) });
        continue;
      }
      const facts = lookup(key);
      if (!facts) throw new FilterError(`Unknown attribute ${key}.`);
      if (isRecord(condition)) {
        if (!facts.complex) throw new FilterError(`${facts.name} has no sub-attributes.`);
        const subs: FilterTerm = {};
        for (const [subKey, subCondition] of Object.entries(condition)) {
          const subFacts = lookup(`${facts.name}.${subKey}`);
          if (!subFacts) throw new FilterError(`Unknown attribute ${facts.name}.${subKey}.`);
          subs[subFacts.name] = canonicalCondition(subCondition, subFacts, `${facts.name}.${subFacts.name}`);
        }
        put(facts.name, subs);
      } else if (facts.complex) {
        const valueFacts = lookup(`${facts.name}.value`);
        if (!valueFacts) throw new FilterError(`${facts.name} has sub-attributes; filter on one of them.`);
        put(facts.name, { value: canonicalCondition(condition, valueFacts, `${facts.name}.value`) });
      } else {
        put(facts.name, canonicalCondition(condition, facts, facts.name));
      }
    }
    return canonical;
  });
}

/** The columns a plan may compare; caseless ones are compared lowercased. */
export type PlanColumn =
  'id' | 'userPrincipalName' | 'externalId' | 'displayName' | 'email' | 'employeeId' | 'accountEnabled';

export interface PlanCondition {
  column: PlanColumn;
  op: 'eq' | 'co' | 'sw';
  /** Already lowercased for a caseless column. */
  value: string | boolean;
  caseless: boolean;
}

/** OR of ANDs, as the filter was; run as SQL. */
export type SqlPlan = PlanCondition[][];

const TEXT_COLUMNS: Record<string, { column: PlanColumn; caseless: boolean; ops: readonly string[] }> = {
  id: { column: 'id', caseless: false, ops: ['eq'] },
  userName: { column: 'userPrincipalName', caseless: true, ops: ['eq', 'co', 'sw'] },
  externalId: { column: 'externalId', caseless: false, ops: ['eq', 'co', 'sw'] },
  displayName: { column: 'displayName', caseless: true, ops: ['eq', 'co', 'sw'] },
};

function plannedConditions(
  condition: unknown,
  target: { column: PlanColumn; caseless: boolean; ops: readonly string[] },
): PlanCondition[] | null {
  if (!Array.isArray(condition)) return null;
  if (Array.isArray(condition[0])) {
    const all = condition.map((each) => plannedConditions(each, target));
    return all.every((each) => each !== null) ? all.flat() : null;
  }
  const [op, value] = condition as [string, unknown];
  if (!target.ops.includes(op) || typeof value !== 'string') return null;
  return [{ column: target.column, op: op as PlanCondition['op'], value, caseless: target.caseless }];
}

/**
 * The SQL plan of a canonical filter, or null when some part of it is not one of the common simple
 * cases (then scimmy matches it). Simple: `eq`/`co`/`sw` on text (id: `eq` only), `active eq
 * true|false`, `emails.value` alone, `employeeNumber eq`, joined by `and`/`or`; no `not`.
 */
export function sqlPlanOf(terms: readonly FilterTerm[]): SqlPlan | null {
  const plan: SqlPlan = [];
  for (const term of terms) {
    const conditions: PlanCondition[] = [];
    for (const [key, condition] of Object.entries(term)) {
      let planned: PlanCondition[] | null = null;
      const text = TEXT_COLUMNS[key];
      if (text) {
        planned = plannedConditions(condition, text);
      } else if (key === 'active') {
        const [op, value] = Array.isArray(condition) ? condition : [];
        planned =
          op === 'eq' && typeof value === 'boolean'
            ? [{ column: 'accountEnabled', op: 'eq', value, caseless: false }]
            : null;
      } else if (key === 'emails' && isRecord(condition) && Object.keys(condition).join() === 'value') {
        planned = plannedConditions(condition.value, {
          column: 'email',
          caseless: true,
          ops: ['eq', 'co', 'sw'],
        });
      } else if (
        key === ENTERPRISE_USER_SCHEMA &&
        isRecord(condition) &&
        Object.keys(condition).join() === 'employeeNumber'
      ) {
        planned = plannedConditions(condition.employeeNumber, {
          column: 'employeeId',
          caseless: true,
          ops: ['eq'],
        });
      }
      if (!planned) return null;
      conditions.push(...planned);
    }
    plan.push(conditions);
  }
  return plan;
}

/**
 * A SCIM User as scimmy's matcher should see it: caseless text lowercased (everything but the
 * caseExact attributes `id` and `externalId`, and `meta`), to go with `canonicalFilter`'s values.
 */
export function caselessView(user: Record<string, unknown>): Record<string, unknown> {
  const lower = (value: unknown): unknown => {
    if (typeof value === 'string') return value.toLowerCase();
    if (Array.isArray(value)) return value.map(lower);
    if (isRecord(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, lower(v)]));
    return value;
  };
  return Object.fromEntries(
    Object.entries(user).map(([key, value]) =>
      key === 'id' || key === 'externalId' || key === 'meta' || key === 'schemas'
        ? [key, value]
        : [key, lower(value)],
    ),
  );
}
