/**
 * The dashboard's reads, through the typed client with Kit's fetch: the last 24 hours' sign-in
 * activity (admins: everyone; managers: their stores' workers) and, for admins, what the first-steps
 * checklist and the QR sign-in banner are computed from (src/lib/admin/first-steps.ts). A read that
 * fails leaves its part of the page saying so; the rest shows.
 */
import { apiClient, call } from '$lib/api/typed-client';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ fetch, parent, depends }) => {
  depends('shiftpass:dashboard');
  const api = apiClient(fetch);
  const { role } = await parent();
  const [activity, firstSteps] = await Promise.all([
    call(api.admin.reports['sign-in-activity'].$get({ query: { hours: '24' } })),
    role === 'admin' ? call(api.admin['first-steps'].$get()) : Promise.resolve(null),
  ]);
  return {
    activity: activity.ok ? activity.data : null,
    activityFailed: !activity.ok,
    firstSteps: firstSteps?.ok ? firstSteps.data : null,
    firstStepsFailed: firstSteps !== null && !firstSteps.ok,
  };
};
