/**
 * Conditional-access policies and named locations: the admin's CRUD. A policy is saved only when
 * every person, store and named location it names exists, so the evaluator never meets a dangling
 * reference; a named location a policy names cannot be deleted. Every change is audited with its
 * before and after.
 */
import type { z } from 'zod';
import type {
  createNamedLocationBody,
  createPolicyBody,
  NamedLocationView,
  patchNamedLocationBody,
  patchPolicyBody,
  FieldProblem,
  PolicyConditionsInput,
  PolicyTemplateView,
  PolicyView,
} from '../../contracts/conditional-access.js';
import { ApiError } from '../../contracts/errors.js';
import { say, type Words } from '../../contracts/error-words.js';
import type { NamedLocationRow, NameTaken, PolicyRow } from './conditional-access-repository.js';
import {
  conditionsName,
  TEMPLATES,
  type ConditionalAccessPolicy,
  type NamedLocation,
  type PolicyConditions,
} from '../../domain/conditional-access.js';
import { policyWarnings } from '../../domain/access-policy-warnings.js';
import { newId } from '../../platform/crypto.js';
import { recordAudit } from '../../core/audit.js';
import type { Actor, ServiceDeps } from '../../core/deps.js';

/** The policy as stored, without what depends on other rows (warnings, people's names): for the audit log. */
const toStoredPolicy = (row: PolicyRow): Omit<PolicyView, 'warnings' | 'people'> => ({
  id: row.id,
  displayName: row.displayName,
  state: row.state,
  grant: row.grant,
  conditions: row.conditions as PolicyConditions,
  createdDateTime: row.createdAt.toISOString(),
  modifiedDateTime: row.updatedAt.toISOString(),
});

const namedUserIds = (conditions: PolicyConditions): string[] => {
  const users = conditions.users;
  return [...(Array.isArray(users?.include) ? users.include : []), ...(users?.exclude ?? [])];
};

/** Policies as the console reads them: with their warnings and the names of the people they name. */
async function toPolicyViews(deps: ServiceDeps, rows: readonly PolicyRow[]): Promise<PolicyView[]> {
  const [locations, people] = await Promise.all([
    deps.repos.conditionalAccess.listLocations(),
    (async () => {
      const ids = [...new Set(rows.flatMap((row) => namedUserIds(row.conditions as PolicyConditions)))];
      return ids.length > 0 ? deps.repos.users.findManyByIds(ids) : [];
    })(),
  ]);
  const nameOf = new Map(people.map((person) => [person.id, person.displayName]));
  return rows.map((row) => {
    const conditions = row.conditions as PolicyConditions;
    return {
      ...toStoredPolicy(row),
      warnings: policyWarnings({ grant: row.grant, conditions }, locations),
      people: [...new Set(namedUserIds(conditions))].map((id) => ({
        id,
        displayName: nameOf.get(id) ?? id,
      })),
    };
  });
}

const toPolicyView = async (deps: ServiceDeps, row: PolicyRow): Promise<PolicyView> =>
  (await toPolicyViews(deps, [row]))[0]!;

export const toDomainPolicy = (row: PolicyRow): ConditionalAccessPolicy => ({
  id: row.id,
  name: row.displayName,
  state: row.state,
  grant: row.grant,
  conditions: row.conditions as PolicyConditions,
});

export const toNamedLocationView = (row: NamedLocationRow): NamedLocationView => ({
  id: row.id,
  displayName: row.displayName,
  cidrs: row.cidrs as string[],
  groupId: row.groupId ?? null,
  createdDateTime: row.createdAt.toISOString(),
  modifiedDateTime: row.updatedAt.toISOString(),
});

export const toDomainLocation = (row: NamedLocationRow): NamedLocation => ({
  id: row.id,
  name: row.displayName,
  cidrs: row.cidrs as string[],
  groupId: row.groupId,
});

/** A problem with one field; the message is worded in the request's language when sent. */
type WordedProblem = Omit<FieldProblem, 'message'> & { message: FieldProblem['message'] | Words };

