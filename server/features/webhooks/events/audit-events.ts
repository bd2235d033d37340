/**
 * The events of audited changes (domain/webhook-event-audits.ts): the runtime sets
 * `ServiceDeps.onAudited` to `eventsOfAuditedChange`, so `recordAudit` (core/audit.ts) hands over
 * each entry before writing it, and the entry's events go into the same batch as the entry itself.
 * The audit entry and its events are therefore stored together or not at all, and only for a change
 * that succeeded (a refused change is never audited). A change that writes its own entry in a
 * conditional transaction (offboarding) adds its events to that transaction, each conditional on
 * its entry (`outboxWritesOfAuditedChange`).
 */
import type { QueuedWrite } from './webhook-events-repository.js';
import type { ServiceDeps } from '../../../core/deps.js';
import {
  auditEventNeeds,
  auditEvents,
  auditEventTypes,
  type AuditedChange,
} from '../../../domain/webhook-event-audits.js';
import { emitEvents } from './emit-events.js';
import { webhookEventWrite } from '../emit.js';
import type { OutboxQuery } from '../webhooks-repository.js';

/** The webhook events of an audited change; none (and nothing read) when no endpoint wants them. */
async function webhookEventsOf(deps: ServiceDeps, change: AuditedChange) {
  const types = auditEventTypes(change);
  if (types.length === 0) return [];
  // Nobody listening: no names to read (an import of thousands of people pays one read each).
  const outbox = deps.repos.webhooks;
  if (!(await Promise.all(types.map((type) => outbox.anySubscribed(type)))).some(Boolean)) return [];
  const needs = auditEventNeeds(change) ?? {};
  const repo = deps.repos.webhookEvents;
  const facts = {
    person: needs.person ? await repo.personFacts(needs.person) : undefined,
    device: needs.device ? await repo.deviceFacts(needs.device) : undefined,
  };
  return auditEvents(change, facts);
}

export async function eventsOfAuditedChange(
  deps: ServiceDeps,
  change: AuditedChange,
  batch: QueuedWrite[],
): Promise<void> {
  const events = await webhookEventsOf(deps, change);
  await emitEvents(deps, events, batch);
  // An MDM's report is the kiosk's non-compliance report: its requests do not report it again.
  for (const event of events) {
    if (event.type === 'device.nonCompliant')
      batch.push(
        deps.repos.webhookEvents.markReportedNoncompliantStatement(event.subject.id, deps.clock.now()),
      );
  }
}

/**
 * The outbox writes of a change whose audit entry its own repository writes, inside a batch that may
 * or may not apply (offboarding: people/offboarding-repository.ts): each write is conditional on that
 * entry, so the events are stored with the change, or not at all.
 */
export async function outboxWritesOfAuditedChange(
  deps: ServiceDeps,
  change: AuditedChange,
  auditEntryId: string,
): Promise<OutboxQuery[]> {
  const writes = await Promise.all(
    (await webhookEventsOf(deps, change)).map((event) =>
      webhookEventWrite(deps, event, { onlyIfAuditEntry: auditEntryId }),
    ),
  );
  return writes.flatMap((write) => (write ? [write.query] : []));
}
