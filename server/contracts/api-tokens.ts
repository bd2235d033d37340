/** Request and response shapes for admin API tokens (/api/admin/api-tokens), shared with src/. */
import { z } from 'zod';
import { displayText } from './text.js';
import { API_TOKEN_SCOPES, type ApiTokenScope } from '../domain/api-token-scopes.js';

export { API_TOKEN_SCOPES, FULL_ADMIN_SCOPE, type ApiTokenScope } from '../domain/api-token-scopes.js';

/** Without an expiry a token lasts the default; no token may last longer than the maximum. */
export {
  API_TOKEN_DEFAULT_LIFETIME_DAYS,
  API_TOKEN_MAX_LIFETIME_DAYS,
} from '../domain/api-token-lifetime.js';
export const API_TOKEN_NAME_MAX_LENGTH = 80;

export const createApiTokenBody = z.strictObject({
  displayName: displayText(API_TOKEN_NAME_MAX_LENGTH),
  expireDateTime: z.iso.datetime({ offset: true }).optional(),
  /** What the token may do; required, so nobody gets full admin access without asking for it. */
  scopes: z.array(z.enum(API_TOKEN_SCOPES)).min(1).max(API_TOKEN_SCOPES.length),
});

export interface ApiTokenView {
  id: string;
  displayName: string;
  createdDateTime: string;
  /** null only for a token made at first run before tokens had to expire: it never expires. */
  expireDateTime: string | null;
  /** What the token may do, narrowest first; `admin.full` is everything an admin can do. */
  scopes: ApiTokenScope[];
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