/** Refuses conditions that name a person, store, app or named location that does not exist, all at once. */
async function checkReferences(deps: ServiceDeps, conditions: PolicyConditionsInput): Promise<void> {
  const problems: WordedProblem[] = [];
  const refuse = (field: string, message: Words) => problems.push({ field, message });
  for (const part of ['include', 'exclude'] as const) {
    const userIds = conditions.users?.[part];
    if (Array.isArray(userIds) && userIds.length > 0) {
      const unique = [...new Set(userIds)];
      const found = new Set((await deps.repos.users.findManyByIds(unique)).map((user) => user.id));
      const missing = unique.find((id) => !found.has(id));
      if (missing) refuse(`conditions.users.${part}`, say.personInPolicyMissing(part, missing));
    }
    const groupIds = conditions.groups?.[part];
    if (Array.isArray(groupIds) && groupIds.length > 0) {
      if (!(await deps.repos.users.groupsExist([...new Set(groupIds)]))) {
        refuse(`conditions.groups.${part}`, say.storeInPolicyMissing(part));
      }
    }
    const appIds = conditions.apps?.[part];
    if (Array.isArray(appIds) && appIds.length > 0) {
      for (const id of new Set(appIds)) {
        if (!(await deps.repos.apps.findById(id))) {
          refuse(`conditions.apps.${part}`, say.appInPolicyMissing(part, id));
          break;
        }
      }
    }
    const locationIds = conditions.locations?.[part];
    if (Array.isArray(locationIds) && locationIds.length > 0) {
      const found = await deps.repos.conditionalAccess.existingLocationIds([...new Set(locationIds)]);
      const missing = locationIds.find((id) => !found.has(id));
      if (missing) {
        refuse(`conditions.locations.${part}`, say.locationInPolicyMissing(part, missing));
      }
    }
  }
  if (problems.length > 0) throw validationProblems(problems);
}

/**
 * VALIDATION_FAILED naming the first problem's field, as every route does, and listing them all; each
 * problem's message is a whole sentence, the first one is the error's message.
 */
export function validationProblems(problems: readonly WordedProblem[]): ApiError {
  const [first] = problems;
  const message = first?.message;
  return new ApiError('VALIDATION_FAILED', message, { field: first?.field || undefined, problems });
}

/** The row written, or the refusal when another one of its kind already has the name. */
function unlessNameTaken<T>(written: T | NameTaken, what: 'policy' | 'named location', name = ''): T {
  if (written !== 'name_taken') return written;
  const message = what === 'policy' ? say.accessPolicyNameTaken(name) : say.namedLocationNameTaken(name);
  throw new ApiError('NAME_ALREADY_EXISTS', message, { field: 'displayName' });
}

async function loadPolicy(deps: ServiceDeps, id: string): Promise<PolicyRow> {
  const row = await deps.repos.conditionalAccess.findPolicy(id);
  if (!row) throw new ApiError('NOT_FOUND', say.noSuchAccessPolicy);
  return row;
}

async function loadLocation(deps: ServiceDeps, id: string): Promise<NamedLocationRow> {
  const row = await deps.repos.conditionalAccess.findLocation(id);
  if (!row) throw new ApiError('NOT_FOUND', say.noSuchNamedLocation);
  return row;
}

export async function listPolicies(deps: ServiceDeps): Promise<{ value: PolicyView[] }> {
  const rows = await deps.repos.conditionalAccess.listPolicies({ includeDisabled: true });
  return { value: await toPolicyViews(deps, rows) };
}

export async function getPolicy(deps: ServiceDeps, id: string): Promise<PolicyView> {
  return toPolicyView(deps, await loadPolicy(deps, id));
}

export async function listTemplates(deps: ServiceDeps): Promise<{ value: PolicyTemplateView[] }> {
  const locations = await deps.repos.conditionalAccess.listLocations();
  return {
    value: TEMPLATES.map((template) => ({
      warnings: policyWarnings(template.policy, locations),
      id: template.key,
      displayName: template.name,
      description: template.description,
      policy: {
        displayName: template.policy.name,
        state: template.policy.state,
        grant: template.policy.grant,
        conditions: structuredClone(template.policy.conditions) as PolicyConditionsInput,
      },
    })),
  };
}

export async function createPolicy(
  deps: ServiceDeps,
  actor: Actor,
  input: z.output<typeof createPolicyBody>,
): Promise<PolicyView> {
  await checkReferences(deps, input.conditions);
  const now = deps.clock.now();
  const row = unlessNameTaken(
    await deps.repos.conditionalAccess.insertPolicy({
      id: newId(),
      displayName: input.displayName,
      state: input.state,
      grant: input.grant,
      conditions: input.conditions,
      createdAt: now,
      updatedAt: now,
    }),
    'policy',
    input.displayName,
  );
  await recordAudit(
    deps,
    actor,
    'conditionalAccess.policy.created',
    { type: 'conditionalAccessPolicy', id: row.id },
    {
      after: toStoredPolicy(row),
    },
  );
  return toPolicyView(deps, row);
}

export async function updatePolicy(
  deps: ServiceDeps,
  actor: Actor,
  id: string,
  patch: z.output<typeof patchPolicyBody>,
): Promise<PolicyView> {
  const before = toStoredPolicy(await loadPolicy(deps, id));
  if (patch.conditions) await checkReferences(deps, patch.conditions);
  const row = unlessNameTaken(
    await deps.repos.conditionalAccess.updatePolicy(id, { ...patch, updatedAt: deps.clock.now() }),
    'policy',
    patch.displayName,
  );
  if (!row) throw new ApiError('NOT_FOUND', say.noSuchAccessPolicy);
  await recordAudit(
    deps,
    actor,
    'conditionalAccess.policy.updated',
    { type: 'conditionalAccessPolicy', id },
    {
      before,
      after: toStoredPolicy(row),
    },
  );
  return toPolicyView(deps, row);
}

