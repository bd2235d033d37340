/**
 * "Forgot PIN?" with a manager (docs/security.md, "Forgot PIN with a manager"):
 *
 * 1. The kiosk opens a request for the worker's scanned badge (`openPinReset`); it alone gets the
 *    request secret (only its SHA-256 is stored), which every later call must show.
 * 2. A manager of one of the worker's stores approves, on the phone with their own badge + PIN
 *    (`approveOnKiosk`, through verifyManagerBadge: the sign-in's own check) or in the console
 *    (`approveFromConsole`), within 10 minutes of the request. A manager never sees or sets the PIN.
 * 3. The worker chooses the new PIN (`chooseNewPin`): the PIN rules, the method's lockout cleared (only
 *    here), every session of the worker ended. The worker then signs in with it through the normal
 *    sign-in, so device binding, conditional access and the sign-in log apply as to any sign-in.
 *
 * Unknown, forged, disabled, expired and not-yet-active badges are all answered QR_CODE_NOT_RECOGNIZED
 * after one decoy PIN verification, as a bad sign-in is; so is every genuine request (one decoy
 * verification each), so the time says nothing either. Each refusal is written to the sign-in log
 * (kiosk) or the audit log (console); each approval and each completed reset to the audit log.
 */
import { ApiError, type ErrorCode } from '../../contracts/errors.js';
import { pinRefusal, say } from '../../contracts/error-words.js';
import type { DeviceProofBody } from '../../contracts/devices.js';
import type {
  ForgotPinOpened,
  ForgotPinStatusView,
  PinResetRequestView,
} from '../../contracts/forgot-pin.js';
import type { Role } from '../../contracts/schemas.js';
import { recordAudit } from '../../core/audit.js';
import { loadManagedUser } from '../../core/actor-scope.js';
import type { Actor, ServiceDeps } from '../../core/deps.js';
import type { HashTurn } from '../../domain/hash-queue.js';
import { APPROVAL_REFUSAL_CODES, approvalRefusal } from '../../domain/manager-approval.js';
import { checkPin } from '../../domain/pin-rules.js';
import {
  approvalDeadlineOf,
  mayAskForPinReset,
  PIN_RESET_APPROVAL_WINDOW_MS,
  PIN_RESET_APPROVALS_PER_MANAGER,
  PIN_RESET_RATE_WINDOW_MS,
  PIN_RESET_REQUESTS_PER_BADGE,
  pinResetStageAt,
  rateLimitRetryAfter,
  type PinResetStage,
} from '../../domain/pin-reset.js';
import { codeWindowAt } from '../../domain/qr-code-window.js';
import { isUserInPolicyScope } from '../../domain/qr-pin-policy.js';
import { equalHashes, newId, randomToken, sha256 } from '../../platform/crypto.js';
import { lookUpBadge, type BadgeInput } from '../badges/verify-badge-and-pin.js';
import { verifyDeviceRequest, type RequestTarget } from '../devices/device-binding-check.js';
import { claimClientAttempt } from '../lockout/client-budget.js';
import { verifyManagerBadge } from '../manager-approval/verify-manager-badge.js';
import { getQrPinPolicy } from '../policies/policies.js';
import { endUserSessions } from '../sessions/sessions.js';
import type { PinResetRow } from './pin-reset-repository.js';

/** Where the decoy check stands when checks queue: as an unrecognized badge's sign-in. */
const DECOY_TURN: HashTurn = { rank: 1 };

/** The audit actor for what happens on a kiosk (no console session). */
const kioskActor = (user: { id: string; role: Role }, what: string): Actor => ({
  type: 'user',
  userId: user.id,
  role: user.role,
  sessionId: `kiosk-${what}`,
});

interface KioskRequest {
  ipAddress: string | null;
  userAgent: string | null;
}

/**
 * A refusal's sign-in log row (`purpose` in its details), never with a PIN or badge text. What goes
 * through (a request, an approval's effect, a new PIN) is in the audit log, not counted as a sign-in.
 */
