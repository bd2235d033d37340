/**
 * The console's words (English only: the kiosk is the bilingual part), kept in one place, and the
 * server's error codes as a person should read them.
 */
import type { ClientError } from '$lib/api/client';
import { messageWithoutField } from './field-errors';

export const consoleText = {
  appName: 'Shiftpass console',
  signIn: {
    title: 'Sign in to the console',
    username: 'Username',
    password: 'Password',
    submit: 'Sign in',
    busy: 'Signing in…',
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
  },
  signedOut: {
    idle: 'You were signed out after a period without activity.',
    ended: 'Your session has ended. Sign in again.',
    expired: 'Your sign-in took too long and has expired. Sign in again.',
  },
};

const minutes = (seconds: unknown) =>
  typeof seconds === 'number'
    ? `${Math.max(1, Math.ceil(seconds / 60))} minute${seconds > 60 ? 's' : ''}`
    : null;

/** An error from the console API as words for the person in front of the screen. */
export function describeConsoleError(error: ClientError): string {
  switch (error.code) {
    case 'CREDENTIALS_INCORRECT':
      return 'The username or password is incorrect.';
    case 'AUTHENTICATION_CODE_INCORRECT':
      return error.field === 'recoveryCode'
        ? 'This recovery code is not correct or was already used.'
        : 'The code is not correct, or it was already used. Wait for the next code and try again.';
    case 'ACCOUNT_LOCKED': {
      const wait = minutes(error.retryAfterSeconds);
      return wait
        ? `Too many failed sign-ins. Try again in ${wait}.`
        : 'Too many failed sign-ins. Ask another admin to unlock your sign-in.';
    }
    case 'TOO_MANY_ATTEMPTS': {
      const wait = minutes(error.retryAfterSeconds);
      return `Too many failed sign-ins from this network. Try again${wait ? ` in ${wait}` : ' later'}.`;
    }
    case 'SIGN_IN_CHALLENGE_INVALID':
      return consoleText.signedOut.expired;
    case 'VALIDATION_FAILED': {
      // The server words each refusal as a sentence naming the field (server/http/validation-messages.ts).
      const words = messageWithoutField(error).trim();
      if (!words) return 'Please check what you typed.';
      const sentence = words.charAt(0).toUpperCase() + words.slice(1);
      return /[.?!]$/.test(sentence) ? sentence : `${sentence}.`;
    }
    case 'NETWORK_ERROR':
      return 'The server could not be reached. Check the connection and try again.';
    default:
      return error.message;
  }
}
