/**
 * How a Shiftpass person and a SCIM User (RFC 7643 §4.1, with the enterprise extension) map onto
 * each other, and the leniencies a real provisioning client needs (Microsoft Entra's): booleans
 * sent as "True"/"False", capitalised PATCH ops. Pure: no HTTP, no database.
 *
 *   userName                      ↔ userPrincipalName
 *   displayName                   ↔ displayName (from name.givenName + familyName when absent)
 *   name.givenName / familyName   ↔ kept as sent; derived from displayName when never sent
 *   externalId                    ↔ externalId
 *   active                        ↔ accountEnabled (false: offboarded)
 *   emails (type work)            ↔ email
 *   enterprise employeeNumber     ↔ employeeId
 *   roles[].value                 ↔ role (worker, manager, admin)
 */
import { ROLES, type Role } from './roles.js';

export const CORE_USER_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:User';
export const ENTERPRISE_USER_SCHEMA = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';

/** What SCIM shows of a person. */
export interface ScimPerson {
  id: string;
  userPrincipalName: string;
  displayName: string;
  employeeId: string | null;
  role: Role;
  accountEnabled: boolean;
  externalId: string | null;
  email: string | null;
  givenName: string | null;
  familyName: string | null;
  createdAt: Date;
  updatedAt: Date;
}

/** What a SCIM User asks a person to be; `undefined`: the client did not say (keep / default). */
export interface ScimUserInput {
  userPrincipalName: string;
  displayName: string;
  givenName: string | null;
  familyName: string | null;
  externalId: string | null;
  email: string | null;
  employeeId: string | null;
  role: Role | undefined;
  accountEnabled: boolean | undefined;
}

/** A SCIM input the mapping cannot accept: which SCIM attribute, and why (an invalidValue error). */
export class ScimValueError extends Error {
  constructor(
    readonly attribute: string,
    reason: string,
  ) {
    super(`${attribute}: ${reason}`);
    this.name = 'ScimValueError';
  }
}

type Json = Record<string, unknown>;

const isRecord = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A display name split for `name` when the client never sent one: first word, then the rest. */
export function derivedName(displayName: string): { givenName: string; familyName?: string } {
  const words = displayName.trim().split(/\s+/);
  const [givenName = displayName, ...rest] = words;
  return rest.length > 0 ? { givenName, familyName: rest.join(' ') } : { givenName };
}

/** The SCIM User of a person, without `meta.location` and `meta.version` (the HTTP layer adds them). */
export function scimUserOf(person: ScimPerson): Json {
  const name =
    person.givenName !== null || person.familyName !== null
      ? {
          ...(person.givenName !== null ? { givenName: person.givenName } : {}),
          ...(person.familyName !== null ? { familyName: person.familyName } : {}),
        }
      : derivedName(person.displayName);
  return {
    schemas: [CORE_USER_SCHEMA, ENTERPRISE_USER_SCHEMA],
    id: person.id,
    ...(person.externalId !== null ? { externalId: person.externalId } : {}),
    userName: person.userPrincipalName,
    name: { ...name, formatted: person.displayName },
    displayName: person.displayName,
    active: person.accountEnabled,
    ...(person.email !== null ? { emails: [{ value: person.email, type: 'work', primary: true }] } : {}),
    roles: [{ value: person.role, primary: true }],
    [ENTERPRISE_USER_SCHEMA]: person.employeeId !== null ? { employeeNumber: person.employeeId } : {},
    meta: {
      resourceType: 'User',
      created: person.createdAt.toISOString(),
      lastModified: person.updatedAt.toISOString(),
    },
  };
}

/**
 * A boolean as Entra may send it: true/false, or the strings "True"/"False" (any case). Anything
 * else: null.
 */
export function lenientBoolean(value: unknown): boolean | null {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'string') {
    const lowered = value.trim().toLowerCase();
    if (lowered === 'true') return true;
    if (lowered === 'false') return false;
  }
  return null;
}

/** The boolean attributes of a User (and its sub-attributes) Entra may send as strings. */
const BOOLEAN_NAMES = new Set(['active', 'primary']);

/** `value` with every `active`/`primary` inside it that is "True"/"False" made a boolean. */
function lenientBooleansIn(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(lenientBooleansIn);
  if (!isRecord(value)) return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, inner]) => {
      const last = key.split('.').pop()!.toLowerCase();
      const flag = BOOLEAN_NAMES.has(last) ? lenientBoolean(inner) : null;
      return [key, flag ?? lenientBooleansIn(inner)];
    }),
  );
}

