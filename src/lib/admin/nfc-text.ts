/**
 * Words of "Write to NFC tag" beside a badge just issued (WriteNfcTagButton.svelte); the problems
 * are keyed by src/lib/nfc's NfcProblem.
 */
export const nfcText = {
  write: 'Write to NFC tag',
  note: 'A tag signs this person in just like the printed badge: give it to them only.',
  hold: 'Hold the tag to the back of the phone.',
  cancel: 'Cancel',
  written: (name: string) => `Written. This tag now signs ${name} in.`,
  problems: {
    refused:
      'NFC is blocked for this site. Allow NFC in Chrome (Settings › Site settings › NFC), then try again.',
    'turned-off': "NFC is turned off on this phone. Turn it on in the phone's settings, then try again.",
    'no-nfc': 'This phone or this tag cannot hold a badge. Use an NTAG213, NTAG215 or NTAG216 tag.',
    moved:
      'The tag could not be written: it moved away, or it is locked. Hold a new or unlocked tag still against the back of the phone and try again.',
    failed: 'The tag could not be written. Try again, or use another tag.',
  },
};
