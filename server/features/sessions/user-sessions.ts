/**
 * GET /api/admin/users/{id}/sessions: the user's sessions that still work, so an admin or the
 * worker's manager can see where someone is signed in before ending them all. Never the token.
 */
import { absoluteEndOf, sessionStateAt } from '../../domain/session-timing.js';
import type { UserSessionView } from '../../contracts/directory.js';
import { loadManagedUser } from '../../core/actor-scope.js';
import type { Actor, ServiceDeps } from '../../core/deps.js';
import { getSessionPolicy, sessionTimeoutsOf } from '../policies/policies.js';

export async function listUserSessions(
  deps: ServiceDeps,
  actor: Actor,
  userId: string,
): Promise<{ value: UserSessionView[] }> {
  const user = await loadManagedUser(deps, actor, userId, 'read');
  const now = deps.clock.now();
  const policy = await getSessionPolicy(deps);
  const rows = await deps.repos.sessions.listOpenForUser(user.id, now);
  const value = rows
    .filter((row) => sessionStateAt(row, sessionTimeoutsOf(policy, row.kind), now) === 'active')
    .map((row) => ({
      id: row.id,
      kind: row.kind,
      authMethod: row.authMethod,
      deviceId: row.deviceId,
      userAgent: row.userAgent,
      createdDateTime: row.createdAt.toISOString(),
      lastSeenDateTime: row.lastSeenAt.toISOString(),
      expiresDateTime: absoluteEndOf(row, sessionTimeoutsOf(policy, row.kind)).toISOString(),
    }));
  return { value };
}
