/** The webhooks console's words and form rules: events in words, deliveries with their answer codes, and what the endpoint form refuses. */
import { describe, expect, test } from 'vitest';
import { webhooksText as en } from '../../src/lib/admin/webhooks-text.js';
import { webhooksText as es } from '../../src/lib/admin/i18n/es/webhooks-text.js';
import {
  createBody,
  formProblems,
  patchBody,
  problemFromServer,
  toggleAll,
  urlProblem,
} from '../../src/lib/admin/webhooks/form.js';
import type { WebhookDeliveryView, WebhookEndpointView } from '../../src/lib/admin/webhooks/types.js';
import {
  EVENT_GROUPS,
  answerWords,
  canRetry,
  eventWords,
  eventsSummary,
  lastDeliverySummary,
  relativeTime,
  subjectWords,
} from '../../src/lib/admin/webhooks/words.js';
import { WEBHOOK_EVENT_TYPES } from '../../server/domain/webhook-events.js';

const now = new Date('2026-06-01T10:00:00Z');

const delivery = (over: Partial<WebhookDeliveryView> = {}): WebhookDeliveryView => ({
  id: 'd1',
  eventId: 'e1',
  eventType: 'lockout.locked',
  subject: { type: 'person', id: '3f2a9c1e-0000-4000-8000-000000000001' },
  state: 'delivered',
  attempts: 1,
  lastAttemptDateTime: '2026-06-01T09:59:00Z',
  nextAttemptDateTime: null,
  responseStatus: 200,
  failure: null,
  createdDateTime: '2026-06-01T09:59:00Z',
  ...over,
});

const endpoint: WebhookEndpointView = {
  id: 'w1',
  url: 'https://alerts.example.com/shiftpass',
  description: 'Security team',
  events: ['lockout.burst', 'badge.issued'],
  enabled: true,
  createdDateTime: '2026-05-01T10:00:00Z',
  lastDelivery: null,
};

describe('events in words', () => {
  test('every event is in exactly one group of the picker, and has words and a hint in both languages', () => {
    const grouped = EVENT_GROUPS.flatMap((g) => g.events);
    expect([...grouped].sort()).toEqual([...WEBHOOK_EVENT_TYPES].sort());
    for (const type of WEBHOOK_EVENT_TYPES) {
      expect(en.events[type]).not.toContain('.');
      expect(es.events[type]).not.toBe(en.events[type]);
      expect(es.eventHints[type]).not.toBe(en.eventHints[type]);
    }
  });

  test('an endpoint’s events read as names in list order, "All events" when all are ticked', () => {
    expect(eventsSummary(['lockout.burst', 'badge.issued'], en)).toBe(
      'Badge issued, Lockout burst in a store',
    );
    expect(eventsSummary(['person.created', 'badge.revoked', 'device.revoked', 'policy.changed'], es)).toBe(
      'Credencial revocada, Dispositivo revocado y 2 más',
    );
    expect(eventsSummary([...WEBHOOK_EVENT_TYPES], en)).toBe('All events');
  });

  test('the test event and an event this console does not know yet are named in words, never by key', () => {
    expect(eventWords('webhook.test', en)).toBe('Test event');
    expect(eventWords('badge.issued', es)).toBe('Credencial emitida');
    expect(eventWords('shift.swapped', en)).toBe('Another event');
  });
});

