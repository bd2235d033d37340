/** A store app waiting for the worker's kiosk sign-in (single sign-on), and why it could not be opened. */
import { english } from '../define';

export const appSignIn = english({
  waiting: 'Sign in to continue to the app',
  waitingFor: (app: string) => `Sign in to continue to ${app}`,
  opening: 'Opening the app…',
  openingApp: (app: string) => `Opening ${app}…`,
  expired: 'This sign-in request from the app has expired. Go back to the app and try again.',
  consoleSession:
    'Apps open from a kiosk sign-in with your badge and PIN. Sign out, scan your badge, then open the app again.',
  offline:
    'The app could not be opened because this phone is offline. Go back to the app and try again when the network is back.',
  blocked:
    'Your organization’s access rules do not allow this app on this phone right now. Your other apps still work. Ask your manager.',
  secondFactor:
    'Your organization’s access rules need a second proof of who you are for this app, which a badge and PIN cannot give. Ask your manager.',
  blockedApp: (app: string) =>
    `Your organization’s access rules do not allow ${app} on this phone right now. Your other apps still work. Ask your manager.`,
  secondFactorApp: (app: string) =>
    `Your organization’s access rules need a second proof of who you are for ${app}, which a badge and PIN cannot give. Ask your manager.`,
  failed: 'The app could not be opened. Go back to the app and try again.',
});
