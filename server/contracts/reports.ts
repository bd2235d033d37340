/** Reports: the QR-code expiry report (soonest first) and the dashboard's sign-in activity summary. */
import { z } from 'zod';
import { cursorParam, idParam, intParam, limitParam } from './pagination.js';

const qrCodeExpirationFilters = {
  withinDays: intParam(1, 395).default(30),
  groupId: idParam.optional(),
};

export const qrCodeExpirationsQuery = z.strictObject({
  ...qrCodeExpirationFilters,
  limit: limitParam,
  cursor: cursorParam.optional(),
});

export const qrCodeExpirationsExportQuery = z.strictObject(qrCodeExpirationFilters);

export interface QrCodeExpirationView {
  userId: string;
  userPrincipalName: string;
  displayName: string;
  groupIds: string[];
  codeId: string;
  kind: 'standard' | 'temporary';
  startDateTime: string;
  expireDateTime: string;
  lastUsedDateTime: string | null;
}

/** Up to a week of hourly buckets. */
export const signInActivityQuery = z.strictObject({
  hours: intParam(1, 168).default(24),
});

export interface SignInActivityHour {
  /** Start of the hour (UTC), inclusive; the hour ends an hour later, exclusive. */
  startDateTime: string;
  success: number;
  failure: number;
}

export interface SignInActivityView {
  /** Start of the oldest hour: `hours - 1` whole hours before the start of the current hour. */
  fromDateTime: string;
  /** Now, by the server's clock (the current hour is partial). */
  toDateTime: string;
  /** Oldest first, one per hour, zeros included. */
  hours: SignInActivityHour[];
  totals: { success: number; failure: number };
  /** Failure codes in the window, most frequent first. */
  failureReasons: { failureCode: string; count: number }[];
  /** QR-code + PIN methods locked right now (timed lock or hard limit). */
  lockedMethods: number;
}
