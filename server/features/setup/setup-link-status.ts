/**
 * What the setup page asks before it shows its form: does this link still create the first admin?
 * Read-only (the link is not used up). The answer says no more than the setup POST would, except to
 * the holder of a real link: a token nobody was given (a guess, a mistyped or cut link, a link replaced
 * by a restart) is `unknown` whether or not an admin exists, so a stranger learns nothing; `used` and
 * `expired` are told only to whoever holds that link's token (256 random bits). Like POST /api/setup it
 * has no throttle of its own: it costs one indexed read and no hash, and the token cannot be guessed.
 */
import type { z } from 'zod';
import { sha256 } from '../../platform/crypto.js';
import type { ServiceDeps } from '../../core/deps.js';
import {
  setupLinkStatusBody,
  type SetupLinkState,
  type SetupLinkStatusView,
} from '../../contracts/first-run.js';

export { setupLinkStatusBody, type SetupLinkState, type SetupLinkStatusView };

/**
 * The rule, pure: `ready` exactly when POST /api/setup would take the link (given an unused username);
 * a link whose setup was done another way meanwhile (a password admin made through the API) is `used`.
 */
export function setupLinkStateOf(
  token: { expiresAt: Date; usedAt: Date | null } | undefined,
  passwordAdminExists: boolean,
  now: Date,
): SetupLinkState {
  if (!token) return 'unknown';
  if (token.usedAt !== null || passwordAdminExists) return 'used';
  return token.expiresAt.getTime() > now.getTime() ? 'ready' : 'expired';
}

export async function getSetupLinkStatus(
  deps: ServiceDeps,
  input: z.output<typeof setupLinkStatusBody>,
): Promise<SetupLinkStatusView> {
  const token = await deps.repos.credentials.findSetupToken(sha256(input.token));
  const passwordAdminExists = token ? (await deps.repos.users.countPasswordAdmins()) > 0 : false;
  return { state: setupLinkStateOf(token, passwordAdminExists, deps.clock.now()) };
}
