/**
 * The dashboard's reads that are not live: for admins, what the first-steps checklist and the QR
 * sign-in banner are computed from (src/lib/admin/first-steps.ts). Managers get neither.
 */
import type { FirstStepsView } from '$server/contracts/first-run';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ fetch, parent }) => {
  const { role } = await parent();
  if (role !== 'admin') return { firstSteps: null, firstStepsFailed: false };
  const response = await fetch('/api/admin/first-steps', { cache: 'no-store' }).catch(() => null);
  if (!response?.ok) return { firstSteps: null, firstStepsFailed: true };
  return { firstSteps: (await response.json()) as FirstStepsView, firstStepsFailed: false };
};
