/**
 * GET /api/admin/groups/{id}/badges/new-people: the store's new people waiting for their first badge
 * (the rule: domain/badge-queue.ts), for an admin or a manager of that store (the same reach as the
 * store's badges). Read in three statements whatever the store's size: its members, then which of
 * them have a QR-code + PIN method. Their badges are issued by POST …/badges with their `userIds`.
 */
import type { NewPeopleView } from '../../contracts/badge-queue.js';
import { badgeQueueOf } from '../../domain/badge-queue.js';
import type { Actor, ServiceDeps } from '../../core/deps.js';
import { membersFor } from './group-badges.js';

/** Ids per badge-facts read: well under SQLite's bound-parameter limit. */
const CHUNK = 500;

async function idsWithMethod(deps: ServiceDeps, userIds: string[]): Promise<Set<string>> {
  const withMethod = new Set<string>();
  for (let i = 0; i < userIds.length; i += CHUNK) {
    const facts = await deps.repos.users.badgeFactsOfMany(userIds.slice(i, i + CHUNK));
    for (const id of facts.keys()) withMethod.add(id);
  }
  return withMethod;
}

export async function listNewPeopleWithoutBadges(
  deps: ServiceDeps,
  actor: Actor,
  groupId: string,
): Promise<NewPeopleView> {
  const { group, members } = await membersFor(deps, actor, groupId);
  const withMethod = await idsWithMethod(
    deps,
    members.map((m) => m.id),
  );
  const queue = badgeQueueOf(
    members.map((m) => ({ ...m, hasMethod: withMethod.has(m.id) })),
    actor.role,
  );
  return {
    group: { id: group.id, displayName: group.displayName },
    value: queue.map((m) => ({
      id: m.id,
      displayName: m.displayName,
      userPrincipalName: m.userPrincipalName,
      employeeId: m.employeeId,
      createdDateTime: m.createdAt.toISOString(),
    })),
  };
}
