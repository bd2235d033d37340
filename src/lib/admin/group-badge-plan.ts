/**
 * The store badges page's plan from the preview (GET /api/admin/groups/{id}/badges): who "Issue"
 * would badge, and which of the people chosen for a reprint still can be (only people with a working
 * badge are reprinted; the rest get theirs from "Issue").
 */
import type { GroupBadgePreviewPerson } from '$server/contracts/bulk';

export interface GroupBadgePlan {
  /** People "Issue" gives a badge: no badge yet (with or without a PIN). */
  toIssue: GroupBadgePreviewPerson[];
  /** People with a working badge, whose label can be reprinted. */
  reprintable: GroupBadgePreviewPerson[];
}

export function planGroupBadges(people: readonly GroupBadgePreviewPerson[]): GroupBadgePlan {
  return {
    toIssue: people.filter((p) => p.status === 'newBadgeAndPin' || p.status === 'newBadge'),
    reprintable: people.filter((p) => p.status === 'hasBadge'),
  };
}

/** The chosen ids that are still reprintable, in the preview's order. */
export function chosenForReprint(plan: GroupBadgePlan, chosen: ReadonlySet<string>): string[] {
  return plan.reprintable.filter((p) => chosen.has(p.userId)).map((p) => p.userId);
}