export async function deletePolicy(deps: ServiceDeps, actor: Actor, id: string): Promise<void> {
  const before = toStoredPolicy(await loadPolicy(deps, id));
  if (!(await deps.repos.conditionalAccess.removePolicy(id))) {
    throw new ApiError('NOT_FOUND', say.noSuchAccessPolicy);
  }
  await recordAudit(
    deps,
    actor,
    'conditionalAccess.policy.deleted',
    { type: 'conditionalAccessPolicy', id },
    {
      before,
    },
  );
}

export async function listNamedLocations(deps: ServiceDeps): Promise<{ value: NamedLocationView[] }> {
  return { value: (await deps.repos.conditionalAccess.listLocations()).map(toNamedLocationView) };
}

export async function getNamedLocation(deps: ServiceDeps, id: string): Promise<NamedLocationView> {
  return toNamedLocationView(await loadLocation(deps, id));
}

async function checkStore(deps: ServiceDeps, groupId: string | null | undefined): Promise<void> {
  if (groupId && !(await deps.repos.users.groupsExist([groupId]))) {
    throw new ApiError('VALIDATION_FAILED', say.storeMissing, { field: 'groupId' });
  }
}

export async function createNamedLocation(
  deps: ServiceDeps,
  actor: Actor,
  input: z.output<typeof createNamedLocationBody>,
): Promise<NamedLocationView> {
  await checkStore(deps, input.groupId);
  const now = deps.clock.now();
  const row = unlessNameTaken(
    await deps.repos.conditionalAccess.insertLocation({
      id: newId(),
      displayName: input.displayName,
      cidrs: input.cidrs,
      groupId: input.groupId ?? null,
      createdAt: now,
      updatedAt: now,
    }),
    'named location',
    input.displayName,
  );
  const view = toNamedLocationView(row);
  await recordAudit(
    deps,
    actor,
    'conditionalAccess.namedLocation.created',
    { type: 'namedLocation', id: row.id },
    {
      after: view,
    },
  );
  return view;
}

export async function updateNamedLocation(
  deps: ServiceDeps,
  actor: Actor,
  id: string,
  patch: z.output<typeof patchNamedLocationBody>,
): Promise<NamedLocationView> {
  const before = toNamedLocationView(await loadLocation(deps, id));
  await checkStore(deps, patch.groupId);
  const row = unlessNameTaken(
    await deps.repos.conditionalAccess.updateLocation(id, { ...patch, updatedAt: deps.clock.now() }),
    'named location',
    patch.displayName,
  );
  if (!row) throw new ApiError('NOT_FOUND', say.noSuchNamedLocation);
  const after = toNamedLocationView(row);
  await recordAudit(
    deps,
    actor,
    'conditionalAccess.namedLocation.updated',
    { type: 'namedLocation', id },
    {
      before,
      after,
    },
  );
  return after;
}

export async function deleteNamedLocation(deps: ServiceDeps, actor: Actor, id: string): Promise<void> {
  const before = toNamedLocationView(await loadLocation(deps, id));
  const policies = await deps.repos.conditionalAccess.listPolicies({ includeDisabled: true });
  const usedBy = policies.filter((policy) =>
    conditionsName(policy.conditions as PolicyConditions, 'locations', id),
  );
  if (usedBy.length > 0) {
    throw new ApiError(
      'NAMED_LOCATION_IN_USE',
      say.locationInUse(usedBy.map((policy) => policy.displayName)),
      {
        policies: usedBy.map((policy) => ({ id: policy.id, displayName: policy.displayName })),
      },
    );
  }
  if (!(await deps.repos.conditionalAccess.removeLocation(id))) {
    throw new ApiError('NOT_FOUND', say.noSuchNamedLocation);
  }
  await recordAudit(
    deps,
    actor,
    'conditionalAccess.namedLocation.deleted',
    { type: 'namedLocation', id },
    {
      before,
    },
  );
}

/** The policies naming a store (a group), for the group service: deleting it would change who they reach. */
export async function policiesNamingGroup(deps: ServiceDeps, groupId: string): Promise<string[]> {
  const policies = await deps.repos.conditionalAccess.listPolicies({ includeDisabled: true });
  return policies
    .filter((policy) => conditionsName(policy.conditions as PolicyConditions, 'groups', groupId))
    .map((policy) => policy.displayName);
}
