/**
 * Step-up by a manager (docs/conditional-access.md, "What satisfies requireSecondFactor"): a worker
 * whose badge + PIN were right but whose sign-in a policy sends to a second factor gets a co-sign
 * challenge with the SECOND_FACTOR_REQUIRED answer (`offerCoSign`, from sign-in.ts). A manager of
 * one of the worker's stores (or an admin) completes it on the same phone with their own badge + PIN
 * (`coSignSignIn`, POST /api/auth/qr-pin/co-sign), and the worker gets the session a normal sign-in
 * gives. A store app that asks a second factor of a signed-in kiosk session (oidc/interactions.ts)
 * gets a challenge bound to that session instead; its co-sign, from that session, steps it up (no new
 * session), and the app's sign-in then passes (oidc/app-access.ts).
 *
 * The challenge: 32 random bytes, only their SHA-256 stored, 5 minutes, single use, bound to the
 * worker's method and code and to the enrolled kiosk the worker signed in on. The kiosk keeps the
 * challenge in memory, never the worker's PIN.
 *
 * The co-sign, in this order: the challenge's row is read (a read; nothing is decided on it yet) →
 * the manager's badge + PIN, checked exactly as a sign-in checks one (features/badges/
 * verify-badge-and-pin.ts: client budget, decoy timing, the manager's own lockout; when the challenge
 * names a kiosk, the request must prove that kiosk) → the challenge (unknown, expired, used) → who
 * may co-sign (domain/manager-approval.ts, as for a forgotten PIN) → the worker as they are now
 * (account, badge, the policies re-evaluated: a block since then refuses) → the challenge used in one
 * conditional update → the worker's session. Every refusal is written to the sign-in log on the
 * manager's row; a success writes two rows: the manager's check (`purpose: 'stepUpApproval'`, naming
 * the worker) and the worker's sign-in (naming the manager in `details.stepUp.coSignedBy`).
 */
import type { DeviceProofBody } from '../../contracts/devices.js';
import type { ErrorCode } from '../../contracts/errors.js';
import type { Role, SignInResult } from '../../contracts/schemas.js';
import type { ServiceDeps } from '../../core/deps.js';
import { codeWindowAt } from '../../domain/qr-code-window.js';
import { APPROVAL_REFUSAL_CODES, approvalRefusal } from '../../domain/manager-approval.js';
import { newId, randomToken, sha256 } from '../../platform/crypto.js';
import {
  verifyBadgeAndPin,
  type BadgeInput,
  type BadgeVia,
  type LogContext,
  type StepUpLogDetail,
  type SignInOutcome,
} from '../badges/verify-badge-and-pin.js';
import { evaluateSignInAccess } from '../conditional-access/evaluate-sign-in-access.js';
import {
  verifyDeviceRequest,
  type RequestTarget,
  type VerifiedDevice,
} from '../devices/device-binding-check.js';
import { QR_PIN_POLICY_KEY } from '../policies/policies.js';
import { endDeviceSessions, prepareSession } from '../sessions/sessions.js';
import type { NewSignInLog } from '../logs/log-writer-repository.js';
import type { StepUpChallengeRow } from './step-up-repository.js';

/** How long a co-sign challenge waits for the manager. */
export const STEP_UP_CHALLENGE_SECONDS = 5 * 60;

/** Used challenges are kept as long as the longest session they can have made (24 h), then swept. */
const USED_CHALLENGE_KEEP_SECONDS = 24 * 60 * 60;

/** What the SECOND_FACTOR_REQUIRED answer carries for the kiosk (`error.stepUp`). */
export interface CoSignOffer {
  challenge: string;
  expiresInSeconds: number;
  /** The challenge's id, for the worker's sign-in log row (not sent to the kiosk). */
  challengeId: string;
}

/**
 * A co-sign challenge for a worker whose badge + PIN were right and whose sign-in needs a second
 * factor. Expired challenges nobody used are swept here, so the table never grows by more than the
 * last few minutes' offers (plus a day of used ones).
 */
export async function offerCoSign(
  deps: ServiceDeps,
  bound: {
    userId: string;
    methodId: string | null;
    codeId: string | null;
    deviceId: string | null;
    via: BadgeVia | null;
    /** Steps up this signed-in kiosk session (a store app's sign-in asked a second factor of it). */
    sessionId?: string;
  },
): Promise<CoSignOffer> {
  const now = deps.clock.now();
  const challenge = randomToken(32);
  const id = newId();
  await Promise.all([
    deps.repos.stepUp.insert({
      id,
      tokenHash: sha256(challenge),
      ...bound,
      createdAt: now,
      expiresAt: new Date(now.getTime() + STEP_UP_CHALLENGE_SECONDS * 1000),
      usedAt: null,
      sessionId: bound.sessionId ?? null,
      coSignedByUserId: null,
    }),
    deps.repos.stepUp.deleteStale(now, new Date(now.getTime() - USED_CHALLENGE_KEEP_SECONDS * 1000)),
  ]);
  return { challenge, expiresInSeconds: STEP_UP_CHALLENGE_SECONDS, challengeId: id };
}

