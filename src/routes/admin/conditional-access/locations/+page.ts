/** The named locations page's read (store names come from the layout's `data.stores`). */
import { ACCESS_DEPENDENCY, loadNamedLocations } from '$lib/admin/access-data';
import { apiClient } from '$lib/api/typed-client';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ fetch, depends }) => {
  depends(ACCESS_DEPENDENCY);
  return { locations: await loadNamedLocations(apiClient(fetch)) };
};
