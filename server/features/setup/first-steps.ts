/**
 * What the console dashboard's first-steps checklist is computed from (src/lib/admin/first-steps.ts
 * holds the rules that say which step is done): the QR-code + PIN policy's switch and who it includes,
 * and how many stores, people, badged people and kiosks there are.
 */
import type { ServiceDeps } from '../../core/deps.js';
import { getQrPinPolicy } from '../policies/policies.js';

export interface FirstStepsView {
  qrCodePinPolicy: { state: 'enabled' | 'disabled'; includeTargetCount: number };
  /** Stores (groups). */
  storeCount: number;
  /** Workers and managers (admins are not counted: the first admin is there from the start). */
  peopleCount: number;
  /** People holding a badge that has not expired. */
  badgedPeopleCount: number;
  /** Kiosks set up and not removed (active or suspended). */
  kioskCount: number;
}

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
