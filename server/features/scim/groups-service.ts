/**
 * SCIM Groups are stores (RFC 7644 §3; the mapping: domain/scim-groups.ts): list with filters and
 * pages, read, create, replace (PUT), PATCH (Microsoft Entra's member Add/Remove forms included) and
 * DELETE. A store is created, renamed and deleted through the stores service (features/people/
 * groups.ts: its name rules, its refusal to delete a store a policy names, its audit); the
 * externalId and the members are written beside it (groups-repository.ts) and audited too.
 *
 * Every change is checked whole before anything is written: the name, the externalId's uniqueness,
 * each member (a person SCIM can see: 400 invalidValue otherwise) and who may change an admin's
 * stores (the `scim.admins` scope, as for Users). The members then change in one atomic batch,
 * audited once as `group.membersChanged` with who joined and who left.
 *
 * DELETE of a store that still has people SCIM can see is refused (409): a store is a place with
 * kiosks and managers, and deleting it would silently take every one of its people out of it. The
 * client removes the members first (or an admin deletes the store in the console).
 */
import SCIMMY from 'scimmy';
import { z } from 'zod';
import { createGroupBody, patchGroupBody } from '../../contracts/directory.js';
import { displayText } from '../../contracts/text.js';
import { recordAudit } from '../../core/audit.js';
import { groupLookupsOf } from '../../domain/scim-group-filter.js';
import {
  memberChanges,
  readOnlyGroupPathOf,
  ScimGroupValueError,
  scimGroupInputOf,
  scimGroupOf,
  withoutNullMemberRefs,
  type ScimGroupInput,
  type ScimStore,
} from '../../domain/scim-groups.js';
import {
  canonicalFilter,
  caselessView,
  FilterError,
  type AttributeFacts,
} from '../../domain/scim-user-filter.js';
import { createGroup, deleteGroup, updateGroup } from '../people/groups.js';
import { mayProvisionAdmins } from './scim-auth.js';
import { badRequest, notFound, ScimError } from './scim-errors.js';
import { etagOf, listResponse, parseFilter, type ListWindow } from './scim-http.js';
import { applyScimPatch, refuseReadOnlyPatch } from './scim-patch.js';
import type { ScimGroupRow, ScimMember } from './groups-repository.js';
import type { Rendered, ScimCall } from './users-service.js';

type Json = Record<string, unknown>;

/** A filter the indexed lookups cannot narrow is matched over at most this many stores (400 tooMany beyond). */
export const SCIM_GROUP_MATCH_BOUND = 5000;

/** A store with its members, as the service works on it. */
export interface ScimGroupState {
  row: ScimGroupRow;
  members: ScimMember[];
}

const storeOf = ({ row, members }: ScimGroupState): ScimStore => ({
  id: row.id,
  displayName: row.displayName,
  externalId: row.externalId,
  createdAt: row.createdAt,
  members: members.map((m) => ({ id: m.id, displayName: m.displayName })),
});

/** The whole representation (members included), which the ETag is taken from. */
export const groupRepresentationOf = (state: ScimGroupState): Json => scimGroupOf(storeOf(state));

export const etagOfGroup = (state: ScimGroupState): string => etagOf(groupRepresentationOf(state));

/** The resource as a client sees it: scimmy's output form, `attributes` applied, links completed. */
export function renderGroup(
  state: ScimGroupState,
  baseUrl: string,
  attributes?: SCIMMY.Types.Filter,
): Rendered {
  const full = groupRepresentationOf(state);
  const etag = etagOf(full);
  const linked = {
    ...full,
    members: (full.members as Json[]).map((member) => ({
      ...member,
      $ref: `${baseUrl}/Users/${String(member.value)}`,
    })),
  };
  const out = JSON.parse(
    JSON.stringify(new SCIMMY.Schemas.Group(linked, 'out', `${baseUrl}/Groups`, attributes)),
  ) as Json;
  const meta = (out.meta ?? {}) as Json;
  return {
    body: { ...out, meta: { ...meta, location: `${baseUrl}/Groups/${state.row.id}`, version: etag } },
    etag,
  };
}