async function logKiosk(
  deps: ServiceDeps,
  input: KioskRequest,
  outcome: { code: ErrorCode; purpose: string; reason?: string },
  context: { userId?: string | null; codeId?: string | null; deviceId?: string | null } = {},
): Promise<void> {
  await deps.repos.logs.signIn({
    id: newId(),
    createdDateTime: deps.clock.now(),
    result: 'failure',
    failureCode: outcome.code,
    authMethod: 'qr_pin',
    userId: context.userId ?? null,
    codeId: context.codeId ?? null,
    deviceId: context.deviceId ?? null,
    ipAddress: input.ipAddress,
    userAgent: input.userAgent,
    details: { purpose: outcome.purpose, ...(outcome.reason ? { reason: outcome.reason } : {}) },
  });
}

/** Logs a kiosk refusal, then throws it. */
async function refuseKiosk(
  deps: ServiceDeps,
  input: KioskRequest,
  code: ErrorCode,
  purpose: string,
  context: { userId?: string | null; codeId?: string | null; deviceId?: string | null; reason?: string } = {},
  details?: Record<string, unknown>,
): Promise<never> {
  await logKiosk(deps, input, { code, purpose, reason: context.reason }, context);
  throw new ApiError(code, undefined, details);
}

/** The enrolled kiosk's proof, when sent: checked as a sign-in checks it. */
async function deviceOf(
  deps: ServiceDeps,
  device: DeviceProofBody | undefined,
  request: RequestTarget,
  input: KioskRequest,
  purpose: string,
): Promise<string | null> {
  if (!device) return null;
  const verified = await verifyDeviceRequest(deps, device, request);
  if (verified.ok) return verified.device.id;
  return refuseKiosk(deps, input, verified.code, purpose, {
    deviceId: verified.deviceId,
    reason: verified.reason,
  });
}

export interface OpenPinResetInput extends KioskRequest {
  badge: BadgeInput;
  device?: DeviceProofBody;
  request: RequestTarget;
}

/** POST /api/auth/qr-pin/forgot-pin. */
export async function openPinReset(deps: ServiceDeps, input: OpenPinResetInput): Promise<ForgotPinOpened> {
  const purpose = 'forgotPin';
  const deviceId = await deviceOf(deps, input.device, input.request, input, purpose);
  const now = deps.clock.now();
  const { badge, policy } = await lookUpBadge(deps, input.badge);
  // Charged like a sign-in attempt on the client's budget (given back for a genuine badge), so
  // unknown badges cost what bad sign-ins cost, and the decoy checks stay bounded.
  const claim = await claimClientAttempt(deps, input.ipAddress, policy.lockout, now);
  if (!claim.ok) {
    throw new ApiError('TOO_MANY_ATTEMPTS', undefined, { retryAfterSeconds: claim.retryAfterSeconds });
  }
  // One decoy verification for every request, genuine or not: the time tells nothing.
  await deps.hasher.verify(deps.decoyPinHash, randomToken(8), DECOY_TURN);
  const genuine =
    badge.found &&
    badge.user !== undefined &&
    badge.user.accountEnabled &&
    codeWindowAt(badge.code, now) === 'active';
  if (!badge.found || !genuine) {
    const reason = !badge.found ? badge.reason : 'not_usable';
    const codeId = badge.found ? badge.code.id : (badge.codeId ?? null);
    return refuseKiosk(deps, input, 'QR_CODE_NOT_RECOGNIZED', purpose, { codeId, deviceId, reason });
  }
  await claim.refund();
  const user = badge.user!;
  const context = { userId: user.id, codeId: badge.code.id, deviceId };
  if (!isUserInPolicyScope(policy, badge.groupIds)) {
    return refuseKiosk(deps, input, 'METHOD_DISABLED_BY_POLICY', purpose, context);
  }
  if (!mayAskForPinReset(user.role as Role)) {
    return refuseKiosk(deps, input, 'PIN_RESET_NEEDS_ADMIN', purpose, { ...context, reason: user.role });
  }
  const opened = await deps.repos.pinResets.openedForCodeSince(
    badge.code.id,
    new Date(now.getTime() - PIN_RESET_RATE_WINDOW_MS),
  );
  const retryAfterSeconds = rateLimitRetryAfter(
    opened,
    PIN_RESET_REQUESTS_PER_BADGE,
    PIN_RESET_RATE_WINDOW_MS,
    now,
  );
  if (retryAfterSeconds !== null) {
    return refuseKiosk(deps, input, 'PIN_RESET_TOO_MANY_REQUESTS', purpose, context, { retryAfterSeconds });
  }
  // One open request per person: an earlier one (another phone, an abandoned one) ends now.
  for (const earlier of await deps.repos.pinResets.forUserSince(
    user.id,
    new Date(now.getTime() - 2 * PIN_RESET_APPROVAL_WINDOW_MS),
  )) {
    if (earlier.status === 'pending' || earlier.status === 'approved') {
      await deps.repos.pinResets.close(earlier.id, ['pending', 'approved'], 'cancelled', now);
    }
  }
  const requestSecret = randomToken(32);
  const row: PinResetRow = {
    id: newId(),
    userId: user.id,
    codeId: badge.code.id,
    secretHash: sha256(requestSecret),
    status: 'pending',
    deviceId,
    ipAddress: input.ipAddress,
    userAgent: input.userAgent,
    createdAt: now,
    approvedByUserId: null,
    approvedAt: null,
    approvedVia: null,
    closedAt: null,
  };
  await deps.repos.pinResets.insert(row);
  await recordAudit(
    deps,
    kioskActor({ id: user.id, role: 'worker' }, 'forgot-pin'),
    'pin.resetRequested',
    {
      type: 'user',
      id: user.id,
    },
    { requestId: row.id, deviceId },
  );
  return { requestId: row.id, requestSecret, expiresDateTime: approvalDeadlineOf(now).toISOString() };
}

