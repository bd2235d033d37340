/** /manager/kiosk: a manager sets this phone up as a kiosk for one of their stores. */
import { english } from '../define';

export const kioskSetup = english({
  title: 'Set up this phone as a kiosk',
  intro:
    'The phone will belong to one store. Workers sign in on it with their badge and PIN, and each sign-in proves it comes from this phone.',
  needsManager:
    'Only a signed-in manager can set up a kiosk. Sign in on the kiosk with your manager badge first.',
  scanManagerBadge: 'Scan your manager badge',
  nameLabel: 'Kiosk name',
  nameHint: 'For example “Front till”. It is shown on the scan screen.',
  storeLabel: 'Store',
  chooseStore: 'Choose a store',
  languageLabel: 'Kiosk language',
  languageOfStore: 'The store’s language',
  languageHint:
    'Each worker starts in this language and can pick another for their own session on the scan screen. An admin sets the store’s language in the console; if the store has none, the phone’s language is used.',
  saveLanguage: 'Save language',
  languageSaved: 'Saved. Each worker now starts in this language.',
  languageNotSaved: 'The language could not be saved on this phone. Try again.',
  noStores: 'You manage no store yet, so this phone cannot be set up by you.',
  submit: 'Set up kiosk',
  working: 'Setting up…',
  alreadyKiosk: (name: string) => `This phone is already set up as the kiosk “${name}”.`,
  backToKiosk: 'Back to the kiosk',
  nameRequired: 'Give the kiosk a name.',
  storeRequired: 'Choose the store this kiosk belongs to.',
  storesFailed: 'The list of stores could not be loaded. Try again.',
  'insecure-context':
    'This page was not opened over a secure (https) connection, so the phone cannot keep a kiosk key. Open Shiftpass at its https address.',
  'no-webcrypto':
    'This browser cannot make a kiosk key (Web Crypto is missing). Use an up-to-date Chrome, Safari or Firefox.',
  'no-indexeddb': 'This browser cannot store a kiosk key (site storage is off, or this is a private window).',
  FORBIDDEN: 'You can only set up kiosks for your own stores.',
  DEVICE_ALREADY_ENROLLED: 'This phone is already set up as a kiosk.',
  UNAUTHENTICATED: 'Your session ended. Scan your manager badge to sign in again.',
  NETWORK_ERROR: 'The server could not be reached. Check Wi-Fi or mobile data, then try again.',
  unexpected: 'The kiosk could not be set up. Try again, or ask an admin if it keeps happening.',
});