const lookupAttribute = (path: string): AttributeFacts | null => {
  try {
    const attribute = SCIMMY.Schemas.Group.definition.attribute(path) as unknown as {
      name: string;
      type: string;
      config: { caseExact?: boolean };
    };
    return {
      name: attribute.name,
      type: attribute.type,
      complex: attribute.type === 'complex',
      caseExact:
        attribute.config.caseExact === true || attribute.name === 'id' || attribute.name === 'externalId',
    };
  } catch {
    return null;
  }
};

async function withMembers(call: ScimCall, rows: ScimGroupRow[]): Promise<ScimGroupState[]> {
  const members = await call.deps.repos.scimGroups.membersOf(rows.map((row) => row.id));
  return rows.map((row) => ({ row, members: members.get(row.id) ?? [] }));
}

/** GET /Groups: one page of the stores the filter selects (all when none), oldest first. */
export async function listScimGroups(
  call: ScimCall,
  query: { filter?: string; window: ListWindow; attributes?: SCIMMY.Types.Filter },
): Promise<Json> {
  const { deps } = call;
  const parsed = parseFilter(query.filter);
  const offset = query.window.startIndex - 1;
  const render = (states: ScimGroupState[]) =>
    states.map((state) => renderGroup(state, call.baseUrl, query.attributes).body);
  if (!parsed) {
    const { rows, total } = await deps.repos.scimGroups.listPage({ offset, limit: query.window.count });
    return listResponse(render(await withMembers(call, rows)), total, query.window);
  }
  let canonical: Json[];
  try {
    canonical = canonicalFilter([...parsed] as Json[], lookupAttribute);
  } catch (error) {
    if (error instanceof FilterError) throw badRequest('invalidFilter', error.message);
    throw error;
  }
  const candidates = await deps.repos.scimGroups.candidates(
    groupLookupsOf(canonical),
    SCIM_GROUP_MATCH_BOUND + 1,
  );
  if (candidates.length > SCIM_GROUP_MATCH_BOUND) {
    throw badRequest(
      'tooMany',
      `This filter is matched one store at a time, and there are more than ${SCIM_GROUP_MATCH_BOUND} stores. Filter on id, externalId or displayName with eq.`,
    );
  }
  const states = await withMembers(call, candidates);
  let matched: Json[];
  try {
    matched = new SCIMMY.Types.Filter(canonical).match(
      states.map((state) => caselessView(groupRepresentationOf(state))),
    ) as Json[];
  } catch {
    throw badRequest('invalidFilter', 'The filter could not be applied to Groups.');
  }
  const ids = new Set(matched.map((view) => view.id));
  const selected = states.filter((state) => ids.has(state.row.id));
  return listResponse(
    render(selected.slice(offset, offset + query.window.count)),
    selected.length,
    query.window,
  );
}

/** The store SCIM knows by this id, with its members, or 404. */
export async function loadScimGroup(call: ScimCall, id: string): Promise<ScimGroupState> {
  const row = await call.deps.repos.scimGroups.findById(id);
  if (!row) throw notFound(`No group with id ${id}.`);
  const [state] = await withMembers(call, [row]);
  return state!;
}

const valueError = (error: unknown): never => {
  if (error instanceof ScimGroupValueError) throw badRequest('invalidValue', error.message);
  if (error instanceof SCIMMY.Types.Error) throw error;
  if (error instanceof TypeError) throw badRequest('invalidValue', error.message);
  throw error;
};

/** A POST/PUT body read through scimmy's Group schema (types, required displayName), then mapped. */
function inputOfBody(body: Json): ScimGroupInput {
  try {
    const members = body.members;
    const coerced = JSON.parse(
      JSON.stringify(new SCIMMY.Schemas.Group({ ...body, members: undefined }, 'in')),
    ) as Json;
    // Members are read by the mapping itself: scimmy refuses Entra's `"$ref": null` in them.
    return scimGroupInputOf({ ...coerced, members });
  } catch (error) {
    return valueError(error);
  }
}

