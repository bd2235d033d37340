import { ApiError } from '../../contracts/errors.js';
import { pinRefusal, say } from '../../contracts/error-words.js';
import { checkNewPin } from '../../domain/pin-rules.js';
import { recordAudit } from '../../core/audit.js';
import { endUserSessions } from '../sessions/sessions.js';
import type { ServiceDeps } from '../../core/deps.js';
import { getQrPinPolicy } from '../policies/policies.js';
import type { ResolvedSession } from '../sessions/sessions.js';
import { checkPinWithLockout } from '../badges/pin-check.js';

/**
 * A signed-in worker replaces their PIN. The current PIN is checked under the same lockout as at
 * sign-in (an unattended signed-in phone must not become a PIN-guessing oracle). Other sessions of
 * the worker end; this one continues.
 */
export async function changePin(
  deps: ServiceDeps,
  { session, user }: ResolvedSession,
  input: { currentPin: string; newPin: string },
): Promise<void> {
  const method = await deps.repos.methods.findByUserId(user.id);
  if (!method) throw new ApiError('NOT_FOUND', say.noQrPinMethod);
  const policy = await getQrPinPolicy(deps);
  const now = deps.clock.now();
  const verdict = await checkPinWithLockout(deps, method, input.currentPin, policy, now);
  if (verdict.kind === 'locked') {
    throw new ApiError('METHOD_LOCKED', undefined, { retryAfterSeconds: verdict.retryAfterSeconds });
  }
  if (verdict.kind === 'wrong') {
    if (verdict.remainingAttempts === 0) {
      throw new ApiError('METHOD_LOCKED', undefined, { retryAfterSeconds: verdict.lockedForSeconds });
    }
    throw new ApiError('PIN_INCORRECT', undefined, { remainingAttempts: verdict.remainingAttempts });
  }
  const check = checkNewPin(input.newPin, input.currentPin, { minLength: policy.pinLength });
  if (!check.ok) {
    const message = say.pinRule(pinRefusal(check, policy.pinLength));
    throw new ApiError('PIN_POLICY_VIOLATION', message, { rule: check.rule, field: 'newPin' });
  }
  await deps.repos.methods.updatePin(
    method.id,
    {
      pinHash: await deps.hasher.hash(input.newPin),
      pinLength: input.newPin.length,
      forceChangePinNextSignIn: false,
      pinUpdatedAt: now,
    },
    { clearLockout: false },
  );
  // Every other session of the worker ends (and the store apps signed in through them are told).
  await endUserSessions(deps, user.id, { except: session.id });
  await deps.repos.sessions.clearMustChangePin(session.id);
  await recordAudit(
    deps,
    { type: 'user', userId: user.id, role: user.role, sessionId: session.id },
    'pin.changed',
    { type: 'user', id: user.id },
  );
}
