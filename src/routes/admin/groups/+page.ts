/**
 * The Stores page's read: one page of stores for an admin (search and page from the URL); a manager
 * sees their own stores from the layout's list and reads nothing more. Writes invalidate
 * STORES_DEPENDENCY, which reruns this and the layout's store list.
 */
import { STORES_DEPENDENCY } from '$lib/admin/group-directory';
import { apiListParams, readListQuery } from '$lib/admin/list-query';
import { apiClient, call } from '$lib/api/typed-client';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ fetch, url, depends, parent }) => {
  depends(STORES_DEPENDENCY);
  const query = readListQuery(url.searchParams, ['search'] as const);
  const { role } = await parent();
  if (role !== 'admin') return { query, list: null };
  const list = await call(apiClient(fetch).admin.groups.$get({ query: apiListParams(query, 25) }));
  return { query, list };
};
