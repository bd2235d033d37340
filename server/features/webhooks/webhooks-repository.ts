/**
 * Webhook endpoints and the webhook outbox (`webhook_deliveries`). An event becomes one row per
 * enabled endpoint subscribed to it, in ONE statement (INSERT … SELECT) that can run alone or inside
 * the caller's batch (one transaction with the change it reports). A delivery is claimed with one
 * conditional UPDATE, so of several processes running the deliverer exactly one sends a given row
 * at a given time (as the back-channel logout outbox: features/oidc/logout-deliveries-repository.ts).
 */
import { and, desc, eq, inArray, isNotNull, lt, lte, or, sql } from 'drizzle-orm';
import type { InStatement } from '@libsql/client';
import type { Db } from '../../db/client.js';
import { runWrite } from '../../db/prepared-writes.js';
import { auditLogs, webhookDeliveries, webhookEndpoints } from '../../db/schema.js';

export type WebhookEndpointRow = typeof webhookEndpoints.$inferSelect;
export type WebhookDeliveryRow = typeof webhookDeliveries.$inferSelect;
export type WebhookAttempt = WebhookDeliveryRow['history'][number];

/** One event as the outbox stores it: the envelope's parts and its exact JSON body. */
export interface OutboxEvent {
  eventId: string;
  eventType: string;
  subjectType: string;
  subjectId: string;
  body: string;
  createdAt: Date;
}

const ENQUEUE_COLUMNS = `INSERT INTO webhook_deliveries
  (id, endpoint_id, event_id, event_type, subject_type, subject_id, body, state, attempts, next_attempt_at, history, created_at)
  SELECT lower(hex(randomblob(16))), e.id, ?, ?, ?, ?, ?, 'pending', 0, ?, '[]', ?
  FROM webhook_endpoints e`;

const eventArgs = (event: OutboxEvent) => [
  event.eventId,
  event.eventType,
  event.subjectType,
  event.subjectId,
  event.body,
  event.createdAt.getTime(),
  event.createdAt.getTime(),
];

/** One outbox write, not yet run: what a caller adds to the statements it commits together. */
export type OutboxStatement = InStatement;

/**
 * The one statement that queues `event` for every enabled endpoint subscribed to it, bound but not
 * run: alone, or in the caller's own batch (one transaction with the change the event reports).
 */
function enqueueStatement(event: OutboxEvent): OutboxStatement {
  return {
    sql: `${ENQUEUE_COLUMNS} WHERE e.enabled = 1
      AND EXISTS (SELECT 1 FROM json_each(e.events) WHERE json_each.value = ?)`,
    args: [...eventArgs(event), event.eventType],
  };
}