describe('deliveries in words', () => {
  test('the list says the last delivery with its answer code', () => {
    expect(
      lastDeliverySummary({ state: 'delivered', responseStatus: 200, at: '2026-06-01T09:00:00Z' }, en),
    ).toBe('Delivered · 200');
    expect(
      lastDeliverySummary({ state: 'retrying', responseStatus: 500, at: '2026-06-01T09:00:00Z' }, es),
    ).toBe('Reintentando · 500');
    expect(lastDeliverySummary(null, en)).toBe('No deliveries yet');
  });

  test('the next retry is said as a time from now in the page’s language', () => {
    expect(relativeTime(new Date('2026-06-01T10:02:00Z'), now, 'en')).toBe('in 2 min.');
    expect(relativeTime(new Date('2026-06-01T16:00:00Z'), now, 'es')).toBe('dentro de 6 h');
    expect(relativeTime(new Date('2026-06-01T09:00:00Z'), now, 'en')).toBe('now');
  });

  test('the answer column shows the code, or why no answer came, and Retry now is offered only on failed rows', () => {
    expect(answerWords(delivery(), en)).toBe('200');
    expect(answerWords(delivery({ responseStatus: null, failure: 'timeout' }), en)).toBe(
      'No answer within 10 seconds',
    );
    expect(answerWords(delivery({ state: 'pending', responseStatus: null, attempts: 0 }), en)).toBe('—');
    expect(canRetry(delivery({ state: 'failed', responseStatus: 503 }))).toBe(true);
    expect(canRetry(delivery({ state: 'retrying', responseStatus: 503 }))).toBe(false);
    expect(canRetry(delivery())).toBe(false);
  });

  test('a store is named; a person by the start of their id; the test event is about this endpoint', () => {
    const names = new Map([['g1', 'Lisbon Baixa']]);
    expect(subjectWords({ type: 'store', id: 'g1' }, names, en)).toBe('Store Lisbon Baixa');
    expect(subjectWords({ type: 'person', id: '3f2a9c1e-0000' }, names, es)).toBe('Persona 3f2a9c1e…');
    expect(subjectWords({ type: 'webhook', id: 'w1' }, names, en)).toBe('This endpoint');
  });
});

describe('the endpoint form', () => {
  test('refuses before sending what is not an https address, in words', () => {
    expect(urlProblem('', en)).toBe(en.urlMissing);
    expect(urlProblem('http://alerts.example.com/hook', en)).toBe(en.urlNotHttps);
    expect(urlProblem('ftp://alerts.example.com', es)).toBe(es.urlNotHttps);
    expect(urlProblem('alerts.example.com', en)).toBe(en.urlInvalid);
    expect(urlProblem('https://user:pw@alerts.example.com/', en)).toBe(en.urlInvalid);
    expect(urlProblem('https://alerts.example.com/hook#part', en)).toBe(en.urlInvalid);
    expect(urlProblem(' https://alerts.example.com/hook ', en)).toBeNull();
  });

  test('asks for at least one event and a short description', () => {
    expect(
      formProblems({ url: 'https://a.example.com', description: 'x'.repeat(201), events: [] }, en),
    ).toEqual({
      description: en.descriptionTooLong(200),
      events: en.eventsMissing,
    });
  });

  test('sends the events in list order, and a description only when there is one', () => {
    expect(
      createBody({
        url: ' https://a.example.com/h ',
        description: ' ',
        events: ['policy.changed', 'badge.issued'],
      }),
    ).toEqual({ url: 'https://a.example.com/h', events: ['badge.issued', 'policy.changed'] });
  });

  test('an edit sends only what changed, and nothing when nothing did', () => {
    const same = {
      url: endpoint.url,
      description: 'Security team',
      events: ['badge.issued', 'lockout.burst'] as const,
    };
    expect(patchBody({ ...same, events: [...same.events] }, endpoint)).toBeNull();
    expect(patchBody({ ...same, events: ['badge.issued'] }, endpoint)).toEqual({ events: ['badge.issued'] });
    expect(patchBody({ ...same, events: [...same.events], description: '' }, endpoint)).toEqual({
      description: '',
    });
  });

  test('the server’s refusals of the address land next to it, in words, never as a code', () => {
    const refusal = (code: string, field?: string) =>
      problemFromServer({ code: code as 'VALIDATION_FAILED', message: 'x', ...(field ? { field } : {}) }, es);
    expect(refusal('WEBHOOK_URL_PRIVATE_ADDRESS')).toEqual({ url: es.urlPrivate });
    expect(refusal('WEBHOOK_URL_NOT_HTTPS')).toEqual({ url: es.urlNotHttps });
    expect(refusal('WEBHOOK_URL_INVALID')).toEqual({ url: es.urlInvalid });
    expect(refusal('VALIDATION_FAILED', 'events.0')).toEqual({ events: es.eventsMissing });
    expect(refusal('NETWORK_ERROR')).toBeNull();
    expect(en.urlPrivate).toBe(
      'This address points inside your network. Shiftpass only sends to public https addresses unless your administrator allows the host.',
    );
  });

  test('"Select all" ticks every event, and clears them when all are ticked', () => {
    expect(toggleAll(['badge.issued'])).toEqual([...WEBHOOK_EVENT_TYPES]);
    expect(toggleAll([...WEBHOOK_EVENT_TYPES])).toEqual([]);
  });
});
