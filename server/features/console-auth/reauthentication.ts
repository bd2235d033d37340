/**
 * Re-authentication on a console session before sensitive actions (creating API tokens, changing a
 * policy): the password (`onCorrect: 'refund'`) and a second factor (`'reset'`) again, through the
 * console pipeline (console-pipeline.ts), so under the same lockout and client budget as sign-in. No
 * conditional access: the session already passed it. Success moves the session's `reauthenticatedAt`
 * to now (server/http/middleware/recent-auth.ts).
 */
import type { ReauthenticationResult, SecondFactorInput } from '../../contracts/console-auth.js';
import type { ServiceDeps } from '../../core/deps.js';
import { markReauthenticated, type ResolvedSession } from '../sessions/sessions.js';
import {
  auditRecoveryCodeUsed,
  canUseConsole,
  type ConsoleClient,
  type ConsoleFailure,
} from './console-factors.js';
import { runConsoleStep } from './console-pipeline.js';
import { factorFieldOf, secondFactorSecret } from './console-sign-in.js';

export async function reauthenticate(
  deps: ServiceDeps,
  auth: ResolvedSession,
  input: ConsoleClient & { password: string; factor: SecondFactorInput },
): Promise<{ ok: true; result: ReauthenticationResult } | ConsoleFailure> {
  const { user, session } = auth;
  // A badge + PIN session has nothing to re-authenticate to: the console needs a console sign-in.
  if (session.kind !== 'console' || !canUseConsole(user)) return { ok: false, code: 'FORBIDDEN' };
  const field = factorFieldOf(input.factor);
  return runConsoleStep(deps, input, {
    logStep: 'reauthentication',
    knownUserId: user.id,
    locate: async () => ({
      found: true,
      subject: { user },
      userId: user.id,
      userPrincipalName: user.userPrincipalName,
    }),
    secrets: [
      {
        onCorrect: 'refund',
        wrong: { code: 'CREDENTIALS_INCORRECT', details: { field: 'password' } },
        check: async () =>
          (await deps.hasher.verify(user.passwordHash, input.password))
            ? { right: true }
            : { right: false, reason: 'password_incorrect' },
      },
      secondFactorSecret(deps, input.factor, field),
    ],
    succeed: async (_, now) => {
      await markReauthenticated(deps, session.id, now);
      if (field === 'recoveryCode') {
        await auditRecoveryCodeUsed(deps, user, session.id, { reauthentication: true });
      }
      return {
        outcome: { ok: true, result: { reauthenticatedDateTime: now.toISOString() } },
        logged: { via: field },
      };
    },
  });
}
