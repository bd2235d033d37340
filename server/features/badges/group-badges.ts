/**
 * /api/admin/groups/{id}/badges, for an admin or a manager of that store. A manager's reach is the
 * issuing service's: the store's workers; other members are counted as skipped.
 * - GET: who would get what (a preview, nothing issued).
 * - POST: standard badges for the members who have none (or new ones with `replaceExisting`), for
 *   every member or only `userIds`. A badge's QR secret and short code are kept only as hashes, so
 *   an existing label cannot be printed again: a reprint is a replacement (the old label stops
 *   working, the PIN stays, and the answer carries no PIN).
 */
import type { z } from 'zod';
import {
  BADGES_PER_RUN,
  type GroupBadgePreviewPerson,
  type GroupBadgesPreview,
  type GroupBadgesResult,
  type groupBadgesBody,
} from '../../contracts/bulk.js';
import { ApiError } from '../../contracts/errors.js';
import { say } from '../../contracts/error-words.js';
import { recordAudit } from '../../core/audit.js';
import { mayIssueBadgeFor } from '../../domain/badge-queue.js';
import type { Role } from '../../domain/roles.js';
import { badgeHoldingOf, issueStandardBadges, mapInParallel } from './badge-issuing.js';
import type { Actor, ServiceDeps } from '../../core/deps.js';

/** The store's members, by name, if `actor` may issue its badges (a manager: their own stores only). */
export async function membersFor(deps: ServiceDeps, actor: Actor, groupId: string) {
  if (actor.role !== 'admin' && !(await deps.repos.users.groupIdsOf(actor.userId)).includes(groupId)) {
    // Same answer whether the group exists or not: a manager learns nothing about other stores.
    throw new ApiError('FORBIDDEN', say.badgesForOwnStoresOnly);
  }
  const group = await deps.repos.groups.findById(groupId);
  if (!group) throw new ApiError('NOT_FOUND', say.noSuchStore);
  const members = await deps.repos.users.findManyByIds(await deps.repos.groups.memberIdsOf(groupId));
  members.sort((a, b) => a.displayName.localeCompare(b.displayName) || a.id.localeCompare(b.id));
  const mayIssueFor = (m: { role: Role }) => mayIssueBadgeFor(actor.role, m.role);
  return { group, members, mayIssueFor };
}

export async function previewGroupBadges(
  deps: ServiceDeps,
  actor: Actor,
  groupId: string,
): Promise<GroupBadgesPreview> {
  const { group, members, mayIssueFor } = await membersFor(deps, actor, groupId);
  const people = await mapInParallel(members, 16, async (m): Promise<GroupBadgePreviewPerson> => {
    const person = { userId: m.id, displayName: m.displayName, userPrincipalName: m.userPrincipalName };
    if (!mayIssueFor(m)) return { ...person, status: 'notAllowed', expireDateTime: null };
    const holding = await badgeHoldingOf(deps, m.id);
    if (holding.kind === 'badge') {
      return { ...person, status: 'hasBadge', expireDateTime: holding.until.toISOString() };
    }
    return {
      ...person,
      status: holding.kind === 'noMethod' ? 'newBadgeAndPin' : 'newBadge',
      expireDateTime: null,
    };
  });
  return { group: { id: group.id, displayName: group.displayName }, people };
}

export async function issueGroupBadges(
  deps: ServiceDeps,
  actor: Actor,
  groupId: string,
  input: z.output<typeof groupBadgesBody>,
): Promise<GroupBadgesResult> {
  const { members: everyone, mayIssueFor } = await membersFor(deps, actor, groupId);
  let members = everyone;
  if (input.userIds) {
    const chosen = new Set(input.userIds);
    members = everyone.filter((m) => chosen.has(m.id));
    if (members.length < chosen.size) {
      throw new ApiError('VALIDATION_FAILED', say.chosenPeopleLeftStore, { field: 'userIds' });
    }
  }
  const reachable = members.filter(mayIssueFor);
  if (input.replaceExisting && reachable.length > BADGES_PER_RUN) {
    // A second run would replace the first run's badges again: refuse rather than stop half-way.
    throw new ApiError('PAYLOAD_TOO_LARGE', say.tooManyBadgesToReplace(BADGES_PER_RUN, reachable.length), {
      maxPeople: BADGES_PER_RUN,
    });
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
    {
      ...summary,
      replaceExisting: input.replaceExisting,
      ...(input.userIds && { chosenPeople: input.userIds.length }),
    },
  );
  return { summary, badges: issued.badges, badgeFailures: issued.failures };
}
