/**
 * `badge.expiringSoon` (issue 17, docs/webhook-events.md): run with the periodic sweep
 * (logs/retention-sweep.ts, every 10 minutes by default). Each standard badge of an enabled person
 * that stops working within EXPIRING_SOON_DAYS is warned about once: the warning and its event are
 * one transaction, so a crash never sends a warning twice nor loses one. A badge whose expiry an admin
 * moves is warned about again for its new expiry. While no endpoint is subscribed nothing is marked,
 * so an endpoint added later still hears about the badges expiring in its first week.
 */
import type { QueuedWrite } from './webhook-events-repository.js';
import type { ServiceDeps } from '../../../core/deps.js';
import { daysLeft, expiringSoonHorizon } from '../../../domain/webhook-event-expiry.js';
import { webhookEvent } from '../../../domain/webhook-event-payloads.js';
import { emitEvents } from './emit-events.js';
import { NONCOMPLIANT_REPORT_MS } from './device-compliance-events.js';

/** Badges warned about per statement; the sweep repeats until fewer are due. */
const WARN_BATCH = 200;

/** How long a lock is remembered for the burst count: far longer than any burst window. */
export const LOCK_MEMORY_MS = 24 * 60 * 60 * 1000;

/** Warns about every badge due a warning at `deps.clock.now()`; how many were warned about. */
export async function warnExpiringBadges(deps: ServiceDeps, batchSize = WARN_BATCH): Promise<number> {
  if (!(await deps.repos.webhooks.anySubscribed('badge.expiringSoon'))) return 0;
  const repo = deps.repos.webhookEvents;
  const now = deps.clock.now();
  let warned = 0;
  for (;;) {
    const due = await repo.unwarnedExpiringBadges(now, expiringSoonHorizon(now), batchSize);
    for (const badge of due) {
      const batch: QueuedWrite[] = [repo.markWarnedStatement(badge.codeId, badge.expireDateTime, now)];
      const event = webhookEvent('badge.expiringSoon', {
        person: badge.person,
        badge: { kind: 'standard', expireDateTime: badge.expireDateTime.toISOString() },
        daysLeft: daysLeft(badge.expireDateTime, now),
      });
      await emitEvents(deps, [event], batch);
      await repo.writeAll(batch);
    }
    warned += due.length;
    if (due.length < batchSize) return warned;
  }
}

/**
 * The webhook events' part of the periodic sweep: expiry warnings, then locks past any burst window
 * and non-compliance reports a day old (so a kiosk still non-compliant is reported again).
 */
export async function sweepWebhookEventState(deps: ServiceDeps): Promise<void> {
  await warnExpiringBadges(deps);
  const now = deps.clock.now().getTime();
  await deps.repos.webhookEvents.forgetNoncompliantBefore(new Date(now - NONCOMPLIANT_REPORT_MS));
  const before = new Date(now - LOCK_MEMORY_MS);
  for (;;) {
    if ((await deps.repos.webhookEvents.deleteLocksBefore(before, 500)) < 500) return;
  }
}
