/**
 * Webhook events and deliveries in words (pure; the words of the page's language are passed in): the
 * picker's groups, an endpoint's events ("Badge issued, Person locked out and 3 more"), a delivery's
 * state with the receiver's answer code ("Delivered · 200"), and when it is tried again ("in 2 min").
 */
import { WEBHOOK_EVENT_TYPES, WEBHOOK_TEST_EVENT, type WebhookEventType } from '$server/contracts/webhooks';
import type { WebhooksWords } from '../webhooks-text';
import type { DeliveryState, WebhookDeliveryView, WebhookEndpointView } from './types';

export type EventGroup = keyof WebhooksWords['groups'];

/** The picker's groups, in the order shown; every event is in exactly one. */
export const EVENT_GROUPS: readonly { group: EventGroup; events: readonly WebhookEventType[] }[] = [
  { group: 'badges', events: ['badge.issued', 'badge.revoked', 'badge.expiringSoon'] },
  { group: 'lockouts', events: ['lockout.locked', 'lockout.burst'] },
  {
    group: 'devices',
    events: ['device.enrolled', 'device.suspended', 'device.revoked', 'device.nonCompliant'],
  },
  { group: 'people', events: ['person.created', 'person.disabled'] },
  { group: 'policies', events: ['policy.changed'] },
];

/** An event type (any string the API sends) in words: the test event, a known event, or "Another event". */
export function eventWords(type: string, t: WebhooksWords): string {
  if (type === WEBHOOK_TEST_EVENT) return t.testEvent;
  return (t.events as Record<string, string>)[type] ?? t.unknownEvent;
}

/** An endpoint's events in list order: "All events", or the first `shown` names and how many more. */
export function eventsSummary(events: readonly string[], t: WebhooksWords, shown = 2): string {
  const picked = WEBHOOK_EVENT_TYPES.filter((type) => events.includes(type));
  if (picked.length === WEBHOOK_EVENT_TYPES.length) return t.allEvents;
  const names = picked.slice(0, shown).map((type) => t.events[type]);
  return t.someEvents(names.join(', '), picked.length - names.length);
}

/** "in 2 min", "in 3 hours", "in 1 day" (Intl, in the page's language); "now" for the past. */
export function relativeTime(target: Date, now: Date, locale: string): string {
  const seconds = Math.round((target.getTime() - now.getTime()) / 1000);
  const format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto', style: 'short' });
  if (seconds < 60) return format.format(Math.max(seconds, 0), 'second');
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return format.format(minutes, 'minute');
  const hours = Math.round(minutes / 60);
  if (hours < 24) return format.format(hours, 'hour');
  return format.format(Math.round(hours / 24), 'day');
}

interface Answered {
  state: DeliveryState;
  responseStatus: number | null;
}

/** The tone a delivery state is shown in (StatusBadge). */
export const DELIVERY_TONES = {
  pending: 'info',
  delivered: 'success',
  retrying: 'warning',
  failed: 'danger',
} as const satisfies Record<DeliveryState, string>;

/** "Delivered · 200", "Failed · 500", "Waiting". */
function stateWithCode(answered: Answered, t: WebhooksWords): string[] {
  const parts = [t.states[answered.state]];
  if (answered.responseStatus !== null) parts.push(String(answered.responseStatus));
  return parts;
}

/** The list's "Last delivery" cell: "Delivered · 200", "Retrying · 500", or "No deliveries yet". */
export function lastDeliverySummary(last: WebhookEndpointView['lastDelivery'], t: WebhooksWords): string {
  return last ? t.summary(stateWithCode(last, t)) : t.noDeliveries;
}

/** The log's "Answer" cell: the code, else why no answer came, else nothing yet. */
export function answerWords(delivery: WebhookDeliveryView, t: WebhooksWords): string {
  if (delivery.responseStatus !== null) return String(delivery.responseStatus);
  if (delivery.failure) return t.failures[delivery.failure];
  return delivery.attempts > 0 ? t.noAnswer : t.none;
}

/** "Retry now" is offered on a delivery that failed for good (the API sends it again at once). */
export const canRetry = (delivery: WebhookDeliveryView): boolean => delivery.state === 'failed';

/** The subject in words ("Store Lisbon Baixa", "Person 3f2a9c1e…"); `names` knows stores' names. */
export function subjectWords(
  subject: WebhookDeliveryView['subject'],
  names: ReadonlyMap<string, string>,
  t: WebhooksWords,
): string {
  if (subject.type === 'webhook') return t.subjects.webhook;
  const name = names.get(subject.id) ?? (subject.id.length > 8 ? `${subject.id.slice(0, 8)}…` : subject.id);
  return `${t.subjects[subject.type]} ${name}`;
}
