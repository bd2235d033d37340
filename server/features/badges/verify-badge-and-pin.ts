/**
 * A badge and a PIN checked together, in this order:
 * device step (when the kiosk is enrolled: attestation, one-time proof, live device record) → client
 * budget (a verified device's own, otherwise the address's) → the device's refusal, if any → badge (QR: format, issuer, code lookup, secret; short code: format, keyed-hash lookup) →
 * account → policy scope → phones and tablets only (when the policy says so) → code time window →
 * method lock → claim an attempt → verify the PIN.
 * The order is that of the answers; the badge is read before the budget's claim, so that the
 * attempt's claim (when every check before it will pass) is committed with the budget's.
 * Every failure is written to the sign-in log before it is returned (a refusal by the client budget
 * is counted on one row per budget window); the caller logs the outcome of a pass. Used by a worker's sign-in (features/sign-in/sign-in.ts) and by a manager ending kiosk
 * mode (features/devices/kiosk-enrolment.ts), so both get the same budget, decoy timing and lockout.
 *
 * The badge comes scanned (`qr`) or typed from its label (`shortCode`); after the lookup both take the
 * same path, so they share the per-client budget and the method's lockout. Unknown, forged, deleted,
 * foreign and malformed badges and short codes (and disabled accounts) all answer
 * QR_CODE_NOT_RECOGNIZED after one argon2id verification against a decoy verifier, so they cost the
 * same time as a wrong PIN and reveal nothing about which badges exist. The answers that differ
 * (expired, not yet active, out of policy, locked) need the real badge secret or short code to reach.
 */
import type { DeviceCompliance } from '../../contracts/devices.js';
import type { ErrorCode } from '../../contracts/errors.js';
import type { SignInResult } from '../../contracts/schemas.js';
import type { ServiceDeps } from '../../core/deps.js';
import { lockStateAt } from '../../domain/lockout.js';
import { codeWindowAt } from '../../domain/qr-code-window.js';
import { parseQrPayload } from '../../domain/qr-payload.js';
import { isMobileClient } from '../../domain/mobile-client.js';
import { isUserInPolicyScope, type QrPinPolicy } from '../../domain/qr-pin-policy.js';
import { normaliseShortCode } from '../../domain/short-code.js';
import { equalHashes, newId, sha256 } from '../../platform/crypto.js';
import type { HashTurn } from '../../domain/hash-queue.js';
import type { UserRow } from '../people/users-repository.js';
import { claimClientAttempt, claimVerifiedDeviceAttempt } from '../lockout/client-budget.js';
import { countRefusedAttempt } from '../logs/refused-attempts.js';
import { getQrPinPolicy, QR_PIN_POLICY_KEY, qrPinPolicyOf } from '../policies/policies.js';
import { checkPinWithLockout } from './pin-check.js';
import type { BadgeReads, MethodRow, QrCodeRow } from './qr-pin-methods-repository.js';
import type { NewSignInLog, SignedInWrites } from '../logs/log-writer-repository.js';

/** Where the decoy check of an unrecognized badge stands when checks queue (platform/hash-scheduler.ts). */
const UNRECOGNIZED_TURN: HashTurn = { rank: 1 };

/** The badge as scanned (the QR text) or as typed from its label (the short code). */
export type BadgeInput = { qr: string } | { shortCode: string };

/** How the badge reached the server, noted in the sign-in log. */
export type BadgeVia = 'qr' | 'shortCode';

export type SignInOutcome =
  | { ok: true; token: string; expiresAt: Date; result: SignInResult }
  | { ok: false; code: ErrorCode; details?: Record<string, unknown> };

type Failure = Extract<SignInOutcome, { ok: false }>;

export interface LogContext {
  userId?: string;
  codeId?: string;
  reason?: string;
  deviceId?: string;
  /** The conditional-access result (decision and every policy's verdict), once evaluated. */
  conditionalAccess?: unknown;
  /** The device's live compliance, once its binding checked out. */
  deviceCompliance?: DeviceCompliance;
  /** Step-up by a manager (features/step-up): the challenge offered or used, and who co-signed whom. */
  stepUp?: StepUpLogDetail;
}

