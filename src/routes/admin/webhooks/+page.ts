/** The Webhooks page's read: every endpoint (admins only; a refusal is shown in words by the page). */
import { webhookCalls } from '$lib/admin/webhooks/calls';
import { WEBHOOKS_DEPENDENCY } from '$lib/admin/webhooks/new-endpoint.svelte';
import { apiClient } from '$lib/api/typed-client';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ fetch, depends }) => {
  depends(WEBHOOKS_DEPENDENCY);
  return { endpoints: await webhookCalls(apiClient(fetch)).list() };
};
