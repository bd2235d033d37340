/** NFC badges on the scan screen (Web NFC, Chrome on Android), keyed partly by src/lib/nfc's NfcProblem. */
import { english } from '../define';

export const nfc = english({
  use: 'Use NFC badges',
  listening: 'Or hold your NFC badge to the back of the phone.',
  'not-a-badge': 'This tag is not a Shiftpass badge.',
  unreadable: 'The tag could not be read. Hold it still against the back of the phone.',
  refused:
    'NFC is blocked for this site. Ask your manager to allow NFC in Chrome (Settings › Site settings › NFC), then press "Use NFC badges". Until then, scan the QR code on your badge.',
  'turned-off':
    'NFC is turned off on this phone. Turn it on in the phone\'s settings, then press "Use NFC badges".',
  failed: 'NFC badges cannot be read right now. Scan the QR code on your badge instead.',
});
