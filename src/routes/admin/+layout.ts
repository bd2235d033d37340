/**
 * Every /admin page but the sign-in and invitation pages (which reset to the root layout) needs a
 * console session, or a manager's kiosk session: signed-out visitors and workers go to /admin/login.
 * The layout also loads the one store list every page names stores from (`data.stores`: all stores
 * for an admin, their own for a manager); a page that changes stores invalidates STORES_DEPENDENCY.
 */
import { redirect } from '@sveltejs/kit';
import { consoleRoleOf } from '$lib/admin/console-role';
import { loadGroupNames, STORES_DEPENDENCY, type GroupName } from '$lib/admin/group-directory';
import type { SessionView } from '$server/contracts/schemas';
import type { LayoutLoad } from './$types';

// Rendered in the browser only: nothing personal in server HTML, and the guard asks the API itself.
export const ssr = false;

export const load: LayoutLoad = async ({ fetch, depends }) => {
  depends(STORES_DEPENDENCY);
  const response = await fetch('/api/auth/session', { cache: 'no-store' });
  const session = response.ok ? ((await response.json()) as SessionView) : null;
  const role = consoleRoleOf(session);
  if (!session || !role) redirect(307, '/admin/login');
  const stores = await loadGroupNames(role, session.user.groups, fetch);
  // A failed read leaves store names out (pages show ids' places empty) rather than the whole console.
  const storeList: GroupName[] = stores.ok ? stores.data : [];
  return { session, role, stores: storeList, storesLoaded: stores.ok };
};
