/**
 * The sentences services give to an ApiError, in English: the reference language. Spanish
 * (error-text-es.ts) is typed `ErrorText`, so it has every key, and a message with parameters takes
 * the same parameters there. Services use them through `say` (error-words.ts); each error code's
 * default sentence stays in ERRORS (errors.ts), its Spanish in ERROR_CODE_TEXT_ES.
 *
 * Numbers given to a message are formatted by the message itself, for its language.
 */

/** Which list of a conditional-access policy a refusal is about. */
export type ListPart = 'include' | 'exclude';
export type QrCodeKind = 'standard' | 'temporary';
/** A PIN refused by a rule of server/domain/pin-rules.ts, with the domain's English sentence. */
export interface PinRefusal {
  rule: string;
  minLength: number;
  maxLength: number;
  english: string;
}

const listed = (part: ListPart) => (part === 'include' ? 'included' : 'left out');
const quotedList = (names: readonly string[]) => names.map((name) => `'${name}'`).join(', ');

export const errorText = {
  // The API itself
  noSuchRoute: 'No such API route.',
  apiTokenInvalid: 'The API token is not valid.',
  tokenNeedsScope: (scope: string) => `This API token needs the ${scope} scope.`,
  adminNeedsFullScope: 'Changing an admin, or making one, needs admin.full.',
  pageNotOfList: 'Page is not a page of this list: start again from the first page.',
  // Things that are not there
  noSuchUser: 'No user has this id.',
  noSuchStore: 'No store has this id.',
  noSuchApp: 'No app has this id.',
  noSuchApiToken: 'No API token has this id.',
  noSuchDevice: 'No device has this id.',
  noSuchAccessPolicy: 'No conditional-access policy has this id.',
  noSuchNamedLocation: 'No named location has this id.',
  noQrPinMethod: 'This user has no QR code + PIN method.',
  noSuchPinResetRequest: 'This person has no PIN reset request with this id.',
  pinResetNeedsPerson:
    'A PIN reset is approved by a manager or an admin in the console, not with an API token.',
  noQrCodeOfKind: (kind: QrCodeKind) => `This user has no ${kind} QR code.`,
  personDeletedDuringImport: 'this person was deleted during the import',
  // Badges and PINs
  activeQrCodeExists: (kind: QrCodeKind) =>
    `The user already has an unexpired ${kind} QR code. Delete it first.`,
  activeQrCodeOrMethodExists: (kind: QrCodeKind) =>
    `The user already has an unexpired ${kind} QR code. Delete it (or the method) first.`,
  qrCodeStartsTooLate: (days: number) => `A code may be scheduled to start at most ${days} days from now.`,
  qrCodeExpiryNotAfterStart: 'The expiry date must be in the future and after the start date.',
  qrCodeLivesTooLong: (kind: QrCodeKind, amount: number) =>
    `A ${kind} QR code lives at most ${amount} ${kind === 'standard' ? 'days' : 'hours'}.`,
  qrCodeLivesTooShort: (kind: QrCodeKind, amount: number) =>
    `A ${kind} QR code lives at least ${amount} ${kind === 'standard' ? (amount === 1 ? 'day' : 'days') : amount === 1 ? 'hour' : 'hours'} from its start.`,
  qrCodeStartFixed:
    'Only the expiry of an existing standard QR code can be changed. Leave the start date out, or delete the code and issue a new one.',
  qrCodeNewExpiryMissing: 'Give the new expiry date.',
  temporaryQrCodeFixed: 'A temporary QR code cannot be changed. Delete it and issue a new one.',
  /** The PIN rules' English is the domain's own (server/domain/pin-rules.ts); other languages word the rule. */
  pinRule: (refusal: PinRefusal) => refusal.english,
  badgesForOwnStoresOnly: 'You can only issue badges for your own stores.',
  chosenPeopleLeftStore:
    'Some of the chosen people are no longer in this store. Reload the page and choose again.',
  tooManyBadgesToReplace: (max: number, has: number) =>
    `Replacing badges works for at most ${max} people at a time; this store has ${has}.`,
  // Policies
  policyStoreMissing: 'A store in this policy no longer exists.',
  longestLockTooShort: 'The longest lock must not be shorter than the first lock.',
  hardLimitBelowThreshold:
    'The number of wrong attempts before a manager must unlock must not be below the number before a lock.',
  kioskWarningTooLong: 'The “Still there?” warning must be shorter than the time before a kiosk signs out.',
  storeInQrPinPolicy: (included: boolean, leftOut: boolean) =>
    `The QR-code + PIN policy names this store in ${[included && 'Stores included', leftOut && 'Stores left out'].filter(Boolean).join(' and ')}; remove it there first.`,
  storeInAccessPolicy: (names: readonly string[]) =>
    `The conditional-access policy ${quotedList(names)} names this store; remove it there first.`,
  // Logs
  signInsOfOwnStoresOnly: 'You can only see sign-ins of your own stores.',
  // Store apps
  chosenStoreMissing: 'One of the chosen stores does not exist.',
  storeMissing: 'The chosen store does not exist.',
  appNameTaken: (name: string) => `An app named '${name}' already exists.`,
  keysOnlyForPrivateKeyJwt:
    'Public keys are only for apps that prove who they are with their own keys (private_key_jwt).',
  /** `problem` is the key check's own English phrase (server/platform/app-keys.ts). */
  publicKeyRefused: (position: number, problem: string) => `Key ${position} ${problem}.`,
  appInUse: (names: readonly string[]) =>
    `The access policy ${quotedList(names)} names this app; remove it there first.`,
  // Conditional access
  personInPolicyMissing: (part: ListPart, id: string) =>
    `A person in “People ${listed(part)}” no longer exists (${id}).`,
  storeInPolicyMissing: (part: ListPart) => `A store in “Stores ${listed(part)}” no longer exists.`,
  appInPolicyMissing: (part: ListPart, id: string) =>
    `An app in “Apps ${listed(part)}” no longer exists (${id}).`,
  locationInPolicyMissing: (part: ListPart, id: string) =>
    `A named location in “Locations ${listed(part)}” no longer exists (${id}).`,
  accessPolicyNameTaken: (name: string) => `A conditional-access policy named '${name}' already exists.`,
  namedLocationNameTaken: (name: string) => `A named location named '${name}' already exists.`,
  locationInUse: (names: readonly string[]) =>
    `The policy ${quotedList(names)} names this location; remove it there first.`,
  whatIfNoPerson: 'The chosen person does not exist.',
  whatIfNoKiosk: 'The chosen kiosk does not exist.',
  whatIfNoApp: 'The chosen app does not exist.',
  // Devices (kiosk mode)
  tooManyNoncesFromDevice: 'Too many nonces asked for by this device. Try again later.',
  tooManyNoncesFromNetwork: 'Too many nonces asked for from this network. Try again later.',
  enrolmentSignatureInvalid: 'The enrolment signature does not verify with the public key sent.',
  onlyStoreManagerEndsKiosk: "Only a manager of this device's store can end kiosk mode.",
  // API tokens
  tokenExpiryInPast: 'The expiry date must be in the future.',
  tokenExpiryTooFar: (days: number) => `The expiry date must be at most ${days} days from now.`,
  // Importing people
  importTooBig: (megabytes: number) => `A file may hold at most ${megabytes} MB; split it.`,
  importTooManyRows: (max: number, has: number) =>
    `A file may hold at most ${max} people; this one has ${has}. Split it.`,
  importEmpty: 'The CSV file is empty: its first row must name the columns.',
  /** `problem` is the CSV reader's or the column check's own English. */
  importUnreadable: (problem: string) => `The CSV file cannot be read: ${problem}`,
  importHeader: (problem: string) => problem,
};

/** The catalogue's shape: every key, each message with the English one's parameters. */
export type ErrorText = {
  [K in keyof typeof errorText]: (typeof errorText)[K] extends (...args: infer A) => string
    ? (...args: A) => string
    : string;
};
