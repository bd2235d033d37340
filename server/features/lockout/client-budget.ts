/**
 * The per-client failure budget (docs/security.md, "Per client"): every sign-in attempt claims one unit
 * of a fixed window; an attempt that checked no secret, or succeeded, gives it back. Shared by every
 * sign-in path (badge + PIN, console password and codes), so spreading guesses over paths does not
 * widen the budget.
 *
 * Who is charged: an enrolled kiosk whose device proof was VERIFIED is charged on its own budget, so
 * strangers on the store's shared address cannot spend it; every other request on the budget of the
 * network it came from: an IPv4 address, an IPv6 /64 (IPV6_CLIENT_PREFIX), since one host may pick
 * any address of its /64. A device merely named by a request is never a reason to leave the address.
 */
import type { InStatement } from '@libsql/client';
import { clientNetworkOf } from '../../domain/ip-address.js';
import type { ClientBudgetPolicy } from '../../domain/lockout-policy.js';
import type { ServiceDeps } from '../../core/deps.js';

/** The limits keyed per client: sign-in attempts, and device nonces handed out. */
export type ClientBudgetName = 'ip' | 'nonce';

/** The throttle key of the network an address belongs to, or null when the request has no address. */
export function addressBudgetKey(
  deps: ServiceDeps,
  budget: ClientBudgetName,
  ipAddress: string | null,
): string | null {
  if (!ipAddress) return null;
  return `${budget}:${clientNetworkOf(ipAddress, deps.settings.ipv6ClientPrefix) ?? ipAddress}`;
}

/** The throttle key of an enrolled device; only for a device whose proof has been verified. */
export function verifiedDeviceBudgetKey(budget: ClientBudgetName, verifiedDeviceId: string): string {
  return `${budget}:device:${verifiedDeviceId}`;
}

/**
 * A claimed attempt can be given back: by `refund()`, or by committing `refundStatements` (the same
 * write, bound but not run) with the caller's own writes. A refusal names its budget window
 * (`windowId`), on which every refusal in it is counted once.
 */
export type ClientClaim =
  | { ok: true; refund(): Promise<void>; refundStatements: InStatement[] }
  | { ok: false; retryAfterSeconds: number; windowId: string };

/** Claims one sign-in attempt on the budget of the network `ipAddress` belongs to. */
export function claimClientAttempt(
  deps: ServiceDeps,
  ipAddress: string | null,
  budget: ClientBudgetPolicy,
  now: Date,
): Promise<ClientClaim> {
  return claimOn(deps, addressBudgetKey(deps, 'ip', ipAddress), budget, now);
}

/** Claims one sign-in attempt on an enrolled device's own budget (its proof already verified). */
export function claimVerifiedDeviceAttempt(
  deps: ServiceDeps,
  verifiedDeviceId: string,
  budget: ClientBudgetPolicy,
  now: Date,
): Promise<ClientClaim> {
  return claimOn(deps, verifiedDeviceBudgetKey('ip', verifiedDeviceId), budget, now);
}

async function claimOn(
  deps: ServiceDeps,
  key: string | null,
  budget: ClientBudgetPolicy,
  now: Date,
): Promise<ClientClaim> {
  if (!key) return { ok: true, refund: async () => {}, refundStatements: [] };
  const claim = await deps.repos.throttles.claim(key, now, {
    threshold: budget.clientThreshold,
    windowSeconds: budget.clientWindowSeconds,
  });
  if (!claim.ok) return claim;
  return {
    ok: true,
    refund: () => deps.repos.throttles.refund(key),
    refundStatements: [deps.repos.throttles.refundStatement(key)],
  };
}
