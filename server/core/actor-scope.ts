/**
 * What an actor may reach. Admins act on anyone; a manager acts only on workers who share one of the
 * manager's groups (stores). Every route that names a user goes through `loadManagedUser`, every list
 * through `listScopeOf`, so one rule decides both. Whoever is out of a manager's reach is answered as
 * if they did not exist (404), so a manager cannot tell another store's people from unused ids.
 */
import { ApiError } from '../contracts/errors.js';
import type { UserRow } from '../features/people/users-repository.js';
import type { Actor, ServiceDeps } from './deps.js';

const noSuchUser = () => new ApiError('NOT_FOUND', 'No user has this id.');

export async function loadManagedUser(deps: ServiceDeps, actor: Actor, userId: string): Promise<UserRow> {
  const user = await deps.repos.users.findById(userId);
  if (!user) throw noSuchUser();
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
