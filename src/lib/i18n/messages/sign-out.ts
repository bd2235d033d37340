/** Why the kiosk signed someone out, shown on the fresh scan screen. */
import { english } from '../define';

export const signOut = english({
  idle: 'You were signed out because the phone was not used for a while.',
  revoked: 'Your session ended. Scan your badge to sign in again.',
  offline: 'You were signed out because the phone has been offline for too long.',
  expired: 'Your session reached its time limit. Scan your badge to sign in again.',
  pinChangeUnfinished: 'The new PIN was not saved, so you were signed out. Scan your badge to start again.',
  freshSignIn: 'The app asks you to sign in again. Scan your badge and type your PIN.',
});
