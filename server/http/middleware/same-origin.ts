/**
 * CSRF defence in depth for cookie sessions (the cookie is SameSite=Strict already, which a sibling
 * sub-domain or a plain-HTTP page on the same host can get around in some browsers): a
 * state-changing request that carries the session cookie, or says where it comes from, must come
 * from this site. The `Origin` header must be PUBLIC_ORIGIN or name this server's own host; without
 * an `Origin`, `Sec-Fetch-Site: same-origin` will do. Bearer-token clients send neither a cookie nor
 * an `Origin` and are not affected.
 *
 * Why the host and not the whole origin when PUBLIC_ORIGIN is not set: behind plain HTTP the server
 * cannot know its public scheme (adapter-node assumes https), and a cross-site page cannot choose the
 * host its request goes to.
 */
import type { MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { ApiError } from '../../contracts/errors.js';
import type { AppEnv } from '../env.js';
import { SESSION_COOKIE } from './session.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function hostOf(origin: string): string | null {
  try {
    return new URL(origin).host;
  } catch {
    return null;
  }
}

export function isAllowedOrigin(
  origin: string,
  requestUrl: string,
  publicOrigin: string | undefined,
): boolean {
  if (publicOrigin !== undefined) return origin === publicOrigin || origin === new URL(requestUrl).origin;
  return hostOf(origin) === new URL(requestUrl).host;
}

export const requireSameOrigin =
  (publicOrigin: string | undefined): MiddlewareHandler<AppEnv> =>
  async (c, next) => {
    if (SAFE_METHODS.has(c.req.method)) return next();
    const origin = c.req.header('origin');
    const hasCookie = getCookie(c, SESSION_COOKIE) !== undefined;
    if (origin === undefined) {
      const site = c.req.header('sec-fetch-site');
      if (hasCookie && site !== 'same-origin') throw new ApiError('ORIGIN_NOT_ALLOWED');
      return next();
    }
    if (!isAllowedOrigin(origin, c.req.url, publicOrigin)) throw new ApiError('ORIGIN_NOT_ALLOWED');
    await next();
  };
