/**
 * Who acts on /scim/v2: an admin's API token with the `scim` scope (checked by
 * server/http/middleware/scim-token.ts). The token is the audit actor; managers' store scoping does
 * not apply (the owner is an admin); admins are made or changed only with `scim.admins`.
 */
import { scopesGrant } from '../../domain/api-token-scopes.js';
import type { Actor } from '../../core/deps.js';

export type ScimActor = Extract<Actor, { type: 'api_token' }>;

/** The Hono environment of every SCIM route: the token's actor and the client's address. */
export interface ScimEnv {
  Bindings: { clientAddress?: string };
  Variables: { actor: ScimActor; clientAddress: string | null };
}

/** Whether the token may make admins or change them through SCIM (`scim.admins`). */
export const mayProvisionAdmins = (actor: ScimActor): boolean => scopesGrant(actor.scopes, 'scim.admins');
