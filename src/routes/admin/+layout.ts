/**
 * Every /admin page but the sign-in and invitation pages (which reset to the root layout) needs a
 * console session, or a manager's kiosk session: signed-out visitors and workers go to /admin/login.
 */
import { redirect } from '@sveltejs/kit';
import { consoleRoleOf } from '$lib/admin/console-role';
import type { SessionView } from '$server/contracts/schemas';
import type { LayoutLoad } from './$types';

// Rendered in the browser only: nothing personal in server HTML, and the guard asks the API itself.
export const ssr = false;

export const load: LayoutLoad = async ({ fetch }) => {
  const response = await fetch('/api/auth/session', { cache: 'no-store' });
  const session = response.ok ? ((await response.json()) as SessionView) : null;
  const role = consoleRoleOf(session);
  if (!session || !role) redirect(307, '/admin/login');
  return { session, role };
};
