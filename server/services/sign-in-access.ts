/**
 * Conditional access at sign-in: gathers what the server knows about a sign-in (who, which device,
 * from which address, when, how) and asks the pure evaluator (server/domain/conditional-access.ts).
 */
import {
  evaluateConditionalAccess,
  type ConditionalAccessResult,
  type Role,
  type SignInMethod,
} from '../domain/conditional-access.js';
import type { ServiceDeps } from './deps.js';
import type { VerifiedDevice } from './device-proof.js';

export interface SignInAccessInput {
  user: { id: string; role: Role; groupIds: readonly string[] };
  /** null: the sign-in carried no device binding. */
  device: VerifiedDevice | null;
  clientAddress: string | null;
  instant: Date;
  method: SignInMethod;
}

export async function evaluateSignInAccess(
  _deps: ServiceDeps,
  input: SignInAccessInput,
): Promise<ConditionalAccessResult> {
  // Stored policies and named locations are read here once they exist (this work).
  return evaluateConditionalAccess([], [], {
    user: input.user,
    device: input.device?.facts ?? null,
    clientAddress: input.clientAddress,
    instant: input.instant,
    timeZone: null,
    method: input.method,
  });
}
