/**
 * SCIM Users (RFC 7644 §3): list with filters and pages, read, create, replace (PUT), PATCH and
 * DELETE, as a provisioning client (Microsoft Entra, an HR tool) sends them. New people and every
 * change of a person's own fields go through the people services (features/people: the same name
 * rules, look-alike checks, last-admin guard and audit as the console); the columns only SCIM knows
 * are set beside them (users-repository.ts). `active: false` and DELETE offboard (offboard below).
 */
import SCIMMY from 'scimmy';
import { z } from 'zod';
import { createUserBody } from '../../contracts/schemas.js';
import { patchUserBody } from '../../contracts/directory.js';
import { displayText, signInName } from '../../contracts/text.js';
import { recordAudit } from '../../core/audit.js';
import type { ServiceDeps } from '../../core/deps.js';
import type { Role } from '../../domain/roles.js';
import {
  canonicalFilter,
  caselessView,
  FilterError,
  sqlPlanOf,
  type AttributeFacts,
} from '../../domain/scim-user-filter.js';
import {
  derivedName,
  readOnlyPathOf,
  scimUserInputOf,
  scimUserOf,
  ScimValueError,
  withEntraManager,
  withEntraTypedValues,
  withOneRole,
  withLenientBooleansInUser,
  withLenientBooleans,
  type ScimPerson,
  type ScimUserInput,
} from '../../domain/scim-users.js';
import { createUser } from '../people/create-user.js';
import { offboardUser, reactivateUser } from '../people/offboarding.js';
import { updateUser } from '../people/user-directory.js';
import { extendedUserSchema } from './resource-types.js';
import { mayProvisionAdmins, type ScimActor } from './scim-auth.js';
import { badRequest, notFound, ScimError } from './scim-errors.js';
import { etagOf, listResponse, parseFilter, type ListWindow } from './scim-http.js';
import { applyScimPatch, refuseReadOnlyPatch } from './scim-patch.js';
import type { ScimColumns, ScimUserRow } from './users-repository.js';

export type { ScimUserRow };

type Json = Record<string, unknown>;

/** What every call needs: the services, the token acting, and where resources are linked from. */
export interface ScimCall {
  deps: ServiceDeps;
  actor: ScimActor;
  /** `https://host/scim/v2` */
  baseUrl: string;
}

/** A resource as answered, with its ETag (also its `meta.version`). */
export interface Rendered {
  body: Json;
  etag: string;
}

/**
 * A filter scimmy cannot settle in SQL is matched over at most this many people; a directory
 * larger than that needs one of the indexed filters (400 tooMany otherwise).
 */
export const SCIM_MATCH_BOUND = 5000;

const userSchema = extendedUserSchema;

const personOf = (row: ScimUserRow): ScimPerson => ({
  id: row.id,
  userPrincipalName: row.userPrincipalName,
  displayName: row.displayName,
  employeeId: row.employeeId,
  role: row.role,
  accountEnabled: row.accountEnabled,
  externalId: row.externalId,
  email: row.email,
  givenName: row.givenName,
  familyName: row.familyName,
  createdAt: row.createdAt,
  updatedAt: row.updatedAt,
});

/** The whole representation (every attribute), which the ETag is taken from. */
export const representationOf = (row: ScimUserRow): Json => scimUserOf(personOf(row));

export const etagOfRow = (row: ScimUserRow): string => etagOf(representationOf(row));

/** The resource as a client sees it: scimmy's output form, `attributes` applied, meta completed. */
export function renderUser(row: ScimUserRow, baseUrl: string, attributes?: SCIMMY.Types.Filter): Rendered {
  const full = representationOf(row);
  const etag = etagOf(full);
  const Schema = userSchema();
  const out = JSON.parse(JSON.stringify(new Schema(full, 'out', `${baseUrl}/Users`, attributes))) as Json;
  const meta = (out.meta ?? {}) as Json;
  return {
    body: {
      // `schemas` is always answered (RFC 7643 §3), whatever `attributes` asked for.
      schemas: full.schemas,
      ...out,
      meta: { ...meta, location: `${baseUrl}/Users/${row.id}`, version: etag },
    },
    etag,
  };
}