/** A person as a step-up log row names them (a snapshot: the name they had then). */
export interface LoggedPerson {
  id: string;
  displayName: string;
}

export interface StepUpLogDetail {
  challengeId: string;
  /** On the worker's row: the manager who confirmed the sign-in. */
  coSignedBy?: LoggedPerson;
  /** On the manager's row: the worker whose sign-in they confirmed (or tried to). */
  coSignFor?: LoggedPerson;
}

/**
 * A found badge may come with `rekey`: its short code is stored under the previous server key and is
 * to be re-keyed (a write, run once the client budget's claim got through).
 */
type BadgeLookup =
  | ({ found: true; rekey?: () => Promise<void> } & BadgeReads)
  | { found: false; reason: string; codeId?: string };

/** The badge's lookup and the QR-code + PIN policy, read together. */
interface BadgeAndPolicy {
  badge: BadgeLookup;
  policy: QrPinPolicy;
}

/** A badge not looked up (malformed, foreign, not read): the policy is read on its own. */
const notLookedUp = async (deps: ServiceDeps, badge: BadgeLookup): Promise<BadgeAndPolicy> => ({
  badge,
  policy: await getQrPinPolicy(deps),
});

/**
 * The stored code a badge names, if the badge is genuine; otherwise why not (for the log only); and
 * the QR-code + PIN policy, read in the same statement as the badge (qr-pin-methods-repository.ts).
 * Reads only.
 */
export async function lookUpBadge(deps: ServiceDeps, badge: BadgeInput): Promise<BadgeAndPolicy> {
  const methods = deps.repos.methods;
  if ('shortCode' in badge) {
    const canonical = normaliseShortCode(badge.shortCode);
    if (!canonical) return notLookedUp(deps, { found: false, reason: 'malformed_short_code' });
    const hashes = deps.shortCodes.lookupHashes(canonical);
    const read = await methods.findBadgeByShortCodeHash(hashes, QR_PIN_POLICY_KEY);
    const policy = qrPinPolicyOf(read.setting as Partial<QrPinPolicy> | undefined);
    const found = read.badge;
    if (!found) return { badge: { found: false, reason: 'unknown_short_code' }, policy };
    // Stored under the previous server key: re-keyed now, so retiring that key leaves the badge working.
    const [current] = hashes;
    const stored = found.code.shortCodeHash;
    const rekey =
      current && stored && stored !== current
        ? () => methods.rekeyShortCode(found.code.id, stored, current)
        : undefined;
    return { badge: { found: true, rekey, ...found }, policy };
  }
  const parsed = parseQrPayload(badge.qr);
  if (!parsed.ok) return notLookedUp(deps, { found: false, reason: 'malformed_payload' });
  const { issuer, codeId, secret } = parsed.payload;
  if (issuer !== deps.settings.issuerId) return notLookedUp(deps, { found: false, reason: 'foreign_issuer' });
  const read = await methods.findBadge(codeId, QR_PIN_POLICY_KEY);
  const policy = qrPinPolicyOf(read.setting as Partial<QrPinPolicy> | undefined);
  const found = read.badge;
  if (!found) return { badge: { found: false, reason: 'unknown_code', codeId }, policy };
  if (!equalHashes(sha256(secret), found.code.secretHash)) {
    return { badge: { found: false, reason: 'secret_mismatch', codeId }, policy };
  }
  return { badge: { found: true, ...found }, policy };
}

/**
 * Where a badge + PIN check is used: a worker sign-in, a manager ending kiosk mode, or a manager
 * confirming for a worker (features/manager-approval/verify-manager-badge.ts).
 */
export type BadgePinPurpose = 'signIn' | 'exitKiosk' | 'forgotPinApproval' | 'stepUpApproval';

