/** The QR-code expiry report: codes that stop working soon, soonest first. */
import { z } from 'zod';
import { cursorParam, idParam, intParam, limitParam } from './pagination.js';

export const qrCodeExpirationsQuery = z.strictObject({
  withinDays: intParam(1, 395).default(30),
  groupId: idParam.optional(),
  limit: limitParam,
  cursor: cursorParam.optional(),
});

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
