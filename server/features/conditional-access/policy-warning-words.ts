/**
 * The access-policy warnings (server/domain/access-policy-warnings.ts, English: the domain speaks no
 * other language) worded in the request's language at the route, from the notice catalogue
 * (server/contracts/notice-text.ts). The codes never change; a message not in the catalogue is kept.
 */
import type { ErrorLanguage } from '../../contracts/errors.js';
import { NOTICE_TEXT, noticeText } from '../../contracts/notice-text.js';
import type { PolicyWarning } from '../../domain/access-policy-warnings.js';

const KEYS = ['noStoreNetworkAllow', 'noStoreNetworkOther', 'noStoreNetworkExclude'] as const;

export function policyWarningsIn(
  warnings: readonly PolicyWarning[],
  language: ErrorLanguage,
): PolicyWarning[] {
  return warnings.map((warning) => {
    const key = KEYS.find((candidate) => noticeText[candidate] === warning.message);
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
