/**
 * Warnings about a conditional-access policy that saves but will not do what its admin expects: they
 * never refuse the save (the admin may be about to add the missing piece) but are shown next to the
 * policy and on the form before saving. Pure: the caller passes the conditions and the named locations.
 *
 * - NO_STORE_NETWORK: the policy speaks of "the person's own stores' networks" (`ownStores`) and no
 *   named location belongs to a store, so that condition matches no network at all: an allow policy
 *   refuses every sign-in it speaks about, an exception excludes nothing.
 */
import type { Grant, PolicyConditions } from './conditional-access.js';

export const POLICY_WARNING_CODES = ['NO_STORE_NETWORK'] as const;
export type PolicyWarningCode = (typeof POLICY_WARNING_CODES)[number];

export interface PolicyWarning {
  code: PolicyWarningCode;
  message: string;
}

const NO_STORE_NETWORK = {
  include: {
    allow:
      "This policy needs the person's own store network, but no named location is linked to a store yet: every sign-in it covers will be refused. Link each store's network to its store on the Named locations page.",
    other:
      "This policy needs the person's own store network, but no named location is linked to a store yet, so it never applies. Link each store's network to its store on the Named locations page.",
  },
  exclude:
    "This policy makes an exception for the person's own store network, but no named location is linked to a store yet, so the exception never applies. Link each store's network to its store on the Named locations page.",
};

/** What will surprise the admin about this policy, given the named locations as they are now. */
export function policyWarnings(
  policy: { grant: Grant; conditions: PolicyConditions },
  locations: readonly { groupId?: string | null }[],
): PolicyWarning[] {
  const place = policy.conditions.locations;
  if (!place || locations.some((location) => location.groupId)) return [];
  if (place.include === 'ownStores') {
    const message =
      policy.grant === 'allow' ? NO_STORE_NETWORK.include.allow : NO_STORE_NETWORK.include.other;
    return [{ code: 'NO_STORE_NETWORK', message }];
  }
  if (place.exclude === 'ownStores') return [{ code: 'NO_STORE_NETWORK', message: NO_STORE_NETWORK.exclude }];
  return [];
}
