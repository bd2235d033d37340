/**
 * Words of the console's Apps page (/admin/apps), in English; Spanish in i18n/es/apps-text.ts. The
 * notice… functions word an app's sign-out notices with the words of the page's language (passed in).
 */
import {
  LOGOUT_DELIVERY_GIVE_UP_HOURS,
  LOGOUT_DELIVERY_TIMEOUT_SECONDS,
  type LogoutDeliveryView,
} from '$server/contracts/oidc-logout-deliveries';
import type { AppKind } from './app-form';

export const appsText = {
  title: 'Apps',
  navLabel: 'Apps',
  intro:
    'Store apps that sign workers in with Shiftpass (OpenID Connect). A worker taps the app on the kiosk home and is signed in to it without typing anything; when they sign out of the phone, the app is told.',
  adminsOnly: 'Only admins can see and register apps.',
  listTitle: 'Registered apps',
  emptyTitle: 'No apps yet.',
  emptyText: 'Register the first one below.',
  columns: {
    name: 'Name',
    type: 'Type',
    redirectUris: 'Redirect URIs',
    stores: 'Shown in stores',
    status: 'Status',
    actions: 'Actions',
  },
  kinds: {
    public: 'Public (PKCE, no secret)',
    secret: 'Confidential (client secret)',
    keys: 'Confidential (its own keys)',
  } satisfies Record<AppKind, string>,
  on: 'On',
  off: 'Off',
  edit: 'Edit',
  rotate: 'Rotate secret',
  disable: 'Turn off',
  enable: 'Turn on',
  delete: 'Delete',
  cancel: 'Cancel',
  formNew: 'Register an app',
  formEdit: (name: string) => `Edit “${name}”`,
  name: 'App name',
  nameHint: 'What workers see on the kiosk home, for example “Rota” or “Payroll”.',
  nameTaken: 'Another app already has this name. Choose another one.',
  kind: 'Type of app',
  kindHint:
    "Ask the app's developer. A public app runs entirely in the browser or on the phone and cannot keep a secret; a confidential app has its own server.",
  kindChoices: {
    public: 'Public app: runs in the browser or on the phone, has no secret',
    secret: 'Confidential app with a client secret (Shiftpass makes one for you)',
    keys: 'Confidential app that signs in with its own keys (private_key_jwt)',
  } satisfies Record<AppKind, string>,
  kindFixed: 'The type cannot be changed. To change it, register the app again and delete this one.',
  jwks: 'Public keys (JSON key set)',
  jwksHint:
    'Paste the public keys the developer gives you ({"keys": [...]}). Never paste a private key: Shiftpass refuses it.',
  redirectUris: 'Redirect URIs (one per line)',
  redirectUrisHint:
    "After a worker signs in, Shiftpass sends them back to the app at one of these addresses, and nowhere else. The app's developer tells you which. Each must start with https:// (http://localhost only while developing).",
  postLogoutRedirectUris: 'After sign-out addresses (optional, one per line)',
  postLogoutRedirectUrisHint:
    'Where the app may send a worker after they sign out of it. Same rules as redirect URIs.',
  backchannelLogoutUri: 'Back-channel logout URI (optional)',
  backchannelLogoutUriHint:
    'Shiftpass tells the app when the worker signs out of the phone, by calling this address, so the next person on a shared phone never finds the previous worker still signed in to the app. Recommended.',
  homeUrl: 'Start address on the kiosk (optional)',
  homeUrlHint:
    "Where the kiosk opens the app when a worker taps it on the home screen, usually the app's sign-in page. Leave empty if the app is not started from the kiosk.",
  stores: 'Which stores see it on the kiosk home',
  allStores: 'All stores',
  someStores: 'Only these stores',
  chooseStores: 'Choose stores',
  deletedStore: 'a deleted store',
  noStores: 'There are no stores yet: the app is shown in all stores.',
  enabled: 'On: workers can sign in to this app',
  enabledHint: 'Turn it off to stop all sign-ins to the app without deleting it.',
  register: 'Register app',
  registering: 'Registering…',
  save: 'Save changes',
  saving: 'Saving…',
  saved: (name: string) => `Saved “${name}”.`,
  turnedOn: (name: string) => `“${name}” is on.`,
  turnedOff: (name: string) => `“${name}” is off: nobody can sign in to it.`,
  deleted: (name: string) => `Deleted “${name}”.`,
  fixBelow: 'Nothing was saved. Check the fields marked below.',
  reauthCancelled: 'Nothing was changed: confirm your password and code to change apps.',
  createdTitle: (name: string) => `“${name}” is registered`,
  rotatedTitle: (name: string) => `New client secret for “${name}”`,
  createdIntro: "Give these to the app's developer so they can connect the app to Shiftpass.",
  secretWarning:
    'Copy the client secret now and give it to the developer in a safe way (not by e-mail in plain text). It will not be shown again. If it is lost, rotate the secret.',
  rotatedWarning:
    'The old secret has stopped working. Copy this one now and give it to the developer: until the app uses it, sign-ins to the app fail. It will not be shown again.',
  clientId: 'Client ID',
  clientSecret: 'Client secret',
  discoveryUrl: 'Discovery URL (for the developer)',
  discoveryHint: 'The app finds everything else (addresses, keys) here.',
  done: 'Done, I have copied it',
  close: 'Close',
  confirmRotateTitle: 'Rotate the client secret?',
  confirmRotateText: (name: string) =>
    `“${name}” gets a new secret, shown once. The old secret stops working at once: the app cannot sign anyone in until its developer puts in the new one.`,
  confirmRotate: 'Rotate secret',
  confirmDeleteTitle: 'Delete this app?',
  confirmDeleteText: (name: string) =>
    `“${name}” disappears from the kiosk home and nobody can sign in to it any more. This cannot be undone: to use it again, register it again and give its developer the new client ID.`,
  confirmDelete: 'Delete app',
  noSecretToRotate: 'This app has no client secret to rotate.',
  /** What the form refuses before sending. */
  problems: {
    nameMissing: 'Give the app a name.',
    nameTooLong: 'Use at most 80 characters.',
    addressMissing: 'Add at least one address.',
    tooManyAddresses: 'List at most 10 addresses.',
    line: (line: number, problem: string) => `Line ${line}: ${problem}`,
    key: (key: number, member: string | undefined, problem: string) =>
      member ? `Key ${key} ("${member}"): ${problem}` : `Key ${key}: ${problem}`,
    keysMissing: "Paste the app's public keys.",
    keysNotJson: 'This is not valid JSON. Paste the key set exactly as the developer gave it.',
    storesMissing: 'Choose at least one store, or choose “All stores”.',
    urlNotAddress: 'Must be a full web address such as https://app.example.com/callback.',
    urlTooLong: (max: number) => `Must be at most ${max} characters.`,
    urlNotHttps: 'Must start with https:// (http:// only for localhost or 127.0.0.1, while developing).',
    urlFragment: 'Must not contain a # fragment.',
    urlCredentials: 'Must not contain a user name or password.',
  },
  /** The "Sign-out notices" section of an app being edited (back-channel logout deliveries). */
  notices: {
    title: 'Sign-out notices',
    intro:
      "When a worker's session on a phone ends, Shiftpass tells this app so the next person never finds them signed in.",
    notTold:
      "Shiftpass does not tell this app when a worker signs out of a phone, so the next person could find them still signed in: to fix this, enter the app's back-channel logout URI above (the app's developer can give you the address) and save.",
    loading: 'Loading sign-out notices…',
    empty:
      'No sign-out notices yet. One is listed here each time the session of a worker who used this app ends on a phone.',
    caption: 'Sign-out notices, newest first',
    columns: {
      worker: 'Worker',
      signedOut: 'Signed out',
      state: 'Status',
      attempts: 'Attempts',
      answer: 'Last answer',
    },
    deletedPerson: 'Deleted person',
    delivered: 'Delivered',
    sendingNow: 'Sending now',
    retrying: (at: string) => `Retrying — next try at ${at}`,
    notSent: 'Not sent',
    gaveUp: (hours: number) => `Gave up after ${hours} hours`,
    answers: {
      none: 'No answer yet',
      timeout: (seconds: number) => `No answer within ${seconds} seconds`,
      unreachable: 'Could not reach the app',
      appGone: 'App removed or has no sign-out address',
      unexpected: (answer: string) => `Unexpected answer: ${answer}`,
      ok: (code: number) => `App answered ${code} OK`,
      notFound: (code: number) => `App answered ${code} (address not found)`,
      serverError: (code: number) => `App answered ${code} (server error)`,
      refused: (code: number) => `App answered ${code} (refused the notice)`,
      redirected: (code: number) => `App answered ${code} (sent Shiftpass elsewhere instead of answering)`,
      other: (code: number) => `App answered ${code} (not the answer Shiftpass expects)`,
    },
    showMore: 'Show more',
    showMoreHidden: ' sign-out notices',
    loadingMore: 'Loading more…',
    refresh: 'Refresh',
    refreshHidden: ' sign-out notices',
    shown: (count: number, more: boolean) =>
      more
        ? `Showing the ${count} most recent sign-out notices.`
        : count === 1
          ? 'Showing the only sign-out notice.'
          : `Showing all ${count} sign-out notices.`,
    appGone: 'This app no longer exists. Reload the page.',
  },
};

