/**
 * The producers' one way out: typed events (domain/webhook-event-payloads.ts) handed to the outbox
 * (features/webhooks/emit.ts), each in the caller's batch when it has one, so an event is stored in
 * the same transaction as the write that makes it true.
 */
import type { QueuedWrite } from './webhook-events-repository.js';
import type { ServiceDeps } from '../../../core/deps.js';
import type { WebhookEvent } from '../../../domain/webhook-event-payloads.js';
import { emitWebhookEvent } from '../emit.js';

/** Queues each event for its subscribers; with `batch`, appends the writes to it instead of running them. */
export async function emitEvents(
  deps: ServiceDeps,
  events: readonly WebhookEvent[],
  batch?: QueuedWrite[],
): Promise<void> {
  for (const event of events) await emitWebhookEvent(deps, event, batch ? { batch } : {});
}
