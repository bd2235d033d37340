import type { QueuedWrite } from '../features/webhooks/events/webhook-events-repository.js';
import { newId } from '../platform/crypto.js';
import type { NewAuditLog } from '../features/logs/log-writer-repository.js';
import type { AuditedChange } from '../domain/webhook-event-audits.js';
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

/** An audited change as the webhook events read it (features/webhooks/events/audit-events.ts). */
export function auditedChangeOf(
  actor: Actor | 'system',
  activity: string,
  target: { type: string; id: string },
  details?: Record<string, unknown>,
): AuditedChange {
  return {
    actor:
      actor === 'system'
        ? 'system'
        : actor.type === 'api_token'
          ? { type: 'api_token', userId: actor.userId, tokenId: actor.tokenId }
          : { type: 'user', userId: actor.userId },
    activity,
    target,
    details,
  };
}

/**
 * Records an admin change. `details` must never hold a secret (PIN, QR secret, token). What the
 * change reports to webhooks (`deps.onAudited`) is written in the same transaction as the entry.
 */
export async function recordAudit(
  deps: ServiceDeps,
  actor: Actor | 'system',
  activity: string,
  target: { type: string; id: string },
  details?: Record<string, unknown>,
): Promise<void> {
  const alongside: QueuedWrite[] = [];
  await deps.onAudited?.(auditedChangeOf(actor, activity, target, details), alongside);
  await deps.repos.logs.audit(auditEntryOf(deps, actor, activity, target, details), alongside);
}
