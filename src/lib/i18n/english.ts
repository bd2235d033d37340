/**
 * Every string the kiosk shows, in English (the reference language). To add an area: a file in
 * messages/ built with `english({…})`, its translation in messages/es/, and one line here and in
 * spanish.ts. The kiosk loads English up front and another language only when it is picked.
 */
import { appSignIn } from './messages/app-sign-in';
import { camera } from './messages/camera';
import { changePin } from './messages/change-pin';
import { common } from './messages/common';
import { forgotPin } from './messages/forgot-pin';
import { home } from './messages/home';
import { idle } from './messages/idle';
import { kioskMode } from './messages/kiosk-mode';
import { kioskSetup } from './messages/kiosk-setup';
import { nfc } from './messages/nfc';
import { managerConfirm } from './messages/manager-confirm';
import { pin } from './messages/pin';
import { pinHints } from './messages/pin-hints';
import { pinPad } from './messages/pin-pad';
import { pinRules } from './messages/pin-rules';
import { scan } from './messages/scan';
import { stepUp } from './messages/step-up';
import { signInErrors } from './messages/sign-in-errors';
import { signOut } from './messages/sign-out';
import { typeCode } from './messages/type-code';
import { update } from './messages/update';

export const englishMessages = {
  common,
  scan,
  typeCode,
  camera,
  pin,
  pinPad,
  changePin,
  pinRules,
  pinHints,
  home,
  idle,
  signInErrors,
  signOut,
  update,
  kioskMode,
  kioskSetup,
  appSignIn,
  nfc,
  managerConfirm,
  forgotPin,
  stepUp,
};

export type Messages = typeof englishMessages;
