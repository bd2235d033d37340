/** Request shapes for the method and session policies; ranges come from the domain's POLICY_LIMITS. */
import { z } from 'zod';
import { POLICY_LIMITS } from '../domain/qr-pin-policy.js';

type Limit = keyof typeof POLICY_LIMITS;
const int = (limit: Limit) => z.number().int().min(POLICY_LIMITS[limit].min).max(POLICY_LIMITS[limit].max);
const target = z.strictObject({ id: z.string().min(1).max(64) });

export const patchQrPinPolicyBody = z.strictObject({
  state: z.enum(['enabled', 'disabled']).optional(),
  includeTargets: z.array(target).max(500).optional(),
  excludeTargets: z.array(target).max(500).optional(),
  pinLength: int('pinLength').optional(),
  standardQRCodeLifetimeInDays: int('standardQRCodeLifetimeInDays').optional(),
  temporaryQRCodeLifetimeInHours: int('temporaryQRCodeLifetimeInHours').optional(),
  lockout: z
    .strictObject({
      threshold: int('threshold').optional(),
      baseDelaySeconds: int('baseDelaySeconds').optional(),
      growthFactor: z
        .number()
        .min(POLICY_LIMITS.growthFactor.min)
        .max(POLICY_LIMITS.growthFactor.max)
        .optional(),
      maxDelaySeconds: int('maxDelaySeconds').optional(),
      hardLimit: int('hardLimit').optional(),
      clientThreshold: int('clientThreshold').optional(),
      clientWindowSeconds: int('clientWindowSeconds').optional(),
    })
    .optional(),
});

export const patchSessionPolicyBody = z.strictObject({
  idleTimeoutInMinutes: int('idleTimeoutInMinutes').optional(),
  consoleIdleTimeoutInMinutes: int('consoleIdleTimeoutInMinutes').optional(),
  absoluteTimeoutInHours: int('absoluteTimeoutInHours').optional(),
  kioskIdleSignOutInSeconds: int('kioskIdleSignOutInSeconds').optional(),
  kioskIdleWarningInSeconds: int('kioskIdleWarningInSeconds').optional(),
  kioskOfflineGraceInSeconds: int('kioskOfflineGraceInSeconds').optional(),
});

export { ALL_USERS, POLICY_LIMITS, type QrPinPolicy, type SessionPolicy } from '../domain/qr-pin-policy.js';