/** The request this kiosk holds the secret of; an unknown id or a wrong secret are the same answer. */
async function heldRequest(
  deps: ServiceDeps,
  ref: { requestId: string; requestSecret: string },
  input: KioskRequest,
  purpose: string,
): Promise<PinResetRow> {
  const row = await deps.repos.pinResets.findById(ref.requestId);
  if (!row || !equalHashes(sha256(ref.requestSecret), row.secretHash)) {
    return refuseKiosk(deps, input, 'PIN_RESET_REQUEST_INVALID', purpose, {
      userId: row?.userId,
      reason: row ? 'secret_mismatch' : 'unknown_request',
    });
  }
  return row;
}

/** Why a request that is not awaiting an approval cannot be approved. */
const notApprovableCode = (stage: PinResetStage): ErrorCode =>
  stage === 'approval_expired' ? 'PIN_RESET_REQUEST_EXPIRED' : 'PIN_RESET_REQUEST_USED';

async function managerRateLimit(deps: ServiceDeps, managerId: string, now: Date): Promise<number | null> {
  const approved = await deps.repos.pinResets.approvedBySince(
    managerId,
    new Date(now.getTime() - PIN_RESET_RATE_WINDOW_MS),
  );
  return rateLimitRetryAfter(approved, PIN_RESET_APPROVALS_PER_MANAGER, PIN_RESET_RATE_WINDOW_MS, now);
}

export interface ApproveOnKioskInput extends KioskRequest {
  requestId: string;
  requestSecret: string;
  /** The manager's badge as scanned, and their PIN. */
  qr: string;
  pin: string;
  device?: DeviceProofBody;
  request: RequestTarget;
}

