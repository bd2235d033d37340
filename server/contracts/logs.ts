/** Query and item shapes of the audit log and the sign-in log (newest first, keyset pages). */
import { z } from 'zod';
import { cursorParam, idParam, instantParam, limitParam } from './pagination.js';

const toAfterFrom = (query: { from?: Date; to?: Date }) =>
  !query.from || !query.to || query.to.getTime() > query.from.getTime();
const TO_AFTER_FROM = { message: 'must be after from', path: ['to'] };

export const signInLogQuery = z
  .strictObject({
    userId: idParam.optional(),
    deviceId: idParam.optional(),
    result: z.enum(['success', 'failure']).optional(),
    failureCode: z
      .string()
      .regex(/^[A-Z][A-Z0-9_]{0,63}$/, 'must be an error code such as PIN_INCORRECT')
      .optional(),
    /** Inclusive. */
    from: instantParam.optional(),
    /** Exclusive. */
    to: instantParam.optional(),
    limit: limitParam,
    cursor: cursorParam.optional(),
  })
  .refine(toAfterFrom, TO_AFTER_FROM);

export const auditLogQuery = z
  .strictObject({
    /** Entries where this user acted (also through their API tokens) or was the target. */
    userId: idParam.optional(),
    from: instantParam.optional(),
    to: instantParam.optional(),
    limit: limitParam,
    cursor: cursorParam.optional(),
  })
  .refine(toAfterFrom, TO_AFTER_FROM);

export interface SignInLogView {
  id: string;
  createdDateTime: string;
  result: 'success' | 'failure';
  failureCode: string | null;
  authMethod: string;
  userId: string | null;
  codeId: string | null;
  deviceId: string | null;
  ipAddress: string | null;
  userAgent: string | null;
  details: unknown;
}

export interface AuditLogView {
  id: string;
  activityDateTime: string;
  actorType: 'user' | 'api_token' | 'system';
  actorId: string | null;
  activity: string;
  targetType: string | null;
  targetId: string | null;
  details: unknown;
}
