/**
 * An endpoint's page reads: the endpoint and the first page of its delivery log. An endpoint that is
 * not there (deleted meanwhile, a mistyped address) is said in words by the page.
 */
import { webhookCalls } from '$lib/admin/webhooks/calls';
import { WEBHOOKS_DEPENDENCY } from '$lib/admin/webhooks/new-endpoint.svelte';
import { apiClient } from '$lib/api/typed-client';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ fetch, params, depends }) => {
  depends(WEBHOOKS_DEPENDENCY);
  const calls = webhookCalls(apiClient(fetch));
  const [endpoint, deliveries] = await Promise.all([calls.get(params.id), calls.deliveries(params.id, '')]);
  return { id: params.id, endpoint, deliveries };
};