/** POST /api/auth/qr-pin/forgot-pin/approve: a manager's badge + PIN on the worker's phone. */
export async function approveOnKiosk(
  deps: ServiceDeps,
  input: ApproveOnKioskInput,
): Promise<{ approvedBy: { displayName: string } }> {
  const purpose = 'forgotPinApproval';
  const row = await heldRequest(deps, input, input, purpose);
  const context = { userId: row.userId, codeId: row.codeId, deviceId: row.deviceId };
  const stage = pinResetStageAt(row, deps.clock.now());
  if (stage !== 'awaiting_approval') {
    return refuseKiosk(deps, input, notApprovableCode(stage), purpose, { ...context, reason: stage });
  }
  const deviceId = await deviceOf(deps, input.device, input.request, input, purpose);
  const groupIds = await deps.repos.users.groupIdsOf(row.userId);
  const verdict = await verifyManagerBadge(deps, {
    worker: { id: row.userId, groupIds },
    badge: { qr: input.qr },
    pin: input.pin,
    purpose,
    ipAddress: input.ipAddress,
    userAgent: input.userAgent,
    // The device's proof was checked above (its nonce is used): its budget is charged.
    deviceStep: async () => (deviceId ? { ok: true, device: null, deviceId } : { ok: true, device: null }),
  });
  // verifyManagerBadge has logged the manager's refusal (their row in the sign-in log).
  if (!verdict.ok) throw new ApiError(verdict.code, undefined, verdict.details);
  const { manager } = verdict;
  const now = deps.clock.now();
  const retryAfterSeconds = await managerRateLimit(deps, manager.id, now);
  if (retryAfterSeconds !== null) {
    return refuseKiosk(
      deps,
      input,
      'APPROVALS_TOO_MANY',
      purpose,
      {
        ...context,
        reason: `manager:${manager.id}`,
      },
      { retryAfterSeconds },
    );
  }
  const approved = await deps.repos.pinResets.approve(
    row.id,
    { approvedByUserId: manager.id, approvedAt: now, approvedVia: 'kiosk' },
    new Date(now.getTime() - PIN_RESET_APPROVAL_WINDOW_MS),
  );
  if (!approved) {
    // Approved, declined or cancelled meanwhile (a replay racing the first one), or just expired.
    const current = await deps.repos.pinResets.findById(row.id);
    const code = current ? notApprovableCode(pinResetStageAt(current, now)) : 'PIN_RESET_REQUEST_USED';
    return refuseKiosk(deps, input, code, purpose, { ...context, reason: 'lost_race' });
  }
  await recordAudit(
    deps,
    kioskActor(manager, 'approval'),
    'pin.resetApproved',
    { type: 'user', id: row.userId },
    {
      requestId: row.id,
      via: 'kiosk',
      approvedBy: manager.displayName,
      approvedByUserId: manager.id,
      deviceId: deviceId ?? row.deviceId,
    },
  );
  return { approvedBy: { displayName: manager.displayName } };
}

/** POST /api/auth/qr-pin/forgot-pin/status: the kiosk's poll while it waits for a console approval. */
export async function pinResetStatus(
  deps: ServiceDeps,
  ref: { requestId: string; requestSecret: string },
  input: KioskRequest,
): Promise<ForgotPinStatusView> {
  const row = await heldRequest(deps, ref, input, 'forgotPin');
  const stage = pinResetStageAt(row, deps.clock.now());
  const status =
    stage === 'awaiting_approval'
      ? 'pending'
      : stage === 'awaiting_new_pin'
        ? 'approved'
        : stage === 'declined'
          ? 'declined'
          : stage === 'closed'
            ? 'closed'
            : 'expired';
  const approver =
    status === 'approved' && row.approvedByUserId
      ? await deps.repos.users.findById(row.approvedByUserId)
      : undefined;
  return {
    status,
    expiresDateTime: approvalDeadlineOf(row.createdAt).toISOString(),
    approvedBy: approver ? { displayName: approver.displayName } : null,
  };
}

/** POST /api/auth/qr-pin/forgot-pin/cancel: Cancel, idle or leaving the page. Idempotent. */
export async function cancelPinReset(
  deps: ServiceDeps,
  ref: { requestId: string; requestSecret: string },
  input: KioskRequest,
): Promise<void> {
  const row = await heldRequest(deps, ref, input, 'forgotPin');
  await deps.repos.pinResets.close(row.id, ['pending', 'approved'], 'cancelled', deps.clock.now());
}

export interface ChooseNewPinInput extends KioskRequest {
  requestId: string;
  requestSecret: string;
  newPin: string;
}

