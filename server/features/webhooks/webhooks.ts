/**
 * Webhook endpoints (admins only; issue 17, docs/webhooks.md): register, change, delete, rotate the
 * signing secret, send a test event, read and retry deliveries. Every change is audited without the
 * secret. The secret is made here, answered once (on creation and rotation) and kept only sealed.
 *
 * An endpoint's address is checked when it is registered or changed — https, no credentials or
 * fragment, and every address its host resolves to public (or allowed by
 * SHIFTPASS_WEBHOOK_ALLOWED_HOSTS) — and again before every delivery (send.ts), since DNS may change.
 *
 * Rotating the secret replaces it at once: the next attempt is signed with the new one only (no
 * overlap). A receiver being switched over accepts either secret for a while (docs/webhooks.md).
 */
import { z } from 'zod';
import { recordAudit } from '../../core/audit.js';
import type { Actor, ServiceDeps } from '../../core/deps.js';
import { decodeCursor, toPage } from '../../core/list-cursor.js';
import { ApiError } from '../../contracts/errors.js';
import type { Page } from '../../contracts/pagination.js';
import {
  MAX_WEBHOOK_ENDPOINTS,
  type CreatedWebhookEndpointView,
  type createWebhookBody,
  type patchWebhookBody,
  type WebhookDeliveryFailure,
  type WebhookDeliveryView,
  type WebhookEndpointView,
  type WebhookSecretView,
  type WebhookTestView,
} from '../../contracts/webhooks.js';
import { parseWebhookUrl } from '../../domain/webhook-address.js';
import {
  isWebhookEventType,
  WEBHOOK_TEST_EVENT,
  type WebhookEventType,
  type WebhookSubjectType,
} from '../../domain/webhook-events.js';
import { newId } from '../../platform/crypto.js';
import { envelopeOf, outboxEventOf } from './emit.js';
import { resolveAllowed } from './send.js';
import type { WebhookDeliveryRow, WebhookEndpointRow } from './webhooks-repository.js';

type CreateBody = z.output<typeof createWebhookBody>;
type PatchBody = z.output<typeof patchWebhookBody>;

/** Refuses an address webhooks may not be sent to, with its own error code. */
export async function checkWebhookUrl(deps: ServiceDeps, url: string): Promise<void> {
  const parsed = parseWebhookUrl(url);
  if (!parsed.ok) {
    throw new ApiError(
      parsed.problem === 'not_https' ? 'WEBHOOK_URL_NOT_HTTPS' : 'WEBHOOK_URL_INVALID',
      undefined,
      {
        field: 'url',
      },
    );
  }
  const where = await resolveAllowed(parsed.host, deps.settings.webhookAllowList, deps.webhookNetwork);
  if ('refused' in where) {
    throw new ApiError(
      where.refused === 'private' ? 'WEBHOOK_URL_PRIVATE_ADDRESS' : 'WEBHOOK_URL_INVALID',
      undefined,
      { field: 'url' },
    );
  }
}

const eventsOf = (row: WebhookEndpointRow): WebhookEventType[] =>
  (Array.isArray(row.events) ? row.events : []).filter(isWebhookEventType);

function toView(
  row: WebhookEndpointRow,
  last?: { state: WebhookDeliveryRow['state']; responseStatus: number | null; at: Date | null },
): WebhookEndpointView {
  return {
    id: row.id,
    url: row.url,
    description: row.description,
    events: eventsOf(row),
    enabled: row.enabled,
    createdDateTime: row.createdAt.toISOString(),
    lastDelivery:
      last && last.at
        ? { state: last.state, responseStatus: last.responseStatus, at: last.at.toISOString() }
        : null,
  };
}

/** What the audit log keeps of an endpoint (never its secret). */
const snapshotOf = (row: WebhookEndpointRow) => ({
  url: row.url,
  description: row.description,
  events: eventsOf(row),
  enabled: row.enabled,
});

async function endpointOr404(deps: ServiceDeps, id: string): Promise<WebhookEndpointRow> {
  const row = await deps.repos.webhooks.getEndpoint(id);
  if (!row) throw new ApiError('WEBHOOK_NOT_FOUND');
  return row;
}

export async function listWebhooks(deps: ServiceDeps): Promise<{ value: WebhookEndpointView[] }> {
  const rows = await deps.repos.webhooks.listEndpoints();
  const last = new Map(
    (await deps.repos.webhooks.lastAttempted(rows.map((row) => row.id))).map((row) => [row.endpointId, row]),
  );
  return { value: rows.map((row) => toView(row, last.get(row.id))) };
}

export async function getWebhook(deps: ServiceDeps, id: string): Promise<WebhookEndpointView> {
  const row = await endpointOr404(deps, id);
  const [last] = await deps.repos.webhooks.lastAttempted([id]);
  return toView(row, last);
}

export async function createWebhook(
  deps: ServiceDeps,
  actor: Actor,
  body: CreateBody,
): Promise<CreatedWebhookEndpointView> {
  if ((await deps.repos.webhooks.countEndpoints()) >= MAX_WEBHOOK_ENDPOINTS) {
    throw new ApiError('WEBHOOK_LIMIT_REACHED');
  }
  await checkWebhookUrl(deps, body.url);
  const id = newId();
  const secret = deps.webhookSecrets.newSecret();
  const now = deps.clock.now();
  const row: WebhookEndpointRow = {
    id,
    url: body.url,
    description: body.description,
    events: body.events,
    enabled: true,
    secretSealed: deps.webhookSecrets.seal(secret, id),
    createdAt: now,
    updatedAt: now,
  };
  await deps.repos.webhooks.insertEndpoint(row);
  await recordAudit(deps, actor, 'webhook.created', { type: 'webhook', id }, { after: snapshotOf(row) });
  return { ...toView(row), secret };
}