/** How to write a time on the Apps page: the browser's locale and zone unless a test gives them. */
export interface TimeFormat {
  locale?: string;
  timeZone?: string;
  /** "Today", to leave the date out of a time later today. */
  now?: Date;
}

/** A moment as a person reads it: "12 Mar 2025, 10:42" (in the browser's own words and zone). */
export function noticeTime(iso: string, format: TimeFormat = {}): string {
  return new Intl.DateTimeFormat(format.locale, {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: format.timeZone,
  }).format(new Date(iso));
}

const dayOf = (date: Date, format: TimeFormat) =>
  new Intl.DateTimeFormat('en-CA', { dateStyle: 'short', timeZone: format.timeZone }).format(date);

/** A coming moment: only the time ("10:42") when it is today, else the date too. */
export function noticeSoon(iso: string, format: TimeFormat = {}): string {
  const date = new Date(iso);
  if (dayOf(date, format) !== dayOf(format.now ?? new Date(), format)) return noticeTime(iso, format);
  return new Intl.DateTimeFormat(format.locale, { timeStyle: 'short', timeZone: format.timeZone }).format(
    date,
  );
}

export type AppsWords = typeof appsText;
type NoticeWords = AppsWords['notices'];

/** Who was signed out: their name, never an id. */
export const noticeWorker = (user: LogoutDeliveryView['user'], t: NoticeWords): string =>
  user.displayName ?? t.deletedPerson;

