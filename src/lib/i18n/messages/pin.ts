import { english } from '../define';

export const pin = english({
  title: 'Enter your PIN',
  label: 'PIN',
  show: 'Show PIN',
  hide: 'Hide PIN',
  lengthHint: (minLength: number) => `${minLength} digits or more.`,
  lockedFor: (countdown: string) => `Too many wrong PINs. Try again in ${countdown}.`,
  signIn: 'Sign in',
  differentBadge: 'Scan a different badge',
});
