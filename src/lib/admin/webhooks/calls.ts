/**
 * The webhooks API calls the console makes (admins only; docs/api.md, "Webhooks"), on the typed
 * client. In a `load`, pass `apiClient(fetch)`. Changes go through withReauth: the API asks for the
 * password and a code again when the last time was more than 5 minutes ago.
 */
import { call, client } from '$lib/api/typed-client';
import { withReauth } from '../reauth.svelte';
import { LOG_PAGE_SIZE } from './delivery-log.svelte';
import type { CreateWebhookBody, PatchWebhookBody } from './types';

export function webhookCalls(api: typeof client = client) {
  const hooks = api.admin.webhooks;
  const param = (id: string) => ({ param: { id } });
  return {
    list: () => call(hooks.$get()),
    get: (id: string) => call(hooks[':id'].$get(param(id))),
    create: (json: CreateWebhookBody) => withReauth(() => call(hooks.$post({ json }))),
    patch: (id: string, json: PatchWebhookBody) =>
      withReauth(() => call(hooks[':id'].$patch({ ...param(id), json }))),
    remove: (id: string) => withReauth(() => call(hooks[':id'].$delete(param(id)))),
    rotate: (id: string) => withReauth(() => call(hooks[':id']['rotate-secret'].$post(param(id)))),
    test: (id: string) => call(hooks[':id'].test.$post(param(id))),
    deliveries: (id: string, cursor: string) =>
      call(
        hooks[':id'].deliveries.$get({
          ...param(id),
          query: { limit: String(LOG_PAGE_SIZE), ...(cursor ? { cursor } : {}) },
        }),
      ),
    retry: (id: string, deliveryId: string) =>
      call(hooks[':id'].deliveries[':deliveryId'].retry.$post({ param: { id, deliveryId } })),
  };
}
