/**
 * The people list's rows (GET /api/admin/users): each person with their badge's state and lock, so
 * the console shows "Active", "Expired", "Locked until 14:05" without opening every person.
 */
import type { UserView } from './schemas.js';

/**
 * none: no badge (or every code deleted); active: a standard code works now; temporary: only a
 * temporary code works now; notYetActive: a code starts later; expired: codes exist, none works any more.
 */
export const BADGE_STATES = ['none', 'active', 'temporary', 'notYetActive', 'expired'] as const;
export type BadgeState = (typeof BADGE_STATES)[number];

export interface PersonBadgeView {
  state: BadgeState;
  /** When the working code stops working (for expired: when the last one did); null for none. */
  expireDateTime: string | null;
  isLocked: boolean;
  /** A timed lock's end; null when not locked or locked until someone unlocks it. */
  lockedUntilDateTime: string | null;
}

export interface UserListItemView extends UserView {
  badge: PersonBadgeView;
}