/** POST /api/auth/qr-pin/forgot-pin/new-pin: the approved worker's new PIN. */
export async function chooseNewPin(deps: ServiceDeps, input: ChooseNewPinInput): Promise<void> {
  const purpose = 'forgotPinNewPin';
  const row = await heldRequest(deps, input, input, purpose);
  const now = deps.clock.now();
  const context = { userId: row.userId, codeId: row.codeId, deviceId: row.deviceId };
  const stage = pinResetStageAt(row, now);
  if (stage !== 'awaiting_new_pin') {
    const code: ErrorCode =
      stage === 'awaiting_approval'
        ? 'PIN_RESET_NOT_APPROVED'
        : stage === 'declined'
          ? 'PIN_RESET_DECLINED'
          : stage === 'closed'
            ? 'PIN_RESET_REQUEST_USED'
            : 'PIN_RESET_REQUEST_EXPIRED';
    return refuseKiosk(deps, input, code, purpose, { ...context, reason: stage });
  }
  const policy = await getQrPinPolicy(deps);
  const check = checkPin(input.newPin, { minLength: policy.pinLength });
  if (!check.ok) {
    const message = say.pinRule(pinRefusal(check, policy.pinLength));
    throw new ApiError('PIN_POLICY_VIOLATION', message, { rule: check.rule, field: 'newPin' });
  }
  const method = await deps.repos.methods.findByUserId(row.userId);
  const user = await deps.repos.users.findById(row.userId);
  if (!method || !user || !user.accountEnabled) {
    return refuseKiosk(deps, input, 'PIN_RESET_REQUEST_INVALID', purpose, {
      ...context,
      reason: 'no_method',
    });
  }
  // Completed once: a second new PIN with the same request (a replay) finds it closed.
  if (!(await deps.repos.pinResets.close(row.id, ['approved'], 'completed', now))) {
    return refuseKiosk(deps, input, 'PIN_RESET_REQUEST_USED', purpose, { ...context, reason: 'replayed' });
  }
  await deps.repos.methods.updatePin(
    method.id,
    {
      pinHash: await deps.hasher.hash(input.newPin),
      pinLength: input.newPin.length,
      forceChangePinNextSignIn: false,
      pinUpdatedAt: now,
    },
    // The lockout is cleared here, and only when this path completes.
    { clearLockout: true },
  );
  // Whoever may have been signed in as this worker elsewhere is signed out.
  await endUserSessions(deps, row.userId);
  const approver = row.approvedByUserId ? await deps.repos.users.findById(row.approvedByUserId) : undefined;
  await recordAudit(
    deps,
    kioskActor({ id: user.id, role: user.role as Role }, 'forgot-pin'),
    'pin.resetWithManager',
    {
      type: 'user',
      id: user.id,
    },
    {
      requestId: row.id,
      via: row.approvedVia,
      approvedBy: approver?.displayName ?? null,
      approvedByUserId: row.approvedByUserId,
      approvedDateTime: row.approvedAt?.toISOString() ?? null,
      deviceId: row.deviceId,
    },
  );
}

/** The console may approve only as a person (a console session), never with an API token. */
function consolePerson(actor: Actor): Extract<Actor, { type: 'user' }> {
  if (actor.type !== 'user') throw new ApiError('FORBIDDEN', say.pinResetNeedsPerson);
  return actor;
}

/** GET /api/admin/users/{id}/pin-reset-requests: the requests still waiting for an approval. */
export async function listPinResetRequests(
  deps: ServiceDeps,
  actor: Actor,
  userId: string,
): Promise<PinResetRequestView[]> {
  const user = await loadManagedUser(deps, actor, userId, 'read');
  const now = deps.clock.now();
  const rows = await deps.repos.pinResets.forUserSince(
    user.id,
    new Date(now.getTime() - PIN_RESET_APPROVAL_WINDOW_MS),
  );
  const waiting = rows.filter((row) => pinResetStageAt(row, now) === 'awaiting_approval');
  return Promise.all(
    waiting.map(async (row) => {
      const device = row.deviceId ? await deps.repos.devices.findById(row.deviceId) : undefined;
      return {
        id: row.id,
        createdDateTime: row.createdAt.toISOString(),
        expiresDateTime: approvalDeadlineOf(row.createdAt).toISOString(),
        device: device ? { id: device.id, displayName: device.displayName } : null,
      };
    }),
  );
}

