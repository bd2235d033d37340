/** What-if's reads: the apps a sign-in can open and the enrolled kiosks it can come from. */
import { ACCESS_DEPENDENCY, loadActiveKiosks, loadApps } from '$lib/admin/access-data';
import { apiClient } from '$lib/api/typed-client';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ fetch, depends }) => {
  depends(ACCESS_DEPENDENCY);
  const api = apiClient(fetch);
  const [apps, kiosks] = await Promise.all([loadApps(api), loadActiveKiosks(api)]);
  return { apps, kiosks };
};
