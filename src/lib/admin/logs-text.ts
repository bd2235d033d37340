/**
 * Words of the console's logs: the sign-in log, the audit log and its sentences, the detail panel
 * (English; the Spanish is i18n/es/logs-text.ts). Pure functions that word an entry with these take
 * them as a parameter (log-words.ts). The dashboard's words are here too, until it has its own area.
 */
import { reportsText } from './reports-text';

export { reportsText };

/** What an audit sentence is built from, worked out by log-words.ts from the entry. */
export interface SentenceParts {
  /** Who did it: a person's name, an API token, or Shiftpass. */
  by: string;
  /** The person it was done to, without quotes ("Ana Silva"). */
  person: string;
  /** What it was done to, quoted when named ("“Front till”"), else what kind of thing. */
  target: string;
  /** The entry's other facts (counts of an import, of a retention run…). */
  details: Record<string, unknown> | null;
  /** A count in the viewer's language: `count(3, 'badge', 'badges')` → "3 badges". */
  count: (n: unknown, one: string, many: string) => string;
  /** For device.updated: what changed. */
  deviceChange: 'suspended' | 'resumed' | { from: string; to: string } | null;
  /** For device.complianceReported: the verdict, if the entry says. */
  compliant: boolean | null;
}

type Sentence = (p: SentenceParts) => string;

const count = (n: number) => n.toLocaleString('en');

