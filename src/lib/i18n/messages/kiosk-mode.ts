/** Kiosk mode on the kiosk itself: its name on the scan screen, suspension, and the manager's exit. */
import { english } from '../define';

export const kioskMode = english({
  identity: (name: string, store: string) => (store ? `Kiosk: ${name} · ${store}` : `Kiosk: ${name}`),
  justEnrolled: (name: string) => `This phone is now the kiosk “${name}”. Workers can sign in.`,
  noLongerKiosk: 'This phone is no longer set up as a kiosk. Ask a manager.',
  suspendedTitle: 'This kiosk is suspended',
  suspendedBody:
    'Nobody can sign in on this phone until a manager or admin resumes it in the Shiftpass console.',
  checkAgain: 'Check again',
  exit: 'Manager: exit kiosk mode',
  exitScanTitle: 'Manager: scan your badge',
  exitScanHint: 'To exit kiosk mode, a manager of this store scans their badge, then enters their PIN.',
  exitPinTitle: 'Manager: enter your PIN',
  continue: 'Continue',
  cancel: 'Cancel',
  chooseTitle: 'Exit kiosk mode',
  suspend: 'Suspend this kiosk',
  suspendHint: 'The phone stays set up; nobody can sign in until it is resumed in the console.',
  unenroll: 'Remove kiosk mode from this phone',
  unenrollHint:
    'The phone forgets its kiosk key and everything Shiftpass stored on it. To use it as a kiosk again, set it up again.',
  working: 'Working…',
  suspendedDone: 'The kiosk is suspended.',
  FORBIDDEN: 'Only a manager of this kiosk’s store can exit kiosk mode.',
});