export async function updateWebhook(
  deps: ServiceDeps,
  actor: Actor,
  id: string,
  body: PatchBody,
): Promise<WebhookEndpointView> {
  const before = await endpointOr404(deps, id);
  if (body.url !== undefined && body.url !== before.url) await checkWebhookUrl(deps, body.url);
  const patch = {
    ...(body.url !== undefined && { url: body.url }),
    ...(body.description !== undefined && { description: body.description }),
    ...(body.events !== undefined && { events: body.events }),
    ...(body.enabled !== undefined && { enabled: body.enabled }),
    updatedAt: deps.clock.now(),
  };
  if (!(await deps.repos.webhooks.updateEndpoint(id, patch))) throw new ApiError('WEBHOOK_NOT_FOUND');
  const after = await endpointOr404(deps, id);
  // A PATCH that changed nothing (the console's Save with the same values) is not an admin change.
  if (JSON.stringify(snapshotOf(before)) !== JSON.stringify(snapshotOf(after))) {
    await recordAudit(
      deps,
      actor,
      'webhook.updated',
      { type: 'webhook', id },
      { before: snapshotOf(before), after: snapshotOf(after) },
    );
  }
  return getWebhook(deps, id);
}

export async function deleteWebhook(deps: ServiceDeps, actor: Actor, id: string): Promise<void> {
  const before = await endpointOr404(deps, id);
  if (!(await deps.repos.webhooks.deleteEndpoint(id))) throw new ApiError('WEBHOOK_NOT_FOUND');
  await recordAudit(deps, actor, 'webhook.deleted', { type: 'webhook', id }, { before: snapshotOf(before) });
}

export async function rotateWebhookSecret(
  deps: ServiceDeps,
  actor: Actor,
  id: string,
): Promise<WebhookSecretView> {
  await endpointOr404(deps, id);
  const secret = deps.webhookSecrets.newSecret();
  const updated = await deps.repos.webhooks.updateEndpoint(id, {
    secretSealed: deps.webhookSecrets.seal(secret, id),
    updatedAt: deps.clock.now(),
  });
  if (!updated) throw new ApiError('WEBHOOK_NOT_FOUND');
  await recordAudit(deps, actor, 'webhook.secretRotated', { type: 'webhook', id });
  return { secret };
}

/** Queues a `webhook.test` event for this endpoint only; it is sent even while the endpoint is disabled. */
export async function sendTestEvent(deps: ServiceDeps, id: string): Promise<WebhookTestView> {
  const endpoint = await endpointOr404(deps, id);
  const envelope = envelopeOf(deps, {
    type: WEBHOOK_TEST_EVENT,
    subject: { type: 'webhook', id },
    data: { webhook: { id: endpoint.id, url: endpoint.url } },
  });
  if ((await deps.repos.webhooks.enqueueFor(id, outboxEventOf(envelope))) !== 1) {
    throw new ApiError('WEBHOOK_NOT_FOUND');
  }
  return { eventId: envelope.id };
}

const deliveryCursor = z.object({ seq: z.number().int() });

function toDeliveryView(row: WebhookDeliveryRow): WebhookDeliveryView {
  return {
    id: row.id,
    eventId: row.eventId,
    eventType: row.eventType as WebhookDeliveryView['eventType'],
    subject: { type: row.subjectType as WebhookSubjectType, id: row.subjectId },
    state: row.state,
    attempts: row.attempts,
    lastAttemptDateTime: row.lastAttemptAt?.toISOString() ?? null,
    nextAttemptDateTime: row.nextAttemptAt?.toISOString() ?? null,
    responseStatus: row.responseStatus,
    failure: (row.failure as WebhookDeliveryFailure | null) ?? null,
    createdDateTime: row.createdAt.toISOString(),
  };
}

export async function listDeliveries(
  deps: ServiceDeps,
  id: string,
  query: { limit: number; cursor?: string },
): Promise<Page<WebhookDeliveryView>> {
  await endpointOr404(deps, id);
  const after = decodeCursor(query.cursor, deliveryCursor);
  const rows = await deps.repos.webhooks.listForEndpoint(id, query.limit + 1, after?.seq);
  return toPage(rows, query.limit, toDeliveryView, (row) => ({ seq: row.seq }));
}

/** A failed delivery, tried again now (one more attempt; it is 'failed' again if that fails too). */
export async function retryDelivery(
  deps: ServiceDeps,
  actor: Actor,
  id: string,
  deliveryId: string,
): Promise<void> {
  await endpointOr404(deps, id);
  const delivery = await deps.repos.webhooks.getDelivery(id, deliveryId);
  if (!delivery) throw new ApiError('WEBHOOK_DELIVERY_NOT_FOUND');
  if (!(await deps.repos.webhooks.retryNow(deliveryId, deps.clock.now()))) {
    throw new ApiError('WEBHOOK_DELIVERY_NOT_FAILED');
  }
  await recordAudit(deps, actor, 'webhook.deliveryRetried', { type: 'webhook', id }, { deliveryId });
}