export interface CoSignInput {
  challenge: string;
  /** The manager's badge, scanned or typed. */
  badge: BadgeInput;
  /** The manager's PIN. */
  pin: string;
  ipAddress: string | null;
  userAgent: string | null;
  device?: DeviceProofBody;
  request: RequestTarget;
  /** The kiosk session of the request's cookie, if any (a session's step-up must come from it). */
  currentSessionId: string | null;
}

/**
 * A co-sign's outcome: the worker's new session (a sign-in's challenge), or the worker's signed-in
 * kiosk session stepped up (a store app's challenge: no new session, the app's sign-in is retried).
 */
export type CoSignOutcome = SignInOutcome | { ok: true; steppedUp: SignInResult };

/** Why a challenge cannot be co-signed now, or null when it can (its use is claimed later). */
function challengeRefusal(row: StepUpChallengeRow | undefined, now: Date): ErrorCode | null {
  if (!row) return 'STEP_UP_CHALLENGE_NOT_FOUND';
  if (row.usedAt !== null) return 'STEP_UP_CHALLENGE_USED';
  if (row.expiresAt.getTime() <= now.getTime()) return 'STEP_UP_CHALLENGE_EXPIRED';
  return null;
}

/** POST /api/auth/qr-pin/co-sign: a manager confirms a worker's sign-in (see the header). */
export async function coSignSignIn(deps: ServiceDeps, input: CoSignInput): Promise<CoSignOutcome> {
  const row = await deps.repos.stepUp.findByTokenHash(sha256(input.challenge));
  const check = await verifyBadgeAndPin<VerifiedDevice | null>(
    deps,
    {
      badge: input.badge,
      pin: input.pin,
      ipAddress: input.ipAddress,
      userAgent: input.userAgent,
      purpose: 'stepUpApproval',
    },
    async () => {
      // A challenge made on an enrolled kiosk is confirmed on that kiosk, proven again now.
      if (!input.device) {
        return row?.deviceId
          ? { ok: false, code: 'STEP_UP_DEVICE_MISMATCH', reason: 'no_device_proof' }
          : { ok: true, device: null };
      }
      const verified = await verifyDeviceRequest(deps, input.device, input.request);
      if (!verified.ok) return verified;
      if (row?.deviceId && verified.device.id !== row.deviceId) {
        return {
          ok: false,
          code: 'STEP_UP_DEVICE_MISMATCH',
          reason: 'other_device',
          deviceId: verified.device.id,
        };
      }
      return {
        ok: true,
        device: verified.device,
        deviceId: verified.device.id,
        compliance: verified.device.compliance,
      };
    },
  );
  if (!check.ok) return check.outcome;
  const { now, user: manager, groupIds: managerGroupIds, device } = check;

  // From here the manager's PIN was right: their counters reset and the client's attempt given back,
  // with the refusal's row or with the success's writes.
  const refuse = async (code: ErrorCode, context: LogContext = {}) =>
    (await Promise.all([check.fail(code, { ...check.context, ...context }), check.acceptPin()]))[0];

  const stale = challengeRefusal(row, now);
  if (stale || !row) return refuse(stale ?? 'STEP_UP_CHALLENGE_NOT_FOUND');
  const stepUp = { challengeId: row.id };
  const rehashManagerPin = async () => {
    if (!deps.hasher.needsRehash(check.method.pinHash)) return;
    const hash = await deps.hasher.hash(input.pin);
    await deps.repos.methods.upgradePinHash(check.method.id, check.method.pinHash, hash);
  };

  if (row.methodId === null || row.codeId === null) {
    // A store app's sign-in asked a second factor of a signed-in kiosk session: that session, still
    // live and the one this request comes from, is stepped up; no new session is made.
    const current =
      row.sessionId !== null && input.currentSessionId === row.sessionId
        ? await deps.repos.sessions.findById(row.sessionId)
        : undefined;
    if (
      !current ||
      current.session.revokedAt !== null ||
      current.session.expiresAt.getTime() <= now.getTime() ||
      !current.user.accountEnabled
    ) {
      return refuse('STEP_UP_CHALLENGE_EXPIRED', { stepUp, reason: 'session_ended' });
    }
    const worker = current.user;
    const coSignFor = { id: worker.id, displayName: worker.displayName };
    const refusal = approvalRefusal(
      { id: manager.id, role: manager.role as Role, groupIds: managerGroupIds },
      { id: worker.id, groupIds: await deps.repos.users.groupIdsOf(worker.id) },
    );
    if (refusal) return refuse(APPROVAL_REFUSAL_CODES[refusal], { stepUp: { ...stepUp, coSignFor } });
    await rehashManagerPin();
    const sessionId = current.session.id;
    if (!(await deps.repos.stepUp.use(row.id, now, { sessionId, coSignedByUserId: manager.id }))) {
      return refuse('STEP_UP_CHALLENGE_USED', { stepUp: { ...stepUp, coSignFor } });
    }
    await Promise.all([
      check.acceptPin(),
      check.logPassed({ ...check.context, stepUp: { ...stepUp, coSignFor } }),
    ]);
    return {
      ok: true,
      steppedUp: {
        user: { id: worker.id, displayName: worker.displayName, role: worker.role as Role },
        mustChangePin: current.session.mustChangePin,
      },
    };
  }

  // The worker as they are now: a badge replaced, an account disabled since the offer ends it.
  const read = await deps.repos.methods.findBadge(row.codeId, QR_PIN_POLICY_KEY);
  const badge = read.badge;
  const worker = badge?.user;
  if (
    !badge ||
    !worker ||
    !worker.accountEnabled ||
    badge.method.id !== row.methodId ||
    codeWindowAt(badge.code, now) !== 'active'
  ) {
    return refuse('STEP_UP_CHALLENGE_EXPIRED', { stepUp, reason: 'worker_changed' });
  }
  const coSignFor = { id: worker.id, displayName: worker.displayName };
  // Who may confirm for whom: the same rule as a forgotten PIN's approval (domain/manager-approval.ts).
  const refusal = approvalRefusal(
    { id: manager.id, role: manager.role as Role, groupIds: managerGroupIds },
    { id: worker.id, groupIds: badge.groupIds },
  );
  if (refusal) return refuse(APPROVAL_REFUSAL_CODES[refusal], { stepUp: { ...stepUp, coSignFor } });
  await rehashManagerPin();

  // The policies again, with this moment's facts: one that blocks now still blocks.
  const access = await evaluateSignInAccess(deps, {
    user: { id: worker.id, role: worker.role as Role, groupIds: badge.groupIds },
    device,
    clientAddress: input.ipAddress,
    instant: now,
    method: 'qrPin',
  });
  const deviceId = check.context.deviceId ?? null;
  const coSignedBy = { id: manager.id, displayName: manager.displayName };
  /** The worker's own sign-in row: their badge, the policies' verdicts, and who co-signed. */
  const workerRow = (failureCode: ErrorCode | null): NewSignInLog => ({
    id: newId(),
    createdDateTime: now,
    result: failureCode ? 'failure' : 'success',
    failureCode,
    authMethod: 'qr_pin',
    userId: worker.id,
    codeId: badge.code.id,
    deviceId,
    ipAddress: input.ipAddress,
    userAgent: input.userAgent,
    details: {
      via: row.via ?? 'qr',
      ...(check.context.deviceCompliance ? { deviceCompliance: check.context.deviceCompliance } : {}),
      conditionalAccess: access,
      stepUp: { ...stepUp, coSignedBy } satisfies StepUpLogDetail,
    },
  });
  if (access.decision === 'block') {
    await deps.repos.logs.signIn(workerRow('ACCESS_BLOCKED_BY_POLICY'));
    await refuse('ACCESS_BLOCKED_BY_POLICY', { stepUp: { ...stepUp, coSignFor }, reason: 'worker_blocked' });
    return {
      ok: false,
      code: 'ACCESS_BLOCKED_BY_POLICY',
      details: { reason: access.reason, reasonCode: access.reasonCode },
    };
  }

  const mustChangePin =
    badge.method.forceChangePinNextSignIn || badge.method.pinLength < check.policy.pinLength;
  const { token, session } = await prepareSession(deps, {
    userId: worker.id,
    kind: 'kiosk',
    authMethod: 'qr_pin',
    mustChangePin,
    ipAddress: input.ipAddress,
    userAgent: input.userAgent,
    deviceId,
  });
  // The challenge is used once: two co-signs racing for it cannot both make a session.
  if (!(await deps.repos.stepUp.use(row.id, now, { sessionId: session.id, coSignedByUserId: manager.id }))) {
    return refuse('STEP_UP_CHALLENGE_USED', { stepUp: { ...stepUp, coSignFor } });
  }
  const result: SignInResult = {
    user: { id: worker.id, displayName: worker.displayName, role: worker.role as Role },
    mustChangePin,
  };
  const outcome: SignInOutcome = { ok: true, token, expiresAt: session.expiresAt, result };
  // The manager's check (their PIN accepted), the worker's session and the badge's last use in one
  // transaction; then the worker's own sign-in row, naming the manager.
  await check.logSignedIn(
    outcome,
    { ...check.context, stepUp: { ...stepUp, coSignFor } },
    { session, codeUsed: { codeId: badge.code.id, at: now } },
  );
  await deps.repos.logs.signIn(workerRow(null));
  // One worker at a time on an enrolled phone, as after any sign-in.
  if (deviceId) await endDeviceSessions(deps, deviceId, { except: session.id });
  return outcome;
}
