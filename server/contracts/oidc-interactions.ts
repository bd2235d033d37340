/**
 * The kiosk's side of single sign-on, as the PWA sees it: a store app's pending sign-in (an
 * oidc-provider interaction) reaches the kiosk as `/?oidc=<uid>`, and the kiosk completes it with
 * POST /api/oidc/interactions/{uid}/login. Kept free of zod: the kiosk loads it up front.
 */

/** oidc-provider's interaction ids: nanoid, 21 characters by default; anything else is not one. */
export const INTERACTION_UID_PATTERN = /^[A-Za-z0-9_-]{16,64}$/;

/** The answer to POST /api/oidc/interactions/{uid}/login: where the browser goes next (the provider). */
export interface InteractionLoginView {
  returnTo: string;
}

/** GET /api/oidc/interactions/{uid}: what the kiosk shows while the app waits, before anyone signs in. */
export interface InteractionView {
  /** The app's name as an admin registered it. */
  appName: string;
}