export interface BadgePinInput {
  badge: BadgeInput;
  pin: string;
  ipAddress: string | null;
  userAgent: string | null;
  /** The browser's `Sec-CH-UA-Mobile` and `Sec-CH-UA-Platform` hints, as sent (the policy's mobileDevicesOnly). */
  clientHints?: { mobile: string | null; platform: string | null };
  /** Noted in the log row's details when not a sign-in. */
  purpose: BadgePinPurpose;
}

/** The device step, run first: whether it verifies decides whose budget the attempt is charged to. */
export type DeviceStep<D> = () => Promise<
  | { ok: true; device: D; deviceId?: string; compliance?: DeviceCompliance }
  | { ok: false; code: ErrorCode; reason: string; deviceId?: string }
>;

/** What a passed badge + PIN check hands its caller, with the means to log the final outcome. */
export interface BadgePinPass<D> {
  ok: true;
  now: Date;
  user: UserRow;
  groupIds: string[];
  code: QrCodeRow;
  method: MethodRow;
  policy: QrPinPolicy;
  device: D;
  context: LogContext;
  /**
   * Writes what the right PIN means: the method's lockout counters reset and the client's claimed
   * attempt given back. Every caller must run it; issued in the same turn as the outcome's writes,
   * it shares their commit (db/group-commit.ts).
   */
  acceptPin(): Promise<void>;
  /** Writes the sign-in log row for the final outcome and returns it. */
  log(outcome: SignInOutcome, context?: LogContext): Promise<SignInOutcome>;
  /** Writes a success row for a check that makes no session (a manager ending kiosk mode). */
  logPassed(context: LogContext): Promise<void>;
  /**
   * Writes a success's log row in one transaction with the PIN's acceptance (acceptPin's writes: a
   * caller that logs this way does not call acceptPin), the session and the code's last use.
   */
  logSignedIn(
    outcome: SignInOutcome,
    context: LogContext,
    writes: Omit<SignedInWrites, 'pinAccepted'>,
  ): Promise<SignInOutcome>;
  fail(code: ErrorCode, context: LogContext, details?: Record<string, unknown>): Promise<SignInOutcome>;
}

export type BadgePinCheck<D> = BadgePinPass<D> | { ok: false; outcome: Failure };

/**
 * Whether every check between the badge and the PIN will pass (account, policy scope, code window,
 * no lock running by the counters read with the badge): the rules the steps below apply, decided
 * before the budget's claim so the attempt's can be committed with it.
 */
function pinWillBeChecked(
  badge: BadgeReads,
  policy: QrPinPolicy,
  now: Date,
  deviceAllowed: boolean,
): boolean {
  return (
    badge.user !== undefined &&
    badge.user.accountEnabled &&
    isUserInPolicyScope(policy, badge.groupIds) &&
    deviceAllowed &&
    codeWindowAt(badge.code, now) === 'active' &&
    !lockStateAt(badge.method, policy.lockout, now).locked
  );
}

/**
 * device step → client budget → device refusal → badge → account → policy scope → code time window →
 * method lock → claim an attempt → verify the PIN. Every failure is logged (sign-in log) before it is returned;
 * the caller logs the outcome after a pass.
 */
