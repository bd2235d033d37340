/**
 * Who may use /scim/v2: `Authorization: Bearer <API token>` (the admin API's tokens, features/
 * api-tokens), held by an admin, with the `scim` scope. A SCIM client acts with the token as the
 * audit actor; managers' store scoping does not apply (the owner is an admin). No cookie is read:
 * this is a server-to-server API, so there is no session and no same-origin rule.
 */
import type { MiddlewareHandler } from 'hono';
import { scopesGrant } from '../../domain/api-token-scopes.js';
import type { Actor, ServiceDeps } from '../../core/deps.js';
import { authenticateApiToken } from '../api-tokens/api-tokens.js';
import { ScimError } from './scim-errors.js';

export type ScimActor = Extract<Actor, { type: 'api_token' }>;

/** The Hono environment of every SCIM route: the token's actor and the client's address. */
export interface ScimEnv {
  Bindings: { clientAddress?: string };
  Variables: { actor: ScimActor; clientAddress: string | null };
}

/** Whether the token may make admins or change them through SCIM (`scim.admins`). */
export const mayProvisionAdmins = (actor: ScimActor): boolean => scopesGrant(actor.scopes, 'scim.admins');

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
