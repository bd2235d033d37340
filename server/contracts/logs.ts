/** Query and item shapes of the audit log and the sign-in log (newest first, keyset pages), and their CSV exports. */
import { z } from 'zod';
import { cursorParam, idParam, instantParam, limitParam } from './pagination.js';

const toAfterFrom = (query: { from?: Date; to?: Date }) =>
  !query.from || !query.to || query.to.getTime() > query.from.getTime();
const TO_AFTER_FROM = { message: 'must be after from', path: ['to'] };

/** The most rows one CSV export holds (newest first); narrow the time range to export older rows. */
export const EXPORT_ROW_CAP = 100_000;

const signInLogFilters = {
  userId: idParam.optional(),
  /** A store: sign-ins of its members. Managers may name only their own stores (else 403). */
  groupId: idParam.optional(),
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
};

const auditLogFilters = {
  /** Entries where this user acted (also through their API tokens) or was the target. */
  userId: idParam.optional(),
  from: instantParam.optional(),
  to: instantParam.optional(),
};

const page = { limit: limitParam, cursor: cursorParam.optional() };

export const signInLogQuery = z
  .strictObject({ ...signInLogFilters, ...page })
  .refine(toAfterFrom, TO_AFTER_FROM);
export const signInLogExportQuery = z.strictObject(signInLogFilters).refine(toAfterFrom, TO_AFTER_FROM);
export type SignInLogFilters = z.output<typeof signInLogExportQuery>;

export const auditLogQuery = z
  .strictObject({ ...auditLogFilters, ...page })
  .refine(toAfterFrom, TO_AFTER_FROM);
export const auditLogExportQuery = z.strictObject(auditLogFilters).refine(toAfterFrom, TO_AFTER_FROM);
export type AuditLogFilters = z.output<typeof auditLogExportQuery>;

export interface SignInLogView {
  id: string;
  createdDateTime: string;
  result: 'success' | 'failure';
  failureCode: string | null;
  authMethod: string;
  userId: string | null;
  /** The user's current name, null when the entry names no user or the user was deleted. */
  userDisplayName: string | null;
  userPrincipalName: string | null;
  codeId: string | null;
  deviceId: string | null;
  /** The device's current name ("Front till"), null when the entry names no device or it is gone. */
  deviceDisplayName: string | null;
  ipAddress: string | null;
  userAgent: string | null;
  details: unknown;
}

export interface AuditLogView {
  id: string;
  activityDateTime: string;
  actorType: 'user' | 'api_token' | 'system';
  actorId: string | null;
  /** The actor's current name (a person, or an API token's name); null for the system or when gone. */
  actorDisplayName: string | null;
  activity: string;
  targetType: string | null;
  targetId: string | null;
  /** The target's current name (person, store, device, app, policy, location, token); null when gone or nameless. */
  targetDisplayName: string | null;
  details: unknown;
}
