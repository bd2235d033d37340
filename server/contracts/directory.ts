/** Request and response shapes for managing users and groups (lists, updates), shared with src/. */
import { z } from 'zod';
import { KIOSK_LANGUAGES, type KioskLanguage } from '../domain/kiosk-languages.js';
import { canonicalTimeZone } from '../domain/time-zone.js';
import { cursorParam, idParam, limitParam, searchParam } from './pagination.js';
import { createUserBody, ROLES, type UserView } from './schemas.js';
import { displayText } from './text.js';

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

/** A store's default kiosk language; `null` clears it (its kiosks then follow the phone's language). */
const kioskLanguage = z.enum(KIOSK_LANGUAGES, { message: `must be one of ${KIOSK_LANGUAGES.join(', ')}` });

/**
 * Something the admin should check about a write that was nevertheless made: `LOOKALIKE_SIGN_IN_NAME`,
 * the sign-in name looks like `existing`'s (server/domain/confusable-names.ts).
 */
export interface UserWarning {
  code: 'LOOKALIKE_SIGN_IN_NAME';
  message: string;
  existing: { id: string; userPrincipalName: string; displayName: string };
}

/** The answer to POST /api/admin/users and PATCH /api/admin/users/{id}: `warnings` only when there is one. */
export type UserWriteView = UserView & { warnings?: UserWarning[] };

export const createGroupBody = z.strictObject({
  displayName: displayText(256),
  timeZone: timeZone.nullable().optional(),
  kioskLanguage: kioskLanguage.nullable().optional(),
});

export const patchGroupBody = z.strictObject({
  displayName: displayText(256).optional(),
  timeZone: timeZone.nullable().optional(),
  kioskLanguage: kioskLanguage.nullable().optional(),
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
  /**
   * The language the store's kiosks start in when a kiosk has no language of its own (set at kiosk
   * set-up); null: the phone's language. A worker may still pick another for their session.
   */
  kioskLanguage: KioskLanguage | null;
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
