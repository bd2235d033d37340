/**
 * Reading and changing the QR-code + PIN method policy, the console sign-in policy, the session policy
 * and how long the logs are kept.
 */
import type { z } from 'zod';
import { ApiError } from '../../contracts/errors.js';
import { say } from '../../contracts/error-words.js';
import { withoutAnnotations } from '../../contracts/graph-body.js';
import type {
  patchConsoleSignInPolicyBody,
  patchLogRetentionPolicyBody,
  patchQrPinPolicyBody,
  patchSessionPolicyBody,
} from '../../contracts/policies.js';
import {
  consoleSignInPolicyOf,
  initialConsoleSignInPolicy,
  type ConsoleSignInPolicy,
} from '../../domain/console-sign-in-policy.js';
import { lockoutRuleBroken, type LockoutPolicy } from '../../domain/lockout-policy.js';
import { DEFAULT_LOG_RETENTION_POLICY, type LogRetentionPolicy } from '../../domain/log-retention.js';
import { ALL_USERS, DEFAULT_QR_PIN_POLICY, type QrPinPolicy } from '../../domain/qr-pin-policy.js';
import { DEFAULT_SESSION_POLICY, type SessionPolicy } from '../../domain/session-policy.js';
import type { SessionTimeouts } from '../../domain/session-timing.js';
import { recordAudit } from '../../core/audit.js';
import type { Actor, ServiceDeps } from '../../core/deps.js';

/** The QR-code + PIN policy's settings document (a sign-in reads it with the badge: features/badges). */
export const QR_PIN_POLICY_KEY = 'policy.qrCodePin';
const CONSOLE_SIGN_IN_POLICY_KEY = 'policy.consoleSignIn';
/** The session policy's settings document (the session check reads it with the session: features/sessions). */
export const SESSION_POLICY_KEY = 'policy.sessions';
const LOG_RETENTION_POLICY_KEY = 'policy.logRetention';

export async function getQrPinPolicy(deps: ServiceDeps): Promise<QrPinPolicy> {
  return qrPinPolicyOf(await deps.repos.settings.get<Partial<QrPinPolicy>>(QR_PIN_POLICY_KEY));
}

/** The QR-code + PIN policy from its stored document (undefined or null: none stored, the defaults). */
export const qrPinPolicyOf = (stored: Partial<QrPinPolicy> | null | undefined): QrPinPolicy => ({
  ...DEFAULT_QR_PIN_POLICY,
  ...stored,
  lockout: { ...DEFAULT_QR_PIN_POLICY.lockout, ...stored?.lockout },
});

/** The console's lockout: its own stored document, independent of the PIN lockout. */
export async function getConsoleSignInPolicy(deps: ServiceDeps): Promise<ConsoleSignInPolicy> {
  return consoleSignInPolicyOf(
    await deps.repos.settings.get<Partial<ConsoleSignInPolicy>>(CONSOLE_SIGN_IN_POLICY_KEY),
  );
}

/**
 * Start-up, every process: when no console sign-in policy is stored yet, stores a copy of the PIN
 * lockout's per-account settings (see initialConsoleSignInPolicy for why). One insert-if-absent
 * statement, so processes starting together store one document and a saved policy is never
 * overwritten. Not audited: no one changed anything, the console keeps the settings it had.
 */
export async function storeConsoleSignInPolicyIfAbsent(deps: ServiceDeps): Promise<boolean> {
  const { lockout } = await getQrPinPolicy(deps);
  return deps.repos.settings.insertIfAbsent(
    CONSOLE_SIGN_IN_POLICY_KEY,
    initialConsoleSignInPolicy(lockout),
    deps.clock.now(),
  );
}

export async function getSessionPolicy(deps: ServiceDeps): Promise<SessionPolicy> {
  return sessionPolicyOf(await deps.repos.settings.get<Partial<SessionPolicy>>(SESSION_POLICY_KEY));
}

/** The session policy from its stored document (undefined or null: none stored, the defaults). */
export const sessionPolicyOf = (stored: Partial<SessionPolicy> | null | undefined): SessionPolicy => ({
  ...DEFAULT_SESSION_POLICY,
  ...stored,
});

/** Console sessions carry admin rights, so they have their own (shorter by default) idle timeout. */
export const sessionTimeoutsOf = (policy: SessionPolicy, kind: 'kiosk' | 'console'): SessionTimeouts => ({
  idleSeconds: (kind === 'console' ? policy.consoleIdleTimeoutInMinutes : policy.idleTimeoutInMinutes) * 60,
  absoluteSeconds: policy.absoluteTimeoutInHours * 3600,
});