const nameField = createGroupBody.shape.displayName;
const externalIdField = displayText(256).nullable();

function checkedText(field: z.ZodType, value: unknown, attribute: string) {
  const parsed = field.safeParse(value);
  if (!parsed.success) {
    throw badRequest('invalidValue', `${attribute}: ${parsed.error.issues[0]?.message ?? 'is not valid'}`);
  }
}

/**
 * The admin rule of SCIM (as for Users): a token without `scim.admins` may not change an admin,
 * here their stores.
 */
function refuseAdminMembers(call: ScimCall, people: readonly ScimMember[]): void {
  if (mayProvisionAdmins(call.actor)) return;
  const admin = people.find((person) => person.role === 'admin');
  if (admin) {
    throw new ScimError(
      403,
      null,
      `${admin.id} is an admin: changing an admin's stores needs an API token with the scim.admins scope.`,
    );
  }
}

async function refuseTakenExternalId(call: ScimCall, externalId: string | null, ownId: string | null) {
  if (externalId === null) return;
  const holder = await call.deps.repos.scimGroups.findByExternalId(externalId);
  if (holder && holder.id !== ownId)
    throw new ScimError(409, 'uniqueness', 'Another group has this externalId.');
}

/** Who joins and who leaves, every one of them checked: people SCIM can see, admins only with scim.admins. */
async function plannedMembers(call: ScimCall, current: readonly ScimMember[], wanted: string[] | undefined) {
  if (wanted === undefined) return { added: [] as ScimMember[], removed: [] as ScimMember[] };
  const { added, removed } = memberChanges(
    current.map((m) => m.id),
    wanted,
  );
  const joining = await call.deps.repos.scimGroups.visiblePeople(added);
  if (joining.length < added.length) {
    const known = new Set(joining.map((person) => person.id));
    const unknown = added.find((id) => !known.has(id));
    throw badRequest('invalidValue', `members: no user with id ${unknown}.`);
  }
  const leaving = current.filter((member) => removed.includes(member.id));
  refuseAdminMembers(call, [...joining, ...leaving]);
  return { added: joining, removed: leaving };
}

async function writeMembers(
  call: ScimCall,
  groupId: string,
  change: { added: ScimMember[]; removed: ScimMember[] },
): Promise<void> {
  if (change.added.length + change.removed.length === 0) return;
  await call.deps.repos.scimGroups.changeMembers(
    groupId,
    change.added.map((m) => m.id),
    change.removed.map((m) => m.id),
  );
  // Names for the console's log, ids to find each person again whatever they are called later.
  const names = (people: ScimMember[]) => people.map((p) => p.displayName);
  const ids = (people: ScimMember[]) => people.map((p) => p.id);
  await recordAudit(
    call.deps,
    call.actor,
    'group.membersChanged',
    { type: 'group', id: groupId },
    {
      added: names(change.added),
      removed: names(change.removed),
      addedIds: ids(change.added),
      removedIds: ids(change.removed),
    },
  );
}

async function writeExternalId(call: ScimCall, row: ScimGroupRow, externalId: string | null) {
  if (externalId === row.externalId) return;
  const outcome = await call.deps.repos.scimGroups.setExternalId(row.id, externalId);
  if (outcome === 'taken') throw new ScimError(409, 'uniqueness', 'Another group has this externalId.');
  if (outcome === 'not_found') throw notFound(`No group with id ${row.id}.`);
  await recordAudit(
    call.deps,
    call.actor,
    'group.updated',
    { type: 'group', id: row.id },
    { before: { externalId: row.externalId }, after: { externalId } },
  );
}

