/**
 * A store app waiting for this kiosk's sign-in (single sign-on). The OpenID provider sends the browser
 * to the kiosk at `/?oidc=<uid>` (an interaction); once a worker is signed in here, the kiosk completes
 * it (POST /api/oidc/interactions/{uid}/login) and leaves, top-level, for the provider's `returnTo`,
 * which answers the app.
 *
 * The uid is read once, taken off the address bar (so neither a reload nor Back replays it), kept in
 * memory only and used at most once: it is a pending sign-in, and the next person on a shared phone
 * must not inherit it.
 */
import { api, type ApiResult } from '$lib/api/client';
import type { InteractionLoginView, InteractionView } from '$server/contracts/oidc-interactions';
import { readInteractionParam } from './interaction-param';
import type { AppSignInProblem } from './notice';
import { stepUpOfferOf, type StepUpOffer } from './step-up-offer';

/** The page's address, behind a seam: the browser's (+page.svelte) or a test's. */
export interface AddressBar {
  /** The address the kiosk was opened at. */
  readonly href: string;
  /**
   * Rewrites the current entry's query and fragment (`?…#…`, or empty) without loading anything; the
   * path stays the kiosk's.
   */
  replace(queryAndHash: string): void;
  /** Leaves the kiosk for `url` (top-level navigation). */
  go(url: string): void;
}

export type AppSignInOutcome =
  /** Nothing was waiting. */
  | { kind: 'none' }
  /** The browser is on its way to the app. */
  | { kind: 'opening' }
  /** The server wants the worker's PIN changed first; the app keeps waiting. */
  | { kind: 'change-pin' }
  /** The app wants a fresh scan + PIN (prompt=login, max_age); the app keeps waiting for it. */
  | { kind: 'sign-in-again' }
  /** Nobody is signed in any more (the session ended on the server). */
  | { kind: 'signed-out' }
  /** An access rule wants a manager to confirm this session first (step-up); the app keeps waiting. */
  | { kind: 'step-up'; offer: StepUpOffer }
  | { kind: 'refused'; problem: AppSignInProblem };

export class AppSignIn {
  /** A store app is waiting for this sign-in (the scan screen says so). */
  waiting = $state(false);
  /** The waiting app's name, once the server has said it; null: "the app". */
  appName = $state<string | null>(null);
  /** The sign-in is on its way to the app: the screen says "Opening the app…" until the page leaves. */
  opening = $state(false);
  #uid: string | null = null;
  #started = false;
  readonly #address: AddressBar;

  constructor(address: AddressBar) {
    this.#address = address;
  }

  /** Reads `oidc` from the address, once per page; one that cannot be an interaction id is ignored. */
  start(): void {
    if (this.#started) return;
    this.#started = true;
    const param = readInteractionParam(this.#address.href);
    if (param === null) return;
    this.#address.replace(param.rest);
    if (param.uid === null) return;
    this.#uid = param.uid;
    this.waiting = true;
  }

  /**
   * Asks which app is waiting, for the screen's words. False when its sign-in is already gone (expired),
   * so nobody scans for nothing; any other failure leaves it waiting, unnamed.
   */
  async lookUp(): Promise<boolean> {
    const uid = this.#uid;
    if (uid === null) return true;
    const result = await api<InteractionView>('GET', `/oidc/interactions/${uid}`);
    if (result.ok && typeof result.data?.appName === 'string') this.appName = result.data.appName;
    if (result.ok || result.error.code !== 'OIDC_INTERACTION_NOT_FOUND') return true;
    this.forget();
    return false;
  }

  /** Gives the waiting app the signed-in worker, and on success leaves for it. */
  async complete(): Promise<AppSignInOutcome> {
    const uid = this.#uid;
    if (uid === null) return { kind: 'none' };
    // Taken before the request: a second call while this one is on its way finds nothing waiting.
    this.#uid = null;
    this.opening = true;
    const result = await api<InteractionLoginView>('POST', `/oidc/interactions/${uid}/login`);
    if (result.ok && isWebAddress(result.data?.returnTo)) {
      this.waiting = false;
      this.#address.go(result.data.returnTo);
      return { kind: 'opening' };
    }
    this.opening = false;
    if (!result.ok && result.error.code === 'PIN_CHANGE_REQUIRED') {
      this.#uid = uid;
      return { kind: 'change-pin' };
    }
    const offer =
      !result.ok && result.error.code === 'SECOND_FACTOR_REQUIRED'
        ? stepUpOfferOf(result.error.stepUp)
        : null;
    if (offer) {
      this.#uid = uid;
      return { kind: 'step-up', offer };
    }
    if (!result.ok && result.error.code === 'OIDC_FRESH_SIGN_IN_REQUIRED') {
      this.#uid = uid;
      return { kind: 'sign-in-again' };
    }
    this.waiting = false;
    if (!result.ok && result.status === 401) return { kind: 'signed-out' };
    return { kind: 'refused', problem: problemOf(result) };
  }

  /** Nothing is waiting any more: the worker signed out, or came Back from the app. */
  forget(): void {
    this.#uid = null;
    this.appName = null;
    this.waiting = false;
    this.opening = false;
  }
}

function problemOf(result: ApiResult<InteractionLoginView>): AppSignInProblem {
  if (result.ok) return 'failed';
  switch (result.error.code) {
    case 'OIDC_INTERACTION_NOT_FOUND':
      return 'expired';
    case 'OIDC_KIOSK_SESSION_REQUIRED':
      return 'console-session';
    case 'NETWORK_ERROR':
      return 'offline';
    case 'ACCESS_BLOCKED_BY_POLICY':
      return 'blocked';
    case 'SECOND_FACTOR_REQUIRED':
      return 'second-factor';
    default:
      return 'failed';
  }
}

/** The provider answers with its own http(s) address; anything else (javascript:, data:) is not followed. */
function isWebAddress(text: unknown): text is string {
  if (typeof text !== 'string') return false;
  try {
    const { protocol } = new URL(text, 'https://kiosk.invalid/');
    return protocol === 'https:' || protocol === 'http:';
  } catch {
    return false;
  }
}
