/**
 * POST /api/admin/groups/{id}/badges: standard badges for a store's members who have none (or new
 * ones for everyone with `replaceExisting`), for an admin or a manager of that store. A manager's
 * reach is the issuing service's: the store's workers; other members are counted as skipped.
 */
import type { z } from 'zod';
import { BADGES_PER_RUN, type GroupBadgesResult, type groupBadgesBody } from '../../contracts/bulk.js';
import { ApiError } from '../../contracts/errors.js';
import { recordAudit } from '../../core/audit.js';
import { issueStandardBadges } from './badge-issuing.js';
import type { Actor, ServiceDeps } from '../../core/deps.js';

export async function issueGroupBadges(
  deps: ServiceDeps,
  actor: Actor,
  groupId: string,
  input: z.output<typeof groupBadgesBody>,
): Promise<GroupBadgesResult> {
  if (actor.role !== 'admin' && !(await deps.repos.users.groupIdsOf(actor.userId)).includes(groupId)) {
    // Same answer whether the group exists or not: a manager learns nothing about other stores.
    throw new ApiError('FORBIDDEN', 'You can only issue badges for your own stores.');
  }
  const group = await deps.repos.groups.findById(groupId);
  if (!group) throw new ApiError('NOT_FOUND', 'No group has this id.');

  const members = await deps.repos.users.findManyByIds(await deps.repos.groups.memberIdsOf(groupId));
  members.sort((a, b) => a.displayName.localeCompare(b.displayName) || a.id.localeCompare(b.id));
  const reachable = actor.role === 'admin' ? members : members.filter((m) => m.role === 'worker');
  if (input.replaceExisting && reachable.length > BADGES_PER_RUN) {
    // A second run would replace the first run's badges again: refuse rather than stop half-way.
    throw new ApiError(
      'PAYLOAD_TOO_LARGE',
      `Replacing badges works for at most ${BADGES_PER_RUN} people at a time; this store has ${reachable.length}.`,
      { maxPeople: BADGES_PER_RUN },
    );
  }
  const issued = await issueStandardBadges(
    deps,
    actor,
    reachable.map((m) => ({ id: m.id, userPrincipalName: m.userPrincipalName, displayName: m.displayName })),
    { replace: input.replaceExisting },
  );
  const summary = {
    issued: issued.badges.length,
    alreadyHadBadge: issued.alreadyHadBadge,
    skipped: members.length - reachable.length + issued.failures.length,
    remaining: issued.remaining,
  };
  await recordAudit(
    deps,
    actor,
    'group.badgesIssued',
    { type: 'group', id: groupId },
    { ...summary, replaceExisting: input.replaceExisting },
  );
  return { summary, badges: issued.badges, badgeFailures: issued.failures };
}
