/**
 * Managing users after creation: listing and searching them (scoped for managers), reading one,
 * changing them, disabling and deleting them. Disabling or deleting ends the user's sessions at once,
 * and no change may leave the installation without an enabled admin.
 */
import { z } from 'zod';
import type { listUsersQuery, patchUserBody } from '../../contracts/directory.js';
import { ApiError } from '../../contracts/errors.js';
import { say } from '../../contracts/error-words.js';
import type { Page } from '../../contracts/pagination.js';
import type { UserListItemView } from '../../contracts/people-list.js';
import type { UserView } from '../../contracts/schemas.js';
import type { UserChanges } from './users-repository.js';
import { recordAudit } from '../../core/audit.js';
import { decodeCursor, toPage } from '../../core/list-cursor.js';
import type { Actor, ServiceDeps } from '../../core/deps.js';
import { listScopeOf, loadManagedUser, refuseAdminTakeover } from '../../core/actor-scope.js';
import { toUserView } from './create-user.js';
import { endUserSessions, sessionsEnded } from '../sessions/sessions.js';
import { getQrPinPolicy } from '../policies/policies.js';
import { summarizeBadge } from './badge-summary.js';

const userCursor = z.strictObject({ n: z.string().max(2048), i: z.string().max(64) });

export async function listUsers(
  deps: ServiceDeps,
  actor: Actor,
  query: z.output<typeof listUsersQuery>,
): Promise<Page<UserListItemView>> {
  const after = decodeCursor(query.cursor, userCursor);
  const rows = await deps.repos.users.list({
    search: query.search || undefined,
    groupId: query.groupId,
    scope: await listScopeOf(deps, actor),
    after: after && { sortName: after.n, id: after.i },
    limit: query.limit + 1,
  });
  const shown = rows.slice(0, query.limit).map((r) => r.user.id);
  const [groupIds, badges, { lockout }] = await Promise.all([
    deps.repos.users.groupIdsOfMany(shown),
    deps.repos.users.badgeFactsOfMany(shown),
    getQrPinPolicy(deps),
  ]);
  const now = deps.clock.now();
  return toPage(
    rows,
    query.limit,
    (row) => ({
      ...toUserView(row.user, groupIds.get(row.user.id) ?? []),
      badge: summarizeBadge(badges.get(row.user.id), lockout, now),
    }),
    (row) => ({ n: row.sortName, i: row.user.id }),
  );
}

/** GET /users/{id}: admins read anyone, managers only workers in their groups. */
export async function getUserAsActor(deps: ServiceDeps, actor: Actor, id: string): Promise<UserView> {
  const user = await loadManagedUser(deps, actor, id, 'read');
  return toUserView(user, await deps.repos.users.groupIdsOf(user.id));
}

async function loadUserView(deps: ServiceDeps, id: string): Promise<UserView> {
  const user = await deps.repos.users.findById(id);
  if (!user) throw new ApiError('NOT_FOUND', say.noSuchUser);
  return toUserView(user, await deps.repos.users.groupIdsOf(id));
}

const comparable = (view: UserView) => JSON.stringify({ ...view, groupIds: [...view.groupIds].sort() });
const sameUser = (a: UserView, b: UserView) => comparable(a) === comparable(b);

export async function updateUser(
  deps: ServiceDeps,
  actor: Actor,
  id: string,
  patch: z.output<typeof patchUserBody>,
): Promise<UserView> {
  const before = await loadUserView(deps, id);
  refuseAdminTakeover(actor, before.role, patch.role);
  if (patch.accountEnabled === false && id === actor.userId) throw new ApiError('CANNOT_REMOVE_SELF');
  if (patch.userPrincipalName !== undefined) {
    const holder = await deps.repos.users.findByPrincipalName(patch.userPrincipalName);
    if (holder && holder.id !== id) throw new ApiError('USER_ALREADY_EXISTS');
  }
  const groupIds = patch.groupIds && [...new Set(patch.groupIds)];
  if (groupIds && !(await deps.repos.users.groupsExist(groupIds))) throw new ApiError('GROUP_NOT_FOUND');

  const now = deps.clock.now();
  const changes: UserChanges = { updatedAt: now };
  if (patch.userPrincipalName !== undefined) changes.userPrincipalName = patch.userPrincipalName;
  if (patch.displayName !== undefined) changes.displayName = patch.displayName;
  if (patch.employeeId !== undefined) changes.employeeId = patch.employeeId;
  if (patch.role !== undefined) changes.role = patch.role;
  if (patch.accountEnabled !== undefined) changes.accountEnabled = patch.accountEnabled;

  const outcome = await deps.repos.users.update(id, changes, groupIds);
  if (outcome === 'not_found') throw new ApiError('NOT_FOUND', say.noSuchUser);
  if (outcome === 'last_admin') throw new ApiError('LAST_ADMIN');
  if (outcome === 'upn_taken') throw new ApiError('USER_ALREADY_EXISTS');
  // resolveSession also refuses a disabled account; revoking makes the end permanent should the
  // account be enabled again.
  if (patch.accountEnabled === false) await endUserSessions(deps, id);

  const after = toUserView(outcome, groupIds ?? before.groupIds);
  if (!sameUser(before, after)) {
    await recordAudit(deps, actor, 'user.updated', { type: 'user', id }, { before, after });
  }
  return after;
}

export async function deleteUser(deps: ServiceDeps, actor: Actor, id: string): Promise<void> {
  const before = await loadUserView(deps, id);
  refuseAdminTakeover(actor, before.role);
  if (id === actor.userId) throw new ApiError('CANNOT_REMOVE_SELF');
  // The sessions, the method and its codes are deleted with the user: the next request with one
  // of the user's cookies or badges finds nothing.
  // The store apps signed in through the user's sessions are told first: the links to them go with
  // the sessions.
  await sessionsEnded(deps, await deps.repos.sessions.unrevokedIdsOfUser(id));
  const outcome = await deps.repos.users.remove(id);
  if (outcome === 'not_found') throw new ApiError('NOT_FOUND', say.noSuchUser);
  if (outcome === 'last_admin') throw new ApiError('LAST_ADMIN');
  await recordAudit(deps, actor, 'user.deleted', { type: 'user', id }, { before });
}
