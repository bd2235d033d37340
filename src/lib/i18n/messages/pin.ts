import { english } from '../define';

export const pin = english({
  title: 'Enter your PIN',
  label: 'PIN',
  show: 'Show PIN',
  hide: 'Hide PIN',
  lengthHint: (minLength: number) => `${minLength} digits or more.`,
  lockedFor: (countdown: string) => `Too many wrong PINs. Try again in ${countdown}.`,
  empty: 'Type your PIN first.',
  digitsOnly: 'A PIN has digits 0–9 only.',
  signIn: 'Sign in',
  differentBadge: 'Scan a different badge',
});
