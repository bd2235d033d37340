import { english } from '../define';

export const changePin = english({
  title: 'Choose your own PIN',
  currentPin: 'Current PIN',
  newPin: 'New PIN',
  confirmPin: 'Confirm new PIN',
  mismatch: 'The two new PINs are not the same.',
  save: 'Save PIN',
});
