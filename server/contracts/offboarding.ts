/**
 * POST /api/admin/users/{id}/offboard and …/reactivate (features/people/offboarding.ts): what each
 * answers. No body is taken: the console is the source of both.
 */
import type { UserView } from './schemas.js';

/** What one offboarding ended (also in its audit entry `user.offboarded`). */
export interface OffboardingCountsView {
  badgesRevoked: number;
  sessionsEnded: number;
  appsTold: number;
  apiTokensRevoked: number;
}

/** `changed: false`: the person was already offboarded; nothing was done, `counts` is null. */
export interface OffboardingView {
  user: UserView;
  changed: boolean;
  counts: OffboardingCountsView | null;
}

/** `changed: false`: the person was already on; nothing was done. Old badges never come back. */
export interface ReactivationView {
  user: UserView;
  changed: boolean;
}
