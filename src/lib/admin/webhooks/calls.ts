/**
 * The webhooks API calls the console makes (admins only; docs/api.md, "Webhooks"). Changes go through
 * withReauth: the API may ask for the password and a code again before a change.
 */
import { api, type ApiResult } from '$lib/api/client';
import { withReauth } from '../reauth.svelte';
import type {
  CreateWebhookBody,
  CreatedWebhookEndpoint,
  DeliveryPage,
  PatchWebhookBody,
  WebhookEndpointView,
} from './types';
import { LOG_PAGE_SIZE } from './delivery-log.svelte';

const base = '/admin/webhooks';
const at = (id: string) => `${base}/${encodeURIComponent(id)}`;

export const webhookCalls = {
  list: (): Promise<ApiResult<{ value: WebhookEndpointView[] }>> => api('GET', base),
  create: (body: CreateWebhookBody) => withReauth(() => api<CreatedWebhookEndpoint>('POST', base, body)),
  patch: (id: string, body: PatchWebhookBody) =>
    withReauth(() => api<WebhookEndpointView>('PATCH', at(id), body)),
  remove: (id: string) => withReauth(() => api<undefined>('DELETE', at(id))),
  rotate: (id: string) => withReauth(() => api<{ secret: string }>('POST', `${at(id)}/rotate-secret`)),
  test: (id: string) => api<{ eventId: string }>('POST', `${at(id)}/test`),
  deliveries: (id: string, cursor: string): Promise<ApiResult<DeliveryPage>> => {
    const query = new URLSearchParams({ limit: String(LOG_PAGE_SIZE) });
    if (cursor) query.set('cursor', cursor);
    return api('GET', `${at(id)}/deliveries?${query}`);
  },
  retry: (id: string, deliveryId: string) =>
    api<undefined>('POST', `${at(id)}/deliveries/${encodeURIComponent(deliveryId)}/retry`),
};
