/**
 * The console's own words (the area `console` of the catalogue; Spanish in i18n/es/messages.ts), and
 * the server's error codes as a person should read them, in the page's language.
 */
import type { ClientError } from '$lib/api/client';
import { isLocale, type Locale } from '$lib/i18n/locale';
import { messageWithoutField } from './field-errors';
import { consoleText as consoleTextEs } from './i18n/es/messages';

export const consoleText = {
  appName: 'Shiftpass console',
  signIn: {
    title: 'Sign in to the console',
    username: 'Sign-in name',
    password: 'Password',
    submit: 'Sign in',
    busy: 'Signing in…',
    usernameMissing: 'Type your sign-in name.',
    passwordMissing: 'Type your password.',
  },
  totp: {
    title: 'Enter your authentication code',
    hint: 'Open your authenticator app and type the 6-digit code it shows for Shiftpass.',
    label: 'Authentication code',
    submit: 'Verify',
    useRecovery: 'Use a recovery code instead',
    recoveryTitle: 'Enter a recovery code',
    recoveryHint:
      'Type one of the recovery codes you saved when you set up your authenticator app. Each code works once.',
    recoveryLabel: 'Recovery code',
    useCode: 'Use an authentication code instead',
    startOver: 'Sign in as someone else',
    codeMissing: 'Type the 6-digit code from your authenticator app.',
    recoveryMissing: 'Type one of your recovery codes.',
  },
  enrol: {
    title: 'Set up your authenticator app',
    intro:
      'The console needs a second step at every sign-in: a code from an authenticator app on your phone (for example Microsoft Authenticator, Google Authenticator or 2FAS).',
    scan: 'In the app, add an account and scan this QR code.',
    qrAlt:
      'QR code that adds Shiftpass to your authenticator app. If you cannot scan it, type the setup key below.',
    manual: 'Cannot scan it? Choose to enter a setup key and type this one (time-based):',
    setupKey: 'Setup key',
    confirm: 'Then type the 6-digit code the app shows.',
    submit: 'Verify and continue',
    preparing: 'Preparing your QR code…',
  },
  recovery: {
    title: 'Save your recovery codes',
    intro:
      'If you lose your phone, each of these codes lets you sign in once instead of an authentication code. Keep them somewhere safe, away from your phone.',
    once: 'They are shown only now and will not be shown again.',
    download: 'Download',
    fileName: 'shiftpass-recovery-codes.txt',
    saved: 'I have saved these codes',
    continue: 'Continue to the console',
    listLabel: 'Recovery codes',
    fileHeading: 'Shiftpass console recovery codes (each works once)',
  },
  shell: {
    nav: 'Console',
    dashboard: 'Dashboard',
    people: 'People',
    groups: 'Stores',
    policies: 'Policies',
    logs: 'Logs',
    apiTokens: 'API tokens',
    signedInAs: 'Signed in as',
    signOut: 'Sign out',
    idleWarning: (seconds: number) =>
      `You will be signed out in ${seconds} s because nothing happened for a while.`,
    stay: 'Stay signed in',
    backToKiosk: 'Back to the kiosk',
    roles: { admin: 'Admin', manager: 'Manager', worker: 'Worker' },
  },
  dashboard: {
    title: 'Dashboard',
    welcome: (name: string) => `Welcome, ${name}.`,
    role: (role: string) => `You are signed in to the console as ${role}.`,
    sessionEnds: 'Your session ends after',
    idle: (minutes: number) => `${minutes} minutes without activity`,
  },
  reauth: {
    title: 'Confirm it’s you',
    intro: 'This change needs your password and an authentication code again.',
    password: 'Password',
    code: 'Authentication code',
    submit: 'Confirm',
    cancel: 'Cancel',
    passwordMissing: 'Type your password.',
    codeMissing: 'Type the 6-digit code from your authenticator app.',
  },
  signedOut: {
    idle: 'You were signed out after a period without activity.',
    ended: 'Your session has ended. Sign in again.',
    expired: 'Your sign-in took too long and has expired. Sign in again.',
  },
  errors: {
    credentials: 'The sign-in name or password is incorrect.',
    password: 'The password is incorrect.',
    recoveryCode: 'This recovery code is not correct or was already used.',
    code: 'The code is not correct, or it was already used. Wait for the next code and try again.',
    lockedFor: (wait: string) => `Too many failed sign-ins. Try again in ${wait}.`,
    locked: 'Too many failed sign-ins. Ask another admin to unlock your sign-in.',
    tooManyFor: (wait: string) => `Too many failed sign-ins from this network. Try again in ${wait}.`,
    tooMany: 'Too many failed sign-ins from this network. Try again later.',
    minutes: (n: number) => `${n} minute${n === 1 ? '' : 's'}`,
    checkInput: 'Please check what you typed.',
    network: 'The server could not be reached. Check the connection and try again.',
  },
};

/**
 * The words for the page's language (`<html lang>`, which the console's language state sets and the
 * API clients send): read at the moment an error is worded, so pure modules need no language state.
 */
export function consoleWords(locale: Locale = pageLocale()): typeof consoleText {
  return locale === 'es' ? consoleTextEs : consoleText;
}

function pageLocale(): Locale {
  const lang = typeof document === 'undefined' ? '' : document.documentElement.lang.split('-')[0];
  return isLocale(lang) ? lang : 'en';
}

const minutes = (seconds: unknown, words: typeof consoleText.errors) =>
  typeof seconds === 'number' ? words.minutes(Math.max(1, Math.ceil(seconds / 60))) : null;

/**
 * An error from the console API as words for the person in front of the screen: the console's own
 * words for the sign-in refusals (which need a next step), else the server's message, which the server
 * words in the page's language.
 */
export function describeConsoleError(error: ClientError, words = consoleWords()): string {
  const t = words.errors;
  switch (error.code) {
    case 'CREDENTIALS_INCORRECT':
      return error.field === 'password' ? t.password : t.credentials;
    case 'AUTHENTICATION_CODE_INCORRECT':
      return error.field === 'recoveryCode' ? t.recoveryCode : t.code;
    case 'ACCOUNT_LOCKED': {
      const wait = minutes(error.retryAfterSeconds, t);
      return wait ? t.lockedFor(wait) : t.locked;
    }
    case 'TOO_MANY_ATTEMPTS': {
      const wait = minutes(error.retryAfterSeconds, t);
      return wait ? t.tooManyFor(wait) : t.tooMany;
    }
    case 'SIGN_IN_CHALLENGE_INVALID':
      return words.signedOut.expired;
    case 'VALIDATION_FAILED': {
      // The server words each refusal as a sentence naming the field (server/http/validation-messages.ts).
      const sentence = messageWithoutField(error).trim();
      if (!sentence) return t.checkInput;
      const capital = sentence.charAt(0).toUpperCase() + sentence.slice(1);
      return /[.?!]$/.test(capital) ? capital : `${capital}.`;
    }
    case 'NETWORK_ERROR':
      return t.network;
    default:
      return error.message;
  }
}
