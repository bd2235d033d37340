/**
 * Sends the back-channel logouts the outbox holds (OpenID Back-Channel Logout 1.0), in the background:
 * a worker's sign-out only enqueues (global-sign-out.ts). Every API process may run it: a row is
 * claimed with one conditional UPDATE first, so two processes never send the same row at once.
 *
 * The logout token is made and signed by oidc-provider itself, exactly as its own
 * `Client#backchannelLogout` does (an IdToken with use `logout`: typ `logout+jwt`, iss, aud = the app,
 * iat, exp (2 min), jti, sub, sid, the back-channel logout `events` claim, no nonce), with the
 * provider's current signing key. It is POSTed here rather than by oidc-provider so that the timeout
 * (5 s), the answer and the retry are ours to record.
 *
 * Retries with backoff (RETRY_DELAYS_SECONDS) while the app is unreachable, slow or answers other than
 * 200/204; after 24 h from the sign-out it gives up (the row keeps the last answer). An app that is
 * gone or no longer has a back-channel URI is not retried (`app_gone`). The tick also sweeps kiosk
 * sessions that ended unseen (idle, expired) every minute, and after that minute's deliveries deletes
 * what no one reads any more: provider rows (`oidc_models`) past their expiry, and deliveries finished
 * (delivered or given up) more than KEEP_FINISHED_DELIVERIES_MS ago, in bounded statements.
 */
import type Provider from 'oidc-provider';
import type { ServiceDeps } from '../../core/deps.js';
import { newId } from '../../platform/crypto.js';
import { getSessionPolicy, sessionTimeoutsOf } from '../policies/policies.js';
import type { LogoutDeliveryRow } from './logout-deliveries-repository.js';
import { sweepEndedKioskSessions } from './global-sign-out.js';
import { deleteInBatches, startPeriodicJob } from '../../core/background-jobs.js';

/** Waits between attempts: 10 s, 1 min, 5 min, 30 min, 2 h, then every 6 h until GIVE_UP_AFTER_MS. */
export const RETRY_DELAYS_SECONDS = [10, 60, 300, 1800, 7200, 21600] as const;
export const GIVE_UP_AFTER_MS = 24 * 3600 * 1000;
/** How long one POST to an app may take. */
export const SEND_TIMEOUT_MS = 5000;
/** A claimed row becomes due again after this, should the process die mid-send. */
const CLAIM_LEASE_MS = 60_000;
const BATCH = 50;
const SWEEP_EVERY_MS = 60_000;
/** Finished deliveries stay in the admins' list (GET /api/admin/apps/{id}/logout-deliveries) this long. */
export const KEEP_FINISHED_DELIVERIES_MS = 30 * 24 * 3600 * 1000;
/** Rows one housekeeping statement deletes at most; the sweep repeats until a statement deletes fewer. */
export const DELETE_BATCH = 500;
const DEFAULT_INTERVAL_MS = 5000;

const BACKCHANNEL_EVENT = 'http://schemas.openid.net/event/backchannel-logout';

/** When to try again after `attempts` failed attempts, or null when it is time to give up. */
export function nextAttemptAfter(row: { createdAt: Date }, attempts: number, now: Date): Date | null {
  const delay = RETRY_DELAYS_SECONDS[Math.min(attempts, RETRY_DELAYS_SECONDS.length) - 1]!;
  const next = new Date(now.getTime() + delay * 1000);
  return next.getTime() - row.createdAt.getTime() > GIVE_UP_AFTER_MS ? null : next;
}

/** The signed logout token for one delivery, made by oidc-provider (see the header). */
async function logoutTokenFor(
  provider: Provider,
  client: NonNullable<Awaited<ReturnType<Provider['Client']['find']>>>,
  row: LogoutDeliveryRow,
): Promise<string> {
  const token = new provider.IdToken({ sub: row.sub }, { client, ctx: undefined });
  token.mask = { sub: null };
  token.set('events', { [BACKCHANNEL_EVENT]: {} });
  token.set('jti', newId());
  token.set('sid', row.sid);
  return token.issue({ use: 'logout' });
}

