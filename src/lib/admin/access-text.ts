/**
 * Words of the conditional-access pages (/admin/conditional-access/…), in English: the catalogue's
 * area `access` (its Spanish: i18n/es/access-text.ts). The verdict sentences and the condition summary
 * (access-verdict.ts, access-form.ts) take this area as a parameter.
 */
import type {
  AccessContextView,
  Decision,
  DeviceState,
  Grant,
  PolicyState,
  SignInMethod,
  Weekday,
} from '$server/contracts/conditional-access';

export const accessText = {
  navLabel: 'Access',
  adminsOnly: 'Only admins can see and change access policies.',
  loading: 'Loading…',
  cancel: 'Cancel',
  yes: 'yes',
  no: 'no',
  reauthCancelled: 'Nothing was saved: confirm your password and code to change access policies.',
  loadFailed: 'The access policies could not be loaded.',
  /** Warnings about a policy that saves but will not do what its admin expects (by code and case). */
  warnings: {
    title: 'Check before you rely on it',
    fix: 'Open Named locations',
    ownStoresAllow:
      "This policy needs the person's own store network, but no named location is linked to a store yet: every sign-in it covers will be refused. Link each store's network to its store on the Named locations page.",
    ownStoresOther:
      "This policy needs the person's own store network, but no named location is linked to a store yet, so it never applies. Link each store's network to its store on the Named locations page.",
    ownStoresExcept:
      "This policy makes an exception for the person's own store network, but no named location is linked to a store yet, so the exception never applies. Link each store's network to its store on the Named locations page.",
  },
  /** A typed address range that is not one (checked as it is saved; the server checks again). */
  cidr: {
    empty: 'is empty',
    notAddress: (address: string) => `'${address}' is not an IPv4 or IPv6 address`,
    prefix: (bits: string) => `the prefix after '/' must be a whole number from 0 to ${bits}`,
    hostBits: (network: string, single: string) =>
      `has host bits set: did you mean ${network} (the network) or ${single} (one address)?`,
  },
  states: { enabled: 'On', reportOnly: 'Report-only', disabled: 'Off' } satisfies Record<PolicyState, string>,
  stateHint:
    'Report-only policies are never enforced: the sign-in log shows what they would have done. Start there.',
  grants: {
    allow: 'Allow only when all conditions are met',
    block: 'Block when all conditions are met',
    requireSecondFactor: 'Require a second factor when all conditions are met',
  } satisfies Record<Grant, string>,
  grantShort: { allow: 'Allow', block: 'Block', requireSecondFactor: 'Second factor' } satisfies Record<
    Grant,
    string
  >,
  roles: { worker: 'Workers', manager: 'Managers', admin: 'Admins' } as Record<string, string>,
  methods: { qrPin: 'QR code + PIN (kiosk)', password: 'Password (console)' } satisfies Record<
    SignInMethod,
    string
  >,
  deviceStates: {
    enrolled: 'Enrolled in kiosk mode',
    compliant: 'Compliant',
    attestationFresh: 'Attestation fresh',
  } satisfies Record<DeviceState, string>,
  days: {
    mon: 'Mon',
    tue: 'Tue',
    wed: 'Wed',
    thu: 'Thu',
    fri: 'Fri',
    sat: 'Sat',
    sun: 'Sun',
  } satisfies Record<Weekday, string>,
  decisions: {
    allow: 'Allowed',
    block: 'Blocked',
    requireSecondFactor: 'Second factor required',
  } satisfies Record<Decision, string>,
  results: {
    allow: 'Allows',
    block: 'Blocks',
    requireSecondFactor: 'Requires a second factor',
    notApplicable: 'Does not apply',
    notEvaluated: 'Off (not evaluated)',
  } as Record<string, string>,

  /** The server's ready-made policies by id (an unknown one keeps the server's words). */
  templates: {
    'workers-enrolled-devices-own-store': {
      name: "Workers only on enrolled devices in their own store's network",
      description:
        'Workers may sign in only on an enrolled, compliant kiosk device, from a network of one of their own stores. Any other worker sign-in is refused (allow-list). Managers and admins are not affected.',
    },
    'block-workers-at-night': {
      name: 'Block worker sign-ins at night',
      description:
        "Refuses worker sign-ins from 22:00 to 06:00 in the store's time zone (adjust to the store's hours).",
    },
    'second-factor-password-outside-stores': {
      name: "Second factor for password sign-ins outside the stores' networks",
      description:
        "Managers and admins signing in with a password from outside their own stores' networks must also give a second factor.",
    },
  } as Record<string, { name: string; description: string }>,

  policies: {
    title: 'Access policies',
    intro:
      'Conditional access decides, at each sign-in, whether it is allowed, blocked or needs a second factor: by app, role, store, device, network, time and sign-in method. With no policy every sign-in is allowed.',
    locationsLink: 'Named locations (networks)',
    whatIfLink: 'Try a sign-in (what-if)',
    listTitle: 'Policies',
    empty: 'No policies yet',
    emptyText: 'Every sign-in is allowed. Start from a template below.',
    columns: { name: 'Name', state: 'State', grant: 'Grant', conditions: 'Conditions', actions: 'Actions' },
    edit: 'Edit',
    delete: 'Delete',
    newTitle: 'New policy from template',
    template: 'Template',
    useTemplate: 'Use this template',
    blank: 'Start from an empty policy',
    formNew: 'New policy',
    formEdit: (name: string) => `Edit “${name}”`,
    name: 'Name',
    state: 'State',
    grant: 'Grant',
    whoTitle: 'Who and which sign-ins',
    whereTitle: 'Device, network and time',
    appsLabel: 'Which sign-ins',
    appModes: {
      none: 'Every sign-in: the kiosk, the console and every app',
      all: 'Opening any store app',
      chosen: 'Opening the apps chosen below',
    },
    appsHint:
      'A policy about apps is checked each time a worker opens the app from the kiosk, with the phone, network and time of that moment.',
    appsChosenLabel: 'Apps',
    appsExcludeLabel: 'Except these apps',
    noApps: 'There are no apps yet. Register them on the Apps page.',
    noneChosen: 'None chosen',
    chooseApp: 'Choose at least one app, or choose “Opening any store app”.',
    peopleLabel: 'People',
    peopleModes: { everyone: 'Everyone (no people condition)', chosen: 'Only the people chosen below' },
    peopleSearch: 'Add a person',
    peopleExcludeSearch: 'Never these people (add a person)',
    peopleSearchHint: 'Type part of a name or sign-in name, then pick from the list.',
    peopleToggle: 'Show people',
    peopleNone: 'Nobody matches.',
    peopleSearching: 'Searching…',
    remove: 'Remove',
    choosePerson: 'Add at least one person, or choose “Everyone”.',
    rolesLabel: 'Roles',
    rolesAny: 'Every role',
    rolesExcludeLabel: 'Never these roles',
    storesLabel: 'Stores',
    storesAny: 'Every store',
    storesExcludeLabel: 'Never these stores',
    methodsLabel: 'Sign-in methods',
    methodsAny: 'Both methods',
    deviceLabel: 'The device must be',
    deviceAny: 'No device condition',
    locationsLabel: 'Network',
    locationModes: {
      none: 'No network condition',
      any: 'Any address',
      ownStores: "The networks of the person's own stores",
      chosen: 'The named locations chosen below',
    },
    locationsChosenLabel: 'Named locations',
    excludeLabel: 'Except from',
    excludeModes: {
      none: 'No exception',
      ownStores: "The networks of the person's own stores",
      chosen: 'The named locations chosen below',
    },
    excludeChosenLabel: 'Except these named locations',
    noLocations: 'There are no named locations yet.',
    timeLegend: 'Time windows',
    timeHint:
      "None: any time. In the store's time zone unless you give one. An end before the start runs past midnight (22:00–06:00).",
    windowLegend: (n: number) => `Time window ${n}`,
    daysLabel: 'Days',
    noDays: 'No day',
    start: 'From',
    end: 'Until',
    zone: 'Time zone (optional)',
    zoneHint: 'e.g. Europe/Lisbon; empty: the store’s zone',
    addWindow: 'Add a time window',
    removeWindow: (n: number) => `Remove time window ${n}`,
    save: 'Save policy',
    saving: 'Saving…',
    saved: (name: string) => `Saved “${name}”.`,
    deleted: (name: string) => `Deleted “${name}”.`,
    confirmTitle: 'Delete this policy?',
    confirmText: (name: string) => `“${name}” stops applying to sign-ins at once. This cannot be undone.`,
    confirmDelete: 'Delete policy',
    nameTaken: 'Another policy already has this name.',
    problems: 'The policy was not saved. Fix what is marked below.',
  },

  summary: {
    everyone: 'Every sign-in',
    apps: 'Apps',
    anyApp: 'any app',
    roles: 'Roles',
    stores: 'Stores',
    people: 'People',
    methods: 'Methods',
    device: 'Device',
    network: 'Network',
    except: 'except',
    anyAddress: 'any address',
    ownStores: 'own stores',
    time: 'Time',
    all: 'all',
    everyDay: 'every day',
  },

  locations: {
    title: 'Named locations',
    intro:
      'A named location is a list of networks (IPv4 or IPv6 ranges such as 192.0.2.0/24). Give a store’s network its store, so policies can say “the person’s own stores”.',
    back: 'Back to access policies',
    listTitle: 'Named locations',
    empty: 'No named locations yet',
    emptyText: 'Add your stores’ networks with the form below.',
    columns: { name: 'Name', cidrs: 'Address ranges', store: 'Store', actions: 'Actions' },
    formNew: 'New named location',
    formEdit: (name: string) => `Edit “${name}”`,
    name: 'Name',
    cidrs: 'Address ranges, one per line',
    cidrsHint: 'e.g. 192.0.2.0/24 or 2001:db8:1::/48; a single address is fine too.',
    lineError: (line: number, words: string) => `Line ${line}: ${words}`,
    store: 'Store (optional)',
    storeHint: 'The store whose network this is: policies about “the person’s own stores” use it.',
    noStore: 'No store',
    storesToggle: 'Show stores',
    noStoreMatches: 'No store matches.',
    save: 'Save named location',
    saving: 'Saving…',
    saved: (name: string) => `Saved “${name}”.`,
    deleted: (name: string) => `Deleted “${name}”.`,
    edit: 'Edit',
    delete: 'Delete',
    confirmTitle: 'Delete this named location?',
    confirmText: (name: string) => `“${name}” will be deleted. This cannot be undone.`,
    confirmDelete: 'Delete named location',
    inUse: 'A policy uses this location: remove it from the policy first.',
    nameTaken: 'Another named location already has this name.',
    problems: 'The named location was not saved. Fix what is marked below.',
  },

  whatIf: {
    title: 'Try a sign-in (what-if)',
    intro:
      'See what the access policies would decide for a sign-in, without anyone signing in. Report-only and off policies are listed too.',
    back: 'Back to access policies',
    formTitle: 'The sign-in',
    person: 'Person',
    personHint: 'Type part of a name or sign-in name, then pick from the list.',
    chosen: (name: string) => `Chosen: ${name}`,
    deviceLabel: 'Device',
    address: 'Client address (optional)',
    addressHint: 'e.g. 192.0.2.10 or 2001:db8::10; empty: unknown',
    date: 'Date',
    time: 'Time',
    whenHint: 'In this browser’s time zone; empty: now.',
    method: 'Sign-in method',
    app: 'Signing in to',
    noApp: 'The kiosk or the console itself',
    openingApp: (name: string) => `The app “${name}”, opened from the kiosk`,
    run: 'Evaluate',
    running: 'Evaluating…',
    resultTitle: 'Result',
    reportOnly: (decision: string) => `With report-only policies switched on: ${decision}`,
    assumed: 'Assumed',
    zone: (zone: string | null, source: string) =>
      zone ? `Time zone ${zone} (${source})` : 'No store time zone (time windows are missing data)',
    zoneSources: {
      'user store': "the person's store",
      'device store': "the kiosk's store",
      none: 'none',
    } satisfies Record<AccessContextView['timeZoneSource'], string>,
    addressUsed: (address: string | null) => (address ? `Address ${address}` : 'No address'),
    verdictsTitle: 'Every policy',
    details: 'Details',
    deviceChoices: {
      none: 'No device information (an ordinary browser)',
      kiosk: 'An enrolled kiosk',
      facts: 'A kiosk device described below',
    },
    kiosk: 'Kiosk',
    kiosksToggle: 'Show kiosks',
    noKioskMatches: 'No kiosk matches.',
    noKiosks: 'There are no enrolled kiosks yet.',
    kioskFacts: (facts: string) => `As it is now: ${facts}`,
    kioskLabel: (name: string, store: string | null) => (store ? `${name} (${store})` : name),
    chooseKiosk: 'Choose a kiosk.',
    factsLabel: 'The kiosk device is',
    factsNone: 'None of these',
    deviceUsed: (name: string | null, facts: string) =>
      name ? `Device ${name}: ${facts}` : `Device: ${facts}`,
    noDeviceUsed: 'No device',
    /** One sentence per policy: what it does to this sign-in (src/lib/admin/access-verdict.ts). */
    sentences: {
      off: 'Off, so it is not checked.',
      blocks: 'Applies and blocks this sign-in.',
      allows: 'Applies and lets this sign-in in.',
      requiresSecondFactor: 'Applies and requires a second factor.',
      wouldBlock: 'Report-only: would block this sign-in (not enforced).',
      wouldAllow: 'Report-only: would let this sign-in in (not enforced).',
      wouldRequireSecondFactor: 'Report-only: would require a second factor (not enforced).',
      missingFact: (reason: string) => `A fact is missing (${reason}), and a missing fact cannot dodge it.`,
      refuses: (reason: string) =>
        `Applies to this person, but its conditions are not met (${reason}), so it blocks this sign-in: only sign-ins it allows get in.`,
      wouldRefuse: (reason: string) =>
        `Report-only: applies to this person, but its conditions are not met (${reason}), so it would block this sign-in (not enforced).`,
      otherAllows: (reason: string) =>
        `Its conditions are not met (${reason}), but another allow policy lets this sign-in in.`,
      notApplying: (reason: string) => `Does not apply because ${reason}.`,
    },
    noPolicies: 'There are no policies: every sign-in is allowed.',
    /** The decision in one sentence, naming the policies behind it. */
    decidedBy: {
      none: 'No enabled policy applies to this sign-in: allowed by default.',
      allow: (names: string) => `Let in by ${names}.`,
      block: (names: string) => `Blocked by ${names}.`,
      requireSecondFactor: (names: string) => `A second factor is required by ${names}.`,
    },
    needPerson: 'Choose a person first.',
    problems: 'Nothing was evaluated. Fix what is marked below.',
    /** What meets a second factor, under a "second factor required" answer (docs/conditional-access.md). */
    secondFactorMetBy: {
      qrPin:
        'At the kiosk a manager of this person’s store (or an admin) meets it by confirming the sign-in on the same phone with their own badge and PIN.',
      qrPinApp:
        'For an app, only a kiosk sign-in that a manager confirmed meets it; otherwise the app is refused.',
      password:
        'At the console it is met: the console always asks for the authentication code after the password.',
    },
  },

  logs: {
    why: 'Why?',
    access: 'Access',
    device: 'Device',
    noDecision: '',
  },
};
