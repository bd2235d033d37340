/**
 * What an admin API token may do. A token holds the scopes chosen when it was made and acts with its
 * owner's role only inside them; a signed-in person is never narrowed by scopes. `admin.full` holds
 * every scope, including what lets an admin take over another admin's account (console invitations,
 * console unlock, managing tokens and policies); a route that names no scope needs it, so a new route
 * stays closed to narrow tokens until it says otherwise.
 *
 * The one list of scopes: adding one (issue 17's `scim`) is one line here, plus its words in the
 * console (src/lib/admin/api-token-text.ts, whose type asks for them).
 */

/** Each scope, narrowest first (the console's order), with the scopes it also holds. */
const SCOPE_INCLUDES = {
  'devices.compliance.write': ['devices.read'],
  'devices.read': [],
  'logs.read': [],
  'users.read': [],
  'users.write': ['users.read'],
  /** SCIM provisioning (/scim/v2): people and stores, as an HR tool or Entra sends them; never admins. */
  scim: [],
  /** SCIM provisioning that may also create admins and change them (a role of `admin`). */
  'scim.admins': ['scim'],
  'admin.full': [],
} as const satisfies Record<string, readonly string[]>;

export type ApiTokenScope = keyof typeof SCOPE_INCLUDES;

export const API_TOKEN_SCOPES = Object.keys(SCOPE_INCLUDES) as [ApiTokenScope, ...ApiTokenScope[]];

/** The scope that holds all others; tokens made before scopes existed hold it. */
export const FULL_ADMIN_SCOPE = 'admin.full' as const satisfies ApiTokenScope;

/** Whether a token holding `held` may do what needs `needed`. */
export function scopesGrant(held: readonly ApiTokenScope[], needed: ApiTokenScope): boolean {
  return held.some(
    (scope) =>
      scope === FULL_ADMIN_SCOPE ||
      scope === needed ||
      (SCOPE_INCLUDES[scope] as readonly ApiTokenScope[]).includes(needed),
  );
}

/**
 * The scopes stored with a token, in list order, without repeats. Unknown names (a scope removed in a
 * later version, a hand-edited row) are dropped, never widened: what is left may only do less.
 */
export function normalizeScopes(values: readonly unknown[]): ApiTokenScope[] {
  return API_TOKEN_SCOPES.filter((scope) => values.includes(scope));
}