/** A POST/PUT User with Entra's string booleans ("False", `primary: "True"`) as booleans. */
export const withLenientBooleansInUser = (body: Json): Json => lenientBooleansIn(body) as Json;

/**
 * A PATCH request with Entra's string booleans turned into booleans, so scimmy's typed schema takes
 * them: `{ path: "active", value: "False" }`, `{ value: { active: "False" } }` (no path), a `primary`
 * anywhere. Every other operation is left exactly as sent.
 */
export function withLenientBooleans(body: Json): Json {
  const operations = body.Operations;
  if (!Array.isArray(operations)) return body;
  return {
    ...body,
    Operations: operations.map((operation: unknown) => {
      if (!isRecord(operation) || operation.value === undefined) return operation;
      const { path, value } = operation;
      const last = typeof path === 'string' ? path.trim().split('.').pop()!.toLowerCase() : '';
      if (BOOLEAN_NAMES.has(last)) {
        const flag = lenientBoolean(value);
        if (flag !== null) return { ...operation, value: flag };
      }
      return { ...operation, value: lenientBooleansIn(value) };
    }),
  };
}

/** `emails[type eq "work"].value`: a multi-valued attribute, the type its filter selects, a sub-attribute. */
const TYPED_VALUE_PATH = /^([A-Za-z]+)\[\s*type\s+eq\s+"([^"]*)"\s*\]\.([A-Za-z]+)$/i;

/**
 * Entra sets a typed value the person does not have yet with `add` or `replace` on
 * `emails[type eq "work"].value`, where RFC 7644 §3.5.2 would find no target. Such an operation is
 * sent on as `add` of `emails: [{ type: "work", value }]`, which is what Entra means; one whose
 * filter does match is left as it is.
 */
export function withEntraTypedValues(body: Json, current: Json): Json {
  const operations = body.Operations;
  if (!Array.isArray(operations)) return body;
  return {
    ...body,
    Operations: operations.map((operation: unknown) => {
      if (!isRecord(operation) || typeof operation.path !== 'string' || typeof operation.op !== 'string') {
        return operation;
      }
      const op = operation.op.toLowerCase();
      const match = TYPED_VALUE_PATH.exec(operation.path.trim());
      if ((op !== 'add' && op !== 'replace') || !match) return operation;
      const [, attribute, type, sub] = match as unknown as [string, string, string, string];
      const key = Object.keys(current).find((name) => name.toLowerCase() === attribute.toLowerCase());
      const values = key ? current[key] : undefined;
      const hasType =
        Array.isArray(values) &&
        values.some(
          (each) =>
            isRecord(each) && typeof each.type === 'string' && each.type.toLowerCase() === type.toLowerCase(),
        );
      if (hasType) return operation;
      return { op: 'add', path: key ?? attribute, value: [{ type, [sub]: operation.value }] };
    }),
  };
}

/**
 * A person holds one role, so a PATCH that adds a role (`add` on `roles`, as Entra sends an app-role
 * assignment) means that role from now on: it is applied as a `replace`.
 */
export function withOneRole(body: Json): Json {
  const operations = body.Operations;
  if (!Array.isArray(operations)) return body;
  return {
    ...body,
    Operations: operations.map((operation: unknown) =>
      isRecord(operation) &&
      typeof operation.op === 'string' &&
      operation.op.toLowerCase() === 'add' &&
      typeof operation.path === 'string' &&
      operation.path.trim().toLowerCase() === 'roles'
        ? { ...operation, op: 'replace' }
        : operation,
    ),
  };
}

/**
 * Entra sends the enterprise extension's `manager` (a complex attribute, `{ value }`) as a bare id:
 * `{ path: "urn:…:User:manager", value: "<id>" }`, or inside a PATCH without a path. It is read as
 * `{ value: "<id>" }`. Shiftpass does not keep a manager, so the change is then simply accepted.
 */
