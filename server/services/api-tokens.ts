import { sha256 } from '../platform/crypto.js';
import type { Actor, ServiceDeps } from './deps.js';

const TOUCH_INTERVAL_MS = 60_000;

/** The actor behind a Bearer token, or null when it is unknown, revoked, expired or its owner is disabled. */
export async function authenticateApiToken(deps: ServiceDeps, token: string): Promise<Actor | null> {
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
  return { type: 'api_token', userId: user.id, role: user.role, tokenId: row.id };
}
