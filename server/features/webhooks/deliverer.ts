/**
 * Sends the webhook outbox in the background (issue 17; docs/webhooks.md "Delivery"): a change only
 * writes its event (emit.ts); this loop, in every API process, claims due rows with one conditional
 * UPDATE (so two processes never send the same row at once; as features/oidc/logout-deliverer.ts) and
 * POSTs each, signed, to its endpoint (send.ts). At least once: a process that dies mid-send leaves
 * the row claimed until its lease ends, then it is sent again.
 *
 * - 2xx: delivered. Anything else (a 3xx is never followed: 'redirect'; no answer in 10 s; no
 *   connection; a TLS failure; the host now resolving to a private address) is retried after
 *   RETRY_DELAYS_SECONDS (with ±20 % jitter, so endpoints coming back are not hit all at once), up
 *   to WEBHOOK_MAX_ATTEMPTS attempts (≈ 22 h), then the row is 'failed' (an admin may retry it).
 * - Order: a delivery waits while an earlier one about the same subject to the same endpoint is
 *   unfinished (webhooks-repository.ts `due`).
 * - At most CONCURRENCY requests at once per process; nothing on a request path waits for this loop,
 *   so a dead or hanging endpoint never slows a sign-in.
 * - Rows are deleted WEBHOOK_KEEP_DAYS after they were created (checked every PRUNE_EVERY_MS).
 */
import type { ServiceDeps } from '../../core/deps.js';
import {
  WEBHOOK_KEEP_DAYS,
  WEBHOOK_MAX_ATTEMPTS,
  WEBHOOK_TIMEOUT_SECONDS,
} from '../../contracts/webhooks.js';
import { signatureHeader } from './signature.js';
import { sendWebhook, USER_AGENT } from './send.js';
import type { WebhookDeliveryRow } from './webhooks-repository.js';
import { deleteInBatches, startPeriodicJob } from '../../core/background-jobs.js';

/** Waits after the 1st…7th failed attempt: 30 s, 2 min, 10 min, 1 h, 3 h, 6 h, 12 h (≈ 22 h in all). */
export const RETRY_DELAYS_SECONDS = [30, 120, 600, 3600, 10_800, 21_600, 43_200] as const;
const JITTER = 0.2;
/** A claimed row is due again after this, should the process die mid-send (> the timeout). */
const CLAIM_LEASE_MS = 60_000;
const BATCH = 50;
/** Requests in flight at once, per process. */
export const CONCURRENCY = 8;
const PRUNE_EVERY_MS = 10 * 60_000;
const DELETE_BATCH = 500;
const DEFAULT_INTERVAL_MS = 2000;

/** When to try again after `attempts` attempts failed, or null when it is time to give up. */
export function nextAttemptAfter(
  attempts: number,
  now: Date,
  random: () => number = Math.random,
): Date | null {
  if (attempts >= WEBHOOK_MAX_ATTEMPTS) return null;
  const delay = RETRY_DELAYS_SECONDS[Math.min(attempts, RETRY_DELAYS_SECONDS.length) - 1]!;
  const jittered = delay * (1 - JITTER + 2 * JITTER * random());
  return new Date(now.getTime() + Math.round(jittered * 1000));
}

/** The request headers of one attempt (the body is the row's, as stored). */
export function deliveryHeaders(row: WebhookDeliveryRow, secret: string, unixSeconds: number) {
  return {
    'Content-Type': 'application/json',
    'User-Agent': USER_AGENT,
    'Shiftpass-Event-Id': row.eventId,
    'Shiftpass-Event-Type': row.eventType,
    'Shiftpass-Signature': signatureHeader(secret, unixSeconds, row.body),
  };
}

