/**
 * The forced PIN change, in two steps: choose a new PIN, then type it again. Every refusal is said in
 * these words (the browser's own validation bubbles are switched off on the kiosk).
 */
import { english } from '../define';

export const changePin = english({
  title: 'Choose your own PIN',
  againTitle: 'Type your new PIN again',
  step: (step: number, of: number) => `Step ${step} of ${of}`,
  newPin: 'New PIN',
  confirmPin: 'Confirm new PIN',
  emptyNew: 'Type a new PIN first.',
  emptyAgain: 'Type your new PIN again to confirm it.',
  mismatch: 'The two PINs were not the same. Choose your new PIN again.',
  next: 'Next',
  back: 'Back',
  save: 'Save PIN',
  cancel: 'Cancel and sign out',
});
