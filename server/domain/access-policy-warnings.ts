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
import type { ErrorLanguage } from '../contracts/errors.js';
import { NOTICE_TEXT, noticeText } from '../contracts/notice-text.js';

export const POLICY_WARNING_CODES = ['NO_STORE_NETWORK'] as const;
export type PolicyWarningCode = (typeof POLICY_WARNING_CODES)[number];

export interface PolicyWarning {
  code: PolicyWarningCode;
  message: string;
}

type NoStoreNetworkKey = 'noStoreNetworkAllow' | 'noStoreNetworkOther' | 'noStoreNetworkExclude';
const NO_STORE_NETWORK_KEYS: readonly NoStoreNetworkKey[] = [
  'noStoreNetworkAllow',
  'noStoreNetworkOther',
  'noStoreNetworkExclude',
];

/** What will surprise the admin about this policy, given the named locations as they are now. */
export function policyWarnings(
  policy: { grant: Grant; conditions: PolicyConditions },
  locations: readonly { groupId?: string | null }[],
  language: ErrorLanguage = 'en',
): PolicyWarning[] {
  const text = NOTICE_TEXT[language];
  const place = policy.conditions.locations;
  if (!place || locations.some((location) => location.groupId)) return [];
  if (place.include === 'ownStores') {
    const message = policy.grant === 'allow' ? text.noStoreNetworkAllow : text.noStoreNetworkOther;
    return [{ code: 'NO_STORE_NETWORK', message }];
  }
  if (place.exclude === 'ownStores')
    return [{ code: 'NO_STORE_NETWORK', message: text.noStoreNetworkExclude }];
  return [];
}

/**
 * Warnings made in English (the services do not know the request), worded in `language`: for the
 * route, which does. A message this module did not make is kept as it is.
 */
export function policyWarningsIn(
  warnings: readonly PolicyWarning[],
  language: ErrorLanguage,
): PolicyWarning[] {
  return warnings.map((warning) => {
    const key = NO_STORE_NETWORK_KEYS.find((candidate) => noticeText[candidate] === warning.message);
    return key ? { ...warning, message: NOTICE_TEXT[language][key] } : warning;
  });
}

/** A policy view (or a list of them, `{ value }`) with its warnings worded in `language`. */
export function withPolicyWarningsIn<T>(answer: T, language: ErrorLanguage): T {
  if (language === 'en' || typeof answer !== 'object' || answer === null) return answer;
  const record = answer as Record<string, unknown>;
  if (Array.isArray(record.value))
    return {
      ...record,
      value: record.value.map((item: unknown) => withPolicyWarningsIn(item, language)),
    } as T;
  if (Array.isArray(record.warnings))
    return { ...record, warnings: policyWarningsIn(record.warnings as PolicyWarning[], language) } as T;
  return answer;
}
