/**
 * Who may use /scim/v2: `Authorization: Bearer <API token>` (the admin API's tokens, features/
 * api-tokens), held by an admin, with the `scim` scope; otherwise a SCIM 401 or 403. No cookie is
 * read: a server-to-server API has no session and no same-origin rule.
 */
import type { MiddlewareHandler } from 'hono';
import type { ServiceDeps } from '../../core/deps.js';
import { scopesGrant } from '../../domain/api-token-scopes.js';
import { authenticateApiToken } from '../../features/api-tokens/api-tokens.js';
import type { ScimEnv } from '../../features/scim/scim-auth.js';
import { ScimError } from '../../features/scim/scim-errors.js';

export const requireScimToken =
  (deps: ServiceDeps): MiddlewareHandler<ScimEnv> =>
  async (c, next) => {
    const header = c.req.header('authorization');
    const match = header === undefined ? null : /^Bearer\s+(\S+)$/i.exec(header);
    if (!match?.[1]) {
      c.header('WWW-Authenticate', 'Bearer realm="shiftpass-scim"');
      throw new ScimError(401, null, 'Send a Shiftpass API token: Authorization: Bearer <token>.');
    }
    const actor = await authenticateApiToken(deps, match[1]);
    if (!actor) {
      c.header('WWW-Authenticate', 'Bearer realm="shiftpass-scim", error="invalid_token"');
      throw new ScimError(401, null, 'This API token is unknown, revoked or expired.');
    }
    if (actor.role !== 'admin') {
      throw new ScimError(403, null, "This API token's owner is not an admin.");
    }
    if (!scopesGrant(actor.scopes, 'scim')) {
      throw new ScimError(403, null, 'This API token was not given the scim scope.');
    }
    c.set('actor', actor);
    await next();
  };