const lookupAttribute = (path: string): AttributeFacts | null => {
  try {
    const attribute = userSchema().definition.attribute(path) as unknown as {
      name: string;
      type: string;
      config: { caseExact?: boolean };
    };
    return {
      name: attribute.name,
      type: attribute.type,
      complex: attribute.type === 'complex',
      caseExact: attribute.config.caseExact === true,
    };
  } catch {
    return null;
  }
};

interface SchemaAttribute {
  name: string;
  type: string;
  config: { multiValued?: boolean };
  subAttributes?: SchemaAttribute[];
}

/** Each complex attribute empty: [] when multi-valued, else an object of its own complex parts. */
function emptyComplex(attributes: readonly SchemaAttribute[]): Json {
  return Object.fromEntries(
    attributes
      .filter((attribute) => attribute.type === 'complex')
      .map((attribute) => [
        attribute.name,
        attribute.config.multiValued ? [] : emptyComplex(attribute.subAttributes ?? []),
      ]),
  );
}

let absentComplex: Json | undefined;

/**
 * A person with every complex attribute they lack present but empty: scimmy's matcher reads into a
 * complex attribute without checking it is there, so `emails pr` or a filter on `name.familyName`
 * would fail on a person without emails instead of simply not matching.
 */
function withAbsentComplex(view: Json): Json {
  absentComplex ??= emptyComplex(
    (userSchema().definition as unknown as { attributes: SchemaAttribute[] }).attributes,
  );
  const fill = (defaults: Json, value: Json): Json => {
    const filled: Json = { ...value };
    for (const [key, empty] of Object.entries(defaults)) {
      const present = filled[key];
      if (present === undefined || present === null) filled[key] = empty;
      else if (!Array.isArray(empty) && typeof present === 'object' && !Array.isArray(present)) {
        filled[key] = fill(empty as Json, present as Json);
      }
    }
    return filled;
  };
  return fill(absentComplex, view);
}

/** GET /Users: one page of the people the filter selects (all when none), in creation order. */
export async function listScimUsers(
  call: ScimCall,
  query: { filter?: string; window: ListWindow; attributes?: SCIMMY.Types.Filter },
): Promise<Json> {
  const { deps } = call;
  const parsed = parseFilter(query.filter);
  let canonical: Json[] | undefined;
  if (parsed) {
    try {
      canonical = canonicalFilter([...parsed] as Json[], lookupAttribute);
    } catch (error) {
      if (error instanceof FilterError) throw badRequest('invalidFilter', error.message);
      throw error;
    }
  }
  const offset = query.window.startIndex - 1;
  const plan = canonical ? sqlPlanOf(canonical) : null;
  let page: ScimUserRow[];
  let total: number;
  if (!canonical || plan) {
    const found = await deps.repos.scimUsers.listPlanned(plan, { offset, limit: query.window.count });
    page = found.rows;
    total = found.total;
  } else {
    const rows = await deps.repos.scimUsers.listBounded(SCIM_MATCH_BOUND + 1);
    if (rows.length > SCIM_MATCH_BOUND) {
      throw badRequest(
        'tooMany',
        `This filter is matched one person at a time, and there are more than ${SCIM_MATCH_BOUND} people. Filter on userName, externalId, emails, displayName, employeeNumber, id or active with eq, co or sw.`,
      );
    }
    const views = rows.map((row) => withAbsentComplex(caselessView(representationOf(row))));
    let matched: Json[];
    try {
      matched = new SCIMMY.Types.Filter(canonical).match(views) as Json[];
    } catch {
      throw badRequest('invalidFilter', 'The filter could not be applied to Users.');
    }
    const matchedIds = new Set(matched.map((view) => view.id));
    const selected = rows.filter((row) => matchedIds.has(row.id));
    total = selected.length;
    page = selected.slice(offset, offset + query.window.count);
  }
  return listResponse(
    page.map((row) => renderUser(row, call.baseUrl, query.attributes).body),
    total,
    query.window,
  );
}

