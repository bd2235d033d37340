/**
 * "Forgot PIN?" on the PIN screen: a manager of the worker's store approves on this phone (badge +
 * PIN) or from the console's person page; then the worker chooses a new PIN and signs in with it.
 */
import { english } from '../define';

export const forgotPin = english({
  link: 'Forgot PIN?',
  opening: 'Asking for a PIN reset…',
  title: 'Forgot your PIN?',
  explain:
    'A manager of your store can let you choose a new PIN. They scan their badge and enter their PIN on this phone. They never see your new PIN.',
  consoleInstead: 'No manager here? Ask one to approve it in the Shiftpass console',
  waitingTitle: 'Waiting for a manager',
  waitingBody: (minutes: number) =>
    `Ask a manager of your store to open your page in the Shiftpass console and approve your PIN reset. This request ends in ${minutes} minutes.`,
  timeLeft: (countdown: string) => `Time left: ${countdown}`,
  checking: 'Waiting for the approval…',
  approvedBy: (name: string) => `${name} approved your PIN reset. Choose your new PIN.`,
  approvedFromConsole: 'A manager approved your PIN reset. Choose your new PIN.',
  cancel: 'Cancel',
  cancelReset: 'Cancel PIN reset',
  done: 'Your PIN is changed. Enter your new PIN to sign in.',
  declined: 'A manager declined your PIN reset. Ask them, or an admin, for help.',
  expired: 'Your PIN reset request ended after 10 minutes. Tap “Forgot PIN?” to start again.',
});
