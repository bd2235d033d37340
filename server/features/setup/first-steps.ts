/**
 * What the console dashboard's first-steps checklist is computed from (src/lib/admin/first-steps.ts
 * holds the rules that say which step is done): the QR-code + PIN policy's switch and who it includes,
 * and how many stores, people, badged people and kiosks there are.
 */
import type { ServiceDeps } from '../../core/deps.js';
import { getQrPinPolicy } from '../policies/policies.js';
import type { FirstStepsView } from '../../contracts/first-run.js';

export type { FirstStepsView };

export async function getFirstSteps(deps: ServiceDeps): Promise<FirstStepsView> {
  const [policy, counts] = await Promise.all([
    getQrPinPolicy(deps),
    deps.repos.firstSteps.counts(deps.clock.now()),
  ]);
  return {
    qrCodePinPolicy: { state: policy.state, includeTargetCount: policy.includeTargets.length },
    storeCount: counts.stores,
    peopleCount: counts.people,
    badgedPeopleCount: counts.peopleWithBadge,
    kioskCount: counts.kiosks,
  };
}
