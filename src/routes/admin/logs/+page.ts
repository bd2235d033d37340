/** The logs page's reads (log-reads.ts): the entries for the URL's filters, retention, picked names. */
import { LOGS_DEPENDENCY, loadLogs } from '$lib/admin/log-reads';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ fetch, url, parent, depends }) => {
  depends(LOGS_DEPENDENCY);
  const { role } = await parent();
  return loadLogs(fetch, url, role);
};
