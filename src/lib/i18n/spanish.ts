/** Every string the kiosk shows, in Spanish: loaded when Spanish is picked (i18n.svelte.ts). */
import type { Messages } from './english';
import { appSignIn } from './messages/es/app-sign-in';
import { camera } from './messages/es/camera';
import { changePin } from './messages/es/change-pin';
import { common } from './messages/es/common';
import { forgotPin } from './messages/es/forgot-pin';
import { home } from './messages/es/home';
import { idle } from './messages/es/idle';
import { kioskMode } from './messages/es/kiosk-mode';
import { kioskSetup } from './messages/es/kiosk-setup';
import { nfc } from './messages/es/nfc';
import { managerConfirm } from './messages/es/manager-confirm';
import { pin } from './messages/es/pin';
import { pinHints } from './messages/es/pin-hints';
import { pinPad } from './messages/es/pin-pad';
import { pinRules } from './messages/es/pin-rules';
import { scan } from './messages/es/scan';
import { stepUp } from './messages/es/step-up';
import { signInErrors } from './messages/es/sign-in-errors';
import { signOut } from './messages/es/sign-out';
import { typeCode } from './messages/es/type-code';
import { update } from './messages/es/update';

export const spanishMessages: Messages = {
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
