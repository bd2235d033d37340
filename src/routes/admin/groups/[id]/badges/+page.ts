/**
 * A store's badges page's reads: who in the store gets what (GET /api/admin/groups/{id}/badges) and
 * its new people waiting for their first badge (…/badges/new-people), side by side.
 */
import { apiClient, call } from '$lib/api/typed-client';
import type { PageLoad } from './$types';

const STORE_BADGES_DEPENDENCY = 'shiftpass:store-badges';

export const load: PageLoad = async ({ fetch, params, depends }) => {
  depends(STORE_BADGES_DEPENDENCY);
  const badges = apiClient(fetch).admin.groups[':id'].badges;
  const [preview, newPeople] = await Promise.all([
    call(badges.$get({ param: { id: params.id } })),
    call(badges['new-people'].$get({ param: { id: params.id } })),
  ]);
  return { preview, newPeople };
};
