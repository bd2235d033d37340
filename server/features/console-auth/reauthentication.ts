/**
 * Re-authentication on a console session before sensitive actions (creating API tokens, changing a
 * policy): the password and a second factor again, under the same lockout and client budget as
 * sign-in. Success moves the session's `reauthenticatedAt` to now (server/http/middleware/recent-auth.ts).
 */
import type { ReauthenticationResult, SecondFactorInput } from '../../contracts/console-auth.js';
import { recordAudit } from '../../core/audit.js';
import { claimClientAttempt } from '../lockout/client-budget.js';
import {
  canUseConsole,
  checkSecondFactorUnderLockout,
  consoleLockoutStore,
  logConsoleSignIn,
  refusal,
  type ConsoleClient,
  type ConsoleFailure,
} from './console-factors.js';
import type { ServiceDeps } from '../../core/deps.js';
import { checkUnderLockout } from '../lockout/check-under-lockout.js';
import { getQrPinPolicy } from '../policies/policies.js';
import { markReauthenticated, type ResolvedSession } from '../sessions/sessions.js';

export async function reauthenticate(
  deps: ServiceDeps,
  auth: ResolvedSession,
  input: ConsoleClient & { password: string; factor: SecondFactorInput },
): Promise<{ ok: true; result: ReauthenticationResult } | ConsoleFailure> {
  const { user, session } = auth;
  // A badge + PIN session has nothing to re-authenticate to: the console needs a console sign-in.
  if (session.kind !== 'console' || !canUseConsole(user)) return { ok: false, code: 'FORBIDDEN' };
  const now = deps.clock.now();
  const { lockout } = await getQrPinPolicy(deps);
  const fail = async (failure: ConsoleFailure, reason: string) => {
    await logConsoleSignIn(deps, input, {
      now,
      userId: user.id,
      failureCode: failure.code,
      details: { step: 'reauthentication', reason },
    });
    return failure;
  };

  const client = await claimClientAttempt(deps, input.ipAddress, lockout, now);
  if (!client.ok) {
    const details = { retryAfterSeconds: client.retryAfterSeconds };
    return fail({ ok: false, code: 'TOO_MANY_ATTEMPTS', details }, 'client_throttled');
  }
  const accountKey = deps.consoleSecrets.accountKey(user.userPrincipalName);
  const password = await checkUnderLockout(
    consoleLockoutStore(deps, accountKey, 'refund'),
    lockout,
    now,
    () => deps.hasher.verify(user.passwordHash, input.password),
  );
  if (password.kind !== 'correct') {
    if (password.kind === 'locked') await client.refund();
    const failure = refusal(password, 'CREDENTIALS_INCORRECT', { field: 'password' });
    return fail(failure, password.kind === 'locked' ? password.reason : 'password_incorrect');
  }

  const field = 'recoveryCode' in input.factor ? 'recoveryCode' : 'code';
  const refused = await checkSecondFactorUnderLockout(deps, user, input.factor, lockout, now, field);
  if (refused) {
    if (refused.locked) await client.refund();
    return fail(refused.failure, refused.reason);
  }

  await client.refund();
  await markReauthenticated(deps, session.id, now);
  if (field === 'recoveryCode') {
    await recordAudit(
      deps,
      { type: 'user', userId: user.id, role: user.role, sessionId: session.id },
      'console.recoveryCode.used',
      { type: 'user', id: user.id },
      { remaining: await deps.repos.consoleAuth.countUnusedRecoveryCodes(user.id), reauthentication: true },
    );
  }
  await logConsoleSignIn(deps, input, {
    now,
    userId: user.id,
    failureCode: null,
    details: { step: 'reauthentication', via: field },
  });
  return { ok: true, result: { reauthenticatedDateTime: now.toISOString() } };
}
