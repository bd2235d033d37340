/**
 * How long the OpenID provider's artifacts live, in seconds, sized for a shift on a shared phone
 * (docs/security.md, "Single sign-on"). The kiosk session stays the real bound: the provider's
 * session and the apps' refresh tokens end with it (shared-device sign-out).
 */
export const OIDC_LIFETIMES = {
  /** One redirect back to the app; single use. */
  AuthorizationCode: 60,
  /** Opaque, checked against the database at userinfo; short because a revoked one lives on elsewhere. */
  AccessToken: 15 * 60,
  /** Only read once by the app at sign-in (and later as an id_token_hint, which may be expired). */
  IdToken: 15 * 60,
  /** A shift and a little more; rotated on every use, the family never outlives the first one. */
  RefreshToken: 12 * 60 * 60,
  /** The provider's own session (its cookie): at most a shift. */
  Session: 12 * 60 * 60,
  Grant: 12 * 60 * 60,
  /** Time for the worker to scan and type a PIN after an app sent them to the kiosk. */
  Interaction: 15 * 60,
} as const;

/**
 * How long a replaced signing key stays in JWKS: the longest lifetime above, so every token or
 * session it signed for has ended (ID tokens also come back as id_token_hint at logout).
 */
export const SIGNING_KEY_OVERLAP_SECONDS = Math.max(...Object.values(OIDC_LIFETIMES));
