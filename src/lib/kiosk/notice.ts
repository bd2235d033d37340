/**
 * What the kiosk has to tell the worker, as data: the words are chosen when it is shown, in the
 * language showing then (see src/lib/i18n/describe.ts).
 */
import type { ClientError } from '$lib/api/client';

/** `expired`: the session reached its absolute time limit while the home screen showed. */
/** `freshSignIn`: a store app asked for a new scan + PIN (OIDC prompt=login or max_age). */
/** `pinChangeUnfinished`: the page opened on a forced PIN change it did not start (a reload). */
export type SignOutReason =
  'button' | 'idle' | 'revoked' | 'offline' | 'expired' | 'elsewhere' | 'freshSignIn' | 'pinChangeUnfinished';

export type Notice =
  | { kind: 'error'; error: ClientError }
  | { kind: 'foreign-badge' }
  /** What was typed cannot be a badge code (checked here, before any request). */
  | { kind: 'short-code-invalid' }
  /** The server knows no badge with the typed code. */
  | { kind: 'short-code-not-recognized' }
  | { kind: 'pin-incorrect'; remainingAttempts: number | null }
  | { kind: 'signed-out'; reason: Exclude<SignOutReason, 'button' | 'elsewhere'> }
  /** A store app waiting for this sign-in could not be given it (app-sign-in.svelte.ts). */
  | { kind: 'app-sign-in'; problem: AppSignInProblem; app?: string | null }
  /** How a forgotten PIN's reset with a manager ended (forgot-pin.svelte.ts). */
  | { kind: 'pin-reset'; problem: 'done' | 'declined' | 'expired' };

/**
 * Why a store app's sign-in could not be completed: `expired` also covers one already used; `blocked`
 * and `second-factor`: the organization's access rules refuse this app here and now.
 */
export type AppSignInProblem =
  'expired' | 'console-session' | 'offline' | 'blocked' | 'second-factor' | 'failed';

export const errorNotice = (error: ClientError): Notice => ({ kind: 'error', error });

/** The notice a sign-out leaves on the fresh scan screen, if any. */
export function signedOutNotice(reason: SignOutReason): Notice | null {
  return reason === 'button' || reason === 'elsewhere' ? null : { kind: 'signed-out', reason };
}

/** "1:05" for 65 seconds. */
export const formatCountdown = (seconds: number): string =>
  `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
