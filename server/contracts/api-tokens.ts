/** Request and response shapes for admin API tokens (/api/admin/api-tokens), shared with src/. */
import { z } from 'zod';

/** Without an expiry a token lasts this long; no token may last longer than the maximum. */
export const API_TOKEN_DEFAULT_LIFETIME_DAYS = 90;
export const API_TOKEN_MAX_LIFETIME_DAYS = 365;
export const API_TOKEN_NAME_MAX_LENGTH = 80;

export const createApiTokenBody = z.strictObject({
  displayName: z.string().trim().min(1).max(API_TOKEN_NAME_MAX_LENGTH),
  expireDateTime: z.iso.datetime({ offset: true }).optional(),
});

export interface ApiTokenView {
  id: string;
  displayName: string;
  createdDateTime: string;
  /** null only for a token given at first run (BOOTSTRAP_API_TOKEN), which has no expiry. */
  expireDateTime: string | null;
  lastUsedDateTime: string | null;
  revokedDateTime: string | null;
  /** active, expired or revoked, as of the answer. */
  state: 'active' | 'expired' | 'revoked';
  /** The admin the token acts for (who created it). */
  createdBy: { id: string; displayName: string };
}

/** The answer to a create: the view plus the secret, which is never shown again. */
export interface CreatedApiToken extends ApiTokenView {
  token: string;
}
