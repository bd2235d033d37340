/**
 * Request and response shapes for webhook endpoints (/api/admin/webhooks/…), shared with src/
 * (issue 17; docs/webhooks.md). An endpoint is an https address Shiftpass POSTs signed events to.
 * The URL is only checked for length here: its rules (https, no credentials, where it resolves) are
 * the service's, answered with their own error codes (WEBHOOK_URL_*).
 */
import { z } from 'zod';
import { WEBHOOK_EVENT_TYPES, type WebhookEventType, type WebhookSubject } from '../domain/webhook-events.js';
import { WEBHOOK_URL_MAX_LENGTH } from '../domain/webhook-address.js';
import { cursorParam, limitParam } from './pagination.js';
import { searchText } from './text.js';

export { WEBHOOK_URL_MAX_LENGTH };
export {
  WEBHOOK_EVENT_TYPES,
  WEBHOOK_TEST_EVENT,
  type WebhookEventType,
  type WebhookSubject,
  type WebhookSubjectType,
} from '../domain/webhook-events.js';

/** Endpoints one installation may have. */
export const MAX_WEBHOOK_ENDPOINTS = 20;
export const WEBHOOK_DESCRIPTION_MAX_LENGTH = 200;

/** How long one delivery may take, and the attempts before a delivery is given up (the console's words). */
export const WEBHOOK_TIMEOUT_SECONDS = 10;
export const WEBHOOK_MAX_ATTEMPTS = 8;
/** Deliveries (and their bodies) are kept this long after they were created. */
export const WEBHOOK_KEEP_DAYS = 30;

const webhookUrl = z.string().min(1).max(WEBHOOK_URL_MAX_LENGTH);
// Free text checked like every name (NFC, trimmed, no control characters); may be empty.
const description = searchText(WEBHOOK_DESCRIPTION_MAX_LENGTH);
const events = z
  .array(z.enum(WEBHOOK_EVENT_TYPES))
  .min(1)
  .max(WEBHOOK_EVENT_TYPES.length * 2)
  .transform((list) => [...new Set(list)]);

export const createWebhookBody = z.strictObject({
  url: webhookUrl,
  description: description.default(''),
  events,
});
export type CreateWebhookBody = z.input<typeof createWebhookBody>;

export const patchWebhookBody = z.strictObject({
  url: webhookUrl.optional(),
  description: description.optional(),
  events: events.optional(),
  enabled: z.boolean().optional(),
});
export type PatchWebhookBody = z.input<typeof patchWebhookBody>;

export const listWebhookDeliveriesQuery = z.strictObject({
  limit: limitParam,
  cursor: cursorParam.optional(),
});

/**
 * pending: not tried yet (or being sent); retrying: an attempt failed, another is scheduled;
 * delivered: the endpoint answered 2xx; failed: no more attempts (an admin may retry it).
 */
export const WEBHOOK_DELIVERY_STATES = ['pending', 'delivered', 'retrying', 'failed'] as const;
export type WebhookDeliveryState = (typeof WEBHOOK_DELIVERY_STATES)[number];

/**
 * Why an attempt failed: no answer within the timeout; no connection (refused, reset, name not
 * found); the TLS handshake failed (certificate); a 3xx (redirects are never followed); the host
 * resolved to an address webhooks may not reach; any other status than 2xx.
 */
export const WEBHOOK_DELIVERY_FAILURES = [
  'timeout',
  'connection',
  'tls',
  'redirect',
  'private_address',
  'http_status',
] as const;
export type WebhookDeliveryFailure = (typeof WEBHOOK_DELIVERY_FAILURES)[number];

export interface WebhookEndpointView {
  id: string;
  url: string;
  description: string;
  events: WebhookEventType[];
  enabled: boolean;
  createdDateTime: string;
  /** The latest attempt to this endpoint, or null before the first. */
  lastDelivery: null | { state: WebhookDeliveryState; responseStatus: number | null; at: string };
}

/** Only in the answer to POST /api/admin/webhooks: the signing secret, shown once. */
export interface CreatedWebhookEndpointView extends WebhookEndpointView {
  secret: string;
}

export interface WebhookSecretView {
  secret: string;
}

export interface WebhookTestView {
  eventId: string;
}

export interface WebhookDeliveryView {
  id: string;
  eventId: string;
  eventType: WebhookEventType | 'webhook.test';
  subject: WebhookSubject;
  state: WebhookDeliveryState;
  attempts: number;
  lastAttemptDateTime: string | null;
  nextAttemptDateTime: string | null;
  /** The endpoint's HTTP status at the last attempt (null: no answer, or no attempt yet). */
  responseStatus: number | null;
  failure: WebhookDeliveryFailure | null;
  createdDateTime: string;
}
