/**
 * The API tokens page's words for what a token may do and how long it lasts (English; the console is
 * English only). Every scope needs its words here: the type asks for one entry per scope.
 */
import {
  API_TOKEN_SCOPES,
  FULL_ADMIN_SCOPE,
  type ApiTokenScope,
  type ApiTokenView,
} from '$server/contracts/api-tokens';

export const SCOPE_WORDS = {
  'devices.compliance.write': {
    label: 'Report device compliance (for your MDM)',
    hint: 'Mark kiosk phones compliant or not, and see the list of phones to find them.',
  },
  'devices.read': { label: 'See kiosk phones', hint: 'The phones, their stores and their state.' },
  'logs.read': {
    label: 'Read logs',
    hint: 'Sign-in and audit logs and reports, with their downloads.',
  },
  'users.read': { label: 'Read people', hint: 'People, stores and whether they have a badge.' },
  'users.write': {
    label: 'Change people',
    hint: 'Add, change and remove people and stores, issue badges and reset PINs. Includes reading them.',
  },
  'admin.full': {
    label: 'Full admin access — can do anything an admin can, including inviting admins',
    hint: 'Only for a tool you trust as much as an admin. Whoever holds the token can take over any admin account.',
  },
} satisfies Record<ApiTokenScope, { label: string; hint: string }>;

/** The checkboxes of the token form, narrowest first. */
export const scopeChoices = API_TOKEN_SCOPES.map((scope) => ({ scope, ...SCOPE_WORDS[scope] }));

/** A short name for each scope in the token list. */
const SHORT = {
  'devices.compliance.write': 'Report device compliance',
  'devices.read': 'See kiosk phones',
  'logs.read': 'Read logs',
  'users.read': 'Read people',
  'users.write': 'Change people',
  'admin.full': 'Full admin access',
} satisfies Record<ApiTokenScope, string>;

/** What a token may do, in words: "Read people, Read logs", or only "Full admin access". */
export function describeScopes(scopes: readonly ApiTokenScope[]): string {
  if (scopes.includes(FULL_ADMIN_SCOPE)) return SHORT[FULL_ADMIN_SCOPE];
  return API_TOKEN_SCOPES.filter((scope) => scopes.includes(scope))
    .map((scope) => SHORT[scope])
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

/** When a token stops working, in words: "in 29 days (12 Jan 2027)", "Expired", "Never expires". */
export function describeExpiry(expireDateTime: string | null, format: TimeFormat): string {
  if (expireDateTime === null) return 'Never expires';
  const at = new Date(expireDateTime);
  const left = at.getTime() - format.now.getTime();
  const date = at.toLocaleDateString(format.locale, { dateStyle: 'medium', timeZone: format.timeZone });
  if (left <= 0) return `Expired (${date})`;
  // Calendar days in the reader's zone: a token made this morning to the end of the day 90 days on
  // expires "in 90 days", not 91 (90.7 days rounded).
  const days = Math.round(
    (calendarDay(at, format.timeZone) - calendarDay(format.now, format.timeZone)) / DAY_MS,
  );
  const soon = days === 0 ? 'today' : days === 1 ? 'in 1 day' : `in ${days} days`;
  return `Expires ${soon} (${date})`;
}

/**
 * What an admin should know about a token that still works: a token that never expires (made at
 * first run by an older version) and a token with full admin access.
 */
export function tokenWarnings(token: {
  expireDateTime: string | null;
  scopes: readonly ApiTokenScope[];
  state: ApiTokenView['state'];
}): string[] {
  if (token.state !== 'active') return [];
  const warnings: string[] = [];
  if (token.expireDateTime === null) {
    warnings.push('Never expires: replace it with one that does.');
  }
  if (token.scopes.includes(FULL_ADMIN_SCOPE)) {
    warnings.push('Can invite admins: if the tool needs less, replace it with a narrower token.');
  }
  return warnings;
}