/** One attempt; the answer to record and whether the app took it. */
async function send(
  provider: Provider,
  row: LogoutDeliveryRow,
  timeoutMs: number,
): Promise<{ answer: string; delivered: boolean; retry: boolean }> {
  const client = await provider.Client.find(row.appId);
  const uri = client?.backchannelLogoutUri;
  if (!client || !uri) return { answer: 'app_gone', delivered: false, retry: false };
  const logoutToken = await logoutTokenFor(provider, client, row);
  try {
    const response = await fetch(uri, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ logout_token: logoutToken }),
      signal: AbortSignal.timeout(timeoutMs),
    });
    await response.body?.cancel().catch(() => undefined);
    const delivered = response.status === 200 || response.status === 204;
    return { answer: String(response.status), delivered, retry: !delivered };
  } catch (error) {
    const name = (error as Error).name;
    const answer = name === 'TimeoutError' || name === 'AbortError' ? 'timeout' : 'unreachable';
    return { answer, delivered: false, retry: true };
  }
}

/** Sends every due delivery this process can claim (concurrently; each bounded by the timeout). */
export async function deliverDueLogouts(
  deps: ServiceDeps,
  provider: Provider,
  options: { timeoutMs?: number } = {},
): Promise<number> {
  const repo = deps.repos.oidcLogoutDeliveries;
  const now = deps.clock.now();
  const due = await repo.due(now, BATCH);
  let sent = 0;
  await Promise.all(
    due.map(async (row) => {
      if (!(await repo.claim(row, now, new Date(now.getTime() + CLAIM_LEASE_MS)))) return;
      const outcome = await send(provider, row, options.timeoutMs ?? SEND_TIMEOUT_MS);
      const at = deps.clock.now();
      await repo.record(row.id, {
        answer: outcome.answer,
        deliveredAt: outcome.delivered ? at : null,
        nextAttemptAt: outcome.retry ? nextAttemptAfter(row, row.attempts + 1, at) : null,
      });
      if (outcome.delivered) sent += 1;
    }),
  );
  return sent;
}

/**
 * Housekeeping: provider rows past their expiry (oidc-provider never reads them again) and deliveries
 * finished before `now` − KEEP_FINISHED_DELIVERIES_MS. Pending deliveries are never touched.
 */
export async function deleteExpiredRows(
  deps: ServiceDeps,
  now: Date,
): Promise<{ providerRows: number; deliveries: number }> {
  const providerRows = await deleteInBatches(
    (limit) => deps.repos.oidcModels.deleteExpired(limit),
    DELETE_BATCH,
  );
  const keepSince = new Date(now.getTime() - KEEP_FINISHED_DELIVERIES_MS);
  const deliveries = await deleteInBatches(
    (limit) => deps.repos.oidcLogoutDeliveries.deleteFinishedBefore(keepSince, limit),
    DELETE_BATCH,
  );
  return { providerRows, deliveries };
}

export interface LogoutDeliverer {
  /**
   * One round: the sweep when due, then the due deliveries, then (when the sweep ran) the housekeeping
   * deletes. Rounds never overlap within a process.
   */
  tick(): Promise<void>;
  stop(): void;
}

export function startLogoutDeliverer(
  deps: ServiceDeps,
  provider: () => Provider,
  options: { intervalMs?: number; timeoutMs?: number; logError: (error: unknown) => void },
): LogoutDeliverer {
  let lastSweep = 0;
  const round = async () => {
    const now = deps.clock.now();
    const sweep = now.getTime() - lastSweep >= SWEEP_EVERY_MS || now.getTime() < lastSweep;
    if (sweep) {
      lastSweep = now.getTime();
      const idle = sessionTimeoutsOf(await getSessionPolicy(deps), 'kiosk').idleSeconds;
      await sweepEndedKioskSessions(deps, provider(), new Date(now.getTime() - idle * 1000));
    }
    await deliverDueLogouts(deps, provider(), { timeoutMs: options.timeoutMs });
    // After the deliveries, so a backlog to delete never delays telling an app a worker signed out.
    if (sweep) await deleteExpiredRows(deps, now);
  };
  return startPeriodicJob(round, {
    intervalMs: options.intervalMs ?? DEFAULT_INTERVAL_MS,
    logError: options.logError,
  });
}