export function withEntraManager(body: Json): Json {
  const operations = body.Operations;
  if (!Array.isArray(operations)) return body;
  const managerPath = `${ENTERPRISE_USER_SCHEMA}:manager`.toLowerCase();
  const wrapped = (value: unknown) => (typeof value === 'string' ? { value } : value);
  return {
    ...body,
    Operations: operations.map((operation: unknown) => {
      if (!isRecord(operation)) return operation;
      const { path, value } = operation;
      if (typeof path === 'string' && path.trim().toLowerCase() === managerPath) {
        return { ...operation, value: wrapped(value) };
      }
      if (path === undefined && isRecord(value)) {
        return {
          ...operation,
          value: Object.fromEntries(
            Object.entries(value).map(([key, inner]) => [
              key,
              key.toLowerCase() === managerPath ? wrapped(inner) : inner,
            ]),
          ),
        };
      }
      return operation;
    }),
  };
}

/**
 * The PATCH paths no client may change: the server's own attributes (RFC 7643 §3.1, readOnly) and
 * group membership, which is changed on the Group (RFC 7643 §4.1.2).
 */
export function readOnlyPathOf(path: string): string | null {
  const head = path
    .trim()
    .replace(/^urn:ietf:params:scim:schemas:core:2\.0:User:/i, '')
    .split(/[.[]/)[0]!
    .toLowerCase();
  return ['id', 'meta', 'schemas', 'groups'].includes(head) ? head : null;
}

const textOrNull = (value: unknown, attribute: string): string | null => {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string') throw new ScimValueError(attribute, 'must be a string');
  return value.trim() === '' ? null : value;
};

/** The work email of `emails`: the one typed work, else the primary, else the first. */
export function workEmailOf(emails: unknown): string | null {
  if (emails === undefined || emails === null) return null;
  if (!Array.isArray(emails)) throw new ScimValueError('emails', 'must be a list');
  const values = emails.filter(isRecord);
  const chosen =
    values.find((email) => typeof email.type === 'string' && email.type.toLowerCase() === 'work') ??
    values.find((email) => lenientBoolean(email.primary) === true) ??
    values[0];
  return chosen ? textOrNull(chosen.value, 'emails.value') : null;
}

/** The role `roles` names: one distinct value of worker, manager or admin; absent: not said. */
export function roleOf(roles: unknown): Role | undefined {
  if (roles === undefined || roles === null) return undefined;
  if (!Array.isArray(roles)) throw new ScimValueError('roles', 'must be a list');
  const values = new Set<string>();
  for (const role of roles) {
    const value = isRecord(role) ? role.value : role;
    if (typeof value !== 'string') throw new ScimValueError('roles', 'each role needs a value');
    values.add(value.trim().toLowerCase());
  }
  if (values.size === 0) return undefined;
  if (values.size > 1) throw new ScimValueError('roles', 'a person has one role: worker, manager or admin');
  const [value] = [...values];
  if (!(ROLES as readonly string[]).includes(value!)) {
    throw new ScimValueError('roles', 'the role must be worker, manager or admin');
  }
  return value as Role;
}

/**
 * What a whole SCIM User (a POST or PUT body, or a patched User) asks of a person. The values are
 * only shaped here; their text rules (lengths, invisible characters) are the people service's.
 */
export function scimUserInputOf(user: Json): ScimUserInput {
  const userName = user.userName;
  if (typeof userName !== 'string' || userName.trim() === '') {
    throw new ScimValueError('userName', 'is required');
  }
  const name = user.name === undefined || user.name === null ? {} : user.name;
  if (!isRecord(name)) throw new ScimValueError('name', 'must be an object');
  const givenName = textOrNull(name.givenName, 'name.givenName');
  const familyName = textOrNull(name.familyName, 'name.familyName');
  const fromParts = [givenName, familyName].filter((part) => part !== null).join(' ');
  const displayName = textOrNull(user.displayName, 'displayName') ?? (fromParts || userName);
  const enterprise = user[ENTERPRISE_USER_SCHEMA] ?? {};
  if (!isRecord(enterprise)) throw new ScimValueError(ENTERPRISE_USER_SCHEMA, 'must be an object');
  let accountEnabled: boolean | undefined;
  if (user.active !== undefined && user.active !== null) {
    const flag = lenientBoolean(user.active);
    if (flag === null) throw new ScimValueError('active', 'must be true or false');
    accountEnabled = flag;
  }
  return {
    userPrincipalName: userName,
    displayName,
    givenName,
    familyName,
    externalId: textOrNull(user.externalId, 'externalId'),
    email: workEmailOf(user.emails),
    employeeId: textOrNull(enterprise.employeeNumber, 'employeeNumber'),
    role: roleOf(user.roles),
    accountEnabled,
  };
}
