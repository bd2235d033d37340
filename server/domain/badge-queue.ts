/**
 * The new-people badge queue of a store: who is waiting for their first badge. Derived, never stored:
 * a member is in the queue while
 * - their account is enabled (a disabled person needs no badge),
 * - they have no QR-code + PIN method: no badge and no PIN, as everyone who joined by SCIM, CSV or the
 *   console starts (someone whose badge expired or was taken away keeps their PIN and is not new; a
 *   method deleted outright, PIN included, puts them back in the queue, since they need both again),
 * - and the caller may issue theirs (an admin: anyone; a manager: workers, as badge issuing decides).
 * Issuing the badge creates the method, so a person leaves the queue the moment theirs is issued.
 * Newest first: the people a store hired last are the ones waiting at the door; then by name.
 */
import type { Role } from './roles.js';

export interface QueueCandidate {
  id: string;
  displayName: string;
  role: Role;
  accountEnabled: boolean;
  /** When the person was added to Shiftpass. */
  createdAt: Date;
  /** Whether they have a QR-code + PIN method (a PIN, with or without a working badge). */
  hasMethod: boolean;
}

/** Whether a caller of `callerRole` may issue badges for someone of `role` (badge issuing's rule). */
export const mayIssueBadgeFor = (callerRole: Role, role: Role): boolean =>
  callerRole === 'admin' || role === 'worker';

export function awaitsFirstBadge(person: QueueCandidate, callerRole: Role): boolean {
  return person.accountEnabled && !person.hasMethod && mayIssueBadgeFor(callerRole, person.role);
}

/** The queue: the members awaiting their first badge, newest first, then by name. */
export function badgeQueueOf<T extends QueueCandidate>(members: readonly T[], callerRole: Role): T[] {
  return members
    .filter((person) => awaitsFirstBadge(person, callerRole))
    .sort(
      (a, b) =>
        b.createdAt.getTime() - a.createdAt.getTime() ||
        a.displayName.localeCompare(b.displayName) ||
        a.id.localeCompare(b.id),
    );
}
