/**
 * A store app listed on the kiosk's signed-in home: a name and an https address. Kept free of zod so
 * the kiosk can check a link before showing it without loading the validator.
 *
 * Only https: the kiosk is a shared phone on shop Wi-Fi, and any other scheme (javascript:, data:,
 * http:, a relative path) would either run in the kiosk's own origin or travel in the clear. A phone's
 * "localhost" is the phone itself, so a plain-http exception for it would serve nobody.
 */
export interface KioskApp {
  name: string;
  url: string;
}

/**
 * A store app that signs in through Shiftpass (OpenID Connect), listed on the kiosk home for the
 * worker's stores. `url` is the app's home address, checked by the server when the app was registered
 * (https, or http on this computer while developing: server/contracts/apps.ts).
 */
export interface SignInApp {
  /** The app's client_id. */
  id: string;
  name: string;
  url: string;
}

export const MAX_KIOSK_APPS = 20;
export const MAX_KIOSK_APP_NAME = 60;
export const MAX_KIOSK_APP_URL = 2048;

/** True for an absolute https:// address with a host and no user name or password in it. */
export function isSafeAppUrl(text: string): boolean {
  let url: URL;
  try {
    url = new URL(text); // not URL.canParse: older phone browsers lack it
  } catch {
    return false;
  }
  return url.protocol === 'https:' && url.hostname !== '' && url.username === '' && url.password === '';
}

/** Hosts where an app registered for development may use plain http (as server/contracts/apps.ts). */
const DEVELOPMENT_HOSTS = ['localhost', '127.0.0.1', '[::1]'];

/**
 * True for a sign-in app's home address the kiosk may open: https, or plain http on this computer (the
 * server accepts that only while developing), with no user name or password in it.
 */
export function isSafeSignInAppUrl(text: string): boolean {
  if (isSafeAppUrl(text)) return true;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return false;
  }
  return (
    url.protocol === 'http:' &&
    DEVELOPMENT_HOSTS.includes(url.hostname) &&
    url.username === '' &&
    url.password === ''
  );
}
