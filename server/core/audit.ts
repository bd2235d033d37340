import type { QueuedWrite } from '../features/webhooks/events/webhook-events-repository.js';
import { newId } from '../platform/crypto.js';
import type { Actor, ServiceDeps } from './deps.js';

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
  await deps.onAudited?.(
    {
      actor:
        actor === 'system'
          ? 'system'
          : actor.type === 'api_token'
            ? { type: 'api_token', userId: actor.userId, tokenId: actor.tokenId }
            : { type: 'user', userId: actor.userId },
      activity,
      target,
      details,
    },
    alongside,
  );
  await deps.repos.logs.audit(
    {
      id: newId(),
      activityDateTime: deps.clock.now(),
      actorType: actor === 'system' ? 'system' : actor.type,
      actorId: actor === 'system' ? null : actor.type === 'api_token' ? actor.tokenId : actor.userId,
      activity,
      targetType: target.type,
      targetId: target.id,
      details: details ?? null,
    },
    alongside,
  );
}
