/**
 * Console invitations: how a manager or admin other than the first admin gets a console password, and
 * how one who lost their authenticator gets back in. An admin creates a one-time link (token in the
 * fragment, only its SHA-256 stored, 72 h); the person opens it and chooses a password; their next
 * sign-in enrols a new authenticator. Redeeming ends every session of that person and forgets their
 * old authenticator, recovery codes and failed sign-ins, so a reset link also locks out whoever held
 * the old factors.
 */
import type { z } from 'zod';
import type { ConsoleInvitationView, redeemInvitationBody } from '../../contracts/console-auth.js';
import { ApiError } from '../../contracts/errors.js';
import { say } from '../../contracts/error-words.js';
import { newId, randomToken, sha256 } from '../../platform/crypto.js';
import { recordAudit } from '../../core/audit.js';
import type { Actor, ServiceDeps } from '../../core/deps.js';
import { sessionsEnded } from '../sessions/sessions.js';

export const INVITATION_LIFETIME_MS = 72 * 60 * 60 * 1000;
export const INVITATION_PATH = '/admin/invitation';

const mayUseConsole = (user: { accountEnabled: boolean; role: string }) =>
  user.accountEnabled && (user.role === 'admin' || user.role === 'manager');

/** POST /api/admin/users/{id}/console-invitation (admins; re-authenticated on a console session). */
export async function inviteToConsole(
  deps: ServiceDeps,
  actor: Actor,
  userId: string,
): Promise<ConsoleInvitationView> {
  // The link carries a secret: its address comes from configuration, never from the request's Host.
  const origin = deps.settings.linkOrigin;
  if (origin === undefined) throw new ApiError('PUBLIC_ORIGIN_REQUIRED');
  const user = await deps.repos.users.findById(userId);
  if (!user) throw new ApiError('NOT_FOUND', say.noSuchUser);
  if (!mayUseConsole(user)) throw new ApiError('CONSOLE_ACCESS_NOT_ALLOWED');
  const token = randomToken(32);
  const now = deps.clock.now();
  const expiresAt = new Date(now.getTime() + INVITATION_LIFETIME_MS);
  await deps.repos.consoleAuth.replaceInvitation(
    {
      id: newId(),
      userId: user.id,
      tokenHash: sha256(token),
      createdBy: actor.userId,
      createdAt: now,
      expiresAt,
    },
    now,
  );
  await recordAudit(
    deps,
    actor,
    'consoleInvitation.created',
    { type: 'user', id: user.id },
    {
      expireDateTime: expiresAt.toISOString(),
    },
  );
  return { invitationUrl: `${origin}${INVITATION_PATH}#${token}`, expireDateTime: expiresAt.toISOString() };
}

/** POST /api/auth/console/invitation: sets the invited person's password (no session is started). */
export async function redeemConsoleInvitation(
  deps: ServiceDeps,
  input: z.output<typeof redeemInvitationBody>,
): Promise<void> {
  const now = deps.clock.now();
  const invitation = await deps.repos.consoleAuth.findInvitation(sha256(input.token), now);
  const user = invitation ? await deps.repos.users.findById(invitation.userId) : undefined;
  // A person demoted or disabled since the invitation cannot use it either.
  if (!invitation || !user || !mayUseConsole(user)) throw new ApiError('INVITATION_INVALID');
  const passwordHash = await deps.hasher.hash(input.password);
  // Redeeming ends every session of the person (in one batch with the rest): these are they.
  const ending = await deps.repos.sessions.unrevokedIdsOfUser(user.id);
  const redeemed = await deps.repos.consoleAuth.redeemInvitation(
    invitation,
    { passwordHash, accountKey: deps.consoleSecrets.accountKey(user.userPrincipalName) },
    deps.clock.now(),
  );
  if (!redeemed) throw new ApiError('INVITATION_INVALID');
  await sessionsEnded(deps, ending);
  await recordAudit(deps, 'system', 'consoleInvitation.redeemed', { type: 'user', id: user.id });
}
