/** The access policies page's reads: the policies, the templates, the named locations and the apps. */
import {
  ACCESS_DEPENDENCY,
  loadApps,
  loadNamedLocations,
  loadPolicies,
  loadTemplates,
} from '$lib/admin/access-data';
import { apiClient } from '$lib/api/typed-client';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ fetch, depends }) => {
  depends(ACCESS_DEPENDENCY);
  const api = apiClient(fetch);
  const [policies, templates, locations, apps] = await Promise.all([
    loadPolicies(api),
    loadTemplates(api),
    loadNamedLocations(api),
    loadApps(api),
  ]);
  return { policies, templates, locations, apps };
};
