/** A store's badges page's read: who in the store gets what (GET /api/admin/groups/{id}/badges). */
import { apiClient, call } from '$lib/api/typed-client';
import type { PageLoad } from './$types';

const STORE_BADGES_DEPENDENCY = 'shiftpass:store-badges';

export const load: PageLoad = async ({ fetch, params, depends }) => {
  depends(STORE_BADGES_DEPENDENCY);
  const preview = await call(apiClient(fetch).admin.groups[':id'].badges.$get({ param: { id: params.id } }));
  return { preview };
};
