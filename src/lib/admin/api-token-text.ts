/**
 * The API tokens page's sentences about a token: what it may do and how long it lasts, in the words
 * of the page's language (`apiTokensText` or its Spanish, passed in).
 */
import {
  API_TOKEN_SCOPES,
  FULL_ADMIN_SCOPE,
  type ApiTokenScope,
  type ApiTokenView,
} from '$server/contracts/api-tokens';
import type { apiTokensText } from './api-tokens-text';

export type ApiTokensWords = typeof apiTokensText;

/** The checkboxes of the token form, narrowest first. */
export const scopeChoices = (t: ApiTokensWords) =>
  API_TOKEN_SCOPES.map((scope) => ({
    scope,
    label: t.scopeWords[scope].label,
    hint: t.scopeWords[scope].hint,
  }));

/** What a token may do, in words: "Read people, Read logs", or only "Full admin access". */
export function describeScopes(scopes: readonly ApiTokenScope[], t: ApiTokensWords): string {
  if (scopes.includes(FULL_ADMIN_SCOPE)) return t.scopeWords[FULL_ADMIN_SCOPE].short;
  return API_TOKEN_SCOPES.filter((scope) => scopes.includes(scope))
    .map((scope) => t.scopeWords[scope].short)
    .join(', ');
}

const DAY_MS = 24 * 60 * 60 * 1000;

export interface TimeFormat {
  locale?: string;
  timeZone?: string;
  now: Date;
}

/** Midnight UTC of the calendar day `at` falls on in `timeZone` (the reader's when absent). */
function calendarDay(at: Date, timeZone: string | undefined): number {
  const [year, month, day] = at
    .toLocaleDateString('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' })
    .split('-')
    .map(Number);
  return Date.UTC(year!, month! - 1, day!);
}

/** When a token stops working, in words: "Expires in 29 days (12 Jan 2027)", "Expired (…)", "Never expires". */
export function describeExpiry(expireDateTime: string | null, format: TimeFormat, t: ApiTokensWords): string {
  if (expireDateTime === null) return t.neverExpires;
  const at = new Date(expireDateTime);
  const left = at.getTime() - format.now.getTime();
  const date = at.toLocaleDateString(format.locale, { dateStyle: 'medium', timeZone: format.timeZone });
  if (left <= 0) return t.expired(date);
  // Calendar days in the reader's zone: a token made this morning to the end of the day 90 days on
  // expires "in 90 days", not 91 (90.7 days rounded).
  const days = Math.round(
    (calendarDay(at, format.timeZone) - calendarDay(format.now, format.timeZone)) / DAY_MS,
  );
  return t.expiresIn(days, date);
}

/**
 * What an admin should know about a token that still works: a token that never expires (made at
 * first run by an older version) and a token with full admin access.
 */
export function tokenWarnings(
  token: {
    expireDateTime: string | null;
    scopes: readonly ApiTokenScope[];
    state: ApiTokenView['state'];
  },
  t: ApiTokensWords,
): string[] {
  if (token.state !== 'active') return [];
  const warnings: string[] = [];
  if (token.expireDateTime === null) warnings.push(t.warnNeverExpires);
  if (token.scopes.includes(FULL_ADMIN_SCOPE)) warnings.push(t.warnFullAdmin);
  return warnings;
}