/** Makes the store what `input` says (PUT, PATCH): everything checked first, then written. */
async function applyInput(
  call: ScimCall,
  state: ScimGroupState,
  input: ScimGroupInput,
): Promise<ScimGroupState> {
  checkedText(nameField, input.displayName, 'displayName');
  checkedText(externalIdField, input.externalId, 'externalId');
  const renamed = input.displayName !== state.row.displayName;
  const externalChanged = input.externalId !== state.row.externalId;
  if (externalChanged) await refuseTakenExternalId(call, input.externalId, state.row.id);
  const members = await plannedMembers(call, state.members, input.memberIds);
  if (renamed) {
    const patch = patchGroupBody.parse({ displayName: input.displayName });
    await updateGroup(call.deps, call.actor, state.row.id, patch);
  }
  if (externalChanged) await writeExternalId(call, state.row, input.externalId);
  await writeMembers(call, state.row.id, members);
  return loadScimGroup(call, state.row.id);
}

/** POST /Groups: a new store, with its externalId and members. */
export async function createScimGroup(call: ScimCall, body: Json): Promise<ScimGroupState> {
  const input = inputOfBody(body);
  checkedText(nameField, input.displayName, 'displayName');
  checkedText(externalIdField, input.externalId, 'externalId');
  await refuseTakenExternalId(call, input.externalId, null);
  const members = await plannedMembers(call, [], input.memberIds ?? []);
  const view = await createGroup(
    call.deps,
    call.actor,
    createGroupBody.parse({ displayName: input.displayName }),
  );
  const created = await loadScimGroup(call, view.id);
  if (input.externalId !== null) await writeExternalId(call, created.row, input.externalId);
  await writeMembers(call, view.id, members);
  return loadScimGroup(call, view.id);
}

/**
 * PUT /Groups/{id}: the store as the body says. An externalId left out is cleared; `members` left
 * out keeps the members (a rename must not empty a store), `members: []` removes them all.
 */
export async function replaceScimGroup(
  call: ScimCall,
  state: ScimGroupState,
  body: Json,
): Promise<ScimGroupState> {
  return applyInput(call, state, inputOfBody(body));
}

/**
 * PATCH /Groups/{id}: scimmy applies the operations (add/replace/remove, filtered paths such as
 * `members[value eq "…"]`, Entra's capitalised ops and its Remove with a `value` list) to the current
 * Group; what changed is then written as a PUT would. id, meta and schemas: 400 mutability.
 */
export async function patchScimGroup(
  call: ScimCall,
  state: ScimGroupState,
  body: Json,
): Promise<ScimGroupState> {
  const request = withoutNullMemberRefs(body);
  refuseReadOnlyPatch(request, readOnlyGroupPathOf, 'Group');
  const patched = await applyScimPatch(
    request,
    () => new SCIMMY.Schemas.Group(groupRepresentationOf(state), 'in'),
    valueError,
  );
  if (!patched) return state;
  let input: ScimGroupInput;
  try {
    input = scimGroupInputOf({ ...patched, members: patched.members ?? [] });
  } catch (error) {
    return valueError(error);
  }
  return applyInput(call, state, input);
}

/**
 * DELETE /Groups/{id}: refused while the store has people SCIM can see (409); otherwise deleted by
 * the stores service (which also refuses a store a policy names). People a SCIM client deleted, whom
 * it can no longer remove, are taken out first (audited as any member change), then the store goes.
 */
export async function deleteScimGroup(call: ScimCall, state: ScimGroupState): Promise<void> {
  if (state.members.length > 0) {
    const n = state.members.length;
    throw new ScimError(
      409,
      null,
      `The store ${state.row.displayName} still has ${n} ${n === 1 ? 'person' : 'people'}: remove the members from the group first, or delete the store in the Shiftpass console.`,
    );
  }
  // Taken out first, as a change of its own, so the log names each of them and the store.
  const hidden = await call.deps.repos.scimGroups.hiddenMembers(state.row.id);
  await writeMembers(call, state.row.id, { added: [], removed: hidden });
  await deleteGroup(call.deps, call.actor, state.row.id);
}
