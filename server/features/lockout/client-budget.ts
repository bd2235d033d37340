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
import type { BoundStatement, ThrottleClaim, WriteResult } from './throttles-repository.js';
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
 * A write that goes with the budget's claim, in the same commit, only if the claim got through:
 * `afterClaim` is the statement to run right after the claim in one batch, written to count nothing
 * when the claim changed no row (a refusal; see `changes()` in lockout-counters-repository.ts);
 * `alone` the same write for when there is no budget to claim (no client address).
 */
export interface WithClaim {
  afterClaim: BoundStatement;
  alone: BoundStatement;
}

/**
 * A claimed attempt can be given back: by `refund()`, or by committing `refundStatements` (the same
 * write, bound but not run) with the caller's own writes. `withClaim` is the result of the write that
 * went with the claim, when one did. A refusal names its budget window (`windowId`), on which every
 * refusal in it is counted once.
 */
export type ClientClaim =
  | { ok: true; refund(): Promise<void>; refundStatements: BoundStatement[]; withClaim?: WriteResult }
  | { ok: false; retryAfterSeconds: number; windowId: string };

/** Claims one sign-in attempt on the budget of the network `ipAddress` belongs to. */
export function claimClientAttempt(
  deps: ServiceDeps,
  ipAddress: string | null,
  budget: ClientBudgetPolicy,
  now: Date,
  withClaim?: WithClaim,
): Promise<ClientClaim> {
  return claimOn(deps, addressBudgetKey(deps, 'ip', ipAddress), budget, now, withClaim);
}

/** Claims one sign-in attempt on an enrolled device's own budget (its proof already verified). */
export function claimVerifiedDeviceAttempt(
  deps: ServiceDeps,
  verifiedDeviceId: string,
  budget: ClientBudgetPolicy,
  now: Date,
  withClaim?: WithClaim,
): Promise<ClientClaim> {
  return claimOn(deps, verifiedDeviceBudgetKey('ip', verifiedDeviceId), budget, now, withClaim);
}

async function claimOn(
  deps: ServiceDeps,
  key: string | null,
  budget: ClientBudgetPolicy,
  now: Date,
  withClaim: WithClaim | undefined,
): Promise<ClientClaim> {
  const { throttles } = deps.repos;
  const limits = { threshold: budget.clientThreshold, windowSeconds: budget.clientWindowSeconds };
  let claim: ThrottleClaim;
  let next: WriteResult | undefined;
  if (withClaim) ({ claim, next } = await throttles.claimWith(key, now, limits, withClaim));
  else claim = key ? await throttles.claim(key, now, limits) : { ok: true };
  if (!claim.ok) return claim;
  if (!key) return { ok: true, refund: async () => {}, refundStatements: [], withClaim: next };
  return {
    ok: true,
    refund: () => throttles.refund(key),
    refundStatements: [throttles.refundStatement(key)],
    withClaim: next,
  };
}
