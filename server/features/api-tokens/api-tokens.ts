/** Admin API tokens: authentication by hash, and creating, listing and revoking them. */
import type { z } from 'zod';
import {
  API_TOKEN_DEFAULT_LIFETIME_DAYS,
  API_TOKEN_MAX_LIFETIME_DAYS,
  type ApiTokenView,
  type CreatedApiToken,
  type createApiTokenBody,
} from '../../contracts/api-tokens.js';
import { ApiError } from '../../contracts/errors.js';
import { say } from '../../contracts/error-words.js';
import { normalizeScopes } from '../../domain/api-token-scopes.js';
import { newId, randomToken, sha256 } from '../../platform/crypto.js';
import { recordAudit } from '../../core/audit.js';
import type { Actor, ServiceDeps } from '../../core/deps.js';

const TOUCH_INTERVAL_MS = 60_000;

/** The actor behind a Bearer token, or null when it is unknown, revoked, expired or its owner is disabled. */
export async function authenticateApiToken(
  deps: ServiceDeps,
  token: string,
): Promise<Extract<Actor, { type: 'api_token' }> | null> {
  if (token.length < 16 || token.length > 256) return null;
  const found = await deps.repos.credentials.findApiTokenByHash(sha256(token));
  if (!found) return null;
  const now = deps.clock.now();
  const { token: row, user } = found;
  if (row.revokedAt || (row.expiresAt && row.expiresAt.getTime() <= now.getTime()) || !user.accountEnabled) {
    return null;
  }
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() >= TOUCH_INTERVAL_MS) {
    await deps.repos.credentials.markApiTokenUsed(row.id, now);
  }
  return {
    type: 'api_token',
    userId: user.id,
    role: user.role,
    tokenId: row.id,
    scopes: normalizeScopes(row.scopes),
  };
}

type ApiTokenListRow = Awaited<ReturnType<ServiceDeps['repos']['credentials']['listApiTokens']>>[number];

function toView(row: ApiTokenListRow, now: Date): ApiTokenView {
  const expired = row.expiresAt !== null && row.expiresAt.getTime() <= now.getTime();
  return {
    id: row.id,
    displayName: row.displayName,
    createdDateTime: row.createdAt.toISOString(),
    expireDateTime: row.expiresAt?.toISOString() ?? null,
    scopes: normalizeScopes(row.scopes),
    lastUsedDateTime: row.lastUsedAt?.toISOString() ?? null,
    revokedDateTime: row.revokedAt?.toISOString() ?? null,
    state: row.revokedAt ? 'revoked' : expired ? 'expired' : 'active',
    createdBy: { id: row.ownerId, displayName: row.ownerDisplayName },
  };
}

export async function listApiTokens(deps: ServiceDeps): Promise<{ value: ApiTokenView[] }> {
  const now = deps.clock.now();
  return { value: (await deps.repos.credentials.listApiTokens()).map((row) => toView(row, now)) };
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** The expiry asked for, or the default; in the future and at most the maximum lifetime away. */
function expiryOf(requested: string | undefined, now: Date): Date {
  if (requested === undefined) return new Date(now.getTime() + API_TOKEN_DEFAULT_LIFETIME_DAYS * DAY_MS);
  const at = new Date(requested);
  const field = 'expireDateTime';
  if (at.getTime() <= now.getTime()) {
    throw new ApiError('VALIDATION_FAILED', say.tokenExpiryInPast, { field });
  }
  if (at.getTime() > now.getTime() + API_TOKEN_MAX_LIFETIME_DAYS * DAY_MS) {
    throw new ApiError('VALIDATION_FAILED', say.tokenExpiryTooFar(API_TOKEN_MAX_LIFETIME_DAYS), { field });
  }
  return at;
}

/** A new token acting for the admin who creates it; the secret is in the answer only. */
export async function createApiToken(
  deps: ServiceDeps,
  actor: Actor,
  input: z.output<typeof createApiTokenBody>,
): Promise<CreatedApiToken> {
  const now = deps.clock.now();
  const expiresAt = expiryOf(input.expireDateTime, now);
  const scopes = normalizeScopes(input.scopes);
  const token = `sp_${randomToken(32)}`;
  const id = newId();
  await deps.repos.credentials.insertApiToken({
    id,
    displayName: input.displayName,
    tokenHash: sha256(token),
    userId: actor.userId,
    createdAt: now,
    expiresAt,
    scopes,
  });
  await recordAudit(
    deps,
    actor,
    'apiToken.created',
    { type: 'apiToken', id },
    { displayName: input.displayName, expireDateTime: expiresAt.toISOString(), scopes },
  );
  const owner = await deps.repos.users.findById(actor.userId);
  const view = toView(
    {
      id,
      displayName: input.displayName,
      createdAt: now,
      expiresAt,
      scopes,
      lastUsedAt: null,
      revokedAt: null,
      ownerId: actor.userId,
      ownerDisplayName: owner?.displayName ?? '',
    },
    now,
  );
  return { ...view, token };
}

/** Revokes a token at once (the next request with it is refused); revoking twice is not an error. */
export async function revokeApiToken(deps: ServiceDeps, actor: Actor, id: string): Promise<void> {
  const { found, revokedNow } = await deps.repos.credentials.revokeApiToken(id, deps.clock.now());
  if (!found) throw new ApiError('NOT_FOUND', say.noSuchApiToken);
  if (revokedNow) await recordAudit(deps, actor, 'apiToken.revoked', { type: 'apiToken', id });
}
