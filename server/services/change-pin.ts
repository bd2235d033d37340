import { ApiError } from '../contracts/errors.js';
import { checkNewPin } from '../domain/pin-rules.js';
import { recordAudit } from './audit.js';
import type { ServiceDeps } from './deps.js';
import type { ResolvedSession } from './sessions.js';

/** A signed-in worker replaces their PIN. Other sessions of the worker end; this one continues. */
export async function changePin(
  deps: ServiceDeps,
  { session, user }: ResolvedSession,
  input: { currentPin: string; newPin: string },
): Promise<void> {
  const method = await deps.repos.methods.findByUserId(user.id);
  if (!method) throw new ApiError('NOT_FOUND', 'This user has no QR code + PIN method.');
  if (!(await deps.hasher.verify(method.pinHash, input.currentPin))) throw new ApiError('PIN_INCORRECT');
  const check = checkNewPin(input.newPin, input.currentPin, { minLength: deps.settings.pinLength });
  if (!check.ok) {
    throw new ApiError('PIN_POLICY_VIOLATION', check.message, { rule: check.rule, field: 'newPin' });
  }
  const now = deps.clock.now();
  await deps.repos.methods.updatePin(method.id, {
    pinHash: await deps.hasher.hash(input.newPin),
    pinLength: input.newPin.length,
    forceChangePinNextSignIn: false,
    pinUpdatedAt: now,
  });
  await deps.repos.sessions.revokeAllForUser(user.id, now, { except: session.id });
  await deps.repos.sessions.clearMustChangePin(session.id);
  await recordAudit(
    deps,
    { type: 'user', userId: user.id, role: user.role, sessionId: session.id },
    'pin.changed',
    { type: 'user', id: user.id },
  );
}
