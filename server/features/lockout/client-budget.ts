/**
 * The per-client failure budget (docs/security.md, "Per client"): every sign-in attempt from a network
 * address claims one unit of a fixed window; an attempt that checked no secret, or succeeded, gives it
 * back. Shared by every sign-in path (badge + PIN, console password and codes), so spreading guesses
 * over paths does not widen the budget.
 */
import type { ClientBudgetPolicy } from '../../domain/lockout-policy.js';
import type { ServiceDeps } from '../../core/deps.js';

export type ClientClaim = { ok: true; refund(): Promise<void> } | { ok: false; retryAfterSeconds: number };

export async function claimClientAttempt(
  deps: ServiceDeps,
  ipAddress: string | null,
  budget: ClientBudgetPolicy,
  now: Date,
): Promise<ClientClaim> {
  if (!ipAddress) return { ok: true, refund: async () => {} };
  const key = `ip:${ipAddress}`;
  const claim = await deps.repos.throttles.claim(key, now, {
    threshold: budget.clientThreshold,
    windowSeconds: budget.clientWindowSeconds,
  });
  if (!claim.ok) return claim;
  return { ok: true, refund: () => deps.repos.throttles.refund(key) };
}