export const logsText = {
  title: 'Logs',
  intro: 'Every sign-in and every change made in the console, newest first, in your time zone.',
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
    noStore: 'No store',
    suspended: 'suspended',
    removed: 'removed',
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
    noRules: 'No access rule applied.',
    compliance: 'Kiosk compliance',
    compliant: 'Compliant',
    noncompliant: (reasons: string[]) => `Not compliant: ${reasons.join('; ')}`,
    id: (id: string) => `ID ${id}`,
    rowLabel: (person: string, time: string) => `Why? ${person}, ${time}`,
    auditRowLabel: (time: string) => `Details of the entry at ${time}`,
    doneBy: 'Done by',
    doneTo: 'Done to',
    changes: 'Changes',
    field: 'Setting',
    before: 'Before',
    after: 'After',
    otherDetails: 'Other details',
    empty: '(empty)',
    yes: 'Yes',
    no: 'No',
    /** Step-up by a manager: who confirmed a worker's sign-in, or whose sign-in a manager confirmed. */
    stepUp: 'Manager confirmation',
    confirmedBy: (manager: string) => `Confirmed by ${manager}`,
    confirmingFor: (worker: string) => `For the sign-in of ${worker}`,
  },
  views: { label: 'Log', signIns: 'Sign-ins', audit: 'Audit log' },
  filters: {
    legend: 'Filters',
    store: 'Store',
    anyStore: 'All my stores',
    anyStoreAdmin: 'All stores',
    showStores: 'Show stores',
    noStoreMatches: 'No store matches.',
    unknownStore: 'A store you cannot see',
    result: 'Result',
    anyResult: 'Any result',
    success: 'Success',
    failure: 'Failure',
    reason: 'Failure reason',
    anyReason: 'Any reason',
    showReasons: 'Show failure reasons',
    noReasonMatches: 'No reason matches.',
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
    access: 'Access',
    activity: 'What happened',
    actor: 'Done by',
    target: 'Done to',
    unknownUser: 'Unknown badge',
    deletedDevice: 'Unknown kiosk',
    noDevice: '—',
    deletedUser: (id: string) => `Deleted person (${id})`,
    deletedUserShort: 'A deleted person',
    how: 'How',
  },
  /** How a sign-in was made (the "How" column). */
  how: {
    methods: { qr_pin: 'Badge + PIN', password: 'Console password', sso: 'App sign-in' },
    typedCode: 'Typed code + PIN',
    exitKiosk: 'Badge + PIN to exit kiosk mode',
    forgotPin: 'Forgot PIN: reset request',
    forgotPinApproval: 'Manager’s badge + PIN to approve a PIN reset',
    forgotPinNewPin: 'Forgot PIN: new PIN chosen',
    stepUpApproval: 'Badge + PIN to confirm a sign-in',
    coSigned: 'Badge + PIN, confirmed by a manager',
    signedInTo: (app: string) => `Signed in to ${app}`,
    signInTo: (app: string) => `Sign-in to ${app}`,
  },
  /** Sign-in failure codes as a person should read them; unknown codes are shown as they are. */
  failureReasons: {
    PIN_INCORRECT: 'Wrong PIN',
    QR_CODE_NOT_RECOGNIZED: 'Badge not recognized',
    QR_CODE_EXPIRED: 'Badge expired',
    QR_CODE_NOT_YET_ACTIVE: 'Badge not active yet',
    METHOD_LOCKED: 'Locked after too many wrong PINs',
    APPROVER_NOT_A_MANAGER: 'Approver is not a manager',
    APPROVER_NOT_OF_STORE: 'Approver manages another store',
    APPROVER_IS_REQUESTER: 'Tried to approve their own request',
    PIN_RESET_NEEDS_ADMIN: 'PIN reset asked for a manager or admin',
    PIN_RESET_REQUEST_INVALID: 'Unknown PIN reset request',
    PIN_RESET_REQUEST_USED: 'PIN reset request already used',
    PIN_RESET_REQUEST_EXPIRED: 'PIN reset request expired',
    PIN_RESET_NOT_APPROVED: 'PIN reset not approved yet',
    PIN_RESET_DECLINED: 'PIN reset declined',
    PIN_RESET_TOO_MANY_REQUESTS: 'Too many PIN reset requests for this badge',
    APPROVALS_TOO_MANY: 'Too many PIN reset approvals by this manager',
    TOO_MANY_ATTEMPTS: 'Too many failures from this device or network',
    METHOD_DISABLED_BY_POLICY: 'QR code sign-in not enabled for this person',
    MOBILE_DEVICE_REQUIRED: 'Desktop browser refused (phones and tablets only)',
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
    SECOND_FACTOR_REQUIRED: 'Access rule asked for a second factor',
    STEP_UP_CHALLENGE_NOT_FOUND: 'Manager confirmation unknown',
    STEP_UP_CHALLENGE_EXPIRED: 'Manager confirmation too late',
    STEP_UP_CHALLENGE_USED: 'Manager confirmation used twice',
    STEP_UP_DEVICE_MISMATCH: 'Manager confirmation on another phone',
    UNKNOWN: 'Unknown reason',
  },
  /** Who did it and to what, when the entry has no name for it. */
  names: {
    system: 'Shiftpass',
    apiToken: (name: string) => `API token “${name}”`,
    deletedApiToken: 'a deleted API token',
    deletedPerson: 'a deleted person',
    aPerson: 'a person',
    something: 'something',
    quoted: (name: string) => `“${name}”`,
    /** The subject of a sentence, when the sentence starts with a noun like these. */
    targetNouns: {
      user: 'a person',
      device: 'a kiosk',
      apiToken: 'an API token',
      group: 'a store',
      app: 'an app',
      webhook: 'a webhook endpoint',
      conditionalAccessPolicy: 'an access rule',
      namedLocation: 'a named location',
      policy: 'a policy',
    } as Record<string, string>,
    /** The "Done to" cell of a target that no longer exists. */
    deletedTargets: {
      user: 'A deleted person',
      device: 'A removed kiosk',
      apiToken: 'A deleted API token',
      group: 'A deleted store',
      app: 'A deleted app',
      webhook: 'Webhook endpoint',
      conditionalAccessPolicy: 'A deleted access rule',
      namedLocation: 'A deleted named location',
      policy: 'Policy',
      logs: 'Logs',
      import: 'CSV import',
    } as Record<string, string>,
    policies: {
      'qr-code-pin': 'QR code + PIN policy',
      'console-sign-in': 'Console sign-in policy',
      sessions: 'Session policy',
      logRetention: 'Log retention',
    } as Record<string, string>,
    aPolicy: 'A policy',
    /** Settings named in an entry's changes; any other key is split into words. */
    fields: {
      displayName: 'Name',
      status: 'Status',
      added: 'People added',
      removed: 'People removed',
      addedIds: 'IDs of the people added',
      removedIds: 'IDs of the people removed',
      groupIds: 'Stores',
      groupId: 'Store',
      userPrincipalName: 'Sign-in name',
      employeeId: 'Employee ID',
      accountEnabled: 'Account enabled',
      role: 'Role',
      compliant: 'Compliant',
      reasons: 'Reasons',
      externalId: 'External ID',
      email: 'Work email',
      givenName: 'First name',
      familyName: 'Last name',
      source: 'Requested through',
      badgesRevoked: 'Badges revoked',
      sessionsEnded: 'Sessions ended',
      appsTold: 'Store apps told',
      apiTokensRevoked: 'API tokens revoked',
      wasOffboarded: 'Was offboarded',
    } as Record<string, string>,
    /** Where an offboarding or reactivation was asked for (the entry's `source`). */
    sources: { scim: 'The HR system (SCIM)', console: 'The console' } as Record<string, string>,
    unknownEvent: (activity: string, by: string) => `${activity} by ${by}`,
  },
  /**
   * Every audit event the server writes, as a sentence with the names the entry carries. A unit test
   * (tests/unit/logs-text.test.ts) finds every event key in the server's code and checks it is here.
   */
  sentences: {
    'user.created': (p: SentenceParts) => `${p.person} added by ${p.by}`,
    'user.updated': (p: SentenceParts) => `${p.person}'s details changed by ${p.by}`,
    'user.deleted': (p: SentenceParts) => `${p.person} deleted by ${p.by}`,
    'user.sessionsRevoked': (p: SentenceParts) => `${p.person} signed out everywhere by ${p.by}`,
    'user.deprovisioned': (p: SentenceParts) =>
      `${p.person} removed by the HR system (${p.by}): turned off, and kept so the logs keep the name`,
    'user.reprovisioned': (p: SentenceParts) => `${p.person} added back by the HR system (${p.by})`,
    'user.offboarded': (p: SentenceParts) =>
      p.details?.source === 'scim'
        ? `${p.person} offboarded by the HR system (${p.by}): badges revoked, signed out everywhere`
        : `${p.person} offboarded by ${p.by}: badges revoked, signed out everywhere`,
    'user.reactivated': (p: SentenceParts) =>
      p.details?.source === 'scim'
        ? `${p.person} allowed to sign in again by the HR system (${p.by}); old badges stay revoked`
        : `${p.person} allowed to sign in again by ${p.by}; old badges stay revoked`,
    'users.imported': (p: SentenceParts) => {
      const added = p.details?.created;
      const changed = p.details?.updated;
      if (typeof added !== 'number' || typeof changed !== 'number')
        return `People imported from a CSV file by ${p.by}`;
      return `CSV import by ${p.by}: ${p.count(added, 'person', 'people')} added, ${count(changed)} changed`;
    },
    'qrPinMethod.issued': (p: SentenceParts) => `Badge and PIN issued to ${p.person} by ${p.by}`,
    'qrPinMethod.deleted': (p: SentenceParts) => `${p.person}'s badge and PIN deleted by ${p.by}`,
    'qrPinMethod.unlocked': (p: SentenceParts) => `${p.person}'s badge unlocked by ${p.by}`,
    'qrCode.standard.issued': (p: SentenceParts) => `New badge issued to ${p.person} by ${p.by}`,
    'qrCode.temporary.issued': (p: SentenceParts) => `Temporary badge issued to ${p.person} by ${p.by}`,
    'qrCode.standard.deleted': (p: SentenceParts) => `${p.person}'s badge deleted by ${p.by}`,
    'qrCode.standard.expiryChanged': (p: SentenceParts) =>
      `${p.person}'s badge expiry date changed by ${p.by}`,
    'qrCode.temporary.deleted': (p: SentenceParts) => `${p.person}'s temporary badge deleted by ${p.by}`,
    'pin.reset': (p: SentenceParts) => `${p.person}'s PIN reset by ${p.by}`,
    'pin.changed': (p: SentenceParts) => `${p.person} chose a new PIN`,
    'pin.resetRequested': (p: SentenceParts) => `${p.person} forgot their PIN and asked a manager on a kiosk`,
    'pin.resetApproved': (p: SentenceParts) =>
      p.details?.via === 'console'
        ? `${p.person}'s PIN reset approved in the console by ${p.by}`
        : `${p.person}'s PIN reset approved on the kiosk by ${p.by}`,
    'pin.resetDeclined': (p: SentenceParts) => `${p.person}'s PIN reset declined by ${p.by}`,
    'pin.resetApprovalRefused': (p: SentenceParts) => `${p.by} could not approve ${p.person}'s PIN reset`,
    'pin.resetWithManager': (p: SentenceParts) =>
      typeof p.details?.approvedBy === 'string'
        ? `${p.person} chose a new PIN after ${p.details.approvedBy} approved`
        : `${p.person} chose a new PIN after a manager approved`,
    'group.created': (p: SentenceParts) => `Store ${p.target} added by ${p.by}`,
    'group.updated': (p: SentenceParts) => `Store ${p.target} changed by ${p.by}`,
    'group.deleted': (p: SentenceParts) => `Store ${p.target} deleted by ${p.by}`,
    'group.membersChanged': (p: SentenceParts) => {
      const added = Array.isArray(p.details?.added) ? p.details.added.length : null;
      const removed = Array.isArray(p.details?.removed) ? p.details.removed.length : null;
      if (added === null || removed === null) return `People in store ${p.target} changed by ${p.by}`;
      return `People in store ${p.target} changed by ${p.by}: ${p.count(added, 'person', 'people')} added, ${p.count(removed, 'person', 'people')} removed`;
    },
    'group.badgesIssued': (p: SentenceParts) => {
      const n = p.details?.issued;
      return `${typeof n === 'number' ? p.count(n, 'badge', 'badges') : 'Badges'} issued for store ${p.target} by ${p.by}`;
    },
    'device.enrolled': (p: SentenceParts) => `Kiosk ${p.target} set up by ${p.by}`,
    'device.updated': (p: SentenceParts) => {
      const change = p.deviceChange;
      if (change === 'suspended') return `Kiosk ${p.target} suspended by ${p.by}`;
      if (change === 'resumed') return `Kiosk ${p.target} resumed by ${p.by}`;
      if (change) return `Kiosk “${change.from}” renamed to “${change.to}” by ${p.by}`;
      return `Kiosk ${p.target} changed by ${p.by}`;
    },
    'device.revoked': (p: SentenceParts) => `Kiosk ${p.target} removed by ${p.by}`,
    'device.suspendedAtKiosk': (p: SentenceParts) => `Kiosk ${p.target} suspended at the kiosk by ${p.by}`,
    'device.unenrolledAtKiosk': (p: SentenceParts) => `Kiosk ${p.target} removed at the kiosk by ${p.by}`,
    'device.complianceReported': (p: SentenceParts) => {
      const verdict =
        p.compliant === true ? 'compliant' : p.compliant === false ? 'not compliant' : 'checked';
      return `Kiosk ${p.target} reported ${verdict} by ${p.by}`;
    },
    'apiToken.created': (p: SentenceParts) => `API token ${p.target} created by ${p.by}`,
    'apiToken.revoked': (p: SentenceParts) => `API token ${p.target} revoked by ${p.by}`,
    'app.created': (p: SentenceParts) => `App ${p.target} added by ${p.by}`,
    'app.updated': (p: SentenceParts) => `App ${p.target} changed by ${p.by}`,
    'app.secretRotated': (p: SentenceParts) => `App ${p.target} given a new client secret by ${p.by}`,
    'app.deleted': (p: SentenceParts) => `App ${p.target} deleted by ${p.by}`,
    'webhook.created': (p: SentenceParts) => `Webhook endpoint added by ${p.by}`,
    'webhook.updated': (p: SentenceParts) => `Webhook endpoint changed by ${p.by}`,
    'webhook.deleted': (p: SentenceParts) => `Webhook endpoint deleted by ${p.by}`,
    'webhook.secretRotated': (p: SentenceParts) => `Webhook endpoint given a new signing secret by ${p.by}`,
    'webhook.deliveryRetried': (p: SentenceParts) => `Failed webhook delivery sent again by ${p.by}`,
    'policy.qrCodePin.updated': (p: SentenceParts) => `QR code + PIN policy changed by ${p.by}`,
    'policy.consoleSignIn.updated': (p: SentenceParts) => `Console sign-in policy changed by ${p.by}`,
    'policy.sessions.updated': (p: SentenceParts) => `Session policy changed by ${p.by}`,
    'policy.logRetention.updated': (p: SentenceParts) => `Log retention changed by ${p.by}`,
    'conditionalAccess.policy.created': (p: SentenceParts) => `Access rule ${p.target} added by ${p.by}`,
    'conditionalAccess.policy.updated': (p: SentenceParts) => `Access rule ${p.target} changed by ${p.by}`,
    'conditionalAccess.policy.deleted': (p: SentenceParts) => `Access rule ${p.target} deleted by ${p.by}`,
    'conditionalAccess.namedLocation.created': (p: SentenceParts) =>
      `Named location ${p.target} added by ${p.by}`,
    'conditionalAccess.namedLocation.updated': (p: SentenceParts) =>
      `Named location ${p.target} changed by ${p.by}`,
    'conditionalAccess.namedLocation.deleted': (p: SentenceParts) =>
      `Named location ${p.target} deleted by ${p.by}`,
    'consoleInvitation.created': (p: SentenceParts) =>
      `Console invitation for ${p.person} created by ${p.by}`,
    'consoleInvitation.redeemed': (p: SentenceParts) =>
      `${p.person} chose a console password from an invitation`,
    'consoleSignIn.unlocked': (p: SentenceParts) => `${p.person}'s console sign-in unlocked by ${p.by}`,
    'console.totp.enrolled': (p: SentenceParts) => `${p.person} set up an authenticator app for the console`,
    'console.recoveryCode.used': (p: SentenceParts) =>
      `${p.person} signed in to the console with a recovery code`,
    'logs.retention.deleted': (p: SentenceParts) =>
      `Old log entries deleted automatically (${p.count(p.details?.signInLogs, 'sign-in', 'sign-ins')}, ${p.count(p.details?.auditLogs, 'audit entry', 'audit entries')})`,
  } satisfies Record<string, Sentence>,
  decisions: { allow: 'Allowed', block: 'Blocked', requireSecondFactor: 'Second factor required' } as Record<
    string,
    string
  >,
  empty: 'No entries match these filters.',
  emptyHint: 'Widen the time range or clear the filters.',
  previous: 'Previous page',
  next: 'Next page',
  pageStatus: (page: number, shown: number) => `Page ${page}: ${shown} entr${shown === 1 ? 'y' : 'ies'}.`,
  exportCsv: 'Export CSV',
  exportHint: (cap: string) =>
    `The export has the same filters, newest first, at most ${cap} rows; narrow the time range for more.`,
  refusedAttempts: (n: number) => `${count(n)} such attempt${n === 1 ? '' : 's'}, counted together`,
  retention: (signInDays: number, auditDays: number) =>
    `Sign-ins are kept for ${count(signInDays)} days and audit entries for ${count(auditDays)} days, then deleted automatically (change this on Policies).`,
  exportBeforeDeletion: (view: 'sign-ins' | 'audit') =>
    `Export the ${view === 'audit' ? 'audit entries' : 'sign-ins'} to be deleted in the next 7 days`,
  auditAdminsOnly: 'Only admins can see the audit log.',
  forbiddenStore: 'You can only see sign-ins of your own stores.',
  forbidden: 'You are not allowed to see this.',
};

export type LogsWords = typeof logsText;

/** The failure codes offered in the filter (the ones kiosk and console sign-ins record). */
export const FILTERABLE_FAILURE_CODES = Object.keys(logsText.failureReasons).filter(
  (code) => code !== 'UNKNOWN',
);

/** A sign-in failure code in the console's words (an unknown code, from a newer server, as it is). */
export const failureReason = (code: string | null, words: Pick<LogsWords, 'failureReasons'>): string =>
  code === null ? '' : ((words.failureReasons as Record<string, string>)[code] ?? code);
