/** Request and response shapes of the public HTTP contract (docs/api.md), shared with src/. */
import { z } from 'zod';
import { badgeFields, withOneBadge } from './badge-body.js';
import { deviceProofBody } from './devices.js';
import type { KioskApp, SignInApp } from './kiosk-app-link.js';
import { displayText, signInName } from './text.js';
import { graphAnnotations } from './graph-body.js';

const isoDateTime = z.iso.datetime({ offset: true });

import { ROLES, type Role } from '../domain/roles.js';

export { ROLES, type Role } from '../domain/roles.js';

export const createUserBody = z.strictObject({
  userPrincipalName: signInName(256),
  displayName: displayText(256),
  employeeId: displayText(64).optional(),
  role: z.enum(ROLES).default('worker'),
  groupIds: z.array(z.string().min(1).max(64)).max(100).default([]),
  accountEnabled: z.boolean().default(true),
});

export const pinCode = z.string().max(64);

/** A code's window (Graph's qrCode); Graph's OData annotations are taken (graph-body.ts). */
export const qrCodeWindowBody = z.strictObject({
  ...graphAnnotations('qrCode'),
  startDateTime: isoDateTime.optional(),
  expireDateTime: isoDateTime.optional(),
});

export const putQrPinMethodBody = z.strictObject({
  ...graphAnnotations('qrCodePinAuthenticationMethod'),
  standardQRCode: qrCodeWindowBody.default({}),
  pin: z.strictObject({ ...graphAnnotations('qrPin'), code: pinCode }).optional(),
});

/** POST …/pin/reset, and Graph's PATCH …/pin (qrPin), which may carry its annotations. */
export const resetPinBody = z.strictObject({ ...graphAnnotations('qrPin'), code: pinCode.optional() });

/** A badge is given one way: `qr` as scanned, or `shortCode` as typed from the label (any case, spaces, dashes). */
export const signInBody = withOneBadge(
  z.strictObject({
    ...badgeFields,
    pin: pinCode,
    /** The kiosk's device binding (server/contracts/devices.ts), when the kiosk is enrolled. */
    device: deviceProofBody.optional(),
  }),
);

export const changePinBody = z.strictObject({ currentPin: pinCode, newPin: pinCode });

export const completeSetupBody = z.strictObject({
  token: z.string().min(1).max(128),
  userPrincipalName: signInName(256),
  displayName: displayText(256).optional(),
  password: z.string().min(12, 'must be at least 12 characters').max(256),
});

export interface UserView {
  id: string;
  userPrincipalName: string;
  displayName: string;
  employeeId: string | null;
  role: Role;
  groupIds: string[];
  accountEnabled: boolean;
  /**
   * Set while the person is offboarded (turned off with every badge revoked and every session ended):
   * when, and by whom — the HR system through SCIM, or an admin in the console. Null otherwise, also
   * for a person merely turned off (their badges kept).
   */
  offboarded: { dateTime: string; source: 'scim' | 'console' } | null;
  createdDateTime: string;
}

export interface SessionView {
  /** `groups`: the user's groups (stores), by name. */
  user: { id: string; displayName: string; role: Role; groups: { id: string; displayName: string }[] };
  /** `kiosk`: badge + PIN; `console`: password + second factor (admin console). */
  kind: 'kiosk' | 'console';
  /** Console sessions: when the password and code were last given; sensitive actions need it recent. */
  reauthenticatedDateTime: string | null;
  mustChangePin: boolean;
  createdDateTime: string;
  /** When the session ends at the latest (absolute timeout), whatever happens meanwhile. */
  expiresDateTime: string;
  /**
   * Seconds from this answer to `expiresDateTime`, by the server's clock: the kiosk counts down from
   * it on its own monotonic clock, so a phone whose clock is wrong still shows the right time left.
   */
  expiresInSeconds: number;
  idleTimeoutSeconds: number;
  /** The kiosk's own inactivity sign-out: ask "Still there?" `warningSeconds` before `signOutAfterSeconds`. */
  kioskIdle: { signOutAfterSeconds: number; warningSeconds: number };
  /** How long the kiosk keeps this session open while the server cannot be reached. */
  kioskOfflineGraceSeconds: number;
  /** The store apps an admin listed for the kiosk's home screen. */
  kioskApps: KioskApp[];
  /** The store apps that sign in through Shiftpass, for the worker's stores (open in the same tab). */
  signInApps: SignInApp[];
}

export interface SignInResult {
  user: { id: string; displayName: string; role: Role };
  mustChangePin: boolean;
}

export interface KioskConfig {
  issuerId: string;
  pinLength: number;
}
