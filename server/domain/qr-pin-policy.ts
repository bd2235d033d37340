/**
 * The QR-code + PIN method policy (Entra parity plus a configurable lockout): who may sign in with a
 * badge, PIN length, badge lifetimes, and the PIN lockout with the client budget (lockout-policy.ts).
 * Pure: stored as JSON in `settings`, validated at the API edge.
 */
import { DEFAULT_PIN_LOCKOUT, type PinLockoutPolicy } from './lockout-policy.js';
import { MAX_PIN_LENGTH, MIN_PIN_LENGTH } from './pin-rules.js';

export const ALL_USERS = 'all_users';

export interface QrPinPolicy {
  state: 'enabled' | 'disabled';
  includeTargets: { id: string }[];
  excludeTargets: { id: string }[];
  pinLength: number;
  standardQRCodeLifetimeInDays: number;
  temporaryQRCodeLifetimeInHours: number;
  /**
   * Badge sign-in only from phones and tablets (Entra offers the method on mobile devices only); an
   * enrolled kiosk is always let through. A convenience, not a security boundary: mobile-client.ts.
   */
  mobileDevicesOnly: boolean;
  lockout: PinLockoutPolicy;
}

export const QR_PIN_LIMITS = {
  pinLength: { min: MIN_PIN_LENGTH, max: MAX_PIN_LENGTH },
  standardQRCodeLifetimeInDays: { min: 1, max: 395 },
  temporaryQRCodeLifetimeInHours: { min: 1, max: 12 },
} as const;

export const DEFAULT_QR_PIN_POLICY: QrPinPolicy = {
  state: 'disabled',
  includeTargets: [{ id: ALL_USERS }],
  excludeTargets: [],
  pinLength: 8,
  standardQRCodeLifetimeInDays: 365,
  temporaryQRCodeLifetimeInHours: 3,
  mobileDevicesOnly: false,
  lockout: DEFAULT_PIN_LOCKOUT,
};

/** Whether the policy lets this user sign in with a QR code + PIN. Exclusion wins over inclusion. */
export function isUserInPolicyScope(policy: QrPinPolicy, userGroupIds: readonly string[]): boolean {
  if (policy.state !== 'enabled') return false;
  const groups = new Set(userGroupIds);
  if (policy.excludeTargets.some((t) => t.id === ALL_USERS || groups.has(t.id))) return false;
  return policy.includeTargets.some((t) => t.id === ALL_USERS || groups.has(t.id));
}
