/**
 * A manager confirms something for a worker on the worker's phone (a forgotten PIN, a step-up): the
 * manager scans their own badge and types their own PIN. The badge and PIN go through the very check a
 * sign-in uses (features/badges/verify-badge-and-pin.ts): the same client budget, decoy timing for
 * unknown badges, lockout counted on the MANAGER's method, PIN verifier upgrade. Only then is the rule
 * "who may approve for whom" (domain/manager-approval.ts) applied, so its readable refusals are never
 * shown to someone holding only a badge. Every refusal is written to the sign-in log (the manager's
 * row, `purpose` in its details); the caller logs or audits what the approval was for.
 */
import type { ErrorCode } from '../../contracts/errors.js';
import type { Role } from '../../contracts/schemas.js';
import type { ServiceDeps } from '../../core/deps.js';
import { APPROVAL_REFUSAL_CODES, approvalRefusal } from '../../domain/manager-approval.js';
import { verifyBadgeAndPin, type BadgeInput, type DeviceStep } from '../badges/verify-badge-and-pin.js';

/** What the manager confirms, noted in the manager's sign-in log row. */
export type ManagerApprovalPurpose = 'forgotPinApproval' | 'stepUpApproval';

export interface VerifyManagerBadgeInput {
  /** The worker the manager confirms for: their id and store (group) ids. */
  worker: { id: string; groupIds: readonly string[] };
  /** The manager's badge, as scanned (`{ qr }`) or typed from its label (`{ shortCode }`). */
  badge: BadgeInput;
  /** The manager's PIN. Never logged or stored. */
  pin: string;
  purpose: ManagerApprovalPurpose;
  ipAddress: string | null;
  userAgent: string | null;
  /**
   * The kiosk's device step, when the phone is enrolled (verified once by the caller, or here):
   * decides whose client budget the attempt is charged to. Without it the address's budget is.
   */
  deviceStep?: DeviceStep<unknown>;
}

/** The codes a manager's confirmation is refused with, besides the sign-in check's own. */
export type ManagerApprovalRefusalCode = (typeof APPROVAL_REFUSAL_CODES)[keyof typeof APPROVAL_REFUSAL_CODES];

export type ManagerApprovalOutcome =
  | { ok: true; manager: { id: string; displayName: string; role: Role }; deviceId?: string }
  | {
      ok: false;
      /**
       * APPROVER_NOT_A_MANAGER, APPROVER_NOT_OF_STORE, APPROVER_IS_REQUESTER, or any refusal of a
       * sign-in's badge + PIN check: QR_CODE_NOT_RECOGNIZED (unknown, forged, disabled), QR_CODE_EXPIRED,
       * QR_CODE_NOT_YET_ACTIVE, PIN_INCORRECT (`remainingAttempts`), METHOD_LOCKED (`retryAfterSeconds`),
       * TOO_MANY_ATTEMPTS (`retryAfterSeconds`), METHOD_DISABLED_BY_POLICY, a device refusal.
       */
      code: ErrorCode;
      details?: Record<string, unknown>;
    };

const NO_DEVICE: DeviceStep<unknown> = async () => ({ ok: true, device: null });

export async function verifyManagerBadge(
  deps: ServiceDeps,
  input: VerifyManagerBadgeInput,
): Promise<ManagerApprovalOutcome> {
  const check = await verifyBadgeAndPin(
    deps,
    {
      badge: input.badge,
      pin: input.pin,
      ipAddress: input.ipAddress,
      userAgent: input.userAgent,
      purpose: input.purpose,
    },
    input.deviceStep ?? NO_DEVICE,
  );
  if (!check.ok) return { ok: false, code: check.outcome.code, details: check.outcome.details };
  const { user, groupIds, method, context } = check;
  const refusal = approvalRefusal(
    { id: user.id, role: user.role as Role, groupIds },
    { id: input.worker.id, groupIds: input.worker.groupIds },
  );
  if (refusal) {
    // The right PIN all the same: the manager's counters reset, the client's attempt given back,
    // committed with the refusal's row.
    const code = APPROVAL_REFUSAL_CODES[refusal];
    await Promise.all([
      check.acceptPin(),
      check.fail(code, { ...context, reason: `${refusal}:${input.worker.id}` }),
    ]);
    return { ok: false, code };
  }
  if (deps.hasher.needsRehash(method.pinHash)) {
    await deps.repos.methods.upgradePinHash(method.id, method.pinHash, await deps.hasher.hash(input.pin));
  }
  await Promise.all([check.acceptPin(), check.logPassed({ ...context, reason: `for:${input.worker.id}` })]);
  return {
    ok: true,
    manager: { id: user.id, displayName: user.displayName, role: user.role as Role },
    ...(context.deviceId ? { deviceId: context.deviceId } : {}),
  };
}