/** The person SCIM knows by this id, or 404 (also for a person a SCIM client deleted). */
export async function loadScimUser(call: ScimCall, id: string): Promise<ScimUserRow> {
  const row = await call.deps.repos.scimUsers.findLive(id);
  if (!row) throw notFound(`No user with id ${id}.`);
  return row;
}

const valueError = (error: unknown): never => {
  if (error instanceof ScimValueError) throw badRequest('invalidValue', error.message);
  if (error instanceof SCIMMY.Types.Error) throw error;
  if (error instanceof TypeError) throw badRequest('invalidValue', error.message);
  throw error;
};

/** A POST/PUT body read through scimmy's User schema (types, required userName), then mapped. */
function inputOfBody(body: Json): ScimUserInput {
  try {
    const Schema = userSchema();
    const coerced = JSON.parse(JSON.stringify(new Schema(withLenientBooleansInUser(body), 'in'))) as Json;
    return scimUserInputOf(coerced);
  } catch (error) {
    return valueError(error);
  }
}

/** The first problem zod found, as SCIM words: "userName: …". */
const SCIM_NAMES: Record<string, string> = {
  userPrincipalName: 'userName',
  employeeId: 'employeeNumber',
  accountEnabled: 'active',
  role: 'roles',
};
function zodProblem(error: z.ZodError): ScimError {
  const issue = error.issues[0];
  const field = String(issue?.path[0] ?? 'value');
  return badRequest('invalidValue', `${SCIM_NAMES[field] ?? field}: ${issue?.message ?? 'is not valid'}`);
}

const scimColumnsBody = z.strictObject({
  externalId: displayText(256).nullable(),
  email: signInName(254)
    .refine((value) => /^[^@\s]+@[^@\s]+$/.test(value), 'must be an email address')
    .nullable(),
  givenName: displayText(128).nullable(),
  familyName: displayText(128).nullable(),
});

/**
 * The SCIM-only columns asked for, checked. Name parts the client never sent (stored null) stay
 * null while they are only what the display name gives (`derivedName`), so reading and writing back
 * a User changes nothing.
 */
function scimColumnsOf(input: ScimUserInput, row: ScimUserRow | null): ScimColumns {
  const derived = derivedName(input.displayName);
  const unsent = row !== null && row.givenName === null && row.familyName === null;
  const sameAsDerived =
    input.givenName === derived.givenName && input.familyName === (derived.familyName ?? null);
  const parsed = scimColumnsBody.safeParse({
    externalId: input.externalId,
    email: input.email,
    givenName: unsent && sameAsDerived ? null : input.givenName,
    familyName: unsent && sameAsDerived ? null : input.familyName,
  });
  if (!parsed.success) throw zodProblem(parsed.error);
  return parsed.data;
}

const refuseAdmin = (call: ScimCall, ...roles: Role[]) => {
  if (roles.includes('admin') && !mayProvisionAdmins(call.actor)) {
    throw new ScimError(
      403,
      null,
      'Making an admin or changing one needs an API token with the scim.admins scope.',
    );
  }
};

async function refuseTakenExternalId(call: ScimCall, externalId: string | null, ownId: string | null) {
  if (externalId === null) return;
  const holder = await call.deps.repos.scimUsers.findByExternalId(externalId);
  if (holder && holder.id !== ownId) {
    throw new ScimError(409, 'uniqueness', 'Another user has this externalId.');
  }
}

