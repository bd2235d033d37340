/**
 * `lockout.locked` and `lockout.burst` (issue 17, docs/webhook-events.md). Called once per lock, by
 * the PIN check that used a badge's last attempt (badges/pin-check.ts): the counters' conditional
 * claim lets exactly one attempt reach the threshold (or the hard limit), so one lock is one event,
 * however many requests raced it.
 *
 * Nothing here waits on an endpoint: the lock's event and its place in the store's burst count are
 * one batch of inserts; only when the store's count reaches the burst rule is the alert claimed (one
 * conditional write, so two processes seeing the same burst send one alert) and queued. When no
 * endpoint is subscribed to either event, a lock costs two small reads and writes nothing.
 *
 * The stores a lock counts for: the enrolled kiosk's store when the wrong PINs came through one (the
 * place being attacked), otherwise the person's stores.
 */
import type { QueuedWrite } from './webhook-events-repository.js';
import type { ServiceDeps } from '../../../core/deps.js';
import {
  burstVerdictAt,
  burstWindowStart,
  DEFAULT_LOCKOUT_BURST_RULE,
  type LockoutBurstRule,
} from '../../../domain/webhook-event-burst.js';
import { webhookEvent, type WebhookStore } from '../../../domain/webhook-event-payloads.js';
import { newId } from '../../../platform/crypto.js';
import { emitEvents } from './emit-events.js';

export interface NewLock {
  userId: string;
  /** The enrolled kiosk the attempt came through, when it was one. */
  deviceId?: string;
  /** When the lock runs out; null at the hard limit (until a manager unlocks). */
  lockedUntil: Date | null;
  at: Date;
}

export async function reportLock(
  deps: ServiceDeps,
  lock: NewLock,
  rule: LockoutBurstRule = DEFAULT_LOCKOUT_BURST_RULE,
): Promise<void> {
  const outbox = deps.repos.webhooks;
  const [locked, burst] = await Promise.all([
    outbox.anySubscribed('lockout.locked'),
    outbox.anySubscribed('lockout.burst'),
  ]);
  if (!locked && !burst) return;
  const repo = deps.repos.webhookEvents;
  const person = await repo.personFacts(lock.userId);
  if (!person) return;
  const device = lock.deviceId ? await repo.deviceFacts(lock.deviceId) : undefined;
  const stores: WebhookStore[] = device?.store ? [device.store] : person.stores;

  const batch: QueuedWrite[] = [];
  const { id, userPrincipalName, displayName, employeeId } = person;
  await emitEvents(
    deps,
    [
      webhookEvent('lockout.locked', {
        person: { id, userPrincipalName, displayName, employeeId },
        stores,
        device: device ?? null,
        lockedUntil: lock.lockedUntil?.toISOString() ?? null,
      }),
    ],
    batch,
  );
  if (burst) {
    const counted = stores.map((store) => ({ id: newId(), storeId: store.id }));
    batch.push(...repo.recordLocksStatements(counted, lock.userId, lock.at));
  }
  await repo.writeAll(batch);
  if (burst) for (const store of stores) await alertIfBurst(deps, store, lock.at, rule);
}

/** Queues `lockout.burst` when the store's locks reach the rule and this caller claims the alert. */
async function alertIfBurst(
  deps: ServiceDeps,
  store: WebhookStore,
  at: Date,
  rule: LockoutBurstRule,
): Promise<void> {
  const repo = deps.repos.webhookEvents;
  const windowStart = burstWindowStart(at, rule);
  const history = await repo.storeLockHistory(store.id, windowStart);
  const verdict = burstVerdictAt(at, history.lockTimes, history.lastAlertAt, rule);
  if (!verdict.alert) return;
  if (!(await repo.claimBurstAlert(store.id, at, windowStart))) return;
  await emitEvents(deps, [
    webhookEvent('lockout.burst', {
      store,
      lockCount: verdict.lockCount,
      windowMinutes: rule.windowMinutes,
      threshold: rule.threshold,
      firstLockDateTime: verdict.firstLockAt.toISOString(),
      lastLockDateTime: verdict.lastLockAt.toISOString(),
    }),
  ]);
}
