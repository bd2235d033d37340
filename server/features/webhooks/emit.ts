/**
 * Reporting an event to webhook endpoints (issue 17): `emitWebhookEvent` only writes to the outbox
 * (`webhook_deliveries`, one row per enabled endpoint subscribed to the event); the deliverer sends
 * it later, in the background (deliverer.ts). Nothing here waits on an endpoint, so it may be called
 * on the sign-in path: when no endpoint is subscribed it costs one small read and writes nothing.
 *
 * Durable with the change it reports: a caller that commits its change in one transaction adds the
 * event's write to it, so either both are stored or neither —
 * - bound statements run with `runWrites(db, statements)` (the sign-in path): pass `{ batch: statements }`;
 * - drizzle's `db.batch([...])`: `webhookEventWrite(deps, event)` answers the query to add.
 * Without either, the event is written on its own right away (call it after the change is stored).
 *
 * The body is built once here and stored as the exact JSON every endpoint receives (docs/webhooks.md
 * "Envelope"): `{ id, type, occurredAt, subject: { type, id }, data }`. `data` must never hold a
 * secret (PIN, badge payload, token): receivers and the outbox keep it in the clear.
 */
import type { ServiceDeps } from '../../core/deps.js';
import type { WebhookEventType, WebhookSubject, WEBHOOK_TEST_EVENT } from '../../domain/webhook-events.js';
import { newId } from '../../platform/crypto.js';
import type { OutboxEvent, OutboxStatement } from './webhooks-repository.js';

export interface WebhookEventInput {
  type: WebhookEventType;
  subject: WebhookSubject;
  /** The event's facts (ids, names, times); JSON-serialisable, no secrets. */
  data: object;
}

/** What a receiver gets as the request body. */
export interface WebhookEnvelope {
  id: string;
  type: WebhookEventType | typeof WEBHOOK_TEST_EVENT;
  occurredAt: string;
  subject: WebhookSubject;
  data: object;
}

/** The outbox row's parts and exact body for one event. */
export function outboxEventOf(envelope: WebhookEnvelope): OutboxEvent {
  return {
    eventId: envelope.id,
    eventType: envelope.type,
    subjectType: envelope.subject.type,
    subjectId: envelope.subject.id,
    body: JSON.stringify(envelope),
    createdAt: new Date(envelope.occurredAt),
  };
}

export function envelopeOf(
  deps: Pick<ServiceDeps, 'clock'>,
  event: { type: WebhookEnvelope['type']; subject: WebhookSubject; data: object },
): WebhookEnvelope {
  return {
    id: newId(),
    type: event.type,
    occurredAt: deps.clock.now().toISOString(),
    subject: { type: event.subject.type, id: event.subject.id },
    data: event.data,
  };
}

/**
 * The event's outbox write, not run, for a caller's `db.batch([...])`; null when no enabled endpoint
 * is subscribed (add nothing). `eventId` is the receivers' `Shiftpass-Event-Id`. With
 * `onlyIfAuditEntry`, the write applies only if that audit entry exists when the batch runs.
 */
export async function webhookEventWrite(
  deps: ServiceDeps,
  event: WebhookEventInput,
  options: { onlyIfAuditEntry?: string } = {},
) {
  const repo = deps.repos.webhooks;
  if (!(await repo.anySubscribed(event.type))) return null;
  const envelope = envelopeOf(deps, event);
  return { eventId: envelope.id, query: repo.enqueueQuery(outboxEventOf(envelope), options) };
}

/**
 * Queues `event` for every enabled endpoint subscribed to its type; answers the event's id (the
 * receivers' `Shiftpass-Event-Id`), or null when no endpoint is subscribed (nothing written).
 * With `options.batch`, the write is appended to the caller's statements instead of run, without
 * asking first: batch callers (audited changes, locks, expiring badges) have already asked whether
 * anyone wants their events, and the statement itself queues only for subscribed endpoints, so for
 * a type nobody wants it writes nothing.
 */
export async function emitWebhookEvent(
  deps: ServiceDeps,
  event: WebhookEventInput,
  options: { batch?: OutboxStatement[] } = {},
): Promise<string | null> {
  const repo = deps.repos.webhooks;
  if (options.batch) {
    const envelope = envelopeOf(deps, event);
    options.batch.push(repo.enqueueStatement(outboxEventOf(envelope)));
    return envelope.id;
  }
  if (!(await repo.anySubscribed(event.type))) return null;
  const envelope = envelopeOf(deps, event);
  await repo.enqueue(outboxEventOf(envelope));
  return envelope.id;
}