/**
 * The actor the people services act as. SCIM decides about admins itself (`refuseAdmin`, the
 * `scim.admins` scope); once it has allowed a change, the services' own guard, which knows only
 * `admin.full`, must not refuse it again. The audit still names the token.
 */
const serviceActor = (call: ScimCall): ScimActor =>
  mayProvisionAdmins(call.actor)
    ? { ...call.actor, scopes: [...call.actor.scopes, 'admin.full'] }
    : call.actor;

/**
 * Takes a person out (active false, DELETE) through the offboarding service: turned off, every
 * badge and API token of theirs revoked, every session ended and the store apps told, in one
 * audited step (`user.offboarded`, source scim). Already offboarded: nothing more happens.
 */
async function offboard(call: ScimCall, id: string): Promise<void> {
  await offboardUser(call.deps, call.actor, id, { source: 'scim' });
}

/** Turns a person on again (`active: true`); the badges revoked when they were offboarded stay revoked. */
async function reactivate(call: ScimCall, id: string): Promise<void> {
  await reactivateUser(call.deps, call.actor, id, { source: 'scim' });
}

const scimSnapshot = (row: { displayName: string } & ScimColumns) => ({
  displayName: row.displayName,
  externalId: row.externalId,
  email: row.email,
  givenName: row.givenName,
  familyName: row.familyName,
});

/** Makes `row` what `input` says (PUT, PATCH, a re-created person); attributes not said are kept. */
async function applyInput(call: ScimCall, row: ScimUserRow, input: ScimUserInput): Promise<ScimUserRow> {
  const { deps, actor } = call;
  const core: Json = {};
  if (input.userPrincipalName !== row.userPrincipalName) core.userPrincipalName = input.userPrincipalName;
  if (input.displayName !== row.displayName) core.displayName = input.displayName;
  if (input.employeeId !== row.employeeId) core.employeeId = input.employeeId;
  if (input.role !== undefined && input.role !== row.role) core.role = input.role;
  const parsedCore = patchUserBody.safeParse(core);
  if (!parsedCore.success) throw zodProblem(parsedCore.error);
  const columns = scimColumnsOf(input, row);
  const columnsChanged =
    columns.externalId !== row.externalId ||
    columns.email !== row.email ||
    columns.givenName !== row.givenName ||
    columns.familyName !== row.familyName;
  // `active: false` offboards a person who is not offboarded yet, even one already turned off in
  // the console (their badges still exist until offboarding revokes them).
  const activeChange =
    input.accountEnabled === false && row.offboardedAt === null
      ? false
      : input.accountEnabled === true && !row.accountEnabled
        ? true
        : undefined;
  const changesAnything =
    Object.keys(parsedCore.data).length > 0 || columnsChanged || activeChange !== undefined;
  if (!changesAnything) return row;
  refuseAdmin(call, row.role, input.role ?? row.role);
  await refuseTakenExternalId(call, columns.externalId, row.id);

  if (activeChange === false) await offboard(call, row.id);
  // Disabled first, renamed after: a person being let go never has a moment enabled under new details.
  if (Object.keys(parsedCore.data).length > 0) {
    await updateUser(deps, serviceActor(call), row.id, parsedCore.data);
  }
  if (columnsChanged) {
    const outcome = await deps.repos.scimUsers.setScimColumns(row.id, columns, deps.clock.now());
    if (outcome === 'external_id_taken') {
      throw new ScimError(409, 'uniqueness', 'Another user has this externalId.');
    }
    if (outcome === 'not_found') throw notFound(`No user with id ${row.id}.`);
    await recordAudit(
      deps,
      actor,
      'user.updated',
      { type: 'user', id: row.id },
      { before: scimSnapshot(row), after: scimSnapshot({ ...columns, displayName: outcome.displayName }) },
    );
  }
  if (activeChange === true) await reactivate(call, row.id);
  return loadScimUser(call, row.id);
}

