/**
 * The two ways a request gives a badge: `qr` as scanned, or `shortCode` as typed from the label (any
 * case, spaces, dashes). Used by the sign-in, the forgot-PIN request and the manager's co-sign.
 */
import { z } from 'zod';
import { SHORT_CODE_MAX_INPUT_LENGTH } from '../domain/short-code.js';

export const badgeFields = {
  qr: z.string().max(512).optional(),
  shortCode: z.string().max(SHORT_CODE_MAX_INPUT_LENGTH).optional(),
};

/** A body with `badgeFields`, refused unless it gives exactly one of them. */
export function withOneBadge<T extends z.ZodType<{ qr?: string; shortCode?: string }>>(body: T): T {
  return body
    .refine((b) => b.qr !== undefined || b.shortCode !== undefined, {
      message: 'give the scanned qr or the typed shortCode',
      path: ['qr'],
    })
    .refine((b) => b.qr === undefined || b.shortCode === undefined, {
      message: 'give qr or shortCode, not both',
      path: ['shortCode'],
    });
}
