/**
 * An endpoint's page reads: the endpoint (from the list: it is short) and the first page of its
 * delivery log. An endpoint that is not there is said in words by the page.
 */
import { webhookCalls } from '$lib/admin/webhooks/calls';
import { WEBHOOKS_DEPENDENCY } from '$lib/admin/webhooks/new-endpoint.svelte';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ params, depends }) => {
  depends(WEBHOOKS_DEPENDENCY);
  const [endpoints, deliveries] = await Promise.all([
    webhookCalls.list(),
    webhookCalls.deliveries(params.id, ''),
  ]);
  const endpoint = endpoints.ok ? (endpoints.data.value.find((e) => e.id === params.id) ?? null) : null;
  return { id: params.id, endpoints, endpoint, deliveries };
};