export async function verifyBadgeAndPin<D>(
  deps: ServiceDeps,
  input: BadgePinInput,
  deviceStep: DeviceStep<D>,
): Promise<BadgePinCheck<D>> {
  const now = deps.clock.now();
  const via: BadgeVia = 'shortCode' in input.badge ? 'shortCode' : 'qr';

  const entryFor = (
    outcome: { ok: true } | { ok: false; code: ErrorCode },
    context: LogContext,
  ): NewSignInLog => ({
    id: newId(),
    createdDateTime: now,
    result: outcome.ok ? 'success' : 'failure',
    failureCode: outcome.ok ? null : outcome.code,
    authMethod: 'qr_pin',
    userId: context.userId ?? null,
    codeId: context.codeId ?? null,
    deviceId: context.deviceId ?? null,
    ipAddress: input.ipAddress,
    userAgent: input.userAgent,
    details: {
      via,
      ...(input.purpose !== 'signIn' ? { purpose: input.purpose } : {}),
      ...(context.reason ? { reason: context.reason } : {}),
      ...(context.deviceCompliance ? { deviceCompliance: context.deviceCompliance } : {}),
      ...(context.conditionalAccess ? { conditionalAccess: context.conditionalAccess } : {}),
      ...(context.stepUp ? { stepUp: context.stepUp } : {}),
    },
  });
  const log = async (outcome: SignInOutcome, context: LogContext = {}): Promise<SignInOutcome> => {
    await deps.repos.logs.signIn(entryFor(outcome, context));
    return outcome;
  };
  const logPassed = async (context: LogContext) => {
    await deps.repos.logs.signIn(entryFor({ ok: true }, context));
  };
  const fail = (code: ErrorCode, context: LogContext, details?: Record<string, unknown>) =>
    log({ ok: false, code, details } satisfies Failure, context);
  const stop = async (outcome: Promise<SignInOutcome>) => ({
    ok: false as const,
    outcome: (await outcome) as Failure,
  });
  const notRecognized = async (reason: string, codeId?: string, userId?: string, deviceId?: string) => {
    // Every unrecognized badge, whatever the reason, waits like a badge with one wrong PIN when checks
    // queue: behind clean badges, never told apart from each other (docs/security.md).
    await deps.hasher.verify(deps.decoyPinHash, input.pin, UNRECOGNIZED_TURN);
    return fail('QR_CODE_NOT_RECOGNIZED', { reason, codeId, userId, deviceId });
  };

  // The device first: only a device whose proof checked out is charged on its own budget, so a store's
  // kiosks keep signing in while strangers on the same address spend theirs; a refused device claim
  // (forged, copied, replayed) is charged to the address like any anonymous attempt.
  const deviceCheck = await deviceStep();
  const verifiedDeviceId = deviceCheck.ok ? deviceCheck.deviceId : undefined;
  // The badge is read before the budget is claimed (a read; what it says is acted on only once the
  // claim got through), so that a badge whose PIN will be checked has its method's attempt claimed in
  // the same commit as the budget's: one commit before the PIN check instead of two. The attempt's
  // claim counts nothing when the budget's was refused (lockout/client-budget.ts, `WithClaim`), and is
  // made only when every check before it below will pass (same reads, same rules).
  // A refused device's request is answered before any badge (below), so its badge is not read.
  // The policy comes with the badge (one read statement), or on its own when the badge is not read.
  const { badge, policy } = deviceCheck.ok
    ? await lookUpBadge(deps, input.badge)
    : await notLookedUp(deps, { found: false, reason: 'not_read' });
  // The policy may keep badge sign-in to phones and tablets (mobile-client.ts: what the browser says,
  // a convenience, not a boundary); an enrolled kiosk whose proof checked out is always let through.
  const deviceAllowed =
    !policy.mobileDevicesOnly ||
    verifiedDeviceId !== undefined ||
    isMobileClient({
      userAgent: input.userAgent,
      mobileHint: input.clientHints?.mobile,
      platformHint: input.clientHints?.platform,
    });
  const counters = deps.repos.methods.lockoutCounters;
  const attemptLimits = { threshold: policy.lockout.threshold, hardLimit: policy.lockout.hardLimit };
  const attempt =
    badge.found && pinWillBeChecked(badge, policy, now, deviceAllowed)
      ? {
          afterClaim: counters.claimAfterStatement(badge.method.id, now, attemptLimits),
          alone: counters.claimStatement(badge.method.id, now, attemptLimits),
        }
      : undefined;
  const claim = verifiedDeviceId
    ? await claimVerifiedDeviceAttempt(deps, verifiedDeviceId, policy.lockout, now, attempt)
    : await claimClientAttempt(deps, input.ipAddress, policy.lockout, now, attempt);
  if (!claim.ok) {
    // Counted on one row per budget window, not logged one by one (logs/refused-attempts.ts).
    await countRefusedAttempt(deps, {
      windowId: claim.windowId,
      kind: `qr_pin:${input.purpose}`,
      now,
      authMethod: 'qr_pin',
      ipAddress: input.ipAddress,
      userAgent: input.userAgent,
      details: {
        via,
        ...(input.purpose !== 'signIn' ? { purpose: input.purpose } : {}),
        ...(verifiedDeviceId ? { deviceId: verifiedDeviceId } : {}),
      },
    });
    const details = { retryAfterSeconds: claim.retryAfterSeconds };
    return { ok: false, outcome: { ok: false, code: 'TOO_MANY_ATTEMPTS', details } };
  }
  /** An outcome that checked no PIN gives the client's claimed attempt back. */
  const refundClient = claim.refund;

  if (!deviceCheck.ok) {
    return stop(fail(deviceCheck.code, { reason: deviceCheck.reason, deviceId: deviceCheck.deviceId }));
  }
  const deviceId = deviceCheck.deviceId;
  const deviceCompliance = deviceCheck.compliance;

  if (!badge.found) return stop(notRecognized(badge.reason, badge.codeId, undefined, deviceId));
  await badge.rekey?.();
  // The badge's user and groups came with it (one statement, whether the badge is known or not).
  const { code, method, user, groupIds } = badge;
  const codeId = code.id;

  if (!user || !user.accountEnabled) {
    return stop(notRecognized('account_disabled', codeId, method.userId, deviceId));
  }
  const context: LogContext = { codeId, userId: user.id, deviceId, deviceCompliance };

  if (!isUserInPolicyScope(policy, groupIds)) {
    await refundClient();
    return stop(fail('METHOD_DISABLED_BY_POLICY', context));
  }
  if (!deviceAllowed) {
    await refundClient();
    return stop(fail('MOBILE_DEVICE_REQUIRED', { ...context, reason: 'desktop_browser' }));
  }
  const window = codeWindowAt(code, now);
  if (window !== 'active') {
    await refundClient();
    return stop(fail(window === 'expired' ? 'QR_CODE_EXPIRED' : 'QR_CODE_NOT_YET_ACTIVE', context));
  }

  // Not locked by the counters read with the badge (else no attempt was claimed above, and the
  // check answers locked without claiming): the claim committed with the budget's is this attempt's.
  const claimed = claim.withClaim;
  const verdict = await checkPinWithLockout(deps, method, input.pin, policy, now, {
    onCorrect: 'caller',
    claimed: claimed && (async () => counters.claimedBy(claimed)),
    deviceId,
  });
  if (verdict.kind === 'locked') {
    await refundClient();
    return stop(
      fail(
        'METHOD_LOCKED',
        { ...context, reason: verdict.reason },
        { retryAfterSeconds: verdict.retryAfterSeconds },
      ),
    );
  }
  if (verdict.kind === 'wrong') {
    if (verdict.lockedForSeconds !== null || verdict.remainingAttempts === 0) {
      return stop(
        fail(
          'METHOD_LOCKED',
          { ...context, reason: 'pin_incorrect_locked' },
          { retryAfterSeconds: verdict.lockedForSeconds },
        ),
      );
    }
    return stop(fail('PIN_INCORRECT', context, { remainingAttempts: verdict.remainingAttempts }));
  }

  // What the right PIN calls for (checkPinWithLockout resets the method's counters; the client's
  // attempt is given back), run on its own by acceptPin or committed with a success's writes.
  const acceptPin = async () => {
    await Promise.all([verdict.pending?.(), refundClient()]);
  };
  const logSignedIn = async (
    outcome: SignInOutcome,
    context: LogContext,
    writes: Omit<SignedInWrites, 'pinAccepted'>,
  ) => {
    const pinAccepted = [
      deps.repos.methods.lockoutCounters.resetStatement(method.id),
      ...claim.refundStatements,
    ];
    await deps.repos.logs.signInSucceeded(entryFor(outcome, context), { ...writes, pinAccepted });
    return outcome;
  };
  return {
    ok: true,
    now,
    user,
    groupIds,
    code,
    method,
    policy,
    device: deviceCheck.device,
    context,
    acceptPin,
    log,
    logPassed,
    logSignedIn,
    fail,
  };
}
