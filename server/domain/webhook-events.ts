/**
 * The events Shiftpass sends to webhook endpoints (issue 17): the one list, used by the endpoint
 * registration contract, the outbox, the event producers and the console's event picker. Names are
 * part of the public contract (receivers switch on them): add new ones, never rename.
 *
 * Every event is about one subject (a person, a device, a store, a policy); deliveries to one
 * endpoint keep the order of events about the same subject.
 */
export const WEBHOOK_EVENT_TYPES = [
  'badge.issued',
  'badge.revoked',
  'badge.expiringSoon',
  'lockout.locked',
  'lockout.burst',
  'device.enrolled',
  'device.suspended',
  'device.revoked',
  'device.nonCompliant',
  'person.created',
  'person.disabled',
  'policy.changed',
] as const;

export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

/** Sent only by the console's "Send test event" button, to one endpoint; never subscribed to. */
export const WEBHOOK_TEST_EVENT = 'webhook.test' as const;

export type WebhookSubjectType = 'person' | 'device' | 'store' | 'policy' | 'webhook';

export interface WebhookSubject {
  type: WebhookSubjectType;
  id: string;
}

export function isWebhookEventType(value: string): value is WebhookEventType {
  return (WEBHOOK_EVENT_TYPES as readonly string[]).includes(value);
}