const dedupeTargets = (targets: { id: string }[]) =>
  [...new Set(targets.map((t) => t.id))].map((id) => ({ id }));

export async function updateQrPinPolicy(
  deps: ServiceDeps,
  actor: Actor,
  patch: z.output<typeof patchQrPinPolicyBody>,
): Promise<QrPinPolicy> {
  const before = await getQrPinPolicy(deps);
  // Graph's annotations and configuration id are taken, never stored (contracts/graph-body.ts).
  const { id: _graphId, ...settingsPatch } = withoutAnnotations(patch);
  void _graphId;
  const after: QrPinPolicy = {
    ...before,
    ...settingsPatch,
    includeTargets: dedupeTargets(patch.includeTargets ?? before.includeTargets),
    excludeTargets: dedupeTargets(patch.excludeTargets ?? before.excludeTargets),
    lockout: { ...before.lockout, ...patch.lockout },
  };
  for (const field of ['includeTargets', 'excludeTargets'] as const) {
    const groupIds = after[field].map((t) => t.id).filter((id) => id !== ALL_USERS);
    if (!(await deps.repos.users.groupsExist(groupIds))) {
      throw new ApiError('GROUP_NOT_FOUND', say.policyStoreMissing, { field });
    }
  }
  refuseBrokenLockout(after.lockout);
  await storePolicy(
    deps,
    actor,
    { key: QR_PIN_POLICY_KEY, id: 'qr-code-pin', activity: 'policy.qrCodePin.updated' },
    before,
    after,
  );
  return after;
}

export async function updateConsoleSignInPolicy(
  deps: ServiceDeps,
  actor: Actor,
  patch: z.output<typeof patchConsoleSignInPolicyBody>,
): Promise<ConsoleSignInPolicy> {
  const before = await getConsoleSignInPolicy(deps);
  const after: ConsoleSignInPolicy = { lockout: { ...before.lockout, ...patch.lockout } };
  refuseBrokenLockout(after.lockout);
  await storePolicy(
    deps,
    actor,
    { key: CONSOLE_SIGN_IN_POLICY_KEY, id: 'console-sign-in', activity: 'policy.consoleSignIn.updated' },
    before,
    after,
  );
  return after;
}

function refuseBrokenLockout(lockout: LockoutPolicy): void {
  const broken = lockoutRuleBroken(lockout);
  if (!broken) return;
  const message =
    broken.field === 'lockout.hardLimit' ? say.hardLimitBelowThreshold : say.longestLockTooShort;
  throw new ApiError('VALIDATION_FAILED', message, { field: broken.field });
}

/** Saves a policy (or other settings) document and audits the change with its before and after. */
export async function storePolicy<T>(
  deps: ServiceDeps,
  actor: Actor,
  policy: { key: string; id: string; activity: string },
  before: T,
  after: T,
): Promise<void> {
  await deps.repos.settings.put(policy.key, after, deps.clock.now());
  await recordAudit(deps, actor, policy.activity, { type: 'policy', id: policy.id }, { before, after });
}

export async function updateSessionPolicy(
  deps: ServiceDeps,
  actor: Actor,
  patch: z.output<typeof patchSessionPolicyBody>,
): Promise<SessionPolicy> {
  const before = await getSessionPolicy(deps);
  const after: SessionPolicy = { ...before, ...patch };
  if (after.kioskIdleWarningInSeconds >= after.kioskIdleSignOutInSeconds) {
    throw new ApiError('VALIDATION_FAILED', say.kioskWarningTooLong, { field: 'kioskIdleWarningInSeconds' });
  }
  await storePolicy(
    deps,
    actor,
    { key: SESSION_POLICY_KEY, id: 'sessions', activity: 'policy.sessions.updated' },
    before,
    after,
  );
  return after;
}

export async function getLogRetentionPolicy(deps: ServiceDeps): Promise<LogRetentionPolicy> {
  const stored = await deps.repos.settings.get<Partial<LogRetentionPolicy>>(LOG_RETENTION_POLICY_KEY);
  return { ...DEFAULT_LOG_RETENTION_POLICY, ...stored };
}

/** Shortening a retention deletes older rows at the next sweep; the audit entry keeps before/after. */
export async function updateLogRetentionPolicy(
  deps: ServiceDeps,
  actor: Actor,
  patch: z.output<typeof patchLogRetentionPolicyBody>,
): Promise<LogRetentionPolicy> {
  const before = await getLogRetentionPolicy(deps);
  const after: LogRetentionPolicy = { ...before, ...patch };
  await storePolicy(
    deps,
    actor,
    { key: LOG_RETENTION_POLICY_KEY, id: 'logRetention', activity: 'policy.logRetention.updated' },
    before,
    after,
  );
  return after;
}
