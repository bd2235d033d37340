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
  FORBIDDEN: "Not a manager of this kiosk's store",
  DEVICE_NOT_ENROLLED: 'Phone is not a store kiosk',
  DEVICE_SUSPENDED: 'Kiosk suspended',
  DEVICE_REVOKED: 'Kiosk removed',
  DEVICE_PROOF_INVALID: "Kiosk's proof did not check out",
  DEVICE_KEY_MISMATCH: "Kiosk's key does not match",
  DEVICE_ATTESTATION_INVALID: "Kiosk's attestation not valid",
  DEVICE_ATTESTATION_EXPIRED: "Kiosk's attestation expired",
  DEVICE_NONCE_UNKNOWN: "Kiosk's one-time proof unknown",
  DEVICE_NONCE_EXPIRED: "Kiosk's one-time proof expired",
  DEVICE_NONCE_REPLAYED: "Kiosk's one-time proof used twice",
  DEVICE_TOKEN_ALGORITHM_REFUSED: "Kiosk's proof used a refused algorithm",
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
  pickers: {
    person: 'Person',
    personPlaceholder: 'Type a name, sign-in name or employee ID',
    noPeople: 'Nobody matches.',
    anyPerson: 'Any person',
    device: 'Kiosk',
    devicePlaceholder: 'Type a kiosk name',
    noDevices: 'No kiosk matches.',
    anyDevice: 'Any kiosk',
    /** The picker's text for an id in the address that names no one this viewer can see. */
    unknownPerson: 'A deleted or hidden person',
    unknownDevice: 'A removed or hidden kiosk',
    searching: 'Searching…',
    deviceHint: (store: string | null, status: string) =>
      [store ?? 'No store', status === 'active' ? null : status === 'suspended' ? 'suspended' : 'removed']
        .filter(Boolean)
        .join(' · '),
  },
  detail: {
    signInTitle: 'Sign-in details',
    auditTitle: 'Audit entry details',
    close: 'Close',
    open: 'Details',
    why: 'Why?',
    when: 'When',
    person: 'Person',
    signInName: 'Sign-in name',
    result: 'Result',
    failure: 'Why it failed',
    how: 'How',
    device: 'Kiosk',
    noDevice: 'Not a store kiosk',
    address: 'Network address',
    browser: 'Browser',
    technical: 'Technical detail',
    access: 'Access decision',
    reportOnly: 'Report-only rules would have',
    rules: 'Access rules',
    rule: 'Rule',
    ruleResult: 'Effect',
    ruleReasons: 'Because',
    noRules: 'No access rule applied.',
    compliance: 'Kiosk compliance',
    compliant: 'Compliant',
    noncompliant: (reasons: string[]) => `Not compliant: ${reasons.join('; ')}`,
    id: (id: string) => `ID ${id}`,
    rowLabel: (person: string, time: string) => `Why? ${person}, ${time}`,
    auditRowLabel: (time: string) => `Details of the entry at ${time}`,
    whatHappened: 'What happened',
    doneBy: 'Done by',
    doneTo: 'Done to',
    changes: 'Changes',
    field: 'Setting',
    before: 'Before',
    after: 'After',
    otherDetails: 'Other details',
    empty: '(empty)',
  },
  views: { label: 'Log', signIns: 'Sign-ins', audit: 'Audit log' },
  filters: {
    legend: 'Filters',
    store: 'Store',
    anyStore: 'All my stores',
    anyStoreAdmin: 'All stores',
    device: 'Kiosk',
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
    device: 'Kiosk',
    address: 'Network address',
    activity: 'What happened',
    actor: 'Done by',
    target: 'Done to',
    unknownUser: 'Unknown badge',
    deletedDevice: 'Unknown kiosk',
    noDevice: '—',
    targetTypes: {
      user: 'A deleted person',
      device: 'A removed kiosk',
      apiToken: 'A deleted API token',
      group: 'A deleted store',
      app: 'A deleted app',
      conditionalAccessPolicy: 'A deleted access rule',
      namedLocation: 'A deleted named location',
      policy: 'Policy',
      logs: 'Logs',
      import: 'CSV import',
    } as Record<string, string>,
    deletedUser: (id: string) => `Deleted user (${id})`,
    deletedUserShort: 'A deleted person',
    how: 'How',
    methods: { qr_pin: 'Badge + PIN', password: 'Console password', sso: 'App sign-in' } as Record<
      string,
      string
    >,
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

/** The parts of an audit entry its sentence is built from (server/contracts/logs.ts AuditLogView). */
export interface AuditFacts {
  activity: string;
  actorType: string;
  actorId: string | null;
  actorDisplayName: string | null;
  targetType: string | null;
  targetId: string | null;
  targetDisplayName: string | null;
  details: unknown;
}

/** Who did it, in words: a person's name, an API token's name, or Shiftpass itself. */
export function actorName(entry: AuditFacts): string {
  if (entry.actorType === 'system') return 'Shiftpass';
  if (entry.actorType === 'api_token') {
    return entry.actorDisplayName ? `API token “${entry.actorDisplayName}”` : 'a deleted API token';
  }
  return entry.actorDisplayName ?? 'a deleted person';
}

const record = (value: unknown): Record<string, unknown> | null =>
  typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : null;

/** A value of the entry's before/after snapshot (details `{ before, after }`), if there. */
function snapshot(details: unknown, side: 'before' | 'after', key: string): unknown {
  return record(record(details)?.[side])?.[key];
}

/** What a deleted target was called, from the entry's own snapshot. */
function nameInDetails(details: unknown): string | null {
  for (const side of ['after', 'before'] as const) {
    const name = snapshot(details, side, 'displayName');
    if (typeof name === 'string' && name) return name;
  }
  return null;
}

const TARGET_NOUNS: Record<string, string> = {
  user: 'a person',
  device: 'a kiosk',
  apiToken: 'an API token',
  group: 'a store',
  app: 'an app',
  conditionalAccessPolicy: 'an access rule',
  namedLocation: 'a named location',
  policy: 'a policy',
};

/** What it was done to, in words: the current name, else the name it had, else what kind of thing. */
export function targetName(entry: AuditFacts): string {
  const name = entry.targetDisplayName ?? nameInDetails(entry.details);
  if (name) return `“${name}”`;
  return TARGET_NOUNS[entry.targetType ?? ''] ?? 'something';
}

/** A person named as the target reads without quotes ("Ana Silva's badge"). */
const personName = (entry: AuditFacts) =>
  entry.targetDisplayName ?? nameInDetails(entry.details) ?? 'a person';

const count = (n: unknown, one: string, many: string) =>
  typeof n === 'number' ? `${n.toLocaleString('en')} ${n === 1 ? one : many}` : many;

type Sentence = (entry: AuditFacts, by: string) => string;

/** device.updated: what changed (status, name, store), from the entry's before/after. */
const deviceUpdated: Sentence = (e, by) => {
  const before = snapshot(e.details, 'before', 'status');
  const after = snapshot(e.details, 'after', 'status');
  if (before !== after && after === 'suspended') return `Kiosk ${targetName(e)} suspended by ${by}`;
  if (before !== after && after === 'active') return `Kiosk ${targetName(e)} resumed by ${by}`;
  const oldName = snapshot(e.details, 'before', 'displayName');
  const newName = snapshot(e.details, 'after', 'displayName');
  if (typeof oldName === 'string' && typeof newName === 'string' && oldName !== newName) {
    return `Kiosk “${oldName}” renamed to “${newName}” by ${by}`;
  }
  return `Kiosk ${targetName(e)} changed by ${by}`;
};

/**
 * Every audit event the server writes, as a sentence with the names the entry carries. A unit test
 * (tests/unit/logs-text.test.ts) finds every event key in the server's code and checks it is here.
 */
export const AUDIT_SENTENCES: Record<string, Sentence> = {
  'user.created': (e, by) => `${personName(e)} added by ${by}`,
  'user.updated': (e, by) => `${personName(e)}'s details changed by ${by}`,
  'user.deleted': (e, by) => `${personName(e)} deleted by ${by}`,
  'user.sessionsRevoked': (e, by) => `${personName(e)} signed out everywhere by ${by}`,
  'users.imported': (e, by) => {
    const d = record(e.details);
    const added = typeof d?.created === 'number' ? d.created : null;
    const changed = typeof d?.updated === 'number' ? d.updated : null;
    if (added === null || changed === null) return `People imported from a CSV file by ${by}`;
    return `CSV import by ${by}: ${count(added, 'person', 'people')} added, ${changed.toLocaleString('en')} changed`;
  },
  'qrPinMethod.issued': (e, by) => `Badge and PIN issued to ${personName(e)} by ${by}`,
  'qrPinMethod.deleted': (e, by) => `${personName(e)}'s badge and PIN deleted by ${by}`,
  'qrPinMethod.unlocked': (e, by) => `${personName(e)}'s badge unlocked by ${by}`,
  'qrCode.standard.issued': (e, by) => `New badge issued to ${personName(e)} by ${by}`,
  'qrCode.temporary.issued': (e, by) => `Temporary badge issued to ${personName(e)} by ${by}`,
  'qrCode.standard.deleted': (e, by) => `${personName(e)}'s badge deleted by ${by}`,
  'qrCode.temporary.deleted': (e, by) => `${personName(e)}'s temporary badge deleted by ${by}`,
  'pin.reset': (e, by) => `${personName(e)}'s PIN reset by ${by}`,
  'pin.changed': (e) => `${personName(e)} chose a new PIN`,
  'group.created': (e, by) => `Store ${targetName(e)} added by ${by}`,
  'group.updated': (e, by) => `Store ${targetName(e)} changed by ${by}`,
  'group.deleted': (e, by) => `Store ${targetName(e)} deleted by ${by}`,
  'group.badgesIssued': (e, by) => {
    const n = record(e.details)?.issued;
    return `${typeof n === 'number' ? count(n, 'badge', 'badges') : 'Badges'} issued for store ${targetName(e)} by ${by}`;
  },
  'device.enrolled': (e, by) => `Kiosk ${targetName(e)} set up by ${by}`,
  'device.updated': deviceUpdated,
  'device.revoked': (e, by) => `Kiosk ${targetName(e)} removed by ${by}`,
  'device.suspendedAtKiosk': (e, by) => `Kiosk ${targetName(e)} suspended at the kiosk by ${by}`,
  'device.unenrolledAtKiosk': (e, by) => `Kiosk ${targetName(e)} removed at the kiosk by ${by}`,
  'device.complianceReported': (e, by) => {
    const compliant = snapshot(e.details, 'after', 'compliant');
    const verdict = compliant === true ? 'compliant' : compliant === false ? 'not compliant' : 'checked';
    return `Kiosk ${targetName(e)} reported ${verdict} by ${by}`;
  },
  'apiToken.created': (e, by) => `API token ${targetName(e)} created by ${by}`,
  'apiToken.revoked': (e, by) => `API token ${targetName(e)} revoked by ${by}`,
  'app.created': (e, by) => `App ${targetName(e)} added by ${by}`,
  'app.updated': (e, by) => `App ${targetName(e)} changed by ${by}`,
  'app.secretRotated': (e, by) => `App ${targetName(e)} given a new client secret by ${by}`,
  'app.deleted': (e, by) => `App ${targetName(e)} deleted by ${by}`,
  'policy.qrCodePin.updated': (_e, by) => `QR code + PIN policy changed by ${by}`,
  'policy.consoleSignIn.updated': (_e, by) => `Console sign-in policy changed by ${by}`,
  'policy.sessions.updated': (_e, by) => `Session policy changed by ${by}`,
  'policy.logRetention.updated': (_e, by) => `Log retention changed by ${by}`,
  'conditionalAccess.policy.created': (e, by) => `Access rule ${targetName(e)} added by ${by}`,
  'conditionalAccess.policy.updated': (e, by) => `Access rule ${targetName(e)} changed by ${by}`,
  'conditionalAccess.policy.deleted': (e, by) => `Access rule ${targetName(e)} deleted by ${by}`,
  'conditionalAccess.namedLocation.created': (e, by) => `Named location ${targetName(e)} added by ${by}`,
  'conditionalAccess.namedLocation.updated': (e, by) => `Named location ${targetName(e)} changed by ${by}`,
  'conditionalAccess.namedLocation.deleted': (e, by) => `Named location ${targetName(e)} deleted by ${by}`,
  'consoleInvitation.created': (e, by) => `Console invitation for ${personName(e)} created by ${by}`,
  'consoleInvitation.redeemed': (e) => `${personName(e)} chose a console password from an invitation`,
  'consoleSignIn.unlocked': (e, by) => `${personName(e)}'s console sign-in unlocked by ${by}`,
  'console.totp.enrolled': (e) => `${personName(e)} set up an authenticator app for the console`,
  'console.recoveryCode.used': (e) => `${personName(e)} signed in to the console with a recovery code`,
  'logs.retention.deleted': (e) => {
    const d = record(e.details);
    return `Old log entries deleted automatically (${count(d?.signInLogs, 'sign-in', 'sign-ins')}, ${count(d?.auditLogs, 'audit entry', 'audit entries')})`;
  },
};

/** An audit entry in words ("Kiosk “Front till” suspended at the kiosk by Maria Lopes"). */
export function auditSentence(entry: AuditFacts): string {
  const sentence = AUDIT_SENTENCES[entry.activity];
  if (sentence) return sentence(entry, actorName(entry));
  // An event this console does not know yet: its key, with who did it.
  return `${entry.activity} by ${actorName(entry)}`;
}

/** How a sign-in row's badge or password was given, in words (the "How" column). */
export function signInHow(entry: { authMethod: string; details: unknown }, ok: boolean): string {
  const app = appNameOf(entry.details);
  if (app) return ok ? `Signed in to ${app}` : `Sign-in to ${app}`;
  const details = record(entry.details);
  if (entry.authMethod === 'qr_pin') {
    if (details?.purpose === 'exitKiosk') return 'Badge + PIN to exit kiosk mode';
    return details?.via === 'shortCode' ? 'Typed code + PIN' : 'Badge + PIN';
  }
  return logsText.table.methods[entry.authMethod] ?? entry.authMethod;
}

/**
 * A log time on one line in the viewer's time zone ("6 Dec, 06:02"; the year too when it is not this
 * year's). `timeZone` is for tests; the page leaves it to the browser.
 */
export function logTime(iso: string, options: { now?: Date; timeZone?: string } = {}): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  const zone = options.timeZone ? { timeZone: options.timeZone } : {};
  const yearOf = (d: Date) => new Intl.DateTimeFormat('en-GB', { year: 'numeric', ...zone }).format(d);
  const sameYear = yearOf(date) === yearOf(options.now ?? new Date());
  return new Intl.DateTimeFormat('en-GB', {
    day: 'numeric',
    month: 'short',
    ...(sameYear ? {} : { year: 'numeric' }),
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    ...zone,
  }).format(date);
}

