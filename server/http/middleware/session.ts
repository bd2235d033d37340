/** Session cookie handling and the guards that every protected route goes through. */
import type { Context, MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { ApiError } from '../../contracts/errors.js';
import { say } from '../../contracts/error-words.js';
import type { Role } from '../../contracts/schemas.js';
import { FULL_ADMIN_SCOPE, scopesGrant, type ApiTokenScope } from '../../domain/api-token-scopes.js';
import type { AppEnv } from '../env.js';
import { authenticateApiToken } from '../../features/api-tokens/api-tokens.js';
import type { ServiceDeps } from '../../core/deps.js';
import { resolveSession } from '../../features/sessions/sessions.js';

/** `__Host-` binds the cookie to this origin: Secure, Path=/, no Domain (localhost counts as secure). */
export const SESSION_COOKIE = '__Host-shiftpass_session';

export function setSessionCookie(c: Context<AppEnv>, token: string, maxAgeSeconds: number): void {
  setCookie(c, SESSION_COOKIE, token, {
    httpOnly: true,
    secure: true,
    sameSite: 'Strict',
    path: '/',
    maxAge: maxAgeSeconds,
  });
}

export function clearSessionCookie(c: Context<AppEnv>): void {
  deleteCookie(c, SESSION_COOKIE, { path: '/', secure: true, httpOnly: true, sameSite: 'Strict' });
}

/**
 * Loads the session named by the cookie (or null); never fails the request by itself. A cookie naming
 * an ended session (signed out elsewhere, revoked, expired) is removed from the browser with the answer.
 */
export const loadSession =
  (deps: ServiceDeps): MiddlewareHandler<AppEnv> =>
  async (c, next) => {
    const token = getCookie(c, SESSION_COOKIE);
    const auth = token ? await resolveSession(deps, token) : null;
    if (token && !auth) clearSessionCookie(c);
    c.set('auth', auth);
    await next();
  };

/** A signed-in session; while a PIN change is pending, nothing but the PIN change is allowed. */
export const requireSession =
  (options: { allowPendingPinChange?: boolean } = {}): MiddlewareHandler<AppEnv> =>
  async (c, next) => {
    const auth = c.get('auth');
    if (!auth) throw new ApiError('UNAUTHENTICATED');
    if (auth.session.mustChangePin && !options.allowPendingPinChange)
      throw new ApiError('PIN_CHANGE_REQUIRED');
    await next();
  };

/**
 * A badge + PIN (kiosk) session is single-factor: an admin signed in that way acts with a manager's
 * reach (their own groups' workers). Full admin rights need a console session or an API token.
 */
export const effectiveRole = (role: Role, sessionKind: 'kiosk' | 'console'): Role =>
  sessionKind === 'kiosk' && role === 'admin' ? 'manager' : role;

/**
 * Admin API access: `Authorization: Bearer <api token>` or a signed-in session, with one of `roles`.
 * A token must also hold `tokenScope` (domain/api-token-scopes.ts). A route that names none needs
 * `admin.full`: a new route is closed to narrow tokens until it declares the scope it needs. Scopes
 * only narrow tokens; a person's session is never checked against them.
 */
export const requireRole =
  (
    deps: ServiceDeps,
    roles: readonly Role[],
    tokenScope: ApiTokenScope = FULL_ADMIN_SCOPE,
  ): MiddlewareHandler<AppEnv> =>
  async (c, next) => {
    const header = c.req.header('authorization');
    if (header !== undefined) {
      const match = /^Bearer\s+(\S+)$/i.exec(header);
      const actor = match?.[1] ? await authenticateApiToken(deps, match[1]) : null;
      if (!actor) throw new ApiError('UNAUTHENTICATED', say.apiTokenInvalid);
      if (!roles.includes(actor.role)) throw new ApiError('FORBIDDEN');
      if (!scopesGrant(actor.scopes, tokenScope)) {
        throw new ApiError('TOKEN_SCOPE_MISSING', say.tokenNeedsScope(tokenScope), {
          scope: tokenScope,
        });
      }
      c.set('actor', actor);
      return next();
    }
    const auth = c.get('auth');
    if (!auth) throw new ApiError('UNAUTHENTICATED');
    if (auth.session.mustChangePin) throw new ApiError('PIN_CHANGE_REQUIRED');
    const role = effectiveRole(auth.user.role, auth.session.kind);
    if (!roles.includes(role)) throw new ApiError('FORBIDDEN');
    c.set('actor', { type: 'user', userId: auth.user.id, role, sessionId: auth.session.id });
    await next();
  };
