/**
 * Groups (stores): the admin's CRUD. A group the QR-code policy names cannot be deleted. A store may
 * hold its kiosks' default language (src/lib/i18n/README.md has the order in which a kiosk picks one).
 */
import { z } from 'zod';
import type {
  createGroupBody,
  GroupView,
  listGroupsQuery,
  patchGroupBody,
} from '../../contracts/directory.js';
import { ApiError } from '../../contracts/errors.js';
import { say } from '../../contracts/error-words.js';
import type { Page } from '../../contracts/pagination.js';
import type { GroupChanges, GroupRow } from './groups-repository.js';
import { newId } from '../../platform/crypto.js';
import { recordAudit } from '../../core/audit.js';
import { decodeCursor, toPage } from '../../core/list-cursor.js';
import type { Actor, ServiceDeps } from '../../core/deps.js';
import { policiesNamingGroup } from '../conditional-access/access-rules-admin.js';
import { getQrPinPolicy } from '../policies/policies.js';

const groupCursor = z.strictObject({ n: z.string().max(2048), i: z.string().max(64) });

export const toGroupView = (group: GroupRow): GroupView => ({
  id: group.id,
  displayName: group.displayName,
  timeZone: group.timeZone ?? null,
  kioskLanguage: group.kioskLanguage ?? null,
  createdDateTime: group.createdAt.toISOString(),
});

async function loadGroup(deps: ServiceDeps, id: string): Promise<GroupRow> {
  const group = await deps.repos.groups.findById(id);
  if (!group) throw new ApiError('NOT_FOUND', say.noSuchStore);
  return group;
}

export async function listGroups(
  deps: ServiceDeps,
  query: z.output<typeof listGroupsQuery>,
): Promise<Page<GroupView>> {
  const after = decodeCursor(query.cursor, groupCursor);
  const rows = await deps.repos.groups.list({
    search: query.search || undefined,
    after: after && { sortName: after.n, id: after.i },
    limit: query.limit + 1,
  });
  return toPage(
    rows,
    query.limit,
    (row) => toGroupView(row.group),
    (row) => ({ n: row.sortName, i: row.group.id }),
  );
}

export async function getGroup(deps: ServiceDeps, id: string): Promise<GroupView> {
  return toGroupView(await loadGroup(deps, id));
}

export async function createGroup(
  deps: ServiceDeps,
  actor: Actor,
  input: z.output<typeof createGroupBody>,
): Promise<GroupView> {
  const group = await deps.repos.groups.insert({
    id: newId(),
    displayName: input.displayName,
    timeZone: input.timeZone ?? null,
    kioskLanguage: input.kioskLanguage ?? null,
    createdAt: deps.clock.now(),
  });
  const view = toGroupView(group);
  await recordAudit(deps, actor, 'group.created', { type: 'group', id: group.id }, { after: view });
  return view;
}

export async function updateGroup(
  deps: ServiceDeps,
  actor: Actor,
  id: string,
  patch: z.output<typeof patchGroupBody>,
): Promise<GroupView> {
  const before = toGroupView(await loadGroup(deps, id));
  const changes: GroupChanges = {};
  if (patch.displayName !== undefined) changes.displayName = patch.displayName;
  if (patch.timeZone !== undefined) changes.timeZone = patch.timeZone;
  if (patch.kioskLanguage !== undefined) changes.kioskLanguage = patch.kioskLanguage;
  const updated = await deps.repos.groups.update(id, changes);
  if (!updated) throw new ApiError('NOT_FOUND', say.noSuchStore);
  const after = toGroupView(updated);
  if (JSON.stringify(after) !== JSON.stringify(before)) {
    await recordAudit(deps, actor, 'group.updated', { type: 'group', id }, { before, after });
  }
  return after;
}

/** Refused while the QR-code + PIN policy targets the group: deleting it would silently widen or narrow who may sign in. */
export async function deleteGroup(deps: ServiceDeps, actor: Actor, id: string): Promise<void> {
  const before = toGroupView(await loadGroup(deps, id));
  const policy = await getQrPinPolicy(deps);
  const namedBy = [
    ...(policy.includeTargets.some((t) => t.id === id) ? ['includeTargets'] : []),
    ...(policy.excludeTargets.some((t) => t.id === id) ? ['excludeTargets'] : []),
  ];
  if (namedBy.length > 0) {
    throw new ApiError(
      'GROUP_IN_USE',
      say.storeInQrPinPolicy(namedBy.includes('includeTargets'), namedBy.includes('excludeTargets')),
      {
        policy: 'qr-code-pin',
        fields: namedBy,
      },
    );
  }
  const accessPolicies = await policiesNamingGroup(deps, id);
  if (accessPolicies.length > 0) {
    throw new ApiError('GROUP_IN_USE', say.storeInAccessPolicy(accessPolicies), {
      policy: 'conditional-access',
      policies: accessPolicies,
    });
  }
  if (!(await deps.repos.groups.remove(id))) throw new ApiError('NOT_FOUND', say.noSuchStore);
  await recordAudit(deps, actor, 'group.deleted', { type: 'group', id }, { before });
}