export function createWebhookRepository(db: Db) {
  return {
    // Endpoints
    async listEndpoints(): Promise<WebhookEndpointRow[]> {
      return db.select().from(webhookEndpoints).orderBy(webhookEndpoints.createdAt, webhookEndpoints.id);
    },
    async countEndpoints(): Promise<number> {
      const [row] = await db.select({ n: sql<number>`count(*)` }).from(webhookEndpoints);
      return Number(row?.n ?? 0);
    },
    async getEndpoint(id: string): Promise<WebhookEndpointRow | undefined> {
      const [row] = await db.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, id));
      return row;
    },
    async insertEndpoint(row: typeof webhookEndpoints.$inferInsert): Promise<void> {
      await db.insert(webhookEndpoints).values(row);
    },
    async updateEndpoint(
      id: string,
      patch: Partial<Omit<typeof webhookEndpoints.$inferInsert, 'id' | 'createdAt'>>,
    ): Promise<boolean> {
      const result = await db.update(webhookEndpoints).set(patch).where(eq(webhookEndpoints.id, id));
      return result.rowsAffected === 1;
    },
    /** Removes the endpoint and its deliveries (cascade). */
    async deleteEndpoint(id: string): Promise<boolean> {
      const result = await db.delete(webhookEndpoints).where(eq(webhookEndpoints.id, id));
      return result.rowsAffected === 1;
    },
    /** Every endpoint's sealed secret (server key rotation re-seals them). */
    async sealedSecrets(): Promise<{ endpointId: string; sealed: string }[]> {
      return db
        .select({ endpointId: webhookEndpoints.id, sealed: webhookEndpoints.secretSealed })
        .from(webhookEndpoints);
    },

    /**
     * The latest attempted delivery of each endpoint named (for the list's "last delivery"): the newest
     * event tried, found by walking the endpoint's index from its newest row.
     */
    async lastAttempted(endpointIds: readonly string[]) {
      const rows = await Promise.all(
        endpointIds.map(async (endpointId) => {
          const [row] = await db
            .select({
              endpointId: webhookDeliveries.endpointId,
              state: webhookDeliveries.state,
              responseStatus: webhookDeliveries.responseStatus,
              at: webhookDeliveries.lastAttemptAt,
            })
            .from(webhookDeliveries)
            .where(
              and(eq(webhookDeliveries.endpointId, endpointId), isNotNull(webhookDeliveries.lastAttemptAt)),
            )
            .orderBy(desc(webhookDeliveries.seq))
            .limit(1);
          return row;
        }),
      );
      return rows.filter((row) => row !== undefined);
    },

    // The outbox
    /** Whether any enabled endpoint is subscribed to `eventType` (one small read; emits skip the write when not). */
    async anySubscribed(eventType: string): Promise<boolean> {
      const rows = await db.all(
        sql`SELECT 1 FROM webhook_endpoints e WHERE e.enabled = 1
          AND EXISTS (SELECT 1 FROM json_each(e.events) WHERE json_each.value = ${eventType}) LIMIT 1`,
      );
      return rows.length > 0;
    },
    enqueueStatement,
    /**
     * The same write as `enqueueStatement`, as a drizzle query (not run until awaited): for a caller
     * that commits its change with `db.batch([...])`.
     */
    enqueueQuery(event: OutboxEvent, options: { onlyIfAuditEntry?: string } = {}) {
      const [eventId, eventType, subjectType, subjectId, body, nextAt, createdAt] = eventArgs(event);
      // In a batch whose change is conditional on its own audit entry (offboarding), the event is
      // queued only if that entry was written: with the change, or not at all.
      const audited = options.onlyIfAuditEntry
        ? sql` AND EXISTS (SELECT 1 FROM ${auditLogs} WHERE ${auditLogs.id} = ${options.onlyIfAuditEntry})`
        : sql``;
      return db.run(sql`INSERT INTO webhook_deliveries
        (id, endpoint_id, event_id, event_type, subject_type, subject_id, body, state, attempts, next_attempt_at, history, created_at)
        SELECT lower(hex(randomblob(16))), e.id, ${eventId}, ${eventType}, ${subjectType}, ${subjectId}, ${body},
          'pending', 0, ${nextAt}, '[]', ${createdAt}
        FROM webhook_endpoints e WHERE e.enabled = 1
          AND EXISTS (SELECT 1 FROM json_each(e.events) WHERE json_each.value = ${event.eventType})${audited}`);
    },
    async enqueue(event: OutboxEvent): Promise<void> {
      await runWrite(db, enqueueStatement(event));
    },
    /** Queues `event` for one endpoint only (the test event), whatever it is subscribed to. */
    async enqueueFor(endpointId: string, event: OutboxEvent): Promise<number> {
      const result = await runWrite(db, {
        sql: `${ENQUEUE_COLUMNS} WHERE e.id = ?`,
        args: [...eventArgs(event), endpointId],
      });
      return result.rowsAffected;
    },

    /**
     * Deliveries due at `now` to enabled endpoints, oldest due first, each only when no earlier
     * delivery about the same subject to the same endpoint is still unfinished (pending or retrying):
     * a later event about a subject waits until the earlier one is delivered or failed.
     */
    async due(now: Date, limit: number): Promise<WebhookDeliveryRow[]> {
      const rows = await db
        .select({ delivery: webhookDeliveries })
        .from(webhookDeliveries)
        .innerJoin(webhookEndpoints, eq(webhookEndpoints.id, webhookDeliveries.endpointId))
        .where(
          and(
            isNotNull(webhookDeliveries.nextAttemptAt),
            lte(webhookDeliveries.nextAttemptAt, now),
            // A disabled endpoint's deliveries wait; its test event (the console's button) goes anyway.
            or(eq(webhookEndpoints.enabled, true), eq(webhookDeliveries.eventType, 'webhook.test')),
            sql`NOT EXISTS (SELECT 1 FROM webhook_deliveries earlier
              WHERE earlier.endpoint_id = ${webhookDeliveries.endpointId}
                AND earlier.subject_type = ${webhookDeliveries.subjectType}
                AND earlier.subject_id = ${webhookDeliveries.subjectId}
                AND earlier.seq < ${webhookDeliveries.seq}
                AND earlier.next_attempt_at IS NOT NULL)`,
          ),
        )
        .orderBy(webhookDeliveries.nextAttemptAt, webhookDeliveries.seq)
        .limit(limit);
      return rows.map((row) => row.delivery);
    },

    /**
     * Takes a due delivery for one attempt: counts it and moves its next attempt to `leaseUntil` (a
     * retry if this process dies mid-send). Only while the row is as read; true for the one claimer.
     */
    async claim(row: WebhookDeliveryRow, now: Date, leaseUntil: Date): Promise<boolean> {
      const claimed = await db
        .update(webhookDeliveries)
        .set({ attempts: row.attempts + 1, lastAttemptAt: now, nextAttemptAt: leaseUntil })
        .where(
          and(
            eq(webhookDeliveries.id, row.id),
            eq(webhookDeliveries.attempts, row.attempts),
            isNotNull(webhookDeliveries.nextAttemptAt),
            lte(webhookDeliveries.nextAttemptAt, now),
          ),
        )
        .returning({ id: webhookDeliveries.id });
      return claimed.length === 1;
    },

    /** The outcome of the attempt just claimed, appended to the row's history. */
    async record(
      id: string,
      outcome: {
        state: 'delivered' | 'retrying' | 'failed';
        nextAttemptAt: Date | null;
        attempt: WebhookAttempt;
      },
    ): Promise<void> {
      await db
        .update(webhookDeliveries)
        .set({
          state: outcome.state,
          nextAttemptAt: outcome.nextAttemptAt,
          responseStatus: outcome.attempt.status,
          failure: outcome.attempt.failure,
          history: sql`json_insert(${webhookDeliveries.history}, '$[#]', json(${JSON.stringify(outcome.attempt)}))`,
        })
        .where(eq(webhookDeliveries.id, id));
    },

    /** An endpoint's deliveries, newest first. */
    async listForEndpoint(endpointId: string, limit: number, beforeSeq?: number) {
      return db
        .select()
        .from(webhookDeliveries)
        .where(
          and(
            eq(webhookDeliveries.endpointId, endpointId),
            beforeSeq === undefined ? undefined : lt(webhookDeliveries.seq, beforeSeq),
          ),
        )
        .orderBy(desc(webhookDeliveries.seq))
        .limit(limit);
    },
    async getDelivery(endpointId: string, id: string): Promise<WebhookDeliveryRow | undefined> {
      const [row] = await db
        .select()
        .from(webhookDeliveries)
        .where(and(eq(webhookDeliveries.endpointId, endpointId), eq(webhookDeliveries.id, id)));
      return row;
    },
    /** A failed delivery, due again at `now` (one more attempt); false when it is not failed. */
    async retryNow(id: string, now: Date): Promise<boolean> {
      const result = await db
        .update(webhookDeliveries)
        .set({ state: 'retrying', nextAttemptAt: now })
        .where(and(eq(webhookDeliveries.id, id), eq(webhookDeliveries.state, 'failed')));
      return result.rowsAffected === 1;
    },
    /** Removes at most `limit` deliveries created before `before`, whatever their state; how many went. */
    async deleteCreatedBefore(before: Date, limit: number): Promise<number> {
      const old = db
        .select({ id: webhookDeliveries.id })
        .from(webhookDeliveries)
        .where(lt(webhookDeliveries.createdAt, before))
        .limit(limit);
      return (await db.delete(webhookDeliveries).where(inArray(webhookDeliveries.id, old))).rowsAffected;
    },
  };
}

export type WebhookRepository = ReturnType<typeof createWebhookRepository>;

/** One outbox write as a drizzle query, not yet run: an item of a caller's `db.batch([...])`. */
export type OutboxQuery = ReturnType<WebhookRepository['enqueueQuery']>;
