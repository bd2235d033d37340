/**
 * Request shapes for the method, console sign-in, session and log retention policies; ranges come
 * from the domain's POLICY_LIMITS.
 */
import { z } from 'zod';
import { POLICY_LIMITS } from '../domain/policy-limits.js';
import { graphAnnotations } from './graph-body.js';

type Limit = keyof typeof POLICY_LIMITS;
const int = (limit: Limit) => z.number().int().min(POLICY_LIMITS[limit].min).max(POLICY_LIMITS[limit].max);
/**
 * A policy target: a store (group) id or `all_users`. Graph's authenticationMethodTarget fields are
 * taken as Graph sends them: `targetType` (`group` only: Shiftpass targets stores, not single
 * people) and `isRegistrationRequired` (false only: badges are issued, never self-registered).
 */
const target = z.strictObject({
  '@odata.type': z.string().max(128).optional(),
  id: z.string().min(1).max(64),
  targetType: z.enum(['group']).optional(),
  isRegistrationRequired: z.literal(false).optional(),
});

/** The per-account lockout fields, shared by the PIN lockout and the console's. */
const lockoutFields = {
  threshold: int('threshold').optional(),
  baseDelaySeconds: int('baseDelaySeconds').optional(),
  growthFactor: z.number().min(POLICY_LIMITS.growthFactor.min).max(POLICY_LIMITS.growthFactor.max).optional(),
  maxDelaySeconds: int('maxDelaySeconds').optional(),
  hardLimit: int('hardLimit').optional(),
};

export const patchQrPinPolicyBody = z.strictObject({
  ...graphAnnotations('qrCodePinAuthenticationMethodConfiguration'),
  /** Graph's configuration id, as its GET answers it; taken back unchanged, never stored. */
  id: z.enum(['qrCodePin', 'QRCodePin']).optional(),
  state: z.enum(['enabled', 'disabled']).optional(),
  includeTargets: z.array(target).max(500).optional(),
  excludeTargets: z.array(target).max(500).optional(),
  pinLength: int('pinLength').optional(),
  standardQRCodeLifetimeInDays: int('standardQRCodeLifetimeInDays').optional(),
  temporaryQRCodeLifetimeInHours: int('temporaryQRCodeLifetimeInHours').optional(),
  mobileDevicesOnly: z.boolean().optional(),
  lockout: z
    .strictObject({
      ...lockoutFields,
      clientThreshold: int('clientThreshold').optional(),
      clientWindowSeconds: int('clientWindowSeconds').optional(),
    })
    .optional(),
});

/** The console's lockout only: the client budget stays one, in the QR-code + PIN policy. */
export const patchConsoleSignInPolicyBody = z.strictObject({
  lockout: z.strictObject(lockoutFields).optional(),
});

export const patchSessionPolicyBody = z.strictObject({
  idleTimeoutInMinutes: int('idleTimeoutInMinutes').optional(),
  consoleIdleTimeoutInMinutes: int('consoleIdleTimeoutInMinutes').optional(),
  absoluteTimeoutInHours: int('absoluteTimeoutInHours').optional(),
  kioskIdleSignOutInSeconds: int('kioskIdleSignOutInSeconds').optional(),
  kioskIdleWarningInSeconds: int('kioskIdleWarningInSeconds').optional(),
  kioskOfflineGraceInSeconds: int('kioskOfflineGraceInSeconds').optional(),
});

/** How long the sign-in and audit logs are kept. */
export const patchLogRetentionPolicyBody = z.strictObject({
  signInLogRetentionInDays: int('signInLogRetentionInDays').optional(),
  auditLogRetentionInDays: int('auditLogRetentionInDays').optional(),
});

export { POLICY_LIMITS } from '../domain/policy-limits.js';
export type { LogRetentionPolicy } from '../domain/log-retention.js';
export { ALL_USERS, type QrPinPolicy } from '../domain/qr-pin-policy.js';
export type { SessionPolicy } from '../domain/session-policy.js';
export type { ConsoleSignInPolicy } from '../domain/console-sign-in-policy.js';
