/** The API tokens page's read: every token (admins only; a refusal is shown in words by the page). */
import { API_TOKENS_DEPENDENCY } from '$lib/admin/api-tokens-page.svelte';
import { apiClient, call } from '$lib/api/typed-client';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ fetch, depends }) => {
  depends(API_TOKENS_DEPENDENCY);
  const tokens = await call(apiClient(fetch).admin['api-tokens'].$get());
  return { tokens };
};
