/**
 * Sensitive actions (creating API tokens, changing a policy) need the password and second factor
 * given within the last `maxAgeSeconds` on a console session: a console left open, or a stolen session
 * cookie, is not enough. API-token callers pass: a token is a credential made for unattended use by
 * an admin who re-authenticated to create it, it has no person to prompt, and it is revocable.
 * Runs after requireRole, which sets the actor.
 */
import type { MiddlewareHandler } from 'hono';
import { ApiError } from '../../contracts/errors.js';
import type { AppEnv } from '../env.js';
import type { ServiceDeps } from '../../core/deps.js';

export const REAUTHENTICATION_MAX_AGE_SECONDS = 300;

export const requireRecentAuth =
  (deps: ServiceDeps, maxAgeSeconds = REAUTHENTICATION_MAX_AGE_SECONDS): MiddlewareHandler<AppEnv> =>
  async (c, next) => {
    if (c.get('actor')?.type === 'api_token') return next();
    const at = c.get('auth')?.session.reauthenticatedAt;
    const fresh = at != null && deps.clock.now().getTime() - at.getTime() < maxAgeSeconds * 1000;
    if (!fresh) throw new ApiError('REAUTHENTICATION_REQUIRED', undefined, { maxAgeSeconds });
    await next();
  };
