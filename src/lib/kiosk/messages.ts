/** Words the kiosk shows for each API error code and camera problem. */
import type { CameraProblem } from '$lib/scanner/scanner';

export const signInMessages: Record<string, string> = {
  QR_CODE_NOT_RECOGNIZED: 'This badge is not recognized. Ask your manager for a new badge.',
  QR_CODE_EXPIRED: 'This badge has expired. Ask your manager for a new one.',
  QR_CODE_NOT_YET_ACTIVE: 'This badge is not active yet. Try again later or ask your manager.',
  PIN_INCORRECT: 'That PIN is not right. Try again.',
  METHOD_LOCKED: 'Too many wrong PINs. Wait, then try again, or ask your manager to unlock your badge.',
  TOO_MANY_ATTEMPTS: 'Too many failed sign-ins on this device. Wait a few minutes, then try again.',
  METHOD_DISABLED_BY_POLICY: 'Badge sign-in is not turned on for you. Ask your manager.',
  ACCESS_BLOCKED_BY_POLICY: 'Sign-in is not allowed here right now.',
  PIN_POLICY_VIOLATION: 'That PIN is not allowed.',
  NETWORK_ERROR:
    'Signing in needs the network, and this phone is offline. Check Wi-Fi or mobile data, then try again.',
  VALIDATION_FAILED: 'Something in the form is not valid.',
};

export const FOREIGN_BADGE = 'This badge belongs to another organization. Use your own badge for this store.';

export const cameraMessages: Record<CameraProblem, string> = {
  denied:
    'The camera is blocked. Allow camera access for this site in the browser settings, then press "Try the camera again".',
  no_camera: 'No camera was found on this device. Use a phone or tablet with a camera.',
  busy: 'The camera is in use by another app. Close that app, then press "Try the camera again".',
  insecure:
    'The camera only works over HTTPS. Ask your administrator to open Shiftpass with an https:// address.',
  unknown: 'The camera could not start. Press "Try the camera again".',
};

export const messageFor = (error: { code: string; message: string }): string =>
  signInMessages[error.code] ?? error.message;

export type SignOutReason = 'button' | 'idle' | 'revoked' | 'offline' | 'elsewhere';

export const signOutMessages: Record<SignOutReason, string | null> = {
  button: null,
  idle: 'You were signed out because the phone was not used for a while.',
  revoked: 'Your session ended. Scan your badge to sign in again.',
  offline: 'You were signed out because the phone has been offline for too long.',
  elsewhere: null,
};

export function pinIncorrectMessage(remainingAttempts: unknown): string {
  if (typeof remainingAttempts !== 'number') return signInMessages.PIN_INCORRECT!;
  return remainingAttempts === 1
    ? 'That PIN is not right. 1 try left before your badge is locked for a while.'
    : `That PIN is not right. ${remainingAttempts} tries left.`;
}

/** "1:05" for 65 seconds. */
export const formatCountdown = (seconds: number): string =>
  `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
