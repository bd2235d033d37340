/**
 * Every string the kiosk shows, by area and language. To add an area: a file in messages/ built with
 * defineMessages (English first, then the same keys in every other language), and one line here.
 */
import type { Area } from './define';
import type { Locale } from './locale';
import { appSignIn } from './messages/app-sign-in';
import { camera } from './messages/camera';
import { changePin } from './messages/change-pin';
import { common } from './messages/common';
import { home } from './messages/home';
import { idle } from './messages/idle';
import { kioskMode } from './messages/kiosk-mode';
import { kioskSetup } from './messages/kiosk-setup';
import { pin } from './messages/pin';
import { pinHints } from './messages/pin-hints';
import { pinPad } from './messages/pin-pad';
import { pinRules } from './messages/pin-rules';
import { scan } from './messages/scan';
import { signInErrors } from './messages/sign-in-errors';
import { signOut } from './messages/sign-out';
import { typeCode } from './messages/type-code';
import { update } from './messages/update';

const areas = {
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
};

type Areas = typeof areas;
export type Messages = { [A in keyof Areas]: Areas[A] extends Area<infer T> ? Area<T>['en'] : never };

export function messagesFor(locale: Locale): Messages {
  return Object.fromEntries(
    Object.entries(areas).map(([name, area]) => [name, (area as Area<unknown>)[locale]]),
  ) as Messages;
}
