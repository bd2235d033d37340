/**
 * The endpoint form (new endpoint and an endpoint's settings): what it refuses before sending, the
 * bodies it sends, and the server's refusals placed next to their field. Only https addresses are
 * sent to; whether a host is inside the network is the server's call (an installation may allow
 * some private hosts), so that refusal comes back from it and is put in words here.
 */
import type { ClientError } from '$lib/api/client';
import { WEBHOOK_DESCRIPTION_MAX_LENGTH } from '$server/contracts/webhooks';
import { WEBHOOK_EVENT_TYPES, type WebhookEventType } from '$server/contracts/webhooks';
import type { WebhooksWords } from '../webhooks-text';
import type { CreateWebhookBody, PatchWebhookBody, WebhookEndpointView } from './types';

export const DESCRIPTION_MAX = WEBHOOK_DESCRIPTION_MAX_LENGTH;

export interface EndpointForm {
  url: string;
  description: string;
  events: WebhookEventType[];
}

export type EndpointField = keyof EndpointForm;
export type EndpointProblems = Partial<Record<EndpointField, string>>;

export const emptyEndpointForm = (): EndpointForm => ({ url: '', description: '', events: [] });

export const formFromEndpoint = (endpoint: WebhookEndpointView): EndpointForm => ({
  url: endpoint.url,
  description: endpoint.description ?? '',
  events: WEBHOOK_EVENT_TYPES.filter((type) => endpoint.events.includes(type)),
});

/** Why an address cannot be sent to, before asking the server: null when it may be. */
export function urlProblem(value: string, t: WebhooksWords): string | null {
  const text = value.trim();
  if (text === '') return t.urlMissing;
  if (/^http:\/\//i.test(text)) return t.urlNotHttps;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return t.urlInvalid;
  }
  if (url.protocol !== 'https:') return t.urlNotHttps;
  if (!url.hostname || url.username || url.password || text.includes('#')) return t.urlInvalid;
  return null;
}

export function formProblems(form: EndpointForm, t: WebhooksWords): EndpointProblems {
  const problems: EndpointProblems = {};
  const url = urlProblem(form.url, t);
  if (url) problems.url = url;
  if (form.description.trim().length > DESCRIPTION_MAX)
    problems.description = t.descriptionTooLong(DESCRIPTION_MAX);
  if (form.events.length === 0) problems.events = t.eventsMissing;
  return problems;
}

/** The ticked events in the list's order (a receiver reads them in that order too). */
const orderedEvents = (events: readonly WebhookEventType[]) =>
  WEBHOOK_EVENT_TYPES.filter((type) => events.includes(type));

export function createBody(form: EndpointForm): CreateWebhookBody {
  const description = form.description.trim();
  return {
    url: form.url.trim(),
    ...(description ? { description } : {}),
    events: orderedEvents(form.events),
  };
}

/** Only what changed; null when nothing did. */
export function patchBody(form: EndpointForm, endpoint: WebhookEndpointView): PatchWebhookBody | null {
  const body: PatchWebhookBody = {};
  const url = form.url.trim();
  if (url !== endpoint.url) body.url = url;
  const description = form.description.trim();
  if (description !== (endpoint.description ?? '')) body.description = description;
  const events = orderedEvents(form.events);
  const before = orderedEvents(endpoint.events);
  if (events.join() !== before.join()) body.events = events;
  return Object.keys(body).length > 0 ? body : null;
}

/** The server's refusal of the form next to its field, or null when it is about the whole form. */
export function problemFromServer(error: ClientError, t: WebhooksWords): EndpointProblems | null {
  switch (error.code) {
    case 'WEBHOOK_URL_NOT_HTTPS':
      return { url: t.urlNotHttps };
    case 'WEBHOOK_URL_PRIVATE_ADDRESS':
      return { url: t.urlPrivate };
    case 'WEBHOOK_URL_INVALID':
      return { url: t.urlInvalid };
    case 'VALIDATION_FAILED': {
      const field = typeof error.field === 'string' ? error.field : '';
      if (field === 'url') return { url: t.urlInvalid };
      if (field.startsWith('events')) return { events: t.eventsMissing };
      if (field === 'description') return { description: t.descriptionTooLong(DESCRIPTION_MAX) };
      return null;
    }
    default:
      return null;
  }
}

/** "Select all": every event when not all are ticked, else none. */
export const toggleAll = (events: readonly WebhookEventType[]): WebhookEventType[] =>
  events.length === WEBHOOK_EVENT_TYPES.length ? [] : [...WEBHOOK_EVENT_TYPES];
