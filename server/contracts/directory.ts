/** Request and response shapes for managing users and groups (lists, updates), shared with src/. */
import { z } from 'zod';
import { canonicalTimeZone } from '../domain/time-zone.js';
import { cursorParam, idParam, limitParam, searchParam } from './pagination.js';
import { createUserBody, ROLES } from './schemas.js';

const { userPrincipalName, displayName, employeeId } = createUserBody.shape;

export const listUsersQuery = z.strictObject({
  search: searchParam.optional(),
  groupId: idParam.optional(),
  limit: limitParam,
  cursor: cursorParam.optional(),
});

/** Every field optional; `employeeId: null` clears it. `groupIds` replaces the memberships. */
export const patchUserBody = z.strictObject({
  userPrincipalName: userPrincipalName.optional(),
  displayName: displayName.optional(),
  employeeId: employeeId.unwrap().nullable().optional(),
  role: z.enum(ROLES).optional(),
  groupIds: z.array(idParam).max(100).optional(),
  accountEnabled: z.boolean().optional(),
});

const timeZone = z
  .string()
  .max(64)
  .refine((name) => canonicalTimeZone(name) !== null, 'must be an IANA time zone name such as Europe/Lisbon')
  .transform((name) => canonicalTimeZone(name)!);

export const createGroupBody = z.strictObject({
  displayName: z.string().trim().min(1).max(256),
  timeZone: timeZone.nullable().optional(),
});

export const patchGroupBody = z.strictObject({
  displayName: z.string().trim().min(1).max(256).optional(),
  timeZone: timeZone.nullable().optional(),
});

export const listGroupsQuery = z.strictObject({
  search: searchParam.optional(),
  limit: limitParam,
  cursor: cursorParam.optional(),
});

export interface GroupView {
  id: string;
  displayName: string;
  /** IANA name, or null when the group has none. */
  timeZone: string | null;
  createdDateTime: string;
}

/** One session of a user that still works (GET /api/admin/users/{id}/sessions); never its token. */
export interface UserSessionView {
  id: string;
  /** `kiosk`: badge + PIN on a shared phone; `console`: password + second factor. */
  kind: 'kiosk' | 'console';
  authMethod: 'qr_pin' | 'password' | 'setup';
  deviceId: string | null;
  userAgent: string | null;
  createdDateTime: string;
  lastSeenDateTime: string;
  /** When it ends at the latest, whatever happens meanwhile. */
  expiresDateTime: string;
}
