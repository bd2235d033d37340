/**
 * Every /admin page but the sign-in page (which resets to the root layout) needs a console session:
 * signed-out visitors, and people signed in with a badge at a kiosk, go to /admin/login.
 */
import { redirect } from '@sveltejs/kit';
import type { SessionView } from '$server/contracts/schemas';
import type { LayoutLoad } from './$types';

// Rendered in the browser only: nothing personal in server HTML, and the guard asks the API itself.
export const ssr = false;

export const load: LayoutLoad = async ({ fetch }) => {
  const response = await fetch('/api/auth/session', { cache: 'no-store' });
  const session = response.ok ? ((await response.json()) as SessionView) : null;
  if (session?.kind !== 'console') redirect(307, '/admin/login');
  return { session };
};
