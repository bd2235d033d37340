/** Words of the console's logs, reports and dashboard (English only, like the rest of the console). */

/** Sign-in failure codes as a person should read them; unknown codes are shown as they are. */
const FAILURE_REASONS: Record<string, string> = {
  PIN_INCORRECT: 'Wrong PIN',
  QR_CODE_NOT_RECOGNIZED: 'Badge not recognized',
  QR_CODE_EXPIRED: 'Badge expired',
  QR_CODE_NOT_YET_ACTIVE: 'Badge not active yet',
  METHOD_LOCKED: 'Locked after too many wrong PINs',
  TOO_MANY_ATTEMPTS: 'Too many failures from this device or network',
  METHOD_DISABLED_BY_POLICY: 'QR code sign-in not enabled for this person',
  ACCESS_BLOCKED_BY_POLICY: 'Blocked by an access policy',
  PIN_CHANGE_REQUIRED: 'New PIN needed first',
  CREDENTIALS_INCORRECT: 'Wrong username or password (console)',
  AUTHENTICATION_CODE_INCORRECT: 'Wrong authentication code (console)',
  ACCOUNT_LOCKED: 'Console sign-in locked',
  SIGN_IN_CHALLENGE_INVALID: 'Console sign-in expired',
  OIDC_INTERACTION_NOT_FOUND: 'App sign-in expired or unknown',
  OIDC_FRESH_SIGN_IN_REQUIRED: 'App asked for a fresh badge + PIN',
  OIDC_KIOSK_SESSION_REQUIRED: 'App sign-in needs a kiosk sign-in',
  UNKNOWN: 'Unknown reason',
};

export const failureReason = (code: string | null): string =>
  code === null ? '' : (FAILURE_REASONS[code] ?? code);

/** The app named by an app sign-in's log row (details `{ via: 'sso', app: { id, name } }`), or null. */
export function appNameOf(details: unknown): string | null {
  if (typeof details !== 'object' || details === null) return null;
  const app = (details as { app?: unknown }).app;
  if (typeof app !== 'object' || app === null) return null;
  const name = (app as { name?: unknown }).name;
  return typeof name === 'string' ? name : null;
}

/**
 * How many attempts one row stands for: attempts refused for too many tries are counted on one row
 * per device or network and budget window (details `{ refusedAttempts }`), not logged one by one.
 */
export function refusedAttemptsOf(details: unknown): number | null {
  if (typeof details !== 'object' || details === null) return null;
  const count = (details as { refusedAttempts?: unknown }).refusedAttempts;
  return typeof count === 'number' && count > 0 ? count : null;
}

/** The failure codes offered in the filter (the ones kiosk and console sign-ins record). */
export const FILTERABLE_FAILURE_CODES = Object.keys(FAILURE_REASONS).filter((code) => code !== 'UNKNOWN');

