/**
 * What an actor may reach. Admins act on anyone; a manager acts only on workers who share one of the
 * manager's groups (stores). Every route that names a user goes through `loadManagedUser`, every list
 * through `listScopeOf`, so one rule decides both. Whoever is out of a manager's reach is answered as
 * if they did not exist (404), so a manager cannot tell another store's people from unused ids. An API
 * token without admin.full never changes an admin nor makes anyone one (`refuseAdminTakeover`).
 */
import { ApiError } from '../contracts/errors.js';
import { say } from '../contracts/error-words.js';
import { FULL_ADMIN_SCOPE, scopesGrant } from '../domain/api-token-scopes.js';
import type { Role } from '../domain/roles.js';
import type { UserRow } from '../features/people/users-repository.js';
import type { Actor, ServiceDeps } from './deps.js';

const noSuchUser = () => new ApiError('NOT_FOUND', say.noSuchUser);

/**
 * A token narrower than admin.full (say users.write, for an HR sync) may not change an admin — their
 * badge, PIN, sessions, details — nor give anyone the admin role: each would hand its holder an
 * admin's identity at a kiosk and in the store apps. `roles` are the target's role and any new one.
 */
export function refuseAdminTakeover(actor: Actor, ...roles: (Role | undefined)[]): void {
  if (actor.type !== 'api_token' || scopesGrant(actor.scopes, FULL_ADMIN_SCOPE)) return;
  if (roles.includes('admin')) {
    throw new ApiError('TOKEN_SCOPE_MISSING', say.adminNeedsFullScope, {
      scope: FULL_ADMIN_SCOPE,
    });
  }
}

/** The user `userId` if `actor` may reach them; to `change` them (the default) see refuseAdminTakeover. */
export async function loadManagedUser(
  deps: ServiceDeps,
  actor: Actor,
  userId: string,
  purpose: 'read' | 'change' = 'change',
): Promise<UserRow> {
  const user = await deps.repos.users.findById(userId);
  if (!user) throw noSuchUser();
  if (purpose === 'change') refuseAdminTakeover(actor, user.role);
  if (actor.role === 'admin') return user;
  if (actor.role === 'manager' && user.role === 'worker') {
    const [mine, theirs] = await Promise.all([
      deps.repos.users.groupIdsOf(actor.userId),
      deps.repos.users.groupIdsOf(user.id),
    ]);
    if (theirs.some((id) => mine.includes(id))) return user;
  }
  throw noSuchUser();
}

/** The group ids a manager may see, or null for an admin (all groups). */
export async function managedGroupIds(deps: ServiceDeps, actor: Actor): Promise<string[] | null> {
  return actor.role === 'admin' ? null : deps.repos.users.groupIdsOf(actor.userId);
}

export interface ListScope {
  groupIds: string[];
  role: 'worker';
}

/**
 * What a list may show: undefined for an admin (no restriction); for a manager the same rule as
 * loadManagedUser, workers who share one of the manager's groups. A manager in no group gets an empty
 * scope and sees nothing.
 */
export async function listScopeOf(deps: ServiceDeps, actor: Actor): Promise<ListScope | undefined> {
  const groupIds = await managedGroupIds(deps, actor);
  return groupIds === null ? undefined : { groupIds, role: 'worker' };
}