/** POST /Users: a new person (or, for the userName of a person a SCIM client deleted, them again). */
export async function createScimUser(call: ScimCall, body: Json): Promise<ScimUserRow> {
  const { deps, actor } = call;
  const input = inputOfBody(body);
  const role = input.role ?? 'worker';
  refuseAdmin(call, role);
  const existing = await deps.repos.users.findByPrincipalName(input.userPrincipalName);
  if (existing && existing.scimDeletedAt === null) {
    throw new ScimError(409, 'uniqueness', 'A user with this userName already exists.');
  }
  const parsed = createUserBody.safeParse({
    userPrincipalName: input.userPrincipalName,
    displayName: input.displayName,
    ...(input.employeeId !== null ? { employeeId: input.employeeId } : {}),
    role,
    accountEnabled: input.accountEnabled ?? true,
  });
  if (!parsed.success) throw zodProblem(parsed.error);
  const columns = scimColumnsOf(input, null);
  await refuseTakenExternalId(call, columns.externalId, existing?.id ?? null);
  if (existing) {
    // RFC 7644 §3.6: a deleted user's userName does not conflict with a new one. It is the same
    // sign-in name, so it is the same person in the console: they come back, as sent now.
    refuseAdmin(call, existing.role);
    await deps.repos.scimUsers.undelete(existing.id, deps.clock.now());
    await recordAudit(deps, actor, 'user.reprovisioned', { type: 'user', id: existing.id });
    return applyInput(call, await loadScimUser(call, existing.id), {
      ...input,
      role,
      accountEnabled: input.accountEnabled ?? true,
    });
  }
  const view = await createUser(deps, serviceActor(call), parsed.data);
  const outcome = await deps.repos.scimUsers.setScimColumns(view.id, columns, deps.clock.now());
  if (outcome === 'external_id_taken') {
    throw new ScimError(409, 'uniqueness', 'Another user has this externalId.');
  }
  return loadScimUser(call, view.id);
}

/** PUT /Users/{id}: the person as the body says; attributes it leaves out are cleared, but roles and active are kept. */
export async function replaceScimUser(call: ScimCall, row: ScimUserRow, body: Json): Promise<ScimUserRow> {
  return applyInput(call, row, inputOfBody(body));
}

/**
 * PATCH /Users/{id}: scimmy applies the operations (add/replace/remove, filtered paths, no-path
 * objects) to the current User; what changed is then written like a PUT. Server-owned attributes
 * (id, meta) and group membership: 400 mutability, nothing written.
 */
export async function patchScimUser(call: ScimCall, row: ScimUserRow, body: Json): Promise<ScimUserRow> {
  const request = withEntraManager(
    withOneRole(withEntraTypedValues(withLenientBooleans(body), representationOf(row))),
  );
  refuseReadOnlyPatch(request, readOnlyPathOf, 'User');
  const Schema = userSchema();
  const patched = await applyScimPatch(request, () => new Schema(representationOf(row), 'in'), valueError);
  if (!patched) return row;
  let input: ScimUserInput;
  try {
    input = scimUserInputOf(patched);
  } catch (error) {
    return valueError(error);
  }
  return applyInput(call, row, input);
}

/**
 * DELETE /Users/{id}: the person is offboarded, then gone for SCIM (404 from now on, RFC 7644
 * §3.6), but kept, disabled, in the console, so the sign-in logs keep their name.
 */
export async function deleteScimUser(call: ScimCall, row: ScimUserRow): Promise<void> {
  const { deps, actor } = call;
  refuseAdmin(call, row.role);
  await offboard(call, row.id);
  if (!(await deps.repos.scimUsers.markDeleted(row.id, deps.clock.now()))) {
    throw notFound(`No user with id ${row.id}.`);
  }
  await recordAudit(
    deps,
    actor,
    'user.deprovisioned',
    { type: 'user', id: row.id },
    {
      before: { displayName: row.displayName, userPrincipalName: row.userPrincipalName },
    },
  );
}
