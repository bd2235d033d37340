/** What an admin does about another person's console sign-in. */
import { ApiError } from '../../contracts/errors.js';
import { say } from '../../contracts/error-words.js';
import { recordAudit } from '../../core/audit.js';
import type { Actor, ServiceDeps } from '../../core/deps.js';

/**
 * POST /api/admin/users/{id}/console-sign-in/unlock: forgets the failed console sign-ins of the user's
 * username, including a lock at the hard limit (which nothing else lifts).
 */
export async function unlockConsoleSignIn(deps: ServiceDeps, actor: Actor, userId: string): Promise<void> {
  const user = await deps.repos.users.findById(userId);
  if (!user) throw new ApiError('NOT_FOUND', say.noSuchUser);
  await deps.repos.consoleAuth.resetLockout(deps.consoleSecrets.accountKey(user.userPrincipalName));
  await recordAudit(deps, actor, 'consoleSignIn.unlocked', { type: 'user', id: user.id });
}