/** Where a notice stands: "Delivered", "Retrying — next try at 10:42", "Gave up after 24 hours". */
export function noticeState(
  delivery: Pick<LogoutDeliveryView, 'state' | 'lastAnswer' | 'nextAttemptDateTime'>,
  t: NoticeWords,
  format: TimeFormat = {},
): string {
  switch (delivery.state) {
    case 'delivered':
      return t.delivered;
    case 'pending':
      if (delivery.lastAnswer === null || delivery.nextAttemptDateTime === null) return t.sendingNow;
      return t.retrying(noticeSoon(delivery.nextAttemptDateTime, format));
    case 'failed':
      return delivery.lastAnswer === 'app_gone' ? t.notSent : t.gaveUp(LOGOUT_DELIVERY_GIVE_UP_HOURS);
  }
}

/** What the app said to the last try, in a store manager's words ("App answered 500 (server error)"). */
export function noticeAnswer(lastAnswer: string | null, t: NoticeWords): string {
  const a = t.answers;
  switch (lastAnswer) {
    case null:
      return a.none;
    case 'timeout':
      return a.timeout(LOGOUT_DELIVERY_TIMEOUT_SECONDS);
    case 'unreachable':
      return a.unreachable;
    case 'app_gone':
      return a.appGone;
  }
  if (!/^[1-5][0-9]{2}$/.test(lastAnswer)) return a.unexpected(lastAnswer);
  const code = Number(lastAnswer);
  if (code === 200 || code === 204) return a.ok(code);
  if (code === 404) return a.notFound(code);
  if (code >= 500) return a.serverError(code);
  if (code >= 400) return a.refused(code);
  if (code >= 300) return a.redirected(code);
  return a.other(code);
}
