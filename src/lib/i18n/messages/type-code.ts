/** The typed fallback: the short code printed under the badge's QR image, for when scanning fails. */
import { english } from '../define';

export const typeCode = english({
  instead: 'Type code instead',
  title: 'Type the code on your badge',
  label: 'Badge code',
  hint: 'The 10 letters and numbers printed under the QR code, like 7KQ4M-2XJ9P. Capitals, spaces and dashes do not matter.',
  next: 'Next',
  scanInstead: 'Scan instead',
  empty: 'Type the code printed under the QR code on your badge.',
  invalid: 'A badge code has 10 letters and numbers, like 7KQ4M-2XJ9P. Check what you typed.',
  notRecognized:
    'This code is not recognized. Check it against your badge and type it again, or ask your manager.',
});
