/** What a list may show the actor: everything for an admin, a manager's workers for a manager. */
import type { Actor, ServiceDeps } from './deps.js';
import { managedGroupIds } from './actor-scope.js';

export interface ListScope {
  groupIds: string[];
  role: 'worker';
}

/**
 * undefined for an admin (no restriction); for a manager the same rule as loadManagedUser: workers
 * who share one of the manager's groups. A manager in no group gets an empty scope and sees nothing.
 */
export async function listScopeOf(deps: ServiceDeps, actor: Actor): Promise<ListScope | undefined> {
  const groupIds = await managedGroupIds(deps, actor);
  return groupIds === null ? undefined : { groupIds, role: 'worker' };
}
