/**
 * How a Shiftpass store and a SCIM Group (RFC 7643 §4.2) map onto each other. Pure: no HTTP, no
 * database.
 *
 *   displayName      ↔ the store's name
 *   externalId       ↔ groups.external_id (the provisioning client's own id, e.g. Entra's objectId)
 *   members[].value  ↔ a store membership: the person's Shiftpass id (their SCIM User id)
 *   members[].display, $ref, type: answered, never read (the id alone names the person)
 *
 * A store's members as SCIM sees them are its people SCIM can see (not deleted by a SCIM client).
 */
export const CORE_GROUP_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:Group';

/** What SCIM shows of a store. */
export interface ScimStore {
  id: string;
  displayName: string;
  externalId: string | null;
  createdAt: Date;
  /** Its people SCIM can see, by name. */
  members: { id: string; displayName: string }[];
}

/** What a SCIM Group asks a store to be; `memberIds` undefined: members not said (kept). */
export interface ScimGroupInput {
  displayName: string;
  externalId: string | null;
  memberIds: string[] | undefined;
}

/** A SCIM input the mapping cannot accept: which attribute, and why (an invalidValue error). */
export class ScimGroupValueError extends Error {
  constructor(
    readonly attribute: string,
    reason: string,
  ) {
    super(`${attribute}: ${reason}`);
    this.name = 'ScimGroupValueError';
  }
}

type Json = Record<string, unknown>;

const isRecord = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The SCIM Group of a store, without `meta.location`, `meta.version` and the members' `$ref` (the
 * HTTP layer adds them: they name this server's address). No `meta.lastModified`: a store keeps no
 * time of its last change.
 */
export function scimGroupOf(store: ScimStore): Json {
  return {
    schemas: [CORE_GROUP_SCHEMA],
    id: store.id,
    ...(store.externalId !== null ? { externalId: store.externalId } : {}),
    displayName: store.displayName,
    members: store.members.map((member) => ({ value: member.id, display: member.displayName, type: 'User' })),
    meta: { resourceType: 'Group', created: store.createdAt.toISOString() },
  };
}

/**
 * What a whole SCIM Group (a POST or PUT body read through scimmy's Group schema, or a patched
 * Group) asks of a store. Only shaped here: the text rules of the name and externalId are the
 * service's, and so is whether each member id names a person.
 */
export function scimGroupInputOf(group: Json): ScimGroupInput {
  const { displayName, externalId, members } = group;
  if (typeof displayName !== 'string') throw new ScimGroupValueError('displayName', 'is required');
  let external: string | null = null;
  if (externalId !== undefined && externalId !== null) {
    if (typeof externalId !== 'string') throw new ScimGroupValueError('externalId', 'must be a string');
    external = externalId.trim() === '' ? null : externalId;
  }
  return { displayName, externalId: external, memberIds: memberIdsOf(members) };
}

/** The distinct member ids of `members`, in the order given; absent: undefined (not said). */
export function memberIdsOf(members: unknown): string[] | undefined {
  if (members === undefined) return undefined;
  if (members === null) return [];
  if (!Array.isArray(members)) throw new ScimGroupValueError('members', 'must be a list');
  const ids: string[] = [];
  for (const member of members) {
    const value = isRecord(member) ? member.value : undefined;
    if (typeof value !== 'string' || value.trim() === '' || value.length > 64) {
      throw new ScimGroupValueError('members', 'each member needs a value: the id of a User');
    }
    if (member.type !== undefined && member.type !== null && String(member.type).toLowerCase() !== 'user') {
      throw new ScimGroupValueError('members', 'a store holds people (type User), not other groups');
    }
    if (!ids.includes(value)) ids.push(value);
  }
  return ids;
}

/** Who joins and who leaves when a store's members become `wanted`. */
export function memberChanges(
  current: readonly string[],
  wanted: readonly string[],
): { added: string[]; removed: string[] } {
  const now = new Set(current);
  const next = new Set(wanted);
  return {
    added: wanted.filter((id) => !now.has(id)),
    removed: current.filter((id) => !next.has(id)),
  };
}

/**
 * The PATCH paths no client may change on a Group: the server's own attributes (RFC 7643 §3.1).
 * Null: the path may be patched.
 */
export function readOnlyGroupPathOf(path: string): string | null {
  const head = path
    .trim()
    .replace(/^urn:ietf:params:scim:schemas:core:2\.0:Group:/i, '')
    .split(/[.[]/)[0]!
    .toLowerCase();
  return ['id', 'meta', 'schemas'].includes(head) ? head : null;
}

/**
 * Entra's member values carry `"$ref": null`; scimmy reads a null `$ref` as a value to match, so a
 * Remove with it would match nobody. The PATCH with null `$ref`s of members left out, otherwise as sent.
 */
export function withoutNullMemberRefs(body: Json): Json {
  const operations = body.Operations;
  if (!Array.isArray(operations)) return body;
  const clean = (value: unknown): unknown =>
    isRecord(value) && value.$ref === null
      ? Object.fromEntries(Object.entries(value).filter(([k]) => k !== '$ref'))
      : value;
  return {
    ...body,
    Operations: operations.map((operation: unknown) => {
      if (!isRecord(operation)) return operation;
      const { value } = operation;
      if (Array.isArray(value)) return { ...operation, value: value.map(clean) };
      if (isRecord(value) && Array.isArray(value.members)) {
        return { ...operation, value: { ...value, members: value.members.map(clean) } };
      }
      return { ...operation, value: clean(value) };
    }),
  };
}
