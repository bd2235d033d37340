/**
 * The QR-code + PIN method policy (Entra parity plus a configurable lockout) and the session policy,
 * with their defaults and ranges. Pure: stored as JSON in `settings`, validated at the API edge.
 */
export const ALL_USERS = 'all_users';

export interface LockoutPolicy {
  /** Wrong PINs in a row that lock the method. */
  threshold: number;
  /** The first lock's length; each further lock multiplies it by `growthFactor`. */
  baseDelaySeconds: number;
  growthFactor: number;
  /** No single lock lasts longer than this. */
  maxDelaySeconds: number;
  /** Consecutive failures after which the method stays locked until a manager unlocks it (NIST SP 800-63B: ≤ 100). */
  hardLimit: number;
  /** Failures from one network address (or device) within the window that block it for the window. */
  clientThreshold: number;
  clientWindowSeconds: number;
}

export interface QrPinPolicy {
  state: 'enabled' | 'disabled';
  includeTargets: { id: string }[];
  excludeTargets: { id: string }[];
  pinLength: number;
  standardQRCodeLifetimeInDays: number;
  temporaryQRCodeLifetimeInHours: number;
  lockout: LockoutPolicy;
}

export interface SessionPolicy {
  /** Idle timeout of kiosk (badge + PIN) sessions. */
  idleTimeoutInMinutes: number;
  /** Idle timeout of console (password + second factor) sessions: shorter, they carry admin rights. */
  consoleIdleTimeoutInMinutes: number;
  absoluteTimeoutInHours: number;
  /** A kiosk with no touch or key press for this long signs its worker out (Managed Home Screen: 300 s). */
  kioskIdleSignOutInSeconds: number;
  /** How long before that the kiosk asks "Still there?" with a countdown (Managed Home Screen: 60 s). */
  kioskIdleWarningInSeconds: number;
  /** How long an open kiosk session keeps working while the server cannot be reached. */
  kioskOfflineGraceInSeconds: number;
}

export const POLICY_LIMITS = {
  pinLength: { min: 8, max: 20 },
  standardQRCodeLifetimeInDays: { min: 1, max: 395 },
  temporaryQRCodeLifetimeInHours: { min: 1, max: 12 },
  threshold: { min: 3, max: 100 },
  baseDelaySeconds: { min: 1, max: 86_400 },
  growthFactor: { min: 1, max: 10 },
  maxDelaySeconds: { min: 1, max: 7 * 86_400 },
  hardLimit: { min: 10, max: 100 },
  clientThreshold: { min: 10, max: 10_000 },
  clientWindowSeconds: { min: 60, max: 86_400 },
  idleTimeoutInMinutes: { min: 1, max: 480 },
  consoleIdleTimeoutInMinutes: { min: 1, max: 480 },
  absoluteTimeoutInHours: { min: 1, max: 24 },
  kioskIdleSignOutInSeconds: { min: 30, max: 3600 },
  kioskIdleWarningInSeconds: { min: 5, max: 300 },
  kioskOfflineGraceInSeconds: { min: 0, max: 3600 },
} as const;

export const DEFAULT_QR_PIN_POLICY: QrPinPolicy = {
  state: 'disabled',
  includeTargets: [{ id: ALL_USERS }],
  excludeTargets: [],
  pinLength: 8,
  standardQRCodeLifetimeInDays: 365,
  temporaryQRCodeLifetimeInHours: 3,
  lockout: {
    threshold: 10,
    baseDelaySeconds: 60,
    growthFactor: 2,
    maxDelaySeconds: 24 * 60 * 60,
    hardLimit: 100,
    clientThreshold: 100,
    clientWindowSeconds: 15 * 60,
  },
};

export const DEFAULT_SESSION_POLICY: SessionPolicy = {
  idleTimeoutInMinutes: 15,
  consoleIdleTimeoutInMinutes: 10,
  absoluteTimeoutInHours: 12,
  kioskIdleSignOutInSeconds: 300,
  kioskIdleWarningInSeconds: 60,
  kioskOfflineGraceInSeconds: 300,
};

/** Whether the policy lets this user sign in with a QR code + PIN. Exclusion wins over inclusion. */
export function isUserInPolicyScope(policy: QrPinPolicy, userGroupIds: readonly string[]): boolean {
  if (policy.state !== 'enabled') return false;
  const groups = new Set(userGroupIds);
  if (policy.excludeTargets.some((t) => t.id === ALL_USERS || groups.has(t.id))) return false;
  return policy.includeTargets.some((t) => t.id === ALL_USERS || groups.has(t.id));
}