/** The full time with seconds and the time zone, for the detail panel and the hover. */
export function logTimeFull(iso: string, options: { timeZone?: string } = {}): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  return new Intl.DateTimeFormat('en-GB', {
    dateStyle: 'full',
    timeStyle: 'long',
    ...(options.timeZone ? { timeZone: options.timeZone } : {}),
  }).format(date);
}

/** A settings key in words: `displayName` → "Display name". */
export const fieldName = (key: string): string => {
  const words = key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
};

/** A logged value in words: empty, yes/no, lists joined, objects as compact JSON. */
export function valueText(value: unknown): string {
  if (value === null || value === undefined || value === '') return logsText.detail.empty;
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (Array.isArray(value)) {
    return value.length === 0 ? logsText.detail.empty : value.map((v) => valueText(v)).join(', ');
  }
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

export interface FieldChange {
  field: string;
  before: string;
  after: string;
}

/** What an audit entry's before/after snapshots say changed (every field, when only one side exists). */
export function changesOf(details: unknown): FieldChange[] {
  const d = record(details);
  const before = record(d?.before);
  const after = record(d?.after);
  if (!before && !after) return [];
  const keys = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])];
  return keys
    .filter((key) => !before || !after || JSON.stringify(before[key]) !== JSON.stringify(after[key]))
    .map((key) => ({
      field: fieldName(key),
      before: before ? valueText(before[key]) : '',
      after: after ? valueText(after[key]) : '',
    }));
}

/** The entry's other details (besides before/after), as labelled values. */
export function otherDetailsOf(details: unknown): { field: string; value: string }[] {
  const d = record(details);
  if (!d) return [];
  return Object.entries(d)
    .filter(([key]) => key !== 'before' && key !== 'after')
    .map(([key, value]) => ({ field: fieldName(key), value: valueText(value) }));
}

const POLICY_NAMES: Record<string, string> = {
  'qr-code-pin': 'QR code + PIN policy',
  'console-sign-in': 'Console sign-in policy',
  sessions: 'Session policy',
  logRetention: 'Log retention',
};

/** The "Done to" cell: the target's name, a policy's name, or what kind of thing it was. */
export function targetLabel(entry: AuditFacts): string {
  if (entry.targetDisplayName) return entry.targetDisplayName;
  if (entry.targetType === 'policy' && entry.targetId) return POLICY_NAMES[entry.targetId] ?? 'A policy';
  const name = nameInDetails(entry.details);
  if (name) return name;
  return logsText.table.targetTypes[entry.targetType ?? ''] ?? '';
}