export const logsText = {
  title: 'Logs',
  views: { label: 'Log', signIns: 'Sign-ins', audit: 'Audit log' },
  filters: {
    legend: 'Filters',
    user: 'Person',
    userSearch: 'Find a person (name, email or employee ID)',
    userSearchButton: 'Find',
    userMatches: 'Matching people',
    noMatches: 'Nobody matches.',
    chooseUser: (name: string) => `Show ${name}`,
    userId: 'User ID',
    userIdHint: 'Filled in when you choose a person; you can also paste an ID.',
    clearUser: 'Any person',
    store: 'Store',
    anyStore: 'All my stores',
    anyStoreAdmin: 'All stores',
    device: 'Device ID',
    result: 'Result',
    anyResult: 'Any result',
    success: 'Success',
    failure: 'Failure',
    reason: 'Failure reason',
    anyReason: 'Any reason',
    from: 'From (your local time)',
    to: 'Until (your local time)',
    apply: 'Show entries',
    clear: 'Clear filters',
    badTime: 'Enter a date and time.',
    toBeforeFrom: 'Choose a time after “From”.',
  },
  table: {
    signInsCaption: 'Sign-ins, newest first',
    auditCaption: 'Audit log, newest first',
    time: 'Time',
    person: 'Person',
    result: 'Result',
    reason: 'Reason',
    method: 'How',
    device: 'Device',
    address: 'Network address',
    activity: 'Activity',
    actor: 'Done by',
    target: 'Done to',
    details: 'Details',
    unknownUser: 'Unknown badge',
    deletedUser: (id: string) => `Deleted user (${id})`,
    methods: { qr_pin: 'Badge + PIN', password: 'Console password', sso: 'App sign-in' } as Record<
      string,
      string
    >,
    appSignIn: (app: string, ok: boolean) => (ok ? `Signed in to ${app}` : `Sign-in to ${app}`),
    actorTypes: { user: 'Person', api_token: 'API token', system: 'Shiftpass' } as Record<string, string>,
  },
  loading: 'Loading…',
  empty: 'No entries match these filters.',
  previous: 'Previous page',
  next: 'Next page',
  pageStatus: (page: number, shown: number) => `Page ${page}: ${shown} entr${shown === 1 ? 'y' : 'ies'}.`,
  exportCsv: 'Export CSV',
  exportHint: (cap: string) =>
    `The export has the same filters, newest first, at most ${cap} rows; narrow the time range for more.`,
  refusedAttempts: (count: number) =>
    `${count.toLocaleString('en')} such attempt${count === 1 ? '' : 's'}, counted together`,
  retention: (signInDays: number, auditDays: number) =>
    `Sign-ins are kept for ${signInDays.toLocaleString('en')} days and audit entries for ${auditDays.toLocaleString('en')} days, then deleted automatically (change this on Policies).`,
  exportBeforeDeletion: (view: 'sign-ins' | 'audit') =>
    `Export the ${view === 'audit' ? 'audit entries' : 'sign-ins'} to be deleted in the next 7 days`,
  auditAdminsOnly: 'Only admins can see the audit log.',
  forbiddenStore: 'You can only see sign-ins of your own stores.',
  forbidden: 'You are not allowed to see this.',
};

export const reportsText = {
  title: 'QR code expiry report',
  navLabel: 'Reports',
  intro: 'Badges that stop working soon, soonest first, so new ones can be printed in time.',
  withinDays: 'Expiring within (days)',
  withinDaysHint: 'From 1 to 395 days.',
  withinDaysError: 'Enter a whole number of days from 1 to 395.',
  store: 'Store',
  anyStore: 'All stores',
  apply: 'Show badges',
  caption: (days: number) => `Badges expiring within ${days} days`,
  columns: {
    person: 'Person',
    stores: 'Stores',
    kind: 'Badge',
    expires: 'Expires',
    lastUsed: 'Last used',
  },
  kinds: { standard: 'Standard', temporary: 'Temporary' } as Record<string, string>,
  never: 'Never',
  empty: 'No badges expire in this window.',
  forbidden: 'You are not allowed to see this report.',
};

const signIns = (count: number) => `${count} sign-in${count === 1 ? '' : 's'}`;

export const dashboardText = {
  activityTitle: 'Sign-ins in the last 24 hours',
  chartTitle: 'Sign-ins per hour, last 24 hours',
  chartDescription: (success: number, failure: number) =>
    `${signIns(success + failure)}: ${success} succeeded, ${failure} failed. The table below has the numbers per hour.`,
  success: 'Succeeded',
  failure: 'Failed',
  total: 'Total',
  hour: 'Hour starting',
  dataTable: 'Sign-ins per hour as a table',
  totals: (success: number, failure: number) =>
    `${signIns(success + failure)}: ${success} succeeded, ${failure} failed.`,
  reasonsTitle: 'Why sign-ins failed',
  noFailures: 'No failed sign-ins in the last 24 hours.',
  showFailures: 'Show these failures in the log',
  lockedTitle: 'Locked badges',
  locked: (n: number) =>
    n === 0 ? 'No badge is locked right now.' : `${n} badge${n === 1 ? ' is' : 's are'} locked right now.`,
  lockedLink: 'Go to people to unlock',
  scopeManager: 'Counts cover the workers of your stores.',
  loading: 'Loading activity…',
  viewLogs: 'Open the sign-in log',
  expiryLink: 'Badges expiring soon',
};
