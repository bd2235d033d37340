/**
 * Words of the console's Policies page (/admin/policies), in English; Spanish in
 * i18n/es/policies-text.ts. `fields` names every number the page edits (label, unit, help); the
 * page's structure (which fields, their API names and ranges) is in policy-form.ts.
 */
export const policiesText = {
  title: 'Policies',
  intro:
    'How badges, PINs, console sign-ins and sessions behave for everyone. Saving asks for your password and an authentication code if you have not given them in the last 5 minutes.',
  adminsOnly: 'Only admins can see and change policies, from a console sign-in.',
  saving: 'Saving…',
  reauthCancelled: 'Nothing was saved: confirming it’s you is needed first.',
  outOfRange: (range: string) => `Enter a number from the range: ${range}`,
  range: (min: string, max: string, unit: string) => `Between ${min} and ${max} ${unit}.`,
  qr: {
    title: 'QR code + PIN sign-in',
    enabled: 'Workers can sign in with a badge and PIN',
    enabledHint:
      'When this is off nobody can sign in at a kiosk; badges and PINs are kept and work again when it is back on.',
    mobileOnly: 'Phones and tablets only',
    mobileOnlyHint:
      'Badge sign-in is refused in a computer’s web browser, except on your stores’ enrolled kiosks. The browser itself says what it runs on, so this keeps honest mistakes out; it does not stop someone determined.',
    who: 'Who may use it',
    everyone: 'Everyone',
    onlyStores: 'Only people in these stores',
    includeStores: 'Stores that may use it',
    includeHint: 'People in any of these stores may sign in with a badge and PIN.',
    excludeStores: 'Never for people in these stores',
    excludeHint:
      'Optional. People in these stores cannot sign in with a badge and PIN, even if chosen above.',
    chooseStores: 'Choose stores',
    noStores: 'There are no stores yet. Create them on the Stores page.',
    deletedStore: 'A deleted store',
    includeRequired: 'Choose at least one store, or choose “Everyone”.',
    save: 'Save QR code + PIN policy',
    saved: 'The QR code + PIN policy was saved. It applies to the next sign-in.',
  },
  consoleSignIn: {
    title: 'Console sign-in (managers and admins)',
    intro:
      'What happens when someone types wrong passwords or authenticator codes while signing in to this console. These settings are separate from badge PINs: changing “Wrong PINs and lockout” above does not change them, and a worker’s wrong PINs never lock a manager out of the console, nor the other way round. Failed console sign-ins do count towards “Failed sign-ins per phone or network” above.',
    save: 'Save console sign-in settings',
    saved: 'The console sign-in settings were saved. They apply to the next sign-in.',
  },
  sessions: {
    title: 'Sessions and idle sign-out',
    save: 'Save session settings',
    saved: 'The session settings were saved. Kiosks pick them up at their next check-in.',
  },
  retention: {
    title: 'How long logs are kept',
    intro:
      'Sign-ins and audit entries older than this are deleted automatically, a little at a time. To keep a copy, download them first from the Logs page (“Export CSV”).',
    logsLink: 'Open the Logs page',
    save: 'Save how long logs are kept',
    saved: 'Saved. Older entries are deleted within the next few minutes.',
  },
  sections: {
    badges: 'Badges and PINs',
    lockout: 'Wrong PINs and lockout',
    consoleLockout: 'Wrong passwords and codes',
    sessions: 'Sessions',
    logRetention: 'How long logs are kept',
  },
  units: {
    digits: 'digits',
    days: 'days',
    hours: 'hours',
    minutes: 'minutes',
    seconds: 'seconds',
    attempts: 'attempts',
    perLock: '× per lock',
  },
  fields: {
    pinLength: {
      label: 'PIN length',
      help: 'How many digits a PIN has. Longer PINs are harder to guess; 8 is the minimum NIST allows for this kind of PIN.',
    },
    standardLifetime: {
      label: 'Standard badge lifetime',
      help: 'How long a standard badge works after it is issued. Workers need a new badge when it ends (see the expiry report).',
    },
    temporaryLifetime: {
      label: 'Temporary badge lifetime',
      help: 'How long a temporary badge works: for a forgotten badge, one shift at most.',
    },
    threshold: {
      label: 'Wrong PINs before a lock',
      help: 'Wrong PINs in a row after which the badge is locked for a while.',
    },
    baseDelay: {
      label: 'First lock',
      help: 'How long the first lock lasts. Each further lock lasts longer (see the growth factor).',
    },
    growth: {
      label: 'Growth factor',
      help: 'Each lock lasts this many times longer than the one before (1 keeps every lock the same length).',
    },
    maxDelay: {
      label: 'Longest lock',
      help: 'No single lock lasts longer than this. Must not be shorter than the first lock.',
    },
    hardLimit: {
      label: 'Wrong PINs before a manager must unlock',
      help: 'After this many wrong PINs in a row the badge stays locked until a manager or admin unlocks it. Must not be below the number before a lock.',
    },
    clientThreshold: {
      label: 'Failed sign-ins per phone or network',
      help: 'Failed sign-ins from one phone or network address within the window below that block it for the rest of the window (against someone trying many badges or passwords). Badge and console sign-ins count together.',
    },
    clientWindow: {
      label: 'Window for failed sign-ins per phone or network',
      help: 'The period over which failed sign-ins from one phone or network are counted.',
    },
    consoleThreshold: {
      label: 'Wrong passwords or codes before a lock',
      help: 'Wrong passwords or authenticator codes in a row, for one console username, after which that username cannot sign in for a while.',
    },
    consoleBaseDelay: {
      label: 'First console lock',
      help: 'How long the first lock lasts. Each further lock lasts longer (see the growth below).',
    },
    consoleGrowth: {
      label: 'Console lock growth',
      help: 'Each lock lasts this many times longer than the one before (1 keeps every lock the same length).',
    },
    consoleMaxDelay: {
      label: 'Longest console lock',
      help: 'No single lock lasts longer than this. Must not be shorter than the first lock.',
    },
    consoleHardLimit: {
      label: 'Wrong passwords or codes before an admin must step in',
      help: 'After this many in a row the username stays locked until an admin lets the person back in with a new invitation link (Console access, on their page). Must not be below the number before a lock.',
    },
    kioskIdleSignOut: {
      label: 'Kiosk sign-out after no activity',
      help: 'A kiosk nobody touches for this long signs its worker out, so the next person never finds them signed in.',
    },
    kioskIdleWarning: {
      label: '"Still there?" warning before that',
      help: 'How long before the sign-out the kiosk asks "Still there?" with a countdown. Must be shorter than the sign-out time.',
    },
    offlineGrace: {
      label: 'Offline grace period',
      help: 'How long a signed-in kiosk keeps working when it cannot reach the server; then it signs the worker out. 0 signs out at once.',
    },
    serverIdle: {
      label: 'Server-side idle limit for kiosk sessions',
      help: 'The server ends a kiosk session it has not heard from for this long, even if the phone was switched off.',
    },
    consoleIdle: {
      label: 'Console idle limit',
      help: 'The console signs managers and admins out after this long without activity. Keep it short: the console can change everything.',
    },
    absolute: {
      label: 'Longest session',
      help: 'Every session ends this long after sign-in, however active (a shift).',
    },
    signInRetention: {
      label: 'Keep sign-ins for',
      help: 'Older sign-ins are deleted automatically. Download them from the Logs page first if you need them longer.',
    },
    auditRetention: {
      label: 'Keep the audit log for',
      help: 'Older audit entries (who changed what in this console) are deleted automatically.',
    },
  },
  kioskApps: {
    title: 'Store apps on the kiosk',
    intro: (max: number) =>
      `Links a signed-in worker sees on the kiosk's home screen, e.g. the rota or the stock app. Only https:// addresses; at most ${max}. They open in a new tab.`,
    empty: 'No store apps yet.',
    app: (n: number) => `Store app ${n}`,
    name: 'Name',
    address: 'Address',
    remove: (name: string) => `Remove ${name}`,
    add: 'Add a store app',
    save: 'Save store apps',
    saved: (count: number) =>
      count === 0
        ? 'Saved. The kiosk shows no store apps.'
        : count === 1
          ? 'Saved. The kiosk shows 1 store app.'
          : `Saved. The kiosk shows ${count} store apps.`,
  },
};
