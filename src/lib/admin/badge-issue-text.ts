/**
 * The badge issue dialog (BadgeIssueDialog.svelte): a first badge, a new or replacement badge, a
 * temporary badge; when it starts, when it stops, and a first badge's PIN. Spanish:
 * i18n/es/badge-issue-text.ts. The PIN rules' words are the kiosk's own (one wording of each rule).
 */
import { pinRules } from '$lib/i18n/messages/pin-rules';

export const badgeIssueText = {
  title: {
    first: (name: string) => `Issue a badge for ${name}`,
    standard: (name: string) => `Issue a new badge for ${name}`,
    replace: (name: string) => `Replace ${name}’s badge?`,
    temporary: (name: string) => `Issue a temporary badge for ${name}`,
  },
  intro: {
    first: 'A badge and a PIN for signing in on a shared phone. Both are shown once, after this.',
    standard: 'A new badge, shown once after this. The PIN stays the same.',
    replace:
      'The old badge stops working at once; the new one works from the start you choose. The PIN stays the same.',
    temporary:
      'For someone who forgot their badge: a second badge for a few hours, with the same PIN. Shown once, after this.',
  },
  submit: {
    first: 'Issue badge',
    standard: 'Issue badge',
    replace: 'Replace badge',
    temporary: 'Issue temporary badge',
  },
  busy: 'Issuing…',
  cancel: 'Cancel',
  zone: (zone: string) => `Times are in your time zone (${zone}).`,
  starts: 'Starts working',
  startNow: 'Now',
  startAt: 'At a date and time',
  startAtLabel: 'Start date and time',
  startsOn: (when: string) => `Starts on ${when}.`,
  stops: 'Stops working',
  stopDefaultDays: (days: number) => (days === 1 ? 'Policy default: 1 day' : `Policy default: ${days} days`),
  stopDefaultHours: (hours: number) =>
    hours === 1 ? 'Policy default: 1 hour' : `Policy default: ${hours} hours`,
  /** A manager cannot read the policy: the server applies it. */
  stopDefaultUnknown: 'Policy default (set by an admin)',
  stopAt: 'At a date and time',
  stopAtLabel: 'End date and time',
  stopsOn: (when: string) => `Stops working on ${when}.`,
  stopLimits: {
    standard: 'At least 1 day after it starts, and at most 395 days.',
    temporary: 'At least 1 hour after it starts, and at most 12 hours.',
  },
  pin: 'PIN',
  pinGenerate: 'Make one up for me',
  pinType: 'I will type it',
  pinCodeLabel: 'PIN for the person',
  pinCodeHint: (min: number, max: number) =>
    `${min} to ${max} digits. Tell it to the person privately: they choose their own PIN at the first sign-in.`,
  errors: {
    startMissing: 'Choose the date and time the badge starts working.',
    startPast: 'Choose a start from now on, or choose Now.',
    startTooFar: (days: number) => `A badge can start at most ${days} days from now.`,
    expireMissing: 'Choose the date and time the badge stops working.',
    notAfterStart: 'Choose an end that is after the start and in the future.',
    tooShort: {
      standard: 'A badge must work for at least 1 day. Choose a later end.',
      temporary: 'A temporary badge must work for at least 1 hour. Choose a later end.',
    },
    tooLong: {
      standard: 'A badge works for at most 395 days. Choose an earlier end.',
      temporary: 'A temporary badge works for at most 12 hours. Choose an earlier end.',
    },
    pinMissing: 'Type the PIN, or choose “Make one up for me”.',
  },
  pinRules,
};