async function attempt(
  deps: ServiceDeps,
  row: WebhookDeliveryRow,
  options: { timeoutMs: number; signal: AbortSignal },
): Promise<void> {
  const repo = deps.repos.webhooks;
  const endpoint = await repo.getEndpoint(row.endpointId);
  // Deleted meanwhile: the row went with it (cascade).
  if (!endpoint) return;
  const secret = deps.webhookSecrets.open(endpoint.secretSealed, endpoint.id);
  const startedAt = deps.clock.now();
  const outcome = secret
    ? await sendWebhook({
        url: endpoint.url,
        body: row.body,
        headers: deliveryHeaders(row, secret, Math.floor(startedAt.getTime() / 1000)),
        timeoutMs: options.timeoutMs,
        allow: deps.settings.webhookAllowList,
        network: deps.webhookNetwork,
        signal: options.signal,
      })
    : // A secret no key opens (a server key retired too early) cannot sign: recorded, never sent unsigned.
      { status: null, failure: 'connection' as const, durationMs: 0 };
  // Stopping: the row stays claimed and is sent again after its lease (by this server's next start).
  if (options.signal.aborted) return;
  const at = deps.clock.now();
  const attempts = row.attempts + 1;
  const delivered = outcome.failure === null;
  const next = delivered ? null : nextAttemptAfter(attempts, at);
  await repo.record(row.id, {
    state: delivered ? 'delivered' : next ? 'retrying' : 'failed',
    nextAttemptAt: next,
    attempt: {
      at: startedAt.toISOString(),
      status: outcome.status,
      failure: outcome.failure,
      durationMs: outcome.durationMs,
    },
  });
}

/** Sends every due delivery this process can claim, CONCURRENCY at a time; how many were attempted. */
export async function deliverDueWebhooks(
  deps: ServiceDeps,
  options: { timeoutMs?: number; signal?: AbortSignal } = {},
): Promise<number> {
  const repo = deps.repos.webhooks;
  const now = deps.clock.now();
  const due = await repo.due(now, BATCH);
  const signal = options.signal ?? new AbortController().signal;
  const timeoutMs = options.timeoutMs ?? WEBHOOK_TIMEOUT_SECONDS * 1000;
  let attempted = 0;
  let next = 0;
  const worker = async () => {
    while (next < due.length && !signal.aborted) {
      const row = due[next++]!;
      if (!(await repo.claim(row, now, new Date(now.getTime() + CLAIM_LEASE_MS)))) continue;
      attempted += 1;
      await attempt(deps, row, { timeoutMs, signal });
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, due.length) }, worker));
  return attempted;
}

/** Deletes deliveries created more than WEBHOOK_KEEP_DAYS before `now`, in bounded statements. */
export async function pruneWebhookDeliveries(deps: ServiceDeps, now: Date): Promise<number> {
  const before = new Date(now.getTime() - WEBHOOK_KEEP_DAYS * 24 * 3600 * 1000);
  return deleteInBatches((limit) => deps.repos.webhooks.deleteCreatedBefore(before, limit), DELETE_BATCH);
}

export interface WebhookDeliverer {
  /** One round: the due deliveries, then (every 10 minutes) the pruning. Rounds never overlap. */
  tick(): Promise<void>;
  /** Stops the timer and cuts attempts in flight (their rows are sent again after their lease). */
  stop(): void;
  /** Resolves when the round in progress (if any) has ended. */
  drain(): Promise<void>;
}

export function startWebhookDeliverer(
  deps: ServiceDeps,
  options: { intervalMs?: number; timeoutMs?: number; logError: (error: unknown) => void },
): WebhookDeliverer {
  const stopping = new AbortController();
  let lastPrune = 0;
  const round = async () => {
    await deliverDueWebhooks(deps, { timeoutMs: options.timeoutMs, signal: stopping.signal });
    const now = deps.clock.now().getTime();
    if (!stopping.signal.aborted && (now - lastPrune >= PRUNE_EVERY_MS || now < lastPrune)) {
      lastPrune = now;
      await pruneWebhookDeliveries(deps, new Date(now));
    }
  };
  const job = startPeriodicJob(round, {
    intervalMs: options.intervalMs ?? DEFAULT_INTERVAL_MS,
    logError: options.logError,
  });
  return {
    tick: () => (stopping.signal.aborted ? Promise.resolve() : job.tick()),
    stop: () => {
      job.stop();
      stopping.abort();
    },
    drain: job.drain,
  };
}
