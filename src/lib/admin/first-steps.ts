/**
 * The dashboard's first-steps checklist, pure: which of the basics of a new installation are done,
 * from what the server counts (GET /api/admin/first-steps), and whether QR sign-in is still off. A step
 * is done when what it sets up exists now: QR sign-in switched on for someone, a store, a worker or
 * manager (the first admin does not count), someone holding a badge that has not expired, a kiosk not
 * removed. The checklist shows until every step is done.
 */
import type { FirstStepsView } from '$server/contracts/first-run';

export type FirstStepId = 'qrSignIn' | 'stores' | 'people' | 'badges' | 'kiosk';

export interface FirstStep {
  id: FirstStepId;
  done: boolean;
  /** How many there are, for steps that count things (null for the QR sign-in switch). */
  count: number | null;
  /** The console page where the step is done. */
  href: string;
}

/** Why workers cannot sign in with a badge yet: the policy is off, or on but including nobody. */
export type QrSignInProblem = 'off' | 'nobody' | null;

export function qrSignInProblem(view: FirstStepsView): QrSignInProblem {
  if (view.qrCodePinPolicy.state !== 'enabled') return 'off';
  return view.qrCodePinPolicy.includeTargetCount === 0 ? 'nobody' : null;
}

export function firstStepsOf(view: FirstStepsView): FirstStep[] {
  const counted = (id: FirstStepId, count: number, href: string): FirstStep => ({
    id,
    done: count > 0,
    count,
    href,
  });
  return [
    { id: 'qrSignIn', done: qrSignInProblem(view) === null, count: null, href: '/admin/policies' },
    counted('stores', view.storeCount, '/admin/groups'),
    counted('people', view.peopleCount, '/admin/people'),
    counted('badges', view.badgedPeopleCount, '/admin/people'),
    counted('kiosk', view.kioskCount, '/admin/devices'),
  ];
}

export const allDone = (steps: readonly FirstStep[]): boolean => steps.every((step) => step.done);
