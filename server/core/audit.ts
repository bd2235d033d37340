import { newId } from '../platform/crypto.js';
import type { NewAuditLog } from '../features/logs/log-writer-repository.js';
import type { Actor, ServiceDeps } from './deps.js';

/** An audit entry as stored, for a repository that writes it in one transaction with the change itself. */
export function auditEntryOf(
  deps: ServiceDeps,
  actor: Actor | 'system',
  activity: string,
  target: { type: string; id: string },
  details?: Record<string, unknown>,
): NewAuditLog {
  return {
    id: newId(),
    activityDateTime: deps.clock.now(),
    actorType: actor === 'system' ? 'system' : actor.type,
    actorId: actor === 'system' ? null : actor.type === 'api_token' ? actor.tokenId : actor.userId,
    activity,
    targetType: target.type,
    targetId: target.id,
    details: details ?? null,
  };
}

/** Records an admin change. `details` must never hold a secret (PIN, QR secret, token). */
export async function recordAudit(
  deps: ServiceDeps,
  actor: Actor | 'system',
  activity: string,
  target: { type: string; id: string },
  details?: Record<string, unknown>,
): Promise<void> {
  await deps.repos.logs.audit(auditEntryOf(deps, actor, activity, target, details));
}
