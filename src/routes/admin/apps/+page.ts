/** The Apps page's read: every registered app (admins only; a refusal is shown in words by the page). */
import { APPS_DEPENDENCY } from '$lib/admin/apps-page.svelte';
import { apiClient, call } from '$lib/api/typed-client';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ fetch, depends }) => {
  depends(APPS_DEPENDENCY);
  const apps = await call(apiClient(fetch).admin.apps.$get());
  return { apps };
};
