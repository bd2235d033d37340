/** The devices page's read: one page of kiosks for the filters in the URL (store names come from the layout). */
import { DEVICES_DEPENDENCY, loadDevices, readDevicesQuery } from '$lib/admin/device-list';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ fetch, url, depends }) => {
  depends(DEVICES_DEPENDENCY);
  const query = readDevicesQuery(url);
  return { query, devices: await loadDevices(fetch, query) };
};