/**
 * The request `requestId` of `userId`, for a console decision by `actor`: a manager of the person's
 * stores (others get 404, as for any person out of their reach) or an admin, never for themselves.
 * Every refusal is audited.
 */
async function decidableRequest(
  deps: ServiceDeps,
  actor: Actor,
  userId: string,
  requestId: string,
  decision: 'approve' | 'decline',
): Promise<{ person: Extract<Actor, { type: 'user' }>; row: PinResetRow; approverName: string }> {
  const user = await loadManagedUser(deps, actor, userId, 'read');
  const person = consolePerson(actor);
  const refuse = async (code: ErrorCode, details?: Record<string, unknown>): Promise<never> => {
    await recordAudit(
      deps,
      actor,
      'pin.resetApprovalRefused',
      { type: 'user', id: user.id },
      {
        requestId,
        decision,
        code,
      },
    );
    throw new ApiError(code, undefined, details);
  };
  const [approver, approverGroups, workerGroups] = await Promise.all([
    deps.repos.users.findById(person.userId),
    deps.repos.users.groupIdsOf(person.userId),
    deps.repos.users.groupIdsOf(user.id),
  ]);
  const refusal = approvalRefusal(
    { id: person.userId, role: person.role, groupIds: approverGroups },
    { id: user.id, groupIds: workerGroups },
  );
  if (refusal) return refuse(APPROVAL_REFUSAL_CODES[refusal]);
  const row = await deps.repos.pinResets.findById(requestId);
  if (!row || row.userId !== user.id) throw new ApiError('NOT_FOUND', say.noSuchPinResetRequest);
  const stage = pinResetStageAt(row, deps.clock.now());
  if (stage !== 'awaiting_approval') return refuse(notApprovableCode(stage));
  if (decision === 'approve') {
    const retryAfterSeconds = await managerRateLimit(deps, person.userId, deps.clock.now());
    if (retryAfterSeconds !== null) return refuse('APPROVALS_TOO_MANY', { retryAfterSeconds });
  }
  return { person, row, approverName: approver?.displayName ?? '' };
}

/** POST /api/admin/users/{id}/pin-reset-requests/{requestId}/approve. */
export async function approveFromConsole(
  deps: ServiceDeps,
  actor: Actor,
  userId: string,
  requestId: string,
): Promise<void> {
  const { person, row, approverName } = await decidableRequest(deps, actor, userId, requestId, 'approve');
  const now = deps.clock.now();
  const approved = await deps.repos.pinResets.approve(
    row.id,
    { approvedByUserId: person.userId, approvedAt: now, approvedVia: 'console' },
    new Date(now.getTime() - PIN_RESET_APPROVAL_WINDOW_MS),
  );
  if (!approved) {
    await recordAudit(
      deps,
      actor,
      'pin.resetApprovalRefused',
      { type: 'user', id: row.userId },
      {
        requestId,
        decision: 'approve',
        code: 'PIN_RESET_REQUEST_USED',
      },
    );
    throw new ApiError('PIN_RESET_REQUEST_USED');
  }
  await recordAudit(
    deps,
    actor,
    'pin.resetApproved',
    { type: 'user', id: row.userId },
    {
      requestId: row.id,
      via: 'console',
      approvedBy: approverName,
      approvedByUserId: person.userId,
      deviceId: row.deviceId,
    },
  );
}

/** POST /api/admin/users/{id}/pin-reset-requests/{requestId}/decline. */
export async function declineFromConsole(
  deps: ServiceDeps,
  actor: Actor,
  userId: string,
  requestId: string,
): Promise<void> {
  const { row, approverName } = await decidableRequest(deps, actor, userId, requestId, 'decline');
  const declined = await deps.repos.pinResets.close(row.id, ['pending'], 'declined', deps.clock.now());
  if (!declined) throw new ApiError('PIN_RESET_REQUEST_USED');
  await recordAudit(
    deps,
    actor,
    'pin.resetDeclined',
    { type: 'user', id: row.userId },
    {
      requestId: row.id,
      declinedBy: approverName,
      deviceId: row.deviceId,
    },
  );
}
